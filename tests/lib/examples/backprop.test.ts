import { describe, expect, it } from 'vitest';
import { backpropChapter } from '../../../src/lib/examples/backprop.ts';

describe('backpropChapter', () => {
  const c = backpropChapter();
  it('one step at learning rate 0.1 lowers the loss; at 2 it overshoots and raises it', () => {
    expect(c.lossDrop).toBeGreaterThan(0);
    expect(c.walk.after.loss).toBeLessThan(c.walk.forward.loss);
    expect(c.overshoot.after.loss).toBeGreaterThan(c.overshoot.forward.loss);
  });
  it('backpropagation agrees with finite differences to better than 1e-6 (Goodfellow et al. 2016 §11.5)', () => {
    expect(c.walk.check.maxRelativeError).toBeLessThan(1e-6);
    expect(c.tanhWalk.check.maxRelativeError).toBeLessThan(1e-6);
  });
  it('the units ReLU switches off have zero activation and pass no gradient to their incoming weights', () => {
    for (const u of c.offUnits) {
      expect(c.f.a1[u - 1]).toBe(0);
      for (const w of c.g.dw1[u - 1]!) expect(Math.abs(w)).toBe(0);
    }
  });
  it('the backward pass costs twice the forward pass less the input gradient the first layer never needs', () => {
    // Each layer's backward = weight gradient + input gradient, each as large as its forward multiply; the input x needs none.
    const firstLayerInputGradient = 2 * c.demo.hidden * c.demo.x.length;
    expect(c.fl.weightGradients + c.fl.inputGradients + firstLayerInputGradient).toBe(2 * c.fl.forward);
  });
  it('√n checkpointing of 32 layers holds about 2√32 ≈ 11.3 layers, not 32 (Chen et al. 2016 §4.1)', () => {
    expect(c.llama.layers).toBe(32);
    expect(c.plan.heldLayers).toBeLessThanOrEqual(Math.ceil(2 * Math.sqrt(32)) + 1);
    expect(c.plan.heldLayers).toBeLessThan(c.llama.layers);
  });
  it('softmax of (2, 1, 0): probabilities sum to 1 and the loss is log(e² + e + 1) − 2 ≈ 0.4076', () => {
    expect(c.ceEx.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(c.ceEx.loss).toBeCloseTo(Math.log(Math.exp(2) + Math.exp(1) + 1) - 2, 12);
  });
  it('the logits of one 2,048-token sequence over a 128,256-token vocabulary take at least 2 bytes each', () => {
    expect(c.ceTokens).toBe(2048);
    expect(c.ceS.model.vocabSize).toBe(128256);
    expect(c.cePerLogit).toBeGreaterThanOrEqual(2);
  });
  it('exercises: 6 x 8.03e9 FLOPs per token, and the saved 2,048 x 4,096 BF16 input is 16 MiB', () => {
    expect(c.exercises.sixN).toBeCloseTo(48.18e9, -6);
    expect(c.exercises.savedBytes).toBe(16 * 2 ** 20);
  });
  it('exercises: tanh never blocks the gradient of the unit ReLU switches off, and the overshooting step is w − 2 × δw', () => {
    // tanh′(z) = 1 − tanh²(z) > 0 for every finite z, where ReLU′ is 0 on the switched-off unit.
    for (const u of c.offUnits) expect(c.tanhWalk.slope[u - 1]!).toBeGreaterThan(0);
    // Same seed and example, so the same gradient; only the learning rate (2) differs from the worked step.
    expect(c.overshoot.updated.w2[0]![0]!).toBeCloseTo(c.p.w2[0]![0]! - 2 * c.g.dw2[0]![0]!, 12);
  });
  it('exercises: the up projection of Llama 3.1 8B maps 4,096 features to 14,336 (Meta model card, config.json)', () => {
    expect([c.llama.tokens, c.llama.hidden, c.llama.ffn]).toEqual([2048, 4096, 14336]);
  });
});
