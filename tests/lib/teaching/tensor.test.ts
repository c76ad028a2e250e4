import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contiguousStrides, elementCount, parseShape, tensorBytes, tensorSize } from '../../../src/lib/teaching/tensor.ts';

describe('elementCount', () => {
  it('elementCount(shape) multiplies the dimensions', () => {
    expect(elementCount([8, 2048, 4096])).toBe(8 * 2048 * 4096);
  });
  it('elementCount([]) is 1 for a scalar', () => {
    expect(elementCount([])).toBe(1);
  });
});

describe('contiguousStrides', () => {
  it('contiguousStrides([2, 3, 4]) steps 12, 4, 1 elements', () => {
    expect(contiguousStrides([2, 3, 4])).toEqual([12, 4, 1]);
  });
  it('the first stride times the first dimension is the element count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }), (shape) => {
        expect((contiguousStrides(shape)[0] ?? 0) * (shape[0] ?? 0)).toBe(elementCount(shape));
      }),
    );
  });
});

describe('tensorBytes', () => {
  it('tensorBytes(shape, "bf16") is two bytes per element', () => {
    expect(tensorBytes([32000, 4096], 'bf16')).toBe(32000 * 4096 * 2);
  });
  it('tensorBytes(shape, "fp32") is four bytes per element', () => {
    expect(tensorBytes([3, 5], 'fp32')).toBe(60);
  });
  it('tensorBytes packs 4-bit values two to a byte and rounds an odd count up', () => {
    expect(tensorBytes([4], 'nf4')).toBe(2);
    expect(tensorBytes([3], 'int4')).toBe(2);
  });
  it('tensorSize reports rank, elements, bytes and strides together', () => {
    const size = tensorSize([2, 3], 'fp16');
    expect(size).toMatchObject({ rank: 2, elements: 6, bytes: 12, strides: [3, 1] });
  });
});

describe('parseShape', () => {
  it('parseShape accepts commas, brackets, spaces and x as separators', () => {
    expect(parseShape('[8, 4096]')).toEqual({ ok: true, shape: [8, 4096] });
    expect(parseShape('8 x 4096 x 2')).toEqual({ ok: true, shape: [8, 4096, 2] });
    expect(parseShape('(1,2,3)')).toEqual({ ok: true, shape: [1, 2, 3] });
    expect(parseShape('128_256, 4096')).toEqual({ ok: true, shape: [128256, 4096] });
  });
  it('parseShape rejects empty, negative, zero, fractional and garbage input with a reason', () => {
    expect(parseShape('  ')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(parseShape('4, -2')).toEqual({ ok: false, error: { kind: 'not-positive', token: '-2' } });
    expect(parseShape('0')).toEqual({ ok: false, error: { kind: 'not-positive', token: '0' } });
    expect(parseShape('2.5')).toMatchObject({ ok: false, error: { kind: 'not-integer' } });
    expect(parseShape('<script>')).toMatchObject({ ok: false, error: { kind: 'not-integer' } });
  });
  it('parseShape rejects shapes whose element count passes 2^53', () => {
    expect(parseShape('1000000000, 1000000000')).toEqual({ ok: false, error: { kind: 'too-large' } });
    expect(parseShape('99999999999999999999')).toEqual({ ok: false, error: { kind: 'too-large' } });
  });
  it('parseShape rejects more than eight dimensions', () => {
    expect(parseShape('1,1,1,1,1,1,1,1,1')).toEqual({ ok: false, error: { kind: 'too-many-dims', rank: 9 } });
  });
  it('parseShape never throws and an accepted shape always has a finite byte size', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseShape(text);
        if (parsed.ok) expect(Number.isFinite(tensorBytes(parsed.shape, 'fp32'))).toBe(true);
      }),
    );
  });
});
