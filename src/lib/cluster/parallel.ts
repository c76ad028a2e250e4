/**
 * Parallelism across cards: how DDP, ZeRO 1/2/3, CPU offload, tensor and pipeline parallelism split one replica's memory,
 * and how many bytes each card exchanges per step over its real link (from the cluster topology, topology.ts).
 */
import { modelState, type ModelState } from '../estimator/memory.ts';
import { countParams, type ParamCounts } from '../scenario/models.ts';
import type { GpuSpec, ModelArch, Scenario } from '../types.ts';
import { PCIE_GBS_PER_LANE, resolveTopology } from './topology.ts';
import { GB } from '../units.ts';

/** Share of PCIe bandwidth a host-device copy reaches (offload traffic). */
const PCIE_EFFICIENCY = 0.7;
/** Parameters per second a CPU Adam step updates under ZeRO-Offload (Ren et al. 2021, ZeRO-Offload, §4.2: ~0.25 s per billion). */
const CPU_ADAM_PARAMS_PER_SECOND = 4e9;

/** What the multi-card models start from: the model, its parameter counts, one replica's model state and the parallel degrees. */
export interface ParallelShape {
  model: ModelArch;
  params: ParamCounts;
  state: ModelState;
  tensor: number;
  pipeline: number;
  context: number;
}

/**
 * The model, its parameter counts, one replica's model state and the tensor, pipeline and context degrees of a scenario.
 * @example parallelShape(llama8bOn8H100).params.totalParams //=> about 8.0e9
 */
export function parallelShape(s: Scenario): ParallelShape {
  return { model: s.model, params: countParams(s.model), state: modelState(s), tensor: s.tensorParallel, pipeline: s.pipelineParallel, context: s.contextParallel };
}

/** Model state of one card after sharding. */
export interface ShardedState {
  /** Weights on the card. */
  weightsBytes: number;
  /** Gradients on the card (with DDP's bucket copy). */
  gradientsBytes: number;
  /** Optimizer states on the card. */
  optimizerBytes: number;
  /** Bytes moved to CPU memory by offload. */
  cpuBytes: number;
  /** Data-parallel degree (gpuCount / (tensorParallel x pipelineParallel)). */
  dataParallel: number;
}

/** Data-parallel replicas: cards divided by the model-parallel group size (tensor x pipeline x context). */
export function dataParallelDegree(s: Pick<Scenario, 'gpuCount' | 'tensorParallel' | 'pipelineParallel'> & { contextParallel?: number }): number {
  return Math.max(1, Math.floor(s.gpuCount / (s.tensorParallel * s.pipelineParallel * (s.contextParallel ?? 1))));
}

/**
 * Splits one replica's model state over the cards. Tensor and pipeline parallelism divide everything by t x p
 * (Shoeybi et al. 2019, Megatron-LM §3; Narayanan et al. 2021 §2.2); ZeRO divides optimizer states (stage 1), gradients
 * (stage 2) and parameters (stage 3) by the data-parallel degree N_d (Rajbhandari et al. 2020, ZeRO §5.1, Figure 1).
 * @example shardModelState(state, { ...s, gpuCount: 8, zeroStage: 3 }).optimizerBytes //=> state.optimizerBytes / 8
 */
export function shardModelState(state: ModelState, s: Scenario, layerWeightsBytes: number): ShardedState {
  const mp = s.tensorParallel * s.pipelineParallel;
  const dp = dataParallelDegree(s);
  let w = state.weightsBytes / mp;
  let g = state.gradientsBytes / mp;
  let o = state.optimizerBytes / mp;
  let cpu = 0;
  if (s.workload !== 'inference' && dp > 1) {
    // PyTorch DDP copies gradients into all-reduce buckets unless gradient_as_bucket_view=True (torch.nn.parallel.DistributedDataParallel docs).
    if (s.zeroStage === 0) g *= 2;
    if (s.zeroStage >= 1) o /= dp;
    if (s.zeroStage >= 2) g /= dp;
    if (s.zeroStage === 3) {
      const full = w;
      // ZeRO-3 gathers one layer's parameters before using them (ZeRO §5.3); never more than the rest of the model.
      w = w / dp + Math.min(layerWeightsBytes / s.tensorParallel, full - full / dp);
    }
  }
  if (s.workload !== 'inference' && s.offload !== 'none') {
    // ZeRO-Offload keeps fp32 master weights and optimizer states in CPU memory and steps there (Ren et al. 2021, §4.1).
    cpu += o;
    o = 0;
    if (s.offload === 'optimizer+params') {
      // ZeRO-Infinity parameter offload: only the layer in use (and one prefetched) lives on the card (Rajbhandari et al. 2021, §5).
      const resident = Math.min(w, (2 * layerWeightsBytes) / s.tensorParallel);
      cpu += w - resident;
      w = resident;
    }
  }
  return { weightsBytes: w, gradientsBytes: g, optimizerBytes: o, cpuBytes: cpu, dataParallel: dp };
}

/** Communication of one training step, per card. */
export interface StepCommunication {
  /** Bytes each card sends (and receives) per step. */
  bytesPerStep: number;
  /** Time those bytes take over the link. */
  timeSecondsPerStep: number;
  /** Of that time, what cannot hide behind computation. */
  exposedSecondsPerStep: number;
  /** The link. */
  link: string;
}

/**
 * Bytes and time per step: ring all-reduce moves 2(N-1)/N of the gradients per card for DDP and ZeRO-1/2, ZeRO-3 adds
 * two parameter all-gathers (1.5x: ZeRO §7.2-7.3); tensor parallelism all-reduces b·s·h activations 4 times per layer
 * (Megatron-LM §3); pipeline stages pass b·s·h forward and back. DP traffic overlaps backward (Li et al. 2020, PyTorch
 * Distributed §3.2.3); TP traffic does not.
 */
export function stepCommunication(s: Scenario, gpu: GpuSpec, state: ModelState, computeSecondsPerStep: number): StepCommunication {
  return communicationOnCard(communicationTerms(s, state), s, gpu, computeSecondsPerStep);
}

/** The card-independent part of a step's communication. */
export interface CommunicationTerms {
  /** Data-parallel bytes per card (gradients, and parameters under ZeRO-3). */
  dpBytes: number;
  /** Tensor- and pipeline-parallel activation bytes per card. */
  modelParallelBytes: number;
  /** Bytes to and from CPU memory under offload. */
  offloadBytes: number;
  /** CPU optimizer-step seconds under offload. */
  cpuSeconds: number;
}

/** Bytes each card exchanges per step, by kind. */
export function communicationTerms(s: Scenario, state: ModelState): CommunicationTerms {
  const dp = dataParallelDegree(s);
  const mp = s.tensorParallel * s.pipelineParallel;
  const e = s.trainingPrecision === 'fp32' ? 4 : 2;
  let dpBytes = 0;
  if (dp > 1) {
    const ring = (dp - 1) / dp;
    const grads = (state.trainableParams * state.bytesPerTrainableParam.gradient) / mp;
    dpBytes = s.zeroStage === 3 ? ring * (2 * (state.weightsBytes / mp) + grads) : 2 * ring * grads;
  }
  const t = s.tensorParallel;
  const activation = s.batchSize * s.seqLen * s.model.hiddenSize * e;
  const allReducesPerLayer = s.gradientCheckpointing ? 6 : 4;
  const tpBytes = t > 1 ? (s.model.layers / s.pipelineParallel) * allReducesPerLayer * 2 * ((t - 1) / t) * activation : 0;
  const ppBytes = s.pipelineParallel > 1 ? (2 * activation) / t : 0;
  let offloadBytes = 0;
  let cpuSeconds = 0;
  if (s.offload !== 'none') {
    // ZeRO-Offload §4.1: 16-bit gradients go to the CPU and updated 16-bit parameters come back each step, over PCIe.
    const share = mp * (s.zeroStage >= 1 ? dp : 1);
    offloadBytes = (2 * state.trainableParams * 2) / share;
    cpuSeconds = state.trainableParams / share / CPU_ADAM_PARAMS_PER_SECOND;
  }
  return { dpBytes, modelParallelBytes: tpBytes + ppBytes, offloadBytes, cpuSeconds };
}

/** A step's communication time on a card from its card-independent terms. */
export function communicationOnCard(c: CommunicationTerms, s: Scenario, gpu: GpuSpec, computeSecondsPerStep: number): StepCommunication {
  // The link of the cluster topology (topology.ts): inside a node, or the network when the job spans nodes.
  const topo = resolveTopology(s, gpu);
  const link = topo.nodes > 1 ? topo.inter : topo.intra;
  const pcie = (PCIE_GBS_PER_LANE[gpu.pcieGen] ?? 0.985) * gpu.pcieLanes * GB * PCIE_EFFICIENCY;
  const dpSeconds = c.dpBytes / link.bytesPerSecond;
  const otherSeconds = c.modelParallelBytes / link.bytesPerSecond + c.offloadBytes / pcie + c.cpuSeconds;
  const overlapWindow = s.zeroStage === 3 ? computeSecondsPerStep : (2 / 3) * computeSecondsPerStep;
  return {
    bytesPerStep: c.dpBytes + c.modelParallelBytes + c.offloadBytes,
    timeSecondsPerStep: dpSeconds + otherSeconds,
    exposedSecondsPerStep: Math.max(0, dpSeconds - overlapWindow) + otherSeconds,
    link: link.label,
  };
}
