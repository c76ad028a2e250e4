/**
 * Memory of one model replica, before it is split across cards: weights in any format, gradients, optimizer states,
 * activations, KV cache, and the CUDA context and allocator slack that nvidia-smi shows on top of PyTorch's tensors.
 */
import { FRAMEWORK_PROFILES } from './frameworks.ts';
import { topLayerShare } from '../teaching/freeze.ts';
import { countParams, effectiveContext, kvValuesPerTokenPerLayer, loraParams, factoredStateValues } from '../scenario/models.ts';
import type { KvCacheFormat, ModelArch, Scenario, WeightsFormat } from '../types.ts';
import { MIB } from '../units.ts';

/** CUDA context of a PyTorch process (driver state, kernels of cuBLAS/cuDNN with lazy loading): 400 MiB. */
export const CUDA_CONTEXT_BYTES = 400 * MIB;
/** Caching-allocator slack on long-lived tensors (rounding to 2 MiB blocks and 20 MiB segments): 3%. */
export const ALLOCATOR_SLACK_STATIC = 0.03;
/** Caching-allocator slack on transient activations (fragmentation between differently sized blocks): 15%. */
export const ALLOCATOR_SLACK_TRANSIENT = 0.15;

/** How a weight format stores the model: quantized block linears plus 16-bit (or fp32) everything else. */
export interface WeightLayout {
  /** Bits per parameter of the block linear layers, scale overhead included. */
  linearBitsPerParam: number;
  /** Bits per parameter of embeddings, norms and the output head. */
  otherBitsPerParam: number;
  /** Whether the format must be expanded to 16 bits before a matrix multiply (weight-only quantization). */
  weightOnlyQuantized: boolean;
  /** Short description for explanations. */
  label: string;
}

/**
 * Bits per stored parameter for a weight format, including block-scale overhead.
 * @example weightLayout({ kind: 'named', name: 'nf4' }, false).linearBitsPerParam //=> 4.5
 */
export function weightLayout(format: WeightsFormat, doubleQuant: boolean): WeightLayout {
  if (format.kind === 'bits') {
    // GGUF files quote bits per weight averaged over every tensor, embeddings included (llama.cpp ggml-common.h block layouts).
    return { linearBitsPerParam: format.bitsPerWeight, otherBitsPerParam: format.bitsPerWeight, weightOnlyQuantized: format.bitsPerWeight < 16, label: format.label };
  }
  switch (format.name) {
    case 'fp32':
      return { linearBitsPerParam: 32, otherBitsPerParam: 32, weightOnlyQuantized: false, label: 'fp32' };
    case 'fp16':
    case 'bf16':
      return { linearBitsPerParam: 16, otherBitsPerParam: 16, weightOnlyQuantized: false, label: format.name };
    case 'fp8':
      // Per-tensor or per-channel scales are negligible (Micikevicius et al. 2022, FP8 Formats for Deep Learning, §4).
      return { linearBitsPerParam: 8, otherBitsPerParam: 16, weightOnlyQuantized: false, label: 'fp8' };
    case 'int8':
      // LLM.int8(): int8 weights with one fp32 scale per row (Dettmers et al. 2022, LLM.int8(), §3.2); ~0.01 bit per weight.
      return { linearBitsPerParam: 8.01, otherBitsPerParam: 16, weightOnlyQuantized: true, label: 'int8 (LLM.int8)' };
    case 'nf4':
      // QLoRA §3: NF4 with one fp32 absmax per 64 weights = 4 + 32/64 bits; double quantization: 4 + 8/64 + 32/(64*256) bits.
      return { linearBitsPerParam: doubleQuant ? 4 + 8 / 64 + 32 / (64 * 256) : 4.5, otherBitsPerParam: 16, weightOnlyQuantized: true, label: doubleQuant ? 'nf4 + double quant' : 'nf4' };
    case 'int4':
      // GPTQ/AWQ: groups of 128 weights share an fp16 scale and a 4-bit zero point (Frantar et al. 2023 §5; Lin et al. 2024 §4).
      return { linearBitsPerParam: 4 + (16 + 4) / 128, otherBitsPerParam: 16, weightOnlyQuantized: true, label: 'int4 (GPTQ/AWQ, group 128)' };
  }
}

/** Bytes of the whole base model in a given layout. */
export function modelWeightsBytes(m: ModelArch, layout: WeightLayout): number {
  const c = countParams(m);
  // Weights = block linears x their bits + the rest x 16 bits (QLoRA §3 keeps embeddings and the head in 16 bits).
  return (c.blockLinearParams * layout.linearBitsPerParam + (c.totalParams - c.blockLinearParams) * layout.otherBitsPerParam) / 8;
}

/** Bytes per value of a KV cache format. */
export function kvBytesPerValue(format: KvCacheFormat): number {
  return { fp32: 4, fp16: 2, bf16: 2, fp8: 1, int8: 1, int4: 0.5 }[format];
}

/** Whether the workload trains every weight. */
const isFullTraining = (s: Pick<Scenario, 'workload'>): boolean => s.workload === 'pretrain' || s.workload === 'full-finetune';
/** Fraction of the blocks that train and save activations: k / L when a full fine-tune trains only its top k blocks, else 1. */
export const trainedLayerFraction = (s: Pick<Scenario, 'workload' | 'trainableTopLayers' | 'model'>): number =>
  s.workload === 'full-finetune' && s.trainableTopLayers !== null ? topLayerShare(s.model, s.trainableTopLayers).layerFraction : 1;
/** Whether the workload trains adapters on a frozen base. */
export const isAdapterTraining = (s: Pick<Scenario, 'workload'>): boolean => s.workload === 'lora' || s.workload === 'qlora';

/** Bytes of one activation element: fp32 training keeps fp32 activations, everything else 16-bit. */
export const activationElementBytes = (s: Pick<Scenario, 'workload' | 'trainingPrecision'>): number =>
  s.workload !== 'inference' && s.trainingPrecision === 'fp32' ? 4 : 2;

/** Whether training runs under torch.autocast (AMP: fp32 parameters, 16-bit matmuls). */
const isAutocast = (s: Pick<Scenario, 'workload' | 'trainingPrecision'>): boolean =>
  s.workload !== 'inference' && (s.trainingPrecision === 'fp16-mixed' || s.trainingPrecision === 'bf16-mixed');

/** Model state of one whole replica (before any sharding). */
export interface ModelState {
  /** Weights: base model plus adapters. */
  weightsBytes: number;
  /** Base model weights alone. */
  baseWeightsBytes: number;
  /** Gradients of the trainable parameters. */
  gradientsBytes: number;
  /** Optimizer states plus an fp32 master copy where the weights are 16-bit and training is mixed precision. */
  optimizerBytes: number;
  /** Of optimizerBytes: the fp32 master copy. */
  masterBytes: number;
  /** Trainable parameters. */
  trainableParams: number;
  /** Bytes per trainable parameter of weight, gradient and optimizer state, for the explanation. */
  bytesPerTrainableParam: { weight: number; gradient: number; optimizer: number };
  /** The base weight layout. */
  layout: WeightLayout;
}

/** Bytes of optimizer state per trainable parameter (excluding a master copy). */
function optimizerBytesPerParam(s: Scenario, stateBytes: number, m: ModelArch, trainable: number, full: boolean): number {
  switch (s.optimizer) {
    case 'adamw':
      // Adam keeps first and second moments (Kingma & Ba 2015, Algorithm 1), in fp32 under mixed precision (ZeRO §3.1: 12 bytes with the master copy).
      return 2 * stateBytes;
    case 'adamw-8bit':
      // Block-wise 8-bit moments with one fp32 absmax per 2048 values (Dettmers et al. 2022, 8-bit Optimizers, §2).
      return 2 * (1 + 4 / 2048);
    case 'sgd':
      // SGD with momentum: one buffer per parameter (PyTorch torch.optim.SGD docs).
      return stateBytes;
    case 'adafactor': {
      // Adafactor: factored second moment, rows + columns per matrix, no first moment by default (Shazeer & Stern 2018, §3 and §6).
      const values = full ? factoredStateValues(m) * trainedLayerFraction(s) : Math.min(trainable, 2 * Math.sqrt(trainable) * m.layers);
      return trainable > 0 ? (values * stateBytes) / trainable : 0;
    }
  }
}

/**
 * Weights, gradients and optimizer states of one replica, following ZeRO's accounting (Rajbhandari et al. 2020, §3.1):
 * mixed-precision AdamW costs 2 (weights) + 2 (gradients) + 12 (fp32 master, momentum, variance) = 16 bytes per parameter.
 * @example modelState(scenario).gradientsBytes //=> 2 * params for bf16-mixed full fine-tuning
 */
export function modelState(s: Scenario): ModelState {
  const m = s.model;
  const c = countParams(m);
  const layout = weightLayout(s.weightsFormat, s.doubleQuant);
  const baseWeightsBytes = modelWeightsBytes(m, layout);
  if (s.workload === 'inference') {
    return { weightsBytes: baseWeightsBytes, baseWeightsBytes, gradientsBytes: 0, optimizerBytes: 0, masterBytes: 0, trainableParams: 0, bytesPerTrainableParam: { weight: 0, gradient: 0, optimizer: 0 }, layout };
  }
  const full = isFullTraining(s);
  const mixed = s.trainingPrecision === 'fp16-mixed' || s.trainingPrecision === 'bf16-mixed';
  // PyTorch keeps a gradient in its parameter's dtype; optimizer states are fp32 under fp32/mixed precision, bf16 under pure bf16.
  const stateBytes = s.trainingPrecision === 'bf16' ? 2 : 4;
  let trainable: number;
  let paramBytes: number;
  if (full) {
    // Freezing all but the top k blocks (Howard & Ruder 2018, §3.2) leaves their weights in place but drops their gradients and states.
    trainable = s.workload === 'full-finetune' && s.trainableTopLayers !== null ? topLayerShare(m, s.trainableTopLayers).trainableParams : c.totalParams;
    paramBytes = layout.otherBitsPerParam / 8;
  } else {
    trainable = loraParams(m, s.lora.rank, s.lora.targets);
    // PEFT keeps adapter weights in fp32 (autocast_adapter_dtype=True) unless the whole run is pure bf16 (torchtune).
    paramBytes = s.trainingPrecision === 'bf16' ? 2 : 4;
  }
  const master = mixed && paramBytes < 4 ? 4 : 0;
  const optPerParam = optimizerBytesPerParam(s, stateBytes, m, trainable, full);
  // ZeRO §3.1 accounting (16-bit weights and gradients + fp32 master). PyTorch AMP instead keeps fp32 parameters and fp32 gradients
  // plus a transient 16-bit autocast copy of each weight: 2 more bytes per parameter at peak, not modelled here.
  const gradBytes = paramBytes;
  let gradientsBytes = trainable * gradBytes;
  if (s.optimizerInBackward) {
    // torchtune optimizer_in_bwd: each parameter steps in a backward hook and frees its gradient, so one tensor's gradient lives at a time.
    const largest = full ? c.largestTensorParams : Math.min(trainable, s.lora.rank * (m.hiddenSize + Math.max(m.intermediateSize, m.moeIntermediateSize)));
    gradientsBytes = Math.min(gradientsBytes, largest * gradBytes);
  }
  const adapterBytes = full ? 0 : trainable * paramBytes;
  return {
    weightsBytes: (full ? c.totalParams * paramBytes : baseWeightsBytes) + adapterBytes,
    baseWeightsBytes: full ? c.totalParams * paramBytes : baseWeightsBytes,
    gradientsBytes,
    optimizerBytes: trainable * (optPerParam + master),
    masterBytes: trainable * master,
    trainableParams: trainable,
    bytesPerTrainableParam: { weight: paramBytes, gradient: gradBytes, optimizer: optPerParam + master },
    layout,
  };
}

/** How activations are split across cards. */
export interface ActivationSharding {
  /** Tensor-parallel degree (with sequence parallelism every term divides by it: Korthikanti et al. 2022, §4.2.2). */
  tensorParallel: number;
  /** Pipeline-parallel degree. */
  pipelineParallel: number;
}

/** Activation memory split into the terms the explanation shows. */
export interface ActivationTerms {
  /** Saved activations of the transformer blocks at the end of the forward pass. */
  savedBytes: number;
  /** Logits and cross-entropy buffers. */
  logitsBytes: number;
  /** Working set of the block being computed (backward gradients, recompute, dequantized weights). */
  workingBytes: number;
  /** Bytes saved per token per block without recomputation, the s·b·h·(34 + 5as/h) of Korthikanti et al. */
  perTokenPerLayerBytes: number;
  /** Sum of the three. */
  totalBytes: number;
}

/**
 * Bytes one token saves in one block for backward, after Korthikanti et al. 2022, §4.1 (34 s·b·h + 5 a·s²·b for GPT with
 * dropout and no FlashAttention), generalised to GQA, gated FFNs, MoE and a frozen base (LoRA saves no input of a frozen,
 * un-adapted linear layer).
 */
function savedPerTokenPerLayer(s: Scenario, e: number, seqLen: number, moeLayer: boolean): number {
  const m = s.model;
  const h = m.hiddenSize;
  const full = isFullTraining(s);
  const t = s.lora.targets;
  const needs = (...names: string[]): boolean => full || names.some((n) => (t as readonly string[]).includes(n));
  // torch.autocast runs layer_norm and softmax in fp32 (PyTorch docs, Automatic Mixed Precision, "CUDA Ops that can autocast to
  // float32"); with fp32 parameters the residual stream stays fp32, so norms save fp32 inputs.
  const autocast = isAutocast(s);
  // RMSNorm as implemented in HF Transformers and torchtune upcasts its input to fp32 and keeps it; LayerNorm keeps it in e bytes.
  // torch.compile's min-cut partitioner recomputes cheap pointwise ops in backward instead of saving them (Ansel et al. 2024,
  // PyTorch 2, §4.2 AOTAutograd): the norm's fp32 copy and the SwiGLU activation output are not kept.
  const compiled = s.compile;
  const normBytes = compiled ? e : autocast ? 4 : m.norm === 'rmsnorm' ? Math.max(4, e) : e;
  let bytes = m.normsPerLayer * h * normBytes;
  const qWidth = m.mla ? m.heads * (m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim) : m.heads * m.headDim;
  const kvWidth = m.mla ? m.heads * (m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim + m.mla.vHeadDim) + m.mla.kvLoraRank + m.mla.qLoraRank : 2 * m.kvHeads * m.headDim;
  const oWidth = m.mla ? m.heads * m.mla.vHeadDim : m.heads * m.headDim;
  // Korthikanti §4.1: QKV input 2sbh; Q, K (4sbh) and V (2sbh) for attention's backward.
  if (needs('q', 'k', 'v')) bytes += h * e;
  bytes += (qWidth + kvWidth) * e;
  if (s.flashAttention) {
    // FlashAttention keeps the output and the fp32 log-sum-exp per head instead of the s x s scores (Dao et al. 2022, §3.1).
    bytes += oWidth * e + 4 * m.heads;
  } else {
    const ctx = effectiveContext(m, seqLen);
    // Korthikanti §4.1: softmax output 2as²b; with dropout its mask as²b and output 2as²b (5as²b in all). Under autocast the
    // softmax output is fp32 (4 bytes, kept for its backward) and the scores @ V matmul keeps its own 16-bit cast (PyTorch AMP op reference).
    bytes += m.heads * ctx * (autocast ? 4 + (m.dropout ? 1 : 0) + e : m.dropout ? 2 * e + 1 : e);
    if (needs('o')) bytes += oWidth * e;
  }
  // Korthikanti §4.1: dropout masks after attention and after the MLP, one byte per element each.
  if (m.dropout) bytes += 2 * h;
  const width = moeLayer ? m.moeIntermediateSize : m.intermediateSize;
  const copies = moeLayer ? m.expertsPerToken + m.sharedExperts : 1;
  // MLP input (2sbh in Korthikanti) is kept when a trained matrix reads it; an MoE layer dispatches one copy per expert.
  if (needs('gate', 'up')) bytes += h * e * copies;
  if (m.ffnKind === 'gated') {
    // SwiGLU: gate and up outputs and the activation feed the product's backward; the product feeds down's weight gradient.
    bytes += copies * width * e * ((compiled ? 2 : 3) + (needs('down') ? 1 : 0));
  } else {
    // Korthikanti §4.1: GeLU input 8sbh and output 8sbh with a 4h FFN.
    bytes += copies * width * e * (1 + (needs('down') ? 1 : 0));
  }
  return bytes;
}

/**
 * Bytes per token per block that tensor parallelism does not split unless sequence parallelism is on: the norm inputs,
 * the inputs of the QKV and first MLP matmuls, and the dropout masks: the "10" of Korthikanti et al. 2022, §4.2.2,
 * s·b·h·(10 + 24/t + 5·a·s/(h·t)) for GPT with dropout.
 */
function replicatedPerTokenPerLayer(s: Scenario, e: number, moeLayer: boolean): number {
  const m = s.model;
  const h = m.hiddenSize;
  const full = isFullTraining(s);
  const t = s.lora.targets;
  const needs = (...names: string[]): boolean => full || names.some((n) => (t as readonly string[]).includes(n));
  const normBytes = isAutocast(s) ? 4 : m.norm === 'rmsnorm' ? Math.max(4, e) : e;
  const copies = moeLayer ? m.expertsPerToken + m.sharedExperts : 1;
  return m.normsPerLayer * h * normBytes + (needs('q', 'k', 'v') ? h * e : 0) + (needs('gate', 'up') ? h * e * copies : 0) + (m.dropout ? 2 * h : 0);
}

/**
 * Activation memory of a training step at its peak, per card (Korthikanti et al. 2022, §4: full recomputation keeps each
 * block's input plus one block's activations; sequence parallelism divides by t; the first pipeline stage holds L layers).
 */
export function trainingActivations(s: Scenario, shard: ActivationSharding): ActivationTerms {
  const m = s.model;
  const c = countParams(m);
  const e = activationElementBytes(s);
  const tokens = s.batchSize * s.seqLen;
  const denseLayers = m.experts > 1 ? m.denseLayers : m.layers;
  const moeLayers = m.layers - denseLayers;
  const perDense = savedPerTokenPerLayer(s, e, s.seqLen, false);
  const perMoe = moeLayers > 0 ? savedPerTokenPerLayer(s, e, s.seqLen, true) : 0;
  const perLayerMax = Math.max(perDense, perMoe);
  // Blocks below the lowest trainable one run without saving anything for backward (torch.no_grad suffices there).
  const trainedShare = trainedLayerFraction(s);
  const allLayers = denseLayers * perDense + moeLayers * perMoe;
  const t = shard.tensorParallel;
  let saved: number;
  let working: number;
  // Backward working set of one block: gradients of its widest tensors (2 x FFN width + 2 x h) (Korthikanti §4.1 counts saved tensors only).
  const ffnWidth = Math.max(m.intermediateSize, (m.expertsPerToken + m.sharedExperts) * m.moeIntermediateSize);
  working = tokens * e * (2 * ffnWidth + 2 * m.hiddenSize);
  if (s.gradientCheckpointing) {
    // Full recomputation: each block keeps its 2sbh input; backward rebuilds one block at a time (Korthikanti §4.2, Chen et al. 2016).
    const checkpoints = s.activationOffload ? Math.min(m.layers * trainedShare, 2) : m.layers * trainedShare;
    saved = tokens * checkpoints * m.hiddenSize * e;
    working += tokens * perLayerMax;
  } else if (s.activationOffload) {
    // torchtune activation offloading: saved tensors stream to CPU; about two blocks stay resident (one computing, one in transfer).
    saved = tokens * Math.min(2, m.layers * trainedShare) * perLayerMax;
  } else {
    saved = tokens * allLayers * trainedShare;
  }
  if (s.workload === 'qlora' || (isAdapterTraining(s) && weightLayout(s.weightsFormat, s.doubleQuant).weightOnlyQuantized)) {
    // bitsandbytes expands one 4-bit matrix to 16 bits for each matmul (QLoRA §3, "dequantize the storage data type").
    working += c.largestLinearParams * 2;
  }
  // Logits in the compute dtype, their fp32 upcast for the loss and fp32 log-probabilities (HF Transformers ForCausalLMLoss, torch cross_entropy);
  // chunked cross-entropy keeps the 16-bit logits but upcasts one of 8 chunks at a time (torchtune CEWithChunkedOutputLoss).
  const upcast = e < 4 ? 4 : 0;
  const perLogit = s.chunkedCrossEntropy ? e + (upcast + 4) / 8 : e + upcast + 4;
  const logits = tokens * m.vocabSize * perLogit;
  const p = shard.pipelineParallel;
  // Tensor parallelism splits saved activations by t only with sequence parallelism; without it the norm inputs, matmul
  // inputs and dropout masks stay whole on every card, and so does a checkpointed block input (Korthikanti §4.2.2).
  let replicatedShare = 0;
  if (t > 1 && !s.sequenceParallel) {
    const replicated = denseLayers * replicatedPerTokenPerLayer(s, e, false) + moeLayers * (moeLayers > 0 ? replicatedPerTokenPerLayer(s, e, true) : 0);
    replicatedShare = s.gradientCheckpointing ? 1 : allLayers > 0 ? replicated / allLayers : 0;
  }
  const savedCard = saved * (replicatedShare + (1 - replicatedShare) / t);
  const logitsCard = logits / t;
  // 1F1B pipeline: the first stage holds p micro-batches of L/p layers (Korthikanti §4.2.3); the last also holds the logits.
  const savedBlocks = p > 1 ? Math.max(savedCard, savedCard / p + logitsCard) : savedCard;
  const logitsPerCard = p > 1 ? 0 : logitsCard;
  return {
    savedBytes: savedBlocks,
    logitsBytes: logitsPerCard,
    workingBytes: working / t,
    perTokenPerLayerBytes: allLayers / m.layers,
    // A framework that frees the logits before the blocks' backward (frameworks.ts) peaks at the larger of the two, not their sum.
    totalBytes: savedBlocks + (FRAMEWORK_PROFILES[s.framework].logitsFreedBeforeBlockBackward.value ? Math.max(logitsPerCard, working / t) : logitsPerCard + working / t),
  };
}

/**
 * Peak activation memory of inference: the prefill working set of one block (no tensors are kept for backward) plus
 * last-token fp32 logits; without fused attention the a·s² score matrix exists in 16 bits and its fp32 softmax.
 */
export function inferenceActivations(s: Scenario, shard: ActivationSharding): ActivationTerms {
  const m = s.model;
  const e = 2;
  const tokens = s.batchSize * s.promptTokens;
  const qWidth = m.heads * m.headDim;
  const kvWidth = m.mla ? m.mla.kvLoraRank + m.mla.qkRopeHeadDim : 2 * m.kvHeads * m.headDim;
  const ffnWidth = Math.max(m.intermediateSize, (m.expertsPerToken + m.sharedExperts) * m.moeIntermediateSize);
  // Residual, normed input, attention output, Q/K/V, and the FFN's gate, up and product (or fc1 and activation).
  const perToken = e * (3 * m.hiddenSize + qWidth + kvWidth + (m.ffnKind === 'gated' ? 3 : 2) * ffnWidth);
  let working = tokens * perToken;
  if (!s.flashAttention) working += s.batchSize * m.heads * s.promptTokens * effectiveContext(m, s.promptTokens) * (e + 4);
  const logits = s.batchSize * m.vocabSize * 4;
  const t = shard.tensorParallel;
  return { savedBytes: 0, logitsBytes: logits / t, workingBytes: working / t, perTokenPerLayerBytes: perToken, totalBytes: (working + logits) / t };
}

/**
 * KV cache bytes per card: 2 (K and V) x layers x kvHeads x headDim x tokens x bytes, with sliding-window layers capped at their
 * window (Ainslie et al. 2023, GQA §2; Pope et al. 2022, Efficiently Scaling Transformer Inference, §3.1), or the MLA latent.
 * @example kvCacheBytes(llama2_7b, 4096, 1, 'fp16', 1, 1) //=> 2147483648
 */
export function kvCacheBytes(m: ModelArch, contextTokens: number, batchSize: number, format: KvCacheFormat, tensorParallel: number, pipelineParallel: number): number {
  const tokensPerLayer = effectiveContext(m, contextTokens);
  // Tensor parallelism splits KV heads; with fewer KV heads than ranks each rank keeps one head (a replica).
  const headShare = m.mla ? 1 : Math.max(1 / tensorParallel, 1 / m.kvHeads);
  return (batchSize * m.layers * tokensPerLayer * kvValuesPerTokenPerLayer(m) * kvBytesPerValue(format) * headShare) / pipelineParallel;
}

/**
 * CUDA context plus caching-allocator slack: the gap between torch.cuda.max_memory_allocated() and nvidia-smi
 * (PyTorch docs, "CUDA semantics: memory management").
 */
export function overheadBytes(staticBytes: number, transientBytes: number): number {
  return CUDA_CONTEXT_BYTES + ALLOCATOR_SLACK_STATIC * staticBytes + ALLOCATOR_SLACK_TRANSIENT * transientBytes;
}
