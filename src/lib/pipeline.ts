/**
 * Pipeline schedules: the idle "bubble" each leaves and how many micro-batches' activations a stage holds at its peak.
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

/**
 * Micro-batches whose activations the first stage holds at its peak, in units of one micro-batch through that stage's
 * layers: GPipe keeps all m; 1F1B keeps min(p, m) (Narayanan et al. 2021 §2.2.1); interleaved keeps
 * p·(1 + (p - 1)/(p·v)) of its L/p layers (Korthikanti et al. 2022, §4.2.3), capped at m.
 * @example inFlightMicroBatches('1f1b', 8, 32, 1) //=> 8
 */
export function inFlightMicroBatches(schedule: PipelineSchedule, stages: number, microBatches: number, chunks: number): number {
  const m = Math.max(1, microBatches);
  if (stages <= 1) return 1;
  if (schedule === 'gpipe') return m;
  if (schedule === '1f1b') return Math.min(stages, m);
  const v = Math.max(1, chunks);
  return Math.min(m, stages * (1 + (stages - 1) / (stages * v)));
}

/** Per-stage memory terms of a pipeline, in bytes per card. */
export interface StageMemory {
  /** Bytes on the first stage (embedding + in-flight activations). */
  firstBytes: number;
  /** Bytes on the last stage (output head + logits + one micro-batch in flight). */
  lastBytes: number;
  /** Which stage holds more. */
  peakStage: 'first' | 'last';
}

/** What one stage's memory is made of. */
export interface StageInputs {
  /** Model state (weights, gradients, optimizer) of the transformer blocks on one stage, per card. */
  blockStateBytes: number;
  /** Model state of the input embedding, per card (first stage only). */
  embeddingStateBytes: number;
  /** Model state of the output head, per card (last stage only; 0 when tied and held by the first stage). */
  headStateBytes: number;
  /** Saved activations of one micro-batch through one stage's blocks, per card. */
  activationBytesPerMicroBatch: number;
  /** Logits and loss buffers of one micro-batch, per card (last stage only). */
  logitsBytes: number;
  /** Backward working set of one block, per card. */
  workingBytes: number;
}

/**
 * Memory of the first and last stage: the first holds the embedding and the activations of the micro-batches in flight;
 * the last holds the output head and the logits of its micro-batch, which with a 250k vocabulary can outweigh the rest.
 * @example stageMemory(inputs, '1f1b', 12, 16, 1).peakStage //=> "first"
 */
export function stageMemory(x: StageInputs, schedule: PipelineSchedule, stages: number, microBatches: number, chunks: number): StageMemory {
  const inFlight = inFlightMicroBatches(schedule, stages, microBatches, chunks);
  const firstBytes = x.blockStateBytes + x.embeddingStateBytes + inFlight * x.activationBytesPerMicroBatch + x.workingBytes;
  const lastBytes = x.blockStateBytes + x.headStateBytes + x.activationBytesPerMicroBatch + x.logitsBytes + x.workingBytes;
  return { firstBytes, lastBytes, peakStage: firstBytes >= lastBytes ? 'first' : 'last' };
}
