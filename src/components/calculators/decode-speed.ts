/**
 * What the decode-speed calculator computes, apart from how it draws it: its inputs (plain strings, as the URL and the
 * fields hold them), their validation, and the estimator's decode step (`decodeBreakdown`) on each chosen card.
 */
import type { EstimateGpu } from '../../lib/estimator/estimate.ts';
import { decodeBreakdown, INFERENCE_FORMATS, isInferenceFormatId, type DecodeBreakdown } from '../../lib/estimator/inference.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import { parseScenario } from '../../lib/scenario/scenario.ts';
import { DECODE_SPEED_KEYS } from './url-keys.ts';

/** A card with only the columns the estimator reads. */
export type DecodeCard = EstimateGpu;

/** The calculator's inputs as the URL and the fields hold them: plain strings. */
export interface DecodeInputs {
  model: string;
  format: string;
  /** Tokens in the KV cache: one of CONTEXTS. */
  ctx: string;
  /** Sequences per step: one of BATCHES. */
  batch: string;
  /** Comma-separated card ids. */
  cards: string;
}

export type Field = keyof DecodeInputs;
export const FIELDS: readonly Field[] = DECODE_SPEED_KEYS;

/** Slider stops: powers of two, so each step doubles the KV cache or the batch. */
export const CONTEXTS = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072] as const;
export const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128] as const;

/** Decoder models only: an encoder such as BERT does not generate tokens. */
export const MODELS = MODEL_PRESETS.filter((m) => !m.encoder);

export type FieldError =
  | { kind: 'unknownModel' | 'unknownFormat' | 'badContext' | 'badBatch' | 'noCards' | 'unknownCard' }
  | { kind: 'lib'; message: string };

/** One valid evaluation: a breakdown per chosen card, in the order the cards are offered. */
export interface DecodeResult {
  rows: DecodeBreakdown[];
}

/** The outcome of evaluating the inputs: a result, or one message per wrong field. */
export type DecodeEvaluation = { ok: true; result: DecodeResult } | { ok: false; errors: Partial<Record<Field | 'general', FieldError>> };

/** Reads a slider value that must be one of its stops. */
export const stop = (text: string, stops: readonly number[]): number | null => {
  const t = text.trim();
  return /^\d+$/.test(t) && stops.includes(Number(t)) ? Number(t) : null;
};

/**
 * Validates the inputs and evaluates the decode step on each chosen card with the estimator.
 * @example evaluateDecode({ ...defaults, ctx: 'x' }, cards).ok //=> false
 */
export function evaluateDecode(v: DecodeInputs, cards: readonly DecodeCard[]): DecodeEvaluation {
  const errors: Partial<Record<Field | 'general', FieldError>> = {};
  if (!MODELS.some((m) => m.id === v.model)) errors.model = { kind: 'unknownModel' };
  if (!isInferenceFormatId(v.format)) errors.format = { kind: 'unknownFormat' };
  const ctx = stop(v.ctx, CONTEXTS);
  if (ctx === null) errors.ctx = { kind: 'badContext' };
  const batch = stop(v.batch, BATCHES);
  if (batch === null) errors.batch = { kind: 'badBatch' };
  const ids = v.cards.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = ids.find((id) => !cards.some((c) => c.id === id));
  // The message does not echo the id: a hostile link could make it say anything.
  if (unknown !== undefined) errors.cards = { kind: 'unknownCard' };
  else if (ids.length === 0) errors.cards = { kind: 'noCards' };
  if (Object.keys(errors).length > 0 || ctx === null || batch === null || !isInferenceFormatId(v.format)) return { ok: false, errors };
  // The context is what the KV cache holds when the next token is decoded: a prompt of that length and no output yet.
  const parsed = parseScenario({ model: v.model, workload: 'inference', weightsFormat: INFERENCE_FORMATS[v.format].weightsFormat, engine: INFERENCE_FORMATS[v.format].engine, promptTokens: ctx, outputTokens: 0, batchSize: batch });
  if (!parsed.ok) return { ok: false, errors: { general: { kind: 'lib', message: parsed.error } } };
  const chosen = cards.filter((c) => ids.includes(c.id));
  return { ok: true, result: { rows: chosen.map((c) => decodeBreakdown(parsed.scenario, c)) } };
}
