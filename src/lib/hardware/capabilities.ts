/**
 * "What this card can do": the largest preset model a card can serve at 16, 8 and 4 bits per weight, and the largest it can
 * fully fine-tune, LoRA-tune and QLoRA-tune, each at a stated batch and sequence length, from the same estimator as every page.
 */
import { estimate, type EstimateGpu } from '../estimator/estimate.ts';
import { countParams, MODEL_PRESETS } from '../scenario/models.ts';
import { parseScenario } from '../scenario/scenario.ts';
import type { ModelArch } from '../types.ts';
import { runsAsGiven } from '../estimator/verdict.ts';
import { fieldSpec, type FieldKey } from '../scenario/fields.ts';

/** The serving jobs: 16-bit, 8-bit and 4-bit weights in llama.cpp (which runs on every card), one request, a 4,096-token context. */
const SERVE_JOBS = [
  { key: 'serve16', label: '16-bit (FP16)', weightsFormat: 'fp16' },
  { key: 'serve8', label: '8-bit (GGUF Q8_0)', weightsFormat: 'q8_0' },
  { key: 'serve4', label: '4-bit (GGUF Q4_K_M)', weightsFormat: 'q4_k_m' },
] as const;

/** The tuning jobs: full fine-tuning with AdamW, LoRA on 16-bit weights and QLoRA, each at batch 1 and 2,048 tokens. */
const TUNE_JOBS = [
  { key: 'full', label: 'Full fine-tuning (AdamW, mixed precision)', workload: 'full-finetune' },
  { key: 'lora', label: 'LoRA (rank 16, 16-bit base weights)', workload: 'lora' },
  { key: 'qlora', label: 'QLoRA (rank 16, NF4 base weights)', workload: 'qlora' },
] as const;

/** Context of the serving jobs: prompt plus generated tokens. */
export const SERVE_CONTEXT_TOKENS = 4096;
/** Generated tokens of the serving jobs. */
const SERVE_OUTPUT_TOKENS = 256;
/** Batch and sequence length of the tuning jobs (gradient checkpointing on). */
export const TUNE_BATCH = 1;
/** Sequence length of the tuning jobs. */
export const TUNE_SEQ_TOKENS = 2048;

/** The largest preset that fits one job on one card, with the numbers that matter. */
export interface Capability {
  /** Job key (serve16, serve8, serve4, full, lora, qlora). */
  key: string;
  /** Job in words. */
  label: string;
  /** The largest preset that fits, or null when none does. */
  model: { id: string; name: string; totalParams: number } | null;
  /** Memory the job needs on the card, in bytes (0 when nothing fits). */
  memoryBytes: number;
  /** Decode speed for serving jobs, training tokens per second for tuning jobs. */
  tokensPerSecond: number;
  /** The scenario's fields (scenario keys), for a link into the planner. */
  query: Record<string, string | number | boolean>;
}

/** Decoder presets, largest first (the encoders cannot generate text and are not offered). */
function presetsBySize(): ModelArch[] {
  return MODEL_PRESETS.filter((m) => !m.encoder).sort((a, b) => countParams(b).totalParams - countParams(a).totalParams);
}

/** Finds the largest preset for which the raw scenario fits the card. */
function largest(gpu: EstimateGpu, key: string, label: string, query: Record<string, string | number | boolean>, speed: 'decode' | 'train'): Capability {
  for (const m of presetsBySize()) {
    const parsed = parseScenario({ ...query, model: m.id });
    if (!parsed.ok) continue;
    const e = estimate(parsed.scenario, gpu, { explain: false });
    if (!runsAsGiven(e.verdict)) continue;
    return {
      key, label,
      model: { id: m.id, name: m.name, totalParams: e.params.total },
      memoryBytes: e.memory.totalBytes,
      tokensPerSecond: speed === 'decode' ? e.throughput.decodeTokensPerSecond : e.throughput.trainTokensPerSecond,
      query: { ...query, model: m.id, gpu: gpu.id },
    };
  }
  return { key, label, model: null, memoryBytes: 0, tokensPerSecond: 0, query: { ...query, gpu: gpu.id } };
}

/**
 * What one card can do: the largest preset it serves at each weight width and the largest it tunes each way.
 * Cards without BF16 (before Ampere) tune in FP16 mixed precision with 16-bit FP16 weights.
 * @example cardCapabilities(rtx4090).find((c) => c.key === 'qlora')?.model?.id //=> a model of about 30B parameters
 */
export function cardCapabilities(gpu: EstimateGpu): Capability[] {
  const bf16 = gpu.bf16Tflops !== null;
  const promptTokens = SERVE_CONTEXT_TOKENS - SERVE_OUTPUT_TOKENS;
  const serve = SERVE_JOBS.map((j) => {
    const q = { workload: 'inference', weightsFormat: j.weightsFormat, promptTokens, outputTokens: SERVE_OUTPUT_TOKENS, batchSize: 1 };
    return largest(gpu, j.key, j.label, q, 'decode');
  });
  const tune = TUNE_JOBS.map((j) => {
    const q: Record<string, string | number | boolean> = { workload: j.workload, batchSize: TUNE_BATCH, seqLen: TUNE_SEQ_TOKENS, gradientCheckpointing: true };
    if (j.workload !== 'qlora') {
      q['trainingPrecision'] = bf16 ? 'bf16-mixed' : 'fp16-mixed';
      q['weightsFormat'] = bf16 ? 'bf16' : 'fp16';
    }
    return largest(gpu, j.key, j.label, q, 'train');
  });
  return [...serve, ...tune];
}

/**
 * The planner link for a capability: its fields under their URL keys from the field manifest.
 * @example planHref(cap) //=> "/plan/?workload=qlora&batch=1&seq=2048&ckpt=1&model=qwen2.5-32b&gpu=rtx-4090"
 */
export function planHref(query: Record<string, string | number | boolean>, base = '/plan/'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(fieldSpec(key as FieldKey)?.url ?? key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  return `${base}?${params.toString()}`;
}
