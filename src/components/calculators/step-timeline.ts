/**
 * What the step memory timeline computes, apart from how it draws it: its inputs (plain strings, as the URL and the fields
 * hold them), the field manifest they are read with, their validation with the estimator's parser, and the lib's timeline
 * of one step on the chosen card.
 */
import type { EstimateGpu } from '../../lib/estimator/estimate.ts';
import type { Issue } from '../../lib/scenario/check.ts';
import { fieldSpec, narrowField, optionsOf, type FieldSpec } from '../../lib/scenario/fields.ts';
import { readFields } from '../../lib/scenario/read-fields.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import { parseScenario } from '../../lib/scenario/scenario.ts';
import { stepTimeline, type StepTimeline } from '../../lib/teaching/timeline.ts';
import type { STEP_TIMELINE_KEYS } from './url-keys.ts';

/** The calculator's inputs as the URL and the fields hold them, by URL key; `ckpt` is "1" or "0". */
export type StepInputs = Record<(typeof STEP_TIMELINE_KEYS)[number], string>;

/**
 * The calculator's fields: scenario fields, with the workload narrowed to training (inference has no training step) and
 * the model and card to the lists offered.
 * @example stepFields(cards)[1].options?.map((o) => o.value) //=> ['pretrain', 'full-finetune', 'lora', 'qlora']
 */
export function stepFields(cards: readonly EstimateGpu[]): FieldSpec[] {
  return [
    narrowField('model', { options: optionsOf(MODEL_PRESETS) }),
    narrowField('workload', { options: (fieldSpec('workload').options ?? []).filter((o) => o.value !== 'inference') }),
    ...(['batchSize', 'seqLen'] as const).map(fieldSpec),
    narrowField('gpu', { options: optionsOf(cards) }),
    fieldSpec('gradientCheckpointing'),
  ];
}

/** One valid evaluation. */
export interface StepResult {
  timeline: StepTimeline;
  card: { name: string; memoryGB: number };
  layers: number;
}
/** A result, or the problems, each under the field it is about. */
export type StepEvaluation = { ok: true; result: StepResult } | { ok: false; errors: Issue[] };

/**
 * Reads the inputs through the calculator's fields, validates them with the estimator's parser and builds the timeline on
 * the chosen card.
 * @example evaluateStep({ ...defaults, seq: 'x' }, cards).ok //=> false
 */
export function evaluateStep(v: StepInputs, cards: readonly EstimateGpu[]): StepEvaluation {
  const { values, errors } = readFields(stepFields(cards), v);
  const card = cards.find((c) => c.id === values['gpu']);
  const model = MODEL_PRESETS.find((m) => m.id === values['model']);
  if (errors.length > 0 || !card || !model) return { ok: false, errors };
  // The card is not part of the scenario here: the timeline is drawn against it.
  const parsed = parseScenario({ ...values, gpu: undefined });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, result: { timeline: stepTimeline(parsed.scenario, card), card: { name: card.name, memoryGB: card.memoryGB }, layers: model.layers } };
}
