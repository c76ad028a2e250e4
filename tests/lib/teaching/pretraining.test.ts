import { describe, expect, it } from 'vitest';
import { contrastiveLogitsBytes, mlmMasking, spanCorruption, trainingCheckpointBytes, warmupCosineRate } from '../../../src/lib/teaching/pretraining.ts';
import { countParams, findModel } from '../../../src/lib/scenario/models.ts';
import { scenario } from '../fixtures.ts';

describe('mlmMasking', () => {
  it('mlmMasking(512) predicts 76.8 tokens: 61.44 [MASK], 7.68 random, 7.68 unchanged (BERT §3.1)', () => {
    const m = mlmMasking(512);
    expect(m.predictedTokens).toBeCloseTo(76.8, 10);
    expect(m.maskTokens).toBeCloseTo(61.44, 10);
    expect(m.randomTokens).toBeCloseTo(7.68, 10);
    expect(m.unchangedTokens).toBeCloseTo(7.68, 10);
    expect(m.lossFraction).toBe(0.15);
  });
});

describe('spanCorruption', () => {
  it('spanCorruption(512) drops 76.8 tokens in 25.6 spans: input 462.8, target 103.4 (T5 §3.3.4)', () => {
    const c = spanCorruption(512);
    expect(c.noiseTokens).toBeCloseTo(76.8, 10);
    expect(c.spans).toBeCloseTo(25.6, 10);
    expect(c.inputTokens).toBeCloseTo(512 - 76.8 + 25.6 + 1, 10);
    expect(c.targetTokens).toBeCloseTo(76.8 + 25.6 + 1, 10);
  });
});

describe('contrastiveLogitsBytes', () => {
  it('contrastiveLogitsBytes(32768, 4) is 4 GiB, and doubling the batch quadruples it', () => {
    expect(contrastiveLogitsBytes(32768, 4)).toBe(4 * 2 ** 30);
    expect(contrastiveLogitsBytes(65536, 4) / contrastiveLogitsBytes(32768, 4)).toBe(4);
  });
});

describe('warmupCosineRate', () => {
  const s = { peak: 3e-4, warmupSteps: 100, totalSteps: 1100, minRatio: 0.1 };
  it('warmupCosineRate rises linearly over the warm-up', () => {
    expect(warmupCosineRate(0, s)).toBeCloseTo(3e-6, 15);
    expect(warmupCosineRate(49, s)).toBeCloseTo(1.5e-4, 15);
  });
  it('warmupCosineRate is at the peak after warm-up, halfway down at mid-decay and at the floor at the end', () => {
    expect(warmupCosineRate(100, s)).toBeCloseTo(3e-4, 15);
    expect(warmupCosineRate(600, s)).toBeCloseTo((3e-4 + 3e-5) / 2, 15);
    expect(warmupCosineRate(1100, s)).toBeCloseTo(3e-5, 15);
    expect(warmupCosineRate(5000, s)).toBeCloseTo(3e-5, 15);
  });
});

describe('trainingCheckpointBytes', () => {
  it('trainingCheckpointBytes stores 14 bytes per parameter for BF16-mixed AdamW (weights 2 + master 4 + moments 8)', () => {
    const c = trainingCheckpointBytes(scenario({ model: 'llama-2-7b', workload: 'full-finetune' }));
    expect(c.bytesPerParam).toBeCloseTo(14, 10);
    expect(c.totalBytes).toBeCloseTo(14 * countParams(findModel('llama-2-7b')!).totalParams, 0);
  });
  it('trainingCheckpointBytes stores 12 bytes per parameter for fp32 AdamW and 6 for pure bf16 AdamW', () => {
    expect(trainingCheckpointBytes(scenario({ model: 'gpt2', workload: 'pretrain', trainingPrecision: 'fp32' })).bytesPerParam).toBeCloseTo(12, 10);
    expect(trainingCheckpointBytes(scenario({ model: 'gpt2', workload: 'pretrain', trainingPrecision: 'bf16' })).bytesPerParam).toBeCloseTo(6, 10);
  });
});
