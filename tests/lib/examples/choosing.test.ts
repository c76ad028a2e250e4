import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { budgetPicks, cardValueRows, choosingChapter, COMMON_JOBS, jobFits, seriesSummaries } from '../../../src/lib/examples/choosing.ts';
import { requireCard } from '../../../src/lib/examples/shared.ts';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';
import { runsAsGiven } from '../../../src/lib/estimator/verdict.ts';

describe('choosingChapter', () => {
  const cards = loadGpus();
  const rows = cardValueRows(cards);
  const get = (id: string) => rows.find((r) => r.card.id === id)!;
  it('more CUDA cores does not mean faster training: the RTX 2060 has fewer than the GTX 1080 Ti and trains faster', () => {
    const [turing, pascal] = [get('rtx-2060'), get('gtx-1080-ti')];
    expect(turing.card.cudaCores).toBeLessThan(pascal.card.cudaCores * 0.6);
    expect(turing.trainTflops).toBeGreaterThan(pascal.trainTflops * 2);
    // Ampere doubled FP32 lanes per SM: twice the cores of the 2080 Ti, far less than twice the training peak.
    const [ampere, turingTop] = [get('rtx-3080-10gb'), get('rtx-2080-ti')];
    expect(ampere.card.cudaCores / turingTop.card.cudaCores).toBe(2);
    expect(ampere.trainTflops / turingTop.trainTflops).toBeLessThan(1.5);
  });
  it('cards without Tensor Cores train at their FP32 rate: the 2x CUDA-core FP16 rate needs FP16 accumulation (GeForce 16, P100)', () => {
    const none = rows.filter((r) => r.card.tensorCores === 0);
    expect(none.filter((r) => (r.card.fp16Tflops ?? 0) > r.card.fp32Tflops).map((r) => r.card.id)).toContain('tesla-p100-pcie-16gb');
    for (const r of none) {
      expect(r.tensorTflops).toBeNull();
      expect(r.trainColumn).toBe('fp32Tflops');
    }
  });
  it('RTX 4090 ratios from its published figures: 165.2 dense BF16 TFLOPS, 1,599 USD, 450 W, 24 GB (NVIDIA Ada whitepaper; launch MSRP)', () => {
    const ada = get('rtx-4090');
    expect(ada.tflopsPerKUsd).toBeCloseTo((165.2 / 1599) * 1000, 6);
    expect(ada.gflopsPerW).toBeCloseTo((165.2 * 1000) / 450, 6);
    expect(ada.gbPer100Usd).toBeCloseTo((24 / 1599) * 100, 6);
    expect(get('h100-sxm').tflopsPerKUsd).toBeNull();
  });
  it('seriesSummaries: one entry per family; the 50 series’ biggest card is the RTX 5090; GeForce 16 has no Tensor Cores', () => {
    const s = seriesSummaries(rows);
    expect(s.map((x) => x.series)).toEqual(['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50', 'reference']);
    expect(s.find((x) => x.series === 'geforce-16')?.tensorCoreGenerations).toEqual([]);
    expect(s.find((x) => x.series === 'geforce-40')?.tensorCoreGenerations).toEqual([4]);
    expect(s.find((x) => x.series === 'geforce-50')?.mostMemory.card.id).toBe('rtx-5090');
    for (const x of s) expect(x.fastest.trainTflops).toBeGreaterThanOrEqual(x.mostMemory.trainTflops);
  });
  it('the Generations chapter’s claim: memory per dollar jumped once, at the 30 series (RTX 3060 12 GB: 12 GB for 329 USD), and has barely moved since, while compute per dollar kept climbing', () => {
    const s = Object.fromEntries(seriesSummaries(rows).map((x) => [x.series, x]));
    const gb = (id: string) => s[id]?.bestGbPerUsd?.gbPer100Usd ?? Number.NaN;
    const tf = (id: string) => s[id]?.bestTflopsPerUsd?.tflopsPerKUsd ?? Number.NaN;
    expect(s['geforce-30']?.bestGbPerUsd?.card.id).toBe('rtx-3060-12gb');
    expect(gb('geforce-30')).toBeCloseTo((12 / 329) * 100, 6);
    expect(gb('geforce-30') / gb('geforce-20')).toBeGreaterThan(1.5);
    for (const later of ['geforce-40', 'geforce-50']) expect(Math.abs(gb(later) / gb('geforce-30') - 1)).toBeLessThan(0.15);
    expect(tf('geforce-30')).toBeGreaterThan(tf('geforce-20'));
    expect(tf('geforce-40')).toBeGreaterThan(tf('geforce-30'));
    expect(tf('geforce-50')).toBeGreaterThan(tf('geforce-40'));
    expect(tf('geforce-50') / tf('geforce-30')).toBeGreaterThan(1.3);
  });
  it('jobFits: every single card listed holds its job by a fresh estimate, priced cards come in price order, the multi-card set is no dearer than the cheapest single priced card', () => {
    for (const f of jobFits(cards)) {
      const parsed = parseScenario(f.job.raw);
      if (!parsed.ok) throw new Error(parsed.error);
      // `fits` admits paging: the 48 GB cards listed for a 70B QLoRA run it only with the paged optimizer (verdict offload).
      for (const o of f.single) expect(estimate(parsed.scenario, requireCard(cards, o.gpuId), { explain: false }).fits, `${f.job.id} on ${o.gpuId}`).toBe(true);
      const prices = f.single.map((o) => o.priceUsd).filter((p): p is number => p !== null);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      if (f.multi && prices[0] !== undefined) expect(f.multi.priceUsd ?? Infinity).toBeLessThanOrEqual(prices[0]);
    }
  });
  it('no common job runs a model past the context it was trained for (Llama 2: 4,096 tokens, Touvron et al. 2023 §2.2)', () => {
    const trainedContext: Record<string, number> = { 'llama-2-7b': 4096, 'llama-3.1-8b': 131072, 'llama-3.1-70b': 131072 };
    for (const job of COMMON_JOBS) {
      const r = job.raw as { model: string; promptTokens?: number; outputTokens?: number; seqLen?: number };
      const tokens = r.seqLen ?? (r.promptTokens ?? 0) + (r.outputTokens ?? 0);
      expect(tokens, job.id).toBeLessThanOrEqual(trainedContext[r.model]!);
    }
  });
  it('budgetPicks: the jobs listed for a pick run on it as given (no paging), by a fresh estimate', () => {
    const jobs = Object.fromEntries(COMMON_JOBS.map((j) => [j.id, j.raw]));
    for (const p of budgetPicks(rows, cards, [500, 2000])) {
      for (const id of p.jobsThatFit) {
        const parsed = parseScenario(jobs[id]!);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(runsAsGiven(estimate(parsed.scenario, requireCard(cards, p.mostMemory!.card.id), { explain: false }).verdict), id).toBe(true);
      }
    }
  });
  it('budgetPicks: more budget never buys less memory or fewer jobs, and no pick is over its ceiling', () => {
    const picks = budgetPicks(rows, cards, [350, 500, 1000, 2000]);
    const mem = picks.map((p) => p.mostMemory?.card.memoryGB ?? 0);
    expect(mem).toEqual([...mem].sort((a, b) => a - b));
    const jobs = picks.map((p) => p.jobsThatFit.length);
    expect(jobs).toEqual([...jobs].sort((a, b) => a - b));
    for (const p of picks) expect(p.mostMemory?.card.launchPriceUsd ?? 0).toBeLessThanOrEqual(p.ceilingUsd);
  });
  it('exercise: by launch price (329, 499, 1,499 and 1,599 USD) the RTX 3060 12GB has the most memory per dollar and the RTX 4090 the least', () => {
    const c = choosingChapter(cards);
    expect(c.exByMemoryPerUsd[0]?.card.id).toBe('rtx-3060-12gb');
    expect(c.exByMemoryPerUsd.at(-1)?.card.id).toBe('rtx-4090');
    expect(c.exByMemoryPerUsd[0]?.gbPerKUsd).toBeCloseTo((12 / 329) * 1000, 6);
    // Decode speed is bandwidth-bound: the 4090 (1,008 GB/s) generates faster than the 3060 (360 GB/s).
    const speed = (id: string) => c.exRows.find((r) => r.card.id === id)!.e.throughput.decodeTokensPerSecond;
    expect(speed('rtx-4090')).toBeGreaterThan(speed('rtx-3060-12gb'));
  });
  it('marks a single card that holds a job only by paging optimizer states (70B QLoRA on 48 GB), and no card that runs as given', () => {
    const cards = loadGpus();
    for (const f of jobFits(cards)) {
      for (const o of f.single) {
        const parsed = parseScenario(f.job.raw);
        if (!parsed.ok) throw new Error('bad job');
        const e = estimate(parsed.scenario, requireCard(cards, o.gpuId), { explain: false });
        expect(o.pages).toBe(!runsAsGiven(e.verdict));
      }
    }
    const qlora70 = jobFits(cards).find((f) => f.job.id === 'qlora-70b')!;
    expect(qlora70.single.some((o) => o.pages)).toBe(true);
  });
});
