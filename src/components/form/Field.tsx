/**
 * One field as an input, from its manifest entry (a scenario field, narrowed or not, or a calculator's own field): a select
 * for lists, checkboxes for a list that takes several, a checkbox for flags, a slider for stops, a text box for numbers; the
 * label, a help line or the field's error message below it, wired with aria-describedby and aria-invalid.
 */
import type { Issue } from '../../lib/scenario/check.ts';
import type { FieldSpec } from '../../lib/scenario/fields.ts';
import { issueMessage, specOptions } from '../../i18n/vocabulary.ts';

interface Props {
  /** The field's manifest entry. */
  spec: FieldSpec;
  /** The island's id prefix; the input's id is `${idPrefix}-${spec.url}`. */
  idPrefix: string;
  /** The text the field holds. */
  value: string;
  /** Called with the new text. */
  onChange: (text: string) => void;
  /** Label in the reader's locale, units included (default: the manifest's English label and unit). */
  label?: string | undefined;
  /** Options as [value, label] (default: the manifest's); models and cards pass theirs. */
  options?: readonly (readonly [string, string])[] | undefined;
  /** Help shown when there is no error. */
  hint?: string;
  /** The field's problems; the first is shown. */
  errors?: readonly Issue[] | undefined;
  /** Disabled until the island hydrates. */
  disabled?: boolean;
  /** The reader's locale (an island's `numberLocale`); option labels and error messages follow it. Default English. */
  locale?: string | undefined;
  /** A slider's value in words, shown beside it (default: the number). */
  valueText?: ((value: number) => string) | undefined;
}

const ON = new Set(['1', 'true', 'on']);

export default function Field({ spec, idPrefix, value, onChange, label, options, hint = '', errors, disabled = false, locale, valueText = String }: Props) {
  const id = `${idPrefix}-${spec.url}`;
  const msgId = `${id}-msg`;
  const error = errors?.[0];
  const common = { id, disabled, 'aria-invalid': error ? 'true' : 'false', 'aria-describedby': msgId } as const;
  const message = (
    <p id={msgId} class={error ? 'field-msg error' : 'field-msg'} role={error ? 'alert' : undefined}>
      {error ? issueMessage(error, locale, spec, label) : hint}
    </p>
  );
  if (spec.kind === 'bool') {
    return (
      <div class="field field-check">
        <input {...common} type="checkbox" checked={ON.has(value.trim().toLowerCase())} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? '1' : '0')} />
        <label for={id}>{label ?? spec.label}</label>
        {message}
      </div>
    );
  }
  if (spec.stops) {
    // A slider over the stops: its position is the stop's index; the field keeps the value itself.
    const stops = spec.stops;
    const at = /^\d+$/.test(value.trim()) ? stops.indexOf(Number(value)) : -1;
    const text = at < 0 ? '—' : valueText(stops[at]!);
    return (
      <div class="field">
        <label for={id}>{label ?? spec.label}</label>
        <input {...common} aria-describedby={`${id}-out ${msgId}`} type="range" min={0} max={stops.length - 1} step={1} value={Math.max(at, 0)} aria-valuetext={text}
          onInput={(e) => onChange(String(stops[Number((e.currentTarget as HTMLInputElement).value)] ?? stops[0]))} />
        <output id={`${id}-out`} for={id} data-testid={`${spec.url}-value`}>{text}</output>
        {message}
      </div>
    );
  }
  const list = options ?? (spec.options ? specOptions(spec, locale) : undefined);
  if (list && spec.multiple) {
    const chosen = new Set(value.split(',').map((s) => s.trim()));
    const toggle = (v: string, on: boolean) => onChange(list.map(([x]) => x).filter((x) => (x === v ? on : chosen.has(x))).join(','));
    return (
      <fieldset class="field field-set" aria-describedby={msgId} aria-invalid={common['aria-invalid']}>
        <legend>{label ?? spec.label}</legend>
        <ul>
          {list.map(([v, text]) => (
            <li>
              <input id={`${id}-${v}`} type="checkbox" disabled={disabled} checked={chosen.has(v)} onChange={(e) => toggle(v, (e.currentTarget as HTMLInputElement).checked)} />
              <label for={`${id}-${v}`}>{text}</label>
            </li>
          ))}
        </ul>
        {message}
      </fieldset>
    );
  }
  if (list) {
    const known = list.some(([v]) => v === value);
    return (
      <div class="field">
        <label for={id}>{label ?? spec.label}</label>
        <select {...common} value={known ? value : ''} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          {known ? null : <option value="" disabled>—</option>}
          {/* A disabled select (the server render, before hydration) shows only its value, so the page's HTML does not carry every choice. */}
          {(disabled ? list.filter(([v]) => v === value) : list).map(([v, text]) => <option value={v}>{text}</option>)}
        </select>
        {message}
      </div>
    );
  }
  return (
    <div class="field">
      <label for={id}>{label ?? spec.label}{label === undefined && spec.unit ? <span class="field-unit"> ({spec.unit})</span> : null}</label>
      <input {...common} type="text" inputMode={spec.kind === 'whole' ? 'numeric' : 'decimal'} autoComplete="off" spellcheck={false} value={value} onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value)} />
      {message}
    </div>
  );
}

/** The line every scenario calculator shows until it hydrates; without JavaScript it stays and says what is shown. */
export function LoadingNote({ hydrated, text }: { hydrated: boolean; text: string }) {
  return hydrated ? null : <p class="calc-loading" data-testid="loading-note">{text}</p>;
}

/** A calculator's problems that belong to none of its fields (the estimator rejecting the whole), one line each. */
export function FormIssues({ issues, specs, locale }: { issues: readonly Issue[]; specs: readonly FieldSpec[]; locale: string }) {
  const rest = issues.filter((i) => !specs.some((s) => s.key === i.field));
  return <>{rest.map((i) => <p class="field-msg error" role="alert">{issueMessage(i, locale)}</p>)}</>;
}

/** What a calculator's fields share: the manifest it validates with, the texts by URL key, their problems and the setter. */
export interface FieldsOf {
  specs: readonly FieldSpec[];
  idPrefix: string;
  values: Readonly<Record<string, string>>;
  errors: readonly Issue[];
  set: (url: string, text: string) => void;
  locale: string;
}

/**
 * Draws a calculator's fields from its manifest: `field(url, label, more)` is the `<Field>` of the entry with that URL key,
 * holding its text and showing its problems.
 * @example const field = fieldsOf({ specs, idPrefix, values, errors, set, locale }); field('seq', t.seqLabel)
 */
export function fieldsOf({ specs, idPrefix, values, errors, set, locale }: FieldsOf) {
  return (url: string, label: string, more: Partial<Props> = {}) => {
    const spec = specs.find((s) => s.url === url) as FieldSpec;
    return <Field spec={spec} idPrefix={idPrefix} value={values[url] ?? ''} onChange={(text) => set(url, text)} label={label} errors={errors.filter((i) => i.field === spec.key)} locale={locale} {...more} />;
  };
}
