import { describe, expect, it } from 'vitest';
import { fineTuningExamples, LLAMA3_SCHEDULE, pretrainingExamples } from '../../src/lib/training-examples.ts';
import { numbersIn, H100_SXM, RTX_4090 } from './fixtures.ts';

const cards = [RTX_4090, H100_SXM];

describe('pretrainingExamples', () => {
  const p = pretrainingExamples(cards);
  it('pretrainingExamples prints only finite numbers', () => {
    for (const [path, v] of numbersIn({ ...p, model: null, timeline: null })) expect(Number.isFinite(v), path).toBe(true);
  });
  it('pretrainingExamples starts the loss at ln(128,256) for Llama 3.1 8B', () => {
    expect(p.nextToken.uniformLossNats).toBeCloseTo(Math.log(128256), 12);
  });
  it('pretrainingExamples walks Llama 3\'s schedule from near zero to the peak and down to 1% of it', () => {
    expect(p.schedule[2]!.rate).toBeCloseTo(LLAMA3_SCHEDULE.peak, 15);
    expect(p.schedule.at(-1)!.rate).toBeCloseTo(LLAMA3_SCHEDULE.peak * 0.01, 15);
    expect(p.schedule[0]!.rate).toBeLessThan(1e-7);
  });
  it('pretrainingExamples: checkpointing lowers the LoRA peak; a bigger batch raises it', () => {
    expect(p.timeline.loraCkpt.peakBytes).toBeLessThan(p.timeline.lora.peakBytes);
    expect(p.timeline.loraBatch4.peakBytes).toBeGreaterThan(p.timeline.lora.peakBytes);
  });
  it('pretrainingExamples: a checkpoint is 14 bytes per parameter while training holds 16', () => {
    expect(p.checkpoint.bytesPerParam).toBeCloseTo(14, 10);
    expect(p.memoryBytesPerParam).toBeCloseTo(16, 10);
  });
});

describe('fineTuningExamples', () => {
  const f = fineTuningExamples(cards);
  it('fineTuningExamples: on a 24 GB card full fine-tuning of Llama 3.1 8B does not fit and QLoRA does', () => {
    expect(f.on4090.full.verdict).toBe('does-not-fit');
    expect(f.on4090.qlora.runs).toBe(true);
    expect(f.fitsOn.qlora).toBeGreaterThanOrEqual(f.fitsOn.lora);
    expect(f.fitsOn.lora).toBeGreaterThanOrEqual(f.fitsOn.full);
  });
  it('fineTuningExamples: LoRA on one 4096 x 4096 matrix at rank 16 trains 131,072 values', () => {
    expect(f.lora.adapterParams).toBe(131072);
  });
  it('fineTuningExamples: SGDR with T0 = 100 and Tmult = 2 restarts at 100, 300, 700, 1500', () => {
    expect(f.sgdr.restarts).toEqual([100, 300, 700, 1500]);
  });
  it('fineTuningExamples: training the top 4 blocks costs fewer FLOPs per token than full fine-tuning', () => {
    expect(f.top.topFlops).toBeLessThan(f.top.fullFlops);
  });
});
