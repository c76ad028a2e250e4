import { describe, expect, it } from 'vitest';
import { LLAMA3_SCHEDULE, pretrainingChapter } from '../../../src/lib/examples/pre-training.ts';
import { numbersIn, H100_SXM, RTX_4090 } from '../fixtures.ts';

const cards = [RTX_4090, H100_SXM];

describe('pretrainingChapter', () => {
  const p = pretrainingChapter(cards);
  it('pretrainingChapter prints only finite numbers', () => {
    for (const [path, v] of numbersIn({ ...p, model: null, timeline: null })) expect(Number.isFinite(v), path).toBe(true);
  });
  it('pretrainingChapter starts the loss at ln(128,256) for Llama 3.1 8B', () => {
    expect(p.nextToken.uniformLossNats).toBeCloseTo(Math.log(128256), 12);
  });
  it('pretrainingChapter walks Llama 3\'s schedule from near zero to the peak and down to 1% of it', () => {
    expect(p.schedule[2]!.rate).toBeCloseTo(LLAMA3_SCHEDULE.peak, 15);
    expect(p.schedule.at(-1)!.rate).toBeCloseTo(LLAMA3_SCHEDULE.peak * 0.01, 15);
    expect(p.schedule[0]!.rate).toBeLessThan(1e-7);
  });
  it('pretrainingChapter: checkpointing lowers the LoRA peak; a bigger batch raises it', () => {
    expect(p.timeline.loraCkpt.peakBytes).toBeLessThan(p.timeline.lora.peakBytes);
    expect(p.timeline.loraBatch4.peakBytes).toBeGreaterThan(p.timeline.lora.peakBytes);
  });
  it('pretrainingChapter: a checkpoint is 14 bytes per parameter while training holds 16', () => {
    expect(p.checkpoint.bytesPerParam).toBeCloseTo(14, 10);
    expect(p.memoryBytesPerParam).toBeCloseTo(16, 10);
  });
  it('pretrainingChapter: BERT predicts 15% of 512 positions, 80/10/10 mask/random/unchanged (Devlin et al. 2019, §3.1)', () => {
    expect(p.bert.mlm.predictedTokens).toBeCloseTo(76.8, 9);
    expect(p.bert.mlm.maskTokens + p.bert.mlm.randomTokens + p.bert.mlm.unchangedTokens).toBeCloseTo(p.bert.mlm.predictedTokens, 9);
    // Each prediction costs the whole sequence's compute, so a prediction is 1/0.15 times dearer than a token.
    expect(p.bert.flopsPerPrediction / p.bert.flopsPerToken).toBeCloseTo(1 / 0.15, 9);
  });
  it('pretrainingChapter: CLIP\'s 32,768-sample batch makes a 4 GiB FP32 similarity matrix, 1/256 of it per V100 (Radford et al. 2021, §2.5)', () => {
    expect(p.clip.logitsBytes).toBe(4 * 2 ** 30);
    expect(p.clip.perCardBytes * p.clip.cards).toBe(p.clip.logitsBytes);
  });
  it('pretrainingChapter: T5 span corruption on 512 tokens drops 76.8 in spans of mean length 3 (Raffel et al. 2020, §3.3.4)', () => {
    expect(p.t5.noiseTokens).toBeCloseTo(76.8, 9);
    expect(p.t5.spans).toBeCloseTo(25.6, 9);
    // Every token either stays in the input or moves to the target; sentinels and end-of-sequence appear in both.
    expect(p.t5.inputTokens + p.t5.targetTokens - 2 * (p.t5.spans + 1)).toBeCloseTo(p.t5.seq, 9);
  });
  it('pretrainingChapter: a training checkpoint of Llama 3.1 405B is about 14 bytes × 405 billion, over 5 TB', () => {
    expect(p.big.checkpointBytes / (14 * 405e9)).toBeGreaterThan(0.98);
    expect(p.big.checkpointBytes / (14 * 405e9)).toBeLessThan(1.02);
  });
  it('pretrainingChapter: the LoRA step peaks at a phase the full fine-tune does not, which peaks at or after the backward pass', () => {
    expect(p.peakPhase.full).not.toBe(p.peakPhase.lora);
    expect(['backward', 'optimizer']).toContain(p.peakPhase.full);
  });
  it('pretrainingChapter: the LoRA step peaks at the loss, as the Training loop chapter\'s card advice and exercise say, with or without a bigger batch', () => {
    expect(p.peakPhase.lora).toBe('loss');
    expect(p.peakPhase.loraBatch4).toBe('loss');
  });
});
