/**
 * The form of a calculator built from its own field manifest (decode speed, fine-tuning methods, step timeline): the text of
 * each field kept in the page URL under the entry's URL key, the evaluation of that text, the result to show (the current
 * one, or the last valid one while the text is wrong) with the problems, the props of each field, and the problems that
 * belong to no field; whether the island has hydrated (fields stay disabled until then, and a disabled select carries only
 * its value in the page's HTML). The scenario calculators' counterpart is `useScenarioForm`.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Issue } from '../../lib/scenario/check.ts';
import type { FieldSpec } from '../../lib/scenario/fields.ts';
import type { IslandKey, IslandWords } from '../../i18n/islands.ts';
import { issueMessage, registerWords, type LocaleWords } from '../../i18n/vocabulary.ts';
import { useLastGood, useUrlInputs } from '../calculators/url-state.ts';
import type { FieldProps } from './Field.tsx';

/** The props of a calculator island built from a field manifest. */
export interface FieldsIslandProps<K extends IslandKey, I> {
  /** The form's words on a page that is not English (registered before the first render). */
  formWords?: LocaleWords | undefined;
  /** Words for the reader's locale: this island's table, the shared toolbar words and the number locale. */
  strings: IslandWords<K>;
  /** Initial text of each field, by URL key. */
  defaults: I;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

/** What the form needs: where it lives, its defaults and URL keys, its manifest and evaluation. */
export interface FieldsFormOptions<T, R> {
  /** The island's id prefix; its URL keys take it plus a dot. */
  idPrefix: string;
  /** Initial text of each field, by URL key. */
  defaults: T;
  /** The URL keys the island reads and writes (declared in url-keys.ts). */
  keys: readonly (keyof T & string)[];
  /** The calculator's fields for the current text (an entry may narrow on another field, e.g. k up to the model's blocks). */
  specs: (inputs: T) => FieldSpec[];
  /** Reads and evaluates the text: a result, or the problems, each under the scenario key of its field. */
  evaluate: (inputs: T) => { ok: true; result: R } | { ok: false; errors: readonly Issue[] };
  /** The reader's locale, for option labels and messages. */
  locale: string;
  /** The form's words on a page that is not English, registered before the fields render. */
  formWords?: LocaleWords | undefined;
}

/**
 * The form's state; `field(url, label, hint)` gives the props of the field with that URL key for `<Field>` or a list field
 * (without a label, the field shows its own words in the reader's locale).
 * @example const form = useFieldsForm({ idPrefix: 'ft', defaults, keys, specs, evaluate, locale }); <Field {...form.field('seq', t.seqLabel)} />
 */
export function useFieldsForm<T extends { [K in keyof T]: string }, R>({ idPrefix, defaults, keys, specs: specsOf, evaluate, locale, formWords }: FieldsFormOptions<T, R>) {
  registerWords(formWords);
  const [inputs, setInputs] = useUrlInputs(`${idPrefix}.`, defaults, keys);
  const evaluation = useMemo(() => evaluate(inputs), [inputs]);
  const shown = useLastGood(evaluation);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const errors: readonly Issue[] = evaluation.ok ? [] : evaluation.errors;
  const specs = specsOf(inputs);
  const values: Readonly<Record<string, string>> = inputs;
  const field = (url: string, label?: string, hint = ''): FieldProps => {
    const spec = specs.find((s) => s.url === url) as FieldSpec;
    return { spec, idPrefix, value: values[url] ?? '', onChange: (text) => setInputs({ ...inputs, [url]: text }), label, hint, errors: errors.filter((i) => i.field === spec.key), locale, disabled: !hydrated };
  };
  return { inputs, evaluation, shown, errors, specs, field, hydrated, reset: () => setInputs({ ...defaults }) };
}

/** A calculator's problems that belong to none of its fields (the estimator rejecting the whole), one line each. */
export function FormIssues({ issues, specs, locale }: { issues: readonly Issue[]; specs: readonly FieldSpec[]; locale: string }) {
  const rest = issues.filter((i) => !specs.some((s) => s.key === i.field));
  return <>{rest.map((i) => <p class="field-msg error" role="alert">{issueMessage(i, locale)}</p>)}</>;
}
