/**
 * The memory timeline of one training step on one card, built from the estimator's own terms: weights and optimizer states
 * stay; saved activations grow block by block through the forward pass and peak with the logits at the loss; the backward pass
 * frees them block by block while gradients appear; the optimizer step reads every gradient, and zero_grad frees them.
 * Follows Korthikanti et al. 2022, §4 (what each block saves) and the PyTorch autograd order (reverse of the forward).
 */
import { estimate, type EstimateGpu } from '../estimator/estimate.ts';
import { topLayerShare } from './freeze.ts';
import { isAdapterTraining, overheadBytes, trainedLayerFraction, trainingActivations } from '../estimator/memory.ts';
import { countParams } from '../scenario/models.ts';
import type { Scenario } from '../types.ts';

/** Where in the step a point lies. */
export type TimelinePhase = 'start' | 'forward' | 'loss' | 'backward' | 'optimizer' | 'end';

/** Memory on the card at one moment of the step, by what holds it. */
export interface TimelinePoint {
  /** Where in the step. */
  phase: TimelinePhase;
  /** For forward and backward points: the block just finished (1 = first block); null otherwise. */
  layer: number | null;
  /** Weights (and adapters). */
  weightsBytes: number;
  /** Optimizer states, fp32 master copy included. */
  optimizerBytes: number;
  /** Gradients that exist at this moment. */
  gradientsBytes: number;
  /** Activations saved for backward (or block inputs under checkpointing), logits and backward working buffers. */
  activationsBytes: number;
  /** CUDA context and allocator slack on the tensors alive at this moment. */
  overheadBytes: number;
  /** Sum of the five. */
  totalBytes: number;
}

/** One step's timeline and its peak. */
export interface StepTimeline {
  /** Points in time order: start, one per block forward, loss, one per block backward, optimizer step, end. */
  points: TimelinePoint[];
  /** Index of the highest point (the first one on ties). */
  peakIndex: number;
  /** Highest total. */
  peakBytes: number;
  /** The estimator's budget, which adds every term at its own peak (gradients kept through the forward pass, as with gradient accumulation). */
  budgetBytes: number;
  /** The card's capacity. */
  capacityBytes: number;
  /** Blocks that save activations and run backward (all, or the top k of a partly frozen model). */
  trainedLayers: number;
}

/**
 * The memory timeline of one steady-state training step (optimizer states already created, `zero_grad(set_to_none=True)`,
 * PyTorch's default since 2.0), per card; throws for inference scenarios.
 * @example stepTimeline(llama31_8b_lora, rtx4090).points[0].phase //=> 'start'
 */
export function stepTimeline(s: Scenario, gpu: EstimateGpu): StepTimeline {
  if (s.workload === 'inference') throw new Error('stepTimeline needs a training workload');
  const m = s.model;
  const L = m.layers;
  const e = estimate(s, gpu, { explain: false });
  const act = trainingActivations(s, { tensorParallel: s.tensorParallel, pipelineParallel: s.pipelineParallel });
  const { weightsBytes, optimizerBytes, gradientsBytes } = e.memory;
  const adapters = isAdapterTraining(s);
  const trainedLayers = Math.round(L * trainedLayerFraction(s));

  // Share of the gradients that appears with the head (first in backward), with each trained block, and with the embedding (last).
  const c = countParams(m);
  const blockParams = c.largestLayerParams * L;
  let headShare = 0;
  let blockShare = 1 / L;
  let embeddingShare = 0;
  if (!adapters) {
    const trainable = s.trainableTopLayers !== null && s.workload === 'full-finetune' ? topLayerShare(m, s.trainableTopLayers).trainableParams : c.totalParams;
    blockShare = blockParams / L / trainable;
    const frozenEmbedding = trainedLayers < L;
    // A tied head shares the embedding matrix, so that gradient appears with the head.
    embeddingShare = frozenEmbedding || m.tiedEmbeddings ? 0 : c.embeddingParams / trainable;
    headShare = Math.max(0, 1 - blockShare * trainedLayers - embeddingShare);
  }

  const point = (phase: TimelinePhase, layer: number | null, grads: number, activations: number): TimelinePoint => {
    const overhead = overheadBytes(weightsBytes + grads + optimizerBytes, activations);
    return { phase, layer, weightsBytes, optimizerBytes, gradientsBytes: grads, activationsBytes: activations, overheadBytes: overhead, totalBytes: weightsBytes + optimizerBytes + grads + activations + overhead };
  };
  const perBlock = trainedLayers > 0 ? act.savedBytes / trainedLayers : 0;
  const firstTrained = L - trainedLayers + 1;
  const savedAfter = (block: number): number => perBlock * Math.max(0, block - firstTrained + 1);

  const points: TimelinePoint[] = [point('start', null, 0, 0)];
  for (let i = 1; i <= L; i++) points.push(point('forward', i, 0, savedAfter(i)));
  points.push(point('loss', null, 0, act.savedBytes + act.logitsBytes));
  // Gradients build up block by block; with the optimizer fused into backward each is freed once applied, so about one tensor's
  // worth (the estimator's gradient term) lives at a time and no separate optimizer step reads them.
  for (let i = L; i >= firstTrained; i--) {
    const done = L - i + 1;
    const last = i === firstTrained;
    const share = headShare + blockShare * done + (last ? embeddingShare : 0);
    points.push(point('backward', i, s.optimizerInBackward ? gradientsBytes : gradientsBytes * share, savedAfter(i - 1) + act.workingBytes));
  }
  points.push(point('optimizer', null, s.optimizerInBackward ? 0 : gradientsBytes, 0));
  points.push(point('end', null, 0, 0));

  let peakIndex = 0;
  points.forEach((p, i) => {
    if (p.totalBytes > points[peakIndex]!.totalBytes) peakIndex = i;
  });
  return { points, peakIndex, peakBytes: points[peakIndex]!.totalBytes, budgetBytes: e.memory.totalBytes, capacityBytes: e.gpu.memoryBytes, trainedLayers };
}
