/**
 * A build-time check shared by the calculators' Astro wrappers: their default inputs must evaluate, so a broken default is a
 * build error, not a blank island.
 */

/**
 * Throws, naming the island and the errors, when `initial` does not evaluate against `cards`.
 * @example assertValidDefaults('DecodeSpeed', evaluateDecode, { ...DEFAULTS, batch: '0' }, cards) // throws
 */
export function assertValidDefaults<I, C>(island: string, evaluate: (inputs: I, cards: C) => { ok: true } | { ok: false; errors: unknown }, initial: I, cards: C): void {
  const check = evaluate(initial, cards);
  if (!check.ok) throw new Error(`${island} defaults are invalid: ${JSON.stringify(check.errors)}`);
}
