/**
 * Worked example of the "How it fits together" chapter: one LoRA fine-tune of Llama 3.1 8B on an RTX 4090 followed through
 * the estimator (memory, peak, clock, utilisation, hours), and the same card serving the model in BF16 and Q4_K_M.
 * Pure: nothing is computed until the function is called.
 */
import { MFU_DEFAULTS, sustainedClockFactor, trainingPeak } from '../estimator/compute.ts';
import { estimate, estimatorCard } from '../estimator/estimate.ts';
import type { GpuRecord } from '../hardware/schema.ts';
import { card as cardOf, mustParse } from './chapter-inputs.ts';

/** Tokens the example trains on. */
const TOKENS = 20e6;

/** Every number of the chapter, for the spec data `cards` (the site's card collection). */
export function howItFitsChapter(cards: readonly GpuRecord[]) {
  const card = estimatorCard(cardOf(cards, 'rtx-4090'));
  const s = mustParse('how-it-fits', {
    model: 'llama-3.1-8b', workload: 'lora', weightsFormat: 'bf16', trainingPrecision: 'bf16-mixed', optimizer: 'adamw', batchSize: 1, seqLen: 2048,
    gradientCheckpointing: true, flashAttention: true, lora: { rank: 16 }, trainTokens: TOKENS,
  });
  const e = estimate(s, card, { explain: false });
  const serve = (weightsFormat: string) =>
    estimate(mustParse('how-it-fits', { model: 'llama-3.1-8b', workload: 'inference', weightsFormat, promptTokens: 2048, outputTokens: 0 }), card, { explain: false }).throughput.decodeTokensPerSecond;
  return {
    card,
    TOKENS,
    s,
    e,
    peak: trainingPeak(s, card),
    clock: sustainedClockFactor(card),
    mfu: MFU_DEFAULTS.lora.value,
    hours: e.timeSeconds / 3600,
    bf16Decode: serve('bf16'),
    q4Decode: serve('q4_k_m'),
  };
}
