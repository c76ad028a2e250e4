/**
 * Cluster presets for the planner: a node of eight data-centre cards, a few consumer cards over PCIe, and 64 to 1,024 H100s
 * over InfiniBand. For a training scenario each gets the fastest layout that fits (tensor parallelism inside a node, pipeline
 * stages and ZeRO as needed), its time to train the token budget, its MFU and the share of the step spent on exposed
 * communication.
 */
import { clusterStep, type ClusterStep } from './cluster.ts';
import { clusterMemory } from './stage-memory.ts';
import type { EstimateGpu } from '../estimator/estimate.ts';
import type { IntraNodeLink } from './topology.ts';
import type { Scenario } from '../types.ts';
import { GIB } from '../units.ts';

/** One cluster setup. */
export interface ClusterPreset {
  id: string;
  /** English label. */
  label: string;
  /** Card id. */
  gpu: string;
  gpuCount: number;
  gpusPerNode: number;
  intraNodeLink: IntraNodeLink;
  /** Network per card in Gb/s (null inside one node). */
  interNodeGbps: number | null;
}

/** The planner's cluster setups. DGX-style nodes carry one 200 (A100) or 400 Gb/s (H100) port per card (NVIDIA DGX user guides). */
export const CLUSTER_PRESETS: readonly ClusterPreset[] = [
  { id: '2x-rtx-4090', label: '2 × RTX 4090, PCIe (no peer-to-peer)', gpu: 'rtx-4090', gpuCount: 2, gpusPerNode: 2, intraNodeLink: 'auto', interNodeGbps: null },
  { id: '4x-rtx-4090', label: '4 × RTX 4090, PCIe (no peer-to-peer)', gpu: 'rtx-4090', gpuCount: 4, gpusPerNode: 4, intraNodeLink: 'auto', interNodeGbps: null },
  { id: '4x-rtx-3090', label: '4 × RTX 3090, PCIe peer-to-peer', gpu: 'rtx-3090', gpuCount: 4, gpusPerNode: 4, intraNodeLink: 'pcie-p2p', interNodeGbps: null },
  { id: '8x-a100-sxm', label: '8 × A100 SXM 80 GB, one NVSwitch node', gpu: 'a100-sxm-80gb', gpuCount: 8, gpusPerNode: 8, intraNodeLink: 'auto', interNodeGbps: null },
  { id: '8x-h100-sxm', label: '8 × H100 SXM, one NVSwitch node', gpu: 'h100-sxm', gpuCount: 8, gpusPerNode: 8, intraNodeLink: 'auto', interNodeGbps: null },
  { id: '64x-h100-ib', label: '64 × H100 SXM, 8 nodes, 400 Gb/s InfiniBand per card', gpu: 'h100-sxm', gpuCount: 64, gpusPerNode: 8, intraNodeLink: 'auto', interNodeGbps: 400 },
  { id: '256x-h100-ib', label: '256 × H100 SXM, 32 nodes, 400 Gb/s InfiniBand per card', gpu: 'h100-sxm', gpuCount: 256, gpusPerNode: 8, intraNodeLink: 'auto', interNodeGbps: 400 },
  { id: '1024x-h100-ib', label: '1,024 × H100 SXM, 128 nodes, 400 Gb/s InfiniBand per card', gpu: 'h100-sxm', gpuCount: 1024, gpusPerNode: 8, intraNodeLink: 'auto', interNodeGbps: 400 },
];

/**
 * Tokens per optimizer step the search aims for: 4M for pre-training (Llama 2 used 4M-token batches: Touvron et al. 2023, §2.2),
 * 256k for fine-tuning (128 sequences of 2,048 tokens).
 */
const TARGET_BATCH_TOKENS = { pretrain: 4 * 1024 * 1024, finetune: 256 * 1024 } as const;

/** A preset's answer. */
export interface ClusterPlan {
  preset: ClusterPreset;
  /** The layout that fits and runs fastest, or null when none fits. */
  layout: { dataParallel: number; tensorParallel: number; pipelineParallel: number; zeroStage: number; gradAccumulation: number; recompute: boolean } | null;
  /** The step of that layout. */
  step: ClusterStep | null;
  /** Memory of the busiest card, bytes. */
  peakBytes: number;
  /** Capacity of one card, bytes. */
  capacityBytes: number;
  /** Time to train the scenario's token budget, seconds. */
  timeSeconds: number;
}

const POWERS = [1, 2, 4, 8, 16, 32];

/**
 * The fastest layout of a training scenario on a preset that fits the card's memory: tensor parallelism up to a node,
 * pipeline stages up to 32, ZeRO-1 or ZeRO-3, full recomputation only when nothing fits without it.
 * @example planCluster(llama70bPretrain, CLUSTER_PRESETS[5], h100).layout?.tensorParallel //=> 8
 */
export function planCluster(s: Scenario, preset: ClusterPreset, gpu: EstimateGpu): ClusterPlan {
  const capacityBytes = gpu.memoryGB * GIB;
  const target = s.workload === 'pretrain' ? TARGET_BATCH_TOKENS.pretrain : TARGET_BATCH_TOKENS.finetune;
  let best: ClusterPlan = { preset, layout: null, step: null, peakBytes: 0, capacityBytes, timeSeconds: Infinity };
  for (const recompute of s.gradientCheckpointing ? [true] : [false, true]) {
    for (const t of POWERS.filter((x) => x <= preset.gpusPerNode && s.model.heads % x === 0)) {
      for (const p of POWERS.filter((x) => x <= s.model.layers && t * x <= preset.gpuCount)) {
        if (preset.gpuCount % (t * p) !== 0) continue;
        const dp = preset.gpuCount / (t * p);
        const accum = Math.max(p > 1 ? 2 * p : 1, Math.round(target / (s.batchSize * s.seqLen * dp)));
        for (const zeroStage of [1, 3] as const) {
          if (zeroStage === 3 && dp === 1) continue;
          const trial: Scenario = {
            ...s, gpuCount: preset.gpuCount, tensorParallel: t, pipelineParallel: p, contextParallel: 1, zeroStage, gradAccumulation: accum,
            gradientCheckpointing: recompute, gpusPerNode: preset.gpusPerNode, intraNodeLink: preset.intraNodeLink, interNodeGbps: preset.interNodeGbps, offload: 'none',
          };
          const peakBytes = clusterMemory(trial).peakBytes;
          if (peakBytes > capacityBytes) continue;
          const step = clusterStep(trial, gpu);
          const timeSeconds = s.trainTokens / step.tokensPerSecond;
          if (timeSeconds < best.timeSeconds) best = { preset, layout: { dataParallel: dp, tensorParallel: t, pipelineParallel: p, zeroStage, gradAccumulation: accum, recompute }, step, peakBytes, capacityBytes, timeSeconds };
        }
      }
    }
    if (best.layout) break;
  }
  return best;
}

/** Every preset whose card is in the list, planned. */
export function planClusters(s: Scenario, cards: readonly EstimateGpu[]): ClusterPlan[] {
  return CLUSTER_PRESETS.flatMap((preset) => {
    const gpu = cards.find((c) => c.id === preset.gpu);
    return gpu ? [planCluster(s, preset, gpu)] : [];
  });
}
