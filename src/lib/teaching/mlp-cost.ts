/**
 * What training the two-layer perceptron costs: multiply-add FLOPs split as the chain rule splits them, and the
 * square-root checkpointing plan (Chen et al. 2016) that the chapter What backpropagation costs applies to a deep model.
 */
import type { MlpSizes } from './mlp-model.ts';
/** Multiply-add FLOPs of one training example through the two-layer network, split as the chain rule splits them. */
export interface MlpFlops {
  /** W1·x and W2·a1: 2 FLOPs per weight. */
  forward: number;
  /** ∂L/∂W for both layers: 2 FLOPs per weight. */
  weightGradients: number;
  /** ∂L/∂a1 = W2ᵀ·∂L/∂z2 only: nothing needs the gradient of the input x, so layer 1 skips it. */
  inputGradients: number;
}

/**
 * Counts the matrix-multiply FLOPs of forward and backward (biases and activations are O(units), left out as in the 6N rule).
 * @example mlpMatmulFlops({ inputSize: 2, hiddenSize: 3, outputSize: 1 }) //=> { forward: 18, weightGradients: 18, inputGradients: 6 }
 */
export function mlpMatmulFlops({ inputSize, hiddenSize, outputSize }: MlpSizes): MlpFlops {
  // A (rows × cols) matrix times a vector is rows·cols multiplies and as many adds (Kaplan et al. 2020 §2.1 counting).
  const w1 = hiddenSize * inputSize;
  const w2 = outputSize * hiddenSize;
  return { forward: 2 * (w1 + w2), weightGradients: 2 * (w1 + w2), inputGradients: 2 * w2 };
}

/** How many layers' activations are held at the peak with checkpoints every `segment` layers. */
export interface CheckpointPlan {
  /** Layers between checkpoints. */
  segment: number;
  /** Checkpoints kept for the whole backward pass: ⌈layers / segment⌉. */
  checkpoints: number;
  /** Peak layers' worth of activations: the checkpoints plus one segment recomputed at a time. */
  heldLayers: number;
}

/**
 * The segment length that minimises peak activation memory, ⌈L/k⌉ + k, and what it holds.
 * @example sqrtCheckpointing(32) //=> { segment: 4, checkpoints: 8, heldLayers: 12 }
 */
export function sqrtCheckpointing(layers: number): CheckpointPlan {
  if (!Number.isInteger(layers) || layers < 1) throw new RangeError(`sqrtCheckpointing: layers must be a positive integer, got ${layers}`);
  // Chen, Xu, Zhang & Guestrin 2016, "Training Deep Nets with Sublinear Memory Cost" §4.1: cost O(n/k) + O(k), best at k = √n.
  let best: CheckpointPlan = { segment: 1, checkpoints: layers, heldLayers: layers + 1 };
  for (let k = 1; k <= layers; k++) {
    const checkpoints = Math.ceil(layers / k);
    if (checkpoints + k < best.heldLayers) best = { segment: k, checkpoints, heldLayers: checkpoints + k };
  }
  return best;
}
