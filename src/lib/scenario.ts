/**
 * Validation of a scenario (the CLI's JSON and the calculators' state) into a complete Scenario. Every problem comes back as
 * `{ field, code, message }` (all of them, not the first), and every default it fills is recorded in words and by field.
 */
import { bool, either, list, nullable, object, oneOf, optional, real, text, whole, type Check, type Issue } from './check.ts';
import { isHfConfig, parseHfConfig, type ConfigIssue } from './hfconfig.ts';
import { DEFAULT_AMORTISATION_YEARS, DEFAULT_ELECTRICITY_USD_PER_KWH } from './cost.ts';
import { fieldLabel, fieldSpec, type FieldKey, type FieldSpec } from './fields.ts';
import { FRAMEWORK_PROFILES } from './frameworks.ts';
import { countParams, defineModel, findModel, MODEL_PRESETS } from './models.ts';
import type { GpuSpec, ModelArch, Scenario, WeightsFormat } from './types.ts';
import type { PipelineSchedule } from './pipeline.ts';
import type { SelectiveCheckpointing } from './recompute.ts';
import type { BoardVariant, IntraNodeLink } from './topology.ts';
import {
  DTYPE_BYTES, isOneOf, LORA_TARGETS, PRECISION_DTYPE, WEIGHTS_FORMATS, type Engine, type Framework, type KvCacheFormat, type LoraTarget,
  type TrainingPrecision, type Workload, type ZeroStage,
} from './vocabulary.ts';

export { WEIGHTS_FORMATS, WORKLOADS } from './vocabulary.ts';
export type { Issue } from './check.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** llama.cpp quantization types and their bits per weight over a whole Llama 7B file (ggml-common.h blocks; K-quant mixes from file sizes). */
const GGUF_BITS: Record<string, number> = {
  q2_k: 3.35, q3_k_s: 3.5, q3_k_m: 3.91, q3_k_l: 4.27, q4_0: 4.5, q4_1: 5.0, q4_k_s: 4.58, q4_k_m: 4.84, q5_0: 5.5, q5_1: 6.0,
  q5_k_s: 5.54, q5_k_m: 5.67, q6_k: 6.56, q8_0: 8.5, f16: 16, bf16: 16, f32: 32,
};

/** The validator of a manifest field, from its kind and range. */
function checkFor(spec: FieldSpec): Check<unknown> {
  switch (spec.kind) {
    case 'whole':
      return whole(spec.key, spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
    case 'real':
    case 'tokens':
      return real(spec.key, spec.min ?? 0, spec.max ?? Number.MAX_VALUE, spec.minExclusive ?? false);
    case 'fraction':
      return real(spec.key, spec.min ?? 0, spec.max ?? 1, spec.minExclusive ?? false, `${spec.label} must be above 0 and at most 1 (or 100%)`);
    case 'bool':
      return bool(spec.key);
    case 'enum':
      return oneOf(spec.key, (spec.options ?? []).map((o) => o.value));
    default:
      return text(spec.key, 200);
  }
}

/** The optional validator of a top-level manifest field. */
const field = <T>(key: FieldKey): Check<T | undefined> => optional(checkFor(fieldSpec(key))) as Check<T | undefined>;

/** Checks a custom architecture. */
const modelArchInput = object('model', {
  layers: whole('model.layers', 1, 1000),
  hiddenSize: whole('model.hiddenSize', 1, 1_000_000),
  heads: whole('model.heads', 1, 10_000),
  kvHeads: optional(whole('model.kvHeads', 1, 10_000)),
  headDim: optional(whole('model.headDim', 1, 100_000)),
  intermediateSize: whole('model.intermediateSize', 1, 10_000_000),
  vocabSize: whole('model.vocabSize', 1, 10_000_000),
  tiedEmbeddings: optional(bool('model.tiedEmbeddings')),
  ffnKind: optional(oneOf('model.ffnKind', ['gated', 'gelu', 'relu'] as const)),
  experts: optional(whole('model.experts', 1, 100_000)),
  expertsPerToken: optional(whole('model.expertsPerToken', 1, 100_000)),
  sharedExperts: optional(whole('model.sharedExperts', 0, 100_000)),
  moeIntermediateSize: optional(whole('model.moeIntermediateSize', 1, 10_000_000)),
  denseLayers: optional(whole('model.denseLayers', 0, 1000)),
  slidingWindow: optional(nullable(whole('model.slidingWindow', 1, 1_048_576))),
  slidingWindowLayerFraction: optional(real('model.slidingWindowLayerFraction', 0, 1)),
  name: optional(text('model.name', 100)),
}, 'Model must be an architecture object');

/** Checks a custom card. */
const customGpu = object('gpu', {
  memoryGb: optional(real('gpu.memoryGb', 0, 100_000, true)),
  memoryGB: optional(real('gpu.memoryGB', 0, 100_000, true)),
  bandwidthGBs: real('gpu.bandwidthGBs', 0, 1_000_000, true),
  tensorTflops: real('gpu.tensorTflops', 0, 1_000_000, true),
  fp32Tflops: optional(real('gpu.fp32Tflops', 0, 1_000_000, true)),
  fp8Tflops: optional(real('gpu.fp8Tflops', 0, 1_000_000, true)),
  boardPowerW: optional(real('gpu.boardPowerW', 0, 100_000, true)),
  priceUsd: optional(real('gpu.priceUsd', 0, 10_000_000, true)),
  pcieGen: optional(whole('gpu.pcieGen', 3, 6)),
  nvlinkGBs: optional(real('gpu.nvlinkGBs', 0, 100_000, true)),
  name: optional(text('gpu.name', 100)),
}, 'Card must be a card id or a custom card object');

/** Checks the scenario fields other than model and gpu (those two are resolved by hand for clearer messages). */
const scenarioInput = object('', {
  workload: field<Workload>('workload'),
  weightsFormat: optional(either(text('weightsFormat', 40), real('weightsFormat', 1, 32), 'weightsFormat', 'Weights format must be a format name or a number of bits from 1 to 32')),
  bitsPerWeight: optional(real('weightsFormat', 1, 32)),
  engine: field<Engine>('engine'),
  framework: field<Framework>('framework'),
  trainingPrecision: field<TrainingPrecision>('trainingPrecision'),
  optimizer: field<Scenario['optimizer']>('optimizer'),
  batchSize: field<number>('batchSize'),
  seqLen: field<number>('seqLen'),
  gradientCheckpointing: field<boolean>('gradientCheckpointing'),
  trainableTopLayers: optional(nullable(checkFor(fieldSpec('trainableTopLayers')) as Check<number>)),
  flashAttention: field<boolean>('flashAttention'),
  lora: optional(object('lora.rank', {
    rank: field<number>('lora.rank'),
    targets: optional(list('lora.targets', oneOf('lora.targets', LORA_TARGETS), `LoRA targets must be a list drawn from ${LORA_TARGETS.join(', ')}`, 1, 'LoRA targets must name at least one module')),
  }, 'LoRA settings must be an object like {"rank": 16, "targets": ["q", "v"]}')),
  doubleQuant: field<boolean>('doubleQuant'),
  pagedOptimizer: field<boolean>('pagedOptimizer'),
  optimizerInBackward: field<boolean>('optimizerInBackward'),
  activationOffload: field<boolean>('activationOffload'),
  chunkedCrossEntropy: field<boolean>('chunkedCrossEntropy'),
  compile: field<boolean>('compile'),
  kvCacheFormat: field<KvCacheFormat>('kvCacheFormat'),
  promptTokens: field<number>('promptTokens'),
  outputTokens: field<number>('outputTokens'),
  gpuCount: field<number>('gpuCount'),
  zeroStage: field<number>('zeroStage'),
  tensorParallel: field<number>('tensorParallel'),
  pipelineParallel: field<number>('pipelineParallel'),
  offload: field<Scenario['offload']>('offload'),
  gradAccumulation: field<number>('gradAccumulation'),
  contextParallel: field<number>('contextParallel'),
  sequenceParallel: field<boolean>('sequenceParallel'),
  pipelineSchedule: field<PipelineSchedule>('pipelineSchedule'),
  virtualStages: field<number>('virtualStages'),
  selectiveCheckpointing: field<SelectiveCheckpointing>('selectiveCheckpointing'),
  checkpointEveryLayers: field<number>('checkpointEveryLayers'),
  gpusPerNode: optional(nullable(checkFor(fieldSpec('gpusPerNode')) as Check<number>)),
  intraNodeLink: field<IntraNodeLink>('intraNodeLink'),
  interNodeGbps: optional(nullable(checkFor(fieldSpec('interNodeGbps')) as Check<number>)),
  boardVariant: field<BoardVariant>('boardVariant'),
  trainTokens: field<number>('trainTokens'),
  mfu: field<number>('mfu'),
  hourlyUsd: field<number>('hourlyUsd'),
  electricityUsdPerKWh: field<number>('electricityUsdPerKWh'),
  amortisationYears: field<number>('amortisationYears'),
  busyHoursPerWeek: field<number>('busyHoursPerWeek'),
}, 'The scenario must be a JSON object');

/** Keys the scenario understands; others are ignored with a note. */
const KNOWN_KEYS = new Set([...Object.keys(scenarioInput.shape), 'model', 'gpu']);

/** Where the card comes from: an id to look up, a reader's custom card, or none given. */
export type GpuRef = { kind: 'id'; id: string } | { kind: 'custom'; spec: GpuSpec } | { kind: 'none' };

/**
 * A parsed scenario with the defaults it chose (by field key), or every problem found, each with its field.
 * `error` repeats the first problem's message as one line, for the CLI and for build-time errors.
 */
export type ParseResult =
  | { ok: true; scenario: Scenario; gpu: GpuRef; defaults: Partial<Record<FieldKey, unknown>> }
  | { ok: false; errors: Issue[]; error: string };

/** A failed parse from its issues. */
const rejected = (errors: Issue[]): ParseResult => ({ ok: false, errors, error: errors[0]?.message ?? 'invalid scenario' });
/** A failed parse with one issue. */
const reject = (field: string, code: Issue['code'], message: string): ParseResult => rejected([{ field, code, message }]);

/** Parses a weights format name, GGUF type, or bits per weight. */
function parseWeightsFormat(v: string | number): WeightsFormat | Issue {
  if (typeof v === 'number') return { kind: 'bits', bitsPerWeight: v, label: `${v} bits per weight` };
  const lower = v.toLowerCase();
  const key = lower.replace(/-/g, '_');
  if (isOneOf(WEIGHTS_FORMATS, lower)) return { kind: 'named', name: lower };
  if (key === 'gptq' || key === 'awq') return { kind: 'named', name: 'int4' };
  if (key === 'fp8_e4m3' || key === 'e4m3') return { kind: 'named', name: 'fp8' };
  const bits = GGUF_BITS[key];
  if (bits !== undefined) return { kind: 'bits', bitsPerWeight: bits, label: `GGUF ${v.toUpperCase()} (${bits} bits per weight)` };
  return { field: 'weightsFormat', code: 'enum', message: `Weights format must be one of ${WEIGHTS_FORMATS.join(', ')}, a GGUF type such as q4_0 or q4_k_m, or a number of bits per weight` };
}

/** Bits per weight of a weights format. */
export function formatBits(w: WeightsFormat): number {
  return w.kind === 'bits' ? w.bitsPerWeight : DTYPE_BYTES[w.name] * 8;
}

/**
 * The serving engine a weights format implies when none is given: GGUF files and FP16/FP32 weights run in llama.cpp,
 * PyTorch formats (BF16, FP8, INT8, NF4, GPTQ/AWQ INT4) in vLLM. The default is recorded in the scenario's assumptions.
 * @example defaultEngine({ kind: 'named', name: 'bf16' }) //=> "vllm"
 */
export function defaultEngine(w: WeightsFormat): Engine {
  return w.kind === 'bits' || w.name === 'fp16' || w.name === 'fp32' ? 'llama.cpp' : 'vllm';
}

/** The scenario issue code of a config.json problem. */
const CONFIG_CODE: Record<ConfigIssue['code'], Issue['code']> = { 'not-object': 'type', unsupported: 'enum', missing: 'required', invalid: 'range' };

/** Resolves the model field: a preset id, a Hugging Face config.json object (it has model_type) or an architecture object. */
function parseModel(v: unknown, notes: string[]): ModelArch | Issue[] {
  const one = (code: Issue['code'], message: string, f = 'model'): Issue[] => [{ field: f, code, message }];
  if (isHfConfig(v)) {
    const r = parseHfConfig(v);
    if (!r.ok) return r.errors.map((e) => ({ field: `model.${e.field}`, code: CONFIG_CODE[e.code], message: e.message }));
    notes.push(...r.notes);
    return r.model;
  }
  if (typeof v === 'string') {
    return findModel(v) ?? one('enum', `Model "${v.slice(0, 60)}" is not a preset (such as ${MODEL_PRESETS.slice(0, 3).map((m) => m.id).join(', ')}): pick one from the list, or give an architecture object`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return one('type', 'Model must be a preset id (e.g. "llama-2-7b") or an architecture object with layers, hiddenSize, heads, kvHeads, intermediateSize, vocabSize');
  const r = modelArchInput(v);
  if (!r.ok) return r.issues;
  const a = r.value;
  const kv = a.kvHeads ?? a.heads;
  if (kv > a.heads || a.heads % kv !== 0) return one('conflict', `model.kvHeads (${kv}) must divide model.heads (${a.heads})`, 'model.kvHeads');
  const experts = a.experts ?? 1;
  if ((a.expertsPerToken ?? 1) > experts) return one('conflict', `model.expertsPerToken (${a.expertsPerToken}) must be at most model.experts (${experts})`, 'model.expertsPerToken');
  const input: Parameters<typeof defineModel>[0] = { layers: a.layers, hiddenSize: a.hiddenSize, heads: a.heads, kvHeads: kv, intermediateSize: a.intermediateSize, vocabSize: a.vocabSize, name: a.name ?? 'Custom model' };
  if (a.headDim !== undefined) input.headDim = a.headDim;
  if (a.tiedEmbeddings !== undefined) input.tiedEmbeddings = a.tiedEmbeddings;
  if (a.ffnKind !== undefined) input.ffnKind = a.ffnKind;
  if (a.experts !== undefined) input.experts = a.experts;
  if (a.expertsPerToken !== undefined) input.expertsPerToken = a.expertsPerToken;
  if (a.sharedExperts !== undefined) input.sharedExperts = a.sharedExperts;
  if (a.moeIntermediateSize !== undefined) input.moeIntermediateSize = a.moeIntermediateSize;
  if (a.denseLayers !== undefined) input.denseLayers = a.denseLayers;
  if (a.slidingWindow !== undefined) input.slidingWindow = a.slidingWindow;
  if (a.slidingWindowLayerFraction !== undefined) input.slidingWindowLayerFraction = a.slidingWindowLayerFraction;
  return defineModel(input);
}

/** Builds a GpuSpec from a custom card; the columns it lacks are derived and noted. */
function parseGpu(v: unknown, notes: string[]): GpuRef | Issue[] {
  if (v === undefined || v === null) return { kind: 'none' };
  if (typeof v === 'string') return v.trim() ? { kind: 'id', id: v.trim() } : [{ field: 'gpu', code: 'required', message: 'Card must be a card id or a custom card object' }];
  if (typeof v !== 'object' || Array.isArray(v)) return [{ field: 'gpu', code: 'type', message: 'Card must be a card id (e.g. "rtx-4090") or a custom card {memoryGb, bandwidthGBs, tensorTflops}' }];
  const r = customGpu(v);
  if (!r.ok) return r.issues;
  const c = r.value;
  const memoryGB = c.memoryGb ?? c.memoryGB;
  if (memoryGB === undefined) return [{ field: 'gpu.memoryGb', code: 'required', message: 'gpu.memoryGb must be a number above 0 and at most 100,000' }];
  const fp32 = c.fp32Tflops ?? c.tensorTflops / 4;
  if (c.fp32Tflops === undefined) notes.push('custom card: FP32 (non-tensor) rate taken as a quarter of tensorTflops');
  if (c.boardPowerW === undefined) notes.push('custom card: board power taken as 300 W');
  const spec: GpuSpec = {
    id: 'custom',
    name: c.name ?? 'Custom card',
    memoryGB,
    memoryBandwidthGBs: c.bandwidthGBs,
    fp32Tflops: fp32,
    fp16Tflops: fp32,
    tensorFp16Fp16AccTflops: c.tensorTflops,
    tensorFp16Fp32AccTflops: c.tensorTflops,
    bf16Tflops: c.tensorTflops,
    tf32Tflops: c.tensorTflops / 2,
    int8Tops: c.fp8Tflops ?? c.tensorTflops * 2,
    fp8Tflops: c.fp8Tflops ?? null,
    fp4Tflops: null,
    boardPowerW: c.boardPowerW ?? 300,
    launchPriceUsd: c.priceUsd ?? null,
    pcieGen: c.pcieGen ?? 4,
    pcieLanes: 16,
    nvlink: c.nvlinkGBs ? { bandwidthGBs: c.nvlinkGBs, convention: 'bidirectional', maxCards: 8 } : null,
    formFactor: 'pcie',
  };
  return { kind: 'custom', spec };
}

/**
 * Validates raw scenario JSON and fills every default, recording each in `assumptions` (in words) and `defaults` (by field).
 * @example parseScenario({ model: 'llama-2-7b', workload: 'inference', seqLen: 0 }).errors //=> [{ field: 'seqLen', code: 'range', message: 'Sequence length must be a whole number from 1 to 1,048,576' }]
 */
export function parseScenario(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return reject('', 'type', 'The scenario must be a JSON object');
  const obj = raw as Record<string, unknown>;
  const notes: string[] = [];
  const defaults: Partial<Record<FieldKey, unknown>> = {};
  for (const key of Object.keys(obj)) if (!KNOWN_KEYS.has(key)) notes.push(`ignored unknown field "${key}"`);
  const issues: Issue[] = [];
  const model = 'model' in obj ? parseModel(obj['model'], notes) : [{ field: 'model', code: 'required' as const, message: 'Model is required: a preset id such as "llama-2-7b" or an architecture object' }];
  if (Array.isArray(model)) issues.push(...model);
  const parsed = scenarioInput(obj);
  if (!parsed.ok) issues.push(...parsed.issues);
  const gpu = parseGpu(obj['gpu'], notes);
  if (Array.isArray(gpu)) issues.push(...gpu);
  if (Array.isArray(model) || !parsed.ok || Array.isArray(gpu)) return rejected(issues);
  const i = parsed.value;

  const noted = <T>(key: FieldKey, value: T | undefined, fallback: T, words: string): T => {
    if (value !== undefined) return value;
    notes.push(words);
    defaults[key] = fallback;
    return fallback;
  };
  const workload: Workload = noted('workload', i.workload, 'inference', 'workload not given: inference');
  const training = workload !== 'inference';
  const full = workload === 'pretrain' || workload === 'full-finetune';
  const trainingPrecision: TrainingPrecision = training ? noted('trainingPrecision', i.trainingPrecision, 'bf16-mixed', 'trainingPrecision: bf16 mixed precision with an fp32 master copy (ZeRO accounting, 16 bytes per parameter with AdamW)') : (i.trainingPrecision ?? 'bf16-mixed');

  let weightsFormat: WeightsFormat;
  const rawFormat = i.bitsPerWeight ?? i.weightsFormat;
  if (rawFormat !== undefined) {
    const f = parseWeightsFormat(rawFormat);
    if ('field' in f) return rejected([f]);
    weightsFormat = f;
  } else {
    weightsFormat = { kind: 'named', name: workload === 'qlora' ? 'nf4' : full ? PRECISION_DTYPE[trainingPrecision] : 'bf16' };
    noted('weightsFormat', undefined, weightsFormat.name, workload === 'qlora' ? 'weightsFormat: nf4 for QLoRA (Dettmers et al. 2023)' : full ? `weightsFormat: ${weightsFormat.name}, the training precision's parameter dtype` : 'weightsFormat: bf16');
  }
  const bits = formatBits(weightsFormat);
  const conflicts: Issue[] = [];
  if (full) {
    if (bits < 16) conflicts.push({ field: 'weightsFormat', code: 'conflict', message: `${fieldLabel('workload')} ${workload} trains every weight, so the weights format must be fp32, fp16 or bf16 (use lora or qlora for quantized weights)` });
    else if (trainingPrecision === 'fp32' && bits !== 32) conflicts.push({ field: 'weightsFormat', code: 'conflict', message: 'FP32 training needs FP32 weights' });
    else if (trainingPrecision === 'bf16' && !(weightsFormat.kind === 'named' && weightsFormat.name === 'bf16')) conflicts.push({ field: 'weightsFormat', code: 'conflict', message: 'Pure BF16 training needs BF16 weights' });
  }
  if (workload === 'qlora' && bits > 8) conflicts.push({ field: 'weightsFormat', code: 'conflict', message: 'QLoRA trains adapters on quantized weights: the weights format must be nf4, int4, int8 or at most 8 bits per weight' });

  const seqLen = noted('seqLen', i.seqLen, training ? 2048 : 512, training ? 'seqLen: 2,048 tokens' : 'seqLen: 512 tokens');
  const tensorParallel = i.tensorParallel ?? 1;
  const pipelineParallel = i.pipelineParallel ?? 1;
  const contextParallel = i.contextParallel ?? 1;
  const modelParallel = tensorParallel * pipelineParallel * contextParallel;
  const gpuCount = i.gpuCount ?? modelParallel;
  if (gpuCount % modelParallel !== 0) conflicts.push({ field: 'gpuCount', code: 'conflict', message: `Number of cards (${fmt(gpuCount)}) must be a multiple of tensor-parallel x pipeline-parallel${contextParallel > 1 ? ' x context-parallel' : ''} degree (${fmt(modelParallel)}): try ${fmt(Math.ceil(gpuCount / modelParallel) * modelParallel)}` });
  if (contextParallel > 1 && seqLen % contextParallel !== 0) conflicts.push({ field: 'contextParallel', code: 'conflict', message: `Context-parallel degree (${contextParallel}) must divide the sequence length (${fmt(seqLen)})` });
  if (model.heads % tensorParallel !== 0) conflicts.push({ field: 'tensorParallel', code: 'conflict', message: `Tensor-parallel degree (${tensorParallel}) must divide the model's ${model.heads} attention heads` });
  if (pipelineParallel > model.layers) conflicts.push({ field: 'pipelineParallel', code: 'conflict', message: `Pipeline-parallel degree (${pipelineParallel}) must be at most the model's ${model.layers} layers` });
  const trainableTopLayers = i.trainableTopLayers ?? null;
  if (trainableTopLayers !== null && workload !== 'full-finetune') conflicts.push({ field: 'trainableTopLayers', code: 'conflict', message: `${fieldLabel('trainableTopLayers')} applies to full-finetune only (LoRA and QLoRA already freeze the base)` });
  else if (trainableTopLayers !== null && trainableTopLayers > model.layers) conflicts.push({ field: 'trainableTopLayers', code: 'conflict', message: `${fieldLabel('trainableTopLayers')} (${trainableTopLayers}) must be at most the model's ${model.layers} layers` });
  if (conflicts.length > 0) return rejected(conflicts);
  const zeroStage = (i.zeroStage ?? 0) as ZeroStage;
  const offload = i.offload ?? 'none';
  const adapters = workload === 'lora' || workload === 'qlora';

  const loraRank = adapters ? noted('lora.rank', i.lora?.rank, 16, 'lora.rank: 16') : (i.lora?.rank ?? 16);
  const loraTargets: LoraTarget[] = adapters && i.lora?.targets === undefined ? [...LORA_TARGETS] : (i.lora?.targets ?? [...LORA_TARGETS]);
  if (adapters && i.lora?.targets === undefined) notes.push('lora.targets: every linear layer (q k v o gate up down), as QLoRA §4 recommends');

  const defaultKv: KvCacheFormat = weightsFormat.kind === 'named' && (weightsFormat.name === 'fp32' || weightsFormat.name === 'bf16') ? weightsFormat.name : weightsFormat.kind === 'named' && weightsFormat.name === 'fp8' ? 'bf16' : 'fp16';
  const batchSize = noted('batchSize', i.batchSize, 1, 'batchSize: 1');
  const promptTokens = workload === 'inference' ? noted('promptTokens', i.promptTokens, seqLen, `promptTokens: ${fmt(seqLen)} (seqLen)`) : (i.promptTokens ?? seqLen);
  const outputTokens = workload === 'inference' ? noted('outputTokens', i.outputTokens, 128, 'outputTokens: 128') : (i.outputTokens ?? 128);
  const dp = Math.max(1, Math.floor(gpuCount / modelParallel));
  const gradAccumulation = i.gradAccumulation ?? 1;
  const defaultTokens = workload === 'pretrain' ? Math.round(20 * countParams(model).totalParams) : batchSize * seqLen * dp * gradAccumulation * 1000;
  const trainTokens = training
    ? noted('trainTokens', i.trainTokens, defaultTokens, workload === 'pretrain' ? 'trainTokens: 20 per parameter (Hoffmann et al. 2022, Chinchilla, §3)' : 'trainTokens: 1,000 optimizer steps of batchSize x seqLen per replica')
    : (i.trainTokens ?? defaultTokens);
  const engine: Engine = workload === 'inference'
    ? noted('engine', i.engine, defaultEngine(weightsFormat), `engine: ${defaultEngine(weightsFormat)} (implied by the ${weightsFormat.kind === 'named' ? weightsFormat.name : 'GGUF'} weights format)`)
    : (i.engine ?? defaultEngine(weightsFormat));

  // A training run's framework supplies the defaults its recipes use (frameworks.ts); each is recorded and can be overridden.
  const framework: Framework = training ? noted('framework', i.framework, 'transformers', 'framework: Hugging Face Transformers + PEFT') : (i.framework ?? 'transformers');
  const fw = FRAMEWORK_PROFILES[framework].defaults;
  const fwName = FRAMEWORK_PROFILES[framework].label;
  const adapterDefault = <T>(key: FieldKey, value: T | undefined, fallback: T, words: string): T => (workload === 'qlora' ? noted(key, value, fallback, words) : (value ?? fallback));

  const scenario: Scenario = {
    model,
    workload,
    weightsFormat,
    engine,
    framework,
    trainingPrecision,
    optimizer: training ? noted('optimizer', i.optimizer, 'adamw', 'optimizer: AdamW') : (i.optimizer ?? 'adamw'),
    batchSize,
    seqLen,
    gradientCheckpointing: training ? noted('gradientCheckpointing', i.gradientCheckpointing, fw.gradientCheckpointing(workload), `gradientCheckpointing: ${fw.gradientCheckpointing(workload) ? 'on' : 'off'} (${fwName} default)`) : false,
    trainableTopLayers,
    flashAttention: noted('flashAttention', i.flashAttention, true, 'flashAttention: on (PyTorch SDPA picks a fused kernel by default)'),
    lora: { rank: loraRank, targets: loraTargets },
    doubleQuant: adapterDefault('doubleQuant', i.doubleQuant, workload === 'qlora' && fw.doubleQuant, `doubleQuant: ${fw.doubleQuant ? 'on' : 'off'} (${fwName} QLoRA default)`),
    pagedOptimizer: adapterDefault('pagedOptimizer', i.pagedOptimizer, workload === 'qlora' && fw.pagedOptimizer, `pagedOptimizer: ${fw.pagedOptimizer ? 'on' : 'off'} (${fwName} QLoRA default)`),
    optimizerInBackward: i.optimizerInBackward ?? false,
    activationOffload: i.activationOffload ?? false,
    compile: training ? noted('compile', i.compile, fw.compile, `compile: ${fw.compile ? 'on' : 'off'} (${fwName} default)`) : (i.compile ?? false),
    chunkedCrossEntropy: training ? noted('chunkedCrossEntropy', i.chunkedCrossEntropy, fw.chunkedCrossEntropy, `chunkedCrossEntropy: ${fw.chunkedCrossEntropy ? 'on' : 'off'} (${fwName} default)`) : (i.chunkedCrossEntropy ?? false),
    kvCacheFormat: workload === 'inference' ? noted('kvCacheFormat', i.kvCacheFormat, defaultKv, `kvCacheFormat: ${defaultKv}`) : (i.kvCacheFormat ?? defaultKv),
    promptTokens,
    outputTokens,
    gpuCount,
    zeroStage,
    tensorParallel,
    pipelineParallel,
    offload,
    trainTokens,
    mfu: i.mfu ?? null,
    hourlyUsd: i.hourlyUsd ?? null,
    electricityUsdPerKWh: i.electricityUsdPerKWh ?? DEFAULT_ELECTRICITY_USD_PER_KWH,
    amortisationYears: i.amortisationYears ?? DEFAULT_AMORTISATION_YEARS,
    busyHoursPerWeek: i.busyHoursPerWeek ?? 168,
    gpusPerNode: i.gpusPerNode ?? null,
    intraNodeLink: i.intraNodeLink ?? 'auto',
    interNodeGbps: i.interNodeGbps ?? null,
    gradAccumulation,
    pipelineSchedule: i.pipelineSchedule ?? '1f1b',
    virtualStages: i.virtualStages ?? (i.pipelineSchedule === 'interleaved' ? 2 : 1),
    selectiveCheckpointing: i.selectiveCheckpointing ?? 'off',
    checkpointEveryLayers: i.checkpointEveryLayers ?? 2,
    contextParallel,
    sequenceParallel: i.sequenceParallel ?? false,
    boardVariant: i.boardVariant ?? 'stock',
    assumptions: notes,
  };
  return { ok: true, scenario, gpu, defaults };
}


/** Loose key for card ids: "RTX 4090" and "rtx-4090" compare equal. */
const cardKey = (s: string): string => s.toLowerCase().replace(/geforce|nvidia/g, '').replace(/[^a-z0-9]/g, '');

/**
 * Finds a card by id (or a loose spelling of its id or name) in a list of cards.
 * @example findGpu('RTX 4090', cards)?.id //=> "rtx-4090"
 */
export function findGpu<T extends { id: string; name: string }>(id: string, cards: readonly T[]): T | null {
  const exact = cards.find((c) => c.id === id);
  if (exact) return exact;
  const key = cardKey(id);
  return cards.find((c) => cardKey(c.id) === key) ?? cards.find((c) => cardKey(c.name) === key) ?? null;
}
