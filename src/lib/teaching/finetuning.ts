/**
 * The fine-tuning chapter's arithmetic: ULMFiT's discriminative learning rates, SGDR's warm restarts, DoRA's extra parameters,
 * and the side-by-side of full fine-tuning, the top k blocks, LoRA and QLoRA for one model on one card.
 */
import { estimate, type EstimateGpu } from '../estimator/estimate.ts';
import { countParams } from '../scenario/models.ts';
import { parseScenario } from '../scenario/scenario.ts';
import type { IssueCode } from '../scenario/check.ts';
import type { LoraTarget, MemoryBreakdown, ModelArch } from '../types.ts';
import { runsAsGiven, type VerdictWhy } from '../estimator/verdict.ts';
import type { Verdict } from '../scenario/vocabulary.ts';

/**
 * Discriminative fine-tuning: the top block trains at `topRate` and each block below at the rate above it divided by
 * `factor` (Howard & Ruder 2018, ULMFiT, §3.2: η^(l-1) = η^l / 2.6). Returns the rate of blocks 1 (bottom) to L (top).
 * @example discriminativeRates(0.01, 3) //=> [0.01 / 2.6², 0.01 / 2.6, 0.01]
 */
export function discriminativeRates(topRate: number, layers: number, factor = 2.6): number[] {
  return Array.from({ length: layers }, (_, i) => topRate / Math.pow(factor, layers - 1 - i));
}

/** SGDR's schedule: cosine cycles that restart at the peak, each `mult` times longer than the last. */
export interface WarmRestarts {
  /** Rate at the start of each cycle (η_max). */
  maxRate: number;
  /** Rate at the end of each cycle (η_min). */
  minRate: number;
  /** Steps in the first cycle (T_0). */
  firstCycleSteps: number;
  /** Growth of each cycle's length (T_mult, a whole number ≥ 1). */
  mult: number;
}

/**
 * Learning rate under stochastic gradient descent with warm restarts (Loshchilov & Hutter 2017, SGDR, §3 eq. 5):
 * η = η_min + ½(η_max − η_min)(1 + cos(π·T_cur/T_i)), with T_i = T_0·T_mult^i.
 * @example sgdrRate(100, { maxRate: 1, minRate: 0, firstCycleSteps: 100, mult: 2 }) //=> 1 (a restart)
 */
export function sgdrRate(step: number, s: WarmRestarts): number {
  let cycle = s.firstCycleSteps;
  let t = Math.max(0, step);
  while (t >= cycle) {
    t -= cycle;
    cycle *= Math.max(1, s.mult);
  }
  return s.minRate + 0.5 * (s.maxRate - s.minRate) * (1 + Math.cos((Math.PI * t) / cycle));
}

/**
 * DoRA's extra trainable parameters over LoRA: one magnitude per output feature of every adapted matrix (Liu et al. 2024,
 * DoRA, §4.1: W' = m · (W0 + BA) / ||W0 + BA||_c). Counts the dense block linears whose name is a target.
 * @example doraMagnitudeParams(llama2_7b, ['q', 'v']) //=> 2 x 32 x 4096
 */
export function doraMagnitudeParams(m: ModelArch, targets: readonly LoraTarget[]): number {
  let n = 0;
  for (const l of countParams(m).linears) if ((targets as readonly string[]).includes(l.name)) n += l.outFeatures * l.count;
  return n;
}

/** The fine-tuning methods the comparison shows. */
export const FINE_TUNE_METHODS = ['full', 'top', 'lora', 'qlora'] as const;
/** One of {@link FINE_TUNE_METHODS}. */
export type FineTuneMethod = (typeof FINE_TUNE_METHODS)[number];

/** Settings shared by the four methods. */
export interface FineTuneSettings {
  /** Model preset id. */
  model: string;
  /** Sequence length in tokens. */
  seqLen: number;
  /** Sequences per step. */
  batchSize: number;
  /** Blocks the "top k" method trains. */
  topLayers: number;
  /** LoRA and QLoRA rank. */
  rank: number;
  /** Gradient checkpointing for every method. */
  gradientCheckpointing: boolean;
  /** Tokens of the whole fine-tune (dataset tokens x epochs). */
  trainTokens: number;
}

/** One method's result on the card. */
export interface FineTuneRow {
  /** Which method. */
  method: FineTuneMethod;
  /** Trainable parameters. */
  trainableParams: number;
  /** Memory per card. */
  memory: MemoryBreakdown;
  /** The estimator's verdict on the card (fits, tight, offload, unsupported, does-not-fit). */
  verdict: Verdict;
  /** The verdict's reason in one sentence. */
  verdictReason: string;
  /** The verdict's reason as a code and its values (what a page words in its language). */
  verdictWhy: VerdictWhy;
  /** Whether it runs as given: verdict fits or tight. */
  runs: boolean;
  /** Training FLOPs per token. */
  flopsPerToken: number;
  /** Training throughput in tokens per second. */
  tokensPerSecond: number;
  /** Time for `trainTokens`. */
  timeSeconds: number;
}

/** The comparison, or the message for the one setting that is wrong. */
export type FineTuneComparison = { ok: true; rows: FineTuneRow[] } | { ok: false; field: keyof FineTuneSettings; code: IssueCode; message: string };

/** The raw scenario of one method (AdamW, BF16 mixed precision, FlashAttention; QLoRA with NF4, double quantization, paging). */
function rawScenario(method: FineTuneMethod, s: FineTuneSettings): Record<string, unknown> {
  const shared = { model: s.model, seqLen: s.seqLen, batchSize: s.batchSize, gradientCheckpointing: s.gradientCheckpointing, trainTokens: s.trainTokens, flashAttention: true, optimizer: 'adamw' };
  switch (method) {
    case 'full': return { ...shared, workload: 'full-finetune' };
    case 'top': return { ...shared, workload: 'full-finetune', trainableTopLayers: s.topLayers };
    case 'lora': return { ...shared, workload: 'lora', lora: { rank: s.rank } };
    case 'qlora': return { ...shared, workload: 'qlora', lora: { rank: s.rank } };
  }
}

/** Which setting a scenario field belongs to. */
function settingOf(field: string): keyof FineTuneSettings {
  const keys: Record<string, keyof FineTuneSettings> = { seqLen: 'seqLen', batchSize: 'batchSize', trainableTopLayers: 'topLayers', 'lora.rank': 'rank', trainTokens: 'trainTokens', gradientCheckpointing: 'gradientCheckpointing' };
  return keys[field] ?? 'model';
}

/**
 * Full fine-tuning, the top k blocks, LoRA and QLoRA of one model on one card, from the estimator, or the first setting the
 * estimator rejects.
 * @example compareFineTuneMethods({ model: 'llama-3.1-8b', ... }, rtx4090).ok //=> true
 */
export function compareFineTuneMethods(s: FineTuneSettings, gpu: EstimateGpu): FineTuneComparison {
  const rows: FineTuneRow[] = [];
  for (const method of FINE_TUNE_METHODS) {
    const parsed = parseScenario(rawScenario(method, s));
    if (!parsed.ok) {
      const first = parsed.errors[0];
      return { ok: false, field: settingOf(first?.field ?? 'model'), code: first?.code ?? 'unknown', message: first?.message ?? parsed.error };
    }
    const e = estimate(parsed.scenario, gpu, { explain: false });
    rows.push({
      method,
      trainableParams: e.params.trainable,
      memory: e.memory,
      verdict: e.verdict,
      verdictReason: e.verdictReason,
      verdictWhy: e.verdictWhy,
      runs: runsAsGiven(e.verdict),
      flopsPerToken: e.flopsPerToken,
      tokensPerSecond: e.throughput.trainTokensPerSecond,
      timeSeconds: e.timeSeconds,
    });
  }
  return { ok: true, rows };
}
