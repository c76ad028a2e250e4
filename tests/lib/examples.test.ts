import { describe, expect, it } from 'vitest';
import { requirePreset, tensorExamples } from '../../src/lib/examples.ts';
import { countParams } from '../../src/lib/models.ts';
import { vramExamples } from '../../src/lib/examples.ts';
import { loadGpus } from '../../src/data/load-gpus.ts';

describe('tensorExamples', () => {
  it('one layer of Llama 3.1 8B times its layer count plus embeddings and head is the model’s parameter count (within 1%)', () => {
    const model = requirePreset('llama-3.1-8b');
    const norms = 2 * model.hiddenSize * model.layers + model.hiddenSize;
    const total = tensorExamples.layerElements * tensorExamples.layers + 2 * tensorExamples.embedding.elements + norms;
    expect(Math.abs(total - countParams(model).totalParams) / countParams(model).totalParams).toBeLessThan(0.01);
  });
  it('the layer weights in BF16 take two bytes per element', () => {
    expect(tensorExamples.layerBytes).toBe(2 * tensorExamples.layerElements);
  });
  it('requirePreset throws on an unknown model instead of returning nothing', () => {
    expect(() => requirePreset('no-such-model')).toThrow(/missing/);
  });
});

describe('vramExamples (VRAM chapter)', () => {
  const v = vramExamples(loadGpus());
  const total = (c: { result: { memory: { totalBytes: number } } }) => c.result.memory.totalBytes;
  it('mixed-precision AdamW costs 2 + 2 + 12 = 16 bytes per parameter (ZeRO §3.1)', () => {
    expect(v.bytesPerParam.weights).toBeCloseTo(2, 6);
    expect(v.bytesPerParam.gradients).toBeCloseTo(2, 6);
    expect(v.bytesPerParam.optimizer).toBeCloseTo(12, 6);
  });
  it('BF16 weights take exactly two bytes per parameter and NF4 less than one', () => {
    const byFormat = Object.fromEntries(v.weightFormats.map((w) => [w.format, w]));
    expect(byFormat['bf16']?.bytes).toBe(2 * v.params);
    expect(byFormat['fp32']?.bytes).toBe(4 * v.params);
    expect(byFormat['nf4']?.bytesPerParam).toBeLessThan(1);
    expect(byFormat['nf4']?.bytesPerParam).toBeGreaterThan(0.5);
  });
  it('the KV cache of Llama 3.1 8B is 2 x 32 layers x 8 heads x 128 x 2 bytes per token', () => {
    expect(v.kv.perTokenBytes).toBe(2 * 32 * 8 * 128 * 2);
    expect(v.kv.batchBytes).toBe(v.kv.perTokenBytes * v.kv.context * v.kv.batch);
  });
  it('checkpointing < FlashAttention < no FlashAttention for activations', () => {
    expect(v.activations.checkpointed.totalBytes).toBeLessThan(v.activations.flash.totalBytes);
    expect(v.activations.flash.totalBytes).toBeLessThan(v.activations.noFlash.totalBytes);
  });
  it('QLoRA < LoRA < full fine-tune, and the smaller the job the more cards it fits on', () => {
    const w = Object.fromEntries(v.workloads.map((x) => [x.id, x.case]));
    expect(total(w['qlora']!)).toBeLessThan(total(w['lora']!));
    expect(total(w['lora']!)).toBeLessThan(total(w['full-finetune']!));
    expect(w['qlora']!.fitsOn.length).toBeGreaterThanOrEqual(w['lora']!.fitsOn.length);
    expect(w['lora']!.fitsOn.length).toBeGreaterThanOrEqual(w['full-finetune']!.fitsOn.length);
  });
  it('each knob moves the total the way the chapter says', () => {
    const k = Object.fromEntries(v.knobs.map((x) => [x.id, x.case]));
    const base = total(k['base']!);
    for (const id of ['batch', 'seq', 'no-flash']) expect(total(k[id]!)).toBeGreaterThan(base);
    for (const id of ['checkpointing', 'adamw-8bit', 'lora-16', 'qlora']) expect(total(k[id]!)).toBeLessThan(base);
    expect(total(k['lora-64']!)).toBeGreaterThan(total(k['lora-16']!));
    expect(k['paged-8bit']!.fitsOn.length).toBeGreaterThanOrEqual(k['adamw-8bit']!.fitsOn.length);
  });
  it('a paged optimizer does not make a job fit: the extra cards it reaches run only by paging (verdict offload)', () => {
    const k = Object.fromEntries(v.knobs.map((x) => [x.id, x.case]));
    const paged = k['paged-8bit']!;
    const plain = k['adamw-8bit']!;
    expect(total(paged)).toBe(total(plain));
    expect(paged.fitsOn).toEqual(plain.fitsOn);
    expect(paged.offloadOn.length).toBeGreaterThan(0);
    expect(plain.offloadOn).toEqual([]);
    for (const id of paged.offloadOn) expect(paged.fitsOn).not.toContain(id);
  });
  it('throws on a missing reference card instead of printing blanks', () => {
    expect(() => vramExamples(loadGpus(), 'no-such-card')).toThrow(/missing/);
  });
});

describe('flopsExamples and the Why GPUs examples', () => {
  it('flopsPerTokenTraining(N) is 6N (Kaplan et al. 2020 §2.1)', async () => {
    const { flopsPerTokenTraining } = await import('../../src/lib/examples.ts');
    expect(flopsPerTokenTraining(1e9)).toBe(6e9);
  });
  it('6ND for GPT-3 175B on 300B tokens is within 1% of the 3.14e23 FLOPs Brown et al. report', async () => {
    const { flopsExamples } = await import('../../src/lib/examples.ts');
    expect(Math.abs(flopsExamples.gpt3.flops - flopsExamples.gpt3.reported) / flopsExamples.gpt3.reported).toBeLessThan(0.01);
  });
  it('the attention table charges half the full-context 6LT(d_qk + d_v) for a causal model (FlashAttention skips the masked half)', async () => {
    const { flopsExamples: fx } = await import('../../src/lib/examples.ts');
    expect(fx.causalFactor).toBe(0.5);
    // Llama 3.1 8B: 32 layers, 32 query heads x 128 = 4096 query-key width, and the same value width (Meta's config.json).
    expect([fx.layers, fx.qkWidth, fx.vWidth]).toEqual([32, 4096, 4096]);
    for (const a of fx.attention) {
      expect(a.trainingPerToken - a.sixN).toBeCloseTo(3 * 32 * a.seq * (4096 + 4096), -3);
    }
    expect(fx.layerForwardAttentionCausalFlops).toBeCloseTo(2 * fx.seq * 8192 / 2, -3);
  });
  it('the attention share of training FLOPs grows with sequence length', async () => {
    const { flopsExamples } = await import('../../src/lib/examples.ts');
    const shares = flopsExamples.attention.map((a) => a.attentionShare);
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });
  it('a 2x3 by 3x4 example costs 48 FLOPs and the decode GEMV is memory-bound while the square GEMM is compute-bound on an RTX 4090', async () => {
    const { flopsExamples, rooflineExamples, requireCard } = await import('../../src/lib/examples.ts');
    expect(flopsExamples.smallFlops).toBe(48);
    const r = rooflineExamples(requireCard(loadGpus(), 'rtx-4090'));
    expect(r.decode.bound).toBe('memory-bound');
    expect(r.training.bound).toBe('compute-bound');
  });
  it('generationRows picks one GeForce flagship per series, from the GTX 1080 Ti to the RTX 5090', async () => {
    const { generationRows } = await import('../../src/lib/examples.ts');
    const rows = generationRows(loadGpus());
    expect(rows.map((r) => r.series)).toEqual(['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50']);
    expect(rows[0]?.flagship.id).toBe('gtx-1080-ti');
    expect(rows.at(-1)?.flagship.id).toBe('rtx-5090');
  });
  it('requireCard throws when a card the chapters name is missing', async () => {
    const { requireCard } = await import('../../src/lib/examples.ts');
    expect(() => requireCard([], 'rtx-4090')).toThrow(/missing/);
  });
});

describe('Training-cost and Choosing chapter helpers', () => {
  it('more CUDA cores does not mean faster training: the RTX 2060 has fewer than the GTX 1080 Ti and trains faster (Choosing chapter)', async () => {
    const { cardValueRows } = await import('../../src/lib/examples.ts');
    const rows = cardValueRows(loadGpus());
    const get = (id: string) => rows.find((r) => r.card.id === id)!;
    const [turing, pascal] = [get('rtx-2060'), get('gtx-1080-ti')];
    expect(turing.card.cudaCores).toBeLessThan(pascal.card.cudaCores * 0.6);
    expect(turing.trainTflops).toBeGreaterThan(pascal.trainTflops * 2);
    // Ampere doubled FP32 lanes per SM: twice the cores of the 2080 Ti, far less than twice the training peak.
    const [ampere, turingTop] = [get('rtx-3080-10gb'), get('rtx-2080-ti')];
    expect(ampere.card.cudaCores / turingTop.card.cudaCores).toBe(2);
    expect(ampere.trainTflops / turingTop.trainTflops).toBeLessThan(1.5);
  });
  it('mixed-precision layouts: ZeRO and PyTorch AMP total 16 bytes per parameter, Megatron-LM 18 and 20 (its README table)', async () => {
    const { MIXED_PRECISION_LAYOUTS } = await import('../../src/lib/examples.ts');
    const total = Object.fromEntries(MIXED_PRECISION_LAYOUTS.map((l) => [l.id, l.weights + l.gradients + l.fp32Gradients + l.master + l.moments]));
    expect(total).toEqual({ zero: 16, amp: 16, 'megatron-fp32-grads': 18, 'megatron-16bit-grads': 20 });
  });
  it("Chinchilla's 6ND lands within 3% of the 5.76e23-FLOP budget of Hoffmann et al. 2022, Table 3", async () => {
    const { flopsExamples } = await import('../../src/lib/examples.ts');
    expect(Math.abs(flopsExamples.chinchilla.flops / 5.76e23 - 1)).toBeLessThan(0.03);
  });
  it('no common job runs a model past the context it was trained for (Llama 2: 4,096 tokens, Touvron et al. 2023 §2.2)', async () => {
    const { COMMON_JOBS } = await import('../../src/lib/examples.ts');
    const trainedContext: Record<string, number> = { 'llama-2-7b': 4096, 'llama-3.1-8b': 131072, 'llama-3.1-70b': 131072 };
    for (const job of COMMON_JOBS) {
      const r = job.raw as { model: string; promptTokens?: number; outputTokens?: number; seqLen?: number };
      const tokens = r.seqLen ?? (r.promptTokens ?? 0) + (r.outputTokens ?? 0);
      expect(trainedContext[r.model], job.id).toBeDefined();
      expect(tokens, job.id).toBeLessThanOrEqual(trainedContext[r.model]!);
    }
  });
  it('cards without Tensor Cores train at their FP32 rate: the 2x CUDA-core FP16 rate needs FP16 accumulation (GeForce 16, P100)', async () => {
    const { cardValueRows } = await import('../../src/lib/examples.ts');
    const rows = cardValueRows(loadGpus()).filter((r) => r.card.tensorCores === 0);
    const fastFp16 = rows.filter((r) => (r.card.fp16Tflops ?? 0) > r.card.fp32Tflops);
    expect(fastFp16.map((r) => r.card.id)).toContain('tesla-p100-pcie-16gb');
    expect(fastFp16.some((r) => r.card.series === 'geforce-16')).toBe(true);
    for (const r of rows) {
      expect(r.trainColumn).toBe('fp32Tflops');
      expect(r.trainTflops).toBeCloseTo(r.card.fp32Tflops, 9);
    }
  });
  it('runCase splits an owned run into purchase share and electricity, and card-hours match time x cards', async () => {
    const { runCase, requireCard } = await import('../../src/lib/examples.ts');
    const r = runCase({ model: 'gpt2', workload: 'pretrain', trainTokens: 1e10, batchSize: 16, seqLen: 1024 }, requireCard(loadGpus(), 'rtx-4090'));
    expect(r.amortisedUsd + r.electricityUsd).toBeCloseTo(r.result.costUsd, 9);
    expect(r.cardHours).toBeCloseTo(r.result.timeSeconds / 3600, 9);
    expect(r.electricityUsd).toBeCloseTo(r.result.energyKWh * 0.13, 9);
    expect(r.amortisedUsd).toBeGreaterThan(0);
  });
  it('a card without a launch price costs electricity only', async () => {
    const { runCase, requireCard } = await import('../../src/lib/examples.ts');
    const r = runCase({ model: 'gpt2', workload: 'pretrain', trainTokens: 1e9 }, requireCard(loadGpus(), 'h100-sxm'));
    expect(r.amortisedUsd).toBe(0);
  });
  it('ownedCostPerBusyHour: 1,599 USD over 3 years busy all the time plus 450 W at 0.13 USD/kWh', async () => {
    const { ownedCostPerBusyHour } = await import('../../src/lib/examples.ts');
    const c = ownedCostPerBusyHour(1599, 450, 0.13, 3, 1);
    expect(c.electricityUsd).toBeCloseTo(0.0585, 9);
    expect(c.purchaseUsd).toBeCloseTo(1599 / (3 * 8760), 9);
    expect(ownedCostPerBusyHour(1599, 450, 0.13, 3, 0.05).purchaseUsd).toBeCloseTo(c.purchaseUsd * 20, 9);
  });
  it('trainingCostExamples: the H100 is faster than the A100, which is faster than the RTX 4090, and LoRA does fewer FLOPs per token than a full fine-tune', async () => {
    const { trainingCostExamples } = await import('../../src/lib/examples.ts');
    const tc = trainingCostExamples(loadGpus());
    const [a, b, c] = tc.pretrain.map((r) => r.result.timeSeconds);
    expect(a).toBeGreaterThan(b ?? 0);
    expect(b).toBeGreaterThan(c ?? 0);
    const flops = Object.fromEntries(tc.fineTune.map((f) => [f.workload, f.runs[0]?.run.result.flopsPerToken ?? 0]));
    expect(flops['lora']).toBeLessThan(flops['full-finetune'] ?? 0);
    const full = tc.fineTune.find((f) => f.workload === 'full-finetune')?.runs[0];
    expect(full?.run.result.fits).toBe(false);
    expect(full?.multi?.result.fits).toBe(true);
  });
  it('cardValueRows: no Tensor Cores means no tensor TFLOPS, and the ratios divide by price and power', async () => {
    const { cardValueRows } = await import('../../src/lib/examples.ts');
    const rows = cardValueRows(loadGpus());
    const pascal = rows.find((r) => r.card.id === 'gtx-1080-ti');
    expect(pascal?.tensorTflops).toBeNull();
    expect(pascal?.trainColumn).toBe('fp32Tflops');
    const ada = rows.find((r) => r.card.id === 'rtx-4090');
    expect(ada?.tflopsPerKUsd).toBeCloseTo((165.2 / 1599) * 1000, 6);
    expect(ada?.gflopsPerW).toBeCloseTo((165.2 * 1000) / 450, 6);
    expect(ada?.gbPer100Usd).toBeCloseTo((24 / 1599) * 100, 6);
    expect(rows.find((r) => r.card.id === 'h100-sxm')?.tflopsPerKUsd).toBeNull();
  });
  it('seriesSummaries names one best card per family, and the 50 series has the most memory among GeForce', async () => {
    const { cardValueRows, seriesSummaries } = await import('../../src/lib/examples.ts');
    const s = seriesSummaries(cardValueRows(loadGpus()));
    expect(s.map((x) => x.series)).toEqual(['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50', 'reference']);
    expect(s.find((x) => x.series === 'geforce-16')?.tensorCoreGenerations).toEqual([]);
    // The reference family runs from the Pascal P100 (none) and the Volta V100 (generation 1) to Hopper (generation 4).
    const ref = s.find((x) => x.series === 'reference')!;
    expect(ref.tensorCoreGenerations[0]).toBe(1);
    expect(ref.tensorCoreGenerations.at(-1)).toBeGreaterThanOrEqual(4);
    expect(ref.someWithoutTensorCores).toBe(true);
    expect(s.find((x) => x.series === 'geforce-40')?.tensorCoreGenerations).toEqual([4]);
    expect(s.find((x) => x.series === 'geforce-50')?.mostMemory.card.id).toBe('rtx-5090');
  });
  it('jobFits: every listed single card fits its job alone and priced cards come in price order', async () => {
    const { jobFits } = await import('../../src/lib/examples.ts');
    const cards = loadGpus();
    for (const f of jobFits(cards)) {
      const prices = f.single.map((o) => o.priceUsd).filter((p): p is number => p !== null);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      for (const o of f.single) expect(o.gpuCount).toBe(1);
      for (const o of f.single) expect(o.totalBytes).toBeLessThanOrEqual((cards.find((c) => c.id === o.gpuId)?.memoryGB ?? 0) * 2 ** 30 * 1.5);
    }
  });
  it('budgetPicks: more budget never buys less memory', async () => {
    const { budgetPicks, cardValueRows } = await import('../../src/lib/examples.ts');
    const cards = loadGpus();
    const picks = budgetPicks(cardValueRows(cards), cards, [350, 500, 1000, 2000]);
    const mem = picks.map((p) => p.mostMemory?.card.memoryGB ?? 0);
    expect(mem).toEqual([...mem].sort((a, b) => a - b));
    for (const p of picks) expect(p.mostMemory?.card.launchPriceUsd ?? 0).toBeLessThanOrEqual(p.ceilingUsd);
  });
});
