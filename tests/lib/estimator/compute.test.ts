import { describe, expect, it } from 'vitest';
import { DECODE_BANDWIDTH_EFFICIENCY, MFU_DEFAULTS, sustainedClockFactor, trainingFlopsPerToken, trainingPeak } from '../../../src/lib/estimator/compute.ts';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { countParams } from '../../../src/lib/scenario/models.ts';
import { H100_SXM, rel, RTX_4090, scenario } from '../fixtures.ts';

describe('trainingFlopsPerToken', () => {
  it('is 6N plus the attention term 12·L·s·h for full training with eager attention (PaLM App. B)', () => {
    const s = scenario({ model: 'llama-2-7b', workload: 'full-finetune', seqLen: 2048, flashAttention: false });
    const n = countParams(s.model).matmulParamsPerToken;
    expect(trainingFlopsPerToken(s)).toBeCloseTo(6 * n + 12 * 32 * 2048 * 4096, -3);
  });

  // Physical change: FlashAttention skips the causal mask's upper half (FlashAttention-2 §3.1.1), so the executed attention term halves.
  it('halves the attention term for a causal decoder with FlashAttention', () => {
    const s = scenario({ model: 'llama-2-7b', workload: 'full-finetune', seqLen: 2048 });
    const n = countParams(s.model).matmulParamsPerToken;
    expect(trainingFlopsPerToken(s)).toBeCloseTo(6 * n + 6 * 32 * 2048 * 4096, -3);
  });

  it('is 8N plus 4/3 of the attention term with full recomputation', () => {
    const s = scenario({ model: 'llama-2-7b', workload: 'full-finetune', seqLen: 2048, gradientCheckpointing: true, flashAttention: false });
    const n = countParams(s.model).matmulParamsPerToken;
    expect(trainingFlopsPerToken(s)).toBeCloseTo(8 * n + 16 * 32 * 2048 * 4096, -3);
  });

  it('is about 4N for LoRA, which skips the frozen weight gradients', () => {
    const s = scenario({ model: 'llama-2-7b', workload: 'lora', seqLen: 512, gradientCheckpointing: false });
    const n = countParams(s.model).matmulParamsPerToken;
    expect(trainingFlopsPerToken(s) / n).toBeGreaterThan(4);
    expect(trainingFlopsPerToken(s) / n).toBeLessThan(4.3);
  });
});

describe('defaults', () => {
  it('has a sourced MFU for every training workload, between 0.2 and 0.6', () => {
    for (const d of Object.values(MFU_DEFAULTS)) {
      expect(d.value).toBeGreaterThan(0.2);
      expect(d.value).toBeLessThan(0.6);
      expect(d.source.length).toBeGreaterThan(10);
    }
    expect(DECODE_BANDWIDTH_EFFICIENCY.value).toBeGreaterThanOrEqual(0.6);
    expect(DECODE_BANDWIDTH_EFFICIENCY.value).toBeLessThanOrEqual(0.8);
  });
});

describe('sustainedClockFactor', () => {
  it('is 1 for full-power parts and below 0.9 for the 350 W H100 PCIe', () => {
    expect(sustainedClockFactor(RTX_4090)).toBe(1);
    expect(sustainedClockFactor(H100_SXM)).toBe(1);
    const pcie = { ...H100_SXM, boardPowerW: 350, tensorFp16Fp16AccTflops: 756.5 };
    expect(sustainedClockFactor(pcie)).toBeGreaterThan(0.8);
    expect(sustainedClockFactor(pcie)).toBeLessThan(0.9);
  });
});

describe('trainingPeak', () => {
  it('uses BF16 tensor throughput for bf16-mixed and FP32 for fp32', () => {
    expect(trainingPeak(scenario({ model: 'gpt2', workload: 'pretrain' }), RTX_4090).peakFlopsPerSecond).toBeCloseTo(165.2e12, -9);
    expect(trainingPeak(scenario({ model: 'gpt2', workload: 'pretrain', trainingPrecision: 'fp32' }), RTX_4090).column).toBe('fp32Tflops');
  });

  it('falls back to the fastest path on a card without BF16', () => {
    const pascal = { ...RTX_4090, bf16Tflops: null, tensorFp16Fp16AccTflops: null, tensorFp16Fp32AccTflops: null, fp16Tflops: 0.2, fp32Tflops: 11 };
    const p = trainingPeak(scenario({ model: 'gpt2', workload: 'pretrain' }), pascal);
    expect(p.column).toBe('fp32Tflops');
    expect(p.fallbackNote).not.toBeNull();
  });
});

describe('decode and prefill on the roofline', () => {
  it('decodes Llama 2 7B Q4_0 on an RTX 4090 within 15% of the published llama.cpp figure (149.37 tokens/s)', () => {
    // XiongjieDai/GPU-Benchmarks-on-LLM-Inference README, LLaMA 2 NVIDIA table, row '4090 24GB' / '7B_q4_0', mean TG.
    const e = estimate(scenario({ model: 'llama-2-7b', workload: 'inference', weightsFormat: 'q4_0', promptTokens: 512, outputTokens: 128 }), RTX_4090);
    expect(e.throughput.decodeTokensPerSecond).toBeGreaterThan(149.37 * 0.85);
    expect(e.throughput.decodeTokensPerSecond).toBeLessThan(149.37 * 1.15);
  });

  it('decodes fp16 about 3-3.5x slower than 4-bit, as the bytes read per token predict', () => {
    const q = estimate(scenario({ model: 'llama-2-7b', workload: 'inference', weightsFormat: 'q4_0' }), RTX_4090).throughput.decodeTokensPerSecond;
    const f = estimate(scenario({ model: 'llama-2-7b', workload: 'inference', weightsFormat: 'fp16' }), RTX_4090).throughput.decodeTokensPerSecond;
    expect(q / f).toBeGreaterThan(2.5);
    expect(q / f).toBeLessThan(3.6);
  });

  it('lets the latency floor dominate a small model on a fast card', () => {
    const e = estimate(scenario({ model: 'gpt2', workload: 'inference', weightsFormat: 'fp16' }), H100_SXM);
    const d = e.explain['throughput.decodeTokensPerSecond'];
    expect(Number(d?.inputs['floorSeconds'])).toBeGreaterThan(Number(d?.inputs['bytesPerStep']) / (3352e9 * 0.75));
  });

  it('turns compute bound at large decode batches', () => {
    const e = estimate(scenario({ model: 'llama-2-7b', workload: 'inference', batchSize: 1024, promptTokens: 16, outputTokens: 16 }), RTX_4090);
    expect(e.explain['throughput.decodeTokensPerSecond']?.inputs['bound']).toBe('compute');
  });

  it('makes prefill faster per token than decode', () => {
    const e = estimate(scenario({ model: 'llama-3.1-8b', workload: 'inference' }), RTX_4090);
    expect(e.throughput.prefillTokensPerSecond).toBeGreaterThan(20 * e.throughput.decodeTokensPerSecond);
  });

  it('slows QLoRA below LoRA by the dequantization traffic', () => {
    const base = { model: 'llama-2-7b', batchSize: 1, seqLen: 512, gradientCheckpointing: true, lora: { rank: 16 } };
    const lora = estimate(scenario({ ...base, workload: 'lora' }), H100_SXM).throughput.trainTokensPerSecond;
    const qlora = estimate(scenario({ ...base, workload: 'qlora' }), H100_SXM).throughput.trainTokensPerSecond;
    expect(qlora).toBeLessThan(lora);
    expect(rel(qlora, lora)).toBeLessThan(0.6);
  });
});
