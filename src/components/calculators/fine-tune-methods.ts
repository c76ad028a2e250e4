/**
 * What the fine-tuning methods calculator computes, apart from how it draws it: its inputs (plain strings, as the URL and
 * the fields hold them), their validation, and the lib's comparison of full, top-k, LoRA and QLoRA on the chosen card.
 */
import type { EstimateGpu } from '../../lib/estimator/estimate.ts';
import { compareFineTuneMethods, type FineTuneRow, type FineTuneSettings } from '../../lib/teaching/finetuning.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import { GIB } from '../../lib/units.ts';
import { wholeReader } from './plain-fields.tsx';
import type { FineTuneMethodsWords } from '../../i18n/islands/fine-tune-methods.ts';
import { FINE_TUNE_KEYS } from './url-keys.ts';

/** The inputs as the URL and the fields hold them. */
export interface FineTuneInputs {
  model: string;
  gpu: string;
  seq: string;
  batch: string;
  top: string;
  rank: string;
  /** Millions of training tokens. */
  tokens: string;
  /** "1" or "0". */
  ckpt: string;
}
export type Field = keyof FineTuneInputs;
export const FIELDS: readonly Field[] = FINE_TUNE_KEYS;
export const BOOL: Record<string, boolean> = { '1': true, true: true, on: true, '0': false, false: false, off: false };
/** Which input each lib setting comes from. */
const FIELD_OF: Record<keyof FineTuneSettings, Field> = { model: 'model', seqLen: 'seq', batchSize: 'batch', topLayers: 'top', rank: 'rank', gradientCheckpointing: 'ckpt', trainTokens: 'tokens' };

export type FieldError = { kind: keyof FineTuneMethodsWords['errors']; value?: string } | { kind: 'lib'; message: string };

/** One valid evaluation. */
export interface FineTuneResult {
  rows: FineTuneRow[];
  card: { name: string; memoryBytes: number };
  k: number;
}
/** A result, or one problem per field. */
export type FineTuneEvaluation = { ok: true; result: FineTuneResult } | { ok: false; errors: Partial<Record<Field, FieldError>> };

/**
 * Validates the inputs and compares the four methods on the chosen card.
 * @example evaluateFineTune({ ...defaults, top: '0' }, cards).ok //=> false
 */
export function evaluateFineTune(v: FineTuneInputs, cards: readonly EstimateGpu[]): FineTuneEvaluation {
  const errors: Partial<Record<Field, FieldError>> = {};
  const whole = wholeReader<Field>(v, (f, problem) => { errors[f] = problem; });
  if (!MODEL_PRESETS.some((m) => m.id === v.model)) errors.model = { kind: 'unknownModel' };
  const card = cards.find((c) => c.id === v.gpu);
  if (!card) errors.gpu = { kind: 'unknownCard' };
  const ckpt = BOOL[v.ckpt.trim().toLowerCase()];
  if (ckpt === undefined) errors.ckpt = { kind: 'notBoolean' };
  const settings: FineTuneSettings = {
    model: v.model, seqLen: whole('seq'), batchSize: whole('batch'), topLayers: whole('top'), rank: whole('rank'),
    trainTokens: whole('tokens') * 1e6, gradientCheckpointing: ckpt ?? false,
  };
  if (Object.keys(errors).length > 0 || !card) return { ok: false, errors };
  const c = compareFineTuneMethods(settings, card);
  if (!c.ok) return { ok: false, errors: { [FIELD_OF[c.field]]: { kind: 'lib', message: c.message } } };
  return { ok: true, result: { rows: c.rows, card: { name: card.name, memoryBytes: card.memoryGB * GIB }, k: settings.topLayers } };
}
