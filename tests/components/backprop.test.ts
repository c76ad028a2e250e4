import { describe, expect, it } from 'vitest';
import { evaluateBackprop, fieldErrors } from '../../src/components/calculators/backprop.ts';
import { en } from '../../src/i18n/islands/backprop.ts';

const OK = { x: '1, 0.5', y: '0.25', lr: '0.1', act: 'tanh', seed: '7' };

describe('the backprop walk-through’s inputs (backprop.ts)', () => {
  it('runs the walk when every field is valid, and has no messages', () => {
    const p = evaluateBackprop(OK, 3, 0);
    const walk = p.result?.ok ? p.result : null;
    expect(walk).not.toBeNull();
    expect(walk?.step).toBe(0);
    expect(walk?.params.w1).toHaveLength(3);
    expect(walk?.params.w1[0]).toHaveLength(2);
    expect(fieldErrors(p, en.errors, 'en-US')).toEqual({ x: null, y: null, lr: null, seed: null });
  });

  it('runs nothing and words each bad field', () => {
    const p = evaluateBackprop({ x: '', y: '1, abc', lr: '0', act: 'relu', seed: '1.5' }, 3, 0);
    expect(p.result).toBeNull();
    const e = fieldErrors(p, en.errors, 'en-US');
    expect(e.x).toBe('Enter at least one number.');
    expect(e.y).toContain('“abc”');
    expect(e.lr).toBe('Enter a learning rate greater than 0 and at most 10.');
    expect(e.seed).toBe('The seed must be a whole number.');
  });

  it('groups the seed limit’s digits in the reader’s locale', () => {
    const e = fieldErrors(evaluateBackprop({ ...OK, seed: '-1' }, 3, 0), en.errors, 'en-US');
    expect(e.seed).toBe('Enter a whole number from 0 to 4,294,967,295.');
  });

  it('refuses an activation it does not offer', () => {
    expect(evaluateBackprop({ ...OK, act: 'sigmoid' }, 3, 0).actOk).toBe(false);
    expect(evaluateBackprop({ ...OK, act: 'sigmoid' }, 3, 0).result).toBeNull();
  });

  it('blames the learning rate when training diverges', () => {
    // A rate of 10 on inputs of 100 overshoots at once: the walk stops and names the step.
    const p = evaluateBackprop({ ...OK, x: '100, 100, 100, 100', y: '100', lr: '10', act: 'tanh' }, 3, 20);
    expect(p.result?.ok).toBe(false);
    expect(fieldErrors(p, en.errors, 'en-US').lr).toMatch(/^At step \d+ the values grew beyond/);
  });
});
