import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { desktopDdr5, generationRows, whyGpusChapter } from '../../../src/lib/examples/why-gpus.ts';

describe('whyGpusChapter', () => {
  const cards = loadGpus();
  const w = whyGpusChapter(cards);
  it('counts each preset close to the size its authors publish', () => {
    // Devlin et al. 2019 §3 (110M, 340M); Radford et al. 2019 Table 2 (1,542M); Brown et al. 2020 Table 2.1 (175B);
    // Llama 3.1 model card (8B, 70B, 405B); DeepSeek-AI 2024 abstract (671B total, 37B active).
    const published: Record<string, [number, number]> = {
      'bert-base': [110e6, 0.05], 'bert-large': [340e6, 0.05], 'gpt2-xl': [1542e6, 0.02], 'gpt-3-175b': [175e9, 0.02],
      'llama-3.1-8b': [8.03e9, 0.01], 'llama-3.1-70b': [70.6e9, 0.01], 'llama-3.1-405b': [405e9, 0.02], 'deepseek-v3': [671e9, 0.02],
    };
    for (const [id, [params, tol]] of Object.entries(published)) expect(Math.abs(w.row(id).totalParams / params - 1), id).toBeLessThan(tol);
    expect(Math.abs(w.row('deepseek-v3').activeParams / 37e9 - 1)).toBeLessThan(0.03);
  });
  it('sizes rise down the table, and a dense model is active in full', () => {
    const sizes = w.modelSizeRows.map((r) => r.totalParams);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(w.row('llama-3.1-70b').activeParams).toBe(w.row('llama-3.1-70b').totalParams);
  });
  it('the shares of an 8B model add up: matmul weights + embedding table + norms = 1, and matmuls are over 90%', () => {
    expect(w.mw.matmulShare + w.mw.embeddingParams / w.mw.totalParams + w.mw.vectorShare).toBeCloseTo(1, 12);
    expect(w.mw.matmulShare).toBeGreaterThan(0.9);
    expect(w.mw.vectorShare).toBeGreaterThan(0);
  });
  it('dual-channel DDR5-6400 peaks at 102.4 GB/s, and the RTX 4090 (1,008 GB/s, NVIDIA spec) reads about 10 times faster', () => {
    expect(desktopDdr5().bandwidthBytesPerSecond).toBe(102.4e9);
    expect(w.bwRatio).toBeCloseTo(1008 / 102.4, 6);
  });
  it('reading all 24 GiB of an RTX 4090 once takes about 25.6 ms; tokens/s bounds scale with bandwidth', () => {
    expect(w.exercises.readAllMs).toBeCloseTo((24 * 2 ** 30) / 1008e9 * 1000, 6);
    expect(w.exercises.gpuTokensPerSecond / w.exercises.ddr5TokensPerSecond).toBeCloseTo(w.bwRatio, 9);
  });
  it('one GeForce flagship per series, from the GTX 1080 Ti to the RTX 5090, each series launching after the last', () => {
    const rows = generationRows(cards);
    expect(rows.map((r) => r.series)).toEqual(['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50']);
    expect(rows[0]?.flagship.id).toBe('gtx-1080-ti');
    expect(rows.at(-1)?.flagship.id).toBe('rtx-5090');
    for (const r of rows) expect(r.flagship.name).toContain('GeForce');
    expect(w.largestGeforceMemory).toBe(32);
  });
  it('throws instead of printing blanks when a card the chapter names is missing', () => {
    expect(() => whyGpusChapter(cards.filter((c) => c.id !== 'rtx-4090'))).toThrow(/missing/);
  });
});
