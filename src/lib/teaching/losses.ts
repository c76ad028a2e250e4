/**
 * The language-model loss: softmax over the vocabulary, cross-entropy against the next token, and its gradient with respect to
 * the logits, p − y (Goodfellow, Bengio & Courville 2016, Deep Learning, §6.2.2.3).
 */

/** Softmax probabilities, loss and logit gradient for one token. */
export interface SoftmaxCrossEntropy {
  /** softmax(z): exp(z_i) / Σ exp(z_j). */
  probs: number[];
  /** −log p_target, in nats. */
  loss: number;
  /** ∂L/∂z_i = p_i − [i = target]. */
  grad: number[];
}

/**
 * Softmax cross-entropy of one token's logits against the index of the true next token, computed stably by subtracting the
 * largest logit first (the result is unchanged because softmax is shift-invariant).
 * @example softmaxCrossEntropy([2, 1, 0], 0).grad //=> [-0.3348..., 0.2447..., 0.0900...]
 */
export function softmaxCrossEntropy(logits: readonly number[], target: number): SoftmaxCrossEntropy {
  if (logits.length === 0 || !logits.every(Number.isFinite)) throw new RangeError('logits must be a non-empty list of finite numbers');
  if (!Number.isInteger(target) || target < 0 || target >= logits.length) throw new RangeError(`target must be an index from 0 to ${logits.length - 1}`);
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  const probs = exps.map((e) => e / sum);
  // −log p_t = log Σ exp(z_j − max) − (z_t − max): no underflow even when p_t rounds to 0.
  return { probs, loss: Math.log(sum) - (logits[target]! - max), grad: probs.map((p, i) => p - (i === target ? 1 : 0)) };
}
