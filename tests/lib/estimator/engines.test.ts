import { describe, expect, it } from 'vitest';
import { ENGINE_PROFILES, engineDecodeTerms, hostClass, unfusedPrefillScoreBytes } from '../../../src/lib/estimator/engines.ts';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { decodeBreakdown } from '../../../src/lib/estimator/inference.ts';
import { H100_SXM, RTX_4090, scenario } from '../fixtures.ts';

const H100_HBM = { ...H100_SXM, memoryType: 'HBM3', l2CacheMB: 50 };
const RTX_4090_GDDR = { ...RTX_4090, memoryType: 'GDDR6X', l2CacheMB: 72 };
// RTX 3090: 936 GB/s, 6 MB of L2 (NVIDIA Ampere GA102 whitepaper, Table 2), otherwise the 4090's figures do not matter here.
const RTX_3090_LIKE = { ...RTX_4090, id: 'rtx-3090', name: 'GeForce RTX 3090', memoryBandwidthGBs: 936, memoryType: 'GDDR6X', l2CacheMB: 6 };

const llamaCpp = (extra: Record<string, unknown> = {}) => scenario({ model: 'llama-2-7b', workload: 'inference', bitsPerWeight: 4.5, promptTokens: 1, outputTokens: 128, flashAttention: false, ...extra });

describe('engines', () => {
  it('classes HBM cards as server-hosted and GDDR or unknown memory as desktop', () => {
    expect(hostClass({ memoryType: 'HBM2e' })).toBe('server');
    expect(hostClass({ memoryType: 'GDDR6X' })).toBe('desktop');
    expect(hostClass({})).toBe('desktop');
  });

  it('binds a small quantised llama.cpp decode on a data-centre card by kernel launches, not bandwidth', () => {
    const d = decodeBreakdown(llamaCpp(), H100_HBM);
    expect(d.limit).toBe('overhead');
    // The same model on an RTX 4090 is still bound by reading its weights.
    expect(decodeBreakdown(llamaCpp(), RTX_4090_GDDR).limit).toBe('weights');
    // The H100 has 3.3x the bandwidth of the 4090, yet the launch-bound step makes it less than 1.2x faster.
    const ratio = estimate(llamaCpp(), H100_HBM).throughput.decodeTokensPerSecond / estimate(llamaCpp(), RTX_4090_GDDR).throughput.decodeTokensPerSecond;
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.2);
  });

  it('names the bound in the decode explanation', () => {
    expect(String(estimate(llamaCpp(), H100_HBM).explain['throughput.decodeTokensPerSecond']?.inputs['bound'])).toMatch(/launch/);
    expect(String(estimate(llamaCpp(), RTX_4090_GDDR).explain['throughput.decodeTokensPerSecond']?.inputs['bound'])).toMatch(/bandwidth/);
  });

  it('slows long unfused GQA decodes more on a card whose L2 cannot hold a layer of keys (RTX 3090) than on one that can (RTX 4090)', () => {
    const short = scenario({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'q4_k_m', promptTokens: 1, outputTokens: 512, flashAttention: false });
    const long = scenario({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'q4_k_m', promptTokens: 1, outputTokens: 8192, flashAttention: false });
    const slowdown = (gpu: typeof RTX_4090_GDDR) => estimate(long, gpu).throughput.decodeTokensPerSecond / estimate(short, gpu).throughput.decodeTokensPerSecond;
    // Published (XiongjieDai llama-bench, May 2024): tg8192 / tg512 = 0.76 on the RTX 3090 and 0.85 on the RTX 4090.
    expect(slowdown(RTX_3090_LIKE)).toBeLessThan(slowdown(RTX_4090_GDDR));
    expect(slowdown(RTX_3090_LIKE)).toBeGreaterThan(0.6);
    expect(slowdown(RTX_4090_GDDR)).toBeLessThan(0.97);
  });

  it('adds no unfused-attention traffic when flash attention is on or the engine always fuses', () => {
    const base = { engine: 'llama.cpp' as const, layers: 32, headsPerCard: 32, groupSize: 4, kvBytes: 1e9, kvLayerSliceBytes: 16e6, batchSize: 1, contextTokens: 4096 };
    expect(engineDecodeTerms({ ...base, flashAttention: true }, RTX_4090_GDDR).attentionBytes).toBe(0);
    expect(engineDecodeTerms({ ...base, engine: 'vllm', flashAttention: false }, RTX_4090_GDDR).attentionBytes).toBe(0);
    // Unfused: 32 heads x 4096 scores x 22 bytes per layer, plus 3 extra reads of a 1 GB cache whose layer slice (16 MB) exceeds a 6 MB L2.
    expect(engineDecodeTerms({ ...base, flashAttention: false }, RTX_3090_LIKE).attentionBytes).toBe(32 * 32 * 4096 * 22 + 3e9);
  });

  it('counts an unfused prefill score matrix of n(n + u)/2 scores per head and layer', () => {
    expect(unfusedPrefillScoreBytes('llama.cpp', false, 32, 32, 8192, 512)).toBe(32 * 32 * ((8192 * (8192 + 512)) / 2) * ENGINE_PROFILES['llama.cpp'].unfusedScoreBytes);
    expect(unfusedPrefillScoreBytes('llama.cpp', true, 32, 32, 8192, 512)).toBe(0);
    expect(unfusedPrefillScoreBytes('vllm', false, 32, 32, 8192, 512)).toBe(0);
  });

  it('gives every engine a bandwidth efficiency in (0, 1] with a source', () => {
    for (const p of Object.values(ENGINE_PROFILES)) {
      expect(p.weightBandwidthEfficiency.value).toBeGreaterThan(0);
      expect(p.weightBandwidthEfficiency.value).toBeLessThanOrEqual(1);
      expect(p.weightBandwidthEfficiency.source.length).toBeGreaterThan(20);
    }
  });
});
