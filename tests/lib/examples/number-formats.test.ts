import { describe, expect, it } from 'vitest';
import { numberFormatsChapter } from '../../../src/lib/examples/number-formats.ts';
import { siteCards } from './site-cards.ts';

const c = numberFormatsChapter(siteCards());

describe('numberFormatsChapter: format facts against IEEE 754 and the vendors', () => {
  it('FP16 tops out at 65,504 with epsilon 2^-10; BF16 near 3.39e38 with epsilon 2^-7 (IEEE 754-2008 binary16; Google bfloat16 docs)', () => {
    expect(c.f16.maxFinite).toBe(65504);
    expect(c.f16.epsilon).toBe(2 ** -10);
    expect(c.f16.minSubnormal).toBe(2 ** -24);
    expect(c.b16.maxFinite / 3.3895e38).toBeCloseTo(1, 4);
    expect(c.b16.epsilon).toBe(2 ** -7);
  });
  it('FP8 E4M3 reaches 448 and E5M2 57,344 (Micikevicius et al. 2022, FP8 Formats for Deep Learning, Table 1)', () => {
    expect(c.e4.maxFinite).toBe(448);
    expect(c.e5.maxFinite).toBe(57344);
    expect(c.e4.minSubnormal).toBe(2 ** -9);
  });
  it('TF32 keeps FP32\'s 8 exponent bits and FP16\'s 10 mantissa bits (NVIDIA A100 whitepaper)', () => {
    expect(c.t32.exponentBits).toBe(8);
    expect(c.t32.mantissaBits).toBe(10);
    expect(c.floatRows.map((r) => r.id)).toContain('fp4-e2m1');
    expect(c.f4.maxFinite).toBe(6);
  });
  it('storage: 4, 2 and 1 bytes per value for FP32, BF16, FP8', () => {
    expect(c.bytesOf).toEqual({ fp32: 4, bf16: 2, 'fp8-e4m3': 1 });
  });
});

describe('numberFormatsChapter: rounding examples', () => {
  it('0.1 in BF16 is 0.10009765625, exponent field 123 (0.1 = 1.6 × 2^-4, bias 127)', () => {
    expect(c.ex.roundedValue).toBe(0.10009765625);
    expect(c.exE).toBe(127 - 4);
    expect(Math.abs(c.ex.relativeError)).toBeLessThan(2 ** -8);
  });
  it('2049 rounds to 2048 in FP16 (11 significant bits), 70,000 overflows, 1 + 1e-4 is lost in FP16 but kept in FP32', () => {
    expect(c.sum2049.roundedValue).toBe(2048);
    expect(c.big.roundedValue).toBe(Infinity);
    expect(c.upd16.roundedValue).toBe(1);
    expect(c.upd32.roundedValue).toBeGreaterThan(1);
  });
  it('1e-8 underflows to zero in FP16 but survives in BF16', () => {
    expect(c.tinyF16.roundedValue).toBe(0);
    expect(c.tinyB16.roundedValue).toBeGreaterThan(0);
  });
  it('loss scaling by 1,024 rescues a 1e-8 gradient; the larger scale recovers it at least as well', () => {
    expect(c.demo.recoveredGradient).toBeGreaterThan(0);
    expect(Math.abs(c.demo.recoveredRelativeError)).toBeLessThan(0.1);
    expect(Math.abs(c.demoBig.recoveredRelativeError)).toBeLessThanOrEqual(Math.abs(c.demo.recoveredRelativeError));
  });
  it('INT8 absmax: the outlier -6.35 sets the scale and wipes out 0.013; without it 0.013 keeps more of itself', () => {
    expect(c.q[0]!.scale).toBeCloseTo(6.35 / 127, 12);
    expect(c.q[2]!.lostShare).toBeGreaterThan(c.qNoOutlier[1]!.lostShare);
    for (const v of [...c.q, ...c.qNoOutlier]) expect(Math.abs(v.quantized)).toBeLessThanOrEqual(127);
  });
  it('NF4 costs 4.5 bits per value with FP32 scales per 64, 4.127 with double quantisation (Dettmers et al. 2023, QLoRA, §3)', () => {
    expect(c.nf4Plain).toBeCloseTo(4.5, 12);
    expect(c.nf4Double).toBeCloseTo(4 + 8 / 64 + 32 / (64 * 256), 12);
  });
});

describe('numberFormatsChapter: first Tensor Core generation with each format', () => {
  it('BF16 and TF32 arrive with Ampere, FP8 with Ada / Hopper, FP4 with Blackwell, FP16 with Volta (NVIDIA architecture whitepapers)', () => {
    expect(c.firstFp16?.generation).toBe(1);
    expect(c.firstBf16?.generation).toBe(3);
    expect(c.firstTf32?.generation).toBe(3);
    expect(c.firstFp8?.generation).toBe(4);
    expect(c.firstFp4?.generation).toBe(5);
  });
  it('the A100 runs TF32 at 8 times its FP32 rate: 156 vs 19.5 TFLOPS (A100 datasheet)', () => {
    expect(c.a100.tf32Tflops! / c.a100.fp32Tflops).toBeCloseTo(8, 1);
  });
});
