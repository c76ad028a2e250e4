/**
 * Reads any list of field entries from the text a calculator keeps under their URL keys: each by its kind with
 * `fieldFromText`, then against the entry's options, slider stops and range. The entries are the scenario manifest's (or a
 * calculator's narrowing of them) or a calculator's own fields in the same `FieldSpec` shape. Pure, so the calculators'
 * validation is tested in Vitest.
 */
import type { Issue, IssueCode } from './check.ts';
import { fieldFromText, type FieldSpec } from './fields.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** What {@link readFields} read: each field's value by scenario key, and one problem for each field that failed. */
export interface FieldsRead {
  values: Record<string, unknown>;
  errors: Issue[];
}

/** One field's text read by its kind, then checked against its options, slider stops and range. */
function readField(spec: FieldSpec, text: string): { value: unknown } | { code: IssueCode; message: string } {
  const listed = (v: string) => spec.options === undefined || spec.options.some((o) => o.value === v);
  const notListed = { code: 'enum', message: `${spec.label}: choose from the list` } as const;
  if (spec.multiple) {
    const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (items.length === 0) return { code: 'required', message: `${spec.label}: choose at least one` };
    return items.every(listed) ? { value: items } : notListed;
  }
  const { stops, min = 0, max = Number.MAX_VALUE, minExclusive = false } = spec;
  // A slider's text that is not one of its steps, a number or not, earns the same sentence: the steps it takes.
  const offStops = stops && `${spec.label} must be one of the slider's steps, from ${fmt(stops[0] ?? 0)} to ${fmt(stops.at(-1) ?? 0)}`;
  const read = fieldFromText(spec, text);
  if (!read.ok) return offStops && read.code === 'type' ? { code: 'type', message: offStops } : read;
  const v = read.value;
  if (v === undefined) return { value: v };
  if (!listed(String(v))) return notListed;
  if (typeof v !== 'number') return { value: v };
  if (offStops) return stops?.includes(v) ? { value: v } : { code: 'range', message: offStops };
  if ((minExclusive ? v > min : v >= min) && v <= max) return { value: v };
  const what = spec.kind === 'whole' ? 'a whole number' : 'a number';
  return { code: 'range', message: `${spec.label} must be ${what} ${minExclusive ? 'above' : 'from'} ${fmt(min)} ${minExclusive ? 'and at most' : 'to'} ${fmt(max)}` };
}

/**
 * Reads any list of fields from the text a calculator keeps under their URL keys, each by its manifest entry (or the narrowed
 * entry a calculator passes): its kind, options, slider stops and range. Every field's problem comes back, under its key.
 * @example readFields([fieldSpec('batchSize')], { batch: '0' }).errors[0].code //=> "range"
 */
export function readFields(specs: readonly FieldSpec[], texts: Readonly<Record<string, string>>): FieldsRead {
  const values: Record<string, unknown> = {};
  const errors: Issue[] = [];
  for (const spec of specs) {
    const read = readField(spec, texts[spec.url] ?? '');
    if ('value' in read) values[spec.key] = read.value;
    else errors.push({ field: spec.key, code: read.code, message: read.message });
  }
  return { values, errors };
}
