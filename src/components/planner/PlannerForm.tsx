/** The planner's inputs: model (grouped presets or a pasted config.json), workload, format, engine, sizes, savers and the reader's card. */
import { useState } from 'preact/hooks';
import type { FieldKey } from '../../lib/scenario/fields.ts';
import { fieldOptions, fieldWords } from '../../i18n/vocabulary.ts';
import { cardLabel, type PlannerCard } from '../../lib/answers/planner.ts';
import type { PresetGroup } from '../../lib/scenario/presets.ts';
import type { PlannerStrings } from '../../i18n/planner.ts';
import type { Scenario } from '../../lib/types.ts';
import { SAVERS, urlKey, type PlanInputs } from './plan-state.ts';

interface Props {
  strings: PlannerStrings;
  inputs: PlanInputs;
  errors: Record<string, string>;
  set: (key: string, value: string) => void;
  groups: PresetGroup[];
  cards: PlannerCard[];
  series: { id: string; label: string }[];
  disabled: boolean;
  /** The scenario last evaluated, whose defaults a saver shows until the reader sets it. */
  resolved: Scenario;
}

/** Accessible attributes of an input with a possible message. */
const described = (id: string, errors: Record<string, string>) => ({
  id: `plan-${id}`,
  'aria-invalid': errors[id] ? ('true' as const) : undefined,
  'aria-describedby': errors[id] ? `plan-${id}-msg` : undefined,
});

/** The message element beside a field. */
function Msg({ id, errors }: { id: string; errors: Record<string, string> }) {
  return errors[id] ? <p class="field-msg" id={`plan-${id}-msg`} role="alert">{errors[id]}</p> : null;
}

export default function PlannerForm({ strings, inputs, errors, set, groups, cards, series, disabled, resolved }: Props) {
  const [filter, setFilter] = useState('');
  // A disabled select (the server render, before hydration) lists only its chosen option, as Field does, so the page's HTML
  // does not carry every model and card; hydration fills in the rest.
  const only = <T,>(options: readonly T[], valueOf: (o: T) => string, chosen: string): readonly T[] => (disabled ? options.filter((o) => valueOf(o) === chosen) : options);
  const training = inputs['workload'] !== 'inference';
  const value = (k: string) => inputs[k] ?? '';
  const text = (key: FieldKey, label: string, mode: 'numeric' | 'decimal' = 'numeric') => {
    const k = urlKey(key);
    return (
      <div class="field">
        <label for={`plan-${k}`}>{label}</label>
        <input type="text" inputMode={mode} {...described(k, errors)} value={value(k)} disabled={disabled} onInput={(e) => set(k, e.currentTarget.value)} />
        <Msg id={k} errors={errors} />
      </div>
    );
  };
  const select = (key: FieldKey, label: string, withDefault: boolean) => {
    const k = urlKey(key);
    return (
      <div class="field">
        <label for={`plan-${k}`}>{label}</label>
        <select {...described(k, errors)} value={value(k)} disabled={disabled} onChange={(e) => set(k, e.currentTarget.value)}>
          {only([...(withDefault ? [['', strings.defaultForWorkload] as [string, string]] : []), ...fieldOptions(key, strings.locale)], ([v]) => v, value(k)).map(([v, text]) => <option value={v}>{text}</option>)}
        </select>
        <Msg id={k} errors={errors} />
      </div>
    );
  };
  const needle = filter.trim().toLowerCase();
  const visible = cards.filter((c) => !needle || c.name.toLowerCase().includes(needle) || c.id.includes(needle) || c.id === value('gpu'));
  return (
    <fieldset class="planner-form" aria-label={strings.formLabel}>
      <div class="planner-row">
        <div class="field">
          <label for="plan-model">{strings.model}</label>
          <select {...described('model', errors)} value={value('model')} disabled={disabled} onChange={(e) => set('model', e.currentTarget.value)}>
            {disabled
              ? only([...groups.flatMap((g) => g.models.map((m) => [m.id, m.name] as const)), ['config', strings.ownConfig] as const], ([v]) => v, value('model')).map(([v, text]) => <option value={v}>{text}</option>)
              : <>{groups.map((g) => (
                <optgroup label={g.family}>{g.models.map((m) => <option value={m.id}>{m.name}</option>)}</optgroup>
              ))}<option value="config">{strings.ownConfig}</option></>}
          </select>
          <Msg id="model" errors={errors} />
        </div>
        {select('workload', strings.workload, false)}
        {select('weightsFormat', strings.weights, true)}
        {!training && select('engine', strings.engine, true)}
      </div>
      {value('model') === 'config' && (
        <div class="field planner-config">
          <label for="plan-config">{strings.configLabel}</label>
          <textarea {...described('config', errors)} rows={6} spellcheck={false} value={value('config')} disabled={disabled} onInput={(e) => set('config', e.currentTarget.value)} />
          <p class="field-help">{strings.configHelp}</p>
          <Msg id="config" errors={errors} />
        </div>
      )}
      <div class="planner-row">
        {training ? text('seqLen', strings.seq) : <>{text('promptTokens', strings.prompt)}{text('outputTokens', strings.output)}</>}
        {text('batchSize', strings.batch)}
        {text('gpuCount', strings.count)}
        {text('hourlyUsd', strings.hourly, 'decimal')}
      </div>
      <details class="planner-savers">
        <summary>{strings.savers}</summary>
        <div class="planner-row">
          {SAVERS.map((key) => {
            const k = urlKey(key);
            return (
              <div class="field planner-check">
                <input type="checkbox" id={`plan-${k}`} checked={value(k) === '' ? resolved[key] === true : value(k) === '1'} disabled={disabled} onChange={(e) => set(k, e.currentTarget.checked ? '1' : '0')} />
                <label for={`plan-${k}`}>{fieldWords(key, strings.locale).label}</label>
                <Msg id={k} errors={errors} />
              </div>
            );
          })}
        </div>
      </details>
      <div class="planner-row">
        <div class="field">
          <label for="plan-card-filter">{strings.cardFilter}</label>
          <input type="search" id="plan-card-filter" value={filter} disabled={disabled} onInput={(e) => setFilter(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="plan-gpu">{strings.yourCard}</label>
          <select id="plan-gpu" value={value('gpu')} disabled={disabled} onChange={(e) => set('gpu', e.currentTarget.value)}>
            {disabled ? only(cards, (c) => c.id, value('gpu')).map((c) => <option value={c.id}>{cardLabel(c.name, c.memoryGB)}</option>) : series.map((s) => {
              const inSeries = visible.filter((c) => c.series === s.id);
              return inSeries.length > 0 && <optgroup label={s.label}>{inSeries.map((c) => <option value={c.id}>{cardLabel(c.name, c.memoryGB)}</option>)}</optgroup>;
            })}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
