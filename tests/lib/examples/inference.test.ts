import { describe, expect, it } from 'vitest';
import { inferenceChapter } from '../../../src/lib/examples/inference.ts';
import { siteCards } from './site-cards.ts';

const c = inferenceChapter(siteCards());
const kvOf = (id: string) => c.KV_MODELS.find((x) => x.model.id === id)!.kv;

describe('inferenceChapter: the KV cache from published configs', () => {
  it('Llama 3.1 8B (32 layers, 8 KV heads of 128) keeps 2 × 32 × 8 × 128 × 2 bytes = 128 KiB per token (Meta config.json)', () => {
    expect(c.kvLlama.bytesPerToken).toBe(2 * 32 * 8 * 128 * 2);
    expect(c.kvLlama.kind).toBe('GQA');
  });
  it('Llama 2 7B has full multi-head attention: 512 KiB per token, the same as its MHA equivalent', () => {
    expect(kvOf('llama-2-7b').bytesPerToken).toBe(2 * 32 * 32 * 128 * 2);
    expect(kvOf('llama-2-7b').mhaBytesPerToken).toBe(kvOf('llama-2-7b').bytesPerToken);
  });
  it('DeepSeek-V3 caches (512 + 64) values per layer over 61 layers with MLA (DeepSeek-AI 2024, V2 §2.1.2; V3 config)', () => {
    expect(kvOf('deepseek-v3').kind).toBe('MLA');
    expect(kvOf('deepseek-v3').bytesPerToken).toBe((512 + 64) * 61 * 2);
    expect(kvOf('deepseek-v3').bytesPerToken).toBeLessThan(kvOf('llama-3.1-70b').bytesPerToken);
  });
});

describe('inferenceChapter: decode speed', () => {
  it('Llama 3.1 8B has about 8.03 billion parameters and Q4_K_M about 4.5 to 5 bits each (llama.cpp quantize table)', () => {
    expect(c.params / 8.03e9).toBeGreaterThan(0.99);
    expect(c.params / 8.03e9).toBeLessThan(1.01);
    expect(c.fmt.q4_k_m.bits).toBeGreaterThan(4.5);
    expect(c.fmt.q4_k_m.bits).toBeLessThan(5);
    expect(c.fmt.bf16.bits).toBeCloseTo(16, 6);
  });
  it('the RTX 4090 (1,008 GB/s) decodes faster than the RTX 3060 (360 GB/s), and the rule of thumb is within 25% of the estimator', () => {
    expect(c.d4090.perUserTokensPerSecond).toBeGreaterThan(c.d3060.perUserTokensPerSecond);
    expect(c.simple4090 / c.d4090.perUserTokensPerSecond).toBeGreaterThan(0.75);
    expect(c.simple4090 / c.d4090.perUserTokensPerSecond).toBeLessThan(1.25);
    expect(c.simple3060 / c.d3060.perUserTokensPerSecond).toBeGreaterThan(0.75);
    expect(c.simple3060 / c.d3060.perUserTokensPerSecond).toBeLessThan(1.25);
  });
  it('decode sits below the ridge point and prefill far above it (Williams et al. 2009, roofline)', () => {
    expect(c.decodeIntensity).toBeLessThan(c.ridge4090);
    expect(c.prefillIntensity).toBeGreaterThan(c.ridge4090);
    expect(c.prefill4090).toBeGreaterThan(c.d4090.perUserTokensPerSecond);
  });
  it('fewer bits per weight: smaller weights and faster decode down the GGUF ladder', () => {
    const ladder = ['bf16', 'fp8', 'q8_0', 'q6_k', 'q5_k_m', 'q4_k_m', 'q3_k_m', 'q2_k'] as const;
    for (let i = 1; i < ladder.length; i++) {
      expect(c.fmt[ladder[i]!].weightsBytes).toBeLessThan(c.fmt[ladder[i - 1]!].weightsBytes);
      expect(c.fmt[ladder[i]!].bits).toBeLessThan(c.fmt[ladder[i - 1]!].bits);
    }
    expect(c.fmt.q2_k.d.perUserTokensPerSecond).toBeGreaterThan(c.fmt.q8_0.d.perUserTokensPerSecond);
  });
  it('published quality loss grows as bits shrink: Q8_0 < Q4_K_M < Q2_K (llama.cpp perplexity table)', () => {
    expect(c.quality('GGUF Q8_0').delta).toBeLessThan(c.quality('GGUF Q4_K_M').delta);
    expect(c.quality('GGUF Q4_K_M').delta).toBeLessThan(c.quality('GGUF Q2_K').delta);
    expect(() => c.quality('no such format')).toThrow();
  });
  it('batching: each user slows a little, the card as a whole speeds up', () => {
    for (let i = 1; i < c.batchRows.length; i++) {
      const [a, b] = [c.batchRows[i - 1]!, c.batchRows[i]!];
      expect(b.d.perUserTokensPerSecond).toBeLessThanOrEqual(a.d.perUserTokensPerSecond);
      expect(b.b * b.d.perUserTokensPerSecond).toBeGreaterThan(a.b * a.d.perUserTokensPerSecond);
    }
  });
  it('speculative decoding yields (1 − α^(γ+1))/(1 − α) tokens per pass: 3.3616 at α = 0.8 and 2.3056 at 0.6, γ = 4 (Leviathan et al. 2023, eq. 1)', () => {
    expect(c.spec).toBeCloseTo(3.3616, 10);
    expect(c.spec06).toBeCloseTo(2.3056, 10);
  });
});
