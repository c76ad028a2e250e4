/**
 * Layer freezing: training only the top k transformer blocks (plus the final norm and an untied output head) of a full
 * fine-tune, as in ULMFiT's gradual unfreezing (Howard & Ruder 2018, §3.2). Frozen blocks need no gradients or optimizer
 * states, and the blocks below the lowest trainable one need no backward pass and save no activations.
 */
import { countParams } from '../scenario/models.ts';
import type { ModelArch } from '../types.ts';

/** What training only the top k blocks changes, as counts the memory and FLOP models read. */
export interface TopLayerShare {
  /** Blocks that train (k, capped at the model's depth). */
  trainedLayers: number;
  /** Fraction of the blocks that train, k / L. */
  layerFraction: number;
  /** Trainable parameters: k blocks, the final norm and an untied output head (the embedding table stays frozen). */
  trainableParams: number;
  /** Of the matmul parameters a token uses, those whose weights get gradients: k blocks' active linears and the output head. */
  trainedMatmulParamsPerToken: number;
}

/**
 * The share of the model that trains when only its top k blocks do; blocks are taken as equal in size (an MoE model's
 * dense leading layers are averaged in).
 * @example topLayerShare(llama31_8b, 8).trainedLayers //=> 8
 */
export function topLayerShare(m: ModelArch, topLayers: number): TopLayerShare {
  const c = countParams(m);
  const k = Math.max(0, Math.min(m.layers, Math.floor(topLayers)));
  const layerFraction = k / m.layers;
  const headParams = m.tiedEmbeddings ? 0 : m.vocabSize * m.hiddenSize;
  // What is neither a block, the embedding table nor the head: the final norm (and BERT's pooler).
  const blockParams = c.largestLayerParams * m.layers;
  const outerParams = Math.max(0, c.totalParams - blockParams - c.embeddingParams - headParams);
  // The output projection always runs forward; its weight gradient is computed only when the head trains (untied).
  const headMatmul = m.tiedEmbeddings ? 0 : m.vocabSize * m.hiddenSize;
  return {
    trainedLayers: k,
    layerFraction,
    trainableParams: blockParams * layerFraction + outerParams + headParams,
    trainedMatmulParamsPerToken: c.activeLinearParams * layerFraction + headMatmul,
  };
}
