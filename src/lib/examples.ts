/**
 * Worked examples the chapters compute at build time, derived from model presets so prose cannot drift from the estimator.
 */
import { findModel } from './models.ts';
import type { ModelArch } from './types.ts';
import { tensorSize, type TensorSize } from './tensor.ts';

/** A preset that the chapters rely on; a missing one is a build error, not a blank on the page. */
export function requirePreset(id: string): ModelArch {
  const model = findModel(id);
  if (!model) throw new Error(`model preset "${id}" is missing`);
  return model;
}

/** One named weight matrix of a layer. */
export interface NamedTensor {
  name: string;
  shape: number[];
  size: TensorSize;
}

/** The Tensors chapter's three examples: an embedding table, one layer's weights, a batch of activations. */
export const tensorExamples = (() => {
  const preset = requirePreset('llama-3.1-8b');
  const m = { name: preset.name, vocab: preset.vocabSize, hidden: preset.hiddenSize, layers: preset.layers, ffn: preset.intermediateSize };
  const kvDim = preset.kvHeads * preset.headDim;
  const mat = (name: string, shape: number[]): NamedTensor => ({ name, shape, size: tensorSize(shape, 'bf16') });
  const layerMatrices = [
    mat('Query projection W_q', [preset.heads * preset.headDim, m.hidden]),
    mat('Key projection W_k', [kvDim, m.hidden]),
    mat('Value projection W_v', [kvDim, m.hidden]),
    mat('Output projection W_o', [m.hidden, preset.heads * preset.headDim]),
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
