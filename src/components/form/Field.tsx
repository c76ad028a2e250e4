/**
 * One field as an input, from its manifest entry (a scenario field, narrowed or not, or a calculator's own field): a select
 * for lists, a checkbox for flags, a text box for numbers; the label, a help line or the field's error message below it,
 * wired with aria-describedby and aria-invalid. Sliders over stops and lists that take several are in `ListFields.tsx`, so
 * the pages without them do not load them.
 */
import type { Issue } from '../../lib/scenario/check.ts';
import { fieldSpec, type FieldKey, type FieldSpec } from '../../lib/scenario/fields.ts';
import type { ScenarioForm } from './useScenarioForm.ts';
import { issueMessage, specOptions, specWords } from '../../i18n/vocabulary.ts';

/** The props every field component takes. */
export interface FieldProps {
  /** The field's manifest entry. */
  spec: FieldSpec;
  /** The island's id prefix; the input's id is `${idPrefix}-${spec.url}`. */
  idPrefix: string;
  /** The text the field holds. */
  value: string;
  /** Called with the new text. */
  onChange: (text: string) => void;
  /** Label in the reader's locale, units included (default: the field's label and unit in the reader's locale). */
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
}

const ON = new Set(['1', 'true', 'on']);

/**
 * The parts every field component shares: the input's id and aria wiring, its label (the given one, else the field's own
 * in the reader's locale, with its unit), and the line below it that shows the field's first problem in the reader's
 * locale, else the hint.
 */
export function fieldParts({ spec, idPrefix, label, hint = '', errors, disabled = false, locale }: FieldProps) {
  const id = `${idPrefix}-${spec.url}`;
  const msgId = `${id}-msg`;
  const error = errors?.[0];
  const common = { id, disabled, 'aria-invalid': error ? 'true' : 'false', 'aria-describedby': msgId } as const;
  const message = (
    <p id={msgId} class={error ? 'field-msg error' : 'field-msg'} role={error ? 'alert' : undefined}>
      {error ? issueMessage(error, locale, spec, label) : hint}
    </p>
  );
  const own = label === undefined ? specWords(spec, locale) : undefined;
  return { id, msgId, common, message, text: label ?? own?.label ?? spec.label, unit: own?.unit };
}

export default function Field(props: FieldProps) {
  const { spec, value, onChange, options, disabled = false, locale } = props;
  const { id, common, message, text, unit } = fieldParts(props);
  if (spec.kind === 'bool') {
    return (
      <div class="field field-check">
        <input {...common} type="checkbox" checked={ON.has(value.trim().toLowerCase())} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? '1' : '0')} />
        <label for={id}>{text}</label>
        {message}
      </div>
    );
  }
  const list = options ?? (spec.options ? specOptions(spec, locale) : undefined);
  if (list) {
    const known = list.some(([v]) => v === value);
    return (
      <div class="field">
        <label for={id}>{text}</label>
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
      <label for={id}>{text}{unit ? <span class="field-unit"> ({unit})</span> : null}</label>
      <input {...common} type="text" inputMode={spec.kind === 'whole' ? 'numeric' : 'decimal'} autoComplete="off" spellcheck={false} value={value} onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value)} />
      {message}
    </div>
  );
}

/** The line every scenario calculator shows until it hydrates; without JavaScript it stays and says what is shown. */
export function LoadingNote({ hydrated, text }: { hydrated: boolean; text: string }) {
  return hydrated ? null : <p class="calc-loading" data-testid="loading-note">{text}</p>;
}

/** How a form's next state is rewritten after one field changes (see {@link ScenarioForm.set}). */
type Adjust<K extends string> = (next: Record<K, string>) => Record<K, string>;

/**
 * An island's field renderer: `field(key, label, hint, options)` draws the manifest field `key` of `form`, with its problems
 * from `errors`, disabled until the island hydrates; `adjust(key)` may rewrite the form after that field changes.
 * @example const field = formFields(form, errors, 'mem', 'en'); field('batchSize', 'Batch size')
 */
export function formFields<K extends string>(form: ScenarioForm<K>, errors: Partial<Record<string, readonly Issue[]>>, idPrefix: string, locale: string, adjust?: (key: K) => Adjust<K> | undefined) {
  return (key: K & FieldKey, label: string, hint = '', options?: readonly (readonly [string, string])[]) => (
    <Field locale={locale} spec={fieldSpec(key)} idPrefix={idPrefix} value={form.values[key]} label={label} hint={hint} options={options} errors={errors[key]} disabled={!form.hydrated}
      onChange={(text) => form.set(key, text, adjust?.(key))} />
  );
}
