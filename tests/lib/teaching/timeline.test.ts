import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { overheadBytes, trainingActivations } from '../../../src/lib/estimator/memory.ts';
import { stepTimeline } from '../../../src/lib/teaching/timeline.ts';
import { RTX_4090, H100_SXM, scenario } from '../fixtures.ts';

const noShard = { tensorParallel: 1, pipelineParallel: 1 };
const lora = { model: 'llama-3.1-8b', workload: 'lora', seqLen: 2048, batchSize: 1, gradientCheckpointing: false } as const;
const full = { model: 'llama-3.1-8b', workload: 'full-finetune', seqLen: 2048, batchSize: 1, gradientCheckpointing: true } as const;

describe('stepTimeline', () => {
  it('stepTimeline(s, gpu) has a start, one point per block forward, the loss, one per block backward, the optimizer step and an end', () => {
    const t = stepTimeline(scenario(lora), RTX_4090);
    expect(t.points).toHaveLength(1 + 32 + 1 + 32 + 2);
    expect(t.points.map((p) => p.phase).filter((p, i, a) => p !== a[i - 1])).toEqual(['start', 'forward', 'loss', 'backward', 'optimizer', 'end']);
    expect(t.points[1]!.layer).toBe(1);
    expect(t.points[34]!.layer).toBe(32);
  });

  it('stepTimeline keeps weights and optimizer states constant at the estimator\'s values', () => {
    const s = scenario(full);
    const e = estimate(s, H100_SXM, { explain: false });
    const t = stepTimeline(s, H100_SXM);
    for (const p of t.points) {
      expect(p.weightsBytes).toBe(e.memory.weightsBytes);
      expect(p.optimizerBytes).toBe(e.memory.optimizerBytes);
    }
  });

  it('stepTimeline grows saved activations by one block per forward point and adds the logits at the loss', () => {
    const s = scenario(lora);
    const act = trainingActivations(s, noShard);
    const t = stepTimeline(s, RTX_4090);
    const forward = t.points.filter((p) => p.phase === 'forward');
    expect(forward[0]!.activationsBytes).toBeCloseTo(act.savedBytes / 32, 0);
    expect(forward[31]!.activationsBytes - forward[30]!.activationsBytes).toBeCloseTo(act.savedBytes / 32, 0);
    expect(t.points.find((p) => p.phase === 'loss')!.activationsBytes).toBeCloseTo(act.savedBytes + act.logitsBytes, 0);
  });

  it('stepTimeline builds every gradient by the end of backward and frees them after the optimizer step', () => {
    const s = scenario(full);
    const e = estimate(s, H100_SXM, { explain: false });
    const t = stepTimeline(s, H100_SXM);
    const backward = t.points.filter((p) => p.phase === 'backward');
    expect(backward[0]!.gradientsBytes).toBeGreaterThan(0);
    expect(backward[0]!.gradientsBytes).toBeLessThan(e.memory.gradientsBytes / 10);
    expect(backward.at(-1)!.gradientsBytes).toBeCloseTo(e.memory.gradientsBytes, 0);
    expect(t.points.find((p) => p.phase === 'optimizer')!.gradientsBytes).toBe(e.memory.gradientsBytes);
    const end = t.points.at(-1)!;
    expect(end.gradientsBytes).toBe(0);
    expect(end.totalBytes).toBeCloseTo(e.memory.weightsBytes + e.memory.optimizerBytes + overheadBytes(e.memory.weightsBytes + e.memory.optimizerBytes, 0), 0);
  });

  it('stepTimeline peaks when every gradient exists for a full fine-tune and at the loss for LoRA without checkpointing', () => {
    const f = stepTimeline(scenario(full), H100_SXM);
    const optimizerIndex = f.points.findIndex((p) => p.phase === 'optimizer');
    // The last backward point: all gradients plus the block's working buffers; the optimizer step drops only those buffers.
    expect(f.peakIndex).toBe(optimizerIndex - 1);
    const drop = f.points[f.peakIndex]!.totalBytes - f.points[optimizerIndex]!.totalBytes;
    expect(drop).toBeGreaterThan(0);
    expect(drop).toBeLessThan(f.points[f.peakIndex]!.activationsBytes * 1.2);
    const l = stepTimeline(scenario(lora), RTX_4090);
    expect(l.points[l.peakIndex]!.phase).toBe('loss');
  });

  it('stepTimeline never exceeds the estimator\'s budget, which adds every term at its peak', () => {
    for (const raw of [lora, full, { ...lora, gradientCheckpointing: true }, { ...full, trainableTopLayers: 4, gradientCheckpointing: false }, { ...lora, workload: 'qlora' }]) {
      const t = stepTimeline(scenario(raw), RTX_4090);
      expect(t.peakBytes).toBeLessThanOrEqual(t.budgetBytes * (1 + 1e-12));
      expect(t.peakBytes).toBe(Math.max(...t.points.map((p) => p.totalBytes)));
    }
  });

  it('stepTimeline with gradient checkpointing keeps only block inputs: 2 bytes x tokens x hidden per block', () => {
    const t = stepTimeline(scenario({ ...lora, gradientCheckpointing: true }), RTX_4090);
    const forward = t.points.filter((p) => p.phase === 'forward');
    expect(forward[0]!.activationsBytes).toBe(2048 * 4096 * 2);
  });

  it('stepTimeline of the top 4 blocks saves nothing below them and runs backward through 4 blocks only', () => {
    const t = stepTimeline(scenario({ ...full, trainableTopLayers: 4, gradientCheckpointing: false }), H100_SXM);
    expect(t.trainedLayers).toBe(4);
    const forward = t.points.filter((p) => p.phase === 'forward');
    expect(forward[27]!.activationsBytes).toBe(0);
    expect(forward[28]!.activationsBytes).toBeGreaterThan(0);
    expect(t.points.filter((p) => p.phase === 'backward').map((p) => p.layer)).toEqual([32, 31, 30, 29]);
  });

  it('stepTimeline refuses inference', () => {
    expect(() => stepTimeline(scenario({ model: 'llama-3.1-8b', workload: 'inference' }), RTX_4090)).toThrow(/training workload/);
  });
});
