/**
 * Labelled inputs for the calculators that check their own fields (decode speed, fine-tuning methods, step timeline) rather
 * than the scenario manifest: ids, the aria wiring to the message line, and the message itself (the error, else the hint).
 */
import type { JSX } from 'preact';

export interface PlainFieldsOptions<F extends string> {
  idPrefix: string;
  values: Readonly<Record<F, string>>;
  /** The current problem of each field, already put into words; absent when the field is fine. */
  errorText: (field: F) => string | undefined;
  set: (field: F, value: string) => void;
}

export function plainFields<F extends string>({ idPrefix, values, errorText, set }: PlainFieldsOptions<F>) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const msg = (f: F, hint = ''): JSX.Element => {
    const error = errorText(f);
    return <p id={id(`${f}-msg`)} class={error ? 'field-msg error' : 'field-msg'} role={error ? 'alert' : undefined}>{error ?? hint}</p>;
  };
  const aria = (f: F) => ({ id: id(f), 'aria-invalid': errorText(f) ? 'true' : 'false', 'aria-describedby': id(`${f}-msg`) }) as const;
  const select = (f: F, label: string, options: readonly (readonly [string, string])[], hint = '') => {
    const ok = options.some(([v]) => v === values[f]);
    return (
      <div class="field">
        <label for={id(f)}>{label}</label>
        <select {...aria(f)} value={ok ? values[f] : ''} onChange={(e) => set(f, (e.currentTarget as HTMLSelectElement).value)}>
          {ok ? null : <option value="" disabled>—</option>}
          {options.map(([v, text]) => <option value={v}>{text}</option>)}
        </select>
        {msg(f, hint)}
      </div>
    );
  };
  const text = (f: F, label: string, hint = '') => (
    <div class="field">
      <label for={id(f)}>{label}</label>
      <input {...aria(f)} type="text" inputMode="numeric" autoComplete="off" spellcheck={false} value={values[f]} onInput={(e) => set(f, (e.currentTarget as HTMLInputElement).value)} />
      {msg(f, hint)}
    </div>
  );
  return { id, msg, aria, select, text };
}

/** A whole-number field's problem: empty, or text that is not a whole number (echoed, cut to 40 characters). */
export type WholeProblem = { kind: 'empty' } | { kind: 'notWhole'; value: string };

/**
 * Reads whole-number fields, reporting each problem through `report`; returns the number (NaN when it is not one).
 * @example wholeReader({ seq: '2k' }, report)('seq') //=> NaN, after report('seq', { kind: 'notWhole', value: '2k' })
 */
export function wholeReader<F extends string>(values: Readonly<Record<F, string>>, report: (field: F, problem: WholeProblem) => void) {
  return (f: F): number => {
    const t = values[f].trim();
    if (t === '') report(f, { kind: 'empty' });
    else if (!/^\d+$/.test(t)) report(f, { kind: 'notWhole', value: t.slice(0, 40) });
    return Number(t);
  };
}
