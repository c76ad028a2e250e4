import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bool, either, list, nullable, object, oneOf, optional, real, text, whole } from '../../src/lib/check.ts';

describe('check', () => {
  it('whole(name, min, max) accepts whole numbers in range and names the field and range otherwise', () => {
    const seq = whole('seqLen', 1, 1_048_576);
    expect(seq(2048)).toEqual({ ok: true, value: 2048 });
    for (const bad of [0, 1.5, -3, Number.NaN, Number.POSITIVE_INFINITY, '12', null, undefined, 2_000_000]) {
      expect(seq(bad)).toEqual({ ok: false, error: 'seqLen must be a whole number from 1 to 1,048,576' });
    }
  });
  it('real(name, min, max, true) excludes the minimum and rejects non-finite numbers', () => {
    const mfu = real('mfu', 0, 1, true);
    expect(mfu(0.4)).toEqual({ ok: true, value: 0.4 });
    expect(mfu(0)).toEqual({ ok: false, error: 'mfu must be a number above 0 and at most 1' });
    expect(mfu(Number.NaN).ok).toBe(false);
  });
  it('bool, oneOf and text accept only their own type', () => {
    expect(bool('flag')('true')).toEqual({ ok: false, error: 'flag must be true or false' });
    expect(oneOf('workload', ['lora', 'qlora'] as const)('qlora')).toEqual({ ok: true, value: 'qlora' });
    expect(oneOf('workload', ['lora', 'qlora'] as const)('x')).toEqual({ ok: false, error: 'workload must be one of lora, qlora' });
    expect(text('name', 3)('abcd').ok).toBe(false);
  });
  it('optional accepts a missing value and nullable accepts null, but neither accepts garbage', () => {
    expect(optional(whole('n', 1, 2))(undefined)).toEqual({ ok: true, value: undefined });
    expect(nullable(whole('n', 1, 2))(null)).toEqual({ ok: true, value: null });
    expect(optional(whole('n', 1, 2))(null).ok).toBe(false);
  });
  it('either tries both validators and reports its own message when both fail', () => {
    const format = either(text('f', 10), real('bits', 1, 32), 'format must be a name or bits');
    expect(format(4.5)).toEqual({ ok: true, value: 4.5 });
    expect(format(true)).toEqual({ ok: false, error: 'format must be a name or bits' });
  });
  it('list checks every item and the minimum length', () => {
    const targets = list(oneOf('target', ['q', 'v'] as const), 'targets must be a list', 1, 'targets must not be empty');
    expect(targets(['q', 'v'])).toEqual({ ok: true, value: ['q', 'v'] });
    expect(targets([])).toEqual({ ok: false, error: 'targets must not be empty' });
    expect(targets(['q', 'x'])).toEqual({ ok: false, error: 'target must be one of q, v' });
    expect(targets('q')).toEqual({ ok: false, error: 'targets must be a list' });
  });
  it('object returns the first failing field’s message and ignores unknown fields', () => {
    const shape = object({ a: whole('a', 1, 9), b: optional(bool('b')) }, 'must be an object');
    expect(shape({ a: 3, extra: 1 })).toEqual({ ok: true, value: { a: 3, b: undefined } });
    expect(shape({ a: 0, b: 'x' })).toEqual({ ok: false, error: 'a must be a whole number from 1 to 9' });
    expect(shape([1])).toEqual({ ok: false, error: 'must be an object' });
  });
  it('no input makes a validator throw', () => {
    const shape = object({ a: whole('a', 1, 9), l: optional(list(text('t', 5), 'l', 0, 'l')) }, 'obj');
    fc.assert(fc.property(fc.anything(), (v) => {
      expect(() => shape(v)).not.toThrow();
    }));
  });
});
