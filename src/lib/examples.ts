/**
 * Worked examples the chapters compute at build time, derived from model presets so prose cannot drift from the estimator.
 */
import { tensorSize, type TensorSize } from './tensor.ts';

// Llama 3.1 8B dimensions (Meta's config.json); replaced by the models.ts preset once it exists.
const LLAMA_31_8B = { name: 'Llama 3.1 8B', vocab: 128256, hidden: 4096, layers: 32, heads: 32, kvHeads: 8, ffn: 14336 };

/** One named weight matrix of a layer. */
export interface NamedTensor {
  name: string;
  shape: number[];
  size: TensorSize;
}

/** The Tensors chapter's three examples: an embedding table, one layer's weights, a batch of activations. */
export const tensorExamples = (() => {
  const m = LLAMA_31_8B;
  const headDim = m.hidden / m.heads;
  const kvDim = m.kvHeads * headDim;
  const mat = (name: string, shape: number[]): NamedTensor => ({ name, shape, size: tensorSize(shape, 'bf16') });
  const layerMatrices = [
    mat('Query projection W_q', [m.hidden, m.hidden]),
    mat('Key projection W_k', [kvDim, m.hidden]),
    mat('Value projection W_v', [kvDim, m.hidden]),
    mat('Output projection W_o', [m.hidden, m.hidden]),
    mat('Gate projection W_gate', [m.ffn, m.hidden]),
    mat('Up projection W_up', [m.ffn, m.hidden]),
    mat('Down projection W_down', [m.hidden, m.ffn]),
  ];
  const layerElements = layerMatrices.reduce((s, t) => s + t.size.elements, 0);
  const ffnElements = layerMatrices.slice(4).reduce((s, t) => s + t.size.elements, 0);
  const batch = 8;
  const seq = 2048;
  return {
    modelName: m.name,
    vocab: m.vocab,
    hidden: m.hidden,
    layers: m.layers,
    ffn: m.ffn,
    embedding: tensorSize([m.vocab, m.hidden], 'bf16'),
    layerMatrices,
    layerElements,
    layerBytes: layerMatrices.reduce((s, t) => s + t.size.bytes, 0),
    ffnShare: ffnElements / layerElements,
    batch,
    seq,
    activation: tensorSize([batch, seq, m.hidden], 'bf16'),
  };
})();
