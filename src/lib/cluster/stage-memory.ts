/**
 * Memory of the busiest card of a multi-card training job: uneven pipeline stages (embedding and in-flight activations on the
 * first, output head and logits on the last), ZeRO sharding over data x context ranks, FP32 gradient accumulation where
 * gradients are not sharded, and selective recomputation. Kept apart from cluster.ts so pages that only time a step do not
 * ship it.
 */
import { activationElementBytes, overheadBytes, trainingActivations } from '../estimator/memory.ts';
import { parallelShape, shardModelState } from './parallel.ts';
import type { PipelineSchedule } from './pipeline.ts';
import { recomputePolicy } from './recompute.ts';
import type { Scenario } from '../types.ts';

/**
 * Micro-batches whose activations the first stage holds at its peak, in units of one micro-batch through that stage's
 * layers: GPipe keeps all m; 1F1B keeps min(p, m) (Narayanan et al. 2021 §2.2.1); interleaved keeps
 * p·(1 + (p - 1)/(p·v)) of its L/p layers (Korthikanti et al. 2022, §4.2.3), capped at m.
 * @example inFlightMicroBatches('1f1b', 8, 32, 1) //=> 8
 */
export function inFlightMicroBatches(schedule: PipelineSchedule, stages: number, microBatches: number, chunks: number): number {
  const m = Math.max(1, microBatches);
  if (stages <= 1) return 1;
  if (schedule === 'gpipe') return m;
  if (schedule === '1f1b') return Math.min(stages, m);
  const v = Math.max(1, chunks);
  return Math.min(m, stages * (1 + (stages - 1) / (stages * v)));
}

/**
 * Activations under a recomputation policy: every k-th block keeps only its input (Chen et al. 2016) and the rest keep
 * everything; recomputing the attention core drops the score matrices, which is what FlashAttention already stores instead
 * (Korthikanti et al. 2022, §5: selective recomputation removes the 5·a·s/h term).
 */
function selectiveActivations(s: Scenario): ReturnType<typeof trainingActivations> {
  const shard = { tensorParallel: s.tensorParallel, pipelineParallel: 1 };
  const base = { ...s, pipelineParallel: 1 };
  const policy = recomputePolicy(s);
  if (s.gradientCheckpointing || policy.recomputedBlockShare === 0) {
    return trainingActivations(policy.attentionOnly ? { ...base, flashAttention: true } : base, shard);
  }
  const kept = trainingActivations(base, shard);
  const checkpointed = trainingActivations({ ...base, gradientCheckpointing: true }, shard);
  const f = policy.recomputedBlockShare;
  const mix = (a: number, b: number): number => (1 - f) * a + f * b;
  return {
    savedBytes: mix(kept.savedBytes, checkpointed.savedBytes),
    logitsBytes: kept.logitsBytes,
    workingBytes: Math.max(kept.workingBytes, checkpointed.workingBytes),
    perTokenPerLayerBytes: kept.perTokenPerLayerBytes,
    totalBytes: mix(kept.savedBytes, checkpointed.savedBytes) + kept.logitsBytes + Math.max(kept.workingBytes, checkpointed.workingBytes),
  };
}

/** One stage's memory by what holds it, in bytes per card (CUDA context and allocator slack in overheadBytes). */
export interface StageBreakdown {
  /** Weights: the stage's shard, plus what ZeRO-3 keeps gathered. */
  weightsBytes: number;
  /** Gradients: the sharded (or whole) gradient, plus FP32 accumulation buffers. */
  gradientsBytes: number;
  /** Optimizer states and FP32 master weights. */
  optimizerBytes: number;
  /** Saved activations of the micro-batches in flight, logits and one block's working set. */
  activationsBytes: number;
  /** CUDA context and caching-allocator slack. */
  overheadBytes: number;
  /** Everything. */
  totalBytes: number;
}

/** Memory of the busiest card of a (pipelined) job. */
export interface ClusterMemory {
  /** Bytes on the first pipeline stage's card (overhead included). */
  firstStageBytes: number;
  /** Bytes on the last pipeline stage's card (overhead included). */
  lastStageBytes: number;
  /** The larger of the two, CUDA context and allocator slack included. */
  peakBytes: number;
  /** Which stage holds the peak. */
  peakStage: 'first' | 'last';
  /** The peak stage by what holds it. */
  peak: StageBreakdown;
  /** Micro-batches the first stage holds at once. */
  inFlightMicroBatches: number;
}

/**
 * Bytes per parameter of the unsharded gradient a ZeRO-3 stage accumulates over a step's micro-batches: PyTorch FSDP2 keeps
 * it in the reduce dtype when that differs from the parameter dtype (FSDPParam.to_accumulated_grad_if_needed,
 * torch/distributed/_composable/fsdp/_fsdp_param.py), and torchtitan reduces in FP32 (--training.mixed_precision_reduce
 * defaults to float32, torchtitan/config_manager.py).
 */
const ZERO3_ACCUMULATED_GRAD_BYTES = 4;

/**
 * Per-card memory with uneven pipeline stages: the first stage holds the embedding and the activations of up to p
 * micro-batches (1F1B), the last the output head and the logits (Narayanan et al. 2021 §2.2; Korthikanti et al. 2022 §4.2.3).
 * ZeRO-3 under pipeline parallelism keeps a stage's 16-bit parameters gathered and its gradients unsharded, in FP32, for the
 * whole step (torchtitan applies FSDP with reshard_after_forward off when pipelining). Context parallelism divides
 * activations by the context degree.
 * @example clusterMemory(bloom).peakStage //=> "first"
 */
export function clusterMemory(s: Scenario): ClusterMemory {
  const { model: m, params: c, state, tensor: t, pipeline: p, context: cp } = parallelShape(s);
  const layerWeightsBytes = state.baseWeightsBytes * (c.largestLayerParams / c.totalParams);
  // ZeRO shards over data x context parallel ranks: both hold the same weights (torchtitan's dp_shard_cp mesh; Megatron-core's
  // distributed optimizer over the data-parallel group with context parallelism).
  const shard = shardModelState(state, { ...s, contextParallel: 1 }, layerWeightsBytes);
  // Mixed precision without sharded gradients accumulates them in FP32: PyTorch AMP keeps FP32 parameters and gradients,
  // Megatron-LM turns on accumulate_allreduce_grads_in_fp32 for bf16 (megatron/training/arguments.py), DeepSpeed's BF16
  // optimizer keeps fp32 gradient buffers. ZeRO's 2-byte accounting (memory.ts) holds for sharded gradients only.
  const mixed = s.trainingPrecision === 'bf16-mixed' || s.trainingPrecision === 'fp16-mixed';
  const fp32Grads = mixed && s.zeroStage < 2 && state.bytesPerTrainableParam.gradient < 4 ? shard.gradientsBytes * (4 / state.bytesPerTrainableParam.gradient - 1) : 0;
  const embeddingShare = c.embeddingParams / c.totalParams;
  const headShare = m.tiedEmbeddings ? 0 : (m.vocabSize * m.hiddenSize) / c.totalParams;
  const blockShare = 1 - embeddingShare - headShare;
  // shardModelState spreads the whole model over p stages; put the embedding on the first and the head on the last.
  // A tied embedding is copied to the last stage, whose gradient is all-reduced with the first (Megatron-LM, Shoeybi et al. §3).
  const firstExtra = p > 1 ? p * embeddingShare : embeddingShare;
  const lastExtra = p > 1 ? p * (m.tiedEmbeddings ? embeddingShare : headShare) : headShare;
  const split = (bytes: number, extra: number): number => bytes * (blockShare + extra);
  const gradsPerCard = shard.gradientsBytes + fp32Grads;
  // ZeRO-3 with pipeline stages: the stage's 16-bit parameters stay gathered, and its gradients stay unsharded until the last
  // micro-batch's backward (torch/distributed/pipelining/stage.py, backward_maybe_with_nosync), accumulated in FP32.
  const gathered = s.zeroStage === 3 && p > 1 && shard.dataParallel > 1 && state.trainableParams > 0;
  const stageParams = (share: number): number => (c.totalParams * share) / (t * p);
  const gatheredWeights = (extra: number): number => (gathered ? 2 * stageParams(blockShare + extra) : 0);
  const gatheredGrads = (extra: number): number => (gathered ? ZERO3_ACCUMULATED_GRAD_BYTES * stageParams(blockShare + extra) : 0);
  const act = selectiveActivations(s);
  const perMicro = act.savedBytes / p / cp;
  const inFlight = inFlightMicroBatches(s.pipelineSchedule, p, s.gradAccumulation, s.virtualStages);
  const stage = (extra: number, activationsBytes: number, transientBytes: number): StageBreakdown => {
    const weightsBytes = split(shard.weightsBytes, extra) + gatheredWeights(extra);
    const gradientsBytes = split(gradsPerCard, extra) + gatheredGrads(extra);
    const optimizerBytes = split(shard.optimizerBytes, extra);
    const raw = weightsBytes + gradientsBytes + optimizerBytes + activationsBytes;
    const overhead = overheadBytes(raw - transientBytes, transientBytes);
    return { weightsBytes, gradientsBytes, optimizerBytes, activationsBytes, overheadBytes: overhead, totalBytes: raw + overhead };
  };
  const working = act.workingBytes / cp;
  const logits = act.logitsBytes / cp;
  // Pipeline buffers of the first stage: the output of each micro-batch in flight stays referenced until its backward, and a
  // buffer receives each one's output gradient (torch.distributed.pipelining PipelineStage fwd_cache and grad_recv_info;
  // DeepSpeed PipelineEngine pipe_buffers 'outputs'; Megatron-LM schedules.py output_tensors). The stage output is
  // sequence-sharded over tensor-parallel ranks with sequence parallelism (Korthikanti et al. 2022 §4.2.2).
  const boundaryBytes = (s.batchSize * s.seqLen * m.hiddenSize * activationElementBytes(s)) / (s.sequenceParallel ? t : 1) / cp;
  const pipeBuffers = p > 1 ? 2 * inFlight * boundaryBytes : 0;
  const firstActivations = inFlight * perMicro + working + pipeBuffers;
  const first = stage(firstExtra, firstActivations, firstActivations);
  const last = p > 1 ? stage(lastExtra, perMicro + logits + working, perMicro + logits + working) : first;
  const peakStage = p > 1 && last.totalBytes > first.totalBytes ? 'last' : 'first';
  const peak = peakStage === 'first' ? first : last;
  return {
    firstStageBytes: first.totalBytes,
    lastStageBytes: last.totalBytes,
    peakBytes: peak.totalBytes,
    peakStage,
    peak,
    inFlightMicroBatches: inFlight,
  };
}
