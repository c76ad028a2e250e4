/**
 * A labelled drop-down with an error line below (id `<id>-msg`), empty while the choice is valid and announced when a link
 * or old URL named an option that does not exist.
 */
interface Props {
  id: string;
  label: string;
  value: string;
  /** [value, label] of each option, in order. */
  options: readonly (readonly [string, string])[];
  /** Why the current choice is wrong; null when it is valid. */
  error: string | null;
  onChange: (value: string) => void;
}

export default function SelectField({ id, label, value, options, error, onChange }: Props) {
  const msgId = `${id}-msg`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-invalid={error ? 'true' : 'false'} aria-describedby={msgId} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {options.map(([v, text]) => <option value={v}>{text}</option>)}
      </select>
      <p id={msgId} class="field-msg error" role={error ? 'alert' : undefined}>{error ?? ''}</p>
    </div>
  );
}
