import { describe, expect, it } from 'vitest';
import { proseFormat } from '../../src/components/prose/format.ts';

describe('proseFormat', () => {
  const f = proseFormat();
  it('rounds to significant digits and groups thousands', () => {
    expect(f.n(1234.567, 3)).toBe('1,235');
    expect(f.n(0.012345, 3)).toBe('0.0123');
  });
  it('protects TeX commas', () => {
    expect(f.tn(12345, 5)).toBe('12{,}345');
  });
  it('writes bytes as GiB with and without the unit', () => {
    expect(f.gib(16 * 2 ** 30)).toBe('16 GiB');
    expect(f.gibValue(1.5 * 2 ** 30)).toBe('1.5');
  });
  it('writes fractions as percentages, signed on request', () => {
    expect(f.pct(0.4213)).toBe('42%');
    expect(f.signedPct(-0.031, 2)).toBe('−3.1%');
    expect(f.signedPct(0.042, 2)).toBe('+4.2%');
  });
  it('never prints NaN', () => {
    expect(f.n(Number.NaN)).not.toContain('NaN');
    expect(f.gib(Number.POSITIVE_INFINITY)).not.toContain('NaN');
  });
  it('writes TeX scientific notation, keeping an exact power of ten at its own exponent', () => {
    expect(f.sci(3.14e23)).toBe('3.14 \\times 10^{23}');
    expect(f.sci(1e24)).toBe('1 \\times 10^{24}');
    expect(f.sci(0)).toBe('0');
  });
  it('writes FLOP/s as TFLOPS to four significant digits', () => {
    expect(f.tflops(165.2e12)).toBe('165.2');
    expect(f.tflops(82.58e12)).toBe('82.58');
  });
});
