import { describe, expect, it } from 'vitest';
import { attentionKernelSpeed, clusterStep, matmulEfficiency } from '../../../src/lib/cluster/cluster.ts';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';
import { clusterMemory } from '../../../src/lib/cluster/stage-memory.ts';
import { trainingFlopsPerToken } from '../../../src/lib/estimator/compute.ts';
import { H100_SXM, RTX_4090, rel, scenario } from '../fixtures.ts';

const llama8b = { model: 'llama-3.1-8b', workload: 'pretrain', seqLen: 4096, batchSize: 2, zeroStage: 3 };

describe('clusterStep', () => {
  it('reports MFU from 6N + attention and HFU from the executed FLOPs: HFU/MFU is the recompute ratio', () => {
    const s = scenario({ ...llama8b, gpuCount: 8, gradientCheckpointing: true });
    const r = clusterStep(s, H100_SXM);
    expect(r.hfu / r.mfu).toBeCloseTo(trainingFlopsPerToken(s) / trainingFlopsPerToken({ ...s, gradientCheckpointing: false }), 6);
    expect(r.mfu).toBeGreaterThan(0.2);
    expect(r.mfu).toBeLessThan(0.7);
  });

  it('syncs DDP gradients once per step: accumulation amortises it', () => {
    const one = clusterStep(scenario({ ...llama8b, zeroStage: 0, gpuCount: 16, gpusPerNode: 8, interNodeGbps: 25, gradAccumulation: 1 }), H100_SXM);
    const eight = clusterStep(scenario({ ...llama8b, zeroStage: 0, gpuCount: 16, gpusPerNode: 8, interNodeGbps: 25, gradAccumulation: 8 }), H100_SXM);
    expect(eight.dataSeconds).toBeCloseTo(one.dataSeconds, 9);
    expect(eight.dataExposedSeconds / eight.stepSeconds).toBeLessThan(one.dataExposedSeconds / one.stepSeconds);
    expect(eight.globalBatchSequences).toBe(8 * one.globalBatchSequences);
  });

  it('runs tensor parallelism over NVSwitch inside a node, not at network speed', () => {
    const s = scenario({ ...llama8b, zeroStage: 1, gpuCount: 16, tensorParallel: 8, gpusPerNode: 8 });
    const r = clusterStep(s, H100_SXM);
    expect(r.placement.tensor.crossesNodes).toBe(false);
    expect(r.placement.data.crossesNodes).toBe(true);
    expect(r.placement.tensor.link.bytesPerSecond).toBeGreaterThan(5 * r.placement.data.link.bytesPerSecond);
  });

  it('makes the bubble (p-1)/m of the pipelined compute and shrinks it interleaved', () => {
    const base = { ...llama8b, zeroStage: 1, gpuCount: 4, pipelineParallel: 4, gradAccumulation: 8 };
    const plain = clusterStep(scenario(base), H100_SXM);
    const inter = clusterStep(scenario({ ...base, pipelineSchedule: 'interleaved', virtualStages: 2 }), H100_SXM);
    expect(plain.bubbleSeconds / (plain.computeSeconds + plain.tensorSeconds)).toBeCloseTo(3 / 8, 6);
    expect(inter.bubbleSeconds).toBeCloseTo(plain.bubbleSeconds / 2, 6);
  });

  it('is slower on two 4090s without peer-to-peer than with it', () => {
    const s = { model: 'llama-3.2-1b', workload: 'full-finetune', gpuCount: 2, seqLen: 2048, batchSize: 4 };
    const host = clusterStep(scenario(s), { ...RTX_4090, series: 'geforce-40' } as typeof RTX_4090);
    const p2p = clusterStep(scenario({ ...s, intraNodeLink: 'pcie-p2p' }), RTX_4090);
    expect(host.topology.intraKind).toBe('pcie-host');
    expect(host.dataSeconds).toBeGreaterThan(1.9 * p2p.dataSeconds);
  });

  it('slows a 500 W H100 by the clock factor on compute', () => {
    const s = { ...llama8b, gpuCount: 8 };
    const stock = clusterStep(scenario(s), H100_SXM);
    const capped = clusterStep(scenario({ ...s, boardVariant: 'h100-sxm-96gb-500w' }), H100_SXM);
    expect(capped.clock).toBeCloseTo(Math.cbrt(500 / 700), 6);
    expect(capped.tokensPerSecond).toBeLessThan(stock.tokensPerSecond);
  });
});

describe('attention kernel', () => {
  it('runs Triton FlashAttention slower than SDPA, by more the longer the sequence, and FlashAttention-3 faster on Hopper only', () => {
    const at = (seqLen: number, attentionKernel: string) => clusterStep(scenario({ ...llama8b, seqLen, batchSize: 1, gpuCount: 8, attentionKernel }), H100_SXM).tokensPerSecond;
    expect(at(2048, 'flash2')).toBe(at(2048, 'sdpa'));
    const short = at(2048, 'triton') / at(2048, 'sdpa');
    const long = at(32768, 'triton') / at(32768, 'sdpa');
    expect(short).toBeLessThan(1);
    expect(long).toBeLessThan(short);
    // Attention alone would slow by the full 1.8x; the matmuls around it keep the step above that.
    expect(long).toBeGreaterThan(1 / 1.8);
    expect(at(32768, 'flash3')).toBeGreaterThan(at(32768, 'flash2'));
    expect(attentionKernelSpeed('flash3', 'ampere')).toBe(1);
  });

  it('defaults to SDPA for multi-card training and records it; single-card and inference scenarios carry no such note', () => {
    const multi = parseScenario({ model: 'llama-3.1-8b', workload: 'pretrain', gpu: 'h100-sxm', gpuCount: 8 });
    const single = parseScenario({ model: 'llama-3.1-8b', workload: 'pretrain', gpu: 'h100-sxm' });
    if (!multi.ok || !single.ok) throw new Error('reference scenarios must parse');
    expect(multi.scenario.attentionKernel).toBe('sdpa');
    expect(multi.defaults.attentionKernel).toBe('sdpa');
    expect(multi.scenario.assumptions.some((a) => a.startsWith('attentionKernel'))).toBe(true);
    expect(single.scenario.assumptions.some((a) => a.startsWith('attentionKernel'))).toBe(false);
    const bad = parseScenario({ model: 'llama-3.1-8b', workload: 'pretrain', gpu: 'h100-sxm', gpuCount: 8, attentionKernel: 'cudnn' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.field).toBe('attentionKernel');
  });
});

describe('matmulEfficiency', () => {
  it('grows with the width per tensor-parallel shard', () => {
    expect(matmulEfficiency('hopper', 8192, 4096)).toBeGreaterThan(matmulEfficiency('hopper', 1024, 4096));
    expect(matmulEfficiency('ampere', 8192, 4096)).toBeGreaterThan(matmulEfficiency('hopper', 8192, 4096));
  });
});

describe('clusterMemory', () => {
  it('puts the peak on the first stage under 1F1B and grows it under GPipe', () => {
    const base = { model: 'llama-2-13b', workload: 'pretrain', seqLen: 4096, batchSize: 1, gpuCount: 8, pipelineParallel: 8, gradAccumulation: 32, gradientCheckpointing: true };
    const f1b = clusterMemory(scenario(base));
    const gpipe = clusterMemory(scenario({ ...base, pipelineSchedule: 'gpipe' }));
    expect(f1b.peakStage).toBe('first');
    expect(f1b.inFlightMicroBatches).toBe(8);
    expect(gpipe.peakBytes).toBeGreaterThan(f1b.peakBytes);
  });

  it('divides activations by the context-parallel degree', () => {
    const base = { model: 'llama-3.1-8b', workload: 'pretrain', seqLen: 65536, batchSize: 1, gpuCount: 8, zeroStage: 3, gradientCheckpointing: true };
    const cp1 = clusterMemory(scenario(base));
    const cp4 = clusterMemory(scenario({ ...base, contextParallel: 4 }));
    expect(cp4.peakBytes).toBeLessThan(cp1.peakBytes);
    expect(rel(cp4.peakBytes, cp1.peakBytes)).toBeGreaterThan(0.2);
  });
});
