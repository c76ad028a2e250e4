/**
 * Parallelism calculator: a model, a workload, a card, a number of cards and a strategy (DDP or a ZeRO stage, tensor and
 * pipeline degrees, CPU offload) in; the estimator's memory per card, its verdict, the communication per step over the card's
 * link, and the fewest cards that fit out.
 * States: valid (result shown) -> invalid input (message beside the field, last valid result kept, marked as such) -> valid.
 */
import { useMemo } from 'preact/hooks';
import { estimate, type EstimateGpu } from '../../lib/estimate.ts';
import { minGpuCount } from '../../lib/inverse.ts';
import { MODEL_PRESETS } from '../../lib/models.ts';
import { parseScenario } from '../../lib/scenario.ts';
import type { MemoryBreakdown } from '../../lib/types.ts';
import { formatBytesIn, formatNumber, GB, GIB } from '../../lib/units.ts';
import { fill, type IslandStrings, type ParallelismStrings } from '../../i18n/islands.ts';
import { MemoryBar, MemoryLegend } from '../charts/MemoryBar.tsx';
import IslandToolbar from './IslandToolbar.tsx';
import { useLastGood, useUrlInputs } from './url-state.ts';

/** A card with only the columns the estimator reads. */
export type ParallelCard = EstimateGpu;

/** The calculator's inputs as the URL and the fields hold them: plain strings. */
export interface ParallelInputs {
  model: string;
  workload: string;
  gpu: string;
  count: string;
  /** "0" (DDP) to "3". */
  zero: string;
  tp: string;
  pp: string;
  offload: string;
  batch: string;
  seq: string;
}

type Field = keyof ParallelInputs;
const FIELDS: Field[] = ['model', 'workload', 'gpu', 'count', 'zero', 'tp', 'pp', 'offload', 'batch', 'seq'];

/** The most cards the calculator takes, and the most it searches when looking for the fewest that fit. */
export const MAX_CARDS = 64;
const WORKLOAD_IDS = ['pretrain', 'full-finetune', 'lora'] as const;
const ZERO_IDS = ['0', '1', '2', '3'] as const;
const OFFLOAD_IDS = ['none', 'optimizer', 'optimizer+params'] as const;

/** Memory parts in stacking order (training has no KV cache). */
const PARTS = ['weightsBytes', 'gradientsBytes', 'optimizerBytes', 'activationsBytes', 'overheadBytes'] as const;

/** Why one field is wrong: a kind the island words itself, or the estimator's own sentence. */
type FieldError =
  | { kind: 'empty' | 'unknownModel' | 'unknownWorkload' | 'unknownCard' | 'unknownZero' | 'unknownOffload' }
  | { kind: 'notWhole'; value: string }
  | { kind: 'countRange' | 'degreeRange'; max: number }
  | { kind: 'layout'; product: number; count: number; suggest: number }
  | { kind: 'lib'; message: string };
type ErrorKey = Field | 'layout' | 'general';

/** A layout that fits, as the calculator shows it. */
export interface FewestCards {
  gpuCount: number;
  dataParallel: number;
  tensorParallel: number;
  pipelineParallel: number;
}

/** One valid evaluation. */
export interface ParallelResult {
  memory: MemoryBreakdown;
  fits: boolean;
  card: { id: string; name: string; memoryBytes: number };
  communication: { bytesPerStep: number; timeSecondsPerStep: number; link: string };
  trainTokensPerSecond: number;
  layout: FewestCards;
  /** Fewest cards with the chosen strategy (counts that tensor x pipeline divides, up to MAX_CARDS), or null. */
  fewest: FewestCards | null;
  /** The estimator's own answer (ZeRO-3 over power-of-two counts), or null. */
  fewestZero3: number | null;
}

/** The outcome of evaluating the inputs: a result, or one message per wrong field. */
export type ParallelEvaluation = { ok: true; result: ParallelResult } | { ok: false; errors: Partial<Record<ErrorKey, FieldError>> };

/** Routes an estimator message to the field it names. */
function fieldOf(message: string): ErrorKey {
  const starts: [string, ErrorKey][] = [['batchSize', 'batch'], ['seqLen', 'seq'], ['gpuCount', 'layout'], ['tensorParallel', 'tp'], ['pipelineParallel', 'pp'], ['zeroStage', 'zero'], ['offload', 'offload'], ['workload', 'workload'], ['model', 'model']];
  for (const [key, field] of starts) if (message.startsWith(key)) return field;
  return 'general';
}

/** Turns the string inputs into the estimator's raw scenario, or field errors for what cannot be read at all. */
function toRaw(v: ParallelInputs): { raw: Record<string, unknown>; errors: Partial<Record<ErrorKey, FieldError>> } {
  const errors: Partial<Record<ErrorKey, FieldError>> = {};
  const whole = (field: Field, max?: number, range?: 'countRange' | 'degreeRange'): number => {
    const text = v[field].trim();
    const n = Number(text);
    if (text === '') errors[field] = { kind: 'empty' };
    else if (!/^\d+$/.test(text)) errors[field] = { kind: 'notWhole', value: text.slice(0, 40) };
    else if (max !== undefined && range && (n < 1 || n > max)) errors[field] = { kind: range, max };
    return n;
  };
  if (!MODEL_PRESETS.some((m) => m.id === v.model)) errors.model = { kind: 'unknownModel' };
  if (!(WORKLOAD_IDS as readonly string[]).includes(v.workload)) errors.workload = { kind: 'unknownWorkload' };
  if (!(ZERO_IDS as readonly string[]).includes(v.zero)) errors.zero = { kind: 'unknownZero' };
  if (!(OFFLOAD_IDS as readonly string[]).includes(v.offload)) errors.offload = { kind: 'unknownOffload' };
  const gpuCount = whole('count', MAX_CARDS, 'countRange');
  const tensorParallel = whole('tp', MAX_CARDS, 'degreeRange');
  const pipelineParallel = whole('pp', MAX_CARDS, 'degreeRange');
  const batchSize = whole('batch');
  const seqLen = whole('seq');
  if (!errors.count && !errors.tp && !errors.pp && gpuCount % (tensorParallel * pipelineParallel) !== 0) {
    const product = tensorParallel * pipelineParallel;
    errors.layout = { kind: 'layout', product, count: gpuCount, suggest: Math.ceil(gpuCount / product) * product };
  }
  const raw: Record<string, unknown> = {
    model: v.model,
    workload: v.workload,
    trainingPrecision: 'bf16-mixed',
    optimizer: 'adamw',
    batchSize,
    seqLen,
    gradientCheckpointing: true,
    flashAttention: true,
    gpuCount,
    zeroStage: Number(v.zero),
    tensorParallel,
    pipelineParallel,
    offload: v.offload,
  };
  return { raw, errors };
}

/**
 * Validates the inputs with the estimator's own parser, estimates them on the chosen card, and searches the fewest cards that fit.
 * @example evaluateParallel({ ...defaults, tp: '3' }, cards).ok //=> false
 */
export function evaluateParallel(v: ParallelInputs, cards: readonly ParallelCard[]): ParallelEvaluation {
  const { raw, errors } = toRaw(v);
  const card = cards.find((c) => c.id === v.gpu);
  if (!card) errors.gpu = { kind: 'unknownCard' };
  if (Object.keys(errors).length > 0 || !card) return { ok: false, errors };
  const parsed = parseScenario(raw);
  if (!parsed.ok) return { ok: false, errors: { [fieldOf(parsed.error)]: { kind: 'lib', message: parsed.error } } };
  const s = parsed.scenario;
  const e = estimate(s, card, { explain: false });
  const group = s.tensorParallel * s.pipelineParallel;
  const layoutOf = (n: number): FewestCards => ({ gpuCount: n, dataParallel: n / group, tensorParallel: s.tensorParallel, pipelineParallel: s.pipelineParallel });
  let fewest: FewestCards | null = null;
  for (let n = group; n <= MAX_CARDS; n += group) {
    if (n === s.gpuCount ? e.fits : estimate({ ...s, gpuCount: n }, card, { explain: false }).fits) {
      fewest = layoutOf(n);
      break;
    }
  }
  return {
    ok: true,
    result: {
      memory: e.memory,
      fits: e.fits,
      card: { id: card.id, name: card.name, memoryBytes: e.gpu.memoryBytes },
      communication: e.communication,
      trainTokensPerSecond: e.throughput.trainTokensPerSecond,
      layout: layoutOf(s.gpuCount),
      fewest,
      fewestZero3: minGpuCount(s, card, MAX_CARDS)?.gpuCount ?? null,
    },
  };
}

function errorText(error: FieldError, s: ParallelismStrings['errors']): string {
  switch (error.kind) {
    case 'lib': return error.message;
    case 'notWhole': return fill(s.notWhole, { value: error.value });
    case 'countRange': return fill(s.countRange, { max: error.max });
    case 'degreeRange': return fill(s.degreeRange, { max: error.max });
    case 'layout': return fill(s.layout, { product: error.product, count: error.count, suggest: error.suggest });
    default: return s[error.kind];
  }
}

interface Props {
  /** Words for the reader's locale. */
  strings: IslandStrings;
  /** Every card, reduced to the columns the estimator reads. */
  cards: ParallelCard[];
  /** Initial inputs. */
  defaults: ParallelInputs;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

export default function ParallelismCalculator({ strings, cards, defaults, idPrefix }: Props) {
  const t = strings.parallelism;
  const prefix = `${idPrefix}.`;
  const [inputs, setInputs] = useUrlInputs(prefix, defaults, FIELDS);
  const evaluation = useMemo(() => evaluateParallel(inputs, cards), [inputs, cards]);
  const shown = useLastGood(evaluation);
  const errors = evaluation.ok ? {} : evaluation.errors;
  const set = (field: Field, value: string) => setInputs({ ...inputs, [field]: value });

  const id = (f: string) => `${idPrefix}-${f}`;
  const nf = (x: number, digits = 3) => formatNumber(x, digits, strings.numberLocale);
  const gib = (bytes: number) => formatBytesIn(bytes, 'GiB', 3, strings.numberLocale);
  const total = shown.memory.totalBytes;
  const capacity = shown.card.memoryBytes;
  const capacityText = gib(capacity);

  const summary = fill(t.chartSummary, { total: gib(total), capacity: capacityText, card: shown.card.name });
  const partLabel = (part: (typeof PARTS)[number], bytes: number) => fill(t.legendEntry, { part: t.parts[part], value: gib(bytes) });
  const verdict = shown.fits
    ? fill(t.verdictFits, { total: gib(total), capacity: capacityText, card: shown.card.name, free: gib(Math.max(0, capacity - total)) })
    : fill(t.verdictNoFit, { total: gib(total), capacity: capacityText, card: shown.card.name, short: gib(Math.max(0, total - capacity)) });
  const layoutText = (l: FewestCards) => fill(t.layout, { dp: l.dataParallel, tp: l.tensorParallel, pp: l.pipelineParallel, count: l.gpuCount });
  const comm = shown.communication;

  const layoutError = errors.layout;
  const describedBy = (field: Field) => (field === 'count' || field === 'tp' || field === 'pp' ? `${id(`${field}-msg`)} ${id('layout-msg')}` : id(`${field}-msg`));
  const invalid = (field: Field) => (errors[field] || (layoutError && (field === 'count' || field === 'tp' || field === 'pp')) ? 'true' : 'false');
  const msg = (field: Field, hint = '') => {
    const error = errors[field];
    return (
      <p id={id(`${field}-msg`)} class={error ? 'field-msg error' : 'field-msg'} role={error ? 'alert' : undefined}>
        {error ? errorText(error, t.errors) : hint}
      </p>
    );
  };
  const select = (field: Field, label: string, options: [string, string][]) => {
    const ok = options.some(([value]) => value === inputs[field]);
    return (
      <div class="field">
        <label for={id(field)}>{label}</label>
        <select
          id={id(field)}
          value={ok ? inputs[field] : ''}
          aria-invalid={invalid(field)}
          aria-describedby={describedBy(field)}
          onChange={(e) => set(field, (e.currentTarget as HTMLSelectElement).value)}
        >
          {ok ? null : <option value="" disabled>—</option>}
          {options.map(([value, text]) => <option value={value}>{text}</option>)}
        </select>
        {msg(field)}
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
        aria-invalid={invalid(field)}
        aria-describedby={describedBy(field)}
        onInput={(e) => set(field, (e.currentTarget as HTMLInputElement).value)}
      />
      {msg(field, hint)}
    </div>
  );
  // Card names such as "GeForce RTX 3060 (12 GB)" already carry their memory.
  const cardText = (c: ParallelCard) => (/\d\s?GB/i.test(c.name) ? c.name : fill(t.cardOption, { name: c.name, memory: nf(c.memoryGB, 4) }));
  const moved = comm.bytesPerStep > 0;

  return (
    <section class="island calc par" aria-label={t.title}>
      <div class="calc-inputs par-inputs">
        {select('model', t.modelLabel, MODEL_PRESETS.map((m) => [m.id, m.name]))}
        {select('workload', t.workloadLabel, WORKLOAD_IDS.map((w) => [w, t.workloads[w] ?? w]))}
        {select('gpu', t.cardLabel, cards.map((c) => [c.id, cardText(c)]))}
        {number('count', t.countLabel, t.countHint)}
        {select('zero', t.zeroLabel, ZERO_IDS.map((z) => [z, t.zeroStages[z] ?? z]))}
        {number('tp', t.tpLabel, t.tpHint)}
        {number('pp', t.ppLabel, t.ppHint)}
        {select('offload', t.offloadLabel, OFFLOAD_IDS.map((o) => [o, t.offloads[o] ?? o]))}
        {number('batch', t.batchLabel, t.batchHint)}
        {number('seq', t.seqLabel, t.seqHint)}
      </div>
      <p id={id('layout-msg')} class={layoutError ? 'field-msg error par-layout' : 'field-msg par-layout'} role={layoutError ? 'alert' : undefined} data-testid="layout-msg">
        {layoutError ? errorText(layoutError, t.errors) : layoutText(shown.layout)}
      </p>
      {errors.general ? <p class="field-msg error" role="alert" data-testid="general-error">{errorText(errors.general, t.errors)}</p> : null}
      <p class="par-assumptions">{t.assumptions}</p>
      <div class="par-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p class="par-verdict" data-testid="verdict" data-fits={shown.fits ? 'true' : 'false'}>{verdict}</p>
        <MemoryBar
          parts={PARTS}
          memory={shown.memory}
          total={total}
          capacity={capacity}
          labels={{ summary, capacity: fill(t.capacityLine, { card: shown.card.name, capacity: capacityText }), part: partLabel }}
          idPrefix={idPrefix}
          classPrefix="par"
          locale={strings.numberLocale}
        />
        <MemoryLegend parts={PARTS} memory={shown.memory} label={partLabel} idPrefix={idPrefix} classPrefix="par" />
        <table class="par-table" data-testid="table">
          <caption>{t.tableCaption}</caption>
          <thead>
            <tr><th scope="col">{t.partHeader}</th><th scope="col" class="num">{t.gibHeader}</th></tr>
          </thead>
          <tbody>
            {PARTS.map((p) => (
              <tr data-part={p}>
                <th scope="row">{t.parts[p]}</th>
                <td class="num" data-testid={`part-${p}`}>{nf(shown.memory[p] / GIB)}</td>
              </tr>
            ))}
            <tr><th scope="row">{t.totalRow}</th><td class="num" data-testid="total"><strong>{nf(total / GIB)}</strong></td></tr>
          </tbody>
        </table>
        <p class="par-subhead">{t.commHeading}</p>
        <dl class="calc-result par-comm" data-testid="comm">
          <div><dt>{t.linkLabel}</dt><dd data-testid="link">{comm.link}</dd></div>
          <div><dt>{t.commBytesLabel}</dt><dd data-testid="comm-bytes">{fill(t.commBytes, { bytes: nf(comm.bytesPerStep / GB) })}</dd></div>
          <div><dt>{t.commTimeLabel}</dt><dd data-testid="comm-time">{fill(t.commTime, { seconds: nf(comm.timeSecondsPerStep) })}</dd></div>
          <div><dt>{t.throughputLabel}</dt><dd data-testid="throughput">{fill(t.throughput, { value: nf(shown.trainTokensPerSecond) })}</dd></div>
        </dl>
        <p class="par-note">{moved ? t.commNote : t.commNone}</p>
        <p class="par-subhead">{t.fewestLabel}</p>
        <p data-testid="fewest">{shown.fewest ? fill(t.fewest, { count: shown.fewest.gpuCount, layout: layoutText(shown.fewest) }) : fill(t.fewestNone, { max: MAX_CARDS })}</p>
        <p class="par-note" data-testid="fewest-zero3">{shown.fewestZero3 !== null ? fill(t.fewestZero3, { count: shown.fewestZero3 }) : fill(t.fewestZero3None, { max: MAX_CARDS })}</p>
      </div>
      <IslandToolbar strings={strings.common} onReset={() => setInputs(defaults)} />
    </section>
  );
}
