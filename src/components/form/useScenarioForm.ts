/**
 * A calculator's scenario form state: the text of each shown field, kept in the page URL under the field's manifest URL key,
 * plus whether the island has hydrated (inputs stay disabled until then, so what the reader sees is what the form holds).
 */
import { useEffect, useState } from 'preact/hooks';
import { fieldSpec, type FieldKey, type FieldSpec } from '../../lib/scenario/fields.ts';
import type { FormValues } from '../../lib/scenario/form.ts';
import { useUrlInputs } from '../calculators/url-state.ts';

/** The form's state and its actions. */
export interface ScenarioForm<K extends string> {
  /** Text of each shown field, by scenario key. */
  values: Record<K, string>;
  /** Sets one field's text; `adjust` may rewrite the whole next state (e.g. reset a format that no longer applies). */
  set: (key: K, text: string, adjust?: (next: Record<K, string>) => Record<K, string>) => void;
  /** Back to the island's defaults. */
  reset: () => void;
  /** False in the server render and until the island's script runs. */
  hydrated: boolean;
}

/**
 * The form for `keys` under URL prefix `prefix` (dot included), starting from `defaults`. Keys are manifest fields, or the
 * keys of `extra` specs for inputs that are not scenario fields (a card's purchase price).
 * @example const form = useScenarioForm('mem.', { batchSize: '1', seqLen: '2048' }, ['batchSize', 'seqLen'])
 */
export function useScenarioForm<K extends string>(prefix: string, defaults: Record<K, string>, keys: readonly K[], extra: readonly FieldSpec[] = []): ScenarioForm<K> {
  const url = (k: K) => (extra.find((f) => f.key === k) ?? fieldSpec(k as unknown as FieldKey)).url;
  const urlDefaults = Object.fromEntries(keys.map((k) => [url(k), defaults[k]])) as Record<string, string>;
  const [inputs, setInputs] = useUrlInputs(prefix, urlDefaults, keys.map(url));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const values = Object.fromEntries(keys.map((k) => [k, inputs[url(k)] ?? defaults[k]])) as Record<K, string>;
  const toUrl = (v: Record<K, string>) => Object.fromEntries(keys.map((k) => [url(k), v[k]])) as Record<string, string>;
  return {
    values,
    set: (key, text, adjust) => {
      const next = { ...values, [key]: text } as Record<K, string>;
      setInputs(toUrl(adjust ? adjust(next) : next));
    },
    reset: () => setInputs({ ...urlDefaults }),
    hydrated,
  };
}

/** Values narrowed to what `formToScenario` takes. */
export const asFormValues = <K extends FieldKey>(v: Record<K, string>): FormValues => v as FormValues;
