import { describe, expect, it } from 'vitest';
import { bubbleFraction } from '../../src/lib/pipeline.ts';
import { inFlightMicroBatches, stageMemory } from '../../src/lib/stage-memory.ts';

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

describe('stageMemory', () => {
  const base = { blockStateBytes: 10e9, embeddingStateBytes: 1e9, headStateBytes: 1e9, activationBytesPerMicroBatch: 1e9, logitsBytes: 0.5e9, workingBytes: 0.2e9 };

  it('puts the in-flight activations on the first stage', () => {
    const m = stageMemory(base, '1f1b', 8, 32, 1);
    expect(m.firstBytes - m.lastBytes).toBeCloseTo(7e9 - 0.5e9, -3);
    expect(m.peakStage).toBe('first');
  });

  it('lets a 250k-vocabulary head and its logits make the last stage the peak', () => {
    const m = stageMemory({ ...base, headStateBytes: 6e9, logitsBytes: 4e9 }, '1f1b', 4, 8, 1);
    expect(m.peakStage).toBe('last');
  });
});
