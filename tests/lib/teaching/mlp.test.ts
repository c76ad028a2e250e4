import { describe, expect, it } from 'vitest';
import { backpropWalk, DIVERGED_MAGNITUDE } from '../../../src/lib/teaching/mlp.ts';
import { BACKPROP_LIMITS, parseScalarInput, parseVectorInput } from '../../../src/lib/teaching/mlp-input.ts';
import { checkGradients } from '../../../src/lib/teaching/mlp-check.ts';
import { mlpMatmulFlops, sqrtCheckpointing } from '../../../src/lib/teaching/mlp-cost.ts';
import { initMlp, mlpBackward, mlpBatch, mlpForward, mulberry32, sgdStep, type Activation, type MlpParams, type MlpSample } from '../../../src/lib/teaching/mlp-model.ts';

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

describe('parseVectorInput and parseScalarInput', () => {
  it('parseVectorInput reads comma- or space-separated decimals, including a typographic minus', () => {
    expect(parseVectorInput('0.5, -1.2', 4, 100)).toEqual({ ok: true, values: [0.5, -1.2] });
    expect(parseVectorInput(' 1  2e-1x ', 4, 100)).toEqual({ ok: false, error: { kind: 'not-a-number', token: '2e-1x' } });
    expect(parseVectorInput('1 \u22123', 4, 100)).toEqual({ ok: true, values: [1, -3] });
  });

  it('parseVectorInput rejects empty text, garbage, too many values and values out of range', () => {
    expect(parseVectorInput(' , ', 4, 100)).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(parseVectorInput('1, NaN', 4, 100)).toEqual({ ok: false, error: { kind: 'not-a-number', token: 'NaN' } });
    expect(parseVectorInput('Infinity', 4, 100)).toMatchObject({ ok: false, error: { kind: 'not-a-number' } });
    expect(parseVectorInput('1,2,3,4,5', 4, 100)).toEqual({ ok: false, error: { kind: 'too-many', count: 5, max: 4 } });
    expect(parseVectorInput('1e400', 4, 100)).toEqual({ ok: false, error: { kind: 'out-of-range', token: '1e400', max: 100 } });
    expect(parseVectorInput('-100.5', 4, 100)).toMatchObject({ ok: false, error: { kind: 'out-of-range' } });
    expect(parseVectorInput('-0', 4, 100)).toEqual({ ok: true, values: [0] });
  });

  it('parseScalarInput checks emptiness, syntax, wholeness and range', () => {
    const lr = { min: 0, max: 10, exclusiveMin: true };
    expect(parseScalarInput('0.1', lr)).toEqual({ ok: true, value: 0.1 });
    expect(parseScalarInput('', lr)).toEqual({ ok: false, error: 'empty' });
    expect(parseScalarInput('fast', lr)).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseScalarInput('0', lr)).toEqual({ ok: false, error: 'out-of-range' });
    expect(parseScalarInput('-1', lr)).toEqual({ ok: false, error: 'out-of-range' });
    expect(parseScalarInput('11', lr)).toEqual({ ok: false, error: 'out-of-range' });
    expect(parseScalarInput('1e999', lr)).toEqual({ ok: false, error: 'out-of-range' });
    const seed = { min: 0, max: BACKPROP_LIMITS.maxSeed, integer: true };
    expect(parseScalarInput('42', seed)).toEqual({ ok: true, value: 42 });
    expect(parseScalarInput('4.5', seed)).toEqual({ ok: false, error: 'not-integer' });
    expect(parseScalarInput('4294967296', seed)).toEqual({ ok: false, error: 'out-of-range' });
  });
});

describe('backpropWalk', () => {
  const base = { sample: { x: [0.5, -1.2], y: [0.8] }, activation: 'relu' as Activation, hiddenSize: 3, seed: 1, learningRate: 0.1, steps: 0 };

  it('backpropWalk(steps 0) is mlpForward, mlpBackward and sgdStep on the seeded start', () => {
    const walk = backpropWalk(base);
    if (!walk.ok) throw new Error('diverged');
    const params = initMlp({ inputSize: 2, hiddenSize: 3, outputSize: 1 }, 1);
    const forward = mlpForward(params, base.sample, 'relu');
    const grads = mlpBackward(params, forward, 'relu');
    expect(walk.params).toEqual(params);
    expect(walk.forward).toEqual(forward);
    expect(walk.gradients).toEqual(grads);
    expect(walk.updated).toEqual(sgdStep(params, grads, 0.1));
    expect(walk.after.loss).toBeCloseTo(mlpForward(walk.updated, base.sample, 'relu').loss, 15);
    expect(walk.slope).toEqual(forward.z1.map((z) => (z > 0 ? 1 : 0)));
    expect(walk.check.maxRelativeError).toBeLessThan(1e-6);
    expect(walk.after.loss).toBeLessThan(walk.forward.loss);
    expect(walk.residual).toEqual([forward.z2[0]! - 0.8]);
    expect(walk.relativeLossChange).toBeCloseTo((walk.after.loss - forward.loss) / forward.loss, 15);
  });

  it('backpropWalk(steps n) starts from the parameters after n updates', () => {
    const one = backpropWalk(base);
    const next = backpropWalk({ ...base, steps: 1 });
    if (!one.ok || !next.ok) throw new Error('diverged');
    expect(next.step).toBe(1);
    expect(next.params).toEqual(one.updated);
    expect(next.forward.loss).toBeCloseTo(one.after.loss, 15);
  });

  it('backpropWalk gives tanh slopes 1 − a² and flags ReLU units at the kink', () => {
    const tanh = backpropWalk({ ...base, activation: 'tanh' });
    if (!tanh.ok) throw new Error('diverged');
    tanh.slope.forEach((s, h) => expect(s).toBeCloseTo(1 - tanh.forward.a1[h]! ** 2, 15));
    expect(tanh.kinkUnits).toEqual([]);
    const zero = backpropWalk({ ...base, sample: { x: [0, 0], y: [0.8] } });
    if (!zero.ok) throw new Error('diverged');
    expect(zero.kinkUnits).toEqual([0, 1, 2]);
  });

  it('backpropWalk reports divergence instead of returning huge or non-finite numbers', () => {
    const wild = backpropWalk({ ...base, sample: { x: [100, -100], y: [100] }, learningRate: 10, steps: 50 });
    expect(wild.ok).toBe(false);
    if (!wild.ok) expect(wild.divergedAtStep).toBeGreaterThanOrEqual(1);
    // The largest inputs with a modest rate stay below the threshold, so every number shown is readable.
    const big = backpropWalk({ ...base, sample: { x: [100, -100, 100, -100], y: [100, -100, 100] }, learningRate: 1e-6 });
    if (!big.ok) throw new Error('diverged');
    expect(Math.max(...[big.forward.loss, big.after.loss, ...big.gradients.dw1.flat()].map(Math.abs))).toBeLessThanOrEqual(DIVERGED_MAGNITUDE);
    expect(() => backpropWalk({ ...base, steps: -1 })).toThrow(RangeError);
    expect(() => backpropWalk({ ...base, learningRate: 0 })).toThrow(RangeError);
  });
});

describe('mlpMatmulFlops and sqrtCheckpointing', () => {
  it('mlpMatmulFlops: weight gradients cost as much as the forward pass; input gradients skip the first layer', () => {
    expect(mlpMatmulFlops({ inputSize: 2, hiddenSize: 3, outputSize: 1 })).toEqual({ forward: 18, weightGradients: 18, inputGradients: 6 });
    const big = mlpMatmulFlops({ inputSize: 1000, hiddenSize: 1000, outputSize: 1000 });
    expect(big.weightGradients + big.inputGradients).toBe(1.5 * big.forward);
  });

  it('sqrtCheckpointing(L) minimises ⌈L/k⌉ + k, close to 2√L', () => {
    expect(sqrtCheckpointing(32)).toEqual({ segment: 4, checkpoints: 8, heldLayers: 12 });
    expect(sqrtCheckpointing(1)).toEqual({ segment: 1, checkpoints: 1, heldLayers: 2 });
    for (const layers of [4, 16, 80, 100]) {
      const plan = sqrtCheckpointing(layers);
      expect(plan.heldLayers).toBeLessThanOrEqual(Math.ceil(2 * Math.sqrt(layers)) + 1);
      expect(plan.checkpoints).toBe(Math.ceil(layers / plan.segment));
    }
    expect(() => sqrtCheckpointing(0)).toThrow(RangeError);
  });
});
