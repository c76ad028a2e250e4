import { describe, expect, it } from 'vitest';
import { llamaDims, tensorsChapter } from '../../../src/lib/examples/tensors.ts';

describe('tensorsChapter', () => {
  const ex = tensorsChapter();
  it('uses Llama 3.1 8B as Meta publishes it: vocabulary 128,256, hidden 4,096, 32 layers, FFN 14,336 (config.json)', () => {
    expect([ex.vocab, ex.hidden, ex.layers, ex.ffn]).toEqual([128256, 4096, 32, 14336]);
  });
  it('32 layers + embedding + untied head + norms add up to the 8.03B parameters of the Llama 3.1 model card (within 0.5%)', () => {
    const norms = 2 * ex.hidden * ex.layers + ex.hidden;
    const total = ex.layerElements * ex.layers + 2 * ex.embedding.elements + norms;
    expect(Math.abs(total / 8.03e9 - 1)).toBeLessThan(0.005);
  });
  it('the feed-forward matrices hold most of a layer, and grouped-query K and V are a quarter of Q (8 of 32 heads)', () => {
    expect(ex.ffnShare).toBeGreaterThan(0.5);
    expect(ex.ffnShare).toBeLessThan(1);
    const [q, k, v] = ex.layerMatrices;
    expect(k!.size.elements * 4).toBe(q!.size.elements);
    expect(v!.size.elements).toBe(k!.size.elements);
  });
  it('FP32 doubles the BF16 embedding table, and the 1.05 GB the table takes in BF16 is under 1 GiB', () => {
    expect(ex.embeddingFp32Bytes).toBe(2 * ex.embedding.bytes);
    expect(ex.embedding.bytes).toBeLessThan(2 ** 30);
    expect(ex.embedding.bytes).toBeGreaterThan(1e9);
  });
  it('element [1, 2, 3] of a contiguous (2, 3, 4) tensor is its last element, offset 2 x 3 x 4 - 1', () => {
    expect(ex.strides234).toEqual([12, 4, 1]);
    expect(ex.strides234Offset123).toBe(2 * 3 * 4 - 1);
  });
  it('activations grow with the batch: the exercise batch of 4 is half the chapter batch of 8', () => {
    expect(ex.exercises.activationBytes * (ex.batch / 4)).toBe(ex.activation.bytes);
  });
  it('computes on call: two calls give equal, separate objects', () => {
    const again = tensorsChapter();
    expect(again).toEqual(ex);
    expect(again).not.toBe(ex);
    expect(llamaDims().hidden).toBe(ex.hidden);
  });
});
