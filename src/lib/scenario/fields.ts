/**
 * The scenario's field manifest: for every field a reader or the CLI can set, its scenario key, URL key, kind, unit, range,
 * options, label and help. Validation (scenario.ts), the calculators' inputs (components/form) and the CLI's messages read it,
 * so a field is described once.
 */
import {
  ATTENTION_KERNEL_LABELS, ATTENTION_KERNELS, ENGINE_LABELS, ENGINES, FRAMEWORK_LABELS, FRAMEWORKS, KV_CACHE_FORMAT_LABELS, KV_CACHE_FORMATS, OFFLOAD_LABELS, OFFLOAD_MODES, OPTIMIZER_LABELS, OPTIMIZERS,
  TRAINING_PRECISION_LABELS, TRAINING_PRECISIONS, WEIGHTS_FORMAT_LABELS, WEIGHTS_FORMATS, WORKLOAD_LABELS, WORKLOADS, ZERO_STAGE_LABELS, ZERO_STAGES,
} from './vocabulary.ts';
import { PIPELINE_SCHEDULE_LABELS, PIPELINE_SCHEDULES } from '../cluster/pipeline.ts';
import { SELECTIVE_CHECKPOINTING, SELECTIVE_CHECKPOINTING_LABELS } from '../cluster/recompute.ts';
import { BOARD_VARIANT_LABELS, BOARD_VARIANTS, INTRA_NODE_LINK_LABELS, INTRA_NODE_LINKS } from '../cluster/topology.ts';

/** How a field's value is written: whole or real numbers, a fraction (also accepted as a percent), a flag, or one of a list. */
export type FieldKind = 'whole' | 'real' | 'fraction' | 'bool' | 'enum' | 'model' | 'card' | 'tokens';

/** One option of an enum field. */
export interface FieldOption {
  /** The value as the scenario and the URL hold it. */
  value: string;
  /** English label. */
  label: string;
}

/** The description of one scenario field. */
export interface FieldSpec {
  /** Key in the scenario JSON (dotted for nested keys, e.g. "lora.rank"). */
  key: string;
  /** Short key in a page URL. */
  url: string;
  /** English label, used in messages ("Batch size must be ..."). */
  label: string;
  /** Kind of value. */
  kind: FieldKind;
  /** Unit of the value, if any. */
  unit?: string;
  /** Smallest accepted value (numbers). */
  min?: number;
  /** Largest accepted value (numbers). */
  max?: number;
  /** Whether `min` itself is excluded. */
  minExclusive?: boolean;
  /** The accepted values of an enum field (or of a model or card field a calculator narrows to a list). */
  options?: readonly FieldOption[];
  /** A slider's only accepted values, in order (a calculator may narrow a number field to them, e.g. powers of two). */
  stops?: readonly number[];
  /** Whether the field holds several of its options, comma-separated (the cards to compare). */
  multiple?: boolean;
  /** One sentence of help. */
  help: string;
}

const options = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): FieldOption[] => values.map((value) => ({ value, label: labels[value] }));


/** Every scenario field, in the order forms show them and the scenario parser reports their problems. */
export const FIELDS = [
  { key: 'model', url: 'model', label: 'Model', kind: 'model', help: 'A preset id (e.g. "llama-3.1-8b") or an architecture object.' },
  { key: 'workload', url: 'workload', label: 'Workload', kind: 'enum', options: options(WORKLOADS, WORKLOAD_LABELS), help: 'What you do with the model.' },
  { key: 'weightsFormat', url: 'weights', label: 'Weights format', kind: 'enum', options: options(WEIGHTS_FORMATS, WEIGHTS_FORMAT_LABELS), help: 'How the (base) weights are stored; a GGUF type such as q4_k_m or a number of bits per weight also works.' },
  { key: 'engine', url: 'engine', label: 'Serving engine', kind: 'enum', options: options(ENGINES, ENGINE_LABELS), help: 'The program that runs inference; it sets the per-step overheads and kernels.' },
  { key: 'framework', url: 'framework', label: 'Fine-tuning framework', kind: 'enum', options: options(FRAMEWORKS, FRAMEWORK_LABELS), help: 'The program that trains; its recipe defaults (checkpointing, loss, optimizer paging) apply to fields you leave empty, and it sets the utilisation and 4-bit handling.' },
  { key: 'trainingPrecision', url: 'precision', label: 'Training precision', kind: 'enum', options: options(TRAINING_PRECISIONS, TRAINING_PRECISION_LABELS), help: 'The arithmetic of training.' },
  { key: 'optimizer', url: 'optimizer', label: 'Optimizer', kind: 'enum', options: options(OPTIMIZERS, OPTIMIZER_LABELS), help: 'Sets the bytes of optimizer state per trained parameter.' },
  { key: 'batchSize', url: 'batch', label: 'Batch size', kind: 'whole', unit: 'sequences', min: 1, max: 65_536, help: 'Sequences per step per data-parallel rank, or concurrent requests.' },
  { key: 'seqLen', url: 'seq', label: 'Sequence length', kind: 'whole', unit: 'tokens', min: 1, max: 1_048_576, help: 'Tokens per training sequence.' },
  { key: 'gradientCheckpointing', url: 'ckpt', label: 'Gradient checkpointing', kind: 'bool', help: 'Recompute activations in the backward pass instead of storing them.' },
  { key: 'trainableTopLayers', url: 'top', label: 'Trainable top blocks', kind: 'whole', min: 1, max: 1000, help: 'Full fine-tuning of only the top k transformer blocks (plus final norm and head); leave out to train every block.' },
  { key: 'flashAttention', url: 'flash', label: 'FlashAttention', kind: 'bool', help: 'Fused attention that never stores the score matrix.' },
  { key: 'attentionKernel', url: 'attn', label: 'Attention kernel', kind: 'enum', options: options(ATTENTION_KERNELS, ATTENTION_KERNEL_LABELS), help: 'Which fused attention kernel runs; it sets how fast attention runs on several cards.' },
  { key: 'lora.rank', url: 'rank', label: 'LoRA rank', kind: 'whole', min: 1, max: 4096, help: 'Rank r of each adapter pair.' },
  { key: 'doubleQuant', url: 'dq', label: 'Double quantization', kind: 'bool', help: 'Quantize the NF4 block scales too (QLoRA §3).' },
  { key: 'pagedOptimizer', url: 'paged', label: 'Paged optimizer', kind: 'bool', help: 'Optimizer states in unified memory that can page out to the CPU.' },
  { key: 'optimizerInBackward', url: 'optbwd', label: 'Optimizer step in backward', kind: 'bool', help: 'Apply each gradient as soon as it exists and free it.' },
  { key: 'activationOffload', url: 'actoff', label: 'Activation offload', kind: 'bool', help: 'Keep saved activations in CPU memory.' },
  { key: 'chunkedCrossEntropy', url: 'chunkce', label: 'Chunked cross-entropy', kind: 'bool', help: 'Compute the loss over vocabulary chunks so the FP32 logits never exist whole.' },
  { key: 'compile', url: 'compile', label: 'torch.compile', kind: 'bool', help: 'Compile the model and loss: fused kernels run faster and keep fewer activations for backward.' },
  { key: 'kvCacheFormat', url: 'kv', label: 'KV cache format', kind: 'enum', options: options(KV_CACHE_FORMATS, KV_CACHE_FORMAT_LABELS), help: 'How keys and values are stored.' },
  { key: 'promptTokens', url: 'prompt', label: 'Prompt length', kind: 'whole', unit: 'tokens', min: 1, max: 1_048_576, help: 'Tokens in each request’s prompt.' },
  { key: 'outputTokens', url: 'output', label: 'Output length', kind: 'whole', unit: 'tokens', min: 0, max: 1_048_576, help: 'Tokens generated per request.' },
  { key: 'gpuCount', url: 'count', label: 'Number of cards', kind: 'whole', unit: 'cards', min: 1, max: 65_536, help: 'Cards in the job.' },
  { key: 'zeroStage', url: 'zero', label: 'ZeRO stage', kind: 'whole', min: 0, max: 3, options: ZERO_STAGES.map((z) => ({ value: String(z), label: ZERO_STAGE_LABELS[z] })), help: '0 is plain data parallelism; 1, 2 and 3 shard optimizer states, gradients and parameters.' },
  { key: 'tensorParallel', url: 'tp', label: 'Tensor-parallel degree', kind: 'whole', min: 1, max: 1024, help: 'Cards that split each layer’s matrices.' },
  { key: 'pipelineParallel', url: 'pp', label: 'Pipeline-parallel degree', kind: 'whole', min: 1, max: 1024, help: 'Stages the layers are split into.' },
  { key: 'offload', url: 'offload', label: 'CPU offload', kind: 'enum', options: options(OFFLOAD_MODES, OFFLOAD_LABELS), help: 'ZeRO-Offload of optimizer states (and parameters) to CPU memory.' },
  { key: 'gradAccumulation', url: 'accum', label: 'Gradient accumulation', kind: 'whole', unit: 'micro-batches', min: 1, max: 65_536, help: 'Micro-batches per optimizer step.' },
  { key: 'contextParallel', url: 'cp', label: 'Context-parallel degree', kind: 'whole', min: 1, max: 1024, help: 'Cards that split each sequence.' },
  { key: 'sequenceParallel', url: 'sp', label: 'Sequence parallelism', kind: 'bool', help: 'Split norm and dropout activations across tensor-parallel cards.' },
  { key: 'pipelineSchedule', url: 'sched', label: 'Pipeline schedule', kind: 'enum', options: options(PIPELINE_SCHEDULES, PIPELINE_SCHEDULE_LABELS), help: 'Order of forward and backward passes across stages.' },
  { key: 'virtualStages', url: 'vstages', label: 'Layer chunks per card', kind: 'whole', min: 1, max: 64, help: 'Chunks per card when interleaved.' },
  { key: 'selectiveCheckpointing', url: 'selckpt', label: 'Selective recomputation', kind: 'enum', options: options(SELECTIVE_CHECKPOINTING, SELECTIVE_CHECKPOINTING_LABELS), help: 'Recompute attention only, or every k-th block.' },
  { key: 'checkpointEveryLayers', url: 'ckptk', label: 'Checkpoint every k blocks', kind: 'whole', min: 1, max: 1000, help: 'k of every k-th block.' },
  { key: 'gpusPerNode', url: 'pernode', label: 'Cards per node', kind: 'whole', unit: 'cards', min: 1, max: 64, help: 'Empty for up to 8.' },
  { key: 'intraNodeLink', url: 'intra', label: 'Link inside a node', kind: 'enum', options: options(INTRA_NODE_LINKS, INTRA_NODE_LINK_LABELS), help: 'How a node’s cards are linked.' },
  { key: 'interNodeGbps', url: 'net', label: 'Network per card', kind: 'real', unit: 'Gb/s', min: 1, max: 100_000, help: 'InfiniBand or RoCE per card; empty for the card’s default.' },
  { key: 'boardVariant', url: 'board', label: 'Board variant', kind: 'enum', options: options(BOARD_VARIANTS, BOARD_VARIANT_LABELS), help: 'A power-capped board.' },
  { key: 'trainTokens', url: 'tokens', label: 'Training tokens', kind: 'tokens', unit: 'tokens', min: 1, max: 1e16, help: 'Tokens in the whole run; 2B, 300M or 1.4T also work.' },
  { key: 'mfu', url: 'mfu', label: 'Model FLOPs utilisation', kind: 'fraction', min: 0, max: 1, minExclusive: true, help: 'Share of the dense peak the run reaches: a fraction (0.4) or a percent (40%); empty for the sourced default.' },
  { key: 'hourlyUsd', url: 'hourly', label: 'Rental price', kind: 'real', unit: 'USD per card-hour', min: 0, max: 100_000, help: 'Leave empty to price owning the card instead.' },
  { key: 'electricityUsdPerKWh', url: 'elec', label: 'Electricity price', kind: 'real', unit: 'USD per kWh', min: 0, max: 100, help: 'What one kilowatt-hour costs you.' },
  { key: 'amortisationYears', url: 'years', label: 'Service life', kind: 'real', unit: 'years', min: 0.01, max: 100, help: 'Years over which a bought card is written off.' },
  { key: 'busyHoursPerWeek', url: 'busy', label: 'Busy hours per week', kind: 'real', unit: 'hours', min: 1, max: 168, help: 'How many hours a week an owned card works; 168 is around the clock.' },
  { key: 'gpu', url: 'gpu', label: 'Card', kind: 'card', help: 'A card id (e.g. "rtx-4090") or a custom card object.' },
] as const satisfies readonly FieldSpec[];

/** A scenario field key. */
export type FieldKey = (typeof FIELDS)[number]['key'];

const BY_KEY = new Map<string, FieldSpec>(FIELDS.map((f) => [f.key, f]));

/**
 * The manifest entry of a field.
 * @example fieldSpec('batchSize').url //=> "batch"
 */
export function fieldSpec(key: FieldKey): FieldSpec {
  return BY_KEY.get(key) as FieldSpec;
}

/**
 * The scenario fields among a calculator's field entries (its own fields, such as a card list, are left out).
 * @example scenarioKeys([narrowField('seqLen', { max: 4096 }), { key: 'cards', url: 'cards', label: 'Cards', kind: 'enum', help: '' }]) //=> ['seqLen']
 */
export function scenarioKeys(specs: readonly FieldSpec[]): FieldKey[] {
  return specs.map((s) => s.key).filter((k): k is FieldKey => BY_KEY.has(k));
}

/**
 * A manifest field as one calculator offers it: fewer options, a smaller range, slider stops, or its own URL key and words.
 * @example narrowField('batchSize', { stops: [1, 2, 4] }).label //=> "Batch size"
 */
export function narrowField(key: FieldKey, narrowing: Partial<FieldSpec>): FieldSpec {
  return { ...fieldSpec(key), ...narrowing };
}

/**
 * The options of a model or card field narrowed to a list: the ids, named; a card's memory is added when its name lacks it.
 * @example optionsOf([{ id: 'rtx-4090', name: 'GeForce RTX 4090', memoryGB: 24 }])[0].label //=> "GeForce RTX 4090 (24 GB)"
 */
export function optionsOf(items: readonly { id: string; name: string; memoryGB?: number }[]): FieldOption[] {
  return items.map((x) => ({ value: x.id, label: x.memoryGB === undefined || /\d\s?GB/i.test(x.name) ? x.name : `${x.name} (${x.memoryGB} GB)` }));
}

/**
 * The words a message uses for a field: its label, or for keys outside the manifest (a custom model's "model.layers") the key.
 * @example fieldLabel('seqLen') //=> "Sequence length"
 */
export function fieldLabel(key: string): string {
  return BY_KEY.get(key)?.label ?? key;
}

/** Multipliers of the suffixes a token count may carry (2B, 300M, 1.4T). */
const TOKEN_SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/** A field's text read as a value, or why it cannot be read (the range is checked later by the scenario parser). */
export type FieldText = { ok: true; value: unknown } | { ok: false; code: 'required' | 'type'; message: string };

/**
 * Reads what a reader typed or picked into the value the scenario takes: numbers for numeric kinds, a boolean for flags,
 * the text itself for enums, models and cards. An empty optional field (rental price, MFU) reads as "not given".
 * @example fieldFromText(fieldSpec('mfu'), '40%') //=> { ok: true, value: 0.4 }
 */
export function fieldFromText(spec: FieldSpec, text: string): FieldText {
  const t = text.trim();
  const optionalWhenEmpty = spec.key === 'mfu' || spec.key === 'hourlyUsd' || spec.key === 'gpusPerNode' || spec.key === 'interNodeGbps';
  if (t === '') return optionalWhenEmpty ? { ok: true, value: undefined } : { ok: false, code: 'required', message: `${spec.label} is required` };
  switch (spec.kind) {
    case 'bool': {
      const v = ({ '1': true, true: true, on: true, '0': false, false: false, off: false } as Record<string, boolean>)[t.toLowerCase()];
      return v === undefined ? { ok: false, code: 'type', message: `${spec.label} must be on or off` } : { ok: true, value: v };
    }
    case 'whole':
      return /^\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, code: 'type', message: `${spec.label} must be a whole number, not “${t.slice(0, 40)}”` };
    case 'real':
      return /^\d+(\.\d+)?$|^\.\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, code: 'type', message: `${spec.label} must be a number, not “${t.slice(0, 40)}”` };
    case 'fraction': {
      const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(%?)$/.exec(t);
      if (!m) return { ok: false, code: 'type', message: `${spec.label} must be a fraction such as 0.4 or a percent such as 40%` };
      const v = Number(m[1]);
      // A percent sign, or a number above 1, is a percent; a number up to 1 is a fraction.
      return { ok: true, value: m[2] === '%' || v > 1 ? v / 100 : v };
    }
    case 'tokens': {
      const m = /^(\d+(?:\.\d+)?)\s*([kmbt]?)$/i.exec(t.replace(/,/g, ''));
      if (!m) return { ok: false, code: 'type', message: `${spec.label} must be a number of tokens such as 2000000, 2M or 1.4T` };
      return { ok: true, value: Number(m[1]) * (TOKEN_SUFFIX[(m[2] ?? '').toLowerCase()] ?? 1) };
    }
    default:
      return { ok: true, value: t };
  }
}

/**
 * Writes a raw scenario value back as the text a field shows (the inverse of {@link fieldFromText} for valid values).
 * @example fieldToText(fieldSpec('gradientCheckpointing'), true) //=> "1"
 */
export function fieldToText(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.kind === 'bool') return value ? '1' : '0';
  return String(value);
}

/**
 * Puts a field's value into a raw scenario object at its (possibly dotted) key.
 * @example setRaw({}, 'lora.rank', 16) //=> { lora: { rank: 16 } }
 */
export function setRaw(raw: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return raw;
  const [head, tail] = key.split('.') as [string, string | undefined];
  if (tail === undefined) raw[head] = value;
  else raw[head] = { ...((raw[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
  return raw;
}

/** The purchase price a reader types to replace a card's launch price (a card override, not a scenario field). */
export const CARD_PRICE_FIELD: FieldSpec = { key: 'priceUsd', url: 'price', label: 'Purchase price per card', kind: 'real', unit: 'USD', min: 0, max: 10_000_000, help: 'Empty: the launch price; type a used or street price.' };
