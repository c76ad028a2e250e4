import { describe, expect, it } from 'vitest';
import { ENGINE_PROFILES } from '../../../src/lib/estimator/engines.ts';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import {
  decodeBreakdown, decodeLimit, FOUR_BIT_TYPES, INFERENCE_FORMAT_IDS, INFERENCE_FORMATS, isInferenceFormatId, kvPerToken, QUANT_QUALITY,
  speculativeTokensPerPass,
} from '../../../src/lib/estimator/inference.ts';
import { findModel } from '../../../src/lib/scenario/models.ts';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';
import { rel, RTX_4090, scenario } from '../fixtures.ts';

const inference = (extra: Record<string, unknown> = {}) =>
  scenario({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'q4_k_m', promptTokens: 512, outputTokens: 256, ...extra });

describe('decodeBreakdown', () => {
  it('agrees with estimate() on decode tokens per second for one card', () => {
    const s = inference();
    const d = decodeBreakdown(s, RTX_4090);
    expect(rel(d.totalTokensPerSecond, estimate(s, RTX_4090).throughput.decodeTokensPerSecond)).toBeLessThan(1e-12);
    expect(rel(d.perUserTokensPerSecond, d.totalTokensPerSecond)).toBeLessThan(1e-12);
  });

  it('reads the weights once per step: the memory roof is (weights + KV) / (bandwidth x the engine\'s efficiency)', () => {
    const d = decodeBreakdown(inference({ flashAttention: true }), RTX_4090);
    const expected = (d.weightBytesPerStep + d.kvBytesPerStep) / (1008e9 * ENGINE_PROFILES['llama.cpp'].weightBandwidthEfficiency.value);
    expect(rel(d.memorySeconds, expected)).toBeLessThan(1e-12);
    // A Q4_K_M 8B model is about 4.8 bits per weight: 4-5 GB per step.
    expect(d.weightBytesPerStep).toBeGreaterThan(4e9);
    expect(d.weightBytesPerStep).toBeLessThan(5.5e9);
  });

  it('names the weights as the limit at batch 1 and short context', () => {
    expect(decodeBreakdown(inference(), RTX_4090).limit).toBe('weights');
  });

  it('names the KV cache as the limit when many long sequences share the weights', () => {
    const d = decodeBreakdown(inference({ batchSize: 16, promptTokens: 32768 }), RTX_4090);
    expect(d.kvBytesPerStep).toBeGreaterThan(d.weightBytesPerStep);
    expect(d.limit).toBe('kv-cache');
  });

  it('gives more total but fewer per-user tokens per second at batch 8 than at batch 1', () => {
    const one = decodeBreakdown(inference(), RTX_4090);
    const eight = decodeBreakdown(inference({ batchSize: 8 }), RTX_4090);
    expect(eight.totalTokensPerSecond).toBeGreaterThan(4 * one.totalTokensPerSecond);
    expect(eight.perUserTokensPerSecond).toBeLessThan(one.perUserTokensPerSecond);
  });

  it('reports a model that does not fit', () => {
    const d = decodeBreakdown(scenario({ model: 'llama-3.1-70b', workload: 'inference', weightsFormat: 'bf16', promptTokens: 512, outputTokens: 256 }), RTX_4090);
    expect(d.fits).toBe(false);
    expect(d.totalMemoryBytes).toBeGreaterThan(d.capacityBytes);
  });
});

describe('decodeLimit', () => {
  const base = { memorySeconds: 0.01, computeSeconds: 0.001, floorSeconds: 0.0005, weightBytesPerStep: 5e9, kvBytesPerStep: 1e9 };
  it('is the overhead when the floor exceeds both roofs', () => expect(decodeLimit({ ...base, floorSeconds: 0.02 })).toBe('overhead'));
  it('is compute when the compute roof is higher', () => expect(decodeLimit({ ...base, computeSeconds: 0.05 })).toBe('compute'));
  it('is the larger byte stream otherwise', () => {
    expect(decodeLimit(base)).toBe('weights');
    expect(decodeLimit({ ...base, kvBytesPerStep: 6e9 })).toBe('kv-cache');
  });
});

describe('kvPerToken', () => {
  it('is 2 x layers x kvHeads x headDim x 2 bytes for Llama 3.1 8B (GQA, 8 KV heads): 128 KiB', () => {
    const k = kvPerToken(findModel('llama-3.1-8b')!, 'bf16');
    expect(k.kind).toBe('GQA');
    expect(k.bytesPerToken).toBe(2 * 32 * 8 * 128 * 2);
    expect(k.mhaBytesPerToken).toBe(4 * k.bytesPerToken);
  });
  it('is MHA for Llama 2 7B: 512 KiB per token', () => {
    const k = kvPerToken(findModel('llama-2-7b')!, 'fp16');
    expect(k.kind).toBe('MHA');
    expect(k.bytesPerToken).toBe(k.mhaBytesPerToken);
    expect(k.bytesPerToken).toBe(512 * 1024);
  });
  it('stores the 512 + 64 MLA latent per layer for DeepSeek-V3', () => {
    const k = kvPerToken(findModel('deepseek-v3')!, 'bf16');
    expect(k.kind).toBe('MLA');
    expect(k.bytesPerToken).toBe(61 * 576 * 2);
    expect(k.mhaBytesPerToken / k.bytesPerToken).toBeGreaterThan(50);
  });
});

describe('speculativeTokensPerPass', () => {
  it('follows (1 - a^(g+1)) / (1 - a) (Leviathan et al. 2023, Eq. 1)', () => {
    expect(speculativeTokensPerPass(0.8, 4)).toBeCloseTo((1 - 0.8 ** 5) / 0.2, 12);
    expect(speculativeTokensPerPass(0, 4)).toBe(1);
    expect(speculativeTokensPerPass(1, 4)).toBe(5);
  });
  it('rejects an acceptance outside [0, 1]', () => expect(() => speculativeTokensPerPass(1.5, 4)).toThrow(RangeError));
});

describe('formats and quality data', () => {
  it('every calculator format parses in the estimator', () => {
    for (const id of INFERENCE_FORMAT_IDS) expect(parseScenario({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: INFERENCE_FORMATS[id].weightsFormat }).ok).toBe(true);
    expect(isInferenceFormatId('q4_k_m')).toBe(true);
    expect(isInferenceFormatId('<b>')).toBe(false);
  });
  it('GGUF perplexity costs grow as bits shrink, and every row has a source', () => {
    const gguf = QUANT_QUALITY.filter((q) => q.format.startsWith('GGUF'));
    for (let i = 1; i < gguf.length; i++) expect(gguf[i]!.delta).toBeGreaterThan(gguf[i - 1]!.delta);
    for (const q of QUANT_QUALITY) expect(q.source.length).toBeGreaterThan(20);
  });
  it('NF4 has the lowest perplexity of the 4-bit types QLoRA compares', () => {
    const nf4 = FOUR_BIT_TYPES.find((t) => t.format.startsWith('NFloat4'))!;
    expect(Math.min(...FOUR_BIT_TYPES.map((t) => t.meanPerplexity))).toBe(nf4.meanPerplexity);
  });
});
