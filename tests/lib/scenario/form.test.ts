import { describe, expect, it } from 'vitest';
import { FIELDS, fieldFromText, fieldSpec } from '../../../src/lib/scenario/fields.ts';
import { formToScenario, withCompatibleDefaults } from '../../../src/lib/scenario/form.ts';
import { ENGINES, OPTIMIZERS, WORKLOADS } from '../../../src/lib/scenario/vocabulary.ts';

describe('field manifest', () => {
  it('gives every field a unique scenario key and a unique URL key', () => {
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELDS.length);
    expect(new Set(FIELDS.map((f) => f.url)).size).toBe(FIELDS.length);
  });
  it('takes enum options from the vocabulary, so the lists are written once', () => {
    expect(fieldSpec('workload').options?.map((o) => o.value)).toEqual([...WORKLOADS]);
    expect(fieldSpec('optimizer').options?.map((o) => o.value)).toEqual([...OPTIMIZERS]);
    expect(fieldSpec('engine').options?.map((o) => o.value)).toEqual([...ENGINES]);
  });
  it('fieldFromText reads MFU as a fraction or a percent, never 0.4 as 0.4%', () => {
    const mfu = fieldSpec('mfu');
    expect(fieldFromText(mfu, '0.4')).toEqual({ ok: true, value: 0.4 });
    expect(fieldFromText(mfu, '40')).toEqual({ ok: true, value: 0.4 });
    expect(fieldFromText(mfu, '40%')).toEqual({ ok: true, value: 0.4 });
    expect(fieldFromText(mfu, '0.4%')).toEqual({ ok: true, value: 0.004 });
    expect(fieldFromText(mfu, '')).toEqual({ ok: true, value: undefined });
    expect(fieldFromText(mfu, 'lots').ok).toBe(false);
  });
  it('fieldFromText reads token counts with k, M, B and T suffixes', () => {
    expect(fieldFromText(fieldSpec('trainTokens'), '1.4T')).toEqual({ ok: true, value: 1.4e12 });
    expect(fieldFromText(fieldSpec('trainTokens'), '2,000,000')).toEqual({ ok: true, value: 2e6 });
    expect(fieldFromText(fieldSpec('trainTokens'), '2 apples').ok).toBe(false);
  });
});

describe('formToScenario', () => {
  it('puts a problem the text cannot be read under its own field, in words', () => {
    const r = formToScenario({ model: 'gpt2', batchSize: '12a', seqLen: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.batchSize?.[0]).toEqual({ field: 'batchSize', code: 'type', message: 'Batch size must be a whole number, not “12a”' });
    expect(r.errors.seqLen?.[0]?.code).toBe('required');
  });
  it('puts the parser’s range and conflict problems under the field that shows them', () => {
    const r = formToScenario({ model: 'gpt2', workload: 'qlora', weightsFormat: 'bf16', batchSize: '0' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.batchSize?.[0]?.code).toBe('range');
  });
  it('reports a problem in a field the form does not show under the general key', () => {
    const r = formToScenario({ model: 'gpt2', workload: 'full-finetune' }, { tensorParallel: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors['']?.[0]?.field).toBe('tensorParallel');
  });
  it('accepts nested keys such as lora.rank', () => {
    const r = formToScenario({ model: 'gpt2', workload: 'lora', 'lora.rank': '8' });
    expect(r.ok && r.scenario.lora.rank).toBe(8);
  });
});

describe('withCompatibleDefaults', () => {
  it('swaps a weights format the new workload rejects for the parser’s default, and leaves valid values alone', () => {
    expect(withCompatibleDefaults({ model: 'gpt2', workload: 'qlora', weightsFormat: 'bf16' }).weightsFormat).toBe('nf4');
    expect(withCompatibleDefaults({ model: 'gpt2', workload: 'full-finetune', trainingPrecision: 'fp32', weightsFormat: 'bf16' }).weightsFormat).toBe('fp32');
    const ok = { model: 'gpt2', workload: 'lora', weightsFormat: 'bf16' } as const;
    expect(withCompatibleDefaults(ok)).toBe(ok);
  });
});
