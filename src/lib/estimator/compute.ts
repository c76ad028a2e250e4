/**
 * Compute and time: FLOPs per token, the compute format a workload runs in, sustained clocks, and the three throughputs
 * (training, prefill, decode) with the roofline deciding whether a step is bound by compute or by memory bandwidth.
 */
import { topLayerShare } from '../teaching/freeze.ts';
import { attentionWidths, countParams, effectiveContext, kvValuesPerTokenPerLayer, loraParams } from '../scenario/models.ts';
import { isAdapterTraining, kvBytesPerValue, type WeightLayout } from './memory.ts';
import { bandwidthBytesPerSecond, peakMatmulFlops, type ComputeFormat } from './peaks.ts';
import { nf4DequantBytesPerStep } from './frameworks.ts';
import { engineDecodeTerms, ENGINE_PROFILES, unfusedPrefillScoreBytes, type DecodeShape, type EngineCard } from './engines.ts';
import type { GpuSpec, Scenario, Workload } from '../types.ts';
import { TERA } from '../units.ts';

/** A default utilisation with the measurement it comes from. */
export interface SourcedDefault {
  /** The fraction (0-1). */
  value: number;
  /** Where the value comes from. */
  source: string;
}

/**
 * Default model-FLOPs utilisation per training workload, applied to the FLOPs actually executed (recompute included).
 * Inference uses PREFILL_EFFICIENCY and DECODE_BANDWIDTH_EFFICIENCY instead.
 */
export const MFU_DEFAULTS: Record<Exclude<Workload, 'inference'>, SourcedDefault> = {
  pretrain: { value: 0.4, source: 'Llama Team 2024, The Llama 3 Herd of Models, Table 4 (38-43% BF16 MFU on H100); Chowdhery et al. 2022, PaLM, Table 3 (46.2%)' },
  // Executed-FLOPs utilisation (HFU) of single-node training: llm-foundry measures HFU 0.60-0.77 on A100 and 0.40-0.59 on H100 for 1B-30B with activation checkpointing.
  'full-finetune': { value: 0.55, source: 'mosaicml/llm-foundry scripts/train/benchmarking/README.md (HFU 0.60-0.77 on 8x A100 80GB, 0.40-0.59 on 8x H100, MPT 1B-30B, 1k-8k tokens): midpoint for one node' },
  // LoRA counts only the FLOPs it executes (no frozen weight gradients); Hu et al. measure 25% speedup for 1/3 fewer FLOPs (4N vs 6N), so 1.25/1.5 of full fine-tuning's utilisation.
  lora: { value: 0.46, source: 'Hu et al. 2021, LoRA §4.2 (25% faster than full fine-tuning for 1.5x fewer executed FLOPs: 0.83 x the full fine-tuning HFU of 0.55)' },
  qlora: { value: 0.46, source: 'as LoRA (Hu et al. 2021 §4.2); the 4-bit dequantization traffic of QLoRA (Dettmers et al. 2023 §3) is added explicitly' },
};

/** Fraction of the dense peak a prefill reaches on long prompts (vLLM and TensorRT-LLM prefill on A100/H100 run at 50-70% MFU). */
export const PREFILL_EFFICIENCY: SourcedDefault = { value: 0.6, source: 'NVIDIA TensorRT-LLM performance overview (H100/L40S/A100 context phase); Pope et al. 2022 §3.2' };
/** Fraction of peak memory bandwidth a decode step reaches (MLC LLM: Llama 2 7B 4-bit at 191 tok/s on an RTX 4090 is 70% of 1008 GB/s including overheads). */
export const DECODE_BANDWIDTH_EFFICIENCY: SourcedDefault = { value: 0.75, source: 'mlc-ai/llm-perf-bench README (RTX 4090, Llama 2 7B q4: 191 tok/s); llama.cpp PR #3776 (llama 7B F16 tg128)' };
/** Per-token latency floor: kernel launches (~8 per block at ~2.5 us each, NVIDIA CUDA C++ Best Practices Guide §10) plus sampling and host sync. */
export const LATENCY_FLOOR = { perLayerSeconds: 20e-6, perTokenSeconds: 200e-6 } as const;
/** Tokens per prefill micro-batch that each expanded (dequantized) weight serves (llama.cpp default ubatch 512). */
const PREFILL_CHUNK_TOKENS = 512;

/** Watts per dense FP16 (FP16-accumulate) tensor TFLOPS of the full-power reference card of each architecture (spec sheets). */
const REFERENCE_WATTS_PER_TFLOPS: Record<string, number> = {
  volta: 300 / 125, // V100 SXM2
  turing: 280 / 130.5, // TITAN RTX
  ampere: 400 / 312, // A100 SXM
  ada: 450 / 330.3, // RTX 4090
  hopper: 700 / 989.4, // H100 SXM
  blackwell: 575 / 419, // RTX 5090
};

/**
 * Sustained clock under dense matmul load as a fraction of boost. A board with less power per TFLOPS than its
 * architecture's full-power part runs slower: dynamic power ~ C V^2 f with V ~ f, so f ~ P^(1/3) (Hennessy & Patterson,
 * Computer Architecture, §1.5). 1 for full-power parts and cards without Tensor Cores.
 * @example sustainedClockFactor(h100Pcie) //=> 0.87
 */
export function sustainedClockFactor(gpu: GpuSpec & { architecture?: string }): number {
  const ref = gpu.architecture ? REFERENCE_WATTS_PER_TFLOPS[gpu.architecture] : undefined;
  const tflops = gpu.tensorFp16Fp16AccTflops;
  if (!ref || !tflops || !(gpu.boardPowerW > 0)) return 1;
  const ratio = gpu.boardPowerW / tflops / ref;
  return Math.min(1, Math.cbrt(ratio));
}

/** The matmul format a scenario computes in, and the card's dense peak for it. */
export interface ComputePeak {
  /** Format. */
  format: ComputeFormat;
  /** Dense peak in FLOP/s at boost clock. */
  peakFlopsPerSecond: number;
  /** Spec column used. */
  column: string;
  /** Set when the card lacks the preferred format and a slower path stands in. */
  fallbackNote: string | null;
}

const peakCache = new WeakMap<GpuSpec, Map<string, ComputePeak>>();

/** Picks a format's peak (memoised per card), falling back to the card's fastest 16- or 32-bit path when it lacks the format. */
function peakWithFallback(gpu: GpuSpec, wanted: ComputeFormat | 'fp16-acc16'): ComputePeak {
  let byFormat = peakCache.get(gpu);
  if (!byFormat) peakCache.set(gpu, (byFormat = new Map()));
  let hit = byFormat.get(wanted);
  if (!hit) byFormat.set(wanted, (hit = wanted === 'fp16-acc16' ? fp16AccPeak(gpu) : computePeak(gpu, wanted)));
  return hit;
}

/** llama.cpp's FP16-accumulate tensor path, or the usual FP16 path without it. */
function fp16AccPeak(gpu: GpuSpec): ComputePeak {
  const fp16acc = gpu.tensorFp16Fp16AccTflops;
  if (fp16acc) return { format: 'fp16', peakFlopsPerSecond: fp16acc * TERA, column: 'tensorFp16Fp16AccTflops', fallbackNote: null };
  return computePeak(gpu, 'fp16');
}

function computePeak(gpu: GpuSpec, wanted: ComputeFormat): ComputePeak {
  const direct = peakMatmulFlops(gpu, wanted);
  if (direct && !direct.fallback) return { format: wanted, peakFlopsPerSecond: direct.peakFlopsPerSecond, column: direct.column, fallbackNote: null };
  // Without the format in hardware, frameworks run the fastest path the card has (e.g. FP32 on Pascal GeForce, where FP16 is 1/64 rate).
  let best: ComputePeak | null = null;
  for (const f of ['fp16', 'fp32'] as const) {
    const p = f === wanted ? direct : peakMatmulFlops(gpu, f);
    if (p && (!best || p.peakFlopsPerSecond > best.peakFlopsPerSecond)) {
      best = { format: f, peakFlopsPerSecond: p.peakFlopsPerSecond, column: p.column, fallbackNote: `${gpu.name} has no ${wanted} tensor path; ${p.column} stands in` };
    }
  }
  if (best) return best;
  return { format: 'fp32', peakFlopsPerSecond: 1 * TERA, column: 'fp32Tflops', fallbackNote: `${gpu.name} lists no usable peak; 1 TFLOPS assumed` };
}

/** The matmul format and peak for training under the scenario's precision (PyTorch runs fp32 matmuls without TF32 by default). */
export function trainingPeak(s: Scenario, gpu: GpuSpec): ComputePeak {
  const f: ComputeFormat = s.trainingPrecision === 'fp32' ? 'fp32' : s.trainingPrecision === 'fp16-mixed' ? 'fp16' : 'bf16';
  return peakWithFallback(gpu, f);
}

/**
 * The matmul format and peak for inference: fp8 weights run FP8 tensor cores where the card has them; weight-only formats
 * are expanded to 16 bits; GGUF and fp16 weights are taken to run in llama.cpp, whose cuBLAS path multiplies F16 (or
 * dequantized) matrices with CUBLAS_COMPUTE_16F on Volta and newer (ggml-cuda.cu, ggml_cuda_op_mul_mat_cublas), so GeForce
 * cards reach their full-rate FP16-accumulate peak; bf16 runs PyTorch/vLLM GEMMs with FP32 accumulation (BF16 peak).
 */
export function inferencePeak(s: Scenario, gpu: GpuSpec): ComputePeak {
  const w = s.weightsFormat;
  if (w.kind === 'bits') return peakWithFallback(gpu, 'fp16-acc16');
  if (w.name === 'fp32') return peakWithFallback(gpu, 'fp32');
  if (w.name === 'bf16') return peakWithFallback(gpu, 'bf16');
  if (w.name === 'fp8') return peakWithFallback(gpu, 'fp8');
  // llama.cpp's F16 matmuls accumulate in FP16 (see above); PyTorch engines accumulate FP16 products in FP32.
  if (w.name === 'fp16') return peakWithFallback(gpu, s.engine === 'llama.cpp' ? 'fp16-acc16' : 'fp16');
  return peakWithFallback(gpu, 'fp16');
}

/**
 * Training FLOPs per token: forward 2N + attention 2·L·s·(d_qk + d_v) (Kaplan et al. 2020 §2.1; PaLM App. B counts 6N + 12·L·H·Q·T),
 * backward twice the forward; LoRA skips the frozen weights' gradients (backward 2N instead of 4N, Hu et al. 2021 §4.2);
 * full recomputation adds one more forward: 8N (Korthikanti et al. 2022, §5, HFU).
 * @example trainingFlopsPerToken(llama2_7b_fullFinetune_seq2048) //=> about 6 x 6.74e9 + attention
 */
export function trainingFlopsPerToken(s: Scenario): number {
  const m = s.model;
  const c = countParams(m);
  const { qkWidth, vWidth } = attentionWidths(m);
  const n = c.matmulParamsPerToken;
  // A causal decoder with FlashAttention skips the masked upper half of the score matrix (Dao 2023, FlashAttention-2, §3.1.1);
  // an encoder, or eager attention that materialises and masks the full s x s scores, computes all of it.
  const causalShare = s.flashAttention && !m.encoder ? 0.5 : 1;
  const attentionForward = 2 * m.layers * effectiveContext(m, s.seqLen) * causalShare * (qkWidth + vWidth);
  const forward = 2 * n + attentionForward;
  const adapter = isAdapterTraining(s) ? 6 * loraParams(m, s.lora.rank, s.lora.targets) : 0;
  if (s.workload === 'full-finetune' && s.trainableTopLayers !== null) {
    // Top k blocks only: no backward at all below the lowest trainable block; input gradients flow through the head and the k
    // blocks (2 FLOPs per weight), weight gradients only for trained weights (2 more); recompute covers the k blocks alone.
    const share = topLayerShare(m, s.trainableTopLayers);
    const f = share.layerFraction;
    const throughHead = n - c.activeLinearParams;
    const backwardTop = 2 * (c.activeLinearParams * f + throughHead) + 2 * share.trainedMatmulParamsPerToken + 2 * attentionForward * f;
    return forward + backwardTop + (s.gradientCheckpointing ? f * (2 * c.activeLinearParams + attentionForward) : 0);
  }
  const backward = isAdapterTraining(s) ? 2 * n + 2 * attentionForward : 4 * n + 2 * attentionForward;
  return forward + backward + adapter + (s.gradientCheckpointing ? forward : 0);
}

/** Forward FLOPs per generated token at a given context: 2N (active) + 2·L·ctx·(d_qk + d_v) (Kaplan et al. 2020, Table 1). */
export function forwardFlopsPerToken(s: Scenario, contextTokens: number): number {
  const m = s.model;
  const { qkWidth, vWidth } = attentionWidths(m);
  return 2 * countParams(m).matmulParamsPerToken + 2 * m.layers * effectiveContext(m, contextTokens) * (qkWidth + vWidth);
}

/** Bytes of weights one decode step reads: every active weight once; with batch b an MoE layer touches E(1-(1-k/E)^b) experts. */
function decodeWeightBytesPerStep(s: Scenario, layout: WeightLayout, batchSize: number): number {
  const m = s.model;
  const c = countParams(m);
  let linearBytes = 0;
  for (const l of c.linears) {
    let used = l.activeCount;
    if (l.count > l.activeCount && m.experts > 1) {
      // Expected distinct experts hit by b tokens routing k of E each (uniform routing).
      const perLayer = m.experts * (1 - Math.pow(1 - m.expertsPerToken / m.experts, batchSize));
      used = (l.count / m.experts) * perLayer;
    }
    linearBytes += (used * l.inFeatures * l.outFeatures * layout.linearBitsPerParam) / 8;
  }
  // The rest read per token: norms, biases and the output head (the embedding table is a one-row lookup).
  const other = c.decodeReadParams - c.activeLinearParams;
  return linearBytes + (Math.max(0, other) * layout.otherBitsPerParam) / 8;
}

/** One decode step's time and what bounds it. */
export interface DecodeStep {
  /** Seconds per step (one token for each of the batch's sequences). */
  stepSeconds: number;
  /** Bytes read per step (weights + KV cache). */
  bytesPerStep: number;
  /** FLOPs per step. */
  flopsPerStep: number;
  /** Which roof binds. */
  bound: 'memory' | 'compute';
  /** The latency floor included in stepSeconds. */
  floorSeconds: number;
  /** Time to read the step's bytes at the decode bandwidth efficiency (the memory roof). */
  memorySeconds: number;
  /** Time for the step's FLOPs at the prefill efficiency (the compute roof). */
  computeSeconds: number;
}

/** The card-independent part of a decode step: bytes, FLOPs and the latency floor. */
export interface DecodeTerms {
  /** Bytes read per step (weights + KV cache), per card of a tensor-parallel group. */
  bytesPerStep: number;
  /** Of bytesPerStep: the weights (read once per step, shared by the batch). */
  weightBytesPerStep: number;
  /** Of bytesPerStep: the KV cache (read once per sequence of the batch). */
  kvBytesPerStep: number;
  /** FLOPs per step, per card. */
  flopsPerStep: number;
  /** Latency floor per step (kernel and sampling floor; the engine's launches and host step are added per card). */
  floorSeconds: number;
  /** What the engine model (engines.ts) needs: engine, layers, heads and KV slices. */
  shape: DecodeShape;
}

/** Bytes, FLOPs and floor of one decode step at the average context of the generation. */
export function decodeStepTerms(s: Scenario, layout: WeightLayout): DecodeTerms {
  const m = s.model;
  const t = s.tensorParallel;
  const b = s.batchSize;
  const ctx = s.promptTokens + s.outputTokens / 2;
  const headShare = m.mla ? 1 : Math.max(1 / t, 1 / m.kvHeads);
  const kvBytes = b * m.layers * effectiveContext(m, ctx) * kvValuesPerTokenPerLayer(m) * kvBytesPerValue(s.kvCacheFormat) * headShare;
  // Pipeline stages run one after another for one token, so a step still reads every stage's weights in sequence.
  const weightBytesPerStep = decodeWeightBytesPerStep(s, layout, b) / t;
  const bytesPerStep = weightBytesPerStep + kvBytes;
  const flopsPerStep = (b * forwardFlopsPerToken(s, ctx)) / t;
  // Tensor parallelism adds two all-reduces per layer (Megatron-LM §3), each at least ~10 us of NCCL latency.
  const floorSeconds = LATENCY_FLOOR.perTokenSeconds + m.layers * LATENCY_FLOOR.perLayerSeconds + (t > 1 ? 2 * m.layers * 10e-6 : 0);
  const shape: DecodeShape = {
    engine: s.engine, flashAttention: s.flashAttention, layers: m.layers, headsPerCard: m.heads / t, groupSize: m.mla ? 1 : m.heads / m.kvHeads,
    kvBytes, kvLayerSliceBytes: kvBytes / Math.max(1, b * m.layers) / 2, batchSize: b, contextTokens: effectiveContext(m, ctx),
  };
  return { bytesPerStep, weightBytesPerStep, kvBytesPerStep: kvBytes, flopsPerStep, floorSeconds, shape };
}

/**
 * Decode step time on the roofline (Williams et al. 2009): max(bytes / (bandwidth·η), FLOPs / (peak·η)) plus a latency floor;
 * the bytes are the weights once per step plus each sequence's KV cache (Pope et al. 2022, §3.1).
 */
export function decodeStepOnCard(d: DecodeTerms, gpu: GpuSpec & EngineCard, peak: ComputePeak, clock: number): DecodeStep {
  // The engine sets how much of the bandwidth its kernels reach, its per-layer launches and host step, and unfused attention's extra reads (engines.ts).
  const e = engineDecodeTerms(d.shape, gpu);
  const bytesPerStep = d.bytesPerStep + e.attentionBytes;
  const memorySeconds = bytesPerStep / (bandwidthBytesPerSecond(gpu) * e.bandwidthEfficiency);
  const computeSeconds = d.flopsPerStep / (peak.peakFlopsPerSecond * PREFILL_EFFICIENCY.value * clock);
  const floorSeconds = d.floorSeconds + e.fixedSeconds;
  const stepSeconds = Math.max(memorySeconds, computeSeconds) + floorSeconds;
  return { stepSeconds, bytesPerStep, flopsPerStep: d.flopsPerStep, bound: memorySeconds >= computeSeconds ? 'memory' : 'compute', floorSeconds, memorySeconds, computeSeconds };
}

/** The card-independent part of a prefill: FLOPs, weight bytes read and dequantization bytes, per card. */
export interface PrefillTerms {
  /** FLOPs of the whole prefill, per card. */
  flops: number;
  /** Weight bytes read once, per card. */
  weightBytes: number;
  /** Bytes moved outside the GEMMs: expanding quantized weights to 16 bits, and llama.cpp's F32<->F16 activation conversions, per card. */
  dequantBytes: number;
  /** Latency floor. */
  floorSeconds: number;
  /** Fraction of peak bandwidth the engine's streaming kernels reach (engines.ts). */
  bandwidthEfficiency: number;
}

/** FLOPs and bytes of the prefill of the batch's prompts. */
export function prefillTerms(s: Scenario, layout: WeightLayout, weightsBytes: number): PrefillTerms {
  const tokens = s.batchSize * s.promptTokens;
  const t = s.tensorParallel;
  // Causal attention: a prompt token attends to half the prompt on average.
  const flops = (tokens * forwardFlopsPerToken(s, s.promptTokens / 2)) / t;
  const c = countParams(s.model);
  let dequantBytes = 0;
  if (layout.weightOnlyQuantized) {
    // Expanding a quantized matrix reads q bits and writes 16 bits per weight; the GEMM's own read of the 16-bit copy is part of
    // the compute-bound GEMM, like a 16-bit model's weight read (ggml-cuda.cu: to_fp16_cuda before cublasGemmEx).
    const chunks = Math.ceil(tokens / PREFILL_CHUNK_TOKENS);
    dequantBytes = (chunks * c.activeParams * (layout.linearBitsPerParam / 8 + 2)) / t;
  }
  if (ENGINE_PROFILES[s.engine].f32Activations) {
    // llama.cpp keeps activations in F32: each cuBLAS matmul converts its input to F16 (read 4, write 2 bytes) and its F16 output
    // back to F32 (read 2, write 4) (ggml-cuda.cu, ggml_cuda_op_mul_mat_cublas: to_fp16_cuda on src1, to_fp32_cuda on dst_f16).
    let featuresPerToken = 0;
    for (const l of c.linears) featuresPerToken += l.activeCount * (l.inFeatures + l.outFeatures);
    dequantBytes += (tokens * featuresPerToken * 6) / t;
  }
  // Unfused attention writes the score matrix and reads it back (softmax, conversions) for every head (engines.ts).
  dequantBytes += s.batchSize * unfusedPrefillScoreBytes(s.engine, s.flashAttention, s.model.layers, s.model.heads / t, s.promptTokens, PREFILL_CHUNK_TOKENS);
  return { flops, weightBytes: weightsBytes / t, dequantBytes, floorSeconds: LATENCY_FLOOR.perTokenSeconds + s.model.layers * LATENCY_FLOOR.perLayerSeconds, bandwidthEfficiency: ENGINE_PROFILES[s.engine].weightBandwidthEfficiency.value };
}

/**
 * Prefill time for the batch's prompts: FLOPs at the prefill efficiency and the sustained clock, against reading the weights once,
 * plus the traffic outside the GEMMs (expanding quantized weights, activation conversions).
 */
export function prefillSecondsOnCard(p: PrefillTerms, gpu: GpuSpec, peak: ComputePeak, clock: number): number {
  const bw = bandwidthBytesPerSecond(gpu) * p.bandwidthEfficiency;
  const compute = p.flops / (peak.peakFlopsPerSecond * PREFILL_EFFICIENCY.value * clock);
  return Math.max(compute, p.weightBytes / bw) + p.dequantBytes / bw + p.floorSeconds;
}

/** The card-independent part of a training step: FLOPs and dequantization bytes per card. */
export interface TrainStepTerms {
  /** FLOPs per step per card. */
  flops: number;
  /** Bytes moved per step per card to expand 4-bit weights (QLoRA), else 0. */
  dequantBytes: number;
}

/** FLOPs and dequantization bytes of one training step on one card of a model-parallel group. */
export function trainStepTerms(s: Scenario, layout: WeightLayout): TrainStepTerms {
  const mp = s.tensorParallel * s.pipelineParallel;
  const flops = (s.batchSize * s.seqLen * trainingFlopsPerToken(s)) / mp;
  let dequantBytes = 0;
  if (isAdapterTraining(s) && layout.weightOnlyQuantized) {
    // QLoRA §3: every forward, backward (and recompute) pass expands each 4-bit matrix to bf16 before its matmul; the bytes per
    // weight depend on the framework's kernel (frameworks.ts). The matmul's read of the bf16 copy is inside its compute-bound time.
    dequantBytes = nf4DequantBytesPerStep(s, countParams(s.model).blockLinearParams) / mp;
  }
  return { flops, dequantBytes };
}

/** Training step seconds on a card from its card-independent terms. */
export function trainSecondsOnCard(t: TrainStepTerms, peak: ComputePeak, utilisation: number, bandwidthBps: number): number {
  return t.flops / (peak.peakFlopsPerSecond * utilisation) + t.dequantBytes / (bandwidthBps * DECODE_BANDWIDTH_EFFICIENCY.value);
}

/** Pipeline bubble fraction (p - 1) / m for m micro-batches per step (Narayanan et al. 2021, §2.2); m = 8p assumed. */
export function pipelineBubble(pipelineParallel: number): number {
  return pipelineParallel > 1 ? (pipelineParallel - 1) / (8 * pipelineParallel) : 0;
}
