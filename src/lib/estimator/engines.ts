/**
 * What a serving engine adds to the roofline of a decode step and a prefill: how much of the card's bandwidth its weight kernels
 * reach, the fixed cost of launching its kernels one by one for every layer, host work per token, and the memory traffic of
 * attention when it is not fused (no FlashAttention). Each term names its source; terms calibrated on the validation set's
 * in-sample cases (never on the held-out quarter) say so.
 */
import type { Engine } from '../scenario/vocabulary.ts';

/** A number with where it comes from. */
export interface SourcedValue {
  /** The value. */
  value: number;
  /** Document, section, or how it was calibrated. */
  source: string;
}

/** The host a card usually runs in: data-centre cards with HBM sit in cloud servers; GDDR cards in desktops and workstations. */
export type HostClass = 'desktop' | 'server';

/** The card columns the engine model reads. */
export interface EngineCard {
  /** Memory technology ("HBM2e", "GDDR6X", ...); absent for a reader's custom card. */
  memoryType?: string | undefined;
  /** L2 cache in MB; absent for a reader's custom card. */
  l2CacheMB?: number | undefined;
}

/**
 * Where a card usually runs: HBM parts (A100, H100, H200, V100, P100) are sold as data-centre boards and run in rented servers,
 * whose CPUs have lower single-thread speed and whose GPUs sit behind virtualised PCIe; every other card counts as a desktop.
 * @example hostClass({ memoryType: 'HBM3' }) //=> "server"
 */
export function hostClass(gpu: EngineCard): HostClass {
  return gpu.memoryType?.toUpperCase().startsWith('HBM') ? 'server' : 'desktop';
}

/** One engine's decode and prefill behaviour. */
export interface EngineProfile {
  /** Fraction of peak DRAM bandwidth the weight-streaming kernels of a batch-1 decode reach. */
  weightBandwidthEfficiency: SourcedValue;
  /** Seconds per transformer layer per decode step spent launching unfused kernels one at a time, by host class. */
  perLayerLaunchSeconds: Readonly<Record<HostClass, number>>;
  /** Where the per-layer figures come from. */
  perLayerSource: string;
  /** Host-side seconds per decode step outside the GPU kernels (scheduling, sampling, detokenising). */
  hostStepSeconds: SourcedValue;
  /** Whether activations stay in FP32 between matmuls, so each cuBLAS call converts its input and output (llama.cpp). */
  f32Activations: boolean;
  /**
   * Bytes of memory traffic per attention score when attention is not fused (flashAttention off); 0 where the engine always
   * runs a fused kernel.
   */
  unfusedScoreBytes: number;
  /** Whether unfused attention multiplies each query head by its own copy of K and V (GQA groups not shared). */
  unfusedRereadsKvPerHead: boolean;
}

const PYTHON_HOST = 'vLLM blog 2024-09-05 (v0.6.0: CPU scheduling per step); vLLM blog 2025-01-27 (V1)';
const BASE_EFFICIENCY = 'mlc-ai/llm-perf-bench README (RTX 4090, Llama 2 7B q4: 191 tok/s); llama.cpp PR #3776 (llama 7B F16 tg128)';
const LLAMA_CPP_EFFICIENCY = 'llama.cpp GEMV kernels with launches counted apart (the 0.75 of mlc-ai/llm-perf-bench includes them); calibrated in-sample';
const LAUNCH_SOURCE = 'NVIDIA blog 2024, A. Gray, Optimizing llama.cpp AI Inference with CUDA Graphs; magnitudes calibrated in-sample (builds before CUDA graphs)';

/**
 * Per-engine profiles, keyed by the scenario's `engine`. llama.cpp: C++ loop without a Python host step, activations in F32
 * (ggml-cuda.cu, ggml_cuda_op_mul_mat_cublas), unfused attention unless flash attention is switched on (ggml.c,
 * ggml_mul_mat + ggml_soft_max_ext). ExLlamaV2: its own fused GPTQ/EXL2 GEMV kernels, Python generator loop. The PyTorch
 * serving engines (vLLM, Transformers, TensorRT-LLM) keep the vLLM host-step figure until a measurement says otherwise.
 */
export const ENGINE_PROFILES: Readonly<Record<Engine, EngineProfile>> = {
  'llama.cpp': {
    weightBandwidthEfficiency: { value: 0.85, source: LLAMA_CPP_EFFICIENCY },
    perLayerLaunchSeconds: { desktop: 50e-6, server: 120e-6 },
    perLayerSource: LAUNCH_SOURCE,
    hostStepSeconds: { value: 0, source: 'C++ token loop' },
    f32Activations: true,
    // KQ written as F16 by cuBLAS and converted to F32 (2 + 2 + 4), soft_max reads and writes F32 (4 + 4), the KQV product
    // converts its F32 input to F16 (4 + 2): 22 bytes per score (ggml-cuda.cu, ggml_cuda_op_mul_mat_cublas; ggml_soft_max_ext).
    unfusedScoreBytes: 22,
    unfusedRereadsKvPerHead: true,
  },
  exllamav2: {
    weightBandwidthEfficiency: { value: 0.9, source: 'exllamav2 README Performance table (time per token vs weight bytes); calibrated in-sample' },
    // No published ExLlamaV2 run on a server card: the server figure is llama.cpp's.
    perLayerLaunchSeconds: { desktop: 20e-6, server: 120e-6 },
    perLayerSource: LAUNCH_SOURCE,
    hostStepSeconds: { value: 0.3e-3, source: 'exllamav2 README: 245 tok/s (4.1 ms) on an RTX 4090 leaves under 1 ms for the Python loop' },
    f32Activations: false,
    unfusedScoreBytes: 0,
    unfusedRereadsKvPerHead: false,
  },
  vllm: python(),
  transformers: python(),
  'tensorrt-llm': python(),
};

function python(): EngineProfile {
  return {
    weightBandwidthEfficiency: { value: 0.75, source: BASE_EFFICIENCY },
    perLayerLaunchSeconds: { desktop: 0, server: 0 },
    perLayerSource: 'CUDA graphs replay the step',
    hostStepSeconds: { value: 2.5e-3, source: PYTHON_HOST },
    f32Activations: false,
    unfusedScoreBytes: 0,
    unfusedRereadsKvPerHead: false,
  };
}

/** The engine-specific parts of one decode step on one card. */
export interface EngineDecodeTerms {
  /** Fraction of peak bandwidth the step's weight reads reach. */
  bandwidthEfficiency: number;
  /** Fixed seconds: per-layer kernel launches plus the host step. */
  fixedSeconds: number;
  /** Of fixedSeconds: the per-layer launches. */
  launchSeconds: number;
  /** Extra bytes read because unfused attention re-reads K and V per query head and moves the score vector. */
  attentionBytes: number;
}

/** What the engine model needs to know about a decode step. */
export interface DecodeShape {
  /** Serving engine. */
  engine: Engine;
  /** Whether attention is fused (FlashAttention). */
  flashAttention: boolean;
  /** Transformer layers run per step (per card of a tensor-parallel group, all of them). */
  layers: number;
  /** Query heads per card. */
  headsPerCard: number;
  /** Query heads per KV head (1 for MHA). */
  groupSize: number;
  /** KV-cache bytes the step reads once (all sequences, all layers, per card). */
  kvBytes: number;
  /** KV-cache bytes of one layer's keys (or values) for one sequence, per card. */
  kvLayerSliceBytes: number;
  /** Sequences in the batch. */
  batchSize: number;
  /** Average context of the step in tokens. */
  contextTokens: number;
}

/**
 * The engine's additions to a decode step on a card. Unfused GQA attention multiplies every query head by its own broadcast
 * copy of the layer's keys and values (ggml_mul_mat broadcasting over heads); those re-reads hit DRAM only when a layer's key
 * slice does not fit in the card's L2 cache (else they are served from L2).
 * @example engineDecodeTerms(llamaCppShape, rtx4090).bandwidthEfficiency //=> 0.75
 */
export function engineDecodeTerms(d: DecodeShape, gpu: EngineCard): EngineDecodeTerms {
  const p = ENGINE_PROFILES[d.engine];
  const launchSeconds = d.layers * p.perLayerLaunchSeconds[hostClass(gpu)];
  let attentionBytes = 0;
  if (!d.flashAttention && p.unfusedScoreBytes > 0) {
    attentionBytes += d.batchSize * d.layers * d.headsPerCard * d.contextTokens * p.unfusedScoreBytes;
    const l2Bytes = (gpu.l2CacheMB ?? 0) * 1e6;
    if (p.unfusedRereadsKvPerHead && d.groupSize > 1 && d.kvLayerSliceBytes > l2Bytes) attentionBytes += d.kvBytes * (d.groupSize - 1);
  }
  return { bandwidthEfficiency: p.weightBandwidthEfficiency.value, fixedSeconds: launchSeconds + p.hostStepSeconds.value, launchSeconds, attentionBytes };
}

/**
 * Bytes of score traffic of an unfused prefill: each layer and head scores every prompt token against the cache so far, in
 * micro-batches of `ubatchTokens` (a chunk attends to everything before it and itself, so n(n + u)/2 scores per head), times the
 * engine's bytes per score; 0 when attention is fused or the engine always fuses it.
 * @example unfusedPrefillScoreBytes('llama.cpp', false, 32, 32, 512, 512) //=> 32 * 32 * 512 * 1024 / 2 * 22
 */
export function unfusedPrefillScoreBytes(engine: Engine, flashAttention: boolean, layers: number, headsPerCard: number, promptTokens: number, ubatchTokens: number): number {
  const perScore = ENGINE_PROFILES[engine].unfusedScoreBytes;
  if (flashAttention || perScore === 0) return 0;
  const u = Math.min(ubatchTokens, promptTokens);
  return layers * headsPerCard * ((promptTokens * (promptTokens + u)) / 2) * perScore;
}
