/**
 * Selective activation recomputation: recompute only the attention core (Korthikanti et al. 2022, §5, "selective
 * activation recomputation"), or checkpoint every k-th block (torchtitan's "selective layer" checkpointing, ac_freq = k).
 * Full recomputation is the scenario's gradientCheckpointing flag.
 */

/** Selective checkpointing modes. */
export const SELECTIVE_CHECKPOINTING = ['off', 'attention', 'layers'] as const;
/** A selective checkpointing mode. */
export type SelectiveCheckpointing = (typeof SELECTIVE_CHECKPOINTING)[number];
/** Labels of the modes. */
export const SELECTIVE_CHECKPOINTING_LABELS: Readonly<Record<SelectiveCheckpointing, string>> = {
  off: 'Off',
  attention: 'Attention only',
  layers: 'Every k-th block',
};

/** What a recomputation policy costs and saves, as fractions of the model's forward pass and its saved activations. */
export interface RecomputePolicy {
  /** Share of the blocks whose activations are dropped and recomputed in backward. */
  recomputedBlockShare: number;
  /** Whether only the attention core (softmax, scores, dropout) is recomputed. */
  attentionOnly: boolean;
}

/**
 * The policy a scenario's flags describe: full recomputation wins; "layers" checkpoints 1 of every k blocks.
 * @example recomputePolicy({ gradientCheckpointing: false, selectiveCheckpointing: 'layers', checkpointEveryLayers: 2 }).recomputedBlockShare //=> 0.5
 */
export function recomputePolicy(s: { gradientCheckpointing: boolean; selectiveCheckpointing: SelectiveCheckpointing; checkpointEveryLayers: number }): RecomputePolicy {
  if (s.gradientCheckpointing) return { recomputedBlockShare: 1, attentionOnly: false };
  if (s.selectiveCheckpointing === 'layers') return { recomputedBlockShare: 1 / Math.max(1, s.checkpointEveryLayers), attentionOnly: false };
  if (s.selectiveCheckpointing === 'attention') return { recomputedBlockShare: 0, attentionOnly: true };
  return { recomputedBlockShare: 0, attentionOnly: false };
}
