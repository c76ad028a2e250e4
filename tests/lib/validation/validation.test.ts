import { describe, expect, it } from 'vitest';
import { biasRatio, medianAbsoluteError, percentileAbsoluteError, worstAbsoluteError } from '../../../src/lib/validation/validation.ts';

describe('validation summaries', () => {
  it('medianAbsoluteError takes the middle absolute error of an odd count', () => {
    expect(medianAbsoluteError([{ relativeError: -0.1 }, { relativeError: 0.3 }, { relativeError: 0.05 }])).toBeCloseTo(0.1, 12);
  });
  it('medianAbsoluteError averages the two middle values of an even count', () => {
    expect(medianAbsoluteError([{ relativeError: 0.1 }, { relativeError: -0.2 }, { relativeError: 0.4 }, { relativeError: 0 }])).toBeCloseTo(0.15, 12);
  });
  it('medianAbsoluteError and worstAbsoluteError are 0 for no rows', () => {
    expect(medianAbsoluteError([])).toBe(0);
    expect(worstAbsoluteError([])).toBe(0);
  });
  it('worstAbsoluteError is the largest magnitude, whatever its sign', () => {
    expect(worstAbsoluteError([{ relativeError: 0.1 }, { relativeError: -0.5 }])).toBe(0.5);
  });
});

describe('error summaries', () => {
  it('takes the 90th percentile by nearest rank and the bias as the median of predicted / measured', () => {
    const rows = [0.05, -0.1, 0.2, -0.3, 0.01, 0.02, 0.03, -0.04, 0.06, 0.5].map((relativeError) => ({ relativeError }));
    // Sorted |errors|: 0.01 0.02 0.03 0.04 0.05 0.06 0.1 0.2 0.3 0.5; rank ceil(0.9 x 10) = 9 -> 0.3.
    expect(percentileAbsoluteError(rows, 0.9)).toBe(0.3);
    expect(percentileAbsoluteError([], 0.9)).toBe(0);
    // Ratios sorted: 0.7 0.9 0.96 1.01 1.02 1.03 1.05 1.06 1.2 1.5; median (1.02 + 1.03) / 2.
    expect(biasRatio(rows)).toBeCloseTo(1.025, 12);
    expect(biasRatio([])).toBe(1);
  });
});
