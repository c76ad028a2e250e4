/**
 * A labelled one-line text input with its message below (id `<id>-msg`): the hint, or the error while the text is wrong,
 * announced and tied to the input (aria-invalid, aria-describedby).
 */
interface Props {
  id: string;
  label: string;
  value: string;
  /** Shown while the text is fine. */
  hint: string;
  /** Shown instead of the hint while the text is wrong; null when it is fine. */
  error: string | null;
  /** The on-screen keyboard to offer. */
  inputMode: 'decimal' | 'numeric' | 'text';
  onInput: (text: string) => void;
}

export default function TextField({ id, label, value, hint, error, inputMode, onInput }: Props) {
  const msgId = `${id}-msg`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="text" inputMode={inputMode} autoComplete="off" spellcheck={false} value={value}
        aria-invalid={error ? 'true' : 'false'} aria-describedby={msgId} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
      <p id={msgId} class={error ? 'field-msg error' : 'field-msg'} role={error ? 'alert' : undefined}>{error ?? hint}</p>
    </div>
  );
}
