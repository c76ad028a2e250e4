/**
 * A two-layer perceptron small enough to show every number of backpropagation on a page:
 * x → z1 = W1·x + b1 → a1 = f(z1) → z2 = W2·a1 + b2 (the prediction) → mean-squared-error loss.
 * Sources: Rumelhart, Hinton & Williams 1986, "Learning representations by back-propagating errors";
 * Goodfellow, Bengio & Courville 2016, "Deep Learning" §6.5 (back-propagation) and §11.5 (gradient checking).
 */

/** Hidden-layer nonlinearity. */
export type Activation = 'relu' | 'tanh';

/** Weights and biases; W1 is hidden × input and W2 is output × hidden (row i holds the weights into unit i). */
export interface MlpParams {
  /** First-layer weights, [hidden][input]. */
  w1: number[][];
  /** First-layer biases, [hidden]. */
  b1: number[];
  /** Second-layer weights, [output][hidden]. */
  w2: number[][];
  /** Second-layer biases, [output]. */
  b2: number[];
}

/** Layer sizes of the network. */
export interface MlpSizes {
  /** Input features. */
  inputSize: number;
  /** Hidden units. */
  hiddenSize: number;
  /** Outputs. */
  outputSize: number;
}

/** One training example. */
export interface MlpSample {
  /** Input vector, [input]. */
  x: number[];
  /** Target vector, [output]. */
  y: number[];
}

/** Every intermediate value of the forward pass. */
export interface MlpForward {
  /** Input, [input]. */
  x: number[];
  /** Target, [output]. */
  y: number[];
  /** Hidden pre-activations W1·x + b1, [hidden]. */
  z1: number[];
  /** Hidden activations f(z1), [hidden]. */
  a1: number[];
  /** Outputs W2·a1 + b2, the prediction, [output]. */
  z2: number[];
  /** Mean squared error (1/O)·Σ(z2 − y)². */
  loss: number;
}

/** Gradients of the loss with respect to every parameter and intermediate value. */
export interface MlpGradients {
  /** ∂loss/∂z2, [output]. */
  dz2: number[];
  /** ∂loss/∂W2, [output][hidden]. */
  dw2: number[][];
  /** ∂loss/∂b2, [output]. */
  db2: number[];
  /** ∂loss/∂a1, [hidden]. */
  da1: number[];
  /** ∂loss/∂z1, [hidden]. */
  dz1: number[];
  /** ∂loss/∂W1, [hidden][input]. */
  dw1: number[][];
  /** ∂loss/∂b1, [hidden]. */
  db1: number[];
}

/** One parameter's analytic and numeric gradient side by side. */
export interface GradientCheckEntry {
  /** Parameter name, e.g. "w1[0][2]" or "b2[1]". */
  name: string;
  /** Gradient from backpropagation. */
  analytic: number;
  /** Central finite difference (L(θ + h) − L(θ − h)) / 2h. */
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|, 1e-8). */
  relativeError: number;
}

/** Result of comparing backpropagation with finite differences. */
export interface GradientCheck {
  /** One entry per parameter, in the order w1, b1, w2, b2 (row-major). */
  entries: GradientCheckEntry[];
  /** The largest relative error of any entry. */
  maxRelativeError: number;
}

/**
 * A seeded pseudo-random generator returning numbers in [0, 1); same seed, same sequence.
 * @example const rand = mulberry32(42); rand() //=> 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  // mulberry32 by Tommy Ettinger (public domain, 2017): a 32-bit state advanced by a Weyl constant, then mixed.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Deterministic initial parameters: Glorot-uniform weights from a seeded generator, zero biases.
 * @example initMlp({ inputSize: 2, hiddenSize: 3, outputSize: 1 }, 1).w1.length //=> 3
 */
export function initMlp({ inputSize, hiddenSize, outputSize }: MlpSizes, seed: number): MlpParams {
  for (const size of [inputSize, hiddenSize, outputSize]) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`initMlp: layer sizes must be positive integers, got ${size}`);
  }
  const rand = mulberry32(seed);
  // Glorot & Bengio 2010, "Understanding the difficulty of training deep feedforward neural networks", eq. 16: U(±√(6 / (fanIn + fanOut))).
  const matrix = (rows: number, cols: number): number[][] => {
    const limit = Math.sqrt(6 / (rows + cols));
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (2 * rand() - 1) * limit));
  };
  return {
    w1: matrix(hiddenSize, inputSize),
    b1: new Array<number>(hiddenSize).fill(0),
    w2: matrix(outputSize, hiddenSize),
    b2: new Array<number>(outputSize).fill(0),
  };
}

/** Reads an index that shape checks have already guaranteed exists. */
function at<T>(values: readonly T[], index: number): T {
  const value = values[index];
  if (value === undefined) throw new RangeError(`index ${index} out of range (length ${values.length})`);
  return value;
}

/** W·v + b. */
function affine(w: readonly (readonly number[])[], b: readonly number[], v: readonly number[]): number[] {
  return w.map((row, i) => row.reduce((sum, wij, j) => sum + wij * at(v, j), at(b, i)));
}

function checkShapes(params: MlpParams, sample: MlpSample): void {
  const { w1, b1, w2, b2 } = params;
  const hidden = w1.length;
  const output = w2.length;
  const problems: string[] = [];
  if (hidden === 0 || output === 0) problems.push('W1 and W2 need at least one row');
  if (b1.length !== hidden) problems.push(`b1 has ${b1.length} entries, W1 has ${hidden} rows`);
  if (b2.length !== output) problems.push(`b2 has ${b2.length} entries, W2 has ${output} rows`);
  if (w1.some((row) => row.length !== sample.x.length)) problems.push(`every W1 row needs ${sample.x.length} entries (the input size)`);
  if (w2.some((row) => row.length !== hidden)) problems.push(`every W2 row needs ${hidden} entries (the hidden size)`);
  if (sample.y.length !== output) problems.push(`y has ${sample.y.length} entries, W2 has ${output} rows`);
  if (problems.length > 0) throw new RangeError(`mlp: shapes do not fit: ${problems.join('; ')}`);
}

const activate = (activation: Activation, z: number): number => (activation === 'relu' ? Math.max(0, z) : Math.tanh(z));

/** f'(z), written in terms of z and a = f(z) as backprop tables show it. */
function activationDerivative(activation: Activation, z: number, a: number): number {
  // ReLU' = 1 for z > 0 and 0 otherwise (0 at the kink, as frameworks choose); tanh' = 1 − tanh² (Goodfellow et al. §6.3).
  return activation === 'relu' ? (z > 0 ? 1 : 0) : 1 - a * a;
}

/**
 * Forward pass on one example, keeping every intermediate value.
 * @example mlpForward({ w1: [[1]], b1: [0], w2: [[2]], b2: [1] }, { x: [3], y: [5] }, 'relu') //=> { z1: [3], a1: [3], z2: [7], loss: 4, ... }
 */
export function mlpForward(params: MlpParams, sample: MlpSample, activation: Activation): MlpForward {
  checkShapes(params, sample);
  const { x, y } = sample;
  const z1 = affine(params.w1, params.b1, x);
  const a1 = z1.map((z) => activate(activation, z));
  const z2 = affine(params.w2, params.b2, a1);
  // Mean squared error over the outputs: L = (1/O) Σ_o (z2_o − y_o)².
  const loss = z2.reduce((sum, z, o) => sum + (z - at(y, o)) ** 2, 0) / z2.length;
  return { x: [...x], y: [...y], z1, a1, z2, loss };
}

/**
 * Backward pass: exact gradients of the loss by the chain rule, from the output back to the first layer.
 * @example mlpBackward(params, mlpForward(params, { x: [3], y: [5] }, 'relu'), 'relu') // params = { w1: [[1]], b1: [0], w2: [[2]], b2: [1] } //=> { dz2: [4], dw2: [[12]], db2: [4], da1: [8], dz1: [8], dw1: [[24]], db1: [8] }
 */
export function mlpBackward(params: MlpParams, forward: MlpForward, activation: Activation): MlpGradients {
  const { x, y, z1, a1, z2 } = forward;
  // Chain rule, layer by layer (Rumelhart et al. 1986; Goodfellow et al. §6.5.4, Algorithm 6.4):
  // ∂L/∂z2 = (2/O)(z2 − y)
  const dz2 = z2.map((z, o) => (2 / z2.length) * (z - at(y, o)));
  // ∂L/∂W2 = ∂L/∂z2 · a1ᵀ,  ∂L/∂b2 = ∂L/∂z2
  const dw2 = dz2.map((d) => a1.map((a) => d * a));
  const db2 = [...dz2];
  // ∂L/∂a1 = W2ᵀ · ∂L/∂z2
  const da1 = a1.map((_, h) => dz2.reduce((sum, d, o) => sum + at(at(params.w2, o), h) * d, 0));
  // ∂L/∂z1 = ∂L/∂a1 ⊙ f'(z1)
  const dz1 = da1.map((d, h) => d * activationDerivative(activation, at(z1, h), at(a1, h)));
  // ∂L/∂W1 = ∂L/∂z1 · xᵀ,  ∂L/∂b1 = ∂L/∂z1
  const dw1 = dz1.map((d) => x.map((xi) => d * xi));
  const db1 = [...dz1];
  return { dz2, dw2, db2, da1, dz1, dw1, db1 };
}

/** Mean loss and mean gradients over a batch of examples. */
export interface MlpBatchResult {
  /** Mean of the per-example losses. */
  loss: number;
  /** Mean of the per-example gradients (intermediate gradients averaged too, for display only). */
  gradients: MlpGradients;
}

/** Element-wise mean of equally shaped vectors. */
function meanVector(vectors: readonly (readonly number[])[]): number[] {
  return at(vectors, 0).map((_, i) => vectors.reduce((sum, v) => sum + at(v, i), 0) / vectors.length);
}

/** Element-wise mean of equally shaped matrices. */
function meanMatrix(matrices: readonly (readonly (readonly number[])[])[]): number[][] {
  return at(matrices, 0).map((_, i) => meanVector(matrices.map((m) => at(m, i))));
}

/**
 * Loss and gradients averaged over a batch, as one step of full-batch gradient descent uses them.
 * @example mlpBatch({ w1: [[1]], b1: [0], w2: [[2]], b2: [1] }, [{ x: [3], y: [5] }, { x: [-3], y: [5] }], 'relu').loss //=> 10
 */
export function mlpBatch(params: MlpParams, samples: readonly MlpSample[], activation: Activation): MlpBatchResult {
  if (samples.length === 0) throw new RangeError('mlpBatch: need at least one sample');
  const forwards = samples.map((sample) => mlpForward(params, sample, activation));
  const grads = forwards.map((forward) => mlpBackward(params, forward, activation));
  // The batch loss is the mean of per-example losses, so by linearity its gradient is the mean of per-example gradients.
  return {
    loss: forwards.reduce((sum, f) => sum + f.loss, 0) / forwards.length,
    gradients: {
      dz2: meanVector(grads.map((g) => g.dz2)),
      dw2: meanMatrix(grads.map((g) => g.dw2)),
      db2: meanVector(grads.map((g) => g.db2)),
      da1: meanVector(grads.map((g) => g.da1)),
      dz1: meanVector(grads.map((g) => g.dz1)),
      dw1: meanMatrix(grads.map((g) => g.dw1)),
      db1: meanVector(grads.map((g) => g.db1)),
    },
  };
}

/**
 * One plain gradient-descent step, θ ← θ − η·∂L/∂θ, returning new parameters.
 * @example sgdStep({ w1: [[1]], b1: [0], w2: [[2]], b2: [1] }, grads, 0.1).w2 //=> [[0.8]]
 */
export function sgdStep(params: MlpParams, gradients: MlpGradients, learningRate: number): MlpParams {
  const step = (p: readonly number[], g: readonly number[]): number[] => p.map((pi, i) => pi - learningRate * at(g, i));
  return {
    w1: params.w1.map((row, h) => step(row, at(gradients.dw1, h))),
    b1: step(params.b1, gradients.db1),
    w2: params.w2.map((row, o) => step(row, at(gradients.dw2, o))),
    b2: step(params.b2, gradients.db2),
  };
}

/** One parameter as the gradient checker sees it. */
interface ParameterEntry {
  name: string;
  analyticOf: (g: MlpGradients) => number;
  nudged: (delta: number) => MlpParams;
}

/** Every parameter: its name, where its gradient lives, and a copy of the parameters with that entry nudged by delta. */
function parameterEntries(params: MlpParams): ParameterEntry[] {
  const entries: ParameterEntry[] = [];
  const clone = (): MlpParams => ({ w1: params.w1.map((r) => [...r]), b1: [...params.b1], w2: params.w2.map((r) => [...r]), b2: [...params.b2] });
  for (const key of ['w1', 'w2'] as const) {
    const gradKey = key === 'w1' ? 'dw1' : 'dw2';
    params[key].forEach((row, i) =>
      row.forEach((value, j) =>
        entries.push({
          name: `${key}[${i}][${j}]`,
          analyticOf: (g) => at(at(g[gradKey], i), j),
          nudged: (delta) => {
            const copy = clone();
            at(copy[key], i)[j] = value + delta;
            return copy;
          },
        }),
      ),
    );
    const biasKey = key === 'w1' ? 'b1' : 'b2';
    const biasGradKey = key === 'w1' ? 'db1' : 'db2';
    params[biasKey].forEach((value, i) =>
      entries.push({
        name: `${biasKey}[${i}]`,
        analyticOf: (g) => at(g[biasGradKey], i),
        nudged: (delta) => {
          const copy = clone();
          copy[biasKey][i] = value + delta;
          return copy;
        },
      }),
    );
  }
  return entries;
}

/**
 * Compares backpropagation with central finite differences for every parameter on a batch of examples.
 * @example checkGradients(initMlp({ inputSize: 2, hiddenSize: 3, outputSize: 1 }, 7), [{ x: [0.5, -1], y: [0.3] }], 'tanh').maxRelativeError //=> 6e-11
 */
export function checkGradients(
  params: MlpParams,
  samples: readonly MlpSample[],
  activation: Activation,
  stepSize = 1e-5,
): GradientCheck {
  if (!Number.isFinite(stepSize) || stepSize <= 0) throw new RangeError(`checkGradients: stepSize must be > 0, got ${stepSize}`);
  const analytic = mlpBatch(params, samples, activation).gradients;
  const lossAt = (p: MlpParams): number => mlpBatch(p, samples, activation).loss;
  const entries = parameterEntries(params).map(({ name, analyticOf, nudged }) => {
    // Central difference, error O(h²) (Goodfellow et al. 2016 §11.5): ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h.
    const numeric = (lossAt(nudged(stepSize)) - lossAt(nudged(-stepSize))) / (2 * stepSize);
    const a = analyticOf(analytic);
    return { name, analytic: a, numeric, relativeError: Math.abs(a - numeric) / Math.max(Math.abs(a), Math.abs(numeric), 1e-8) };
  });
  return { entries, maxRelativeError: entries.reduce((max, e) => Math.max(max, e.relativeError), 0) };
}

/** Limits of the backpropagation walk-through: small enough to show every number, wide enough to explore. */
export const BACKPROP_LIMITS = {
  /** Most input features the reader may type. */
  maxInputs: 4,
  /** Most targets the reader may type. */
  maxOutputs: 3,
  /** Largest |value| accepted for an input or a target. */
  maxAbsValue: 100,
  /** Largest learning rate accepted. */
  maxLearningRate: 10,
  /** Most training steps taken before the shown one. */
  maxSteps: 1000,
  /** Largest seed (seeds are unsigned 32-bit integers). */
  maxSeed: 4294967295,
} as const;

/** Why a typed list of numbers was rejected. */
export type VectorInputError =
  | { kind: 'empty' }
  | { kind: 'not-a-number'; token: string }
  | { kind: 'too-many'; count: number; max: number }
  | { kind: 'out-of-range'; token: string; max: number };

/** A typed list of numbers, parsed. */
export type VectorInput = { ok: true; values: number[] } | { ok: false; error: VectorInputError };

const NUMBER_TOKEN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a comma- or space-separated list of decimal numbers ("0.5, -1.2"), at most `maxLength` of them, each within ±maxAbs.
 * @example parseVectorInput('0.5, -1.2', 4, 100) //=> { ok: true, values: [0.5, -1.2] }
 * @example parseVectorInput('1, x', 4, 100) //=> { ok: false, error: { kind: 'not-a-number', token: 'x' } }
 */
export function parseVectorInput(text: string, maxLength: number, maxAbs: number): VectorInput {
  const tokens = text.replace(/\u2212/g, '-').split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { ok: false, error: { kind: 'empty' } };
  const values: number[] = [];
  for (const token of tokens) {
    if (!NUMBER_TOKEN.test(token)) return { ok: false, error: { kind: 'not-a-number', token: token.slice(0, 24) } };
    const value = Number(token);
    if (!Number.isFinite(value) || Math.abs(value) > maxAbs) return { ok: false, error: { kind: 'out-of-range', token: token.slice(0, 24), max: maxAbs } };
    values.push(value + 0);
  }
  if (values.length > maxLength) return { ok: false, error: { kind: 'too-many', count: values.length, max: maxLength } };
  return { ok: true, values };
}

/** A typed scalar, parsed: a number within [min, max] (and a whole number when `integer`). */
export type ScalarInput = { ok: true; value: number } | { ok: false; error: 'empty' | 'not-a-number' | 'not-integer' | 'out-of-range' };

/**
 * Parses one typed number and checks its range; `exclusiveMin` rejects the minimum itself.
 * @example parseScalarInput('0.1', { min: 0, max: 10, exclusiveMin: true }) //=> { ok: true, value: 0.1 }
 * @example parseScalarInput('3.5', { min: 0, max: 9, integer: true }) //=> { ok: false, error: 'not-integer' }
 */
export function parseScalarInput(text: string, range: { min: number; max: number; exclusiveMin?: boolean; integer?: boolean }): ScalarInput {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return { ok: false, error: 'empty' };
  if (!NUMBER_TOKEN.test(t)) return { ok: false, error: 'not-a-number' };
  const value = Number(t) + 0;
  if (!Number.isFinite(value)) return { ok: false, error: 'out-of-range' };
  if (range.integer === true && !Number.isInteger(value)) return { ok: false, error: 'not-integer' };
  if (value > range.max || value < range.min || (range.exclusiveMin === true && value === range.min)) return { ok: false, error: 'out-of-range' };
  return { ok: true, value };
}

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

/** Multiply-add FLOPs of one training example through the two-layer network, split as the chain rule splits them. */
export interface MlpFlops {
  /** W1·x and W2·a1: 2 FLOPs per weight. */
  forward: number;
  /** ∂L/∂W for both layers: 2 FLOPs per weight. */
  weightGradients: number;
  /** ∂L/∂a1 = W2ᵀ·∂L/∂z2 only: nothing needs the gradient of the input x, so layer 1 skips it. */
  inputGradients: number;
}

/**
 * Counts the matrix-multiply FLOPs of forward and backward (biases and activations are O(units), left out as in the 6N rule).
 * @example mlpMatmulFlops({ inputSize: 2, hiddenSize: 3, outputSize: 1 }) //=> { forward: 18, weightGradients: 18, inputGradients: 6 }
 */
export function mlpMatmulFlops({ inputSize, hiddenSize, outputSize }: MlpSizes): MlpFlops {
  // A (rows × cols) matrix times a vector is rows·cols multiplies and as many adds (Kaplan et al. 2020 §2.1 counting).
  const w1 = hiddenSize * inputSize;
  const w2 = outputSize * hiddenSize;
  return { forward: 2 * (w1 + w2), weightGradients: 2 * (w1 + w2), inputGradients: 2 * w2 };
}

/** How many layers' activations are held at the peak with checkpoints every `segment` layers. */
export interface CheckpointPlan {
  /** Layers between checkpoints. */
  segment: number;
  /** Checkpoints kept for the whole backward pass: ⌈layers / segment⌉. */
  checkpoints: number;
  /** Peak layers' worth of activations: the checkpoints plus one segment recomputed at a time. */
  heldLayers: number;
}

/**
 * The segment length that minimises peak activation memory, ⌈L/k⌉ + k, and what it holds.
 * @example sqrtCheckpointing(32) //=> { segment: 4, checkpoints: 8, heldLayers: 12 }
 */
export function sqrtCheckpointing(layers: number): CheckpointPlan {
  if (!Number.isInteger(layers) || layers < 1) throw new RangeError(`sqrtCheckpointing: layers must be a positive integer, got ${layers}`);
  // Chen, Xu, Zhang & Guestrin 2016, "Training Deep Nets with Sublinear Memory Cost" §4.1: cost O(n/k) + O(k), best at k = √n.
  let best: CheckpointPlan = { segment: 1, checkpoints: layers, heldLayers: layers + 1 };
  for (let k = 1; k <= layers; k++) {
    const checkpoints = Math.ceil(layers / k);
    if (checkpoints + k < best.heldLayers) best = { segment: k, checkpoints, heldLayers: checkpoints + k };
  }
  return best;
}
