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
 * Why a card cannot run a scenario's number formats at all, or null when it can. BF16 needs Ampere or newer (PyTorch
 * `torch.cuda.is_bf16_supported()`; vLLM refuses BF16 below compute capability 8.0); FP8 weights need FP8 Tensor Cores (Ada,
 * Hopper, Blackwell) or, weight-only, Ampere's BF16 path (vLLM's FP8 Marlin kernels need compute capability 8.0).
 * @example unsupportedReason(bf16LoraScenario, teslaP40) //=> "Tesla P40 has no BF16 arithmetic (BF16 needs Ampere or newer): train in FP16 mixed precision instead"
 */
export function unsupportedReason(s: Scenario, gpu: GpuSpec): string | null {
  const bf16 = peakMatmulFlops(gpu, 'bf16') !== null;
  const training = s.workload !== 'inference';
  if (training && (s.trainingPrecision === 'bf16-mixed' || s.trainingPrecision === 'bf16') && !bf16) {
    return `${gpu.name} has no BF16 arithmetic (BF16 needs Ampere or newer): train in FP16 mixed precision instead`;
  }
  const w = s.weightsFormat;
  if (!training && w.kind === 'named' && w.name === 'bf16' && s.engine !== 'llama.cpp' && !bf16) {
    return `${gpu.name} has no BF16 arithmetic (BF16 needs Ampere or newer): serve FP16 or quantized weights instead`;
  }
  if (w.kind === 'named' && w.name === 'fp8' && peakMatmulFlops(gpu, 'fp8') === null && !bf16) {
    return `${gpu.name} cannot run FP8 weights (FP8 kernels need Ampere or newer; FP8 Tensor Cores need Ada or newer)`;
  }
  return null;
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
 * The verdict and its reason in one sentence.
 * @example decideVerdict(scenario, rtx4090, { totalBytes: 23e9, pagedBytes: 0, capacityBytes: 24 * 2 ** 30 }).verdict //=> "tight"
 */
export function decideVerdict(s: Scenario, gpu: GpuSpec, v: VerdictInputs): { verdict: Verdict; reason: string } {
  const unsupported = unsupportedReason(s, gpu);
  if (unsupported) return { verdict: 'unsupported', reason: unsupported };
  const band = v.errorBand ?? MEMORY_ERROR_P90;
  const resident = v.totalBytes - v.pagedBytes;
  if (resident > v.capacityBytes) return { verdict: 'does-not-fit', reason: 'needs more memory than the card has' };
  if (v.totalBytes > v.capacityBytes) return { verdict: 'offload', reason: 'runs only because paged optimizer states spill to CPU memory, at the cost of PCIe traffic every step' };
  if (s.workload !== 'inference' && (s.offload !== 'none' || s.activationOffload)) return { verdict: 'offload', reason: 'runs with CPU offload, which moves data over PCIe every step' };
  const spare = v.capacityBytes - v.totalBytes;
  if (spare < band * v.totalBytes) return { verdict: 'tight', reason: `fits, but the spare memory is within the estimator's validated error (±${Math.round(band * 100)}% at the 90th percentile)` };
  return { verdict: 'fits', reason: 'fits with room to spare' };
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
