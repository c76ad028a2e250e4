import { describe, expect, it } from 'vitest';
import { evaluateBackprop, vectorError } from '../../src/components/calculators/backprop.ts';
import { en } from '../../src/i18n/islands/backprop.ts';

const OK = { x: '1, 0.5', y: '0.25', lr: '0.1', act: 'tanh', seed: '7' };

describe('the backprop walk-through’s inputs (backprop.ts)', () => {
  it('runs the walk when every field is valid', () => {
    const p = evaluateBackprop(OK, 3, 0);
    const walk = p.result?.ok ? p.result : null;
    expect(walk).not.toBeNull();
    expect(walk?.step).toBe(0);
    expect(walk?.params.w1).toHaveLength(3);
    expect(walk?.params.w1[0]).toHaveLength(2);
  });

  it('runs nothing while a field is wrong, and says which', () => {
    const p = evaluateBackprop({ x: '', y: '1, abc', lr: '0', act: 'relu', seed: '1.5' }, 3, 0);
    expect(p.result).toBeNull();
    expect(p.x.ok ? null : vectorError(p.x.error, en.errors)).toBe('Enter at least one number.');
    expect(p.y.ok ? null : vectorError(p.y.error, en.errors)).toContain('“abc”');
    expect(p.lr.ok).toBe(false);
    expect(p.seed.ok ? null : p.seed.error).toBe('not-integer');
  });

  it('words a vector with too many values or a value out of range', () => {
    const tooMany = evaluateBackprop({ ...OK, x: '1, 2, 3, 4, 5' }, 3, 0).x;
    expect(tooMany.ok ? null : vectorError(tooMany.error, en.errors)).toMatch(/5/);
    const big = evaluateBackprop({ ...OK, y: '1000' }, 3, 0).y;
    expect(big.ok ? null : vectorError(big.error, en.errors)).toContain('1000');
  });

  it('refuses an activation it does not offer', () => {
    expect(evaluateBackprop({ ...OK, act: 'sigmoid' }, 3, 0).actOk).toBe(false);
    expect(evaluateBackprop({ ...OK, act: 'sigmoid' }, 3, 0).result).toBeNull();
  });

  it('reports the step at which training diverges', () => {
    // A rate of 10 on inputs of 100 overshoots at once: the walk stops and names the step.
    const p = evaluateBackprop({ ...OK, x: '100, 100, 100, 100', y: '100', lr: '10', act: 'tanh' }, 3, 20);
    expect(p.result?.ok).toBe(false);
    expect(p.result && !p.result.ok ? p.result.divergedAtStep : -1).toBeGreaterThanOrEqual(0);
  });
});
