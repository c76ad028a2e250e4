import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { requireCard } from '../../../src/lib/examples/shared.ts';
import { LLAMA3_PRETRAIN_TOKENS, ownedCostPerBusyHour, runCase, trainingCostChapter } from '../../../src/lib/examples/training-cost.ts';

describe('trainingCostChapter', () => {
  const cards = loadGpus();
  const c = trainingCostChapter(cards);
  it('the faster card finishes sooner: H100 < A100 < RTX 4090 for the GPT-2 run, in the estimator and in plain 6ND / (peak x MFU)', () => {
    expect(c.pH100.result.timeSeconds).toBeLessThan(c.pA100.result.timeSeconds);
    expect(c.pA100.result.timeSeconds).toBeLessThan(c.p4090.result.timeSeconds);
    expect(c.sH100.timeSeconds).toBeLessThan(c.sA100.timeSeconds);
    expect(c.sA100.timeSeconds).toBeLessThan(c.s4090.timeSeconds);
  });
  it('the estimator charges attention on top of 6N, so it is slower than the 6ND shortcut but within 25% at 1,024 tokens', () => {
    for (const [full, simple] of [[c.p4090, c.s4090], [c.pA100, c.sA100], [c.pH100, c.sH100]] as const) {
      expect(full.result.flopsPerToken).toBeGreaterThan(c.gpt2SixN);
      expect(full.result.timeSeconds / simple.timeSeconds).toBeGreaterThan(1);
      expect(full.result.timeSeconds / simple.timeSeconds).toBeLessThan(1.25);
    }
  });
  it('GPT-2 124M on 10B tokens: about 7.4e19 FLOPs by 6ND (124M x 6 x 1e10; Radford et al. 2019 Table 2)', () => {
    expect(Math.abs(c.C / (6 * 124e6 * 10e9) - 1)).toBeLessThan(0.01);
  });
  it('LoRA does fewer FLOPs per token than a full fine-tune, which does not fit a 24 GB card but fits on several', () => {
    expect(c.loraFlops).toBeLessThan(c.fullFlops);
    const full = c.ft['full-finetune'][0]!;
    expect(full.run.result.fits).toBe(false);
    expect(full.plan?.gpuCount).toBeGreaterThan(1);
    expect(full.multi?.result.fits).toBe(true);
    expect(c.ft.qlora[0]!.run.result.memory.totalBytes).toBeLessThan(c.ft.lora[0]!.run.result.memory.totalBytes);
  });
  it('QLoRA trains slower than LoRA in both frameworks (it dequantises the NF4 base every step)', () => {
    for (const v of Object.values(c.qSlow)) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(1);
    }
  });
  it('Llama 3.1 8B at 20 tokens per parameter is about 160B tokens, a hundredth of the 15T Llama 3 was trained on', () => {
    expect(c.chin.tokens).toBeGreaterThan(159e9);
    expect(c.chin.tokens).toBeLessThan(162e9);
    expect(LLAMA3_PRETRAIN_TOKENS / c.chin.tokens).toBeGreaterThan(90);
  });
  it('owning gets dearer per busy hour as utilisation falls, and the RTX 4090 busy all year costs about $0.12 an hour', () => {
    for (const o of c.tc.owned) {
      const totals = o.perHour.map((p) => p?.totalUsd ?? 0);
      expect(totals).toEqual([...totals].sort((a, b) => a - b));
    }
    // 1,599 USD over 3 x 8,760 h, plus 450 W x 1 h x 0.13 USD/kWh (NVIDIA launch price and board power).
    expect(ownedCostPerBusyHour(1599, 450, 0.13, 3, 1).totalUsd).toBeCloseTo(1599 / (3 * 8760) + 0.45 * 0.13, 9);
    expect(ownedCostPerBusyHour(1599, 450, 0.13, 3, 0.05).purchaseUsd).toBeCloseTo((1599 / (3 * 8760)) * 20, 9);
  });
  it('runCase splits an owned run into purchase share and electricity; a card without a price costs electricity only', () => {
    const r = c.p4090;
    expect(r.amortisedUsd + r.electricityUsd).toBeCloseTo(r.result.costUsd, 9);
    expect(r.cardHours).toBeCloseTo(r.result.timeSeconds / 3600, 9);
    expect(r.amortisedUsd).toBeGreaterThan(0);
    expect(runCase({ model: 'gpt2', workload: 'pretrain', trainTokens: 1e9 }, requireCard(cards, 'h100-sxm')).amortisedUsd).toBe(0);
  });
  it('exercise: the RTX 4090 QLoRA run is faster than the RTX 3090 one, and its energy is board power x time', () => {
    const { rtx4090, rtx3090, card4090 } = c.exercises;
    expect(rtx4090.timeSeconds).toBeLessThan(rtx3090.timeSeconds);
    expect(rtx4090.energyKWh).toBeCloseTo((card4090.boardPowerW * rtx4090.timeSeconds) / 3600 / 1000, 1);
  });
});
