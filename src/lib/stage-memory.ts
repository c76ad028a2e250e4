/**
 * Memory of the busiest card of a multi-card training job: uneven pipeline stages (embedding and in-flight activations on the
 * first, output head and logits on the last), ZeRO sharding over data x context ranks, FP32 gradient accumulation where
 * gradients are not sharded, and selective recomputation. Kept apart from cluster.ts so pages that only time a step do not
 * ship it.
 */
import { modelState, overheadBytes, trainingActivations } from './memory.ts';
import { countParams } from './models.ts';
import { shardModelState } from './parallel.ts';
import type { PipelineSchedule } from './pipeline.ts';
import { recomputePolicy } from './recompute.ts';
import type { Scenario } from './types.ts';

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

/** Per-stage memory terms of a pipeline, in bytes per card. */
export interface StageMemory {
  /** Bytes on the first stage (embedding + in-flight activations). */
  firstBytes: number;
  /** Bytes on the last stage (output head + logits + one micro-batch in flight). */
  lastBytes: number;
  /** Which stage holds more. */
  peakStage: 'first' | 'last';
}

/** What one stage's memory is made of. */
export interface StageInputs {
  /** Model state (weights, gradients, optimizer) of the transformer blocks on one stage, per card. */
  blockStateBytes: number;
  /** Model state of the input embedding, per card (first stage only). */
  embeddingStateBytes: number;
  /** Model state of the output head, per card (last stage only; 0 when tied and held by the first stage). */
  headStateBytes: number;
  /** Saved activations of one micro-batch through one stage's blocks, per card. */
  activationBytesPerMicroBatch: number;
  /** Logits and loss buffers of one micro-batch, per card (last stage only). */
  logitsBytes: number;
  /** Backward working set of one block, per card. */
  workingBytes: number;
}

/**
 * Memory of the first and last stage: the first holds the embedding and the activations of the micro-batches in flight;
 * the last holds the output head and the logits of its micro-batch, which with a 250k vocabulary can outweigh the rest.
 * @example stageMemory(inputs, '1f1b', 12, 16, 1).peakStage //=> "first"
 */
export function stageMemory(x: StageInputs, schedule: PipelineSchedule, stages: number, microBatches: number, chunks: number): StageMemory {
  const inFlight = inFlightMicroBatches(schedule, stages, microBatches, chunks);
  const firstBytes = x.blockStateBytes + x.embeddingStateBytes + inFlight * x.activationBytesPerMicroBatch + x.workingBytes;
  const lastBytes = x.blockStateBytes + x.headStateBytes + x.activationBytesPerMicroBatch + x.logitsBytes + x.workingBytes;
  return { firstBytes, lastBytes, peakStage: firstBytes >= lastBytes ? 'first' : 'last' };
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

/** Memory of the busiest card of a (pipelined) job. */
export interface ClusterMemory {
  /** Bytes on the first pipeline stage's card. */
  firstStageBytes: number;
  /** Bytes on the last pipeline stage's card. */
  lastStageBytes: number;
  /** The larger of the two, CUDA context and allocator slack included. */
  peakBytes: number;
  /** Which stage holds the peak. */
  peakStage: 'first' | 'last';
  /** Micro-batches the first stage holds at once. */
  inFlightMicroBatches: number;
}

/**
 * Per-card memory with uneven pipeline stages: the first stage holds the embedding and the activations of up to p
 * micro-batches (1F1B), the last the output head and the logits (Narayanan et al. 2021 §2.2; Korthikanti et al. 2022 §4.2.3).
 * ZeRO-3 under pipeline parallelism keeps a stage's 16-bit parameters and gradients gathered for the whole step (torchtitan
 * applies FSDP with reshard_after_forward off when pipelining). Context parallelism divides activations by the context degree.
 * @example clusterMemory(bloom, a100).peakStage //=> "first"
 */
export function clusterMemory(s: Scenario): ClusterMemory {
  const m = s.model;
  const c = countParams(m);
  const state = modelState(s);
  const t = s.tensorParallel;
  const p = s.pipelineParallel;
  const cp = s.contextParallel;
  const layerWeightsBytes = state.baseWeightsBytes * (c.largestLayerParams / c.totalParams);
  // ZeRO shards over data x context parallel ranks: both hold the same weights (torchtitan's dp_shard_cp mesh; Megatron-core's
  // distributed optimizer over the data-parallel group with context parallelism).
  const shard = shardModelState(state, { ...s, contextParallel: 1 }, layerWeightsBytes);
  // Mixed precision without sharded gradients accumulates them in FP32: PyTorch AMP keeps FP32 parameters and gradients,
  // Megatron-LM turns on accumulate_allreduce_grads_in_fp32 for bf16 (megatron/training/arguments.py), DeepSpeed's BF16
  // optimizer keeps fp32 gradient buffers. ZeRO's 2-byte accounting (memory.ts) holds for sharded gradients only.
  const mixed = s.trainingPrecision === 'bf16-mixed' || s.trainingPrecision === 'fp16-mixed';
  const fp32Grads = mixed && s.zeroStage < 2 && state.bytesPerTrainableParam.gradient < 4 ? shard.gradientsBytes * (4 / state.bytesPerTrainableParam.gradient - 1) : 0;
  const perCard = shard.weightsBytes + shard.gradientsBytes + fp32Grads + shard.optimizerBytes;
  const embeddingShare = c.embeddingParams / c.totalParams;
  const headShare = m.tiedEmbeddings ? 0 : (m.vocabSize * m.hiddenSize) / c.totalParams;
  // shardModelState spreads the whole model over p stages; put the embedding on the first and the head on the last.
  const blockStateBytes = perCard * (1 - embeddingShare - headShare);
  let embeddingStateBytes = perCard * p * embeddingShare;
  // A tied embedding is copied to the last stage, whose gradient is all-reduced with the first (Megatron-LM, Shoeybi et al. §3).
  let headStateBytes = perCard * p * (m.tiedEmbeddings && p > 1 ? embeddingShare : headShare);
  if (p === 1) {
    embeddingStateBytes = perCard * embeddingShare;
    headStateBytes = perCard * headShare;
  }
  let gatheredBytes = 0;
  if (s.zeroStage === 3 && p > 1 && shard.dataParallel > 1) {
    // The stage's 16-bit parameters stay gathered, and so do its 16-bit gradients until the last micro-batch's backward:
    // torch.distributed.pipelining runs FSDP backward without gradient sync but for the last micro-batch
    // (torch/distributed/pipelining/stage.py, backward_maybe_with_nosync).
    gatheredBytes = 2 * ((c.totalParams * (1 - embeddingShare - headShare)) / (t * p)) * 2;
  }
  const act = selectiveActivations(s);
  const stages = stageMemory(
    {
      blockStateBytes: blockStateBytes + gatheredBytes,
      embeddingStateBytes,
      headStateBytes,
      activationBytesPerMicroBatch: act.savedBytes / p / cp,
      logitsBytes: act.logitsBytes / cp,
      workingBytes: act.workingBytes / cp,
    },
    s.pipelineSchedule, p, s.gradAccumulation, s.virtualStages,
  );
  const peakRaw = Math.max(stages.firstBytes, stages.lastBytes);
  const transient = (act.savedBytes / p / cp) * inFlightMicroBatches(s.pipelineSchedule, p, s.gradAccumulation, s.virtualStages) + act.workingBytes / cp;
  const overhead = overheadBytes(peakRaw - transient, transient);
  return {
    firstStageBytes: stages.firstBytes,
    lastStageBytes: stages.lastBytes,
    peakBytes: peakRaw + overhead,
    peakStage: stages.peakStage,
    inFlightMicroBatches: inFlightMicroBatches(s.pipelineSchedule, p, s.gradAccumulation, s.virtualStages),
  };
}
