/**
 * What the calculators' Astro wrappers share: the props of a wrapper that takes initial inputs, the build-time check that
 * its default inputs evaluate (a broken default is a build error, not a blank island), and, for the scenario-form
 * calculators, the whole set of props their island gets.
 */
import { islandWords, type IslandKey, type IslandWords } from '../../i18n/islands.ts';
import type { LocaleWords } from '../../i18n/vocabulary.ts';
import { localeWords } from '../../i18n/vocabulary.zh-cn.ts';
import type { FieldKey } from '../../lib/scenario/fields.ts';
import { VERDICT_OF_WHY, VERDICT_WHY_CODES, type VerdictWhyCode } from '../../lib/estimator/verdict.ts';
import type { Verdict } from '../../lib/scenario/vocabulary.ts';
import { cardsFor } from './cards.ts';

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

/** Props of a scenario-form calculator island (memory breakdown, parallelism, training cost). */
export interface FormIslandProps<K extends IslandKey, I> {
  /** Words for the reader's locale. */
  strings: IslandWords<K>;
  /** The form's words on a page that is not English (registered before the first render). */
  formWords?: LocaleWords | undefined;
  /** Initial inputs. */
  defaults: I;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

/** What a scenario-form wrapper says about its island: its words, default inputs and id, and how its inputs evaluate. */
export interface FormIslandSpec<K extends IslandKey, I, C> {
  words: K;
  /** The scenario fields the island shows: on a page that is not English it is handed only their words. */
  fields: readonly FieldKey[];
  defaults: I;
  id: string;
  evaluate: (inputs: I, cards: C) => { ok: true } | { ok: false; errors: unknown };
  /** The island's verdict sentences, by verdict: a reason travels to the page only if its verdict's sentence states it. */
  verdicts: (words: IslandWords<K>) => Readonly<Record<Verdict, string>>;
}

/**
 * The reason codes that verdict sentences can state: those whose verdict's sentence has a {reason} placeholder.
 * @example reasonsStated({ fits: '✓ Fits', tight: '≈ Tight', offload: 'Offload: it {reason}', unsupported: '✗ {reason}', 'does-not-fit': '✗' }) //=> ['paged-spill', 'cpu-offload', 'no-bf16-train', 'no-bf16-serve', 'no-fp8']
 */
export function reasonsStated(sentences: Readonly<Record<Verdict, string>>): VerdictWhyCode[] {
  return VERDICT_WHY_CODES.filter((code) => sentences[VERDICT_OF_WHY[code]].includes('{reason}'));
}

/**
 * The island props of a scenario-form wrapper on a page in `locale`: the page's inputs over the wrapper's defaults, checked
 * against every card of the shared slim table (throws on a default that does not evaluate).
 * @example formIslandProps('zh-cn', {}, PARALLELISM_FORM).idPrefix //=> 'par'
 */
export function formIslandProps<K extends IslandKey, I, C>(locale: string | undefined, props: WrapperProps<I>, spec: FormIslandSpec<K, I, C>): FormIslandProps<K, I> {
  const strings = islandWords(locale, spec.words);
  // Also registers the form's words for this build-time render. These islands label every field themselves (formFields), so
  // the table's field labels stay behind; of the verdict reasons, only those their verdict sentences state travel.
  const formWords = localeWords(locale, spec.fields, { fieldLabels: false, verdictReasons: reasonsStated(spec.verdicts(strings)) });
  const initial: I = { ...spec.defaults, ...props.defaults };
  assertValidDefaults(spec.words, spec.evaluate, initial, cardsFor() as C);
  return { strings, formWords, defaults: initial, idPrefix: props.id ?? spec.id };
}
