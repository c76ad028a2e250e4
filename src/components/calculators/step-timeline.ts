/**
 * What the step memory timeline computes, apart from how it draws it: its inputs (plain strings, as the URL and the fields
 * hold them), their validation with the estimator's parser, and the lib's timeline of one step on the chosen card.
 */
import type { EstimateGpu } from '../../lib/estimator/estimate.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import { parseScenario } from '../../lib/scenario/scenario.ts';
import { stepTimeline, type StepTimeline } from '../../lib/teaching/timeline.ts';
import { wholeReader } from './plain-fields.tsx';
import type { StepTimelineWords } from '../../i18n/islands/step-timeline.ts';
import { STEP_TIMELINE_KEYS } from './url-keys.ts';

/** The calculator's inputs as the URL and the fields hold them. */
export interface StepInputs {
  model: string;
  workload: string;
  batch: string;
  seq: string;
  /** "1" or "0". */
  ckpt: string;
  gpu: string;
}
export type Field = keyof StepInputs;
export const FIELDS: readonly Field[] = STEP_TIMELINE_KEYS;
export const WORKLOADS = ['pretrain', 'full-finetune', 'lora', 'qlora'] as const;
export const BOOL: Record<string, boolean> = { '1': true, true: true, on: true, '0': false, false: false, off: false };

type ErrorKey = keyof StepTimelineWords['errors'];
/** A field's problem: a kind the island words, or the estimator's own sentence. */
export type FieldError = { kind: ErrorKey; value?: string } | { kind: 'lib'; message: string };

/** One valid evaluation. */
export interface StepResult {
  timeline: StepTimeline;
  card: { name: string; memoryGB: number };
  layers: number;
}
/** A result, or one problem per field. */
export type StepEvaluation = { ok: true; result: StepResult } | { ok: false; errors: Partial<Record<Field, FieldError>> };

/**
 * Validates the inputs with the estimator's parser and builds the timeline on the chosen card.
 * @example evaluateStep({ ...defaults, seq: 'x' }, cards).ok //=> false
 */
export function evaluateStep(v: StepInputs, cards: readonly EstimateGpu[]): StepEvaluation {
  const errors: Partial<Record<Field, FieldError>> = {};
  const whole = wholeReader<Field>(v, (f, problem) => { errors[f] = problem; });
  const model = MODEL_PRESETS.find((m) => m.id === v.model);
  if (!model) errors.model = { kind: 'unknownModel' };
  if (!(WORKLOADS as readonly string[]).includes(v.workload)) errors.workload = { kind: 'unknownWorkload' };
  const card = cards.find((c) => c.id === v.gpu);
  if (!card) errors.gpu = { kind: 'unknownCard' };
  const ckpt = BOOL[v.ckpt.trim().toLowerCase()];
  if (ckpt === undefined) errors.ckpt = { kind: 'notBoolean' };
  const batchSize = whole('batch');
  const seqLen = whole('seq');
  if (Object.keys(errors).length > 0 || !card || !model) return { ok: false, errors };
  const parsed = parseScenario({ model: v.model, workload: v.workload, batchSize, seqLen, gradientCheckpointing: ckpt });
  if (!parsed.ok) {
    // Each problem goes beside the input it is about (the scenario names fields by their scenario keys).
    const byKey: Record<string, Field> = { batchSize: 'batch', seqLen: 'seq', workload: 'workload', gradientCheckpointing: 'ckpt' };
    for (const issue of parsed.errors) errors[byKey[issue.field] ?? 'model'] ??= { kind: 'lib', message: issue.message };
    return { ok: false, errors };
  }
  return { ok: true, result: { timeline: stepTimeline(parsed.scenario, card), card: { name: card.name, memoryGB: card.memoryGB }, layers: model.layers } };
}
