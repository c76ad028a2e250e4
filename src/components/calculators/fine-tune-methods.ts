/**
 * What the fine-tuning methods calculator computes, apart from how it draws it: its inputs (plain strings, as the URL and
 * the fields hold them), the field manifest they are read with, and the lib's comparison of full, top-k, LoRA and QLoRA on
 * the chosen card.
 */
import type { EstimateGpu } from '../../lib/estimator/estimate.ts';
import type { Issue } from '../../lib/scenario/check.ts';
import { fieldSpec, narrowField, optionsOf, type FieldKey, type FieldSpec } from '../../lib/scenario/fields.ts';
import { readFields } from '../../lib/scenario/read-fields.ts';
import { compareFineTuneMethods, type FineTuneRow, type FineTuneSettings } from '../../lib/teaching/finetuning.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import { GIB } from '../../lib/units.ts';
import type { FINE_TUNE_KEYS } from './url-keys.ts';

/** The inputs as the URL and the fields hold them, by URL key; `tokens` is in millions, `ckpt` is "1" or "0". */
export type FineTuneInputs = Record<(typeof FINE_TUNE_KEYS)[number], string>;

/** Which field each lib setting is read from. */
const FIELD_OF: Record<keyof FineTuneSettings, FieldKey> = {
  model: 'model', seqLen: 'seqLen', batchSize: 'batchSize', topLayers: 'trainableTopLayers', rank: 'lora.rank', gradientCheckpointing: 'gradientCheckpointing', trainTokens: 'trainTokens',
};

/**
 * The calculator's fields: scenario fields, with the model and card narrowed to the lists offered, k to the blocks of the
 * model the inputs name (when they name one), and the training tokens counted in whole millions.
 * @example fineTuneFields(cards, 'llama-3.1-8b').find((f) => f.url === 'top')?.max //=> 32
 */
export function fineTuneFields(cards: readonly EstimateGpu[], modelId: string): FieldSpec[] {
  const layers = MODEL_PRESETS.find((m) => m.id === modelId)?.layers;
  return [
    narrowField('model', { options: optionsOf(MODEL_PRESETS) }),
    narrowField('gpu', { options: optionsOf(cards) }),
    fieldSpec('seqLen'),
    fieldSpec('batchSize'),
    narrowField('trainableTopLayers', layers === undefined ? {} : { max: layers }),
    fieldSpec('lora.rank'),
    narrowField('trainTokens', { kind: 'whole', unit: 'million tokens', max: 1e10, help: 'Dataset tokens × epochs, in millions.' }),
    fieldSpec('gradientCheckpointing'),
  ];
}

/** One valid evaluation. */
export interface FineTuneResult {
  rows: FineTuneRow[];
  card: { name: string; memoryBytes: number };
  k: number;
}
/** A result, or the problems, each under the field it is about. */
export type FineTuneEvaluation = { ok: true; result: FineTuneResult } | { ok: false; errors: Issue[] };

/**
 * Reads the inputs through the calculator's fields and compares the four methods on the chosen card.
 * @example evaluateFineTune({ ...defaults, top: '0' }, cards).ok //=> false
 */
export function evaluateFineTune(v: FineTuneInputs, cards: readonly EstimateGpu[]): FineTuneEvaluation {
  const { values, errors } = readFields(fineTuneFields(cards, v.model), v);
  const card = cards.find((c) => c.id === values['gpu']);
  if (errors.length > 0 || !card) return { ok: false, errors };
  const settings = Object.fromEntries(Object.entries(FIELD_OF).map(([setting, key]) => [setting, values[key]])) as unknown as FineTuneSettings;
  settings.trainTokens *= 1e6;
  const c = compareFineTuneMethods(settings, card);
  if (!c.ok) return { ok: false, errors: [{ field: FIELD_OF[c.field], code: c.code, message: c.message }] };
  return { ok: true, result: { rows: c.rows, card: { name: card.name, memoryBytes: card.memoryGB * GIB }, k: settings.topLayers } };
}
