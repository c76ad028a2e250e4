import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { MIXED_PRECISION_LAYOUTS, vramChapter } from '../../../src/lib/examples/vram.ts';

describe('vramChapter', () => {
  const cards = loadGpus();
  const c = vramChapter(cards);
  const v = c.v;
  const total = (x: { result: { memory: { totalBytes: number } } }) => x.result.memory.totalBytes;
  it('mixed-precision AdamW costs 2 + 2 + 12 = 16 bytes per parameter (Rajbhandari et al. 2020, ZeRO §3.1)', () => {
    expect(v.bytesPerParam.weights).toBeCloseTo(2, 6);
    expect(v.bytesPerParam.gradients).toBeCloseTo(2, 6);
    expect(v.bytesPerParam.optimizer).toBeCloseTo(12, 6);
    expect(c.ffState / v.params).toBeCloseTo(16, 6);
  });
  it('framework layouts: ZeRO and PyTorch AMP total 16 bytes per parameter, Megatron-LM 18 and 20 (its README, "Distributed optimizer")', () => {
    const sum = Object.fromEntries(MIXED_PRECISION_LAYOUTS.map((l) => [l.id, l.weights + l.gradients + l.fp32Gradients + l.master + l.moments]));
    expect(sum).toEqual({ zero: 16, amp: 16, 'megatron-fp32-grads': 18, 'megatron-16bit-grads': 20 });
  });
  it('weights: FP32 is twice BF16, and NF4 with its kept 16-bit tables and scales lands between 0.5 and 1 byte per parameter', () => {
    expect(c.fp32.bytes).toBe(2 * c.bf16.bytes);
    expect(c.nf4.bytesPerParam).toBeLessThan(1);
    expect(c.nf4.bytesPerParam).toBeGreaterThan(0.5);
    const byFormat = Object.fromEntries(v.weightFormats.map((w) => [w.format, w.bytes]));
    expect(byFormat['int8']).toBeLessThan(c.bf16.bytes);
    expect(byFormat['fp8']).toBeLessThan(c.bf16.bytes);
  });
  it('NF4 with double quantization costs 4 + 8/64 + 32/(64 x 256) bits per weight (Dettmers et al. 2023, §3: 0.127 bits of constants)', () => {
    expect(c.dqBits - 4).toBeCloseTo(0.127, 3);
  });
  it('the KV cache of Llama 3.1 8B is 2 x 32 layers x 8 KV heads x 128 x 2 bytes per token; without GQA it would be 4x (32 heads)', () => {
    expect(v.kv.perTokenBytes).toBe(2 * 32 * 8 * 128 * 2);
    expect(c.kvMha).toBe(4 * v.kv.perTokenBytes);
    expect(c.exercises.kvBytes).toBe(v.kv.perTokenBytes * 8192 * 4);
  });
  it('checkpointing < FlashAttention < no FlashAttention for activations', () => {
    expect(c.act.checkpointed.totalBytes).toBeLessThan(c.act.flash.totalBytes);
    expect(c.act.flash.totalBytes).toBeLessThan(c.act.noFlash.totalBytes);
  });
  it('QLoRA < LoRA < full fine-tune, and the smaller the job the more cards it fits on', () => {
    expect(total(c.wl.qlora)).toBeLessThan(total(c.wl.lora));
    expect(total(c.wl.lora)).toBeLessThan(total(c.wl['full-finetune']));
    expect(c.wl.qlora.fitsOn.length).toBeGreaterThanOrEqual(c.wl.lora.fitsOn.length);
    expect(c.wl.lora.fitsOn.length).toBeGreaterThanOrEqual(c.wl['full-finetune'].fitsOn.length);
  });
  it('each knob moves the total the way the chapter says', () => {
    const base = total(c.kn.base);
    for (const id of ['batch', 'seq', 'no-flash'] as const) expect(total(c.kn[id]), id).toBeGreaterThan(base);
    for (const id of ['checkpointing', 'adamw-8bit', 'lora-16', 'qlora'] as const) expect(total(c.kn[id]), id).toBeLessThan(base);
    expect(total(c.kn['lora-64'])).toBeGreaterThan(total(c.kn['lora-16']));
  });
  it('a paged optimizer does not make a job fit: the extra cards it reaches run only by paging (verdict offload)', () => {
    const [paged, plain] = [c.kn['paged-8bit'], c.kn['adamw-8bit']];
    expect(total(paged)).toBe(total(plain));
    expect(paged.fitsOn).toEqual(plain.fitsOn);
    expect(paged.offloadOn.length).toBeGreaterThan(0);
    expect(plain.offloadOn).toEqual([]);
    for (const id of paged.offloadOn) expect(paged.fitsOn).not.toContain(id);
  });
  it('the smallest card of a list is the one with the least memory', () => {
    const small = c.smallestCard(['rtx-4090', 'rtx-3060-12gb', 'h100-sxm']);
    expect(small?.id).toBe('rtx-3060-12gb');
  });
  it('exercise: 16 bytes x 7e9 parameters is about 104 GiB, more than any 80 GB card holds; NF4 is under 4 times smaller than BF16 (16-bit embedding and head)', () => {
    expect(c.exercises.fullState7bBytes / 2 ** 30).toBeCloseTo(104.3, 1);
    for (const card of cards) if (card.memoryGB <= 96) expect(card.memoryGB * 2 ** 30).toBeLessThan(c.exercises.fullState7bBytes);
    expect(c.exercises.cardsHolding7bState).toBeLessThan(c.cardCount);
    expect(c.exercises.bf16Bytes / c.exercises.nf4Bytes).toBeGreaterThan(2.5);
    expect(c.exercises.bf16Bytes / c.exercises.nf4Bytes).toBeLessThan(4);
  });
  it('Will it fit? exercise: a rank-16 adapter on a 4,096 x 4,096 query projection is 16 x 8,192 = 131,072 values, 1/128 of the matrix (LoRA §4.1)', () => {
    const f = c.fitExercises;
    expect(f.query).toEqual({ inFeatures: 4096, outFeatures: 4096 });
    expect(f.queryAdapterParams).toBe(131072);
    expect(f.queryAdapterParams / f.queryParams).toBe(1 / 128);
  });
  it('Will it fit? exercise: 8-bit AdamW leaves 2 + 2 + 4 (FP32 master) + about 2 (two 8-bit moments with a scale per 2,048) = about 10 bytes per parameter', () => {
    const f = c.fitExercises;
    expect(f.state8bitBytesPerParam).toBeGreaterThan(10);
    expect(f.state8bitBytesPerParam).toBeLessThan(10.05);
    expect(f.state8bitBytes / v.params).toBeCloseTo(f.state8bitBytesPerParam, 6);
    expect(f.state8bitBytes).toBeLessThan(c.ffState);
  });
  it('throws on a missing reference card instead of printing blanks', () => {
    expect(() => vramChapter(cards, 'no-such-card')).toThrow(/missing/);
  });
});
