import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { cheapestGpus, maxBatchSize, maxContextTokens, minGpuCount } from '../../../src/lib/answers/inverse.ts';
import { H100_SXM, RTX_4090, scenario } from '../fixtures.ts';

describe('maxBatchSize', () => {
  it('returns the largest batch that fits: one more does not', () => {
    const s = scenario({ model: 'llama-2-7b', workload: 'qlora', seqLen: 1024 });
    const b = maxBatchSize(s, RTX_4090);
    expect(b).toBeGreaterThan(0);
    expect(estimate({ ...s, batchSize: b }, RTX_4090).fits).toBe(true);
    expect(estimate({ ...s, batchSize: b + 1 }, RTX_4090).fits).toBe(false);
  });

  it('returns 0 when batch 1 does not fit', () => {
    expect(maxBatchSize(scenario({ model: 'llama-2-70b', workload: 'full-finetune' }), RTX_4090)).toBe(0);
  });
});

describe('maxContextTokens', () => {
  it('finds the longest inference context that fits, counting the output tokens', () => {
    const s = scenario({ model: 'llama-3.1-8b', workload: 'inference', outputTokens: 128 });
    const n = maxContextTokens(s, RTX_4090);
    expect(n).toBeGreaterThan(10_000);
    expect(estimate({ ...s, promptTokens: n - 128 }, RTX_4090).fits).toBe(true);
    expect(estimate({ ...s, promptTokens: n - 127 }, RTX_4090).fits).toBe(false);
  });
});

describe('minGpuCount', () => {
  it('needs one H100 for Llama 2 7B inference and several for Llama 2 70B in bf16', () => {
    expect(minGpuCount(scenario({ model: 'llama-2-7b', workload: 'inference' }), H100_SXM)?.gpuCount).toBe(1);
    const plan = minGpuCount(scenario({ model: 'llama-2-70b', workload: 'inference' }), H100_SXM);
    expect(plan?.gpuCount).toBe(2);
    expect(plan?.tensorParallel).toBe(2);
  });

  it('uses ZeRO-3 data parallelism to fit a full fine-tune', () => {
    const plan = minGpuCount(scenario({ model: 'llama-2-7b', workload: 'full-finetune', seqLen: 512 }), RTX_4090);
    expect(plan?.zeroStage).toBe(3);
    expect(plan?.gpuCount).toBeGreaterThan(2);
  });
});

describe('cheapestGpus', () => {
  it('ranks cards by the purchase price of the cards needed', () => {
    const cheap = { ...RTX_4090, id: 'cheap', name: 'Cheap 24 GB', launchPriceUsd: 500 };
    const list = cheapestGpus(scenario({ model: 'llama-2-7b', workload: 'qlora' }), [RTX_4090, cheap, H100_SXM]);
    expect(list[0]?.gpuId).toBe('cheap');
    expect(list.at(-1)?.gpuId).toBe('h100-sxm');
  });
});
