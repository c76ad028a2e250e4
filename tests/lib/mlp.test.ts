import { describe, expect, it } from 'vitest';
import {
  checkGradients,
  initMlp,
  mlpBackward,
  mlpBatch,
  mlpForward,
  mulberry32,
  sgdStep,
  type Activation,
  type MlpParams,
  type MlpSample,
} from '../../src/lib/mlp.ts';

const handParams: MlpParams = { w1: [[1]], b1: [0], w2: [[2]], b2: [1] };

/** A small deterministic regression batch: 3 inputs, 2 targets. */
function sampleBatch(seed: number, count = 4): MlpSample[] {
  const rand = mulberry32(seed);
  const u = () => 2 * rand() - 1;
  return Array.from({ length: count }, () => ({ x: [u(), u(), u()], y: [u(), u()] }));
}

const activations: Activation[] = ['tanh', 'relu'];

describe('mulberry32', () => {
  it('mulberry32(seed) repeats the same sequence for the same seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('initMlp', () => {
  it('initMlp(sizes, seed) builds hidden × input and output × hidden weights with zero biases, the same for the same seed', () => {
    const p = initMlp({ inputSize: 3, hiddenSize: 5, outputSize: 2 }, 7);
    expect(p.w1).toHaveLength(5);
    expect(p.w1.every((row) => row.length === 3)).toBe(true);
    expect(p.w2).toHaveLength(2);
    expect(p.w2.every((row) => row.length === 5)).toBe(true);
    expect(p.b1).toEqual([0, 0, 0, 0, 0]);
    expect(p.b2).toEqual([0, 0]);
    expect(initMlp({ inputSize: 3, hiddenSize: 5, outputSize: 2 }, 7)).toEqual(p);
    const limit = Math.sqrt(6 / 8);
    expect(p.w1.flat().every((w) => Math.abs(w) <= limit)).toBe(true);
  });

  it('initMlp rejects zero or fractional layer sizes', () => {
    expect(() => initMlp({ inputSize: 0, hiddenSize: 2, outputSize: 1 }, 1)).toThrow(RangeError);
    expect(() => initMlp({ inputSize: 2, hiddenSize: 1.5, outputSize: 1 }, 1)).toThrow(RangeError);
  });
});

describe('mlpForward and mlpBackward', () => {
  it('mlpForward computes z1 = W1·x + b1, a1 = f(z1), z2 = W2·a1 + b2 and the mean squared error', () => {
    const f = mlpForward(handParams, { x: [3], y: [5] }, 'relu');
    expect(f).toMatchObject({ z1: [3], a1: [3], z2: [7], loss: 4 });
    const negative = mlpForward(handParams, { x: [-3], y: [5] }, 'relu');
    expect(negative).toMatchObject({ z1: [-3], a1: [0], z2: [1], loss: 16 });
    const tanh = mlpForward(handParams, { x: [0.5], y: [0] }, 'tanh');
    expect(tanh.a1[0]).toBeCloseTo(Math.tanh(0.5), 15);
  });

  it('mlpForward averages the squared error over the outputs', () => {
    const params: MlpParams = { w1: [[0]], b1: [0], w2: [[0], [0]], b2: [1, 3] };
    expect(mlpForward(params, { x: [1], y: [0, 0] }, 'tanh').loss).toBeCloseTo((1 + 9) / 2, 15);
  });

  it('mlpBackward applies the chain rule layer by layer (worked by hand)', () => {
    const g = mlpBackward(handParams, mlpForward(handParams, { x: [3], y: [5] }, 'relu'), 'relu');
    expect(g).toEqual({ dz2: [4], dw2: [[12]], db2: [4], da1: [8], dz1: [8], dw1: [[24]], db1: [8] });
  });

  it('mlpBackward passes no gradient through a ReLU unit that is off', () => {
    const g = mlpBackward(handParams, mlpForward(handParams, { x: [-3], y: [5] }, 'relu'), 'relu');
    expect(g.dz1[0]).toBeCloseTo(0, 15);
    expect(g.dw1[0]?.[0]).toBeCloseTo(0, 15);
    expect(g.dw2[0]?.[0]).toBeCloseTo(0, 15);
  });

  it('mlpForward rejects parameters whose shapes do not fit the example', () => {
    expect(() => mlpForward(handParams, { x: [1, 2], y: [1] }, 'relu')).toThrow(RangeError);
    expect(() => mlpForward(handParams, { x: [1], y: [1, 2] }, 'relu')).toThrow(RangeError);
    expect(() => mlpForward({ ...handParams, b1: [] }, { x: [1], y: [1] }, 'relu')).toThrow(RangeError);
  });
});

describe('checkGradients', () => {
  for (const activation of activations) {
    for (const seed of [1, 2, 3]) {
      it(`checkGradients(…, '${activation}') matches finite differences within 1e-6 relative (seed ${seed})`, () => {
        const params = initMlp({ inputSize: 3, hiddenSize: 4, outputSize: 2 }, seed);
        // Non-zero biases so no ReLU pre-activation sits exactly at the kink.
        const shifted: MlpParams = { ...params, b1: params.b1.map((_, i) => 0.1 * (i + 1)), b2: [0.05, -0.05] };
        const check = checkGradients(shifted, sampleBatch(100 + seed), activation);
        expect(check.entries).toHaveLength(4 * 3 + 4 + 2 * 4 + 2);
        expect(check.maxRelativeError).toBeLessThan(1e-6);
      });
    }
  }

  it('checkGradients catches a wrong gradient: a flipped sign gives relative error 2', () => {
    const params = initMlp({ inputSize: 3, hiddenSize: 4, outputSize: 2 }, 5);
    const check = checkGradients(params, sampleBatch(9), 'tanh');
    for (const e of check.entries) {
      if (Math.abs(e.analytic) > 1e-6) expect(Math.abs(-e.analytic - e.numeric) / Math.max(Math.abs(e.analytic), Math.abs(e.numeric))).toBeCloseTo(2, 5);
    }
  });

  it('checkGradients rejects a non-positive step size', () => {
    expect(() => checkGradients(handParams, [{ x: [1], y: [1] }], 'tanh', 0)).toThrow(RangeError);
  });
});

describe('mlpBatch and sgdStep', () => {
  it('mlpBatch averages per-example losses and gradients', () => {
    const params = initMlp({ inputSize: 3, hiddenSize: 4, outputSize: 2 }, 11);
    const batch = sampleBatch(12, 2);
    const [s0, s1] = batch as [MlpSample, MlpSample];
    const f0 = mlpForward(params, s0, 'tanh');
    const f1 = mlpForward(params, s1, 'tanh');
    const g0 = mlpBackward(params, f0, 'tanh');
    const g1 = mlpBackward(params, f1, 'tanh');
    const result = mlpBatch(params, batch, 'tanh');
    expect(result.loss).toBeCloseTo((f0.loss + f1.loss) / 2, 14);
    expect(result.gradients.dw1[2]![1]!).toBeCloseTo((g0.dw1[2]![1]! + g1.dw1[2]![1]!) / 2, 14);
    expect(result.gradients.db2[0]!).toBeCloseTo((g0.db2[0]! + g1.db2[0]!) / 2, 14);
  });

  it('mlpBatch rejects an empty batch', () => {
    expect(() => mlpBatch(handParams, [], 'relu')).toThrow(RangeError);
  });

  it('sgdStep(params, grads, lr) subtracts lr × gradient from every parameter', () => {
    const g = mlpBackward(handParams, mlpForward(handParams, { x: [3], y: [5] }, 'relu'), 'relu');
    const next = sgdStep(handParams, g, 0.1);
    expect(next.w1[0]![0]!).toBeCloseTo(1 - 2.4, 12);
    expect(next.b1[0]!).toBeCloseTo(-0.8, 12);
    expect(next.w2[0]![0]!).toBeCloseTo(0.8, 12);
    expect(next.b2[0]!).toBeCloseTo(0.6, 12);
    expect(handParams.w2).toEqual([[2]]);
  });

  for (const activation of activations) {
    it(`sgdStep with a small learning rate lowers the batch loss (${activation})`, () => {
      const params = initMlp({ inputSize: 3, hiddenSize: 8, outputSize: 2 }, 21);
      const batch = sampleBatch(22, 8);
      const before = mlpBatch(params, batch, activation);
      const after = mlpBatch(sgdStep(params, before.gradients, 0.05), batch, activation);
      expect(after.loss).toBeLessThan(before.loss);
    });
  }

  it('fifty sgdSteps in a row keep lowering the loss on a fixed batch', () => {
    let params = initMlp({ inputSize: 3, hiddenSize: 8, outputSize: 2 }, 31);
    const batch = sampleBatch(32, 8);
    const losses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const { loss, gradients } = mlpBatch(params, batch, 'tanh');
      losses.push(loss);
      params = sgdStep(params, gradients, 0.1);
    }
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThan(losses[i - 1]!);
  });
});
