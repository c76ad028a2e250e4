/**
 * Validation of a scenario (the CLI's JSON and the calculators' state) into a complete Scenario, with readable messages
 * ("seqLen must be a whole number from 1 to 1,048,576") and every default it fills recorded in words.
 */
import { bool, either, list, nullable, object, oneOf, optional, real, text, whole } from './check.ts';
import { countParams, defineModel, findModel, MODEL_PRESETS } from './models.ts';
import { DEFAULT_AMORTISATION_YEARS, DEFAULT_ELECTRICITY_USD_PER_KWH } from './cost.ts';
import type { GpuSpec, KvCacheFormat, LoraTarget, ModelArch, Scenario, TrainingPrecision, WeightsFormat, WeightsFormatName, Workload } from './types.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Workloads the CLI accepts. */
export const WORKLOADS = ['inference', 'pretrain', 'full-finetune', 'lora', 'qlora'] as const;
/** Named weight formats the CLI accepts. */
export const WEIGHTS_FORMATS = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'nf4', 'int4'] as const;
/** LoRA targets the CLI accepts. */
const LORA_TARGETS = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'] as const;
/** llama.cpp quantization types and their bits per weight over a whole Llama 7B file (ggml-common.h blocks; K-quant mixes from file sizes). */
const GGUF_BITS: Record<string, number> = {
  q2_k: 3.35, q3_k_s: 3.5, q3_k_m: 3.91, q3_k_l: 4.27, q4_0: 4.5, q4_1: 5.0, q4_k_s: 4.58, q4_k_m: 4.84, q5_0: 5.5, q5_1: 6.0,
  q5_k_s: 5.54, q5_k_m: 5.67, q6_k: 6.56, q8_0: 8.5, f16: 16, bf16: 16, f32: 32,
};

/** Checks a custom architecture. */
const modelArchInput = object({
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
}, 'model must be an architecture object');

/** Checks a custom card. */
const customGpu = object({
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
}, 'gpu must be a card id or a custom card object');

/** Checks the scenario fields other than model and gpu (those two are resolved by hand for clearer messages). */
const scenarioInput = object({
  workload: optional(oneOf('workload', WORKLOADS)),
  weightsFormat: optional(either(text('weightsFormat', 40), real('weightsFormat (bits per weight)', 1, 32), 'weightsFormat must be a format name or a number of bits from 1 to 32')),
  bitsPerWeight: optional(real('bitsPerWeight', 1, 32)),
  trainingPrecision: optional(oneOf('trainingPrecision', ['fp32', 'fp16-mixed', 'bf16-mixed', 'bf16'] as const)),
  optimizer: optional(oneOf('optimizer', ['adamw', 'adamw-8bit', 'sgd', 'adafactor'] as const)),
  batchSize: optional(whole('batchSize', 1, 65_536)),
  seqLen: optional(whole('seqLen', 1, 1_048_576)),
  gradientCheckpointing: optional(bool('gradientCheckpointing')),
  flashAttention: optional(bool('flashAttention')),
  lora: optional(object({
    rank: optional(whole('lora.rank', 1, 4096)),
    targets: optional(list(oneOf('each lora target', LORA_TARGETS), `lora.targets must be a list drawn from ${LORA_TARGETS.join(', ')}`, 1, 'lora.targets must name at least one module')),
  }, 'lora must be an object like {"rank": 16, "targets": ["q", "v"]}')),
  doubleQuant: optional(bool('doubleQuant')),
  pagedOptimizer: optional(bool('pagedOptimizer')),
  optimizerInBackward: optional(bool('optimizerInBackward')),
  activationOffload: optional(bool('activationOffload')),
  chunkedCrossEntropy: optional(bool('chunkedCrossEntropy')),
  kvCacheFormat: optional(oneOf('kvCacheFormat', ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'] as const)),
  promptTokens: optional(whole('promptTokens', 1, 1_048_576)),
  outputTokens: optional(whole('outputTokens', 0, 1_048_576)),
  gpuCount: optional(whole('gpuCount', 1, 65_536)),
  zeroStage: optional(whole('zeroStage', 0, 3)),
  tensorParallel: optional(whole('tensorParallel', 1, 1024)),
  pipelineParallel: optional(whole('pipelineParallel', 1, 1024)),
  offload: optional(oneOf('offload', ['none', 'optimizer', 'optimizer+params'] as const)),
  trainTokens: optional(real('trainTokens', 1, 1e16)),
  mfu: optional(real('mfu', 0, 1, true)),
  hourlyUsd: optional(real('hourlyUsd', 0, 100_000)),
  electricityUsdPerKWh: optional(real('electricityUsdPerKWh', 0, 100)),
  amortisationYears: optional(real('amortisationYears', 0.01, 100)),
}, 'the scenario must be a JSON object');

/** Keys the scenario understands; others are ignored with a note. */
const KNOWN_KEYS = new Set([...Object.keys(scenarioInput.shape), 'model', 'gpu']);

/** Where the card comes from: an id to look up, a reader's custom card, or none given. */
export type GpuRef = { kind: 'id'; id: string } | { kind: 'custom'; spec: GpuSpec } | { kind: 'none' };

/** A parsed scenario, or the one-line reason it was rejected. */
export type ParseResult = { ok: true; scenario: Scenario; gpu: GpuRef } | { ok: false; error: string };

/** Parses a weights format name, GGUF type, or bits per weight. */
function parseWeightsFormat(v: string | number): WeightsFormat | string {
  if (typeof v === 'number') return { kind: 'bits', bitsPerWeight: v, label: `${v} bits per weight` };
  const key = v.toLowerCase().replace(/-/g, '_');
  if ((WEIGHTS_FORMATS as readonly string[]).includes(v.toLowerCase())) return { kind: 'named', name: v.toLowerCase() as WeightsFormatName };
  if (key === 'gptq' || key === 'awq') return { kind: 'named', name: 'int4' };
  if (key === 'fp8_e4m3' || key === 'e4m3') return { kind: 'named', name: 'fp8' };
  const bits = GGUF_BITS[key];
  if (bits !== undefined) return { kind: 'bits', bitsPerWeight: bits, label: `GGUF ${v.toUpperCase()} (${bits} bits per weight)` };
  return `weightsFormat must be one of ${WEIGHTS_FORMATS.join(', ')}, a GGUF type such as q4_0 or q4_k_m, or a number of bits per weight`;
}

/** Resolves the model field: a preset id or an architecture object. */
function parseModel(v: unknown): ModelArch | string {
  if (typeof v === 'string') {
    return findModel(v) ?? `model "${v}" is not a preset; use one of ${MODEL_PRESETS.map((m) => m.id).join(', ')}, or an architecture object`;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'model must be a preset id (e.g. "llama-2-7b") or an architecture object with layers, hiddenSize, heads, kvHeads, intermediateSize, vocabSize';
  const r = modelArchInput(v);
  if (!r.ok) return r.error;
  const a = r.value;
  const kv = a.kvHeads ?? a.heads;
  if (kv > a.heads || a.heads % kv !== 0) return `model.kvHeads (${kv}) must divide model.heads (${a.heads})`;
  const experts = a.experts ?? 1;
  if ((a.expertsPerToken ?? 1) > experts) return `model.expertsPerToken (${a.expertsPerToken}) must be at most model.experts (${experts})`;
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
function parseGpu(v: unknown, notes: string[]): GpuRef | string {
  if (v === undefined || v === null) return { kind: 'none' };
  if (typeof v === 'string') return v.trim() ? { kind: 'id', id: v.trim() } : 'gpu must be a card id or a custom card object';
  if (typeof v !== 'object' || Array.isArray(v)) return 'gpu must be a card id (e.g. "rtx-4090") or a custom card {memoryGb, bandwidthGBs, tensorTflops}';
  const r = customGpu(v);
  if (!r.ok) return r.error;
  const c = r.value;
  const memoryGB = c.memoryGb ?? c.memoryGB;
  if (memoryGB === undefined) return 'gpu.memoryGb must be a number above 0 and at most 100,000';
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
 * Validates raw scenario JSON and fills every default, recording each in `assumptions`.
 * @example parseScenario({ model: 'llama-2-7b', workload: 'inference', seqLen: 0 }) //=> { ok: false, error: 'seqLen must be a whole number from 1 to 1,048,576' }
 */
export function parseScenario(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'the scenario must be a JSON object' };
  const obj = raw as Record<string, unknown>;
  const notes: string[] = [];
  for (const key of Object.keys(obj)) if (!KNOWN_KEYS.has(key)) notes.push(`ignored unknown field "${key}"`);
  if (!('model' in obj)) return { ok: false, error: 'model is required: a preset id such as "llama-2-7b" or an architecture object' };
  const model = parseModel(obj['model']);
  if (typeof model === 'string') return { ok: false, error: model };
  const parsed = scenarioInput(obj);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const gpu = parseGpu(obj['gpu'], notes);
  if (typeof gpu === 'string') return { ok: false, error: gpu };
  const i = parsed.value;

  const noted = <T>(value: T | undefined, fallback: T, words: string): T => {
    if (value !== undefined) return value;
    notes.push(words);
    return fallback;
  };
  const workload: Workload = noted(i.workload, 'inference', 'workload not given: inference');
  const training = workload !== 'inference';
  const full = workload === 'pretrain' || workload === 'full-finetune';
  const trainingPrecision: TrainingPrecision = training ? noted(i.trainingPrecision, 'bf16-mixed', 'trainingPrecision: bf16 mixed precision with an fp32 master copy (ZeRO accounting, 16 bytes per parameter with AdamW)') : (i.trainingPrecision ?? 'bf16-mixed');

  let weightsFormat: WeightsFormat;
  const rawFormat = i.bitsPerWeight ?? i.weightsFormat;
  if (rawFormat !== undefined) {
    const f = parseWeightsFormat(rawFormat);
    if (typeof f === 'string') return { ok: false, error: f };
    weightsFormat = f;
  } else if (workload === 'qlora') {
    weightsFormat = { kind: 'named', name: 'nf4' };
    notes.push('weightsFormat: nf4 for QLoRA (Dettmers et al. 2023)');
  } else if (full) {
    weightsFormat = { kind: 'named', name: trainingPrecision === 'fp32' ? 'fp32' : trainingPrecision === 'fp16-mixed' ? 'fp16' : 'bf16' };
    notes.push(`weightsFormat: ${weightsFormat.name}, the training precision's parameter dtype`);
  } else {
    weightsFormat = { kind: 'named', name: 'bf16' };
    notes.push('weightsFormat: bf16');
  }
  const bits = weightsFormat.kind === 'bits' ? weightsFormat.bitsPerWeight : { fp32: 32, fp16: 16, bf16: 16, fp8: 8, int8: 8, nf4: 4, int4: 4 }[weightsFormat.name];
  if (full) {
    if (bits < 16) return { ok: false, error: `${workload} trains every weight, so weightsFormat must be fp32, fp16 or bf16 (use lora or qlora for quantized weights)` };
    if (trainingPrecision === 'fp32' && bits !== 32) return { ok: false, error: 'trainingPrecision fp32 needs weightsFormat fp32' };
    if (trainingPrecision === 'bf16' && !(weightsFormat.kind === 'named' && weightsFormat.name === 'bf16')) return { ok: false, error: 'trainingPrecision bf16 (pure bf16) needs weightsFormat bf16' };
  }
  if (workload === 'qlora' && bits > 8) return { ok: false, error: 'qlora trains adapters on quantized weights: weightsFormat must be nf4, int4, int8 or at most 8 bits per weight' };

  const seqLen = noted(i.seqLen, training ? 2048 : 512, training ? 'seqLen: 2,048 tokens' : 'seqLen: 512 tokens');
  const tensorParallel = i.tensorParallel ?? 1;
  const pipelineParallel = i.pipelineParallel ?? 1;
  const gpuCount = i.gpuCount ?? tensorParallel * pipelineParallel;
  if (gpuCount % (tensorParallel * pipelineParallel) !== 0) return { ok: false, error: `gpuCount (${gpuCount}) must be a multiple of tensorParallel x pipelineParallel (${tensorParallel * pipelineParallel})` };
  if (model.heads % tensorParallel !== 0) return { ok: false, error: `tensorParallel (${tensorParallel}) must divide the model's ${model.heads} attention heads` };
  if (pipelineParallel > model.layers) return { ok: false, error: `pipelineParallel (${pipelineParallel}) must be at most the model's ${model.layers} layers` };
  const zeroStage = (i.zeroStage ?? 0) as 0 | 1 | 2 | 3;
  const offload = i.offload ?? 'none';

  const loraRank = workload === 'lora' || workload === 'qlora' ? noted(i.lora?.rank, 16, 'lora.rank: 16') : (i.lora?.rank ?? 16);
  const loraTargets: LoraTarget[] = workload === 'lora' || workload === 'qlora'
    ? noted(i.lora?.targets, [...LORA_TARGETS], 'lora.targets: every linear layer (q k v o gate up down), as QLoRA §4 recommends')
    : (i.lora?.targets ?? [...LORA_TARGETS]);

  const defaultKv: KvCacheFormat = weightsFormat.kind === 'named' && (weightsFormat.name === 'fp32' || weightsFormat.name === 'bf16') ? weightsFormat.name : weightsFormat.kind === 'named' && weightsFormat.name === 'fp8' ? 'bf16' : 'fp16';
  const batchSize = noted(i.batchSize, 1, 'batchSize: 1');
  const promptTokens = workload === 'inference' ? noted(i.promptTokens, seqLen, `promptTokens: ${fmt(seqLen)} (seqLen)`) : (i.promptTokens ?? seqLen);
  const outputTokens = workload === 'inference' ? noted(i.outputTokens, 128, 'outputTokens: 128') : (i.outputTokens ?? 128);
  const dp = Math.max(1, Math.floor(gpuCount / (tensorParallel * pipelineParallel)));
  const defaultTokens = workload === 'pretrain' ? Math.round(20 * countParams(model).totalParams) : batchSize * seqLen * dp * 1000;
  const trainTokens = training
    ? noted(i.trainTokens, defaultTokens, workload === 'pretrain' ? 'trainTokens: 20 per parameter (Hoffmann et al. 2022, Chinchilla, §3)' : 'trainTokens: 1,000 optimizer steps of batchSize x seqLen per replica')
    : (i.trainTokens ?? defaultTokens);

  const scenario: Scenario = {
    model,
    workload,
    weightsFormat,
    trainingPrecision,
    optimizer: training ? noted(i.optimizer, 'adamw', 'optimizer: AdamW') : (i.optimizer ?? 'adamw'),
    batchSize,
    seqLen,
    gradientCheckpointing: training ? noted(i.gradientCheckpointing, workload === 'qlora', workload === 'qlora' ? 'gradientCheckpointing: on (the QLoRA recipe)' : 'gradientCheckpointing: off') : false,
    flashAttention: noted(i.flashAttention, true, 'flashAttention: on (PyTorch SDPA picks a fused kernel by default)'),
    lora: { rank: loraRank, targets: loraTargets },
    doubleQuant: i.doubleQuant ?? workload === 'qlora',
    pagedOptimizer: i.pagedOptimizer ?? workload === 'qlora',
    optimizerInBackward: i.optimizerInBackward ?? false,
    activationOffload: i.activationOffload ?? false,
    chunkedCrossEntropy: i.chunkedCrossEntropy ?? false,
    kvCacheFormat: workload === 'inference' ? noted(i.kvCacheFormat, defaultKv, `kvCacheFormat: ${defaultKv}`) : (i.kvCacheFormat ?? defaultKv),
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
    assumptions: notes,
  };
  if (workload === 'qlora' && i.doubleQuant === undefined) notes.push('doubleQuant: on (the QLoRA recipe)');
  if (workload === 'qlora' && i.pagedOptimizer === undefined) notes.push('pagedOptimizer: on (the QLoRA recipe)');
  return { ok: true, scenario, gpu };
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
