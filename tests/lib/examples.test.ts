import { describe, expect, it } from 'vitest';
import { requirePreset, tensorExamples } from '../../src/lib/examples.ts';
import { countParams } from '../../src/lib/models.ts';

describe('tensorExamples', () => {
  it('one layer of Llama 3.1 8B times its layer count plus embeddings and head is the model’s parameter count (within 1%)', () => {
    const model = requirePreset('llama-3.1-8b');
    const norms = 2 * model.hiddenSize * model.layers + model.hiddenSize;
    const total = tensorExamples.layerElements * tensorExamples.layers + 2 * tensorExamples.embedding.elements + norms;
    expect(Math.abs(total - countParams(model).totalParams) / countParams(model).totalParams).toBeLessThan(0.01);
  });
  it('the layer weights in BF16 take two bytes per element', () => {
    expect(tensorExamples.layerBytes).toBe(2 * tensorExamples.layerElements);
  });
  it('requirePreset throws on an unknown model instead of returning nothing', () => {
    expect(() => requirePreset('no-such-model')).toThrow(/missing/);
  });
});
