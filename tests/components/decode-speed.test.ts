import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { decodeFields, evaluateDecode, type DecodeInputs } from '../../src/components/calculators/decode-speed.ts';
import { DECODE_SPEED_KEYS } from '../../src/components/calculators/url-keys.ts';

const cards = loadGpus().map(estimatorCard);
const DEFAULTS: DecodeInputs = { model: 'llama-3.1-8b', format: 'q4_k_m', ctx: '4096', batch: '1', cards: 'rtx-3060-12gb,rtx-4090' };

/** The rows of a valid evaluation, by card id. */
function rows(v: Partial<DecodeInputs>) {
  const r = evaluateDecode({ ...DEFAULTS, ...v }, cards);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return Object.fromEntries(r.result.rows.map((row) => [row.id, row]));
}

describe('evaluateDecode (the Inference chapter’s decode-speed calculator)', () => {
  it('a 4-bit 8B model at batch 1 is bound by reading its weights, and more bits per weight decode slower', () => {
    const q4 = rows({})['rtx-4090']!;
    expect(q4.limit).toBe('weights');
    const q8 = rows({ format: 'q8_0' })['rtx-4090']!;
    expect(q8.weightBytesPerStep).toBeGreaterThan(1.5 * q4.weightBytesPerStep);
    expect(q8.perUserTokensPerSecond).toBeLessThan(q4.perUserTokensPerSecond);
  });
  it('two 32k-token caches outweigh the 4-bit weights: the KV cache bounds the step', () => {
    const r = rows({ ctx: '32768', batch: '2', cards: 'rtx-5090' })['rtx-5090']!;
    expect(r.kvBytesPerStep).toBeGreaterThan(r.weightBytesPerStep);
    expect(r.limit).toBe('kv-cache');
  });
  it('a batch shares the weight reads: each user gets fewer tokens/s, the batch more', () => {
    const one = rows({ format: 'bf16', ctx: '1024', batch: '1', cards: 'rtx-4090' })['rtx-4090']!;
    const eight = rows({ format: 'bf16', ctx: '1024', batch: '8', cards: 'rtx-4090' })['rtx-4090']!;
    expect(eight.perUserTokensPerSecond).toBeLessThan(one.perUserTokensPerSecond);
    expect(eight.perUserTokensPerSecond * 8).toBeGreaterThan(one.perUserTokensPerSecond);
  });
  it('a 70B model in BF16 does not fit a 24 GB card', () => {
    const r = rows({ model: 'llama-3.1-70b', format: 'bf16', cards: 'rtx-4090' })['rtx-4090']!;
    expect(r.fits).toBe(false);
    expect(r.totalMemoryBytes).toBeGreaterThan(r.capacityBytes);
  });
  it('lists only the chosen cards, and puts each bad input under its own field with its code', () => {
    expect(Object.keys(rows({ cards: 'rtx-4090' }))).toEqual(['rtx-4090']);
    const bad = evaluateDecode({ ...DEFAULTS, ctx: 'banana', format: '<b>', cards: 'nope' }, cards);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.field, e.code])).toEqual([['inferenceFormat', 'enum'], ['promptTokens', 'type'], ['cards', 'enum']]);
    // Text that is no number at all gets the slider's steps too, not an echo of the text.
    expect(bad.ok ? '' : bad.errors[1]?.message).toBe("Context must be one of the slider's steps, from 512 to 131,072");
    const none = evaluateDecode({ ...DEFAULTS, cards: ' , ' }, cards);
    expect(none.ok ? [] : none.errors.map((e) => [e.field, e.code])).toEqual([['cards', 'required']]);
    // The message does not echo an unknown card id: a hostile link could make it say anything.
    const hostile = evaluateDecode({ ...DEFAULTS, cards: 'rtx-4090,<img src=x>' }, cards);
    expect(hostile.ok ? '' : hostile.errors[0]?.message).not.toContain('<img');
    // A context between the slider's stops is refused, not rounded; so is a batch that is no stop.
    const between = evaluateDecode({ ...DEFAULTS, ctx: '5000', batch: '3' }, cards);
    expect(between.ok ? [] : between.errors.map((e) => [e.field, e.code])).toEqual([['promptTokens', 'range'], ['batchSize', 'range']]);
    expect(between.ok ? '' : between.errors[0]?.message).toMatch(/from 512 to 131,072/);
    // An encoder (BERT) is not offered: it does not generate tokens.
    const bert = evaluateDecode({ ...DEFAULTS, model: 'bert-base' }, cards);
    expect(bert.ok ? [] : bert.errors.map((e) => [e.field, e.code])).toEqual([['model', 'enum']]);
  });
  it('its fields are the URL keys the island declares, and the slider fields keep their stops', () => {
    const fields = decodeFields(cards.slice(0, 2));
    expect(fields.map((f) => f.url)).toEqual([...DECODE_SPEED_KEYS]);
    expect(fields.find((f) => f.url === 'ctx')?.stops?.every((x, i, a) => i === 0 || x === 2 * a[i - 1]!)).toBe(true);
    expect(fields.find((f) => f.url === 'cards')?.options?.map((o) => o.value)).toEqual(cards.slice(0, 2).map((c) => c.id));
  });
});
