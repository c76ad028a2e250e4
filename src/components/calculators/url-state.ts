/**
 * Browser-side helpers every island uses to keep its inputs in the page URL, so a copied link reproduces what the reader sees.
 * Each island owns a key prefix (e.g. `tensor.`) so several islands can share one page's query string.
 */
import { useEffect, useState } from 'preact/hooks';

/** Reads the island's raw string parameters for the declared `keys` from the current URL; empty on the server. */
export function readParams<K extends string>(prefix: string, keys: readonly K[]): Partial<Record<K, string>> {
  if (typeof window === 'undefined') return {};
  const out: Partial<Record<K, string>> = {};
  for (const [key, value] of new URLSearchParams(window.location.search)) {
    const k = key.slice(prefix.length) as K;
    if (key.startsWith(prefix) && keys.includes(k)) out[k] = value.slice(0, 200);
  }
  return out;
}

/** Writes the island's parameters into the URL without adding history entries; defaults are left out to keep links short. */
export function writeParams(prefix: string, values: Record<string, string>, defaults: Record<string, string>): void {
  if (typeof window === 'undefined') return;
  const params = new URLSearchParams(window.location.search);
  for (const key of [...params.keys()]) if (key.startsWith(prefix)) params.delete(key);
  for (const [key, value] of Object.entries(values)) if (value !== defaults[key]) params.set(prefix + key, value);
  const query = params.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
}

/** State of the copy-link button. */
export type CopyState = 'idle' | 'copied' | 'failed';

/** A copy-link action and its state; the state resets after two seconds. */
export function useCopyLink(): [CopyState, () => void] {
  const [state, setState] = useState<CopyState>('idle');
  const copy = () => {
    const done = (next: CopyState) => {
      setState(next);
      window.setTimeout(() => setState('idle'), 2000);
    };
    if (!navigator.clipboard) return done('failed');
    navigator.clipboard.writeText(window.location.href).then(() => done('copied'), () => done('failed'));
  };
  return [state, copy];
}

/**
 * An island's string inputs, kept in the URL: the server render and the first client render show `defaults`; once after
 * hydration the URL's values for `fields` are adopted, and every change is written back with {@link writeParams}.
 * @param prefix the island's URL key prefix, dot included (e.g. `mem.`)
 */
export function useUrlInputs<T extends { [K in keyof T]: string }>(prefix: string, defaults: T, fields: readonly (keyof T & string)[]): [T, (next: T) => void] {
  const [inputs, setInputs] = useState<T>(defaults);
  // Adopt URL parameters once after hydration (the server render always shows the defaults).
  useEffect(() => {
    const p = readParams(prefix, fields);
    const next = { ...defaults };
    let changed = false;
    for (const f of fields) {
      const value = p[f];
      if (value !== undefined) {
        next[f] = value as T[typeof f];
        changed = true;
      }
    }
    if (changed) setInputs(next);
  }, []);
  useEffect(() => {
    writeParams(prefix, { ...inputs } as Record<string, string>, { ...defaults } as Record<string, string>);
  }, [inputs]);
  return [inputs, setInputs];
}

/**
 * The result to show: the evaluation's when it is valid, otherwise the last valid one (so bad input keeps the last good result).
 * The first evaluation (of the defaults) must be valid.
 */
export function useLastGood<R>(evaluation: { ok: true; result: R } | { ok: false }): R {
  const [lastGood, setLastGood] = useState<R>(() => {
    if (!evaluation.ok) throw new Error('invalid default inputs');
    return evaluation.result;
  });
  useEffect(() => {
    if (evaluation.ok) setLastGood(evaluation.result);
  }, [evaluation]);
  return evaluation.ok ? evaluation.result : lastGood;
}
