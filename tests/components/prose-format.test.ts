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
});
