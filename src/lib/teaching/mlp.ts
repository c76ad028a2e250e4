/**
 * The Backprop chapter's walk-through: one seeded training step of the two-layer perceptron (mlp-model.ts) with every
 * forward value, gradient and update, and a finite-difference check of the gradients (mlp-check.ts).
 * Sources: Rumelhart, Hinton & Williams 1986, "Learning representations by back-propagating errors";
 * Goodfellow, Bengio & Courville 2016, "Deep Learning" §6.5 (back-propagation) and §11.5 (gradient checking).
 */
import { checkGradients } from './mlp-check.ts';
import { activationDerivative, at, initMlp, mlpBackward, mlpForward, sgdStep, type Activation, type GradientCheck, type MlpForward, type MlpGradients, type MlpParams, type MlpSample } from './mlp-model.ts';

export type { Activation } from './mlp-model.ts';
export { BACKPROP_LIMITS, parseScalarInput, parseVectorInput, type VectorInputError } from './mlp-input.ts';

/** Everything one training step shows: parameters before, forward values, gradients, parameters after, and the gradient check. */
export interface BackpropWalk {
  /** Steps already taken from the seeded start before this one. */
  step: number;
  /** Parameters at the start of this step. */
  params: MlpParams;
  /** Forward pass with those parameters. */
  forward: MlpForward;
  /** z2 − y for each output, the error the loss squares. */
  residual: number[];
  /** f'(z1) for each hidden unit, the factor the backward pass multiplies by. */
  slope: number[];
  /** Backward pass. */
  gradients: MlpGradients;
  /** Parameters after θ ← θ − η·∂L/∂θ. */
  updated: MlpParams;
  /** Forward pass with the updated parameters (its loss is the loss after the step). */
  after: MlpForward;
  /** (loss after − loss before) / loss before; 0 when the loss before is 0. */
  relativeLossChange: number;
  /** Backpropagation against central finite differences on this example. */
  check: GradientCheck;
  /** Hidden units whose ReLU pre-activation is within 1e-4 of the kink, where the derivative jumps and finite differences disagree. */
  kinkUnits: number[];
}

/** The walk-through's inputs. */
export interface BackpropWalkInput {
  sample: MlpSample;
  activation: Activation;
  hiddenSize: number;
  seed: number;
  learningRate: number;
  /** Training steps to take first, each a full forward, backward and update on the same example. */
  steps: number;
}

/** A walk-through result: the step, or the step at which a value passed DIVERGED_MAGNITUDE or stopped being finite (the learning rate was too large). */
export type BackpropWalkResult = ({ ok: true } & BackpropWalk) | { ok: false; divergedAtStep: number };

/** Beyond this magnitude the walk-through calls the run diverged: training is already useless, and the numbers stop being readable. */
export const DIVERGED_MAGNITUDE = 1e12;

const allFinite = (values: readonly number[]): boolean => values.every((v) => Number.isFinite(v) && Math.abs(v) <= DIVERGED_MAGNITUDE);
const paramsFinite = (p: MlpParams): boolean => allFinite([...p.w1.flat(), ...p.b1, ...p.w2.flat(), ...p.b2]);

/**
 * Seeded start, `steps` plain gradient-descent steps on one example, then every number of the next step.
 * @example backpropWalk({ sample: { x: [0.5, -1.2], y: [0.8] }, activation: 'relu', hiddenSize: 3, seed: 1, learningRate: 0.1, steps: 0 }).ok //=> true
 */
export function backpropWalk({ sample, activation, hiddenSize, seed, learningRate, steps }: BackpropWalkInput): BackpropWalkResult {
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`backpropWalk: steps must be a whole number ≥ 0, got ${steps}`);
  if (!Number.isFinite(learningRate) || learningRate <= 0) throw new RangeError(`backpropWalk: learningRate must be > 0, got ${learningRate}`);
  let params = initMlp({ inputSize: sample.x.length, hiddenSize, outputSize: sample.y.length }, seed);
  for (let i = 0; i < steps; i++) {
    const forward = mlpForward(params, sample, activation);
    params = sgdStep(params, mlpBackward(params, forward, activation), learningRate);
    if (!paramsFinite(params) || !allFinite([forward.loss])) return { ok: false, divergedAtStep: i + 1 };
  }
  const forward = mlpForward(params, sample, activation);
  const gradients = mlpBackward(params, forward, activation);
  const updated = sgdStep(params, gradients, learningRate);
  const after = mlpForward(updated, sample, activation);
  const check = checkGradients(params, [sample], activation);
  const shown = [forward.loss, after.loss, ...forward.z1, ...forward.z2, ...after.z1, ...after.z2, ...gradients.da1, ...gradients.dw1.flat(), ...gradients.dw2.flat(), ...gradients.db2];
  if (!allFinite(shown) || !paramsFinite(params) || !paramsFinite(updated) || !Number.isFinite(check.maxRelativeError)) return { ok: false, divergedAtStep: steps + 1 };
  const slope = forward.z1.map((z, h) => activationDerivative(activation, z, at(forward.a1, h)));
  const kinkUnits = activation === 'relu' ? forward.z1.flatMap((z, h) => (Math.abs(z) < 1e-4 ? [h] : [])) : [];
  const residual = forward.z2.map((z, o) => z - at(forward.y, o));
  const relativeLossChange = forward.loss > 0 ? (after.loss - forward.loss) / forward.loss : 0;
  return { ok: true, step: steps, params, forward, residual, slope, gradients, updated, after, relativeLossChange, check, kinkUnits };
}
