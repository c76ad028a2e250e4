/**
 * Pipeline schedules and the idle "bubble" each leaves (what each stage holds is in stage-memory.ts).
 * GPipe runs all forwards then all backwards (Huang et al. 2019); 1F1B alternates after a warm-up of p micro-batches
 * (PipeDream-Flush, Narayanan et al. 2021 §2.2.1); interleaved 1F1B gives each card v chunks of layers (§2.2.2).
 */

/** Pipeline schedules. */
export const PIPELINE_SCHEDULES = ['1f1b', 'interleaved', 'gpipe'] as const;
/** A pipeline schedule. */
export type PipelineSchedule = (typeof PIPELINE_SCHEDULES)[number];
/** Labels of the schedules. */
export const PIPELINE_SCHEDULE_LABELS: Readonly<Record<PipelineSchedule, string>> = {
  '1f1b': '1F1B',
  interleaved: 'Interleaved 1F1B',
  gpipe: 'GPipe',
};

/**
 * Bubble as a fraction of the ideal step: (p - 1) / m for GPipe and 1F1B, (p - 1) / (v·m) for interleaved 1F1B with v
 * chunks per card (Narayanan et al. 2021, §2.2.1-2.2.2), for p stages and m micro-batches per step.
 * @example bubbleFraction('1f1b', 4, 8, 1) //=> 0.375
 */
export function bubbleFraction(schedule: PipelineSchedule, stages: number, microBatches: number, chunks: number): number {
  if (stages <= 1) return 0;
  const m = Math.max(1, microBatches);
  const v = schedule === 'interleaved' ? Math.max(1, chunks) : 1;
  return (stages - 1) / (v * m);
}
