import { describe, expect, it } from 'vitest';
import { bubbleFraction } from '../../../src/lib/cluster/pipeline.ts';
import { countParams } from '../../../src/lib/scenario/models.ts';
import { clusterMemory, inFlightMicroBatches } from '../../../src/lib/cluster/stage-memory.ts';
import { scenario } from '../fixtures.ts';

const bigVocab = { name: 'wide-vocab 3B', layers: 16, hiddenSize: 3072, heads: 24, intermediateSize: 8192, vocabSize: 256000, ffnKind: 'gated', tiedEmbeddings: false };

describe('bubbleFraction', () => {
  it('is (p-1)/m for GPipe and 1F1B and (p-1)/(v·m) interleaved (Narayanan et al. 2021 §2.2)', () => {
    expect(bubbleFraction('gpipe', 4, 8, 1)).toBe(3 / 8);
    expect(bubbleFraction('1f1b', 4, 8, 1)).toBe(3 / 8);
    expect(bubbleFraction('interleaved', 4, 8, 2)).toBe(3 / 16);
    expect(bubbleFraction('1f1b', 1, 8, 1)).toBe(0);
  });
});

describe('inFlightMicroBatches', () => {
  it('holds all m under GPipe, min(p, m) under 1F1B and a little more than p interleaved', () => {
    expect(inFlightMicroBatches('gpipe', 4, 32, 1)).toBe(32);
    expect(inFlightMicroBatches('1f1b', 4, 32, 1)).toBe(4);
    expect(inFlightMicroBatches('1f1b', 8, 2, 1)).toBe(2);
    expect(inFlightMicroBatches('interleaved', 4, 32, 2)).toBeCloseTo(4 * (1 + 3 / 8), 9);
  });
});

describe('clusterMemory stages', () => {
  it('lets a 250k-vocabulary head and its logits make the last stage the peak when few micro-batches are in flight', () => {
    const m = clusterMemory(scenario({ model: bigVocab, workload: 'pretrain', seqLen: 4096, batchSize: 4, gpuCount: 4, pipelineParallel: 4, gradAccumulation: 1 }));
    expect(m.peakStage).toBe('last');
    expect(m.lastStageBytes).toBeGreaterThan(m.firstStageBytes);
  });

  it('charges the first stage one output and one gradient buffer per micro-batch in flight (1/t with sequence parallelism)', () => {
    const base = { model: 'llama-2-13b', workload: 'pretrain', seqLen: 4096, batchSize: 1, gpuCount: 8, pipelineParallel: 4, tensorParallel: 2, gradAccumulation: 16, gradientCheckpointing: true };
    const plain = clusterMemory(scenario(base));
    const sp = clusterMemory(scenario({ ...base, sequenceParallel: true }));
    // The buffers alone: 2 x 4 in flight x 4096 tokens x 5120 wide x 2 bytes = 320 MiB whole, half of it sharded over t = 2.
    const buffers = 2 * 4 * 4096 * 5120 * 2;
    expect(plain.peak.activationsBytes - sp.peak.activationsBytes).toBeGreaterThanOrEqual(buffers / 2);
  });

  it('keeps a ZeRO-3 stage gathered: 2 bytes of weights and 4 of FP32-accumulated gradient per stage parameter (FSDP2, torchtitan)', () => {
    const raw = { model: 'llama-3.1-70b', workload: 'pretrain', seqLen: 4096, batchSize: 1, gpuCount: 64, pipelineParallel: 8, zeroStage: 3, gradAccumulation: 8, gradientCheckpointing: true };
    const s = scenario(raw);
    const stageParams = countParams(s.model).totalParams / 8;
    const m = clusterMemory(s);
    expect(m.peak.weightsBytes).toBeGreaterThan(2 * stageParams * 0.95);
    expect(m.peak.gradientsBytes).toBeGreaterThan(4 * stageParams * 0.95);
    const noPp = clusterMemory(scenario({ ...raw, pipelineParallel: 1 }));
    expect(noPp.peak.gradientsBytes).toBeLessThan(stageParams);
  });
});
