import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bool, either, list, nullable, object, oneOf, optional, real, text, whole } from '../../../src/lib/scenario/check.ts';

const issue = (field: string, code: string, message: string) => ({ ok: false, issues: [{ field, code, message }] });

describe('check', () => {
  it('whole(field, min, max) accepts whole numbers in range and names the field in words otherwise', () => {
    const seq = whole('seqLen', 1, 1_048_576);
    expect(seq(2048)).toEqual({ ok: true, value: 2048 });
    for (const bad of [0, 1.5, -3, Number.NaN, Number.POSITIVE_INFINITY, 2_000_000]) {
      expect(seq(bad)).toEqual(issue('seqLen', 'range', 'Sequence length must be a whole number from 1 to 1,048,576'));
    }
    for (const bad of ['12', null, undefined]) expect(seq(bad)).toEqual(issue('seqLen', 'type', 'Sequence length must be a whole number from 1 to 1,048,576'));
  });
  it('real(field, min, max, true) excludes the minimum and rejects non-finite numbers', () => {
    const mfu = real('mfu', 0, 1, true);
    expect(mfu(0.4)).toEqual({ ok: true, value: 0.4 });
    expect(mfu(0)).toEqual(issue('mfu', 'range', 'Model FLOPs utilisation must be a number above 0 and at most 1'));
    expect(mfu(Number.NaN).ok).toBe(false);
  });
  it('bool, oneOf and text accept only their own type', () => {
    expect(bool('flashAttention')('true')).toEqual(issue('flashAttention', 'type', 'FlashAttention must be true or false'));
    expect(oneOf('workload', ['lora', 'qlora'] as const)('qlora')).toEqual({ ok: true, value: 'qlora' });
    expect(oneOf('workload', ['lora', 'qlora'] as const)('x')).toEqual(issue('workload', 'enum', 'Workload must be one of lora, qlora'));
    expect(text('model.name', 3)('abcd')).toEqual(issue('model.name', 'length', 'model.name must be text of at most 3 characters'));
  });
  it('optional accepts a missing value and nullable accepts null, but neither accepts garbage', () => {
    expect(optional(whole('n', 1, 2))(undefined)).toEqual({ ok: true, value: undefined });
    expect(nullable(whole('n', 1, 2))(null)).toEqual({ ok: true, value: null });
    expect(optional(whole('n', 1, 2))(null).ok).toBe(false);
  });
  it('either tries both validators and reports its own message when both fail', () => {
    const format = either(text('f', 10), real('bits', 1, 32), 'weightsFormat', 'format must be a name or bits');
    expect(format(4.5)).toEqual({ ok: true, value: 4.5 });
    expect(format(true)).toEqual(issue('weightsFormat', 'type', 'format must be a name or bits'));
  });
  it('list checks every item and the minimum length', () => {
    const targets = list('lora.targets', oneOf('lora.targets', ['q', 'v'] as const), 'targets must be a list', 1, 'targets must not be empty');
    expect(targets(['q', 'v'])).toEqual({ ok: true, value: ['q', 'v'] });
    expect(targets([])).toEqual(issue('lora.targets', 'length', 'targets must not be empty'));
    expect(targets(['q', 'x'])).toEqual(issue('lora.targets', 'enum', 'lora.targets must be one of q, v'));
    expect(targets('q')).toEqual(issue('lora.targets', 'type', 'targets must be a list'));
  });
  it('object reports every failing field, not only the first, each under its own key', () => {
    const shape = object('', { batchSize: whole('batchSize', 1, 8), seqLen: whole('seqLen', 1, 8) }, 'must be an object');
    const r = shape({ batchSize: 0, seqLen: 99 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual(['batchSize', 'seqLen']);
    expect(shape('x')).toEqual(issue('', 'type', 'must be an object'));
  });
  it('a validator never throws and never accepts a non-finite number, whatever it is given', () => {
    const n = real('x', -1e9, 1e9);
    fc.assert(fc.property(fc.anything(), (v) => {
      const r = n(v);
      return !r.ok || (typeof r.value === 'number' && Number.isFinite(r.value));
    }));
  });
});
