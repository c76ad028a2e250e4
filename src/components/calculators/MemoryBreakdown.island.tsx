/**
 * Memory-breakdown calculator: a model, a workload, formats, batch, sequence and a card in; the estimator's memory parts out,
 * as a stacked bar against the card's capacity, a table in GiB, the verdict in words and the cards the job runs on.
 * States: loading (server render, inputs disabled, default shown) -> valid (result) <-> invalid (message beside the field,
 * last valid result kept and marked).
 */
import { useMemo } from 'preact/hooks';
import { registerWords } from '../../i18n/vocabulary.ts';
import { estimate, type EstimateGpu } from '../../lib/estimator/estimate.ts';
import type { FieldKey } from '../../lib/scenario/fields.ts';
import { formToScenario, withCompatibleDefaults, type FormValues } from '../../lib/scenario/form.ts';
import { cardsThatFit } from '../../lib/answers/inverse.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import type { Issue } from '../../lib/scenario/check.ts';
import type { MemoryBreakdown, Verdict } from '../../lib/types.ts';
import { formatBytesIn, formatNumber, GIB } from '../../lib/units.ts';
import { MemoryBar, MemoryLegend } from '../charts/MemoryBar.tsx';
import { fill } from '../../i18n/fill.ts';
import { cardOptionText, cardsFor } from './cards.ts';
import { formFields, LoadingNote } from '../form/Field.tsx';
import { verdictReason } from '../../i18n/verdict-reasons.ts';
import { useScenarioForm } from '../form/useScenarioForm.ts';
import { IslandToolbar } from '../form/parts.tsx';
import type { FormIslandProps } from './wrapper.ts';
import { useLastGood } from './url-state.ts';
import { MEMORY_FORM_KEYS } from './url-keys.ts';
import type { VerdictWhy } from '../../lib/estimator/verdict.ts';

/** A card with only the columns the estimator reads. */
export type MemoryCard = EstimateGpu;

/** The scenario fields this calculator shows, in order. */
const FORM_KEYS = MEMORY_FORM_KEYS;
/** The calculator's inputs: the text of each field. */
export type MemoryInputs = Record<(typeof FORM_KEYS)[number], string>;

/** Memory parts in stacking order, with the result field each reads. */
const PARTS = ['weightsBytes', 'gradientsBytes', 'optimizerBytes', 'activationsBytes', 'kvCacheBytes', 'overheadBytes'] as const;

/** One valid evaluation: the memory on the chosen card, the verdict, and the ids of every card it runs on. */
export interface MemoryResult {
  memory: MemoryBreakdown;
  verdict: Verdict;
  /** Why: the reason's code and values, worded in the page's locale. */
  verdictWhy: VerdictWhy;
  card: { id: string; name: string; memoryGB: number; memoryBytes: number };
  fitsOn: string[];
  workload: string;
}

/** The outcome of evaluating the inputs: a result, or the problems by field. */
export type MemoryEvaluation = { ok: true; result: MemoryResult } | { ok: false; errors: Partial<Record<FieldKey | '', Issue[]>> };

/** For inference the sequence field is the whole context the KV cache holds: the prompt, with nothing generated yet. */
function fixedFor(v: MemoryInputs): Record<string, unknown> {
  return v.workload === 'inference' ? { outputTokens: 0 } : {};
}
function formValues(v: MemoryInputs): FormValues {
  const { seqLen, ...rest } = v;
  return v.workload === 'inference' ? { ...rest, promptTokens: seqLen } : v;
}

/**
 * Validates the inputs through the field manifest and estimates them on the chosen card and on every card.
 * @example evaluateMemory({ ...defaults, batchSize: 'x' }, cards).ok //=> false
 */
export function evaluateMemory(v: MemoryInputs, cards: readonly MemoryCard[]): MemoryEvaluation {
  const r = formToScenario(formValues(v), fixedFor(v));
  const card = cards.find((c) => c.id === v.gpu);
  const cardError = card ? {} : { gpu: [{ field: 'gpu', code: 'enum' as const, message: 'Choose a card from the list.' }] };
  if (!r.ok) {
    const { promptTokens, ...errors } = r.errors;
    return { ok: false, errors: { ...errors, ...(promptTokens ? { seqLen: promptTokens } : {}), ...cardError } };
  }
  if (!card) return { ok: false, errors: cardError };
  const e = estimate(r.scenario, card, { explain: false });
  return {
    ok: true,
    result: {
      memory: e.memory, verdict: e.verdict, verdictWhy: e.verdictWhy, workload: r.scenario.workload,
      card: { id: card.id, name: card.name, memoryGB: card.memoryGB, memoryBytes: e.gpu.memoryBytes },
      fitsOn: cardsThatFit(r.scenario, cards).map((c) => c.gpu.id),
    },
  };
}

/** After a workload or precision change, a weights format that no longer applies becomes the estimator's default for it. */
export const compatible = (v: MemoryInputs): MemoryInputs => ({ ...v, ...withCompatibleDefaults(formValues(v), fixedFor(v)), seqLen: v.seqLen });

type Props = FormIslandProps<'memoryBreakdown', MemoryInputs>;

export default function MemoryBreakdownCalculator({ strings, defaults, idPrefix, formWords }: Props) {
  registerWords(formWords);
  // Every card, slim columns, from the shared module (not from props, so the page's HTML does not carry the table).
  const cards: MemoryCard[] = cardsFor();
  const t = strings.memoryBreakdown;
  const form = useScenarioForm(`${idPrefix}.`, defaults, FORM_KEYS);
  const inputs = form.values;
  const evaluation = useMemo(() => evaluateMemory(inputs, cards), [JSON.stringify(inputs), cards]);
  const shown = useLastGood(evaluation);
  const errors = evaluation.ok ? {} : evaluation.errors;
  const loc = strings.numberLocale;
  const gib = (bytes: number) => formatBytesIn(bytes, 'GiB', 3, loc);
  const total = shown.memory.totalBytes;
  const capacity = shown.card.memoryBytes;
  const words = { total: gib(total), capacity: gib(capacity), card: shown.card.name, free: gib(Math.max(0, capacity - total)), short: gib(Math.max(0, total - capacity)), reason: verdictReason(shown.verdictWhy, strings.numberLocale) };
  const verdictText = fill(t.verdicts[shown.verdict], words);
  const partLabel = (part: (typeof PARTS)[number], bytes: number) => fill(t.legendEntry, { part: t.parts[part], value: gib(bytes) });
  const cardText = (c: MemoryCard) => cardOptionText(c, t.cardOption, loc);
  const fitCards = shown.fitsOn.map((cid) => cards.find((c) => c.id === cid)).filter((c): c is MemoryCard => c !== undefined).sort((a, b) => a.memoryGB - b.memoryGB || a.name.localeCompare(b.name));
  const training = shown.workload !== 'inference';
  const now = inputs.workload;
  const unused = (used: boolean) => (used ? '' : t.unusedHint);

  const field = formFields(form, errors, idPrefix, loc, (key) => (key === 'workload' || key === 'trainingPrecision' ? compatible : undefined));
  return (
    <section class="island calc mb" aria-label={t.title}>
      <LoadingNote hydrated={form.hydrated} text={strings.common.defaultShown} />
      <div class="calc-inputs mb-inputs">
        {field('model', t.modelLabel, '', MODEL_PRESETS.map((m) => [m.id, m.name] as const))}
        {field('workload', t.workloadLabel)}
        {field('weightsFormat', t.weightsLabel)}
        {field('engine', t.engineLabel, unused(now === 'inference'))}
        {field('framework', t.frameworkLabel, now !== 'inference' ? t.frameworkHint : t.unusedHint)}
        {field('trainingPrecision', t.precisionLabel, unused(now !== 'inference'))}
        {field('optimizer', t.optimizerLabel, unused(now !== 'inference'))}
        {field('batchSize', t.batchLabel, t.batchHint)}
        {field('seqLen', t.seqLabel, now === 'inference' ? t.seqHintInference : t.seqHint)}
        {field('lora.rank', t.rankLabel, now === 'lora' || now === 'qlora' ? t.rankHint : t.unusedHint)}
        {field('gpu', t.cardLabel, '', cards.map((c) => [c.id, cardText(c)] as const))}
        {field('gradientCheckpointing', t.checkpointingLabel, unused(now !== 'inference'))}
        {field('flashAttention', t.flashLabel)}
      </div>
      {errors[''] ? <p class="field-msg error mb-general" role="alert" data-testid="general-error">{errors[''][0]?.message}</p> : null}
      <div class="mb-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p class="mb-verdict" data-testid="verdict" data-verdict={shown.verdict} data-fits={shown.verdict === 'fits' || shown.verdict === 'tight' ? 'true' : 'false'}>{verdictText}</p>
        <MemoryBar parts={PARTS} memory={shown.memory} total={total} capacity={capacity} idPrefix={idPrefix} locale={loc}
          labels={{ summary: fill(t.chartSummary, words), capacity: fill(t.capacityLine, words), part: partLabel }} />
        <MemoryLegend parts={PARTS} memory={shown.memory} label={partLabel} idPrefix={idPrefix} />
        <table class="mb-table" data-testid="table">
          <caption>{t.tableCaption}</caption>
          <thead><tr><th scope="col">{t.partHeader}</th><th scope="col" class="num">{t.gibHeader}</th><th scope="col" class="num">{t.shareHeader}</th></tr></thead>
          <tbody>
            {PARTS.filter((p) => (training ? p !== 'kvCacheBytes' : p !== 'gradientsBytes' && p !== 'optimizerBytes')).map((p) => (
              <tr data-part={p}>
                <th scope="row">{t.parts[p]}</th>
                <td class="num" data-testid={`part-${p}`}>{formatNumber(shown.memory[p] / GIB, 3, loc)}</td>
                <td class="num">{total > 0 ? `${formatNumber((100 * shown.memory[p]) / total, 3, loc)}%` : '–'}</td>
              </tr>
            ))}
            <tr><th scope="row">{t.allocatedRow}</th><td class="num" data-testid="allocated">{formatNumber(shown.memory.allocatedBytes / GIB, 3, loc)}</td><td class="num"></td></tr>
            <tr><th scope="row">{t.totalRow}</th><td class="num" data-testid="total"><strong>{formatNumber(total / GIB, 3, loc)}</strong></td><td class="num">100%</td></tr>
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
      <IslandToolbar strings={strings.common} onReset={form.reset} />
    </section>
  );
}
