import { describe, expect, it } from 'vitest';
import { compareFineTuneMethods, FINE_TUNE_METHODS, discriminativeRates, doraMagnitudeParams, sgdrRate } from '../../../src/lib/teaching/finetuning.ts';
import { findModel } from '../../../src/lib/scenario/models.ts';
import { H100_SXM, RTX_4090 } from '../fixtures.ts';

const settings = { model: 'llama-3.1-8b', seqLen: 2048, batchSize: 1, topLayers: 4, rank: 16, gradientCheckpointing: true, trainTokens: 1e7 };

describe('discriminativeRates', () => {
  it('discriminativeRates(0.01, 3) divides by 2.6 per block going down (ULMFiT §3.2)', () => {
    const r = discriminativeRates(0.01, 3);
    expect(r[2]).toBeCloseTo(0.01, 15);
    expect(r[1]).toBeCloseTo(0.01 / 2.6, 15);
    expect(r[0]).toBeCloseTo(0.01 / 6.76, 15);
  });
});

describe('sgdrRate', () => {
  const s = { maxRate: 1, minRate: 0, firstCycleSteps: 100, mult: 2 };
  it('sgdrRate starts at the maximum, reaches half at mid-cycle and restarts after T_0 steps', () => {
    expect(sgdrRate(0, s)).toBe(1);
    expect(sgdrRate(50, s)).toBeCloseTo(0.5, 12);
    expect(sgdrRate(99, s)).toBeLessThan(0.001);
    expect(sgdrRate(100, s)).toBe(1);
  });
  it('sgdrRate makes the second cycle T_mult times longer', () => {
    expect(sgdrRate(200, s)).toBeCloseTo(0.5, 12);
    expect(sgdrRate(300, s)).toBe(1);
  });
});

describe('doraMagnitudeParams', () => {
  it('doraMagnitudeParams(llama-2-7b, [q, v]) adds one value per output feature: 2 x 32 x 4,096', () => {
    expect(doraMagnitudeParams(findModel('llama-2-7b')!, ['q', 'v'])).toBe(2 * 32 * 4096);
  });
});

describe('compareFineTuneMethods', () => {
  it('compareFineTuneMethods orders the four methods and shrinks trainable parameters from full to LoRA', () => {
    const c = compareFineTuneMethods(settings, H100_SXM);
    if (!c.ok) throw new Error(c.message);
    expect(c.rows.map((r) => r.method)).toEqual(['full', 'top', 'lora', 'qlora']);
    expect(c.rows.map((r) => r.method)).toEqual([...FINE_TUNE_METHODS]);
    const [full, top, lora, qlora] = c.rows;
    expect(top!.trainableParams).toBeLessThan(full!.trainableParams);
    expect(lora!.trainableParams).toBeLessThan(top!.trainableParams);
    expect(qlora!.trainableParams).toBe(lora!.trainableParams);
    expect(qlora!.memory.weightsBytes).toBeLessThan(lora!.memory.weightsBytes / 2);
    expect(top!.flopsPerToken).toBeLessThan(full!.flopsPerToken);
  });

  it('compareFineTuneMethods on a 24 GB card: full fine-tuning of an 8B model does not fit, QLoRA does', () => {
    const c = compareFineTuneMethods(settings, RTX_4090);
    if (!c.ok) throw new Error(c.message);
    expect(c.rows[0]!.verdict).toBe('does-not-fit');
    expect(c.rows[0]!.runs).toBe(false);
    expect(c.rows[3]!.runs).toBe(true);
  });

  it('compareFineTuneMethods names the wrong setting', () => {
    const c = compareFineTuneMethods({ ...settings, topLayers: 40 }, RTX_4090);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.field).toBe('topLayers');
    const d = compareFineTuneMethods({ ...settings, seqLen: 0 }, RTX_4090);
    if (!d.ok) expect(d.field).toBe('seqLen');
    expect(d.ok).toBe(false);
  });
});
