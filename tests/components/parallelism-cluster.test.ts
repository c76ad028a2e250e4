import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { evaluateParallel, type ParallelInputs } from '../../src/components/calculators/Parallelism.island.tsx';

const cards = loadGpus().map(estimatorCard);
const BASE: ParallelInputs = { model: 'llama-2-13b', workload: 'pretrain', gpu: 'h100-sxm', gpuCount: '16', zeroStage: '1', tensorParallel: '2', pipelineParallel: '4', offload: 'none', batchSize: '1', seqLen: '4096' };

describe('the Parallelism calculator’s cluster fields', () => {
  it('reports MFU below HFU under full recomputation and a global batch of batch x accumulation x replicas', () => {
    const r = evaluateParallel({ ...BASE, gradAccumulation: '8' }, cards);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.result.cluster.mfu).toBeLessThan(r.result.cluster.hfu);
    expect(r.result.cluster.globalBatchSequences).toBe(1 * 8 * 2);
  });

  it('shrinks the bubble with more micro-batches and with the interleaved schedule', () => {
    const at = (patch: Partial<ParallelInputs>) => {
      const r = evaluateParallel({ ...BASE, ...patch }, cards);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.result.cluster.bubbleSeconds / r.result.cluster.stepSeconds;
    };
    expect(at({ gradAccumulation: '32' })).toBeLessThan(at({ gradAccumulation: '4' }));
    expect(at({ gradAccumulation: '8', pipelineSchedule: 'interleaved' })).toBeLessThan(at({ gradAccumulation: '8' }));
  });

  it('reports a context-parallel degree that does not divide the sequence under that field', () => {
    const r = evaluateParallel({ ...BASE, gpuCount: '24', contextParallel: '3', seqLen: '4096' }, cards);
    expect(!r.ok && r.errors.contextParallel?.[0]?.code).toBe('conflict');
  });

  it('takes a typed network speed and rejects text there', () => {
    expect(evaluateParallel({ ...BASE, interNodeGbps: '100' }, cards).ok).toBe(true);
    const bad = evaluateParallel({ ...BASE, interNodeGbps: 'fast' }, cards);
    expect(!bad.ok && bad.errors.interNodeGbps?.[0]?.code).toBe('type');
  });

  it('times a Triton attention kernel slower than SDPA and FlashAttention-3 faster on Hopper, and rejects an unknown kernel', () => {
    const tokens = (attentionKernel: string) => {
      const r = evaluateParallel({ ...BASE, attentionKernel }, cards);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return 1 / r.result.cluster.stepSeconds;
    };
    expect(tokens('triton')).toBeLessThan(tokens('sdpa'));
    expect(tokens('flash3')).toBeGreaterThan(tokens('flash2'));
    const bad = evaluateParallel({ ...BASE, attentionKernel: 'magic' }, cards);
    expect(!bad.ok && bad.errors.attentionKernel?.[0]?.field).toBe('attentionKernel');
  });
});
