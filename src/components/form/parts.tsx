/**
 * The small pieces of markup every island is built from: the copy-link and reset toolbar, a labelled text box or select
 * with its message line, a table's header row. They live in one module on purpose: every island imports the toolbar, so
 * the build puts this module in one shared, cached chunk; a module that only some islands import would become a chunk of
 * its own and cost those pages a request and more gzipped JavaScript than the lines it saves. Manifest fields are drawn by
 * `Field.tsx`, which adds labels, units and messages from the field manifest.
 */
import type { ComponentChildren } from 'preact';
import type { CommonWords } from '../../i18n/islands/common.ts';
import { useCopyLink } from '../calculators/url-state.ts';

/** The copy-link and reset buttons shared by every island, with a polite live region for the copy result. */
export function IslandToolbar({ strings, onReset }: { strings: CommonWords; onReset: () => void }) {
  const [copyState, copy] = useCopyLink();
  return (
    <div class="island-toolbar">
      <button type="button" onClick={copy}>{strings.copyLink}</button>
      <button type="button" onClick={onReset}>{strings.reset}</button>
      <span role="status" aria-live="polite" class="island-status">
        {copyState === 'copied' ? strings.copied : copyState === 'failed' ? strings.copyFailed : ''}
      </span>
    </div>
  );
}

/** What a labelled field needs: the control's id (its message line is `${id}-msg`), its label, and its problem if any. */
interface FieldFrameProps {
  id: string;
  label: ComponentChildren;
  /** The message shown below the control, in the reader's words; null when the value is fine. */
  error?: string | null | undefined;
  /** Shown below the control when there is no error. */
  hint?: ComponentChildren;
}

/** The message line below a control: its error (announced, marked), else its hint. */
function FieldMessage({ id, error, hint }: { id: string; error?: string | null | undefined; hint?: ComponentChildren }) {
  return <p id={`${id}-msg`} class={error ? 'field-msg error' : 'field-msg'} role={error ? 'alert' : undefined}>{error ?? hint ?? ''}</p>;
}

/** The aria wiring a control shares with its message line. */
const wiring = (id: string, error: string | null | undefined) => ({ id, 'aria-invalid': error ? 'true' : 'false', 'aria-describedby': `${id}-msg` }) as const;

/** A labelled text box that reports each edit; numbers are typed as text so a half-typed value is not lost. */
export function TextField({ id, label, error, hint, value, onInput, inputMode, list }: FieldFrameProps & {
  value: string;
  onInput: (text: string) => void;
  /** The on-screen keyboard to offer (phones). */
  inputMode?: 'numeric' | 'decimal' | 'text';
  /** The id of a datalist of suggestions. */
  list?: string;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input {...wiring(id, error)} type="text" inputMode={inputMode} autoComplete="off" spellcheck={false} list={list} value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}

/** A labelled select over `options` ([value, label] pairs), reporting the value chosen. */
export function SelectField({ id, label, error, hint, value, onChange, options }: FieldFrameProps & {
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select {...wiring(id, error)} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {options.map(([v, text]) => <option value={v}>{text}</option>)}
      </select>
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}

/** A column's header: its text; `{ num: text }` for a numeric column; `{ srOnly: text }` for one whose name only screen readers need (a column of links). */
export type Column = string | { num: string } | { srOnly: string; class?: string };

/** The header row of a data table: one `<th scope="col">` per column, numeric columns marked `class="num"` (right-aligned). */
export function HeadRow({ columns }: { columns: readonly Column[] }) {
  return (
    <tr>
      {columns.map((c) => (typeof c === 'string' ? <th scope="col">{c}</th>
        : 'num' in c ? <th scope="col" class="num">{c.num}</th>
        : <th scope="col" class={c.class}><span class="sr-only">{c.srOnly}</span></th>))}
    </tr>
  );
}
