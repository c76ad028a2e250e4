import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { evaluateCost, type CostInputs } from '../../src/components/calculators/training-cost.ts';

const cards = loadGpus().map(estimatorCard);
const DEFAULTS: CostInputs = {
  model: 'llama-3.1-8b', workload: 'qlora', framework: 'transformers', trainTokens: '100M', gpu: 'rtx-4090', gpuCount: '1', batchSize: '1', seqLen: '2048',
  gradientCheckpointing: '1', mfu: '', electricityUsdPerKWh: '0.13', hourlyUsd: '', busyHoursPerWeek: '168', price: '',
};

describe('evaluateCost (the training-cost chapter’s calculator)', () => {
  it('reads MFU typed as 0.4, 40 or 40% as the same 40 %', () => {
    const times = ['0.4', '40', '40%'].map((mfu) => {
      const r = evaluateCost({ ...DEFAULTS, mfu }, cards);
      return r.ok ? r.result.timeSeconds : Number.NaN;
    });
    expect(times[0]).toBeGreaterThan(0);
    expect(times[1]).toBeCloseTo(times[0] ?? 0, 6);
    expect(times[2]).toBeCloseTo(times[0] ?? 0, 6);
  });
  it('owning costs more per run when the card is busy fewer hours a week', () => {
    const always = evaluateCost(DEFAULTS, cards);
    const evenings = evaluateCost({ ...DEFAULTS, busyHoursPerWeek: '20' }, cards);
    expect(always.ok && evenings.ok).toBe(true);
    if (!always.ok || !evenings.ok) return;
    expect(evenings.result.purchaseUsd / always.result.purchaseUsd).toBeCloseTo(168 / 20, 6);
    expect(evenings.result.electricityUsd).toBeCloseTo(always.result.electricityUsd, 9);
  });
  it('gives the break-even busy hours against a rental quote, where owning per busy hour equals the rent', () => {
    const r = evaluateCost({ ...DEFAULTS, hourlyUsd: '0.5' }, cards);
    expect(r.ok).toBe(true);
    if (!r.ok || r.result.breakEvenHours === null) throw new Error('expected a break-even');
    const at = evaluateCost({ ...DEFAULTS, hourlyUsd: '0.5', busyHoursPerWeek: String(r.result.breakEvenHours) }, cards);
    if (!at.ok || at.result.rentUsd === null) throw new Error('expected a rental price');
    expect(at.result.buyUsd).toBeCloseTo(at.result.rentUsd, 6);
  });
  it('does not advise checkpointing when it is already on, and does advise it when it is off', () => {
    const on = evaluateCost({ ...DEFAULTS, model: 'llama-2-70b', workload: 'full-finetune' }, cards);
    const off = evaluateCost({ ...DEFAULTS, model: 'llama-2-70b', workload: 'full-finetune', gradientCheckpointing: '0' }, cards);
    expect(on.ok && on.result.verdict).toBe('does-not-fit');
    expect(on.ok && on.result.advice).not.toContain('checkpointing');
    expect(off.ok && off.result.advice).toContain('checkpointing');
  });
  it('puts bad text under its own field and refuses inference', () => {
    const r = evaluateCost({ ...DEFAULTS, trainTokens: 'lots', price: 'cheap', workload: 'inference' }, cards);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.trainTokens?.[0]?.code).toBe('type');
    expect(r.errors.price?.[0]?.field).toBe('price');
    expect(r.errors.workload?.[0]?.field).toBe('workload');
  });
});

describe('the framework input of the training-cost calculator', () => {
  it('changes the speed of a QLoRA run (torchtune expands NF4 weights in several passes) and the default MFU shown', () => {
    const hf = evaluateCost({ ...DEFAULTS, framework: 'transformers' }, cards);
    const tt = evaluateCost({ ...DEFAULTS, framework: 'torchtune' }, cards);
    if (!hf.ok || !tt.ok) throw new Error('default inputs must evaluate');
    expect(tt.result.tokensPerSecond).not.toBeCloseTo(hf.result.tokensPerSecond, 0);
    expect(hf.result.defaultMfu).toBeGreaterThan(0.2);
    expect(hf.result.defaultMfu).toBeLessThan(0.6);
  });
});

describe('evaluateCost: when a job runs (the cases the browser test shows)', () => {
  it('a full fine-tune of an 8B model does not fit one RTX 4090, and eight cards with ZeRO-3 fit it', () => {
    const one = evaluateCost({ ...DEFAULTS, workload: 'full-finetune' }, cards);
    expect(one.ok && one.result.verdict).toBe('does-not-fit');
    const eight = evaluateCost({ ...DEFAULTS, workload: 'full-finetune', gpuCount: '8' }, cards);
    expect(eight.ok && eight.result.verdict).toMatch(/^(fits|tight)$/);
  });
});
