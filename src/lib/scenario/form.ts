/**
 * A calculator's text inputs to a validated scenario, through the field manifest: each shown field's text is read by its kind,
 * the result goes to `parseScenario`, and every problem comes back under the field that shows it. Pure, so the calculators'
 * behaviour is tested in Vitest, not re-implemented in browser tests.
 */
import type { Issue } from './check.ts';
import { fieldFromText, fieldSpec, fieldToText, setRaw, type FieldKey } from './fields.ts';
import { parseScenario } from './scenario.ts';
import type { GpuRef } from './scenario-refs.ts';
import type { Scenario } from '../types.ts';

/** A form's values: the text each shown field holds, by scenario key. */
export type FormValues = Partial<Record<FieldKey, string>>;

/** A form read into a scenario, or its problems grouped by the field that shows them ('' for the rest). */
export type FormResult =
  | { ok: true; scenario: Scenario; gpu: GpuRef; defaults: Partial<Record<FieldKey, unknown>> }
  | { ok: false; errors: Partial<Record<FieldKey | '', Issue[]>> };

/**
 * Reads the shown fields' text, adds the calculator's fixed inputs, and validates the whole with `parseScenario`.
 * Problems in fields the form does not show are reported under '' (the form's general message).
 * @example formToScenario({ model: 'gpt2', batchSize: 'x' }).ok //=> false, with errors.batchSize[0].code === 'type'
 */
export function formToScenario(values: FormValues, fixed: Record<string, unknown> = {}): FormResult {
  const raw: Record<string, unknown> = { ...fixed };
  const errors: Partial<Record<FieldKey | '', Issue[]>> = {};
  const add = (field: FieldKey | '', issue: Issue) => {
    (errors[field] ??= []).push(issue);
  };
  const shown = Object.keys(values) as FieldKey[];
  for (const key of shown) {
    const read = fieldFromText(fieldSpec(key), values[key] ?? '');
    if (read.ok) setRaw(raw, key, read.value);
    else add(key, { field: key, code: read.code, message: read.message });
  }
  // Parse what could be read even when some text could not, so every field's problem shows at once.
  const parsed = parseScenario(raw);
  if (parsed.ok && Object.keys(errors).length === 0) return parsed;
  if (!parsed.ok) {
    for (const issue of parsed.errors) {
      const home = shown.find((k) => k === issue.field);
      if (home && errors[home]) continue;
      add(home ?? '', issue);
    }
  }
  return { ok: false, errors };
}

/**
 * After a change, the values with every field the scenario now rejects as a conflict (e.g. BF16 weights once QLoRA is chosen)
 * reset to the default `parseScenario` picks when that field is left out; other values unchanged.
 * @example withCompatibleDefaults({ workload: 'qlora', weightsFormat: 'bf16', model: 'gpt2' }).weightsFormat //=> "nf4"
 */
export function withCompatibleDefaults(values: FormValues, fixed: Record<string, unknown> = {}): FormValues {
  const r = formToScenario(values, fixed);
  if (r.ok) return values;
  const conflicted = (Object.keys(r.errors) as (FieldKey | '')[]).filter((k): k is FieldKey => k !== '' && (r.errors[k] ?? []).every((i) => i.code === 'conflict'));
  if (conflicted.length === 0) return values;
  const rest: FormValues = { ...values };
  for (const k of conflicted) delete rest[k];
  const again = formToScenario(rest, fixed);
  if (!again.ok) return values;
  const next: FormValues = { ...values };
  for (const k of conflicted) {
    const chosen = again.defaults[k];
    if (chosen !== undefined) next[k] = fieldToText(fieldSpec(k), chosen);
  }
  return next;
}

