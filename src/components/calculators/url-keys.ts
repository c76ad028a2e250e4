/**
 * The URL keys (without the island's prefix) that each non-scenario calculator reads and writes, declared once: the island
 * reads only these (`readParams(prefix, KEYS)`), and the browser tests fuzz exactly these. Scenario calculators declare
 * their fields instead (`MEMORY_FORM_KEYS`, `PARALLELISM_FORM_KEYS`, the training-cost `FORM_KEYS`), whose URL keys come
 * from the field manifest.
 */

/** Tensor size: the shape text and the number format. */
export const TENSOR_SIZE_KEYS = ['shape', 'format'] as const;
/** Tensor throughput: the number format and the card series shown. */
export const TENSOR_THROUGHPUT_KEYS = ['format', 'series'] as const;
/** Roofline: three card slots, the number format and the matmul dimensions. */
export const ROOFLINE_KEYS = ['gpu1', 'gpu2', 'gpu3', 'format', 'm', 'n', 'k'] as const;
/** Backprop walk-through: its five inputs, the stage shown and the number of update steps. */
export const BACKPROP_KEYS = ['x', 'y', 'lr', 'act', 'seed', 'stage', 'steps'] as const;
/** Number formats: the value, the format group and the selected format. */
export const NUMBER_FORMATS_KEYS = ['v', 'g', 's'] as const;
/** GPU timeline: the measure on the y axis, its scale and the highlighted card. */
export const GPU_TIMELINE_KEYS = ['y', 'scale', 'card'] as const;
/** Decode speed. */
export const DECODE_SPEED_KEYS = ['model', 'format', 'ctx', 'batch', 'cards'] as const;
/** Fine-tuning methods. */
export const FINE_TUNE_KEYS = ['model', 'gpu', 'seq', 'batch', 'top', 'rank', 'tokens', 'ckpt'] as const;
/** Step timeline. */
export const STEP_TIMELINE_KEYS = ['model', 'workload', 'batch', 'seq', 'ckpt', 'gpu'] as const;

/** Memory breakdown: the scenario fields it shows, in order (URL keys from the field manifest). */
export const MEMORY_FORM_KEYS = ['model', 'workload', 'weightsFormat', 'engine', 'framework', 'trainingPrecision', 'optimizer', 'batchSize', 'seqLen', 'lora.rank', 'gpu', 'gradientCheckpointing', 'flashAttention'] as const;
/** Parallelism: the scenario fields it shows, in order (URL keys from the field manifest). */
export const PARALLELISM_FORM_KEYS = [
  'model', 'workload', 'gpu', 'gpuCount', 'zeroStage', 'tensorParallel', 'pipelineParallel', 'offload', 'batchSize', 'seqLen',
  'gradAccumulation', 'gradientCheckpointing', 'selectiveCheckpointing', 'pipelineSchedule', 'contextParallel', 'sequenceParallel', 'gpusPerNode', 'intraNodeLink', 'interNodeGbps', 'boardVariant', 'attentionKernel',
] as const;
