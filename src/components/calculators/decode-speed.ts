/**
 * What the decode-speed calculator computes, apart from how it draws it: its inputs (plain strings, as the URL and the
 * fields hold them), the field manifest they are read with, and the estimator's decode step (`decodeBreakdown`) on each
 * chosen card.
 */
import type { EstimateGpu } from '../../lib/estimator/estimate.ts';
import { decodeBreakdown, INFERENCE_FORMAT_FIELD, INFERENCE_FORMATS, type DecodeBreakdown, type InferenceFormatId } from '../../lib/estimator/inference.ts';
import type { Issue } from '../../lib/scenario/check.ts';
import { narrowField, optionsOf, type FieldSpec } from '../../lib/scenario/fields.ts';
import { readFields } from '../../lib/scenario/read-fields.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import { parseScenario } from '../../lib/scenario/scenario.ts';
import type { DECODE_SPEED_KEYS } from './url-keys.ts';

/** A card with only the columns the estimator reads. */
export type DecodeCard = EstimateGpu;

/** The calculator's inputs as the URL and the fields hold them, by URL key: model, format, ctx, batch and cards (comma-separated ids). */
export type DecodeInputs = Record<(typeof DECODE_SPEED_KEYS)[number], string>;

/** Slider stops: powers of two, so each step doubles the KV cache or the batch. */
const CONTEXTS = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072] as const;
const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128] as const;

/** Decoder models only: an encoder such as BERT does not generate tokens. */
const MODELS = MODEL_PRESETS.filter((m) => !m.encoder);

/**
 * The calculator's fields: scenario fields narrowed to what it offers (decoder models, power-of-two stops; the context is the
 * prompt the KV cache holds when the next token is decoded), the inference format, and the cards to compare.
 * @example decodeFields(cards).map((f) => f.url) //=> ['model', 'format', 'ctx', 'batch', 'cards']
 */
export function decodeFields(cards: readonly DecodeCard[]): FieldSpec[] {
  return [
    narrowField('model', { options: optionsOf(MODELS) }),
    INFERENCE_FORMAT_FIELD,
    narrowField('promptTokens', { url: 'ctx', label: 'Context', unit: 'tokens in the KV cache', stops: CONTEXTS }),
    narrowField('batchSize', { stops: BATCHES }),
    { key: 'cards', url: 'cards', label: 'Cards to compare', kind: 'card', multiple: true, options: optionsOf(cards), help: 'Tick one or more.' },
  ];
}

/** One valid evaluation: a breakdown per chosen card, in the order the cards are offered. */
export interface DecodeResult {
  rows: DecodeBreakdown[];
}

/** The outcome of evaluating the inputs: a result, or the problems, each under the field it is about. */
export type DecodeEvaluation = { ok: true; result: DecodeResult } | { ok: false; errors: Issue[] };

/**
 * Reads the inputs through the calculator's fields and evaluates the decode step on each chosen card with the estimator.
 * @example evaluateDecode({ ...defaults, ctx: 'x' }, cards).ok //=> false
 */
export function evaluateDecode(v: DecodeInputs, cards: readonly DecodeCard[]): DecodeEvaluation {
  const { values, errors } = readFields(decodeFields(cards), v);
  if (errors.length > 0) return { ok: false, errors };
  const format = INFERENCE_FORMATS[values['inferenceFormat'] as InferenceFormatId];
  const ids = values['cards'] as string[];
  // A prompt of the context's length and no output yet: what the KV cache holds when the next token is decoded.
  const parsed = parseScenario({ model: values['model'], workload: 'inference', weightsFormat: format.weightsFormat, engine: format.engine, promptTokens: values['promptTokens'], outputTokens: 0, batchSize: values['batchSize'] });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, result: { rows: cards.filter((c) => ids.includes(c.id)).map((c) => decodeBreakdown(parsed.scenario, c)) } };
}
