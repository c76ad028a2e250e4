/**
 * What several chapters' worked examples share: the look-ups that fail the build instead of printing a blank,
 * the card shape the estimator reads, and the 6N rule every training-compute example starts from.
 */
import type { EstimateGpu } from '../estimator/estimate.ts';
import { findModel } from '../scenario/models.ts';
import type { ModelArch } from '../types.ts';

/** A preset that the chapters rely on; a missing one is a build error, not a blank on the page. */
export function requirePreset(id: string): ModelArch {
  const model = findModel(id);
  if (!model) throw new Error(`model preset "${id}" is missing`);
  return model;
}

/** Finds a card the chapters name, failing the build if the data lost it. */
export function requireCard<T extends { id: string }>(cards: readonly T[], id: string): T {
  const card = cards.find((c) => c.id === id);
  if (!card) throw new Error(`GPU "${id}" is missing from the spec data`);
  return card;
}

/** A card with the columns the estimator reads (a validated GpuRecord satisfies it). */
export type ExampleCard = EstimateGpu;

/**
 * Training FLOPs per token of a dense model with N matmul parameters, attention ignored: 2N forward + 4N backward.
 * Source: Kaplan et al. 2020, "Scaling Laws for Neural Language Models", §2.1 (C ~ 6N per token).
 */
export function flopsPerTokenTraining(params: number): number {
  return 6 * params;
}

/** GPT-3's training run as published, to check C = 6ND against. */
export const GPT3_TRAINING = {
  /** Training tokens (Brown et al. 2020, Table 2.2 and §2.2: 300 billion tokens). */
  tokens: 300e9,
  /** Total training compute the authors report for GPT-3 175B (Brown et al. 2020, Table D.1: 3.14e23 FLOPs). */
  reportedFlops: 3.14e23,
  source: 'Brown et al. 2020, "Language Models are Few-Shot Learners", §2.2 and Table D.1',
} as const;

/** Chinchilla's compute-optimal run (Hoffmann et al. 2022, abstract and §4.1: 70B parameters on 1.4T tokens). */
export const CHINCHILLA = {
  params: 70e9,
  tokens: 1.4e12,
  /** The compute budget Chinchilla was sized for, Gopher's (Hoffmann et al. 2022, §3 and Table 3: 5.76e23 FLOPs). */
  budgetFlops: 5.76e23,
  source: 'Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", §3, Table 3 and §4.1',
} as const;
