import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../../../src/lib/teaching/losses.ts';

describe('softmaxCrossEntropy', () => {
  it('gives probabilities that sum to 1 and a gradient p - y that sums to 0', () => {
    const r = softmaxCrossEntropy([2, 1, 0], 0);
    expect(r.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.grad.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(r.grad[0]).toBeCloseTo(r.probs[0]! - 1, 12);
  });
  it('matches e^2 / (e^2 + e + 1) and its negative log for logits (2, 1, 0), target 0', () => {
    const p0 = Math.E ** 2 / (Math.E ** 2 + Math.E + 1);
    const r = softmaxCrossEntropy([2, 1, 0], 0);
    expect(r.probs[0]).toBeCloseTo(p0, 12);
    expect(r.loss).toBeCloseTo(-Math.log(p0), 12);
  });
  it('agrees with a central finite difference of the loss', () => {
    const z = [0.3, -1.2, 2.5, 0.7];
    const h = 1e-6;
    const g = softmaxCrossEntropy(z, 2).grad;
    for (let i = 0; i < z.length; i++) {
      const up = z.slice(); up[i]! += h;
      const down = z.slice(); down[i]! -= h;
      const numeric = (softmaxCrossEntropy(up, 2).loss - softmaxCrossEntropy(down, 2).loss) / (2 * h);
      expect(g[i]).toBeCloseTo(numeric, 6);
    }
  });
  it('stays finite for huge logits and rejects bad input', () => {
    expect(Number.isFinite(softmaxCrossEntropy([1000, 0], 1).loss)).toBe(true);
    expect(() => softmaxCrossEntropy([1, Number.NaN], 0)).toThrow(RangeError);
    expect(() => softmaxCrossEntropy([1, 2], 2)).toThrow(RangeError);
  });
});
