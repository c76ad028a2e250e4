import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { cardLabel, filterRows, layoutText, planRows, sortRows, type PlannerCard } from '../../../src/lib/answers/planner.ts';
import { H100_SXM, RTX_4090, scenario } from '../fixtures.ts';

const PASCAL: PlannerCard = { ...RTX_4090, id: 'p40-like', name: 'Tesla P40', architecture: 'pascal', bf16Tflops: null, fp8Tflops: null, series: 'reference', launchPriceUsd: 5699 };
const SMALL: PlannerCard = { ...RTX_4090, id: 'small', name: 'GeForce RTX 4060 8GB', memoryGB: 8, launchPriceUsd: 299, series: 'geforce-40', memoryBandwidthGBs: 272 };
const CARDS: PlannerCard[] = [{ ...RTX_4090, series: 'geforce-40' }, { ...H100_SXM, series: 'reference', launchPriceUsd: 30000 }, PASCAL, SMALL];

describe('planRows', () => {
  const s = scenario({ model: 'llama-3.1-8b', workload: 'lora', seqLen: 1024, gradientCheckpointing: true });
  const rows = planRows(s, CARDS);

  it('gives every card the estimator\'s own verdict and numbers', () => {
    for (const [i, r] of rows.entries()) {
      const e = estimate(s, CARDS[i]!, { explain: false });
      expect(r.verdict).toBe(e.verdict);
      expect(r.totalBytes).toBe(e.memory.totalBytes);
      expect(r.tokensPerSecond).toBe(e.throughput.trainTokensPerSecond);
    }
  });

  it('marks BF16 LoRA on a Pascal card unsupported, with no multi-card plan', () => {
    const p = rows.find((r) => r.id === 'p40-like')!;
    expect(p.verdict).toBe('unsupported');
    expect(p.fewest).toBeNull();
  });

  it('finds the fewest cards for a card that is too small, and prices them', () => {
    const small = rows.find((r) => r.id === 'small')!;
    expect(small.verdict).toBe('does-not-fit');
    expect(small.fewest?.gpuCount).toBeGreaterThan(1);
    expect(small.cardsPriceUsd).toBe(299 * small.fewest!.gpuCount);
  });

  it('sorts rows that run first, then by the order chosen', () => {
    const cheapest = sortRows(rows, 'cheapest').map((r) => r.id);
    expect(cheapest.slice(0, 2)).toEqual(['rtx-4090', 'h100-sxm']);
    expect(cheapest.at(-1)).toBe('p40-like');
    expect(sortRows(rows, 'fastest')[0]?.id).toBe('h100-sxm');
    const perDollar = sortRows(rows, 'per-dollar');
    expect(perDollar[0]!.tokensPerDollar).toBeGreaterThanOrEqual(perDollar[1]!.tokensPerDollar);
  });

  it('filters by series, budget and memory', () => {
    expect(filterRows(rows, { series: 'geforce-40' }).map((r) => r.id).sort()).toEqual(['rtx-4090', 'small']);
    expect(filterRows(rows, { budgetUsd: 2000 }).map((r) => r.id)).toContain('rtx-4090');
    expect(filterRows(rows, { budgetUsd: 2000 }).map((r) => r.id)).not.toContain('h100-sxm');
    expect(filterRows(rows, { minMemoryGB: 40 }).map((r) => r.id)).toEqual(['h100-sxm']);
    expect(filterRows(rows, { runsOnly: true }).map((r) => r.id)).not.toContain('p40-like');
  });
});

describe('cardLabel and layoutText', () => {
  it('writes every card name in one pattern', () => {
    expect(cardLabel('NVIDIA A100 PCIe 40 GB', 40)).toBe('A100 PCIe 40 GB');
    expect(cardLabel('H100 PCIe 80GB', 80)).toBe('H100 PCIe 80 GB');
    expect(cardLabel('GeForce RTX 3060 (12 GB)', 12)).toBe('GeForce RTX 3060 12 GB');
    expect(cardLabel('GeForce RTX 4090', 24)).toBe('GeForce RTX 4090 24 GB');
  });

  it('names the layout', () => {
    expect(layoutText({ gpuCount: 8, zeroStage: 0, tensorParallel: 8, pipelineParallel: 1 })).toBe('8 cards, tensor parallel 8');
    expect(layoutText({ gpuCount: 4, zeroStage: 3, tensorParallel: 1, pipelineParallel: 1 })).toBe('4 cards, ZeRO-3 data parallel 4');
    expect(layoutText({ gpuCount: 1, zeroStage: 0, tensorParallel: 1, pipelineParallel: 1 })).toBe('1 card');
  });
});
