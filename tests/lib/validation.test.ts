import { describe, expect, it } from 'vitest';
import { medianAbsoluteError, worstAbsoluteError } from '../../src/lib/validation.ts';

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
