/**
 * Gradient checking for the two-layer perceptron of mlp-model.ts: every analytic gradient beside a central finite difference.
 * Source: Goodfellow, Bengio & Courville 2016, "Deep Learning" §11.5 (gradient checking).
 */
import { at, mlpBatch, type Activation, type GradientCheck, type MlpGradients, type MlpParams, type MlpSample } from './mlp-model.ts';

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
