/**
 * The backpropagation walk-through's input limits and the parsers for what a reader types (lists of numbers, scalars).
 */
/** Limits of the backpropagation walk-through: small enough to show every number, wide enough to explore. */
export const BACKPROP_LIMITS = {
  /** Most input features the reader may type. */
  maxInputs: 4,
  /** Most targets the reader may type. */
  maxOutputs: 3,
  /** Largest |value| accepted for an input or a target. */
  maxAbsValue: 100,
  /** Largest learning rate accepted. */
  maxLearningRate: 10,
  /** Most training steps taken before the shown one. */
  maxSteps: 1000,
  /** Largest seed (seeds are unsigned 32-bit integers). */
  maxSeed: 4294967295,
} as const;

/** Why a typed list of numbers was rejected. */
export type VectorInputError =
  | { kind: 'empty' }
  | { kind: 'not-a-number'; token: string }
  | { kind: 'too-many'; count: number; max: number }
  | { kind: 'out-of-range'; token: string; max: number };

/** A typed list of numbers, parsed. */
export type VectorInput = { ok: true; values: number[] } | { ok: false; error: VectorInputError };

const NUMBER_TOKEN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a comma- or space-separated list of decimal numbers ("0.5, -1.2"), at most `maxLength` of them, each within ±maxAbs.
 * @example parseVectorInput('0.5, -1.2', 4, 100) //=> { ok: true, values: [0.5, -1.2] }
 * @example parseVectorInput('1, x', 4, 100) //=> { ok: false, error: { kind: 'not-a-number', token: 'x' } }
 */
export function parseVectorInput(text: string, maxLength: number, maxAbs: number): VectorInput {
  const tokens = text.replace(/\u2212/g, '-').split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { ok: false, error: { kind: 'empty' } };
  const values: number[] = [];
  for (const token of tokens) {
    if (!NUMBER_TOKEN.test(token)) return { ok: false, error: { kind: 'not-a-number', token: token.slice(0, 24) } };
    const value = Number(token);
    if (!Number.isFinite(value) || Math.abs(value) > maxAbs) return { ok: false, error: { kind: 'out-of-range', token: token.slice(0, 24), max: maxAbs } };
    values.push(value + 0);
  }
  if (values.length > maxLength) return { ok: false, error: { kind: 'too-many', count: values.length, max: maxLength } };
  return { ok: true, values };
}

/** A typed scalar, parsed: a number within [min, max] (and a whole number when `integer`). */
export type ScalarInput = { ok: true; value: number } | { ok: false; error: 'empty' | 'not-a-number' | 'not-integer' | 'out-of-range' };

/**
 * Parses one typed number and checks its range; `exclusiveMin` rejects the minimum itself.
 * @example parseScalarInput('0.1', { min: 0, max: 10, exclusiveMin: true }) //=> { ok: true, value: 0.1 }
 * @example parseScalarInput('3.5', { min: 0, max: 9, integer: true }) //=> { ok: false, error: 'not-integer' }
 */
export function parseScalarInput(text: string, range: { min: number; max: number; exclusiveMin?: boolean; integer?: boolean }): ScalarInput {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return { ok: false, error: 'empty' };
  if (!NUMBER_TOKEN.test(t)) return { ok: false, error: 'not-a-number' };
  const value = Number(t) + 0;
  if (!Number.isFinite(value)) return { ok: false, error: 'out-of-range' };
  if (range.integer === true && !Number.isInteger(value)) return { ok: false, error: 'not-integer' };
  if (value > range.max || value < range.min || (range.exclusiveMin === true && value === range.min)) return { ok: false, error: 'out-of-range' };
  return { ok: true, value };
}
