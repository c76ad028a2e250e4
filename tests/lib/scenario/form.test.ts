import { describe, expect, it } from 'vitest';
import { FIELDS, fieldFromText, fieldSpec, narrowField, optionsOf, type FieldSpec } from '../../../src/lib/scenario/fields.ts';
import { readFields } from '../../../src/lib/scenario/read-fields.ts';
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

describe('readFields (any list of field entries, read from the text kept under their URL keys)', () => {
  const cards: FieldSpec = { key: 'cards', url: 'cards', label: 'Cards to compare', kind: 'card', multiple: true, options: optionsOf([{ id: 'a', name: 'Card A', memoryGB: 24 }, { id: 'b', name: 'Card B 48GB', memoryGB: 48 }]), help: '' };
  const batch = narrowField('batchSize', { stops: [1, 2, 4, 8] });
  const specs = [fieldSpec('seqLen'), batch, narrowField('workload', { options: [{ value: 'lora', label: 'LoRA' }] }), fieldSpec('gradientCheckpointing'), cards];
  const read = (texts: Record<string, string>) => readFields(specs, { seq: '2048', batch: '4', workload: 'lora', ckpt: '1', cards: 'a', ...texts });
  const problems = (texts: Record<string, string>) => read(texts).errors.map((e) => `${e.field}:${e.code}`);

  it('reads each value by its kind, under its scenario key', () => {
    expect(read({ cards: ' b , a ' })).toEqual({ values: { seqLen: 2048, batchSize: 4, workload: 'lora', gradientCheckpointing: true, cards: ['b', 'a'] }, errors: [] });
  });
  it('reports every field’s problem at once: text that is not its kind, out of range, between stops, not listed, empty', () => {
    expect(problems({ seq: '2k', batch: '3', workload: 'pretrain', ckpt: 'maybe', cards: 'a,zzz' })).toEqual(['seqLen:type', 'batchSize:range', 'workload:enum', 'gradientCheckpointing:type', 'cards:enum']);
    expect(problems({ seq: '0', cards: ' , ' })).toEqual(['seqLen:range', 'cards:required']);
    expect(problems({ seq: '9'.repeat(400), batch: '' })).toEqual(['seqLen:range', 'batchSize:required']);
  });
  it('says what is accepted in the field’s own words, without echoing an unlisted value', () => {
    const [seq, stops, list] = read({ seq: '0', batch: '16', cards: '<img src=x>' }).errors;
    expect(seq?.message).toBe('Sequence length must be a whole number from 1 to 1,048,576');
    expect(stops?.message).toBe("Batch size must be one of the slider's steps, from 1 to 8");
    expect(list?.message).toBe('Cards to compare: choose from the list');
  });
  it('names a card by its memory unless its name already says it', () => {
    expect(cards.options?.map((o) => o.label)).toEqual(['Card A (24 GB)', 'Card B 48GB']);
  });
});
