/**
 * A tiny typed validator for reader and CLI input that reports every problem as data: `{ field, code, message }`, where `field`
 * is the scenario key (e.g. "seqLen", "lora.rank") and the message names the field in words ("Sequence length must be ...").
 * It replaces zod on the paths the calculators load, so the browser does not download a schema library; zod still validates
 * the spec data at build time (schema.ts).
 */
import { fieldLabel } from './fields.ts';

/** Why a value was rejected. */
export type IssueCode = 'required' | 'type' | 'range' | 'enum' | 'length' | 'conflict' | 'unknown';

/** One problem with the input: the field it belongs to, a machine-readable code and a sentence for people. */
export interface Issue {
  /** Scenario key the problem belongs to ("" for the scenario as a whole). */
  field: string;
  /** Kind of problem. */
  code: IssueCode;
  /** One sentence naming the field in words. */
  message: string;
}

/** The outcome of checking one value. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
/** A validator: unknown in, typed value or issues out. */
export type Check<T> = (value: unknown) => Checked<T>;
/** The type a validator produces. */
export type Infer<C> = C extends Check<infer T> ? T : never;

const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * A failed check with one issue.
 * @example fail('seqLen', 'range', 'Sequence length must be ...') //=> { ok: false, issues: [{ field: 'seqLen', code: 'range', message: ... }] }
 */
function fail(field: string, code: IssueCode, message: string): Checked<never> {
  return { ok: false, issues: [{ field, code, message }] };
}

/**
 * A whole number in [min, max].
 * @example whole('seqLen', 1, 1_048_576)(0) //=> { ok: false, issues: [{ field: 'seqLen', code: 'range', message: 'Sequence length must be a whole number from 1 to 1,048,576' }] }
 */
export function whole(field: string, min: number, max: number): Check<number> {
  const message = `${fieldLabel(field)} must be a whole number from ${fmt(min)} to ${fmt(max)}`;
  return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? pass(v) : fail(field, typeof v === 'number' ? 'range' : 'type', message));
}

/**
 * A finite number in [min, max], or in (min, max] when `minExclusive`.
 * @example real('mfu', 0, 1, true)(0) //=> { ok: false, issues: [{ field: 'mfu', code: 'range', message: 'Model FLOPs utilisation must be a number above 0 and at most 1' }] }
 */
export function real(field: string, min: number, max: number, minExclusive = false, custom?: string): Check<number> {
  const message = custom ?? `${fieldLabel(field)} must be a number ${minExclusive ? 'above' : 'from'} ${fmt(min)} ${minExclusive ? 'and at most' : 'to'} ${fmt(max)}`;
  return (v) => (typeof v === 'number' && Number.isFinite(v) && (minExclusive ? v > min : v >= min) && v <= max ? pass(v) : fail(field, typeof v === 'number' ? 'range' : 'type', message));
}

/** true or false. */
export function bool(field: string): Check<boolean> {
  return (v) => (typeof v === 'boolean' ? pass(v) : fail(field, 'type', `${fieldLabel(field)} must be true or false`));
}

/** One of a fixed list of values. */
export function oneOf<const T extends readonly (string | number)[]>(field: string, values: T): Check<T[number]> {
  return (v) => ((values as readonly unknown[]).includes(v) ? pass(v as T[number]) : fail(field, 'enum', `${fieldLabel(field)} must be one of ${values.join(', ')}`));
}

/** Text up to a length. */
export function text(field: string, maxLength: number): Check<string> {
  return (v) => (typeof v === 'string' && v.length <= maxLength ? pass(v) : fail(field, typeof v === 'string' ? 'length' : 'type', `${fieldLabel(field)} must be text of at most ${fmt(maxLength)} characters`));
}

/** Accepts `undefined` (the field was left out) or whatever `check` accepts. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v) => (v === undefined ? pass(undefined) : check(v));
}

/** Accepts `null` or whatever `check` accepts. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v) => (v === null ? pass(null) : check(v));
}

/** The first of two validators that accepts the value; else one issue with `message`. */
export function either<A, B>(a: Check<A>, b: Check<B>, field: string, message: string): Check<A | B> {
  return (v) => {
    const first = a(v);
    if (first.ok) return first;
    const second = b(v);
    return second.ok ? second : fail(field, 'type', message);
  };
}

/** A list whose every item passes `item`, with at least `minLength` items. */
export function list<T>(field: string, item: Check<T>, message: string, minLength: number, minMessage: string): Check<T[]> {
  return (v) => {
    if (!Array.isArray(v)) return fail(field, 'type', message);
    if (v.length < minLength) return fail(field, 'length', minMessage);
    const out: T[] = [];
    for (const x of v) {
      const r = item(x);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return pass(out);
  };
}

/** An object with known fields, each checked; every field's issues are reported, not only the first. Unknown keys are ignored. */
export function object<S extends Record<string, Check<unknown>>>(field: string, shape: S, message: string): Check<{ [K in keyof S]: Infer<S[K]> }> & { shape: S } {
  const check = (v: unknown): Checked<{ [K in keyof S]: Infer<S[K]> }> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(field, 'type', message);
    const out: Record<string, unknown> = {};
    const issues: Issue[] = [];
    for (const key of Object.keys(shape)) {
      const r = (shape[key] as Check<unknown>)((v as Record<string, unknown>)[key]);
      if (r.ok) out[key] = r.value;
      else issues.push(...r.issues);
    }
    return issues.length > 0 ? { ok: false, issues } : pass(out as { [K in keyof S]: Infer<S[K]> });
  };
  return Object.assign(check, { shape });
}
