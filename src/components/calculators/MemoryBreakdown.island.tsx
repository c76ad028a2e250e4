/**
 * Memory-breakdown calculator: a model, a workload, formats, batch, sequence and a card in; the estimator's memory parts out,
 * as a stacked bar against the card's capacity, a table in GiB, a verdict in words and the list of cards the job fits on.
 * States: valid (result shown) -> invalid input (message beside the field, last valid result kept, marked as such) -> valid.
 */
import { useMemo } from 'preact/hooks';
import { estimate, type EstimateGpu } from '../../lib/estimate.ts';
import { MODEL_PRESETS } from '../../lib/models.ts';
import { parseScenario, WEIGHTS_FORMATS, WORKLOADS } from '../../lib/scenario.ts';
import type { MemoryBreakdown } from '../../lib/types.ts';
import { formatBytesIn, formatNumber, GIB } from '../../lib/units.ts';
import { MemoryBar, MemoryLegend } from '../charts/MemoryBar.tsx';
import { fill, type IslandStrings, type MemoryBreakdownStrings } from '../../i18n/islands.ts';
import IslandToolbar from './IslandToolbar.tsx';
import { useLastGood, useUrlInputs } from './url-state.ts';

/** A card with only the columns the estimator reads. */
export type MemoryCard = EstimateGpu;

/** The calculator's inputs as the URL and the fields hold them: plain strings. */
export interface MemoryInputs {
  model: string;
  workload: string;
  weights: string;
  precision: string;
  optimizer: string;
  batch: string;
  seq: string;
  /** "1" or "0". */
  ckpt: string;
  /** "1" or "0". */
  flash: string;
  rank: string;
  gpu: string;
}

type Field = keyof MemoryInputs;
const FIELDS: Field[] = ['model', 'workload', 'weights', 'precision', 'optimizer', 'batch', 'seq', 'ckpt', 'flash', 'rank', 'gpu'];

/** Why one field is wrong: a kind the island words itself, or the estimator's own sentence. */
type FieldError =
  | { kind: 'empty' | 'notBoolean' | 'unknownModel' | 'unknownWorkload' | 'unknownWeights' | 'unknownPrecision' | 'unknownOptimizer' | 'unknownCard' }
  | { kind: 'notWhole'; value: string }
  | { kind: 'lib'; message: string };

/** Memory parts in stacking order, with the result field each reads. */
const PARTS = ['weightsBytes', 'gradientsBytes', 'optimizerBytes', 'activationsBytes', 'kvCacheBytes', 'overheadBytes'] as const;

const PRECISIONS = ['fp32', 'fp16-mixed', 'bf16-mixed', 'bf16'] as const;
const OPTIMIZERS = ['adamw', 'adamw-8bit', 'sgd', 'adafactor'] as const;

/** One valid evaluation: the memory on the chosen card, the verdict, and the ids of every card it fits on. */
export interface MemoryResult {
  memory: MemoryBreakdown;
  fits: boolean;
  card: { id: string; name: string; memoryGB: number; memoryBytes: number };
  fitsOn: string[];
  workload: string;
}

/** The outcome of evaluating the inputs: a result, or one message per wrong field. */
export type MemoryEvaluation = { ok: true; result: MemoryResult } | { ok: false; errors: Partial<Record<Field | 'general', FieldError>> };

const BOOL: Record<string, boolean> = { '1': true, true: true, on: true, '0': false, false: false, off: false };

/** Routes an estimator message to the field it names ("seqLen must be ...", "... weightsFormat must be ..."). */
function fieldOf(message: string): Field | 'general' {
  const starts: [string, Field][] = [['batchSize', 'batch'], ['seqLen', 'seq'], ['promptTokens', 'seq'], ['lora', 'rank'], ['trainingPrecision', 'precision'], ['optimizer', 'optimizer'], ['workload', 'workload'], ['model', 'model']];
  if (message.includes('weightsFormat')) return 'weights';
  for (const [key, field] of starts) if (message.startsWith(key)) return field;
  return 'general';
}

/** Turns the string inputs into the estimator's raw scenario, or field errors for what cannot be read at all. */
function toRaw(v: MemoryInputs): { raw: Record<string, unknown>; errors: Partial<Record<Field, FieldError>> } {
  const errors: Partial<Record<Field, FieldError>> = {};
  const whole = (field: Field): number => {
    const text = v[field].trim();
    if (text === '') errors[field] = { kind: 'empty' };
    else if (!/^\d+$/.test(text)) errors[field] = { kind: 'notWhole', value: text.slice(0, 40) };
    return Number(text);
  };
  const flag = (field: Field): boolean => {
    const b = BOOL[v[field].trim().toLowerCase()];
    if (b === undefined) errors[field] = { kind: 'notBoolean' };
    return b ?? false;
  };
  if (!MODEL_PRESETS.some((m) => m.id === v.model)) errors.model = { kind: 'unknownModel' };
  if (!(WORKLOADS as readonly string[]).includes(v.workload)) errors.workload = { kind: 'unknownWorkload' };
  if (!(WEIGHTS_FORMATS as readonly string[]).includes(v.weights)) errors.weights = { kind: 'unknownWeights' };
  if (!(PRECISIONS as readonly string[]).includes(v.precision)) errors.precision = { kind: 'unknownPrecision' };
  if (!(OPTIMIZERS as readonly string[]).includes(v.optimizer)) errors.optimizer = { kind: 'unknownOptimizer' };
  const batchSize = whole('batch');
  const seqLen = whole('seq');
  const rank = whole('rank');
  const raw: Record<string, unknown> = {
    model: v.model,
    workload: v.workload,
    weightsFormat: v.weights,
    trainingPrecision: v.precision,
    optimizer: v.optimizer,
    batchSize,
    seqLen,
    gradientCheckpointing: flag('ckpt'),
    flashAttention: flag('flash'),
    lora: { rank },
  };
  // For inference the sequence is the whole context the KV cache holds.
  if (v.workload === 'inference') Object.assign(raw, { promptTokens: seqLen, outputTokens: 0 });
  return { raw, errors };
}

/**
 * Validates the inputs with the estimator's own parser and estimates them on the chosen card and on every card.
 * @example evaluateMemory({ ...defaults, batch: 'x' }, cards).ok //=> false
 */
export function evaluateMemory(v: MemoryInputs, cards: readonly MemoryCard[]): MemoryEvaluation {
  const { raw, errors } = toRaw(v);
  const card = cards.find((c) => c.id === v.gpu);
  if (!card) errors.gpu = { kind: 'unknownCard' };
  if (Object.keys(errors).length > 0 || !card) return { ok: false, errors };
  const parsed = parseScenario(raw);
  if (!parsed.ok) return { ok: false, errors: { [fieldOf(parsed.error)]: { kind: 'lib', message: parsed.error } } };
  const e = estimate(parsed.scenario, card, { explain: false });
  const fitsOn = cards.filter((c) => (c.id === card.id ? e.fits : estimate(parsed.scenario, c, { explain: false }).fits)).map((c) => c.id);
  return {
    ok: true,
    result: { memory: e.memory, fits: e.fits, card: { id: card.id, name: card.name, memoryGB: card.memoryGB, memoryBytes: e.gpu.memoryBytes }, fitsOn, workload: parsed.scenario.workload },
  };
}

/**
 * When a workload or precision change makes the current weights format invalid, the estimator's default format for the new
 * choice (e.g. NF4 for QLoRA, BF16 for a full fine-tune); otherwise the inputs unchanged.
 */
function withCompatibleWeights(v: MemoryInputs): MemoryInputs {
  const { raw, errors } = toRaw(v);
  if (Object.keys(errors).length > 0) return v;
  const parsed = parseScenario(raw);
  if (parsed.ok || fieldOf(parsed.error) !== 'weights') return v;
  const { weightsFormat: _dropped, ...rest } = raw;
  const fallback = parseScenario(rest);
  return fallback.ok && fallback.scenario.weightsFormat.kind === 'named' ? { ...v, weights: fallback.scenario.weightsFormat.name } : v;
}

function errorText(error: FieldError, s: MemoryBreakdownStrings['errors']): string {
  switch (error.kind) {
    case 'lib': return error.message;
    case 'notWhole': return fill(s.notWhole, { value: error.value });
    default: return s[error.kind];
  }
}

interface Props {
  /** Words for the reader's locale. */
  strings: IslandStrings;
  /** Every card, reduced to the columns the estimator reads. */
  cards: MemoryCard[];
  /** Initial inputs. */
  defaults: MemoryInputs;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

export default function MemoryBreakdownCalculator({ strings, cards, defaults, idPrefix }: Props) {
  const t = strings.memoryBreakdown;
  const prefix = `${idPrefix}.`;
  const [inputs, setInputs] = useUrlInputs(prefix, defaults, FIELDS);
  const evaluation = useMemo(() => evaluateMemory(inputs, cards), [inputs, cards]);
  const shown = useLastGood(evaluation);
  const errors = evaluation.ok ? {} : evaluation.errors;
  const set = (field: Field, value: string) => {
    const next = { ...inputs, [field]: value };
    setInputs(field === 'workload' || field === 'precision' ? withCompatibleWeights(next) : next);
  };

  const id = (f: string) => `${idPrefix}-${f}`;
  const gib = (bytes: number) => formatBytesIn(bytes, 'GiB', 3, strings.numberLocale);
  const total = shown.memory.totalBytes;
  const capacity = shown.card.memoryBytes;
  const capacityText = gib(capacity);
  const training = shown.workload !== 'inference';
  const workloadNow = evaluation.ok ? evaluation.result.workload : inputs.workload;

  const summary = fill(t.chartSummary, { total: gib(total), capacity: capacityText, card: shown.card.name });
  const partLabel = (part: (typeof PARTS)[number], bytes: number) => fill(t.legendEntry, { part: t.parts[part], value: gib(bytes) });

  let verdict: string;
  if (shown.fits && total <= capacity) verdict = fill(t.verdictFits, { total: gib(total), capacity: capacityText, card: shown.card.name, free: gib(capacity - total) });
  else if (shown.fits) verdict = fill(t.verdictFitsPaged, { total: gib(total), capacity: capacityText, card: shown.card.name, spill: gib(total - capacity) });
  else verdict = fill(t.verdictNoFit, { total: gib(total), capacity: capacityText, card: shown.card.name, short: gib(total - capacity) });

  const fitCards = shown.fitsOn
    .map((cid) => cards.find((c) => c.id === cid))
    .filter((c): c is MemoryCard => c !== undefined)
    .sort((a, b) => a.memoryGB - b.memoryGB || a.name.localeCompare(b.name));

  const msg = (field: Field, hint = '') => {
    const error = errors[field];
    return (
      <p id={id(`${field}-msg`)} class={error ? 'field-msg error' : 'field-msg'} role={error ? 'alert' : undefined}>
        {error ? errorText(error, t.errors) : hint}
      </p>
    );
  };
  const select = (field: Field, label: string, options: [string, string][], hint = '') => {
    const ok = options.some(([value]) => value === inputs[field]);
    return (
      <div class="field">
        <label for={id(field)}>{label}</label>
        <select
          id={id(field)}
          value={ok ? inputs[field] : ''}
          aria-invalid={errors[field] ? 'true' : 'false'}
          aria-describedby={id(`${field}-msg`)}
          onChange={(e) => set(field, (e.currentTarget as HTMLSelectElement).value)}
        >
          {ok ? null : <option value="" disabled>—</option>}
          {options.map(([value, text]) => <option value={value}>{text}</option>)}
        </select>
        {msg(field, hint)}
      </div>
    );
  };
  const number = (field: Field, label: string, hint: string) => (
    <div class="field">
      <label for={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellcheck={false}
        value={inputs[field]}
        aria-invalid={errors[field] ? 'true' : 'false'}
        aria-describedby={id(`${field}-msg`)}
        onInput={(e) => set(field, (e.currentTarget as HTMLInputElement).value)}
      />
      {msg(field, hint)}
    </div>
  );
  const checkbox = (field: Field, label: string, hint = '') => (
    <div class="field mb-check">
      <input
        id={id(field)}
        type="checkbox"
        checked={BOOL[inputs[field].trim().toLowerCase()] ?? false}
        aria-invalid={errors[field] ? 'true' : 'false'}
        aria-describedby={id(`${field}-msg`)}
        onChange={(e) => set(field, (e.currentTarget as HTMLInputElement).checked ? '1' : '0')}
      />
      <label for={id(field)}>{label}</label>
      {msg(field, hint)}
    </div>
  );
  // Card names such as "GeForce RTX 3060 (12 GB)" already carry their memory.
  const cardText = (c: MemoryCard) => (/\d\s?GB/i.test(c.name) ? c.name : fill(t.cardOption, { name: c.name, memory: formatNumber(c.memoryGB, 4, strings.numberLocale) }));
  const isInference = workloadNow === 'inference';
  const isAdapters = workloadNow === 'lora' || workloadNow === 'qlora';

  return (
    <section class="island calc mb" aria-label={t.title}>
      <div class="calc-inputs mb-inputs">
        {select('model', t.modelLabel, MODEL_PRESETS.map((m) => [m.id, m.name]))}
        {select('workload', t.workloadLabel, WORKLOADS.map((w) => [w, t.workloads[w] ?? w]))}
        {select('weights', t.weightsLabel, WEIGHTS_FORMATS.map((f) => [f, t.weightFormats[f] ?? f]))}
        {select('precision', t.precisionLabel, PRECISIONS.map((p) => [p, t.precisions[p] ?? p]), isInference ? t.unusedHint : '')}
        {select('optimizer', t.optimizerLabel, OPTIMIZERS.map((o) => [o, t.optimizers[o] ?? o]), isInference ? t.unusedHint : '')}
        {number('batch', t.batchLabel, t.batchHint)}
        {number('seq', t.seqLabel, isInference ? t.seqHintInference : t.seqHint)}
        {number('rank', t.rankLabel, isAdapters ? t.rankHint : t.unusedHint)}
        {select('gpu', t.cardLabel, cards.map((c) => [c.id, cardText(c)]))}
        {checkbox('ckpt', t.checkpointingLabel, isInference ? t.unusedHint : '')}
        {checkbox('flash', t.flashLabel)}
      </div>
      {errors.general ? <p class="field-msg error mb-general" role="alert" data-testid="general-error">{errorText(errors.general, t.errors)}</p> : null}
      <div class="mb-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p class="mb-verdict" data-testid="verdict" data-fits={shown.fits ? 'true' : 'false'}>{verdict}</p>
        <MemoryBar
          parts={PARTS}
          memory={shown.memory}
          total={total}
          capacity={capacity}
          labels={{ summary, capacity: fill(t.capacityLine, { card: shown.card.name, capacity: capacityText }), part: partLabel }}
          idPrefix={idPrefix}
          classPrefix="mb"
          locale={strings.numberLocale}
        />
        <MemoryLegend parts={PARTS} memory={shown.memory} label={partLabel} idPrefix={idPrefix} classPrefix="mb" />
        <table class="mb-table" data-testid="table">
          <caption>{t.tableCaption}</caption>
          <thead>
            <tr><th scope="col">{t.partHeader}</th><th scope="col" class="num">{t.gibHeader}</th><th scope="col" class="num">{t.shareHeader}</th></tr>
          </thead>
          <tbody>
            {PARTS.filter((p) => training || (p !== 'gradientsBytes' && p !== 'optimizerBytes')).filter((p) => p !== 'kvCacheBytes' || !training).map((p) => (
              <tr data-part={p}>
                <th scope="row">{t.parts[p]}</th>
                <td class="num" data-testid={`part-${p}`}>{formatNumber(shown.memory[p] / GIB, 3, strings.numberLocale)}</td>
                <td class="num">{total > 0 ? `${formatNumber((100 * shown.memory[p]) / total, 3, strings.numberLocale)}%` : '–'}</td>
              </tr>
            ))}
            <tr><th scope="row">{t.allocatedRow}</th><td class="num" data-testid="allocated">{formatNumber(shown.memory.allocatedBytes / GIB, 3, strings.numberLocale)}</td><td class="num"></td></tr>
            <tr><th scope="row">{t.totalRow}</th><td class="num" data-testid="total"><strong>{formatNumber(total / GIB, 3, strings.numberLocale)}</strong></td><td class="num">100%</td></tr>
          </tbody>
        </table>
        <div class="mb-fitson" data-testid="fits-on">
          {fitCards.length > 0 ? (
            <>
              <strong>{fill(t.fitsOnHeading, { count: fitCards.length, all: cards.length })}</strong>
              <ul>{fitCards.map((c) => <li data-id={c.id}>{cardText(c)}</li>)}</ul>
            </>
          ) : <strong>{t.fitsOnNone}</strong>}
        </div>
      </div>
      <IslandToolbar strings={strings.common} onReset={() => setInputs({ ...defaults })} />
    </section>
  );
}
