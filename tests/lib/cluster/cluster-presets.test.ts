import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { clusterMemory } from '../../../src/lib/cluster/stage-memory.ts';
import { CLUSTER_PRESETS, planCluster, planClusters } from '../../../src/lib/cluster/cluster-presets.ts';
import { estimatorCard } from '../../../src/lib/estimator/estimate.ts';
import { scenario } from '../fixtures.ts';

const cards = loadGpus().map((c) => ({ ...estimatorCard(c), series: c.series }));
const byId = (id: string) => cards.find((c) => c.id === id)!;

describe('planCluster', () => {
  const s70 = scenario({ model: 'llama-3.1-70b', workload: 'pretrain', seqLen: 4096, trainTokens: 1e12 });

  it('finds a layout for 70B on 64 H100s that fits, keeps tensor parallelism in a node, and trains faster than on 8', () => {
    const p64 = planCluster(s70, CLUSTER_PRESETS.find((p) => p.id === '64x-h100-ib')!, byId('h100-sxm'));
    const p8 = planCluster(s70, CLUSTER_PRESETS.find((p) => p.id === '8x-h100-sxm')!, byId('h100-sxm'));
    expect(p64.layout).not.toBeNull();
    expect(p64.layout!.tensorParallel).toBeLessThanOrEqual(8);
    expect(p64.peakBytes).toBeLessThanOrEqual(p64.capacityBytes);
    expect(p64.timeSeconds).toBeLessThan(p8.timeSeconds);
    expect(p64.step!.mfu).toBeGreaterThan(0.2);
    expect(p64.step!.mfu).toBeLessThan(0.7);
  });

  it('reports its layout honestly: the chosen layout fits when re-checked', () => {
    const s13 = scenario({ model: 'llama-2-13b', workload: 'pretrain', seqLen: 4096 });
    const p = planCluster(s13, CLUSTER_PRESETS.find((x) => x.id === '8x-a100-sxm')!, byId('a100-sxm-80gb'));
    if (!p.layout) throw new Error('expected a layout');
    const check = scenario({ model: 'llama-2-13b', workload: 'pretrain', seqLen: 4096, gpuCount: 8, tensorParallel: p.layout.tensorParallel, pipelineParallel: p.layout.pipelineParallel, zeroStage: p.layout.zeroStage, gradAccumulation: p.layout.gradAccumulation, gradientCheckpointing: p.layout.recompute });
    expect(clusterMemory(check).peakBytes).toBeLessThanOrEqual(80 * 2 ** 30);
  });

  it('gives no layout when nothing fits (70B needs more than 8 x 80 GB of model state; 405B on two 24 GB cards)', () => {
    expect(planCluster(s70, CLUSTER_PRESETS.find((x) => x.id === '8x-a100-sxm')!, byId('a100-sxm-80gb')).layout).toBeNull();
    const p = planCluster(scenario({ model: 'llama-3.1-405b', workload: 'pretrain' }), CLUSTER_PRESETS[0]!, byId('rtx-4090'));
    expect(p.layout).toBeNull();
    expect(p.timeSeconds).toBe(Infinity);
  });

  it('plans every preset whose card exists', () => {
    expect(planClusters(scenario({ model: 'llama-3.2-1b', workload: 'full-finetune' }), cards).length).toBe(CLUSTER_PRESETS.length);
  });
});
