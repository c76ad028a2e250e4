/**
 * Tensors as the estimator sees them: a shape, a number format, and what that costs in elements and bytes.
 * Layout follows PyTorch's `Tensor.stride()` convention (row-major, last dimension contiguous).
 */
import { bytesPerValue, type FormatId } from '../estimator/formats.ts';

/** Largest element count the calculator accepts (2^53, where doubles stop counting exactly). */
const MAX_ELEMENTS = Number.MAX_SAFE_INTEGER;
/** Most dimensions a shape may have. */
export const MAX_RANK = 8;

/** Size of a tensor of some shape and format. */
export interface TensorSize {
  /** The shape, outermost dimension first. */
  shape: readonly number[];
  /** Number of dimensions. */
  rank: number;
  /** Product of the dimensions (1 for a scalar). */
  elements: number;
  /** Storage in bytes: elements x bytes per value, rounded up to whole bytes for packed 4-bit formats. */
  bytes: number;
  /** Row-major (contiguous) strides, in elements. */
  strides: number[];
}

/**
 * Number of elements of a shape: the product of its dimensions; a scalar (empty shape) has one.
 * @example elementCount([4096, 4096]) //=> 16777216
 */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/**
 * Contiguous (row-major) strides: how many elements to skip to step once along each dimension.
 * @example contiguousStrides([2, 3, 4]) //=> [12, 4, 1]
 */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = (strides[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return strides;
}

/**
 * Bytes a tensor occupies: elements x (bits per value / 8), packed formats rounded up to a whole byte.
 * @example tensorBytes([128256, 4096], 'bf16') //=> 1050673152
 */
export function tensorBytes(shape: readonly number[], format: FormatId): number {
  return Math.ceil(elementCount(shape) * bytesPerValue(format));
}

/**
 * The full size description of a tensor.
 * @example tensorSize([2, 3], 'fp32').bytes //=> 24
 */
export function tensorSize(shape: readonly number[], format: FormatId): TensorSize {
  return { shape, rank: shape.length, elements: elementCount(shape), bytes: tensorBytes(shape, format), strides: contiguousStrides(shape) };
}

/** Why a shape string was rejected. */
export type ShapeError =
  | { kind: 'empty' }
  | { kind: 'not-integer'; token: string }
  | { kind: 'not-positive'; token: string }
  | { kind: 'too-many-dims'; rank: number }
  | { kind: 'too-large' };

/** The outcome of parsing a shape typed by a reader. */
export type ShapeParse = { ok: true; shape: number[] } | { ok: false; error: ShapeError };

/**
 * Parses a shape such as "8, 4096, 4096", "[8,4096]" or "8 x 4096"; every dimension a positive whole number and the product
 * at most 2^53 - 1 elements.
 * @example parseShape('[2, 3]') //=> { ok: true, shape: [2, 3] }
 * @example parseShape('2, -3') //=> { ok: false, error: { kind: 'not-positive', token: '-3' } }
 */
export function parseShape(text: string): ShapeParse {
  const body = text.trim().replace(/^[[(]/, '').replace(/[\])]$/, '').trim();
  if (body === '') return { ok: false, error: { kind: 'empty' } };
  const tokens = body.split(/\s*(?:,|×|\bx\b|\*)\s*|\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return { ok: false, error: { kind: 'empty' } };
  if (tokens.length > MAX_RANK) return { ok: false, error: { kind: 'too-many-dims', rank: tokens.length } };
  const shape: number[] = [];
  for (const token of tokens) {
    const normalized = token.replace(/_/g, '');
    if (!/^[+-]?\d+$/.test(normalized)) return { ok: false, error: { kind: 'not-integer', token: token.slice(0, 24) } };
    const dim = Number(normalized);
    if (dim <= 0) return { ok: false, error: { kind: 'not-positive', token } };
    if (!Number.isSafeInteger(dim)) return { ok: false, error: { kind: 'too-large' } };
    shape.push(dim);
  }
  // Check the running product against 2^53 before it loses integer precision.
  let product = 1;
  for (const dim of shape) {
    product *= dim;
    if (product > MAX_ELEMENTS) return { ok: false, error: { kind: 'too-large' } };
  }
  return { ok: true, shape };
}
