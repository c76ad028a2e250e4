/**
 * Worked examples the chapters compute at build time, derived from model presets so prose cannot drift from the estimator.
 */
import { attentionWidths, countParams, effectiveContext, findModel } from './models.ts';
import { trainingFlopsPerToken, trainingPeak } from './compute.ts';
import { costUsd, DEFAULT_AMORTISATION_YEARS, ownedCostSplit, DEFAULT_ELECTRICITY_USD_PER_KWH, energyKWh, POWER_FRACTION } from './cost.ts';
import { cardsThatFit, cheapestGpus, minGpuCount } from './inverse.ts';
import { runsAsGiven } from './verdict.ts';
import { bytesPerValue } from './formats.ts';
import type { GpuPeaks } from './peaks.ts';
import type { GpuRecord } from './schema.ts';
import { matmulFlops, matmulRoofline, type MatmulShape } from './roofline.ts';
import { parseScenario } from './scenario.ts';
import type { ModelArch } from './types.ts';
import { tensorSize, type TensorSize } from './tensor.ts';
import { estimate, type EstimateGpu } from './estimate.ts';
import { trainingUtilisation } from './frameworks.ts';
import { ALLOCATOR_SLACK_STATIC, ALLOCATOR_SLACK_TRANSIENT, CUDA_CONTEXT_BYTES, kvCacheBytes, trainingActivations } from './memory.ts';
import type { Estimate, Scenario } from './types.ts';
import { GIB } from './units.ts';

/** A preset that the chapters rely on; a missing one is a build error, not a blank on the page. */
export function requirePreset(id: string): ModelArch {
  const model = findModel(id);
  if (!model) throw new Error(`model preset "${id}" is missing`);
  return model;
}

/** One named weight matrix of a layer. */
export interface NamedTensor {
  name: string;
  shape: number[];
  size: TensorSize;
}

/** The Tensors chapter's three examples: an embedding table, one layer's weights, a batch of activations. */
export const tensorExamples = (() => {
  const preset = requirePreset('llama-3.1-8b');
  const m = { name: preset.name, vocab: preset.vocabSize, hidden: preset.hiddenSize, layers: preset.layers, ffn: preset.intermediateSize };
  const kvDim = preset.kvHeads * preset.headDim;
  const mat = (name: string, shape: number[]): NamedTensor => ({ name, shape, size: tensorSize(shape, 'bf16') });
  const layerMatrices = [
    mat('Query projection W_q', [preset.heads * preset.headDim, m.hidden]),
    mat('Key projection W_k', [kvDim, m.hidden]),
    mat('Value projection W_v', [kvDim, m.hidden]),
    mat('Output projection W_o', [m.hidden, preset.heads * preset.headDim]),
    mat('Gate projection W_gate', [m.ffn, m.hidden]),
    mat('Up projection W_up', [m.ffn, m.hidden]),
    mat('Down projection W_down', [m.hidden, m.ffn]),
  ];
  const layerElements = layerMatrices.reduce((s, t) => s + t.size.elements, 0);
  const ffnElements = layerMatrices.slice(4).reduce((s, t) => s + t.size.elements, 0);
  const batch = 8;
  const seq = 2048;
  return {
    modelName: m.name,
    vocab: m.vocab,
    hidden: m.hidden,
    layers: m.layers,
    ffn: m.ffn,
    embedding: tensorSize([m.vocab, m.hidden], 'bf16'),
    layerMatrices,
    layerElements,
    layerBytes: layerMatrices.reduce((s, t) => s + t.size.bytes, 0),
    ffnShare: ffnElements / layerElements,
    batch,
    seq,
    activation: tensorSize([batch, seq, m.hidden], 'bf16'),
  };
})();

// ---------------------------------------------------------------------------------------------------------------------
// Why GPUs and FLOPS chapters
// ---------------------------------------------------------------------------------------------------------------------

/** A published parameter count for a model that is not a transformer-LM preset, with where it is stated. */
export interface PublishedModelSize {
  /** Display name. */
  name: string;
  /** Parameters as the authors state them. */
  params: number;
  /** What the count covers. */
  covers: string;
  /** Paper or repository and section. */
  source: string;
}

/** Image models the Why GPUs chapter mentions; the estimator's presets cannot derive these, so the published figures are quoted. */
export const PUBLISHED_MODEL_SIZES: Record<'dalle' | 'stableDiffusionUnet' | 'stableDiffusionTextEncoder', PublishedModelSize> = {
  dalle: { name: 'DALL·E', params: 12e9, covers: 'the autoregressive image-and-text transformer', source: 'Ramesh et al. 2021, "Zero-Shot Text-to-Image Generation", §1 and §2' },
  stableDiffusionUnet: { name: 'Stable Diffusion v1 UNet', params: 860e6, covers: 'the denoising UNet', source: 'CompVis/stable-diffusion README, "Stable Diffusion v1" (an 860M UNet and a 123M text encoder); Rombach et al. 2022, LDM' },
  stableDiffusionTextEncoder: { name: 'Stable Diffusion v1 text encoder', params: 123e6, covers: 'the frozen CLIP ViT-L/14 text encoder', source: 'CompVis/stable-diffusion README, "Stable Diffusion v1"' },
};

/** GPT-3's training run as published, to check C = 6ND against. */
export const GPT3_TRAINING = {
  /** Training tokens (Brown et al. 2020, Table 2.2 and §2.2: 300 billion tokens). */
  tokens: 300e9,
  /** Total training compute the authors report for GPT-3 175B (Brown et al. 2020, Table D.1: 3.14e23 FLOPs). */
  reportedFlops: 3.14e23,
  source: 'Brown et al. 2020, "Language Models are Few-Shot Learners", §2.2 and Table D.1',
} as const;

/** Chinchilla's compute-optimal run (Hoffmann et al. 2022, abstract and §4.1: 70B parameters on 1.4T tokens). */
export const CHINCHILLA = {
  params: 70e9,
  tokens: 1.4e12,
  /** The compute budget Chinchilla was sized for, Gopher's (Hoffmann et al. 2022, §3 and Table 3: 5.76e23 FLOPs). */
  budgetFlops: 5.76e23,
  source: 'Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", §3, Table 3 and §4.1',
} as const;

/**
 * Bytes per parameter of mixed-precision AdamW model state in three framework layouts: weights, gradients, FP32 master copy and the
 * two FP32 moments. The ZeRO split (Rajbhandari et al. 2020, §3.1) and PyTorch AMP (torch.autocast keeps FP32 parameters and
 * gradients and casts per operation, so the parameters are their own master copy) both come to 16; Megatron-LM's distributed
 * optimizer table (Megatron-LM README, "Distributed optimizer") gives 18 for 16-bit parameters with FP32 gradients and 20 for 16-bit
 * parameters with 16-bit gradients, which it copies into FP32 main gradients.
 */
export const MIXED_PRECISION_LAYOUTS = [
  { id: 'zero', weights: 2, gradients: 2, fp32Gradients: 0, master: 4, moments: 8 },
  { id: 'amp', weights: 4, gradients: 4, fp32Gradients: 0, master: 0, moments: 8 },
  { id: 'megatron-fp32-grads', weights: 2, gradients: 4, fp32Gradients: 0, master: 4, moments: 8 },
  { id: 'megatron-16bit-grads', weights: 2, gradients: 2, fp32Gradients: 4, master: 4, moments: 8 },
] as const;

/** PaLM 540B's measured utilisation (Chowdhery et al. 2022, Table 3: 46.2% MFU, 57.8% HFU with rematerialisation). */
export const PALM_UTILISATION = { mfu: 0.462, hfu: 0.578, source: 'Chowdhery et al. 2022, "PaLM: Scaling Language Modeling with Pathways", §4.1 Table 3 and Appendix B' } as const;

/**
 * A desktop CPU's memory bandwidth, for contrast with a GPU's: two 64-bit DDR5 channels at 6400 MT/s.
 * Peak bandwidth = channels x 8 bytes per transfer x transfers per second (JEDEC JESD79-5, DDR5 SDRAM; DDR5-6400 speed bin).
 */
export const DESKTOP_DDR5 = (() => {
  const channels = 2;
  const bytesPerTransfer = 8;
  const transfersPerSecond = 6400e6;
  return { channels, bytesPerTransfer, transfersPerSecond, bandwidthBytesPerSecond: channels * bytesPerTransfer * transfersPerSecond, source: 'JEDEC JESD79-5, DDR5 SDRAM standard (64-bit channel, DDR5-6400)' };
})();

/**
 * Training FLOPs per token of a dense model with N matmul parameters, attention ignored: 2N forward + 4N backward.
 * Source: Kaplan et al. 2020, "Scaling Laws for Neural Language Models", §2.1 (C ~ 6N per token).
 * @example flopsPerTokenTraining(1e9) //=> 6e9
 */
export function flopsPerTokenTraining(params: number): number {
  return 6 * params;
}

/** One row of the Why GPUs chapter's table of model sizes. */
export interface ModelSizeRow {
  id: string;
  name: string;
  totalParams: number;
  activeParams: number;
  /** Bytes of the weights alone in BF16. */
  bf16WeightBytes: number;
  source: string;
}

/** The model-size table: presets from BERT to DeepSeek-V3, counted from their architectures. */
export const modelSizeRows: ModelSizeRow[] = ['bert-base', 'bert-large', 'gpt2-xl', 'llama-3.1-8b', 'llama-3.1-70b', 'gpt-3-175b', 'llama-3.1-405b', 'deepseek-v3'].map((id) => {
  const m = requirePreset(id);
  const c = countParams(m);
  return { id, name: m.name, totalParams: c.totalParams, activeParams: c.activeParams, bf16WeightBytes: c.totalParams * bytesPerValue('bf16'), source: m.source };
});

/** The Why GPUs chapter's "training is matrix work" example: how much of an 8B model sits in matrix multiplies. */
export const matrixWorkExample = (() => {
  const m = requirePreset('llama-3.1-8b');
  const c = countParams(m);
  const tokens = tensorExamples.batch * tensorExamples.seq;
  const upShape = { m: tokens, n: m.intermediateSize, k: m.hiddenSize };
  return {
    name: m.name,
    totalParams: c.totalParams,
    blockLinearParams: c.blockLinearParams,
    embeddingParams: c.embeddingParams,
    headParams: m.tiedEmbeddings ? 0 : m.vocabSize * m.hiddenSize,
    /** Share of the parameters that are matrices a token is multiplied by (block linears + output head). */
    matmulShare: c.matmulParamsPerToken / c.totalParams,
    /** Share that is neither a matmul weight nor the lookup table: norms and biases. */
    vectorShare: (c.totalParams - c.matmulParamsPerToken - c.embeddingParams) / c.totalParams,
    tokens,
    upShape,
    upFlops: matmulFlops(upShape),
  };
})();

/** The FLOPS chapter's worked examples, all derived from presets and lib formulas. */
export const flopsExamples = (() => {
  const small = { m: 2, n: 3, k: 4 };
  const m = requirePreset('llama-3.1-8b');
  const c = countParams(m);
  const { qkWidth, vWidth } = attentionWidths(m);
  const tokens = tensorExamples.batch * tensorExamples.seq;
  const oneToken = { m: 1, n: m.intermediateSize, k: m.hiddenSize };
  const batchShape = { m: tokens, n: m.intermediateSize, k: m.hiddenSize };
  // One layer, one token, forward: 2 FLOPs per weight of each linear (the layer's matmul weights).
  const layerLinearParams = c.linears.reduce((s, l) => s + l.inFeatures * l.outFeatures * (l.activeCount / m.layers), 0);
  const attentionPerLayer = (ctx: number): number => 2 * effectiveContext(m, ctx) * (qkWidth + vWidth);
  const seqs = [2048, 8192, 32768];
  const matmulParams = c.matmulParamsPerToken;
  const scenario = (seqLen: number) => {
    const parsed = parseScenario({ model: m.id, workload: 'pretrain', seqLen, trainingPrecision: 'bf16-mixed', gradientCheckpointing: false });
    if (!parsed.ok) throw new Error(`flopsExamples: ${parsed.error}`);
    return parsed.scenario;
  };
  const attention = seqs.map((seq) => {
    const perToken = trainingFlopsPerToken(scenario(seq));
    const sixN = flopsPerTokenTraining(matmulParams);
    // The share of the full-context count 6·L·T·(d_qk + d_v) the estimator charges: ½ for a causal model under FlashAttention.
    const fullAttention = 6 * m.layers * effectiveContext(m, seq) * (qkWidth + vWidth);
    return { seq, perLayerForward: attentionPerLayer(seq), trainingPerToken: perToken, sixN, attentionShare: (perToken - sixN) / perToken, attentionFactor: (perToken - sixN) / fullAttention };
  });
  const causalFactor = attention[0]?.attentionFactor ?? 1;
  const gpt3 = requirePreset('gpt-3-175b');
  const gpt3Params = countParams(gpt3).totalParams;
  return {
    small,
    smallFlops: matmulFlops(small),
    modelName: m.name,
    hidden: m.hiddenSize,
    ffn: m.intermediateSize,
    layers: m.layers,
    qkWidth,
    vWidth,
    totalParams: c.totalParams,
    matmulParams,
    oneToken,
    oneTokenFlops: matmulFlops(oneToken),
    batchTokens: tokens,
    batchShape,
    batchFlops: matmulFlops(batchShape),
    layerLinearParams,
    layerForwardMatmulFlops: 2 * layerLinearParams,
    layerForwardAttentionFlops: attentionPerLayer(tensorExamples.seq),
    /** Averaged over a causal sequence, as the training table charges it. */
    layerForwardAttentionCausalFlops: causalFactor * attentionPerLayer(tensorExamples.seq),
    causalFactor,
    seq: tensorExamples.seq,
    forwardPerToken: 2 * matmulParams,
    backwardPerToken: 4 * matmulParams,
    sixN: flopsPerTokenTraining(matmulParams),
    attention,
    gpt3: { name: gpt3.name, params: gpt3Params, tokens: GPT3_TRAINING.tokens, flops: flopsPerTokenTraining(gpt3Params) * GPT3_TRAINING.tokens, reported: GPT3_TRAINING.reportedFlops },
    chinchilla: { ...CHINCHILLA, tokensPerParam: CHINCHILLA.tokens / CHINCHILLA.params, flops: flopsPerTokenTraining(CHINCHILLA.params) * CHINCHILLA.tokens },
  };
})();

/** A training-throughput example: tokens per second a card sustains at a utilisation, and the time for a token budget. */
export function mfuExample(peakFlopsPerSecond: number, modelId: string, mfu: number, tokenBudget: number) {
  const m = requirePreset(modelId);
  const n = countParams(m).matmulParamsPerToken;
  const flopsPerToken = flopsPerTokenTraining(n);
  // PaLM App. B: MFU = (tokens/s x FLOPs per token) / peak, so tokens/s = MFU x peak / FLOPs per token.
  const tokensPerSecond = (mfu * peakFlopsPerSecond) / flopsPerToken;
  return { name: m.name, params: n, flopsPerToken, mfu, tokensPerSecond, tokenBudget, seconds: tokenBudget / tokensPerSecond };
}

/** Roofline figures of a few teaching shapes on a card, in BF16 (Williams et al. 2009). */
export function rooflineExamples(gpu: GpuPeaks, hidden = tensorExamples.hidden) {
  const shapes = { decode: { m: 1, n: hidden, k: hidden }, training: { m: hidden, n: hidden, k: hidden } };
  const run = (shape: MatmulShape) => {
    const r = matmulRoofline(gpu, 'bf16', shape);
    if (!r.ok) throw new Error(`rooflineExamples: ${r.message}`);
    return r;
  };
  return { shapes, decode: run(shapes.decode), training: run(shapes.training) };
}

/** A card with the columns the estimator reads (a validated GpuRecord satisfies it). */
export type ExampleCard = EstimateGpu;

/** One estimate of the VRAM chapter: the validated scenario, its result on the chapter's card, and the cards it fits on. */
export interface VramCase {
  /** The scenario after validation (defaults filled). */
  scenario: Scenario;
  /** The estimate on the chapter's reference card. */
  result: Estimate;
  /** Ids of every card whose memory holds it, by the same estimator. */
  fitsOn: string[];
  /** Ids of the cards on which it runs only by paging or offloading to CPU memory (verdict `offload`). */
  offloadOn: string[];
}

/**
 * The VRAM chapter's worked examples for Llama 3.1 8B: every memory term for inference, full fine-tuning, LoRA and QLoRA,
 * each optimizer, the knobs that move the total, and the cards each case fits on. Everything comes from `parseScenario`
 * and `estimate`, so the prose cannot drift from the calculator.
 * @example vramExamples(loadGpus()).fullFinetune.result.memory.gradientsBytes //=> 2 bytes x 8.03e9 parameters
 */
export function vramExamples(cards: readonly ExampleCard[], cardId = 'rtx-4090') {
  const model = requirePreset('llama-3.1-8b');
  const card = cards.find((c) => c.id === cardId);
  if (!card) throw new Error(`card "${cardId}" is missing`);
  const counts = countParams(model);
  const run = (raw: Record<string, unknown>): VramCase => {
    const parsed = parseScenario({ model: model.id, ...raw });
    if (!parsed.ok) throw new Error(`VRAM example ${JSON.stringify(raw)}: ${parsed.error}`);
    const result = estimate(parsed.scenario, card);
    const fitsOn = cardsThatFit(parsed.scenario, cards).map((c) => c.gpu.id);
    const offloadOn = cards.filter((g) => !fitsOn.includes(g.id) && estimate(parsed.scenario, g, { explain: false }).verdict === 'offload').map((g) => g.id);
    return { scenario: parsed.scenario, result, fitsOn, offloadOn };
  };
  const seq = 2048;
  const train = { batchSize: 1, seqLen: seq, flashAttention: true };
  const fullFinetune = run({ workload: 'full-finetune', ...train, gradientCheckpointing: false });
  const perParam = (bytes: number): number => bytes / counts.totalParams;
  const weightFormats = (['fp32', 'bf16', 'fp8', 'int8', 'nf4', 'int4'] as const).map((f) => {
    const bytes = run({ workload: 'inference', weightsFormat: f, seqLen: seq, outputTokens: 0 }).result.memory.weightsBytes;
    return { format: f, bytes, bytesPerParam: perParam(bytes) };
  });
  const optimizers = (['adamw', 'adamw-8bit', 'sgd', 'adafactor'] as const).map((o) => {
    const c = run({ workload: 'full-finetune', ...train, optimizer: o });
    return { optimizer: o, bytes: c.result.memory.optimizerBytes, bytesPerParam: perParam(c.result.memory.optimizerBytes) };
  });
  const actTerms = (flashAttention: boolean, gradientCheckpointing: boolean) => {
    const p = parseScenario({ model: model.id, workload: 'full-finetune', ...train, flashAttention, gradientCheckpointing });
    if (!p.ok) throw new Error(p.error);
    return trainingActivations(p.scenario, { tensorParallel: 1, pipelineParallel: 1 });
  };
  const kvPerTokenBytes = kvCacheBytes(model, 1, 1, 'bf16', 1, 1);
  const kvContext = 8192;
  const kvBatch = 8;
  const ckpt = { ...train, gradientCheckpointing: true };
  const workloads = [
    { id: 'inference', case: run({ workload: 'inference', weightsFormat: 'bf16', seqLen: seq, outputTokens: 0, batchSize: 1 }) },
    { id: 'full-finetune', case: run({ workload: 'full-finetune', ...ckpt }) },
    { id: 'lora', case: run({ workload: 'lora', ...ckpt, lora: { rank: 16 } }) },
    { id: 'qlora', case: run({ workload: 'qlora', ...ckpt, lora: { rank: 16 } }) },
  ] as const;
  const base = { workload: 'full-finetune', ...train, gradientCheckpointing: false };
  const knobs = [
    { id: 'base', case: fullFinetune },
    { id: 'batch', case: run({ ...base, batchSize: 4 }) },
    { id: 'seq', case: run({ ...base, seqLen: 2 * seq }) },
    { id: 'checkpointing', case: run({ ...base, gradientCheckpointing: true }) },
    { id: 'no-flash', case: run({ ...base, flashAttention: false }) },
    { id: 'adamw-8bit', case: run({ ...base, optimizer: 'adamw-8bit' }) },
    { id: 'paged-8bit', case: run({ ...base, optimizer: 'adamw-8bit', pagedOptimizer: true }) },
    { id: 'lora-16', case: run({ ...base, workload: 'lora', lora: { rank: 16 } }) },
    { id: 'lora-64', case: run({ ...base, workload: 'lora', lora: { rank: 64 } }) },
    { id: 'qlora', case: run({ ...base, workload: 'qlora', gradientCheckpointing: true, lora: { rank: 16 } }) },
  ] as const;
  const oomLora = run({ workload: 'lora', ...train, gradientCheckpointing: false, lora: { rank: 16 } });
  const oomLoraCkpt = run({ workload: 'lora', ...ckpt, lora: { rank: 16 } });
  return {
    model,
    card: { id: card.id, name: card.name, memoryGB: card.memoryGB, bytes: card.memoryGB * GIB },
    cardCount: cards.length,
    params: counts.totalParams,
    seq,
    fullFinetune,
    bytesPerParam: {
      weights: perParam(fullFinetune.result.memory.weightsBytes),
      gradients: perParam(fullFinetune.result.memory.gradientsBytes),
      optimizer: perParam(fullFinetune.result.memory.optimizerBytes),
      master: 4,
    },
    weightFormats,
    optimizers,
    activations: { flash: actTerms(true, false), noFlash: actTerms(false, false), checkpointed: actTerms(true, true) },
    kv: { perTokenBytes: kvPerTokenBytes, context: kvContext, batch: kvBatch, oneSequenceBytes: kvCacheBytes(model, kvContext, 1, 'bf16', 1, 1), batchBytes: kvCacheBytes(model, kvContext, kvBatch, 'bf16', 1, 1) },
    overhead: { cudaContextBytes: CUDA_CONTEXT_BYTES, staticSlack: ALLOCATOR_SLACK_STATIC, transientSlack: ALLOCATOR_SLACK_TRANSIENT },
    workloads,
    knobs,
    oom: { without: oomLora, with: oomLoraCkpt },
  };
}

/** The fields of a card the generations table reads. */
export type GenerationCard = Pick<GpuRecord, 'id' | 'name' | 'series' | 'architecture' | 'launchDate' | 'fp32Tflops' | 'tensorFp16Fp32AccTflops' | 'memoryGB' | 'memoryBandwidthGBs' | 'launchPriceUsd' | 'cudaCores'>;

/** One GeForce generation: its card count, first launch and its fastest GeForce-branded card (TITANs left out). */
export interface GenerationRow {
  series: string;
  architecture: string;
  cardCount: number;
  firstLaunch: string;
  flagship: GenerationCard;
}

/**
 * The GeForce 10 to 50 generations in one table: the flagship of each is the GeForce card with the highest FP32 throughput.
 * @example generationRows(cards)[0].flagship.id //=> "gtx-1080-ti"
 */
export function generationRows(cards: readonly GenerationCard[]): GenerationRow[] {
  const geforce = ['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50'];
  return geforce.flatMap((series) => {
    const inSeries = cards.filter((c) => c.series === series);
    const branded = inSeries.filter((c) => c.name.includes('GeForce'));
    const flagship = [...branded].sort((a, b) => b.fp32Tflops - a.fp32Tflops)[0];
    if (!flagship) return [];
    const firstLaunch = inSeries.map((c) => c.launchDate).sort()[0] ?? flagship.launchDate;
    return [{ series, architecture: flagship.architecture, cardCount: inSeries.length, firstLaunch, flagship }];
  });
}

/** Finds a card the chapters name, failing the build if the data lost it. */
export function requireCard<T extends { id: string }>(cards: readonly T[], id: string): T {
  const card = cards.find((c) => c.id === id);
  if (!card) throw new Error(`GPU "${id}" is missing from the spec data`);
  return card;
}

// ---------------------------------------------------------------------------------------------------------------------
// Training-cost chapter (time, energy and money) and Choosing chapter (generation by generation)
// ---------------------------------------------------------------------------------------------------------------------

/** Tokens Llama 3 was pre-trained on (Llama Team 2024, The Llama 3 Herd of Models, §3.1: over 15T tokens). */
export const LLAMA3_PRETRAIN_TOKENS = 15e12;

/** Tokens per parameter of a compute-optimal run (Hoffmann et al. 2022, Chinchilla, §3 and Table 3: about 20). */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/** One training run on one card type: the validated scenario, the estimate, and its cost split into what owning and renting charge. */
export interface RunCase {
  /** Card id. */
  gpuId: string;
  /** Card name. */
  gpuName: string;
  /** The validated scenario (defaults filled). */
  scenario: Scenario;
  /** The estimator's result, cost computed for an owned card. */
  result: Estimate;
  /** Peak FLOP/s the estimator trains at on this card. */
  peakFlopsPerSecond: number;
  /** Model-FLOPs utilisation the run implies (no recomputation counted): the scenario's, or the default converted from HFU. */
  mfu: number;
  /** Hardware-FLOPs utilisation the step time divides by (recomputation counted). */
  hfu: number;
  /** Card-hours of the run: cards x hours, what a rental bill counts. */
  cardHours: number;
  /** Electricity of the run in USD at the scenario's price. */
  electricityUsd: number;
  /** Share of the purchase price the run uses up (straight-line over the service life); 0 without a price. */
  amortisedUsd: number;
}

/**
 * Estimates a training scenario on one card and splits its owned cost into purchase share and electricity.
 * Owned cost = price x cards x t / life + E x electricity price (straight-line depreciation, src/lib/cost.ts).
 * @example runCase({ model: 'gpt2', workload: 'pretrain', trainTokens: 1e10 }, rtx4090).cardHours //=> about 34
 */
export function runCase(raw: Record<string, unknown>, card: ExampleCard): RunCase {
  const parsed = parseScenario({ ...raw, hourlyUsd: undefined });
  if (!parsed.ok) throw new Error(`training example ${JSON.stringify(raw)}: ${parsed.error}`);
  const s = parsed.scenario;
  const result = estimate(s, card);
  const split = ownedCostSplit({ gpuCount: s.gpuCount, timeSeconds: result.timeSeconds, energyKWh: result.energyKWh, priceUsd: card.launchPriceUsd, electricityUsdPerKWh: s.electricityUsdPerKWh, amortisationYears: s.amortisationYears, busyHoursPerWeek: s.busyHoursPerWeek });
  return {
    gpuId: card.id,
    gpuName: card.name,
    scenario: s,
    result,
    peakFlopsPerSecond: trainingPeak(s, card).peakFlopsPerSecond,
    mfu: trainingUtilisation(s).mfu,
    hfu: trainingUtilisation(s).hfu,
    cardHours: (s.gpuCount * result.timeSeconds) / 3600,
    electricityUsd: split.electricityUsd,
    amortisedUsd: split.purchaseUsd,
  };
}

/**
 * What one busy hour of an owned card costs: its price written off over the hours it is actually busy, plus its power.
 * Per busy hour = price / (life x 8,760 h x utilisation) + P x electricity price (straight-line depreciation; energy = P·t, SI).
 * Compare it with a rental quote per card-hour: renting is cheaper whenever the quote is below this figure.
 * @example ownedCostPerBusyHour(1599, 450, 0.13, 3, 1) //=> 0.1193 (0.0608 purchase + 0.0585 electricity)
 */
export function ownedCostPerBusyHour(priceUsd: number, boardPowerW: number, electricityUsdPerKWh: number, amortisationYears: number, utilisation: number): { purchaseUsd: number; electricityUsd: number; totalUsd: number } {
  const busy = Math.min(1, Math.max(1e-6, utilisation));
  // Writing the price off over life x utilisation years charges one busy hour price x 3600 s / (life x busy x year).
  const total = costUsd({ gpuCount: 1, timeSeconds: 3600, energyKWh: energyKWh(boardPowerW, 1, 3600, POWER_FRACTION.training), hourlyUsd: null, priceUsd, electricityUsdPerKWh, amortisationYears: amortisationYears * busy });
  const electricityUsd = energyKWh(boardPowerW, 1, 3600, POWER_FRACTION.training) * electricityUsdPerKWh;
  return { purchaseUsd: total - electricityUsd, electricityUsd, totalUsd: total };
}

/**
 * The Training-cost chapter's worked examples: a small pre-training run (GPT-2 124M on 10B tokens) on three cards, a
 * Llama 3.1 8B fine-tune (full, LoRA, QLoRA) on a 24 GB and an 80 GB card, and what an owned card costs per busy hour.
 */
export function trainingCostExamples(cards: readonly ExampleCard[]) {
  const pick = (id: string): ExampleCard => requireCard(cards, id);
  const gpt2 = requirePreset('gpt2');
  const gpt2Params = countParams(gpt2).totalParams;
  const pretrainTokens = 10e9;
  const pretrainRaw = { model: gpt2.id, workload: 'pretrain', trainTokens: pretrainTokens, batchSize: 16, seqLen: 1024 };
  const pretrainCards = ['rtx-4090', 'a100-sxm-80gb', 'h100-sxm'];
  const pretrain = pretrainCards.map((id) => runCase(pretrainRaw, pick(id)));
  const simple = pretrain.map((r) => {
    // C = 6ND (Kaplan et al. 2020, §2.1); t = C / (peak x MFU).
    const flops = flopsPerTokenTraining(gpt2Params) * pretrainTokens;
    return { gpuId: r.gpuId, flops, timeSeconds: flops / (r.peakFlopsPerSecond * r.mfu) };
  });

  const llama = requirePreset('llama-3.1-8b');
  const llamaParams = countParams(llama).totalParams;
  const fineTuneTokens = 100e6;
  const fineTuneCards = ['rtx-4090', 'a100-sxm-80gb'];
  const fineTuneWorkloads = ['full-finetune', 'lora', 'qlora'] as const;
  const fineTuneBase = { model: llama.id, trainTokens: fineTuneTokens, batchSize: 1, seqLen: 2048, gradientCheckpointing: true };
  const fineTune = fineTuneWorkloads.map((workload) => ({
    workload,
    runs: fineTuneCards.map((id) => {
      const r = runCase({ ...fineTuneBase, workload }, pick(id));
      const plan = r.result.fits ? null : minGpuCount(r.scenario, pick(id), 64);
      const multi = plan ? runCase({ ...fineTuneBase, workload, gpuCount: plan.gpuCount, zeroStage: plan.zeroStage }, pick(id)) : null;
      return { run: r, plan, multi };
    }),
  }));
  const chinchillaLlama = {
    tokens: CHINCHILLA_TOKENS_PER_PARAM * llamaParams,
    run: runCase({ model: llama.id, workload: 'pretrain', trainTokens: CHINCHILLA_TOKENS_PER_PARAM * llamaParams, batchSize: 1, seqLen: 2048, gradientCheckpointing: true, gpuCount: 8, zeroStage: 3 }, pick('h100-sxm')),
  };
  const ownedCards = ['rtx-3090', 'rtx-4090', 'rtx-5090'].map(pick);
  const utilisations = [1, 0.25, 0.05];
  const electricity = DEFAULT_ELECTRICITY_USD_PER_KWH;
  const owned = ownedCards.map((c) => ({
    gpuId: c.id,
    gpuName: c.name,
    priceUsd: c.launchPriceUsd,
    boardPowerW: c.boardPowerW,
    perHour: utilisations.map((u) => (c.launchPriceUsd === null ? null : ownedCostPerBusyHour(c.launchPriceUsd, c.boardPowerW, electricity, DEFAULT_AMORTISATION_YEARS, u))),
  }));
  return {
    gpt2: { name: gpt2.name, params: gpt2Params, chinchillaTokens: CHINCHILLA_TOKENS_PER_PARAM * gpt2Params },
    pretrainTokens,
    pretrain,
    simple,
    llama: { name: llama.name, params: llamaParams },
    fineTuneTokens,
    fineTune,
    chinchillaLlama,
    owned,
    utilisations,
    electricity,
    amortisationYears: DEFAULT_AMORTISATION_YEARS,
  };
}

/** The spec columns the Choosing chapter reads. */
export type ChoosingCard = ExampleCard & Pick<GpuRecord, 'series' | 'architecture' | 'tensorCores' | 'tensorCoreGeneration' | 'memoryType' | 'launchDate' | 'cudaCores'>;

/** One card's compute, memory, power and cost, and the ratios a buyer compares. */
export interface CardValueRow {
  card: ChoosingCard;
  /** Dense BF16 (or, before Ampere, FP16 with FP32 accumulate) tensor TFLOPS; null without Tensor Cores. */
  tensorTflops: number | null;
  /** The peak the estimator trains at in BF16 mixed precision (a slower path stands in where the card lacks one), TFLOPS. */
  trainTflops: number;
  /** Spec column behind trainTflops. */
  trainColumn: string;
  /** Training TFLOPS per 1,000 USD of launch price; null without a price. */
  tflopsPerKUsd: number | null;
  /** Training GFLOPS per watt of board power. */
  gflopsPerW: number;
  /** Memory GB per 100 USD of launch price; null without a price. */
  gbPer100Usd: number | null;
}

/**
 * Compute, memory, power and cost ratios of every card, using the estimator's training peak (BF16 mixed precision).
 * @example cardValueRows(cards).find((r) => r.card.id === 'rtx-4090')?.tflopsPerKUsd //=> 165.2 / 1.599
 */
export function cardValueRows(cards: readonly ChoosingCard[]): CardValueRow[] {
  const parsed = parseScenario({ model: 'gpt2', workload: 'pretrain' });
  if (!parsed.ok) throw new Error(parsed.error);
  return cards.map((card) => {
    const peak = trainingPeak(parsed.scenario, card);
    const trainTflops = peak.peakFlopsPerSecond / 1e12;
    const tensorTflops = card.tensorCores > 0 ? (card.bf16Tflops ?? card.tensorFp16Fp32AccTflops) : null;
    const price = card.launchPriceUsd;
    return {
      card,
      tensorTflops,
      trainTflops,
      trainColumn: peak.column,
      tflopsPerKUsd: price ? (trainTflops / price) * 1000 : null,
      gflopsPerW: (trainTflops * 1000) / card.boardPowerW,
      gbPer100Usd: price ? (card.memoryGB / price) * 100 : null,
    };
  });
}

/** Best card of a list by a score (ties: lower launch price, then name); null when no card has a score. */
function best(rows: readonly CardValueRow[], score: (r: CardValueRow) => number | null): CardValueRow | null {
  let top: CardValueRow | null = null;
  let topScore = -Infinity;
  for (const r of rows) {
    const v = score(r);
    if (v === null) continue;
    const tie = v === topScore && top && (r.card.launchPriceUsd ?? Infinity) < (top.card.launchPriceUsd ?? Infinity);
    if (v > topScore || tie) {
      top = r;
      topScore = v;
    }
  }
  return top;
}

/** One product family in a line: what its best cards offer. */
export interface SeriesSummary {
  series: string;
  architecture: string;
  cardCount: number;
  /** Tensor Core generations of the family's cards, ascending; empty when none has Tensor Cores. */
  tensorCoreGenerations: number[];
  /** Whether some of the family's cards have no Tensor Cores. */
  someWithoutTensorCores: boolean;
  mostMemory: CardValueRow;
  fastest: CardValueRow;
  bestTflopsPerUsd: CardValueRow | null;
  bestPerWatt: CardValueRow;
  bestGbPerUsd: CardValueRow | null;
}

/**
 * Per product family: the card with the most memory (ties: faster), the fastest, and the best TFLOPS per dollar, per watt and GB per dollar.
 * @example seriesSummaries(cardValueRows(cards))[0].mostMemory.card.id //=> "titan-x-pascal" or "titan-xp" (12 GB)
 */
export function seriesSummaries(rows: readonly CardValueRow[]): SeriesSummary[] {
  const order = ['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50', 'reference'];
  return order.flatMap((series) => {
    const inSeries = rows.filter((r) => r.card.series === series);
    const mostMemory = best(inSeries, (r) => r.card.memoryGB * 1e6 + r.trainTflops);
    const fastest = best(inSeries, (r) => r.trainTflops);
    const bestPerWatt = best(inSeries, (r) => r.gflopsPerW);
    if (!mostMemory || !fastest || !bestPerWatt) return [];
    const gens = inSeries.map((r) => r.card.tensorCoreGeneration).filter((g): g is number => g !== null);
    return [{
      series,
      architecture: [...new Set(inSeries.map((r) => r.card.architecture))].join(', '),
      cardCount: inSeries.length,
      tensorCoreGenerations: [...new Set(gens)].sort((a, b) => a - b),
      someWithoutTensorCores: gens.length < inSeries.length,
      mostMemory,
      fastest,
      bestTflopsPerUsd: best(inSeries, (r) => r.tflopsPerKUsd),
      bestPerWatt,
      bestGbPerUsd: best(inSeries, (r) => r.gbPer100Usd),
    }];
  });
}

/** A common job, as an estimator scenario. */
export interface CommonJob {
  id: string;
  /** Short description for table rows. */
  label: string;
  raw: Record<string, unknown>;
}

/** The jobs the Choosing chapter checks every card against. */
export const COMMON_JOBS: CommonJob[] = [
  { id: 'qlora-8b', label: 'Llama 3.1 8B QLoRA (NF4, rank 16, seq 2,048, batch 1, checkpointing)', raw: { model: 'llama-3.1-8b', workload: 'qlora', seqLen: 2048, batchSize: 1 } },
  { id: 'lora-8b', label: 'Llama 3.1 8B LoRA (BF16 base, rank 16, seq 2,048, batch 1, checkpointing)', raw: { model: 'llama-3.1-8b', workload: 'lora', seqLen: 2048, batchSize: 1, gradientCheckpointing: true } },
  { id: 'full-8b', label: 'Llama 3.1 8B full fine-tune (BF16 mixed, AdamW, seq 2,048, batch 1, checkpointing)', raw: { model: 'llama-3.1-8b', workload: 'full-finetune', seqLen: 2048, batchSize: 1, gradientCheckpointing: true } },
  { id: 'qlora-70b', label: 'Llama 3.1 70B QLoRA (NF4, rank 16, seq 2,048, batch 1, checkpointing)', raw: { model: 'llama-3.1-70b', workload: 'qlora', seqLen: 2048, batchSize: 1 } },
  // Llama 2 was trained with a 4,096-token context (Touvron et al. 2023, §2.2; max_position_embeddings 4096 in its config.json).
  { id: 'infer-7b', label: 'Llama 2 7B inference, 4-bit weights, 4,096-token context (its maximum)', raw: { model: 'llama-2-7b', workload: 'inference', weightsFormat: 'int4', promptTokens: 3584, outputTokens: 512, batchSize: 1 } },
  { id: 'infer-70b', label: 'Llama 3.1 70B inference, 4-bit weights, 8,192-token context', raw: { model: 'llama-3.1-70b', workload: 'inference', weightsFormat: 'int4', promptTokens: 7680, outputTokens: 512, batchSize: 1 } },
];

/** One card option for a job: the card, how many, their launch price, and the estimate on that layout. */
export interface JobOption {
  gpuId: string;
  gpuName: string;
  gpuCount: number;
  /** Launch price of the cards, or null when the card has none. */
  priceUsd: number | null;
  /** Memory per card in bytes. */
  totalBytes: number;
  /** Training tokens/s, or decode tokens/s for inference. */
  tokensPerSecond: number;
}

/** The answer for one common job: memory on one card, the cheapest single cards, and the cheapest layout of up to maxCards. */
export interface JobFit {
  job: CommonJob;
  /** Memory one card must hold when the job runs on one card. */
  oneCardBytes: number;
  /** Cheapest single cards by launch price (priced cards first). */
  single: JobOption[];
  /** Cheapest priced layout of up to maxCards cards, which may be a single card. */
  multi: JobOption | null;
}

/**
 * For each job: which cards fit it alone, cheapest launch price first, and the cheapest priced layout of several cards.
 * @example jobFits(cards)[0].single[0].gpuId //=> the cheapest card that holds an 8B QLoRA
 */
export function jobFits(cards: readonly ExampleCard[], jobs: readonly CommonJob[] = COMMON_JOBS, perJob = 3, maxCards = 8): JobFit[] {
  return jobs.map((job) => {
    const parsed = parseScenario(job.raw);
    if (!parsed.ok) throw new Error(`job ${job.id}: ${parsed.error}`);
    const s = parsed.scenario;
    const option = (gpuId: string, plan: Partial<Scenario>): JobOption => {
      const card = requireCard(cards, gpuId);
      const e = estimate({ ...s, ...plan }, card, { explain: false });
      const n = plan.gpuCount ?? 1;
      return {
        gpuId, gpuName: card.name, gpuCount: n,
        priceUsd: card.launchPriceUsd === null ? null : card.launchPriceUsd * n,
        totalBytes: e.memory.totalBytes,
        tokensPerSecond: s.workload === 'inference' ? e.throughput.decodeTokensPerSecond : e.throughput.trainTokensPerSecond,
      };
    };
    // Priced cards by launch price; cards without a price after them, smallest memory first.
    const alone = cheapestGpus(s, cards, 1);
    const priced = alone.filter((o) => requireCard(cards, o.gpuId).launchPriceUsd !== null);
    const unpriced = alone.filter((o) => requireCard(cards, o.gpuId).launchPriceUsd === null).sort((a, b) => requireCard(cards, a.gpuId).memoryGB - requireCard(cards, b.gpuId).memoryGB || a.gpuName.localeCompare(b.gpuName));
    const single = [...priced, ...unpriced].slice(0, perJob).map((o) => option(o.gpuId, o.plan));
    const cheapestMulti = cheapestGpus(s, cards, maxCards).find((o) => requireCard(cards, o.gpuId).launchPriceUsd !== null);
    const oneCardBytes = estimate(s, requireCard(cards, cards[0]!.id), { explain: false }).memory.totalBytes;
    return { job, oneCardBytes, single, multi: cheapestMulti ? option(cheapestMulti.gpuId, cheapestMulti.plan) : null };
  });
}

/** One budget line: the card with the most memory and the fastest card at or under a launch price, and the jobs the former runs alone. */
export interface BudgetPick {
  ceilingUsd: number;
  mostMemory: CardValueRow | null;
  fastest: CardValueRow | null;
  /** Ids of the common jobs that fit on one mostMemory card. */
  jobsThatFit: string[];
  /** Ids of the common jobs that fit on one fastest card. */
  fastestJobsThatFit: string[];
}

/**
 * For each launch-price ceiling: the GeForce card with the most memory (ties: faster), the fastest, and which common jobs fit on the first.
 * @example budgetPicks(rows, cards, [350])[0].mostMemory?.card.id //=> "rtx-3060-12gb"
 */
export function budgetPicks(rows: readonly CardValueRow[], cards: readonly ExampleCard[], ceilings: readonly number[], jobs: readonly CommonJob[] = COMMON_JOBS): BudgetPick[] {
  const geforce = rows.filter((r) => r.card.series !== 'reference' && r.card.launchPriceUsd !== null);
  const parsedJobs = jobs.map((j) => {
    const p = parseScenario(j.raw);
    if (!p.ok) throw new Error(`job ${j.id}: ${p.error}`);
    return { id: j.id, scenario: p.scenario };
  });
  return ceilings.map((ceilingUsd) => {
    const within = geforce.filter((r) => (r.card.launchPriceUsd ?? Infinity) <= ceilingUsd);
    const mostMemory = best(within, (r) => r.card.memoryGB * 1e6 + r.trainTflops);
    const fastest = best(within, (r) => r.trainTflops);
    const runs = (r: CardValueRow | null): string[] => {
      const card = r ? requireCard(cards, r.card.id) : null;
      return card ? parsedJobs.filter((j) => runsAsGiven(estimate(j.scenario, card, { explain: false }).verdict)).map((j) => j.id) : [];
    };
    return { ceilingUsd, mostMemory, fastest, jobsThatFit: runs(mostMemory), fastestJobsThatFit: runs(fastest) };
  });
}
