/**
 * A tiny typed validator for reader and CLI input, with one readable sentence per failure.
 * It replaces zod on the paths the calculators load, so the browser does not download a schema library;
 * zod still validates the spec data at build time (schema.ts).
 */

/** The outcome of checking one value. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
/** A validator: unknown in, typed value or a message out. */
export type Check<T> = (value: unknown) => Checked<T>;
/** The type a validator produces. */
export type Infer<C> = C extends Check<infer T> ? T : never;

const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (error: string): Checked<never> => ({ ok: false, error });
const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * A whole number in [min, max].
 * @example whole('seqLen', 1, 1_048_576)(0) //=> { ok: false, error: 'seqLen must be a whole number from 1 to 1,048,576' }
 */
export function whole(name: string, min: number, max: number): Check<number> {
  const error = `${name} must be a whole number from ${fmt(min)} to ${fmt(max)}`;
  return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? pass(v) : fail(error));
}

/**
 * A finite number in [min, max], or in (min, max] when `minExclusive`.
 * @example real('mfu', 0, 1, true)(0) //=> { ok: false, error: 'mfu must be a number above 0 and at most 1' }
 */
export function real(name: string, min: number, max: number, minExclusive = false): Check<number> {
  const error = `${name} must be a number ${minExclusive ? 'above' : 'from'} ${fmt(min)} ${minExclusive ? 'and at most' : 'to'} ${fmt(max)}`;
  return (v) => (typeof v === 'number' && Number.isFinite(v) && (minExclusive ? v > min : v >= min) && v <= max ? pass(v) : fail(error));
}

/** true or false. */
export function bool(name: string): Check<boolean> {
  return (v) => (typeof v === 'boolean' ? pass(v) : fail(`${name} must be true or false`));
}

/** One of a fixed list of strings. */
export function oneOf<const T extends readonly string[]>(name: string, values: T): Check<T[number]> {
  return (v) => (typeof v === 'string' && values.includes(v) ? pass(v as T[number]) : fail(`${name} must be one of ${values.join(', ')}`));
}

/** Text up to a length. */
export function text(name: string, maxLength: number): Check<string> {
  return (v) => (typeof v === 'string' && v.length <= maxLength ? pass(v) : fail(`${name} must be text of at most ${fmt(maxLength)} characters`));
}

/** Accepts `undefined` (the field was left out) or whatever `check` accepts. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v) => (v === undefined ? pass(undefined) : check(v));
}

/** Accepts `null` or whatever `check` accepts. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v) => (v === null ? pass(null) : check(v));
}

/** The first of several validators that accepts the value; else `error`. */
export function either<A, B>(a: Check<A>, b: Check<B>, error: string): Check<A | B> {
  return (v) => {
    const first = a(v);
    if (first.ok) return first;
    const second = b(v);
    return second.ok ? second : fail(error);
  };
}

/** A list whose every item passes `item`, with at least `minLength` items. */
export function list<T>(item: Check<T>, error: string, minLength: number, minError: string): Check<T[]> {
  return (v) => {
    if (!Array.isArray(v)) return fail(error);
    if (v.length < minLength) return fail(minError);
    const out: T[] = [];
    for (const x of v) {
      const r = item(x);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return pass(out);
  };
}

/** An object with known fields, each checked in order; fields not in `shape` are ignored. */
export function object<S extends Record<string, Check<unknown>>>(shape: S, error: string): Check<{ [K in keyof S]: Infer<S[K]> }> & { shape: S } {
  const check = (v: unknown): Checked<{ [K in keyof S]: Infer<S[K]> }> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(error);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const r = (shape[key] as Check<unknown>)((v as Record<string, unknown>)[key]);
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return pass(out as { [K in keyof S]: Infer<S[K]> });
  };
  return Object.assign(check, { shape });
}
