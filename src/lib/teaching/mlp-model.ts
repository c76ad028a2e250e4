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
export function at<T>(values: readonly T[], index: number): T {
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
export function activationDerivative(activation: Activation, z: number, a: number): number {
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
