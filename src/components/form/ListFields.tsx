/**
 * The field components a calculator uses when it narrows a number to stops or lets the reader pick several options: a
 * slider whose positions are the stops, and a set of checkboxes. Same props, ids, aria wiring and message line as `<Field>`.
 */
import { specOptions } from '../../i18n/vocabulary.ts';
import { fieldParts, type FieldProps } from './Field.tsx';

/** A slider over the entry's `stops`: its position is the stop's index, the field keeps the value; `valueText` words it. */
export function StopsField(props: FieldProps & { valueText: (value: number) => string }) {
  const { spec, value, onChange, valueText } = props;
  const { id, msgId, common, message, text: label } = fieldParts(props);
  const stops = spec.stops ?? [];
  const at = /^\d+$/.test(value.trim()) ? stops.indexOf(Number(value)) : -1;
  const text = at < 0 ? '—' : valueText(stops[at]!);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input {...common} aria-describedby={`${id}-out ${msgId}`} type="range" min={0} max={stops.length - 1} step={1} value={Math.max(at, 0)} aria-valuetext={text}
        onInput={(e) => onChange(String(stops[Number((e.currentTarget as HTMLInputElement).value)] ?? stops[0]))} />
      <output id={`${id}-out`} for={id} data-testid={`${spec.url}-value`}>{text}</output>
      {message}
    </div>
  );
}

/** A checkbox per option of an entry that takes several (`multiple`), its value the chosen ids comma-separated, in list order. */
export function ChoicesField(props: FieldProps) {
  const { spec, value, onChange, options, disabled = false, locale } = props;
  const { id, msgId, common, message, text: label } = fieldParts(props);
  const list = options ?? specOptions(spec, locale);
  const chosen = new Set(value.split(',').map((s) => s.trim()));
  const toggle = (v: string, on: boolean) => onChange(list.map(([x]) => x).filter((x) => (x === v ? on : chosen.has(x))).join(','));
  return (
    <fieldset class="field field-set" aria-describedby={msgId} aria-invalid={common['aria-invalid']}>
      <legend>{label}</legend>
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
