/**
 * The estimator's reading of its own memory result: whether a job fits a card, fits only inside the estimator's error, runs
 * only by paging or offload, cannot run on the card's number formats at all, or does not fit.
 */
import { peakMatmulFlops } from './peaks.ts';
import type { GpuSpec, Scenario } from '../types.ts';
import type { Verdict } from '../scenario/vocabulary.ts';

/**
 * The estimator's validated memory error: the 90th percentile of |predicted - measured| / measured over the memory cases in
 * `src/data/validation/` (tests/lib/verdict.test.ts fails when the validation set moves away from it). A job whose spare
 * memory is smaller than this share of its total is `tight`.
 */
export const MEMORY_ERROR_P90 = 0.15;

/**
 * Why the estimator reached its verdict, one code per sentence it can write: the job needs more memory than the card has
 * (`no-room`), runs only because paged optimizer states spill to CPU memory (`paged-spill`), runs with CPU offload
 * (`cpu-offload`), fits inside the validated error band (`within-error`) or with room to spare (`room-to-spare`), or the card
 * lacks a number format (`no-bf16-train`, `no-bf16-serve`, `no-fp8`). Pages translate the code, never the English sentence.
 */
export const VERDICT_WHY_CODES = ['no-room', 'paged-spill', 'cpu-offload', 'within-error', 'room-to-spare', 'no-bf16-train', 'no-bf16-serve', 'no-fp8'] as const;
/** One of {@link VERDICT_WHY_CODES}. */
export type VerdictWhyCode = (typeof VERDICT_WHY_CODES)[number];

/** The verdict each reason comes with (decideVerdict never pairs a reason with another verdict). */
export const VERDICT_OF_WHY: Readonly<Record<VerdictWhyCode, Verdict>> = {
  'no-room': 'does-not-fit', 'paged-spill': 'offload', 'cpu-offload': 'offload', 'within-error': 'tight', 'room-to-spare': 'fits',
  'no-bf16-train': 'unsupported', 'no-bf16-serve': 'unsupported', 'no-fp8': 'unsupported',
};

/** A verdict's reason as data: its code and the values its sentence names (the card, the error band in percent). */
export interface VerdictWhy {
  code: VerdictWhyCode;
  /** The card's name, for the number-format codes. */
  card?: string;
  /** The validated memory error in percent, for `within-error`. */
  percent?: number;
}

/** The English sentence of each code, with {card} and {percent} where its values go: the one source of the English reasons. */
const VERDICT_WHY_EN: Readonly<Record<VerdictWhyCode, string>> = {
  'no-room': 'needs more memory than the card has',
  'paged-spill': 'runs only because paged optimizer states spill to CPU memory, at the cost of PCIe traffic every step',
  'cpu-offload': 'runs with CPU offload, which moves data over PCIe every step',
  'within-error': "fits, but the spare memory is within the estimator's validated error (±{percent}% at the 90th percentile)",
  'room-to-spare': 'fits with room to spare',
  'no-bf16-train': '{card} has no BF16 arithmetic (BF16 needs Ampere or newer): train in FP16 mixed precision instead',
  'no-bf16-serve': '{card} has no BF16 arithmetic (BF16 needs Ampere or newer): serve FP16 or quantized weights instead',
  'no-fp8': '{card} cannot run FP8 weights (FP8 kernels need Ampere or newer; FP8 Tensor Cores need Ada or newer)',
};

/**
 * A reason's sentence from a template with {card} and {percent} (English by default; a locale passes its own template and
 * number format).
 * @example verdictWhyText({ code: 'within-error', percent: 15 }) //=> "fits, but the spare memory is within the estimator's validated error (±15% at the 90th percentile)"
 */
export function verdictWhyText(why: VerdictWhy, template: string = VERDICT_WHY_EN[why.code], formatNumber: (n: number) => string = String): string {
  return template.replace('{card}', why.card ?? '').replace('{percent}', why.percent === undefined ? '' : formatNumber(why.percent));
}

/**
 * Why a card cannot run a scenario's number formats at all, as a code, or null when it can. BF16 needs Ampere or newer
 * (PyTorch `torch.cuda.is_bf16_supported()`; vLLM refuses BF16 below compute capability 8.0); FP8 weights need FP8 Tensor
 * Cores (Ada, Hopper, Blackwell) or, weight-only, Ampere's BF16 path (vLLM's FP8 Marlin kernels need compute capability 8.0).
 * @example unsupportedWhy(bf16LoraScenario, teslaP40) //=> { code: 'no-bf16-train', card: 'Tesla P40' }
 */
function unsupportedWhy(s: Scenario, gpu: GpuSpec): VerdictWhy | null {
  const bf16 = peakMatmulFlops(gpu, 'bf16') !== null;
  const training = s.workload !== 'inference';
  if (training && (s.trainingPrecision === 'bf16-mixed' || s.trainingPrecision === 'bf16') && !bf16) return { code: 'no-bf16-train', card: gpu.name };
  const w = s.weightsFormat;
  if (!training && w.kind === 'named' && w.name === 'bf16' && s.engine !== 'llama.cpp' && !bf16) return { code: 'no-bf16-serve', card: gpu.name };
  if (w.kind === 'named' && w.name === 'fp8' && peakMatmulFlops(gpu, 'fp8') === null && !bf16) return { code: 'no-fp8', card: gpu.name };
  return null;
}

/**
 * Why a card cannot run a scenario's number formats at all, in English, or null when it can ({@link unsupportedWhy}).
 * @example unsupportedReason(bf16LoraScenario, teslaP40) //=> "Tesla P40 has no BF16 arithmetic (BF16 needs Ampere or newer): train in FP16 mixed precision instead"
 */
export function unsupportedReason(s: Scenario, gpu: GpuSpec): string | null {
  const why = unsupportedWhy(s, gpu);
  return why ? verdictWhyText(why) : null;
}

/** What the verdict is decided from. */
export interface VerdictInputs {
  /** Bytes the job needs on each card, paged optimizer states included. */
  totalBytes: number;
  /** Optimizer-state bytes in pageable (unified) memory. */
  pagedBytes: number;
  /** Card capacity in bytes. */
  capacityBytes: number;
  /** The relative error band inside which a fit counts as tight (default {@link MEMORY_ERROR_P90}). */
  errorBand?: number;
}

/**
 * The verdict, its reason as a code ({@link VerdictWhy}) and that reason's English sentence.
 * @example decideVerdict(scenario, rtx4090, { totalBytes: 23e9, pagedBytes: 0, capacityBytes: 24 * 2 ** 30 }).verdict //=> "tight"
 */
export function decideVerdict(s: Scenario, gpu: GpuSpec, v: VerdictInputs): { verdict: Verdict; why: VerdictWhy; reason: string } {
  const { verdict, why } = verdictAndWhy(s, gpu, v);
  return { verdict, why, reason: verdictWhyText(why) };
}

function verdictAndWhy(s: Scenario, gpu: GpuSpec, v: VerdictInputs): { verdict: Verdict; why: VerdictWhy } {
  const unsupported = unsupportedWhy(s, gpu);
  if (unsupported) return { verdict: 'unsupported', why: unsupported };
  const band = v.errorBand ?? MEMORY_ERROR_P90;
  const resident = v.totalBytes - v.pagedBytes;
  if (resident > v.capacityBytes) return { verdict: 'does-not-fit', why: { code: 'no-room' } };
  if (v.totalBytes > v.capacityBytes) return { verdict: 'offload', why: { code: 'paged-spill' } };
  if (s.workload !== 'inference' && (s.offload !== 'none' || s.activationOffload)) return { verdict: 'offload', why: { code: 'cpu-offload' } };
  const spare = v.capacityBytes - v.totalBytes;
  if (spare < band * v.totalBytes) return { verdict: 'tight', why: { code: 'within-error', percent: Math.round(band * 100) } };
  return { verdict: 'fits', why: { code: 'room-to-spare' } };
}

/**
 * Whether a verdict means the job runs as given, without offload or paging: `fits` or `tight`.
 * @example runsAsGiven('tight') //=> true
 */
export function runsAsGiven(v: Verdict): boolean {
  return v === 'fits' || v === 'tight';
}

/** A change that would make a job that does not fit run, as the memory model sees it. */
export type FitAdvice = 'add-cards' | 'checkpointing' | 'lora' | 'qlora' | 'optimizer-8bit' | 'fp16-mixed';

/**
 * What to change when a training job does not fit or the card cannot run it, leaving out what the scenario already does.
 * @example fitAdvice({ ...fullFinetune, gradientCheckpointing: true }) //=> ["add-cards", "optimizer-8bit", "lora", "qlora"]
 */
export function fitAdvice(s: Scenario, verdict: Verdict): FitAdvice[] {
  if (verdict === 'unsupported') return s.trainingPrecision === 'fp16-mixed' ? [] : ['fp16-mixed'];
  if (runsAsGiven(verdict) || s.workload === 'inference') return [];
  const out: FitAdvice[] = ['add-cards'];
  if (!s.gradientCheckpointing) out.push('checkpointing');
  if (s.optimizer === 'adamw' && s.workload !== 'qlora') out.push('optimizer-8bit');
  if (s.workload === 'pretrain' || s.workload === 'full-finetune') out.push('lora');
  if (s.workload !== 'qlora') out.push('qlora');
  return out;
}
