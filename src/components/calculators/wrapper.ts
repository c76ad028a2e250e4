/**
 * What the calculators' Astro wrappers share: the props of a wrapper that takes initial inputs, and the build-time check that
 * its default inputs evaluate, so a broken default is a build error, not a blank island.
 */

/** Props of a calculator wrapper: initial inputs (any left out take the wrapper's defaults) and its id. */
export interface WrapperProps<I> {
  /** Initial inputs; any left out take the wrapper's defaults. */
  defaults?: Partial<I>;
  /** Unique id prefix (and URL key prefix) when a page has more than one. */
  id?: string;
}

/**
 * Throws, naming the island and the errors, when `initial` does not evaluate against `cards`.
 * @example assertValidDefaults('DecodeSpeed', evaluateDecode, { ...DEFAULTS, batch: '0' }, cards) // throws
 */
export function assertValidDefaults<I, C>(island: string, evaluate: (inputs: I, cards: C) => { ok: true } | { ok: false; errors: unknown }, initial: I, cards: C): void {
  const check = evaluate(initial, cards);
  if (!check.ok) throw new Error(`${island} defaults are invalid: ${JSON.stringify(check.errors)}`);
}
