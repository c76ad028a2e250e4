/**
 * The estimator's option lists, written once: `as const` tuples, the types derived from them, their English labels and the
 * per-format byte table. Validation, the calculators' fields, the CLI and the tests all read these; a second copy is a bug.
 */

/** What the reader wants to do with the model. */
export const WORKLOADS = ['inference', 'pretrain', 'full-finetune', 'lora', 'qlora'] as const;
/** A workload id. */
export type Workload = (typeof WORKLOADS)[number];

/** Storage formats for weights the scenario accepts by name. */
export const WEIGHTS_FORMATS = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'nf4', 'int4'] as const;
/** A named weights format. */
export type WeightsFormatName = (typeof WEIGHTS_FORMATS)[number];

/** Training arithmetic: pure fp32, mixed precision with an fp32 master copy, or pure bf16 (states in bf16). */
export const TRAINING_PRECISIONS = ['fp32', 'fp16-mixed', 'bf16-mixed', 'bf16'] as const;
/** A training precision id. */
export type TrainingPrecision = (typeof TRAINING_PRECISIONS)[number];

/** Optimizers whose state memory is modelled. */
export const OPTIMIZERS = ['adamw', 'adamw-8bit', 'sgd', 'adafactor'] as const;
/** An optimizer id. */
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Linear layers LoRA can adapt (for GELU/ReLU FFNs, `up` is fc1 and `down` is fc2; `gate` does not exist). */
export const LORA_TARGETS = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'] as const;
/** A LoRA target module. */
export type LoraTarget = (typeof LORA_TARGETS)[number];

/** CPU offload of ZeRO partitions (ZeRO-Offload / ZeRO-Infinity). */
export const OFFLOAD_MODES = ['none', 'optimizer', 'optimizer+params'] as const;
/** An offload mode. */
export type OffloadMode = (typeof OFFLOAD_MODES)[number];

/** KV cache storage formats. */
export const KV_CACHE_FORMATS = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'] as const;
/** A KV cache format. */
export type KvCacheFormat = (typeof KV_CACHE_FORMATS)[number];

/** Serving engines whose per-step behaviour the estimator models (see ENGINE_PROFILES in compute.ts). */
export const ENGINES = ['llama.cpp', 'vllm', 'exllamav2', 'transformers', 'tensorrt-llm'] as const;
/** A serving engine id. */
export type Engine = (typeof ENGINES)[number];

/** Fine-tuning frameworks whose recipe defaults, utilisation and 4-bit handling the estimator models (see frameworks.ts). */
export const FRAMEWORKS = ['transformers', 'torchtune', 'litgpt'] as const;
/** A fine-tuning framework id. */
export type Framework = (typeof FRAMEWORKS)[number];

/** Fused attention kernels a training run can use (they differ in speed, not in memory; see ATTENTION_KERNEL_SPEED in cluster.ts). */
export const ATTENTION_KERNELS = ['flash2', 'flash3', 'sdpa', 'triton'] as const;
/** An attention kernel id. */
export type AttentionKernel = (typeof ATTENTION_KERNELS)[number];

/** ZeRO stages (0 is plain data parallelism). */
export const ZERO_STAGES = [0, 1, 2, 3] as const;
/** A ZeRO stage. */
export type ZeroStage = (typeof ZERO_STAGES)[number];

/**
 * What the estimator concludes about a job on a card: it fits; it fits but the spare memory is inside the estimator's validated
 * error; it runs only by paging or CPU offload; the card cannot run the number format at all; or it does not fit.
 */
export const VERDICTS = ['fits', 'tight', 'offload', 'unsupported', 'does-not-fit'] as const;
/** A verdict id. */
export type Verdict = (typeof VERDICTS)[number];

/** Element formats with a fixed byte width: weights, states, activations and the KV cache. */
const DTYPES = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'nf4', 'int4'] as const;
/** A dtype id. */
export type Dtype = (typeof DTYPES)[number];

/** Bytes per element of each dtype (4-bit formats pack two values per byte; their block scales are counted by the caller). */
export const DTYPE_BYTES: Readonly<Record<Dtype, number>> = { fp32: 4, fp16: 2, bf16: 2, fp8: 1, int8: 1, nf4: 0.5, int4: 0.5 };

/** The parameter (and activation) dtype each training precision computes in. */
export const PRECISION_DTYPE: Readonly<Record<TrainingPrecision, 'fp32' | 'fp16' | 'bf16'>> = { fp32: 'fp32', 'fp16-mixed': 'fp16', 'bf16-mixed': 'bf16', bf16: 'bf16' };

/** English labels of the workloads. */
export const WORKLOAD_LABELS: Readonly<Record<Workload, string>> = {
  inference: 'Inference',
  pretrain: 'Pre-training',
  'full-finetune': 'Full fine-tuning',
  lora: 'LoRA fine-tuning',
  qlora: 'QLoRA fine-tuning',
};

/** English labels of the named weight formats. */
export const WEIGHTS_FORMAT_LABELS: Readonly<Record<WeightsFormatName, string>> = {
  fp32: 'FP32',
  fp16: 'FP16',
  bf16: 'BF16',
  fp8: 'FP8',
  int8: 'INT8',
  nf4: 'NF4 (bitsandbytes 4-bit)',
  int4: 'INT4 (GPTQ/AWQ)',
};

/** English labels of the training precisions. */
export const TRAINING_PRECISION_LABELS: Readonly<Record<TrainingPrecision, string>> = {
  fp32: 'FP32',
  'fp16-mixed': 'FP16 mixed precision',
  'bf16-mixed': 'BF16 mixed precision',
  bf16: 'Pure BF16',
};

/** English labels of the optimizers. */
export const OPTIMIZER_LABELS: Readonly<Record<OptimizerName, string>> = {
  adamw: 'AdamW (two fp32 moments)',
  'adamw-8bit': '8-bit AdamW (bitsandbytes)',
  sgd: 'SGD with momentum',
  adafactor: 'Adafactor (factored, no momentum)',
};

/** English labels of the ZeRO stages. */
export const ZERO_STAGE_LABELS: Readonly<Record<ZeroStage, string>> = {
  0: 'DDP (full copy on every card)',
  1: 'ZeRO-1 (shard optimizer states)',
  2: 'ZeRO-2 (shard optimizer states and gradients)',
  3: 'ZeRO-3 (shard everything)',
};

/** English labels of the offload modes. */
export const OFFLOAD_LABELS: Readonly<Record<OffloadMode, string>> = {
  none: 'None',
  optimizer: 'Optimizer states (ZeRO-Offload)',
  'optimizer+params': 'Optimizer states and parameters (ZeRO-Infinity)',
};

/** English labels of the KV cache formats. */
export const KV_CACHE_FORMAT_LABELS: Readonly<Record<KvCacheFormat, string>> = {
  fp32: 'FP32', fp16: 'FP16', bf16: 'BF16', fp8: 'FP8', int8: 'INT8', int4: 'INT4',
};

/** English labels of the engines. */
export const ENGINE_LABELS: Readonly<Record<Engine, string>> = {
  'llama.cpp': 'llama.cpp',
  vllm: 'vLLM',
  exllamav2: 'ExLlamaV2',
  transformers: 'Hugging Face Transformers',
  'tensorrt-llm': 'TensorRT-LLM',
};

/** English labels of the fine-tuning frameworks. */
export const FRAMEWORK_LABELS: Readonly<Record<Framework, string>> = {
  transformers: 'Hugging Face Transformers + PEFT',
  torchtune: 'torchtune',
  litgpt: 'LitGPT',
};

/** English labels of the attention kernels. */
export const ATTENTION_KERNEL_LABELS: Readonly<Record<AttentionKernel, string>> = {
  flash2: 'FlashAttention-2',
  flash3: 'FlashAttention-3 (Hopper)',
  sdpa: 'PyTorch SDPA (flash backend)',
  triton: 'FlashAttention in Triton',
};

/** English labels of the verdicts. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  fits: 'Fits',
  tight: 'Tight: fits, within the estimate’s error',
  offload: 'Runs only with offload',
  unsupported: 'Card cannot run this format',
  'does-not-fit': 'Does not fit',
};

/**
 * Whether `value` is one of the tuple's members (a type guard for validated strings).
 * @example isOneOf(WORKLOADS, 'lora') //=> true
 */
export function isOneOf<const T extends readonly (string | number)[]>(values: T, value: unknown): value is T[number] {
  return (values as readonly unknown[]).includes(value);
}
