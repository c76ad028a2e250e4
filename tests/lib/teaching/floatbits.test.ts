import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FLOAT_FORMAT_IDS,
  floatFacts,
  parseNumberInput,
  isFloatFormatId,
  lossScalingDemo,
  quantizeInt8,
  quantizeInt8Tensor,
  roundHalfToEven,
  roundToFormat,
} from '../../../src/lib/teaching/floatbits.ts';

describe('floatFacts', () => {
  // The published limits of each small format, one row per format: IEEE 754-2019 §3.6 (binary16); the OCP 8-bit Floating
  // Point Specification (OFP8) rev. 1.0 (E4M3, E5M2); the OCP Microscaling Formats (MX) specification v1.0 (FP4 E2M1).
  const PUBLISHED = [
    { id: 'fp16', specialValues: 'ieee', bias: 15, maxFinite: 65504, minNormal: 2 ** -14, minSubnormal: 2 ** -24, epsilon: 2 ** -10 },
    { id: 'fp8-e4m3', specialValues: 'nan-only', bias: 7, maxFinite: 448, minNormal: 2 ** -6, minSubnormal: 2 ** -9, epsilon: 0.125 },
    { id: 'fp8-e5m2', specialValues: 'ieee', bias: 15, maxFinite: 57344, minNormal: 2 ** -14, minSubnormal: 2 ** -16, epsilon: 0.25 },
    { id: 'fp4-e2m1', specialValues: 'none', bias: 1, maxFinite: 6, minNormal: 1, minSubnormal: 0.5, epsilon: 0.5 },
  ] as const;

  it.each(PUBLISHED)('floatFacts($id) derives the published limits: max $maxFinite, min normal $minNormal, min subnormal $minSubnormal', ({ id, ...published }) => {
    expect(floatFacts(id)).toMatchObject(published);
  });

  it("floatFacts('fp16') carries about 3.3 decimal digits", () => {
    expect(floatFacts('fp16').decimalDigits).toBeCloseTo(3.311, 3);
  });

  it("floatFacts('fp32') matches the binary32 limits JavaScript's Math.fround knows", () => {
    const f = floatFacts('fp32');
    expect(f.maxFinite).toBe(Math.fround(3.4028234663852886e38));
    expect(f.minSubnormal).toBe(Math.fround(1.401298464324817e-45));
    expect(f.minNormal).toBe(2 ** -126);
    expect(f.epsilon).toBe(2 ** -23);
    expect(f.decimalDigits).toBeCloseTo(7.225, 3);
  });

  it("floatFacts('bf16') keeps FP32's exponent range with 8 bits of precision", () => {
    const f = floatFacts('bf16');
    expect(f.minNormal).toBe(floatFacts('fp32').minNormal);
    expect(f.maxFinite).toBe((2 - 2 ** -7) * 2 ** 127);
    expect(f.epsilon).toBe(2 ** -7);
    expect(f.minSubnormal).toBe(2 ** -133);
  });

  it("floatFacts('tf32') has FP32's range and FP16's precision", () => {
    const f = floatFacts('tf32');
    expect(f.minNormal).toBe(2 ** -126);
    expect(f.epsilon).toBe(floatFacts('fp16').epsilon);
  });
});

describe('isFloatFormatId', () => {
  it('isFloatFormatId accepts the seven float formats and rejects integers, NF4 and junk', () => {
    for (const id of FLOAT_FORMAT_IDS) expect(isFloatFormatId(id)).toBe(true);
    for (const other of ['int8', 'nf4', 'fp64', '', 3, null]) expect(isFloatFormatId(other)).toBe(false);
  });
});

describe('roundHalfToEven', () => {
  it('roundHalfToEven sends ties to the even neighbour and everything else to the nearest integer', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6].map(roundHalfToEven)).toEqual([0, 2, 2, 0, -2, -2, 2, 3]);
  });
});

describe('roundToFormat: known encodings', () => {
  it("roundToFormat(1, 'fp16') is 0 01111 0000000000", () => {
    expect(roundToFormat(1, 'fp16')).toMatchObject({ sign: 0, exponentBits: '01111', mantissaBits: '0000000000', roundedValue: 1, relativeError: 0, category: 'normal' });
  });

  it("roundToFormat(-2.5, 'fp16') is 1 10000 0100000000", () => {
    expect(roundToFormat(-2.5, 'fp16')).toMatchObject({ sign: 1, exponentBits: '10000', mantissaBits: '0100000000', roundedValue: -2.5, category: 'normal' });
  });

  it("roundToFormat(-2.5, 'bf16') is 1 10000000 0100000", () => {
    expect(roundToFormat(-2.5, 'bf16')).toMatchObject({ sign: 1, exponentBits: '10000000', mantissaBits: '0100000' });
  });

  it("roundToFormat(65504, 'fp16') is the largest finite half, 0 11110 1111111111", () => {
    expect(roundToFormat(65504, 'fp16')).toMatchObject({ exponentBits: '11110', mantissaBits: '1111111111', roundedValue: 65504, category: 'normal' });
  });

  it("roundToFormat(65519, 'fp16') still rounds down to 65504, just under the halfway point", () => {
    expect(roundToFormat(65519, 'fp16')).toMatchObject({ roundedValue: 65504, category: 'normal' });
  });

  it("roundToFormat(65520, 'fp16') overflows to +Inf (the tie goes to the even, out-of-range neighbour)", () => {
    expect(roundToFormat(65520, 'fp16')).toMatchObject({ exponentBits: '11111', mantissaBits: '0000000000', roundedValue: Infinity, category: 'overflow' });
  });

  it("roundToFormat(65520, 'fp16', { saturate: true }) clamps to 65504", () => {
    expect(roundToFormat(65520, 'fp16', { saturate: true })).toMatchObject({ roundedValue: 65504, mantissaBits: '1111111111', category: 'overflow' });
  });

  it("roundToFormat(1e-8, 'fp16') underflows to zero but roundToFormat(1e-8, 'bf16') stays normal", () => {
    expect(roundToFormat(1e-8, 'fp16')).toMatchObject({ roundedValue: 0, relativeError: -1, category: 'underflow-to-zero', exponentBits: '00000', mantissaBits: '0000000000' });
    const bf16 = roundToFormat(1e-8, 'bf16');
    expect(bf16.category).toBe('normal');
    expect(Math.abs(bf16.relativeError)).toBeLessThanOrEqual(2 ** -8);
  });

  it("roundToFormat(3e-8, 'fp16') rounds up to the smallest subnormal 2^-24", () => {
    expect(roundToFormat(3e-8, 'fp16')).toMatchObject({ roundedValue: 2 ** -24, exponentBits: '00000', mantissaBits: '0000000001', category: 'subnormal' });
  });

  it("roundToFormat(-1e-30, 'fp16') underflows to negative zero", () => {
    const r = roundToFormat(-1e-30, 'fp16');
    expect(r.category).toBe('underflow-to-zero');
    expect(r.sign).toBe(1);
    expect(Object.is(r.roundedValue, -0)).toBe(true);
  });

  it("roundToFormat(0.1, 'bf16') is 0.10009765625", () => {
    expect(roundToFormat(0.1, 'bf16')).toMatchObject({ sign: 0, exponentBits: '01111011', mantissaBits: '1001101', roundedValue: 0.10009765625 });
  });

  it("roundToFormat(0.1, 'tf32') keeps 10 mantissa bits: 0.0999755859375", () => {
    expect(roundToFormat(0.1, 'tf32')).toMatchObject({ exponentBits: '01111011', mantissaBits: '1001100110', roundedValue: 0.0999755859375 });
  });

  it("roundToFormat(448, 'fp8-e4m3') is the largest E4M3 value, 0 1111 110", () => {
    expect(roundToFormat(448, 'fp8-e4m3')).toMatchObject({ exponentBits: '1111', mantissaBits: '110', roundedValue: 448, category: 'normal' });
  });

  it("roundToFormat(464, 'fp8-e4m3') ties down to 448 (even mantissa)", () => {
    expect(roundToFormat(464, 'fp8-e4m3')).toMatchObject({ roundedValue: 448, category: 'normal' });
  });

  it("roundToFormat(480, 'fp8-e4m3') overflows to NaN (E4M3 has no Inf) or saturates to 448", () => {
    const r = roundToFormat(480, 'fp8-e4m3');
    expect(r.category).toBe('overflow');
    expect(r.roundedValue).toBeNaN();
    expect(r.exponentBits + r.mantissaBits).toBe('1111111');
    expect(roundToFormat(480, 'fp8-e4m3', { saturate: true })).toMatchObject({ roundedValue: 448, category: 'overflow' });
    expect(roundToFormat(-1e6, 'fp8-e4m3', { saturate: true }).roundedValue).toBe(-448);
  });

  it("roundToFormat(57344, 'fp8-e5m2') is the largest E5M2 value and 61440 overflows to Inf", () => {
    expect(roundToFormat(57344, 'fp8-e5m2')).toMatchObject({ exponentBits: '11110', mantissaBits: '11', roundedValue: 57344, category: 'normal' });
    expect(roundToFormat(61440, 'fp8-e5m2')).toMatchObject({ exponentBits: '11111', mantissaBits: '00', roundedValue: Infinity, category: 'overflow' });
  });

  it("roundToFormat(x, 'fp4-e2m1') only ever yields 0, 0.5, 1, 1.5, 2, 3, 4, 6", () => {
    const seen = new Set<number>();
    for (let x = 0; x <= 8; x += 1 / 64) seen.add(roundToFormat(x, 'fp4-e2m1').roundedValue);
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 0.5, 1, 1.5, 2, 3, 4, 6]);
  });

  it("roundToFormat(5, 'fp4-e2m1') ties to 4 and roundToFormat(7, 'fp4-e2m1') saturates to 6", () => {
    expect(roundToFormat(5, 'fp4-e2m1')).toMatchObject({ exponentBits: '11', mantissaBits: '0', roundedValue: 4, category: 'normal' });
    expect(roundToFormat(0.5, 'fp4-e2m1')).toMatchObject({ exponentBits: '00', mantissaBits: '1', category: 'subnormal' });
    expect(roundToFormat(7, 'fp4-e2m1')).toMatchObject({ exponentBits: '11', mantissaBits: '1', roundedValue: 6, category: 'overflow' });
  });

  it('roundToFormat(0) and roundToFormat(-0) are zeros that keep their sign', () => {
    expect(roundToFormat(0, 'fp16')).toMatchObject({ sign: 0, roundedValue: 0, relativeError: 0, category: 'zero' });
    const negative = roundToFormat(-0, 'bf16');
    expect(negative).toMatchObject({ sign: 1, exponentBits: '00000000', mantissaBits: '0000000', category: 'zero' });
    expect(Object.is(negative.roundedValue, -0)).toBe(true);
  });
});

describe('roundToFormat: NaN and Infinity inputs', () => {
  it("roundToFormat(NaN, 'fp16') is a quiet NaN, 0 11111 1000000000", () => {
    const r = roundToFormat(Number.NaN, 'fp16');
    expect(r).toMatchObject({ exponentBits: '11111', mantissaBits: '1000000000', category: 'nan' });
    expect(r.roundedValue).toBeNaN();
    expect(r.relativeError).toBeNaN();
  });

  it("roundToFormat(NaN, 'fp8-e4m3') is S.1111.111 and roundToFormat(NaN, 'fp4-e2m1') has no code", () => {
    expect(roundToFormat(Number.NaN, 'fp8-e4m3')).toMatchObject({ exponentBits: '1111', mantissaBits: '111', category: 'nan' });
    expect(roundToFormat(Number.NaN, 'fp4-e2m1')).toMatchObject({ exponentBits: '', mantissaBits: '', category: 'nan' });
  });

  it("roundToFormat(±Infinity, 'fp16') stores ±Inf", () => {
    expect(roundToFormat(Infinity, 'fp16')).toMatchObject({ sign: 0, exponentBits: '11111', mantissaBits: '0000000000', roundedValue: Infinity, category: 'inf' });
    expect(roundToFormat(-Infinity, 'fp8-e5m2')).toMatchObject({ sign: 1, roundedValue: -Infinity, category: 'inf' });
  });

  it('roundToFormat(Infinity) overflows in formats without infinities', () => {
    expect(roundToFormat(Infinity, 'fp8-e4m3').category).toBe('overflow');
    expect(roundToFormat(Infinity, 'fp8-e4m3').roundedValue).toBeNaN();
    expect(roundToFormat(-Infinity, 'fp4-e2m1')).toMatchObject({ roundedValue: -6, category: 'overflow' });
  });
});

describe('roundToFormat: properties', () => {
  const formatArb = fc.constantFrom(...FLOAT_FORMAT_IDS);
  const anyDouble = fc.double({ noNaN: true });

  it("roundToFormat(x, 'fp32') agrees with Math.fround for every double", () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        expect(Object.is(roundToFormat(x, 'fp32').roundedValue, Math.fround(x))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('roundToFormat is monotone: x <= y implies round(x) <= round(y) (saturating, so E4M3 never yields NaN)', () => {
    fc.assert(
      fc.property(formatArb, anyDouble, anyDouble, (format, a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(roundToFormat(x, format, { saturate: true }).roundedValue).toBeLessThanOrEqual(roundToFormat(y, format, { saturate: true }).roundedValue);
      }),
      { numRuns: 2000 },
    );
  });

  it('roundToFormat is monotone near each format\'s own range too', () => {
    fc.assert(
      fc.property(formatArb, fc.double({ min: -1000, max: 1000, noNaN: true }), fc.double({ min: -1000, max: 1000, noNaN: true }), (format, a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(roundToFormat(x, format, { saturate: true }).roundedValue).toBeLessThanOrEqual(roundToFormat(y, format, { saturate: true }).roundedValue);
      }),
      { numRuns: 2000 },
    );
  });

  it('roundToFormat keeps |relative error| <= epsilon / 2 for every value in the normal range', () => {
    fc.assert(
      fc.property(formatArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (format, t, negative) => {
        const { minNormal, maxFinite, epsilon } = floatFacts(format);
        // Spread t log-uniformly over [minNormal, maxFinite].
        const x = Math.min(maxFinite, minNormal * (maxFinite / minNormal) ** t) * (negative ? -1 : 1);
        const r = roundToFormat(x, format);
        expect(r.category).toBe('normal');
        expect(Math.abs(r.relativeError)).toBeLessThanOrEqual(epsilon / 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('roundToFormat returns bit strings whose widths match the format and a value it reproduces exactly', () => {
    fc.assert(
      fc.property(formatArb, anyDouble, (format, x) => {
        const facts = floatFacts(format);
        const r = roundToFormat(x, format);
        expect(r.exponentBits).toMatch(new RegExp(`^[01]{${facts.exponentBits}}$`));
        expect(r.mantissaBits).toMatch(new RegExp(`^[01]{${facts.mantissaBits}}$`));
        if (Number.isFinite(r.roundedValue)) expect(roundToFormat(r.roundedValue, format).roundedValue).toBe(r.roundedValue);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('quantizeInt8', () => {
  it('one outlier wipes out a small value (the Number formats chapter example): 127 x 0.013 / 6.35 = 0.26 rounds to 0', () => {
    const withOutlier = quantizeInt8Tensor([0.52, -6.35, 0.013, 0.9]);
    expect(withOutlier[2]?.quantized).toBe(0);
    expect(withOutlier[2]?.dequantized).toBe(0);
    // Without the outlier: 127 x 0.013 / 0.9 = 1.83, stored as 2, read back as 2 x 0.9 / 127 = 0.01417.
    const without = quantizeInt8Tensor([0.52, 0.013, 0.9]);
    expect(without[1]?.quantized).toBe(2);
    expect(without[1]?.dequantized).toBeCloseTo(1.8 / 127, 12);
  });
  it('quantizeInt8Tensor([1, -0.5, 0.25]) maps the absmax to 127 and scales the rest', () => {
    const q = quantizeInt8Tensor([1, -0.5, 0.25]);
    expect(q.map((v) => v.quantized)).toEqual([127, -64, 32]);
    expect(q[0]?.dequantized).toBeCloseTo(1, 12);
    expect(q[1]?.dequantized).toBeCloseTo(-64 / 127, 12);
    expect(q[1]?.scale).toBeCloseTo(1 / 127, 15);
  });

  it('quantizeInt8(value, absMax) errs by at most half a step inside the range', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 10, max: 100, noNaN: true }), (x, absMax) => {
        const q = quantizeInt8(x, absMax);
        expect(Number.isInteger(q.quantized)).toBe(true);
        expect(Math.abs(q.absoluteError)).toBeLessThanOrEqual(q.scale / 2 + 1e-12);
      }),
    );
  });

  it('quantizeInt8(value, absMax) clamps values beyond absMax to ±127', () => {
    expect(quantizeInt8(5, 1).quantized).toBe(127);
    expect(quantizeInt8(-5, 1).quantized).toBe(-127);
  });

  it('quantizeInt8(value, 0) stores zero for an all-zero tensor', () => {
    expect(quantizeInt8(0, 0)).toMatchObject({ quantized: 0, dequantized: 0, scale: 0 });
    expect(quantizeInt8Tensor([0, 0]).map((q) => q.quantized)).toEqual([0, 0]);
  });

  it('quantizeInt8 rejects NaN, Infinity and negative absMax', () => {
    expect(() => quantizeInt8(Number.NaN, 1)).toThrow(RangeError);
    expect(() => quantizeInt8(1, Infinity)).toThrow(RangeError);
    expect(() => quantizeInt8(1, -1)).toThrow(RangeError);
  });
});

describe('lossScalingDemo', () => {
  it('lossScalingDemo(1e-8, 2^16) loses the gradient in plain FP16 and recovers it to FP16 precision after unscaling', () => {
    const d = lossScalingDemo(1e-8, 2 ** 16);
    expect(d.unscaled.category).toBe('underflow-to-zero');
    expect(d.unscaled.roundedValue).toBe(0);
    expect(d.scaled.category).toBe('normal');
    expect(d.overflowed).toBe(false);
    expect(Math.abs(d.recoveredGradient - 1e-8) / 1e-8).toBeLessThanOrEqual(2 ** -11);
    expect(d.recoveredRelativeError).toBeCloseTo((d.recoveredGradient - 1e-8) / 1e-8, 12);
  });

  it('lossScalingDemo(1e-8, 1024) recovers a subnormal FP16 value with reduced precision', () => {
    const d = lossScalingDemo(1e-8, 1024);
    expect(d.scaled.category).toBe('subnormal');
    expect(d.recoveredGradient).toBeGreaterThan(0);
    expect(Math.abs(d.recoveredRelativeError)).toBeLessThan(0.01);
  });

  it('lossScalingDemo(1, 2^17) reports an overflow, the signal to skip the step and lower the scale', () => {
    const d = lossScalingDemo(1, 2 ** 17);
    expect(d.overflowed).toBe(true);
    expect(d.scaled.roundedValue).toBe(Infinity);
  });

  it('lossScalingDemo rejects a non-positive or non-finite loss scale', () => {
    expect(() => lossScalingDemo(1e-8, 0)).toThrow(RangeError);
    expect(() => lossScalingDemo(1e-8, Number.NaN)).toThrow(RangeError);
  });
});

describe('parseNumberInput', () => {
  it('accepts decimals, scientific notation and powers of two', () => {
    expect(parseNumberInput('0.1')).toEqual({ ok: true, value: 0.1 });
    expect(parseNumberInput(' -3e-8 ')).toEqual({ ok: true, value: -3e-8 });
    expect(parseNumberInput('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberInput('2^-24')).toEqual({ ok: true, value: 2 ** -24 });
    expect(parseNumberInput('\u22122^3')).toEqual({ ok: true, value: -8 });
  });
  it('rejects garbage, empty and out-of-range input without producing NaN or Infinity', () => {
    expect(parseNumberInput('')).toEqual({ ok: false, error: 'empty' });
    expect(parseNumberInput('12abc')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseNumberInput('NaN')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseNumberInput('Infinity')).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseNumberInput('1e400')).toEqual({ ok: false, error: 'out-of-range' });
    expect(parseNumberInput('2^5000')).toEqual({ ok: false, error: 'out-of-range' });
    expect(parseNumberInput('0', { positive: true })).toEqual({ ok: false, error: 'not-positive' });
    expect(parseNumberInput('-4', { positive: true })).toEqual({ ok: false, error: 'not-positive' });
  });
});
