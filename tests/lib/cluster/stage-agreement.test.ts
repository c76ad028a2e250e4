import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { fewestCards } from '../../../src/lib/answers/inverse.ts';
import { clusterMemory } from '../../../src/lib/cluster/stage-memory.ts';
import { H100_SXM, scenario } from '../fixtures.ts';

const bigVocab = { name: 'wide-vocab 3B', layers: 16, hiddenSize: 3072, heads: 24, intermediateSize: 8192, vocabSize: 256000, ffnKind: 'gated', tiedEmbeddings: false };

// The CLI and the calculators read estimate(); the planner and the cluster presets read clusterMemory(). With pipeline
// stages both must give the busiest stage.
const layouts: Record<string, Record<string, unknown>> = {
  'PP 2 x DP 4, ZeRO-1': { model: 'llama-2-13b', workload: 'pretrain', seqLen: 4096, gpuCount: 8, pipelineParallel: 2, zeroStage: 1, gradAccumulation: 16, gradientCheckpointing: true },
  'TP 4 x PP 4 x DP 2, ZeRO-3': { model: 'llama-3.1-70b', workload: 'pretrain', seqLen: 4096, gpuCount: 32, tensorParallel: 4, pipelineParallel: 4, zeroStage: 3, sequenceParallel: true, gradAccumulation: 8, gradientCheckpointing: true },
  'PP 8 GPipe': { model: 'llama-2-13b', workload: 'pretrain', seqLen: 2048, gpuCount: 8, pipelineParallel: 8, pipelineSchedule: 'gpipe', gradAccumulation: 16 },
  'TP 8 x PP 8 x CP 2, interleaved': { model: 'llama-3.1-405b', workload: 'pretrain', seqLen: 16384, gpuCount: 512, tensorParallel: 8, pipelineParallel: 8, contextParallel: 2, zeroStage: 3, sequenceParallel: true, pipelineSchedule: 'interleaved', virtualStages: 2, gradAccumulation: 16, gradientCheckpointing: true },
  'PP 4, 256k vocabulary, one micro-batch': { model: bigVocab, workload: 'pretrain', seqLen: 4096, batchSize: 4, gpuCount: 4, pipelineParallel: 4, gradAccumulation: 1 },
};

describe('estimate() and the stage model agree on pipelined memory', () => {
  for (const [name, raw] of Object.entries(layouts)) {
    it(`${name}: total = busiest stage, and the breakdown adds up`, () => {
      const s = scenario(raw);
      const e = estimate(s, H100_SXM);
      const cm = clusterMemory(s);
      expect(e.memory.totalBytes).toBeCloseTo(cm.peakBytes, -3);
      const parts = e.memory.weightsBytes + e.memory.gradientsBytes + e.memory.optimizerBytes + e.memory.activationsBytes + e.memory.overheadBytes;
      expect(parts).toBeCloseTo(e.memory.totalBytes, -3);
      expect(e.explain['memory.pipelineStage']?.inputs.peakStage).toBe(cm.peakStage);
    });
  }

  it('names the last stage when the head and logits dominate, the first when in-flight activations do', () => {
    expect(clusterMemory(scenario(layouts['PP 4, 256k vocabulary, one micro-batch']!)).peakStage).toBe('last');
    expect(clusterMemory(scenario(layouts['PP 8 GPipe']!)).peakStage).toBe('first');
  });

  it('the fewest cards estimate() accepts are the fewest on which the busiest stage fits', () => {
    const raw = layouts['TP 4 x PP 4 x DP 2, ZeRO-3']!;
    const s = scenario(raw);
    const plan = fewestCards(s, H100_SXM, { keepLayout: true, maxCards: 1024 });
    if (!plan) throw new Error('expected a plan');
    const capacity = H100_SXM.memoryGB * 2 ** 30;
    expect(clusterMemory(scenario({ ...raw, gpuCount: plan.gpuCount })).peakBytes).toBeLessThanOrEqual(capacity);
    if (plan.gpuCount > 16) expect(clusterMemory(scenario({ ...raw, gpuCount: plan.gpuCount - 16 })).peakBytes).toBeGreaterThan(capacity * 0.9);
  });

  it('leaves single-stage jobs on the single-card rule (no stage term)', () => {
    const e = estimate(scenario({ model: 'llama-2-13b', workload: 'pretrain', seqLen: 4096, gpuCount: 8, zeroStage: 3 }), H100_SXM);
    expect(e.explain['memory.pipelineStage']).toBeUndefined();
  });
});
