import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { evaluateFineTune, fineTuneFields, type FineTuneInputs } from '../../src/components/calculators/fine-tune-methods.ts';
import { evaluateStep, stepFields, type StepInputs } from '../../src/components/calculators/step-timeline.ts';
import { FINE_TUNE_KEYS, STEP_TIMELINE_KEYS } from '../../src/components/calculators/url-keys.ts';
import type { Issue } from '../../src/lib/scenario/check.ts';

const cards = loadGpus().map(estimatorCard);
const FT: FineTuneInputs = { model: 'llama-3.1-8b', gpu: 'rtx-4090', seq: '2048', batch: '1', top: '4', rank: '16', tokens: '30', ckpt: '1' };
/** The fields with a problem, in order, each with its code. */
const problems = (r: { ok: true } | { ok: false; errors: Issue[] }) => (r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`));
const STEP: StepInputs = { model: 'llama-3.1-8b', workload: 'lora', batch: '1', seq: '2048', ckpt: '0', gpu: 'rtx-4090' };

/** Total bytes per method of a valid fine-tuning comparison. */
function totals(v: Partial<FineTuneInputs>): Record<string, number> {
  const r = evaluateFineTune({ ...FT, ...v }, cards);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return Object.fromEntries(r.result.rows.map((row) => [row.method, row.memory.totalBytes]));
}
function peak(v: Partial<StepInputs>): number {
  const r = evaluateStep({ ...STEP, ...v }, cards);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.result.timeline.peakBytes;
}

describe('evaluateFineTune (the Fine-tuning chapter’s methods side by side)', () => {
  it('orders the methods by memory: full > top-k > LoRA > QLoRA, and on a 24 GB card only the adapters fit', () => {
    const t = totals({});
    expect(t.full).toBeGreaterThan(t.top!);
    expect(t.top).toBeGreaterThan(t.lora!);
    expect(t.lora).toBeGreaterThan(t.qlora!);
    const r = evaluateFineTune(FT, cards);
    const verdicts = r.ok ? Object.fromEntries(r.result.rows.map((row) => [row.method, row.verdict])) : {};
    expect(verdicts.full).toBe('does-not-fit');
    expect(verdicts.qlora).toMatch(/^(fits|tight)$/);
  });
  it('training more top blocks, a longer sequence or no checkpointing costs memory', () => {
    expect(totals({ top: '16' }).top).toBeGreaterThan(totals({}).top!);
    expect(totals({ seq: '4096' }).lora).toBeGreaterThan(totals({}).lora!);
    expect(totals({ seq: '4096', ckpt: '0' }).lora).toBeGreaterThan(totals({ seq: '4096' }).lora!);
  });
  it('puts each bad input under its own field, and k above the model’s block count under k', () => {
    const bad = evaluateFineTune({ ...FT, model: 'nope', tokens: '<b>', ckpt: 'banana', gpu: 'zzz' }, cards);
    expect(problems(bad)).toEqual(['model:enum', 'gpu:enum', 'trainTokens:type', 'gradientCheckpointing:type']);
    const k = evaluateFineTune({ ...FT, top: '33' }, cards);
    expect(problems(k)).toEqual(['trainableTopLayers:range']);
    expect(k.ok ? '' : k.errors[0]?.message).toMatch(/from 1 to 32$/);
    // GPT-2 has 12 blocks: the same k is fine for Llama 3.1 8B (32) and too many for it.
    expect(evaluateFineTune({ ...FT, top: '16' }, cards).ok).toBe(true);
    expect(problems(evaluateFineTune({ ...FT, top: '16', model: 'gpt2' }, cards))).toEqual(['trainableTopLayers:range']);
    expect(problems(evaluateFineTune({ ...FT, seq: '', batch: '2.5' }, cards))).toEqual(['seqLen:required', 'batchSize:type']);
  });
  it('its fields are the URL keys the island declares', () => {
    expect(fineTuneFields(cards, FT.model).map((f) => f.url).sort()).toEqual([...FINE_TUNE_KEYS].sort());
  });
});

describe('evaluateStep (the Pre-training chapter’s step timeline)', () => {
  it('checkpointing lowers the peak, a full fine-tune raises it, a longer sequence raises it', () => {
    expect(peak({ ckpt: '1' })).toBeLessThan(peak({}));
    expect(peak({ workload: 'full-finetune', ckpt: '1' })).toBeGreaterThan(peak({ ckpt: '1' }));
    expect(peak({ seq: '4096' })).toBeGreaterThan(peak({}));
  });
  it('refuses inference (not a training step) and puts each bad input under its own field', () => {
    const bad = evaluateStep({ ...STEP, model: 'nope', seq: '<script>', ckpt: 'banana', gpu: 'zzz', workload: 'inference' }, cards);
    expect(problems(bad)).toEqual(['model:enum', 'workload:enum', 'seqLen:type', 'gpu:enum', 'gradientCheckpointing:type']);
    expect(problems(evaluateStep({ ...STEP, batch: '0' }, cards))).toEqual(['batchSize:range']);
    expect(problems(evaluateStep({ ...STEP, batch: '' }, cards))).toEqual(['batchSize:required']);
  });
  it('its fields are the URL keys the island declares, and the workloads are the manifest’s training ones', () => {
    const fields = stepFields(cards);
    expect(fields.map((f) => f.url).sort()).toEqual([...STEP_TIMELINE_KEYS].sort());
    expect(fields[1]?.options?.map((o) => o.value)).toEqual(['pretrain', 'full-finetune', 'lora', 'qlora']);
  });
});
