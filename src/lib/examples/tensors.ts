/**
 * The Tensors chapter's worked examples: Llama 3.1 8B's embedding table, one layer's weight matrices and a batch of
 * activations, each as a tensor with its shape, element count and bytes. Other chapters reuse the dimensions.
 */
import { contiguousStrides, tensorBytes, tensorSize, type TensorSize } from '../teaching/tensor.ts';
import { requirePreset } from './shared.ts';

/** One named weight matrix of a layer. */
export interface NamedTensor {
  name: string;
  shape: number[];
  size: TensorSize;
}

/** The chapter's model, batch and sequence: the dimensions the Tensors, FLOPS, Why GPUs and Backprop chapters count with. */
export function llamaDims() {
  const preset = requirePreset('llama-3.1-8b');
  return { preset, modelName: preset.name, vocab: preset.vocabSize, hidden: preset.hiddenSize, layers: preset.layers, ffn: preset.intermediateSize, batch: 8, seq: 2048 };
}

/** Everything the Tensors chapter prints, computed on call. */
export function tensorsChapter() {
  const d = llamaDims();
  const preset = d.preset;
  const kvDim = preset.kvHeads * preset.headDim;
  const mat = (name: string, shape: number[]): NamedTensor => ({ name, shape, size: tensorSize(shape, 'bf16') });
  const layerMatrices = [
    mat('Query projection W_q', [preset.heads * preset.headDim, d.hidden]),
    mat('Key projection W_k', [kvDim, d.hidden]),
    mat('Value projection W_v', [kvDim, d.hidden]),
    mat('Output projection W_o', [d.hidden, preset.heads * preset.headDim]),
    mat('Gate projection W_gate', [d.ffn, d.hidden]),
    mat('Up projection W_up', [d.ffn, d.hidden]),
    mat('Down projection W_down', [d.hidden, d.ffn]),
  ];
  const layerElements = layerMatrices.reduce((s, t) => s + t.size.elements, 0);
  const ffnElements = layerMatrices.slice(4).reduce((s, t) => s + t.size.elements, 0);
  const strides234 = contiguousStrides([2, 3, 4]);
  return {
    modelName: d.modelName,
    vocab: d.vocab,
    hidden: d.hidden,
    layers: d.layers,
    ffn: d.ffn,
    embedding: tensorSize([d.vocab, d.hidden], 'bf16'),
    embeddingFp32Bytes: tensorBytes([d.vocab, d.hidden], 'fp32'),
    layerMatrices,
    layerElements,
    layerBytes: layerMatrices.reduce((s, t) => s + t.size.bytes, 0),
    ffnShare: ffnElements / layerElements,
    batch: d.batch,
    seq: d.seq,
    activation: tensorSize([d.batch, d.seq, d.hidden], 'bf16'),
    /** The strides example, shape (2, 3, 4), row-major. */
    strides234,
    /** Offset of element [1, 2, 3] of that tensor: the index dotted with the strides. */
    strides234Offset123: 1 * (strides234[0] ?? 0) + 2 * (strides234[1] ?? 0) + 3 * (strides234[2] ?? 0),
    /** Exercises: the embedding table in BF16, and a batch of 4 sequences of activations. */
    exercises: { embeddingBytes: tensorBytes([d.vocab, d.hidden], 'bf16'), activationBytes: tensorBytes([4, d.seq, d.hidden], 'bf16') },
  };
}
