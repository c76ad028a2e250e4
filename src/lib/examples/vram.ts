/**
 * The worked examples of the two memory chapters for Llama 3.1 8B: VRAM (every memory term, each format and optimizer) and
 * Will it fit? (inference, full fine-tuning, LoRA and QLoRA side by side, the knobs that move the total, the cards each case
 * fits on), and both chapters' exercises. Everything comes from `parseScenario` and `estimate`, computed on call, so the prose
 * cannot drift from the calculator.
 */
import { estimate } from '../estimator/estimate.ts';
import { blockwiseBitsPerValue } from '../estimator/formats.ts';
import { cardsThatFit } from '../answers/inverse.ts';
import { ALLOCATOR_SLACK_STATIC, ALLOCATOR_SLACK_TRANSIENT, CUDA_CONTEXT_BYTES, kvCacheBytes, modelWeightsBytes, trainingActivations, weightLayout } from '../estimator/memory.ts';
import { countParams } from '../scenario/models.ts';
import { parseScenario } from '../scenario/scenario.ts';
import type { Estimate, Scenario } from '../types.ts';
import { GIB } from '../units.ts';
import { requireCard, requirePreset, type ExampleCard } from './shared.ts';

/**
 * Bytes per parameter of mixed-precision AdamW model state in three framework layouts: weights, gradients, FP32 master copy and the
 * two FP32 moments. The ZeRO split (Rajbhandari et al. 2020, §3.1) and PyTorch AMP (torch.autocast keeps FP32 parameters and
 * gradients and casts per operation, so the parameters are their own master copy) both come to 16; Megatron-LM's distributed
 * optimizer table (Megatron-LM README, "Distributed optimizer") gives 18 for 16-bit parameters with FP32 gradients and 20 for 16-bit
 * parameters with 16-bit gradients, which it copies into FP32 main gradients.
 */
export const MIXED_PRECISION_LAYOUTS = [
  { id: 'zero', weights: 2, gradients: 2, fp32Gradients: 0, master: 4, moments: 8 },
  { id: 'amp', weights: 4, gradients: 4, fp32Gradients: 0, master: 0, moments: 8 },
  { id: 'megatron-fp32-grads', weights: 2, gradients: 4, fp32Gradients: 0, master: 4, moments: 8 },
  { id: 'megatron-16bit-grads', weights: 2, gradients: 2, fp32Gradients: 4, master: 4, moments: 8 },
] as const;

/** One estimate of the memory chapters: the validated scenario, its result on the chapter's card, and the cards it fits on. */
export interface VramCase {
  /** The scenario after validation (defaults filled). */
  scenario: Scenario;
  /** The estimate on the chapter's reference card. */
  result: Estimate;
  /** Ids of every card whose memory holds it, by the same estimator. */
  fitsOn: string[];
  /** Ids of the cards on which it runs only by paging or offloading to CPU memory (verdict `offload`). */
  offloadOn: string[];
}

/**
 * The memory chapters' worked examples for Llama 3.1 8B: every memory term for inference, full fine-tuning, LoRA and QLoRA,
 * each optimizer, the knobs that move the total, and the cards each case fits on. Everything comes from `parseScenario`
 * and `estimate`, so the prose cannot drift from the calculator.
 */
function vramExamples(cards: readonly ExampleCard[], cardId = 'rtx-4090') {
  const model = requirePreset('llama-3.1-8b');
  const card = cards.find((c) => c.id === cardId);
  if (!card) throw new Error(`card "${cardId}" is missing`);
  const counts = countParams(model);
  const run = (raw: Record<string, unknown>): VramCase => {
    const parsed = parseScenario({ model: model.id, ...raw });
    if (!parsed.ok) throw new Error(`VRAM example ${JSON.stringify(raw)}: ${parsed.error}`);
    const result = estimate(parsed.scenario, card);
    const fitsOn = cardsThatFit(parsed.scenario, cards).map((c) => c.gpu.id);
    const offloadOn = cards.filter((g) => !fitsOn.includes(g.id) && estimate(parsed.scenario, g, { explain: false }).verdict === 'offload').map((g) => g.id);
    return { scenario: parsed.scenario, result, fitsOn, offloadOn };
  };
  const seq = 2048;
  const train = { batchSize: 1, seqLen: seq, flashAttention: true };
  const fullFinetune = run({ workload: 'full-finetune', ...train, gradientCheckpointing: false });
  const perParam = (bytes: number): number => bytes / counts.totalParams;
  const weightFormats = (['fp32', 'bf16', 'fp8', 'int8', 'nf4', 'int4'] as const).map((f) => {
    const bytes = run({ workload: 'inference', weightsFormat: f, seqLen: seq, outputTokens: 0 }).result.memory.weightsBytes;
    return { format: f, bytes, bytesPerParam: perParam(bytes) };
  });
  const optimizers = (['adamw', 'adamw-8bit', 'sgd', 'adafactor'] as const).map((o) => {
    const c = run({ workload: 'full-finetune', ...train, optimizer: o });
    return { optimizer: o, bytes: c.result.memory.optimizerBytes, bytesPerParam: perParam(c.result.memory.optimizerBytes) };
  });
  const actTerms = (flashAttention: boolean, gradientCheckpointing: boolean) => {
    const p = parseScenario({ model: model.id, workload: 'full-finetune', ...train, flashAttention, gradientCheckpointing });
    if (!p.ok) throw new Error(p.error);
    return trainingActivations(p.scenario, { tensorParallel: 1, pipelineParallel: 1 });
  };
  const kvPerTokenBytes = kvCacheBytes(model, 1, 1, 'bf16', 1, 1);
  const kvContext = 8192;
  const kvBatch = 8;
  const ckpt = { ...train, gradientCheckpointing: true };
  const workloads = [
    { id: 'inference', case: run({ workload: 'inference', weightsFormat: 'bf16', seqLen: seq, outputTokens: 0, batchSize: 1 }) },
    { id: 'full-finetune', case: run({ workload: 'full-finetune', ...ckpt }) },
    { id: 'lora', case: run({ workload: 'lora', ...ckpt, lora: { rank: 16 } }) },
    { id: 'qlora', case: run({ workload: 'qlora', ...ckpt, lora: { rank: 16 } }) },
  ] as const;
  const base = { workload: 'full-finetune', ...train, gradientCheckpointing: false };
  const knobs = [
    { id: 'base', case: fullFinetune },
    { id: 'batch', case: run({ ...base, batchSize: 4 }) },
    { id: 'seq', case: run({ ...base, seqLen: 2 * seq }) },
    { id: 'checkpointing', case: run({ ...base, gradientCheckpointing: true }) },
    { id: 'no-flash', case: run({ ...base, flashAttention: false }) },
    { id: 'adamw-8bit', case: run({ ...base, optimizer: 'adamw-8bit' }) },
    { id: 'paged-8bit', case: run({ ...base, optimizer: 'adamw-8bit', pagedOptimizer: true }) },
    { id: 'lora-16', case: run({ ...base, workload: 'lora', lora: { rank: 16 } }) },
    { id: 'lora-64', case: run({ ...base, workload: 'lora', lora: { rank: 64 } }) },
    { id: 'qlora', case: run({ ...base, workload: 'qlora', gradientCheckpointing: true, lora: { rank: 16 } }) },
  ] as const;
  const oomLora = run({ workload: 'lora', ...train, gradientCheckpointing: false, lora: { rank: 16 } });
  const oomLoraCkpt = run({ workload: 'lora', ...ckpt, lora: { rank: 16 } });
  return {
    model,
    card: { id: card.id, name: card.name, memoryGB: card.memoryGB, bytes: card.memoryGB * GIB },
    cardCount: cards.length,
    params: counts.totalParams,
    seq,
    fullFinetune,
    bytesPerParam: {
      weights: perParam(fullFinetune.result.memory.weightsBytes),
      gradients: perParam(fullFinetune.result.memory.gradientsBytes),
      optimizer: perParam(fullFinetune.result.memory.optimizerBytes),
      master: 4,
    },
    weightFormats,
    optimizers,
    activations: { flash: actTerms(true, false), noFlash: actTerms(false, false), checkpointed: actTerms(true, true) },
    kv: { perTokenBytes: kvPerTokenBytes, context: kvContext, batch: kvBatch, oneSequenceBytes: kvCacheBytes(model, kvContext, 1, 'bf16', 1, 1), batchBytes: kvCacheBytes(model, kvContext, kvBatch, 'bf16', 1, 1) },
    overhead: { cudaContextBytes: CUDA_CONTEXT_BYTES, staticSlack: ALLOCATOR_SLACK_STATIC, transientSlack: ALLOCATOR_SLACK_TRANSIENT },
    workloads,
    knobs,
    oom: { without: oomLora, with: oomLoraCkpt },
  };
}

/** Everything the VRAM and Will it fit? chapters print, on the RTX 4090 unless `cardId` names another card. */
export function vramChapter(cards: readonly ExampleCard[], cardId = 'rtx-4090') {
  const v = vramExamples(cards, cardId);
  const m = v.model;
  const ff = v.fullFinetune.result.memory;
  const format = (f: string) => requireCard(v.weightFormats.map((w) => ({ ...w, id: w.format })), f);
  // Exercises: 16 bytes per parameter of a 7B model; the KV cache of 4 sequences of 8,192 tokens; NF4 against BF16 weights.
  const fullState7bBytes = 16 * 7e9;
  // Will it fit? exercises: a rank-16 adapter on one query projection (LoRA §4.1: r (d_in + d_out) values); 8-bit AdamW's model state.
  const query = countParams(m).linears.find((l) => l.name === 'q');
  if (!query) throw new Error(`${m.id} has no query projection`);
  const adamw8bit = requireCard(v.optimizers.map((o) => ({ ...o, id: o.optimizer })), 'adamw-8bit');
  return {
    v,
    m,
    cardCount: cards.length,
    /** The smallest card (by memory, then name) of a list of ids. */
    smallestCard: (ids: readonly string[]): ExampleCard | undefined => ids.map((id) => requireCard(cards, id)).sort((a, b) => a.memoryGB - b.memoryGB || a.name.localeCompare(b.name))[0],
    ff,
    /** Weights, gradients and optimizer states of the full fine-tune: the model state before activations. */
    ffState: ff.weightsBytes + ff.gradientsBytes + ff.optimizerBytes,
    wl: Object.fromEntries(v.workloads.map((w) => [w.id, w.case])) as Record<(typeof v.workloads)[number]['id'], VramCase>,
    kn: Object.fromEntries(v.knobs.map((k) => [k.id, k.case])) as Record<(typeof v.knobs)[number]['id'], VramCase>,
    bf16: format('bf16'),
    fp32: format('fp32'),
    nf4: format('nf4'),
    /** Bits per NF4 weight with double quantization: 8-bit scales per 64 weights, one FP32 constant per 256 scales (Dettmers et al. 2023, §3). */
    dqBits: blockwiseBitsPerValue(4, 64, 8, { blockSize: 256, scaleBits: 32 }),
    opt: Object.fromEntries(v.optimizers.map((o) => [o.optimizer, o])) as Record<(typeof v.optimizers)[number]['optimizer'], (typeof v.optimizers)[number]>,
    act: v.activations,
    tokens: v.seq,
    /** KV cache per token if every query head had its own key and value head (multi-head attention). */
    kvMha: v.kv.perTokenBytes * (m.heads / m.kvHeads),
    exercises: {
      fullState7bBytes,
      cardsHolding7bState: cards.filter((c) => c.memoryGB * GIB >= fullState7bBytes).length,
      kvBytes: kvCacheBytes(m, 8192, 4, 'bf16', 1, 1),
      nf4Bytes: modelWeightsBytes(m, weightLayout({ kind: 'named', name: 'nf4' }, true)),
      bf16Bytes: modelWeightsBytes(m, weightLayout({ kind: 'named', name: 'bf16' }, false)),
    },
    fitExercises: {
      loraRank: 16,
      query: { inFeatures: query.inFeatures, outFeatures: query.outFeatures },
      /** Values of the frozen query projection and of its rank-16 adapter pair. */
      queryParams: query.inFeatures * query.outFeatures,
      queryAdapterParams: 16 * (query.inFeatures + query.outFeatures),
      /** Weights, gradients and 8-bit AdamW states (with the FP32 master copy) of the full fine-tune, per parameter and in bytes. */
      state8bitBytesPerParam: v.bytesPerParam.weights + v.bytesPerParam.gradients + adamw8bit.bytesPerParam,
      state8bitBytes: ff.weightsBytes + ff.gradientsBytes + adamw8bit.bytes,
    },
  };
}
