/**
 * Validation of a scenario (the CLI's JSON and the calculators' state) into a complete Scenario. Every problem comes back as
 * `{ field, code, message }` (all of them, not the first), and every default it fills is recorded in words and by field.
 */
import { bool, either, list, nullable, object, oneOf, optional, real, text, whole, type Check, type Issue } from './check.ts';
import { DEFAULT_AMORTISATION_YEARS, DEFAULT_ELECTRICITY_USD_PER_KWH } from '../estimator/cost.ts';
import { FIELDS, fieldLabel, fieldSpec, type FieldKey, type FieldSpec } from './fields.ts';
import { FRAMEWORK_PROFILES } from '../estimator/frameworks.ts';
import { countParams } from './models.ts';
import { defaultEngine, formatBits, parseGpu, parseModel, parseWeightsFormat, type GpuRef } from './scenario-refs.ts';
import type { Scenario, WeightsFormat } from '../types.ts';
import {
  LORA_TARGETS, PRECISION_DTYPE, type Engine, type Framework, type KvCacheFormat, type LoraTarget,
  type TrainingPrecision, type Workload, type ZeroStage,
} from './vocabulary.ts';

export { WEIGHTS_FORMATS, WORKLOADS } from './vocabulary.ts';
export type { Issue } from './check.ts';

const fmt = (n: number): string => n.toLocaleString('en-US');

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

/** A field's value as the scenario holds it (a dotted key names a field inside an object), less the null some fields allow. */
type FieldValue<K extends FieldKey> = K extends `${infer Outer}.${infer Inner}`
  ? Outer extends keyof Scenario ? Inner extends keyof Scenario[Outer] ? Scenario[Outer][Inner] : never : never
  : K extends keyof Scenario ? Exclude<Scenario[K], null> : never;

/** The validator of a manifest field, yielding the scenario's type for that field. */
const fieldCheck = <K extends FieldKey>(key: K): Check<FieldValue<K>> => checkFor(fieldSpec(key)) as Check<FieldValue<K>>;

/** Optional validators of manifest fields, by key. */
type FieldChecks<K extends FieldKey> = { [P in K]: Check<FieldValue<P> | undefined> };

/**
 * Checks of the scenario fields that do not follow their manifest entry, keyed by the manifest field whose place they take
 * (the places set the order of the issues). Every other manifest field is checked as its entry describes it.
 */
const OWN_ROWS = {
  // Resolved by hand in parseScenario, for messages that name the presets and cards.
  model: {},
  // The manifest lists the named formats a form offers; the scenario also takes a GGUF type (q4_k_m) or a number of bits,
  // also under the older key bitsPerWeight.
  weightsFormat: {
    weightsFormat: optional(either(text('weightsFormat', 40), real('weightsFormat', 1, 32), 'weightsFormat', 'Weights format must be a format name or a number of bits from 1 to 32')),
    bitsPerWeight: optional(real('weightsFormat', 1, 32)),
  },
  // null trains every block.
  trainableTopLayers: { trainableTopLayers: optional(nullable(fieldCheck('trainableTopLayers'))) },
  // The rank sits in the lora object, beside the list of target modules, which the manifest does not describe.
  'lora.rank': {
    lora: optional(object('lora.rank', {
      rank: optional(fieldCheck('lora.rank')),
      targets: optional(list('lora.targets', oneOf('lora.targets', LORA_TARGETS), `LoRA targets must be a list drawn from ${LORA_TARGETS.join(', ')}`, 1, 'LoRA targets must name at least one module')),
    }, 'LoRA settings must be an object like {"rank": 16, "targets": ["q", "v"]}')),
  },
  // null leaves the node size to the card.
  gpusPerNode: { gpusPerNode: optional(nullable(fieldCheck('gpusPerNode'))) },
  // null takes the card's own network.
  interNodeGbps: { interNodeGbps: optional(nullable(fieldCheck('interNodeGbps'))) },
  // Resolved by hand in parseScenario, like model.
  gpu: {},
} satisfies { [K in FieldKey]?: Record<string, Check<unknown>> };

type OwnRows = typeof OWN_ROWS;
/** One object type holding every member of a union of object types. */
type Merged<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The checks of every scenario field: the manifest's for most, OWN_ROWS for the rest. */
type ScenarioShape = FieldChecks<Exclude<FieldKey, keyof OwnRows>> & Merged<OwnRows[keyof OwnRows]>;

/** The scenario's checks in manifest order, each manifest field checked by its OWN_ROWS entry or else as the manifest describes it. */
function scenarioShape(): ScenarioShape {
  const own: Partial<Record<FieldKey, Record<string, Check<unknown>>>> = OWN_ROWS;
  const rows = FIELDS.flatMap(({ key }) => Object.entries(own[key] ?? { [key]: optional(fieldCheck(key)) }));
  return Object.fromEntries(rows) as ScenarioShape;
}

/** Checks the scenario fields other than model and gpu (those two are resolved by hand for clearer messages). */
const scenarioInput = object('', scenarioShape(), 'The scenario must be a JSON object');

/** Keys the scenario understands; others are ignored with a note. */
const KNOWN_KEYS = new Set([...Object.keys(scenarioInput.shape), 'model', 'gpu']);

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
  const zeroStage: ZeroStage = i.zeroStage ?? 0;
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
    // Only the multi-card step model times attention on its own, so only there is the kernel a stated assumption.
    attentionKernel: training && gpuCount > 1 && (i.flashAttention ?? true) ? noted('attentionKernel', i.attentionKernel, 'sdpa', 'attentionKernel: PyTorch SDPA, whose flash backend is FlashAttention-2') : (i.attentionKernel ?? 'sdpa'),
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
