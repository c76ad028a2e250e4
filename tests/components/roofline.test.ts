import { describe, expect, it } from 'vitest';
import { dimError, formatSeconds, parseDim, pow10, rooflineVerdict } from '../../src/components/calculators/roofline.ts';
import { cardsFor } from '../../src/components/calculators/cards.ts';
import { matmulRoofline } from '../../src/lib/hardware/roofline.ts';
import { en } from '../../src/i18n/islands/roofline.ts';

describe('the roofline explorer’s pure part (roofline.ts)', () => {
  it('reads a dimension with thousands separators and refuses the rest, each with its message', () => {
    expect(parseDim(' 4,096 ')).toEqual({ ok: true, value: 4096 });
    expect(parseDim('1_048_576')).toEqual({ ok: true, value: 1_048_576 });
    expect(parseDim('')).toMatchObject({ ok: false, kind: 'empty' });
    expect(parseDim('1.5')).toMatchObject({ ok: false, kind: 'not-integer' });
    expect(parseDim('0')).toMatchObject({ ok: false, kind: 'too-small' });
    expect(parseDim('1048577')).toMatchObject({ ok: false, kind: 'too-large' });
    expect(dimError(parseDim('64'), en.errors, 'en-US')).toBeNull();
    expect(dimError(parseDim('1048577'), en.errors, 'en-US')).toContain('1,048,576');
    expect(dimError(parseDim('x1'), en.errors, 'en-US')).toContain('x1');
  });

  it('writes seconds in µs, ms or s', () => {
    expect(formatSeconds(0.0002, 'en-US')).toBe('200 µs');
    expect(formatSeconds(0.0125, 'en-US')).toBe('12.5 ms');
    expect(formatSeconds(3, 'en-US')).toBe('3 s');
  });

  it('puts a tick at every power of ten in range, and only there', () => {
    expect(pow10(0.1, 10_000)).toEqual([0.1, 1, 10, 100, 1000, 10_000]);
    expect(pow10(0.5, 50)).toEqual([1, 10]);
  });

  it('words a decode matmul as memory-bound and a large square one as compute-bound, and a missing format as such', () => {
    const h100 = cardsFor('series').find((c) => c.id.startsWith('h100'));
    expect(h100).toBeDefined();
    if (!h100) return;
    const decode = matmulRoofline(h100, 'bf16', { m: 1, n: 8192, k: 8192 });
    const square = matmulRoofline(h100, 'bf16', { m: 8192, n: 8192, k: 8192 });
    expect(rooflineVerdict(h100, decode, en, 'BF16', 'TFLOPS', 'en-US')).toMatch(new RegExp(`^${h100.name}, BF16: memory-bound\\.`));
    expect(rooflineVerdict(h100, square, en, 'BF16', 'TFLOPS', 'en-US')).toMatch(new RegExp(`^${h100.name}, BF16: compute-bound\\.`));
    expect(rooflineVerdict({ name: 'Old card' }, { ok: false, message: 'no fp8' }, en, 'FP8', 'TFLOPS', 'en-US')).toBe('Old card cannot run FP8 matrix multiplies in hardware (its specification lists no FP8 figure). Choose another format or card.');
  });
});
