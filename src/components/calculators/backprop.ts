/**
 * The backpropagation walk-through's pure part: reads the typed inputs (src/lib/teaching/mlp.ts parses and computes) and words a
 * vector field's error. No DOM; the island (Backprop.island.tsx) draws what this returns.
 */
import {
  BACKPROP_LIMITS as L,
  backpropWalk,
  parseScalarInput,
  parseVectorInput,
  type Activation,
  type VectorInputError,
} from '../../lib/teaching/mlp.ts';
import type { BackpropWords } from '../../i18n/islands/backprop.ts';
import { fill } from '../../i18n/fill.ts';

/** The walk-through's typed inputs, as text (what the fields and the URL hold). */
export interface BackpropInputs {
  x: string;
  y: string;
  lr: string;
  act: string;
  seed: string;
}

const STAGES = ['all', 'forward', 'backward', 'update'] as const;
export type Stage = (typeof STAGES)[number];
export const ACTIVATIONS: Activation[] = ['relu', 'tanh'];
const isActivation = (v: string): v is Activation => (ACTIVATIONS as string[]).includes(v);
export const isStage = (v: string): v is Stage => (STAGES as readonly string[]).includes(v);

/**
 * Parses every input and, when all are valid, runs the walk (`backpropWalk`) for `steps` training steps.
 * @example evaluateBackprop({ x: '1, 2', y: '0.5', lr: '0.1', act: 'relu', seed: '1' }, 3, 0).result?.ok //=> true
 */
export function evaluateBackprop(inputs: BackpropInputs, hiddenSize: number, steps: number) {
  const x = parseVectorInput(inputs.x, L.maxInputs, L.maxAbsValue);
  const y = parseVectorInput(inputs.y, L.maxOutputs, L.maxAbsValue);
  const lr = parseScalarInput(inputs.lr, { min: 0, max: L.maxLearningRate, exclusiveMin: true });
  const seed = parseScalarInput(inputs.seed, { min: 0, max: L.maxSeed, integer: true });
  const actOk = isActivation(inputs.act);
  const result = x.ok && y.ok && lr.ok && seed.ok && actOk
    ? backpropWalk({ sample: { x: x.values, y: y.values }, activation: inputs.act as Activation, hiddenSize, seed: seed.value, learningRate: lr.value, steps })
    : null;
  return { x, y, lr, seed, actOk, result };
}

/** The message for a vector field that does not parse. */
export function vectorError(e: VectorInputError, s: BackpropWords['errors']): string {
  switch (e.kind) {
    case 'empty': return s.empty;
    case 'not-a-number': return fill(s.notANumber, { token: e.token });
    case 'too-many': return fill(s.tooMany, { count: e.count, max: e.max });
    case 'out-of-range': return fill(s.outOfRange, { token: e.token, max: e.max });
  }
}

