/**
 * Parallelism calculator: a model, a workload, a card, a number of cards and a strategy (DDP or a ZeRO stage, tensor and
 * pipeline degrees, CPU offload) in; the estimator's memory per card, its verdict, the communication per step over the card's
 * link, and the fewest cards that fit out (the lib's fewestCards, keeping the layout, and its own ZeRO-3 search).
 * States: loading (server render, inputs disabled) -> valid <-> invalid (message beside the field, last valid result kept).
 */
import { useMemo } from 'preact/hooks';
import { registerWords } from '../../i18n/vocabulary.ts';
import type { Issue } from '../../lib/scenario/check.ts';
import { estimate, type EstimateGpu } from '../../lib/estimator/estimate.ts';
import { fieldSpec, type FieldKey } from '../../lib/scenario/fields.ts';
import { formToScenario } from '../../lib/scenario/form.ts';
import { clusterStep } from '../../lib/cluster/cluster.ts';
import { clusterMemory } from '../../lib/cluster/stage-memory.ts';
import { fewestCards } from '../../lib/answers/inverse.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import type { MemoryBreakdown, Verdict } from '../../lib/types.ts';
import { formatBytesIn, formatNumber, GB, GIB } from '../../lib/units.ts';
import { runsAsGiven, type VerdictWhy } from '../../lib/estimator/verdict.ts';
import { fill } from '../../i18n/fill.ts';
import { cardOptionText, cardsFor } from './cards.ts';
import { MemoryBar, MemoryLegend } from '../charts/MemoryBar.tsx';
import { formFields, LoadingNote } from '../form/Field.tsx';
import { verdictReason } from '../../i18n/verdict-reasons.ts';
import { useScenarioForm } from '../form/useScenarioForm.ts';
import { IslandToolbar } from '../form/parts.tsx';
import type { FormIslandProps } from './wrapper.ts';
import { useLastGood } from './url-state.ts';
import { PARALLELISM_FORM_KEYS } from './url-keys.ts';

/** A card with only the columns the estimator reads. */
export type ParallelCard = EstimateGpu;

/** The scenario fields this calculator shows, in order. */
const FORM_KEYS = PARALLELISM_FORM_KEYS;
type Key = (typeof FORM_KEYS)[number];
/** The cluster fields, which older links and callers may leave out. */
type ClusterKey = 'gradAccumulation' | 'gradientCheckpointing' | 'selectiveCheckpointing' | 'pipelineSchedule' | 'contextParallel' | 'sequenceParallel' | 'gpusPerNode' | 'intraNodeLink' | 'interNodeGbps' | 'boardVariant' | 'attentionKernel';
/** The calculator's inputs: the text of each field. */
export type ParallelInputs = Record<Exclude<Key, ClusterKey>, string> & Partial<Record<ClusterKey, string>>;
/** What the cluster fields read as when left out: one micro-batch, full recomputation, 1F1B, cards' own links. */
export const CLUSTER_DEFAULTS: Readonly<Record<ClusterKey, string>> = {
  gradAccumulation: '1', gradientCheckpointing: '1', selectiveCheckpointing: 'off', pipelineSchedule: '1f1b', contextParallel: '1', sequenceParallel: '0',
  gpusPerNode: '', intraNodeLink: 'auto', interNodeGbps: '', boardVariant: 'stock', attentionKernel: 'sdpa',
};

/** The most cards the calculator searches when looking for the fewest that fit. */
export const MAX_CARDS = 64;
/** The training recipe the calculator holds fixed (the chapter's assumptions line says so). */
const FIXED = { trainingPrecision: 'bf16-mixed', optimizer: 'adamw', flashAttention: true } as const;
/** Workloads the calculator offers: the ones whose model states parallelism shards. */
const WORKLOAD_OPTIONS = (fieldSpec('workload').options ?? []).filter((o) => o.value === 'pretrain' || o.value === 'full-finetune' || o.value === 'lora').map((o) => [o.value, o.label] as const);

/** Memory parts in stacking order (training has no KV cache). */
const PARTS = ['weightsBytes', 'gradientsBytes', 'optimizerBytes', 'activationsBytes', 'overheadBytes'] as const;

/** A layout, as the calculator shows it. */
export interface FewestCards {
  gpuCount: number;
  dataParallel: number;
  tensorParallel: number;
  pipelineParallel: number;
}

/** One valid evaluation. */
export interface ParallelResult {
  memory: MemoryBreakdown;
  verdict: Verdict;
  /** Why: the reason's code and values, worded in the page's locale. */
  verdictWhy: VerdictWhy;
  card: { id: string; name: string; memoryBytes: number };
  communication: { bytesPerStep: number; timeSecondsPerStep: number; link: string };
  trainTokensPerSecond: number;
  layout: FewestCards;
  /** Fewest cards keeping the chosen tensor and pipeline degrees (up to MAX_CARDS), or null. */
  fewest: FewestCards | null;
  /** The estimator's own search (ZeRO-3 over power-of-two counts), or null. */
  fewestZero3: number | null;
  /** The cluster step: utilisation, where the step's time goes, the global batch and the busiest pipeline stage. */
  cluster: { mfu: number; hfu: number; stepSeconds: number; computeSeconds: number; bubbleSeconds: number; exposedSeconds: number; globalBatchSequences: number; globalBatchTokens: number; peakStage: 'first' | 'last'; firstStageBytes: number; lastStageBytes: number };
}

/** The outcome of evaluating the inputs: a result, or the problems by field. */
export type ParallelEvaluation = { ok: true; result: ParallelResult } | { ok: false; errors: Partial<Record<FieldKey | '', Issue[]>> };

const layoutOf = (gpuCount: number, tensorParallel: number, pipelineParallel: number): FewestCards => ({ gpuCount, dataParallel: gpuCount / (tensorParallel * pipelineParallel), tensorParallel, pipelineParallel });

/**
 * Validates the inputs through the field manifest, estimates them on the chosen card, and asks the lib for the fewest cards.
 * @example evaluateParallel({ ...defaults, tensorParallel: '3' }, cards).ok //=> false
 */
export function evaluateParallel(given: ParallelInputs, cards: readonly ParallelCard[]): ParallelEvaluation {
  const v = { ...CLUSTER_DEFAULTS, ...given };
  const r = formToScenario(v, FIXED);
  const card = cards.find((c) => c.id === v.gpu);
  const cardError = card ? {} : { gpu: [{ field: 'gpu', code: 'enum' as const, message: 'Choose a card from the list.' }] };
  if (!r.ok || !card) return { ok: false, errors: { ...(r.ok ? {} : r.errors), ...cardError } };
  const s = r.scenario;
  const e = estimate(s, card, { explain: false });
  const keep = fewestCards(s, card, { keepLayout: true, maxCards: MAX_CARDS });
  const cs = clusterStep(s, card);
  const cm = clusterMemory(s);
  return {
    ok: true,
    result: {
      memory: e.memory, verdict: e.verdict, verdictWhy: e.verdictWhy,
      card: { id: card.id, name: card.name, memoryBytes: e.gpu.memoryBytes },
      communication: e.communication,
      trainTokensPerSecond: e.throughput.trainTokensPerSecond,
      layout: layoutOf(s.gpuCount, s.tensorParallel, s.pipelineParallel),
      fewest: keep ? layoutOf(keep.gpuCount, keep.tensorParallel, keep.pipelineParallel) : null,
      fewestZero3: fewestCards(s, card, { maxCards: MAX_CARDS })?.gpuCount ?? null,
      cluster: {
        mfu: cs.mfu, hfu: cs.hfu, stepSeconds: cs.stepSeconds, computeSeconds: cs.computeSeconds, bubbleSeconds: cs.bubbleSeconds, exposedSeconds: cs.exposedCommunicationSeconds,
        globalBatchSequences: cs.globalBatchSequences, globalBatchTokens: cs.globalBatchSequences * s.seqLen,
        peakStage: cm.peakStage, firstStageBytes: cm.firstStageBytes, lastStageBytes: cm.lastStageBytes,
      },
    },
  };
}

type Props = FormIslandProps<'parallelism', ParallelInputs>;

export default function ParallelismCalculator({ strings, defaults, idPrefix, formWords }: Props) {
  registerWords(formWords);
  // Every card, slim columns, from the shared module (not from props, so the page's HTML does not carry the table).
  const cards = cardsFor();
  const t = strings.parallelism;
  const form = useScenarioForm(`${idPrefix}.`, { ...CLUSTER_DEFAULTS, ...defaults }, FORM_KEYS);
  const inputs = form.values;
  const evaluation = useMemo(() => evaluateParallel(inputs, cards), [JSON.stringify(inputs), cards]);
  const shown = useLastGood(evaluation);
  const errors = evaluation.ok ? {} : evaluation.errors;
  const nf = (x: number, digits = 3) => formatNumber(x, digits, strings.numberLocale);
  const gib = (bytes: number) => formatBytesIn(bytes, 'GiB', 3, strings.numberLocale);
  const pct = (x: number) => `${nf(x * 100, 2)}%`;
  const total = shown.memory.totalBytes;
  const capacity = shown.card.memoryBytes;
  const words = { total: gib(total), capacity: gib(capacity), card: shown.card.name, free: gib(Math.max(0, capacity - total)), short: gib(Math.max(0, total - capacity)), reason: verdictReason(shown.verdictWhy, strings.numberLocale) };
  const partLabel = (part: (typeof PARTS)[number], bytes: number) => fill(t.legendEntry, { part: t.parts[part], value: gib(bytes) });
  const layoutText = (l: FewestCards) => fill(t.layout, { dp: l.dataParallel, tp: l.tensorParallel, pp: l.pipelineParallel, count: l.gpuCount });
  const comm = shown.communication;
  // Card names such as "GeForce RTX 3060 (12 GB)" already carry their memory.
  const cardText = (c: ParallelCard) => cardOptionText(c, t.cardOption, strings.numberLocale);
  const field = formFields(form, errors, idPrefix, strings.numberLocale);
  return (
    <section class="island calc par" aria-label={t.title}>
      <LoadingNote hydrated={form.hydrated} text={strings.common.defaultShown} />
      <div class="calc-inputs par-inputs">
        {field('model', t.modelLabel, '', MODEL_PRESETS.map((m) => [m.id, m.name] as const))}
        {field('workload', t.workloadLabel, '', WORKLOAD_OPTIONS)}
        {field('gpu', t.cardLabel, '', cards.map((c) => [c.id, cardText(c)] as const))}
        {field('gpuCount', t.countLabel, t.countHint)}
        {field('zeroStage', t.zeroLabel)}
        {field('tensorParallel', t.tpLabel, t.tpHint)}
        {field('pipelineParallel', t.ppLabel, t.ppHint)}
        {field('offload', t.offloadLabel)}
        {field('batchSize', t.batchLabel, t.batchHint)}
        {field('seqLen', t.seqLabel, t.seqHint)}
      </div>
      <details class="par-cluster-inputs" open={inputs.gpuCount !== '1' && inputs.gpuCount !== '2' ? true : undefined}>
        <summary>{t.clusterInputs}</summary>
        <div class="calc-inputs par-inputs">
          {field('gradAccumulation', t.accumLabel, t.accumHint)}
          {field('gradientCheckpointing', t.ckptLabel)}
          {field('selectiveCheckpointing', t.selCkptLabel, t.selCkptHint)}
          {field('pipelineSchedule', t.schedLabel)}
          {field('contextParallel', t.cpLabel, t.cpHint)}
          {field('sequenceParallel', t.spLabel, t.spHint)}
          {field('gpusPerNode', t.perNodeLabel, t.perNodeHint)}
          {field('intraNodeLink', t.intraLabel)}
          {field('interNodeGbps', t.netLabel, t.netHint)}
          {field('boardVariant', t.boardLabel)}
          {field('attentionKernel', t.attnLabel, t.attnHint)}
        </div>
      </details>
      <p class="field-msg par-layout" data-testid="layout-msg">{layoutText(shown.layout)}</p>
      {errors[''] ? <p class="field-msg error" role="alert" data-testid="general-error">{errors[''][0]?.message}</p> : null}
      <p class="par-assumptions">{t.assumptions}</p>
      <div class="par-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p class="par-verdict" data-testid="verdict" data-verdict={shown.verdict} data-fits={runsAsGiven(shown.verdict) ? 'true' : 'false'}>{fill(t.verdicts[shown.verdict], words)}</p>
        <MemoryBar parts={PARTS} memory={shown.memory} total={total} capacity={capacity} idPrefix={idPrefix} locale={strings.numberLocale}
          labels={{ summary: fill(t.chartSummary, words), capacity: fill(t.capacityLine, words), part: partLabel }} />
        <MemoryLegend parts={PARTS} memory={shown.memory} label={partLabel} idPrefix={idPrefix} />
        <table class="par-table" data-testid="table">
          <caption>{t.tableCaption}</caption>
          <thead><tr><th scope="col">{t.partHeader}</th><th scope="col" class="num">{t.gibHeader}</th></tr></thead>
          <tbody>
            {PARTS.map((p) => (
              <tr data-part={p}><th scope="row">{t.parts[p]}</th><td class="num" data-testid={`part-${p}`}>{nf(shown.memory[p] / GIB)}</td></tr>
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
          <div><dt>{t.mfuLabel}</dt><dd data-testid="mfu">{fill(t.mfu, { mfu: pct(shown.cluster.mfu), hfu: pct(shown.cluster.hfu) })}</dd></div>
          <div><dt>{t.stepLabel}</dt><dd data-testid="step">{fill(t.step, { step: nf(shown.cluster.stepSeconds), compute: nf(shown.cluster.computeSeconds), bubble: nf(shown.cluster.bubbleSeconds), exposed: nf(shown.cluster.exposedSeconds) })}</dd></div>
          <div><dt>{t.globalBatchLabel}</dt><dd data-testid="global-batch">{fill(t.globalBatch, { sequences: nf(shown.cluster.globalBatchSequences), tokens: nf(shown.cluster.globalBatchTokens) })}</dd></div>
          {shown.layout.pipelineParallel > 1 ? <div><dt>{t.stagesLabel}</dt><dd data-testid="stages">{fill(t.stages, { first: gib(shown.cluster.firstStageBytes), last: gib(shown.cluster.lastStageBytes), peak: t.stageNames[shown.cluster.peakStage] })}</dd></div> : null}
        </dl>
        <p class="par-note">{comm.bytesPerStep > 0 ? t.commNote : t.commNone}</p>
        <p class="par-subhead">{t.fewestLabel}</p>
        <p data-testid="fewest">{shown.fewest ? fill(t.fewest, { count: shown.fewest.gpuCount, layout: layoutText(shown.fewest) }) : fill(t.fewestNone, { max: MAX_CARDS })}</p>
        <p class="par-note" data-testid="fewest-zero3">{shown.fewestZero3 !== null ? fill(t.fewestZero3, { count: shown.fewestZero3 }) : fill(t.fewestZero3None, { max: MAX_CARDS })}</p>
      </div>
      <IslandToolbar strings={strings.common} onReset={form.reset} />
    </section>
  );
}
