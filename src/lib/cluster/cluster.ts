/**
 * One training step of a multi-card job, as the published runs time it: compute per micro-batch at a utilisation derived
 * from the matmul shapes, tensor-parallel all-reduces inside a node, context-parallel ring exchanges, pipeline sends and
 * the bubble of the schedule, data-parallel gradient sync once per step (DDP, ZeRO-1/2) or parameter gathers per
 * micro-batch (ZeRO-3/FSDP), each overlapped with the computation it can hide behind, and the optimizer step.
 */
import { allGather, allReduce, reduceScatter, sendRecv } from './collectives.ts';
import { sustainedClockFactor, trainingFlopsPerToken, trainingPeak } from '../estimator/compute.ts';
import { attentionWidths, effectiveContext, kvValuesPerTokenPerLayer } from '../scenario/models.ts';
import { dataParallelDegree, parallelShape } from './parallel.ts';
import { bandwidthBytesPerSecond } from '../estimator/peaks.ts';
import { bubbleFraction } from './pipeline.ts';
import { recomputePolicy } from './recompute.ts';
import { applyBoardVariant, placeGroups, resolveTopology, type Layout, type Placement, type Topology } from './topology.ts';
import type { GpuSpec, Scenario } from '../types.ts';
import type { AttentionKernel } from '../scenario/vocabulary.ts';

/**
 * The four constants of the step model that no datasheet gives, fitted to the training split of
 * src/data/validation/multi-gpu.json (the 25 throughput cases not named in multi-gpu-heldout.json; the held-out quarter,
 * chosen by a fixed seed, is scored and never fitted). Procedure, in scripts/fit-cluster.ts (`npx tsx scripts/fit-cluster.ts`
 * prints the fit and its scores): exhaustive search over a grid of physically plausible values (shares 0.05 apart and at
 * most 1, halfWidth 50 apart, elementwise 10 apart and at most 100), minimising the sum of squared log(predicted /
 * measured), among the points that keep the single-card validation's training-throughput gates (its one multi-card run,
 * torchtune's Llama 3.1 70B LoRA on 8 A100s, is timed by this model). Refitted once llm-foundry's runs were known to use
 * Triton attention: training split median error 9.1% -> 7.4%, bias 0.934 -> 0.999. The constraint binds: without it the
 * fit takes halfWidth 450 (training loss 1.5% lower) and that 70B run's prediction rises from 1.080 to 1.086 of measured.
 * - gemm: largest share of the dense peak a training step's matmuls reach, by architecture: fitted 0.70 on Ampere
 *   (218 of 312 TFLOPS) and 0.55 on Hopper (544 of 989). Hopper reaches less than Ampere: its peak tripled while memory
 *   bandwidth grew 1.7x, so the same kernels stall more often. The other architectures have no multi-card measurement
 *   and borrow the nearest generation's (not fitted);
 * - halfWidth: matmul inner width per tensor-parallel shard at which a GEMM reaches half that share: fitted 500, so a
 *   4,096-wide shard runs at 89% of it;
 * - halfTokens: tokens per micro-batch per card at which a GEMM reaches half that share (arithmetic intensity grows
 *   with a GEMM's smallest dimension: Williams et al. 2009, Roofline): held at 0, not fitted, as every measured run has
 *   at least 2,048 tokens per card and the data cannot see it;
 * - elementwise: bytes of memory-bound traffic per token per block per unit of hidden width, forward and backward
 *   (norms, residual adds, activation functions, rotary embeddings): fitted 50. Korthikanti et al. 2022 §4.1 count 34 bytes
 *   of stored activations per token per unit of width in a block; written once and read once or twice that is 68-102
 *   bytes, and fused kernels keep part of it on chip;
 * - attention: share of FlashAttention-2's best published speed (ATTENTION_EFFICIENCY) that training kernels reach:
 *   fitted 0.9.
 */
/** The step model's fitted constants (see above); scripts/fit-cluster.ts passes trial values to clusterStep. */
export interface ClusterCalibration {
  gemm: Readonly<Record<string, number>>;
  halfWidth: number;
  halfTokens: number;
  elementwise: number;
  attention: number;
}
/** The committed fit. */
export const CLUSTER_CALIBRATION: ClusterCalibration = {
  gemm: { ampere: 0.7, hopper: 0.55, ada: 0.7, blackwell: 0.55, volta: 0.7, turing: 0.7 },
  halfWidth: 500,
  halfTokens: 0,
  elementwise: 50,
  attention: 0.9,
};
/**
 * Share of the dense peak fused attention reaches: FlashAttention-2 runs forward + backward at up to 230 TFLOPS on an A100
 * (74% of 312) and 335 TFLOPS on an H100 SXM (34% of 989), as it uses none of Hopper's new instructions (Dao 2023,
 * FlashAttention-2, §4.1, Figures 4-6 and 7).
 */
const ATTENTION_EFFICIENCY: Readonly<Record<string, number>> = { ampere: 230 / 312, hopper: 335 / 989, blackwell: 0.34, ada: 0.6, turing: 0.5, volta: 0.5 };
/**
 * Speed of each fused attention kernel relative to FlashAttention-2 at the same shapes, forward + backward:
 * - sdpa: PyTorch's scaled_dot_product_attention dispatches bf16/fp16 on Ampere and later to its FlashAttention-2 backend
 *   (PyTorch 2.2 release notes), so it runs at FlashAttention-2's speed;
 * - triton: FlashAttention-2 is 1.3-2.5x faster than FlashAttention written in Triton (Dao 2023, §4.1, Figures 4-5, A100);
 *   the geometric middle of that range, 1.8x, stands for the whole range, and the same ratio is assumed on Hopper;
 * - flash3: FlashAttention-3 is 1.5-2.0x faster than FlashAttention-2 on H100 forward and 1.5-1.75x backward (Shah et al.
 *   2024, FlashAttention-3, §4.1); the low end, 1.5x, is taken; it runs on Hopper only, so other architectures get FlashAttention-2's speed.
 * @example attentionKernelSpeed('triton', 'ampere') //=> 0.556
 */
export function attentionKernelSpeed(kernel: AttentionKernel, architecture: string | undefined): number {
  if (kernel === 'triton') return 1 / 1.8;
  if (kernel === 'flash3') return architecture === 'hopper' ? 1.5 : 1;
  return 1;
}
/** Share of peak memory bandwidth element-wise kernels reach (same as a decode step's, compute.ts). */
const ELEMENTWISE_BANDWIDTH_EFFICIENCY = 0.8;
/** Share of a micro-batch's computation that ZeRO-3/FSDP prefetching hides parameter gathers behind (Zhao et al. 2023, PyTorch FSDP §3.3). */
const FSDP_OVERLAP = 0.9;
/** DDP gradient bucket (torch.nn.parallel.DistributedDataParallel bucket_cap_mb = 25): the last one cannot overlap. */
const DDP_BUCKET_BYTES = 25 * 1024 * 1024;
/** Bytes an AdamW step reads and writes per parameter: fp32 master, two moments, the gradient and the 16-bit copy (ZeRO §3.1). */
const OPTIMIZER_STEP_BYTES_PER_PARAM = 36;

/** Seconds of one step by where they go. */
export interface ClusterStep {
  /** The resolved topology. */
  topology: Topology;
  /** Degrees of the four parallel dimensions. */
  layout: Layout;
  /** Where each group runs. */
  placement: Placement;
  /** Micro-batches per step per data-parallel rank. */
  microBatches: number;
  /** Sequences per optimizer step over the whole job. */
  globalBatchSequences: number;
  /** Utilisation of the dense peak the matmuls run at (shape-derived, or the scenario's MFU override). */
  matmulEfficiency: number;
  /** Sustained clock as a fraction of boost (board power). */
  clock: number;
  /** Computation of all micro-batches, per card. */
  computeSeconds: number;
  /** Idle pipeline time. */
  bubbleSeconds: number;
  /** Tensor-parallel all-reduce time (not overlapped). */
  tensorSeconds: number;
  /** Context-parallel exchange left after overlap with attention. */
  contextSeconds: number;
  /** Pipeline sends. */
  pipelineSeconds: number;
  /** Data-parallel communication in total. */
  dataSeconds: number;
  /** Data-parallel communication not hidden behind backward. */
  dataExposedSeconds: number;
  /** All communication that is not hidden: tensor + context + pipeline + exposed data-parallel. */
  exposedCommunicationSeconds: number;
  /** Optimizer step. */
  optimizerSeconds: number;
  /** One optimizer step. */
  stepSeconds: number;
  /** Training tokens per second, whole job. */
  tokensPerSecond: number;
  /** Training tokens per second per card. */
  tokensPerSecondPerGpu: number;
  /** Model FLOPs utilisation: 6N + attention per token against the stock dense peak (Chowdhery et al. 2022, PaLM App. B). */
  mfu: number;
  /** Hardware FLOPs utilisation: executed FLOPs (recomputation included) against the same peak (Korthikanti et al. 2022 §5). */
  hfu: number;
  /** Model FLOPs per token. */
  modelFlopsPerToken: number;
  /** Executed FLOPs per token (recomputation included). */
  executedFlopsPerToken: number;
}

/**
 * Fraction of the dense peak a training matmul reaches from its shape: large-shape efficiency of the architecture times
 * w/(w + w_half) for the inner width per tensor-parallel shard and n/(n + n_half) for the tokens per micro-batch per card
 * (a GEMM's arithmetic intensity grows with its smallest dimension; Williams et al. 2009, Roofline).
 * @example matmulEfficiency('hopper', 8192, 16384) //=> about 0.52
 */
export function matmulEfficiency(architecture: string | undefined, widthPerShard: number, tokensPerCard: number, calibration: ClusterCalibration = CLUSTER_CALIBRATION): number {
  const top = calibration.gemm[architecture ?? ''] ?? 0.6;
  return top * (widthPerShard / (widthPerShard + calibration.halfWidth)) * (tokensPerCard / (tokensPerCard + calibration.halfTokens));
}

/**
 * Times one optimizer step of a (multi-card) training scenario.
 * @example clusterStep(llama8bOn8H100, h100).tokensPerSecondPerGpu //=> several thousand
 */
export function clusterStep(s: Scenario, card: GpuSpec & { architecture?: string; series?: string }, calibration: ClusterCalibration = CLUSTER_CALIBRATION): ClusterStep {
  const gpu = applyBoardVariant(card, s.boardVariant);
  const { model: m, params: c, state, tensor: t, pipeline: p, context: cp } = parallelShape(s);
  const d = dataParallelDegree(s);
  const layout: Layout = { tensorParallel: t, contextParallel: cp, pipelineParallel: p, dataParallel: d };
  const topology = resolveTopology(s, gpu);
  const placement = placeGroups(layout, topology);
  const micro = s.gradAccumulation;
  const e = s.trainingPrecision === 'fp32' ? 4 : 2;

  // FLOPs: model FLOPs (no recomputation) and what recomputation adds.
  const modelFlopsPerToken = trainingFlopsPerToken({ ...s, gradientCheckpointing: false });
  const forwardPerToken = trainingFlopsPerToken({ ...s, gradientCheckpointing: true }) - modelFlopsPerToken;
  const { qkWidth, vWidth } = attentionWidths(m);
  const causal = s.flashAttention && !m.encoder ? 0.5 : 1;
  const attentionForwardPerToken = 2 * m.layers * effectiveContext(m, s.seqLen) * causal * (qkWidth + vWidth);
  const policy = recomputePolicy(s);
  const executedFlopsPerToken = modelFlopsPerToken + policy.recomputedBlockShare * forwardPerToken + (policy.attentionOnly ? attentionForwardPerToken : 0);

  // Compute of one micro-batch on one card.
  const tokensPerMicro = s.batchSize * s.seqLen;
  const tokensPerCard = tokensPerMicro / cp;
  const peak = trainingPeak(s, gpu).peakFlopsPerSecond;
  const stockPeak = trainingPeak(s, card).peakFlopsPerSecond;
  const clock = sustainedClockFactor(gpu);
  const eta = s.mfu ?? matmulEfficiency(gpu.architecture, m.hiddenSize / t, tokensPerCard, calibration);
  // Fused attention runs at its own efficiency and its backward recomputes the scores: 2.5x the forward, not 2x (Dao 2023 §3.1.2).
  const fused = s.flashAttention && s.mfu === null;
  const attentionExecutedPerToken = fused ? attentionForwardPerToken * (3.5 + policy.recomputedBlockShare + (policy.attentionOnly ? 1 : 0)) : 0;
  const attentionModelPerToken = fused ? attentionForwardPerToken * (3 + policy.recomputedBlockShare + (policy.attentionOnly ? 1 : 0)) : 0;
  const attentionEfficiency = (ATTENTION_EFFICIENCY[gpu.architecture ?? ''] ?? 0.5) * calibration.attention * attentionKernelSpeed(s.attentionKernel, gpu.architecture);
  const flopsPerMicro = (tokensPerMicro * (executedFlopsPerToken - attentionModelPerToken)) / (t * p * cp);
  const attentionSeconds = (tokensPerMicro * attentionExecutedPerToken) / (t * p * cp) / (peak * attentionEfficiency * clock);
  const matmulSeconds = flopsPerMicro / (peak * eta * clock) + attentionSeconds;
  const bandwidth = bandwidthBytesPerSecond(gpu) * ELEMENTWISE_BANDWIDTH_EFFICIENCY;
  // Without sequence parallelism the norms and dropouts run on every tensor-parallel card (replicated).
  const elementwiseShard = s.sequenceParallel ? t : 1;
  const elementwiseBytes = (tokensPerCard * (m.layers / p) * calibration.elementwise * m.hiddenSize * (e / 2) * (1 + policy.recomputedBlockShare / 3)) / elementwiseShard;
  const microCompute = matmulSeconds + (s.mfu === null ? elementwiseBytes / bandwidth : 0);

  // Tensor parallelism: 2 all-reduces forward and 2 backward per block, 2 more when the block is recomputed (Megatron-LM §3).
  const activationBytes = tokensPerCard * m.hiddenSize * e;
  const layersPerStage = m.layers / p;
  const allReducesPerMicro = layersPerStage * (4 + 2 * policy.recomputedBlockShare);
  const tensorPerMicro = t > 1 ? allReducesPerMicro * allReduce(activationBytes, t, placement.tensor.link).seconds : 0;

  // Context parallelism: ring attention passes each card's K and V around the ring (cp - 1 hops) forward, and K, V and their
  // gradients backward, overlapped with the attention computation (Liu et al. 2023, Ring Attention, §3).
  const kvBytes = tokensPerCard * (kvValuesPerTokenPerLayer(m) / Math.min(t, m.kvHeads)) * e;
  const contextComm = cp > 1 ? layersPerStage * 3 * (cp - 1) * sendRecv(kvBytes, placement.context.link).seconds : 0;
  const contextPerMicro = Math.max(0, contextComm - attentionSeconds);

  // Pipeline: each micro-batch's activations go forward and their gradients come back (scatter-gather: 1/t each, Narayanan §4.1).
  const pipelinePerMicro = p > 1 ? 2 * sendRecv(activationBytes / t, placement.pipeline.link).seconds : 0;

  // Data parallelism.
  const gradBytes = (state.trainableParams * state.bytesPerTrainableParam.gradient) / (t * p);
  const paramBytes = (c.totalParams * 2) / (t * p);
  // Gradients are reduced over data x context ranks (both hold the same weights).
  const dg = d * cp;
  const dLink = cp > 1 ? placeGroups({ ...layout, dataParallel: dg, contextParallel: 1 }, topology).data.link : placement.data.link;
  let dataSeconds = 0;
  let dataExposed = 0;
  if (dg > 1 && state.trainableParams > 0) {
    if (s.zeroStage === 3) {
      // FSDP/ZeRO-3: gather parameters for forward and again for backward, reduce-scatter gradients, every micro-batch
      // (ZeRO §7.3); with pipeline stages the gathered parameters stay for the whole step (torchtitan: no reshard with PP).
      const perPass = 2 * allGather(paramBytes, dg, dLink).seconds + reduceScatter(gradBytes, dg, dLink).seconds;
      const passes = p > 1 ? 1 : micro;
      dataSeconds = passes * perPass;
      const window = (p > 1 ? micro : 1) * microCompute * FSDP_OVERLAP;
      const firstLayer = allGather(paramBytes / layersPerStage, dg, dLink).seconds;
      dataExposed = passes * (Math.max(0, perPass - window) + firstLayer);
    } else {
      // DDP and ZeRO-1/2: one gradient all-reduce (or reduce-scatter + all-gather, the same volume) per step, bucketed and
      // overlapped with the last micro-batch's backward (Li et al. 2020, PyTorch Distributed §3.2.3); the last bucket is exposed.
      dataSeconds = allReduce(gradBytes, dg, dLink).seconds;
      const window = (2 / 3) * microCompute;
      dataExposed = Math.max(0, dataSeconds - window) + allReduce(Math.min(DDP_BUCKET_BYTES, gradBytes), dg, dLink).seconds;
      dataExposed = Math.min(dataExposed, dataSeconds);
    }
  }

  const optimizerShare = t * p * (s.zeroStage >= 1 ? dg : 1);
  const optimizerSeconds = s.offload === 'none' ? (state.trainableParams / optimizerShare) * OPTIMIZER_STEP_BYTES_PER_PARAM / bandwidth : 0;

  const perMicro = microCompute + tensorPerMicro + contextPerMicro + pipelinePerMicro;
  const computeSeconds = micro * microCompute;
  const bubbleSeconds = bubbleFraction(s.pipelineSchedule, p, micro, s.virtualStages) * micro * (microCompute + tensorPerMicro);
  const stepSeconds = micro * perMicro + bubbleSeconds + dataExposed + optimizerSeconds;
  const tokensPerStep = tokensPerMicro * micro * d;
  const tokensPerSecond = tokensPerStep / stepSeconds;
  const gpuCount = t * p * cp * d;
  return {
    topology,
    layout,
    placement,
    microBatches: micro,
    globalBatchSequences: s.batchSize * micro * d,
    matmulEfficiency: eta,
    clock,
    computeSeconds,
    bubbleSeconds,
    tensorSeconds: micro * tensorPerMicro,
    contextSeconds: micro * contextPerMicro,
    pipelineSeconds: micro * pipelinePerMicro,
    dataSeconds,
    dataExposedSeconds: dataExposed,
    exposedCommunicationSeconds: micro * (tensorPerMicro + contextPerMicro + pipelinePerMicro) + dataExposed,
    optimizerSeconds,
    stepSeconds,
    tokensPerSecond,
    tokensPerSecondPerGpu: tokensPerSecond / gpuCount,
    mfu: (tokensPerSecond * modelFlopsPerToken) / (gpuCount * stockPeak),
    hfu: (tokensPerSecond * executedFlopsPerToken) / (gpuCount * stockPeak),
    modelFlopsPerToken,
    executedFlopsPerToken,
  };
}
