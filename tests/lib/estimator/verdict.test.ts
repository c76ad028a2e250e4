import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { loadMeasurements } from '../../../src/loaders/load-measurements.ts';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { decideVerdict, MEMORY_ERROR_P90, unsupportedReason } from '../../../src/lib/estimator/verdict.ts';
import { validateMeasurement } from '../../../src/lib/validation/validation.ts';
import { GIB } from '../../../src/lib/units.ts';
import { RTX_4090, scenario } from '../fixtures.ts';

const cards = loadGpus();
const card = (id: string) => {
  const c = cards.find((x) => x.id === id);
  if (!c) throw new Error(`no card ${id}`);
  return c;
};

describe('verdict', () => {
  it('estimate(bf16 LoRA, Tesla P40) is unsupported: Pascal has no BF16, whatever the memory', () => {
    const s = scenario({ model: 'gpt2', workload: 'lora', trainingPrecision: 'bf16-mixed' });
    const e = estimate(s, card('tesla-p40'));
    expect(e.verdict).toBe('unsupported');
    expect(e.verdictReason).toContain('BF16');
    expect(estimate(s, card('rtx-3090')).verdict).toBe('fits');
    expect(estimate(scenario({ model: 'gpt2', workload: 'lora', trainingPrecision: 'fp16-mixed' }), card('tesla-p40')).verdict).toBe('fits');
  });
  it('bf16 weights served by vLLM are unsupported on Volta, FP16 weights are not', () => {
    expect(unsupportedReason(scenario({ model: 'gpt2', weightsFormat: 'bf16' }), card('v100-sxm2-32gb'))).toContain('BF16');
    expect(unsupportedReason(scenario({ model: 'gpt2', weightsFormat: 'fp16' }), card('v100-sxm2-32gb'))).toBeNull();
  });
  it('fitAdvice leaves out what the scenario already does: no checkpointing advice with checkpointing on', async () => {
    const { fitAdvice } = await import('../../../src/lib/estimator/verdict.ts');
    const { parseScenario } = await import('../../../src/lib/scenario/scenario.ts');
    const parsed = (ckpt: boolean) => {
      const p = parseScenario({ model: 'llama-3.1-8b', workload: 'full-finetune', gradientCheckpointing: ckpt });
      if (!p.ok) throw new Error(p.error);
      return p.scenario;
    };
    expect(fitAdvice(parsed(true), 'does-not-fit')).not.toContain('checkpointing');
    expect(fitAdvice(parsed(false), 'does-not-fit')).toContain('checkpointing');
    expect(fitAdvice(parsed(false), 'fits')).toEqual([]);
  });
  it('a job bigger than the card does not fit', () => {
    const e = estimate(scenario({ model: 'llama-2-70b', workload: 'full-finetune' }), RTX_4090);
    expect(e.verdict).toBe('does-not-fit');
    expect(e.fits).toBe(false);
  });
  it('a fit whose spare memory is inside the validated error band is tight; with room to spare it fits', () => {
    const s = scenario({ model: 'gpt2' });
    const cap = 24 * GIB;
    expect(decideVerdict(s, RTX_4090, { totalBytes: cap * 0.95, pagedBytes: 0, capacityBytes: cap }).verdict).toBe('tight');
    expect(decideVerdict(s, RTX_4090, { totalBytes: cap * 0.5, pagedBytes: 0, capacityBytes: cap }).verdict).toBe('fits');
    expect(decideVerdict(s, RTX_4090, { totalBytes: cap * 1.01, pagedBytes: 0, capacityBytes: cap }).verdict).toBe('does-not-fit');
  });
  it('a job that runs only because paged optimizer states spill is offload, and still counts as fits', () => {
    const s = scenario({ model: 'llama-2-7b', workload: 'qlora' });
    const cap = 24 * GIB;
    const v = decideVerdict(s, RTX_4090, { totalBytes: cap * 1.1, pagedBytes: cap * 0.2, capacityBytes: cap });
    expect(v.verdict).toBe('offload');
    expect(v.reason).toContain('paged')
  });
  it('CPU offload of optimizer states gives the offload verdict', () => {
    const e = estimate(scenario({ model: 'gpt2', workload: 'full-finetune', offload: 'optimizer', zeroStage: 2 }), RTX_4090);
    expect(e.verdict).toBe('offload');
  });
  it('MEMORY_ERROR_P90 is the 90th percentile memory error of the validation set (to the nearest 5 points, never below it)', () => {
    const memory = loadMeasurements().filter((m) => /GiB$/.test(m.measured.metric));
    const errors = memory.map((m) => Math.abs(validateMeasurement(m, cards).relativeError)).sort((a, b) => a - b);
    const p90 = errors[Math.ceil(0.9 * errors.length) - 1] ?? 0;
    expect(memory.length).toBeGreaterThan(10);
    expect(MEMORY_ERROR_P90).toBeGreaterThanOrEqual(p90);
    expect(MEMORY_ERROR_P90).toBeLessThan(p90 + 0.05);
  });
});
