/**
 * The memory-breakdown and parallelism calculators as their Astro wrappers hand them to `formIslandProps`: each one's default
 * job, words, fields, id and evaluate function, in one constant. They are not kept beside their evaluate functions because
 * those live in the island modules, which ship whole to the page (every export); only the wrappers import this module, at
 * build time, so the default jobs cost the page no JavaScript. (The training-cost calculator's stands in training-cost.ts.)
 */
import { evaluateMemory, type MemoryCard, type MemoryInputs } from './MemoryBreakdown.island.tsx';
import { CLUSTER_DEFAULTS, evaluateParallel, type ParallelCard, type ParallelInputs } from './Parallelism.island.tsx';
import { MEMORY_FORM_KEYS, PARALLELISM_FORM_KEYS } from './url-keys.ts';
import type { FormIslandSpec } from './wrapper.ts';

/** Memory breakdown: the job it renders at build time, a LoRA of an 8B model on one 24 GB card. */
const MEMORY_DEFAULTS: MemoryInputs = {
  model: 'llama-3.1-8b',
  workload: 'lora',
  weightsFormat: 'bf16',
  engine: 'vllm',
  framework: 'transformers',
  trainingPrecision: 'bf16-mixed',
  optimizer: 'adamw',
  batchSize: '1',
  seqLen: '2048',
  gradientCheckpointing: '1',
  flashAttention: '1',
  'lora.rank': '16',
  gpu: 'rtx-4090',
};
/** What the memory-breakdown wrapper hands to `formIslandProps`. */
export const MEMORY_FORM: FormIslandSpec<'memoryBreakdown', MemoryInputs, readonly MemoryCard[]> = { words: 'memoryBreakdown', verdicts: (t) => t.memoryBreakdown.verdicts, fields: MEMORY_FORM_KEYS, defaults: MEMORY_DEFAULTS, id: 'mem', evaluate: evaluateMemory };

/** Parallelism: the job it renders at build time, a full fine-tune of an 8B model with ZeRO-3 on two 24 GB cards. */
const PARALLELISM_DEFAULTS: ParallelInputs = {
  model: 'llama-3.1-8b',
  workload: 'full-finetune',
  gpu: 'rtx-4090',
  gpuCount: '2',
  zeroStage: '3',
  tensorParallel: '1',
  pipelineParallel: '1',
  offload: 'none',
  batchSize: '1',
  seqLen: '2048',
  ...CLUSTER_DEFAULTS,
};
/** What the parallelism wrapper hands to `formIslandProps`. */
export const PARALLELISM_FORM: FormIslandSpec<'parallelism', ParallelInputs, readonly ParallelCard[]> = { words: 'parallelism', verdicts: (t) => t.parallelism.verdicts, fields: PARALLELISM_FORM_KEYS, defaults: PARALLELISM_DEFAULTS, id: 'par', evaluate: evaluateParallel };
