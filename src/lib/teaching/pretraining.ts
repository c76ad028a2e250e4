/**
 * The pre-training chapter's arithmetic: what each self-supervised objective costs (which tokens the loss covers, how big the
 * contrastive similarity matrix gets, how long T5's corrupted inputs and targets are), the learning-rate schedule of the loop,
 * and the size of a training checkpoint. Pure functions; every formula names its paper and section.
 */
import { modelState } from '../estimator/memory.ts';
import type { Scenario } from '../types.ts';

/** How BERT's masked language model treats a sequence. */
export interface MlmMasking {
  /** Tokens chosen for prediction (15% of the sequence). */
  predictedTokens: number;
  /** Of those, replaced by [MASK] (80%). */
  maskTokens: number;
  /** Replaced by a random token (10%). */
  randomTokens: number;
  /** Left unchanged (10%). */
  unchangedTokens: number;
  /** Fraction of positions the loss covers. */
  lossFraction: number;
}

/**
 * BERT's masking of a sequence: 15% of positions are predicted; of those 80% become [MASK], 10% a random token, 10% stay
 * (Devlin et al. 2019, BERT, §3.1 "Task #1: Masked LM"). Expected counts, not rounded.
 * @example mlmMasking(512).predictedTokens //=> 76.8
 */
export function mlmMasking(seqTokens: number, rate = 0.15): MlmMasking {
  const predicted = seqTokens * rate;
  return { predictedTokens: predicted, maskTokens: 0.8 * predicted, randomTokens: 0.1 * predicted, unchangedTokens: 0.1 * predicted, lossFraction: rate };
}

/** Lengths of a T5 span-corruption example. */
export interface SpanCorruption {
  /** Tokens dropped from the input (the noise). */
  noiseTokens: number;
  /** Spans they form. */
  spans: number;
  /** Encoder input: kept tokens, one sentinel per span, end of sequence. */
  inputTokens: number;
  /** Decoder target: one sentinel per span, the dropped tokens, end of sequence. */
  targetTokens: number;
}

/**
 * T5's span corruption: drop 15% of tokens in spans of mean length 3, each span replaced by one sentinel; the target lists
 * the sentinels and dropped tokens (Raffel et al. 2020, T5, §3.3.4 and Table 4's "Replace corrupted spans"). Expected lengths.
 * @example spanCorruption(512).targetTokens //=> 103.4
 */
export function spanCorruption(seqTokens: number, noiseRate = 0.15, meanSpanTokens = 3): SpanCorruption {
  const noise = seqTokens * noiseRate;
  const spans = noise / meanSpanTokens;
  return { noiseTokens: noise, spans, inputTokens: seqTokens - noise + spans + 1, targetTokens: noise + spans + 1 };
}

/**
 * Bytes of the in-batch similarity matrix of a contrastive loss (InfoNCE, van den Oord et al. 2018, §2.3; CLIP, Radford et
 * al. 2021, §2.5 and Figure 3's pseudocode): one score per pair in a batch of N, N² values, each of `bytesPerValue` bytes.
 * @example contrastiveLogitsBytes(32768, 4) //=> 4294967296
 */
export function contrastiveLogitsBytes(batch: number, bytesPerValue = 4): number {
  return batch * batch * bytesPerValue;
}

/** A learning-rate schedule: linear warm-up to a peak, then cosine decay to a floor. */
export interface WarmupCosine {
  /** Peak learning rate. */
  peak: number;
  /** Steps of linear warm-up. */
  warmupSteps: number;
  /** Total steps of the run. */
  totalSteps: number;
  /** Final rate as a fraction of the peak (Llama 3: 0.01; Chinchilla: 0.1). */
  minRatio: number;
}

/**
 * Learning rate at a step: linear warm-up (Goyal et al. 2017, Accurate, Large Minibatch SGD, §2.2), then cosine annealing
 * from the peak to peak·minRatio (Loshchilov & Hutter 2017, SGDR, eq. 5, one cycle without restart).
 * @example warmupCosineRate(1000, { peak: 3e-4, warmupSteps: 1000, totalSteps: 10000, minRatio: 0.1 }) //=> 3e-4
 */
export function warmupCosineRate(step: number, s: WarmupCosine): number {
  if (step < s.warmupSteps) return (s.peak * (step + 1)) / s.warmupSteps;
  const progress = Math.min(1, (step - s.warmupSteps) / Math.max(1, s.totalSteps - s.warmupSteps));
  const floor = s.peak * s.minRatio;
  return floor + 0.5 * (s.peak - floor) * (1 + Math.cos(Math.PI * progress));
}

/** What a resumable training checkpoint stores. */
export interface CheckpointSize {
  /** Model weights in their training dtype. */
  weightsBytes: number;
  /** Optimizer states with the fp32 master copy. */
  optimizerBytes: number;
  /** Sum of the two (gradients are not saved: the next step recomputes them). */
  totalBytes: number;
  /** Bytes per trainable parameter (weights + states). */
  bytesPerParam: number;
}

/**
 * Size of a checkpoint that resumes training exactly: weights plus optimizer states (master copy and moments), without
 * gradients; for AdamW in BF16 mixed precision 2 + 12 = 14 bytes per parameter (ZeRO §3.1 accounting, less the 2-byte gradient).
 * @example trainingCheckpointBytes(llama2_7b_fullFinetune).bytesPerParam //=> 14
 */
export function trainingCheckpointBytes(s: Scenario): CheckpointSize {
  const st = modelState(s);
  const total = st.weightsBytes + st.optimizerBytes;
  return { weightsBytes: st.weightsBytes, optimizerBytes: st.optimizerBytes, totalBytes: total, bytesPerParam: st.trainableParams > 0 ? total / st.trainableParams : 0 };
}
