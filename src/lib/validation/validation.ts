/**
 * Holding the estimator to published measurements: which result field each measured metric corresponds to,
 * the relative error, and the per-category medians the methodology page reports.
 */
import { z } from 'zod';
import { estimate } from '../estimator/estimate.ts';
import { parseScenario } from '../scenario/scenario.ts';
import { findGpu } from '../scenario/scenario-refs.ts';
import type { Estimate } from '../types.ts';
import { measurementSchema, type GpuRecord, type Measurement } from '../hardware/schema.ts';
import { GIB } from '../units.ts';

/** One measurement next to the estimator's prediction for the same run. */
export interface ValidationRow {
  /** The measurement. */
  measurement: Measurement;
  /** The estimator's value in the measurement's unit. */
  predicted: number;
  /** (predicted - measured) / measured. */
  relativeError: number;
  /** Whether |relativeError| is within the case's tolerance. */
  withinTolerance: boolean;
}

/**
 * The estimate's value for a measured metric, in the metric's unit (GiB or tokens per second).
 * `peakReservedGiB` sits between allocated tensors and nvidia-smi's figure: it excludes the CUDA context.
 * @example predictedMetric(estimate, 'peakAllocatedGiB') //=> estimate.memory.allocatedBytes / 2 ** 30
 */
function predictedMetric(est: Estimate, metric: Measurement['measured']['metric']): number {
  switch (metric) {
    case 'peakAllocatedGiB':
      return est.memory.allocatedBytes / GIB;
    case 'peakReservedGiB':
      return (est.memory.allocatedBytes + Math.max(0, est.memory.totalBytes - est.memory.allocatedBytes) / 2) / GIB;
    case 'nvidiaSmiGiB':
      return est.memory.totalBytes / GIB;
    case 'decodeTokensPerSecond':
      return est.throughput.decodeTokensPerSecond;
    case 'prefillTokensPerSecond':
      return est.throughput.prefillTokensPerSecond;
    case 'trainTokensPerSecond':
      return est.throughput.trainTokensPerSecond;
  }
}

/**
 * Compares one measurement with its estimate.
 * @example compareMeasurement(m, est).withinTolerance //=> true when |error| <= m.tolerance
 */
function compareMeasurement(measurement: Measurement, est: Estimate): ValidationRow {
  const predicted = predictedMetric(est, measurement.measured.metric);
  const relativeError = (predicted - measurement.measured.value) / measurement.measured.value;
  return { measurement, predicted, relativeError, withinTolerance: Math.abs(relativeError) <= measurement.tolerance };
}

/**
 * Median of the absolute relative errors; 0 for no rows.
 * @example medianAbsoluteError([{ relativeError: -0.1 }, { relativeError: 0.3 }, { relativeError: 0.05 }]) //=> 0.1
 */
export function medianAbsoluteError(rows: readonly Pick<ValidationRow, 'relativeError'>[]): number {
  if (rows.length === 0) return 0;
  const sorted = rows.map((r) => Math.abs(r.relativeError)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Worst absolute relative error; 0 for no rows. */
export function worstAbsoluteError(rows: readonly Pick<ValidationRow, 'relativeError'>[]): number {
  return rows.reduce((worst, r) => Math.max(worst, Math.abs(r.relativeError)), 0);
}

/**
 * Absolute relative error at a percentile by nearest rank (the smallest error at or above which p of the cases lie); 0 for no rows.
 * @example percentileAbsoluteError([{ relativeError: 0.1 }, { relativeError: -0.3 }, { relativeError: 0.2 }], 0.9) //=> 0.3
 */
export function percentileAbsoluteError(rows: readonly Pick<ValidationRow, 'relativeError'>[], p: number): number {
  if (rows.length === 0) return 0;
  const sorted = rows.map((r) => Math.abs(r.relativeError)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

/**
 * Signed bias: the median of predicted / measured (1 is unbiased, 0.9 means predictions run 10% low); 1 for no rows.
 * @example biasRatio([{ relativeError: -0.2 }, { relativeError: 0.1 }, { relativeError: -0.05 }]) //=> 0.95
 */
export function biasRatio(rows: readonly Pick<ValidationRow, 'relativeError'>[]): number {
  if (rows.length === 0) return 1;
  const sorted = rows.map((r) => 1 + r.relativeError).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 1) : ((sorted[mid - 1] ?? 1) + (sorted[mid] ?? 1)) / 2;
}

/** The four groups the error gates and the methodology page report, each the measurement categories it pools. */
export const ERROR_GROUPS = [
  { id: 'memory', label: 'Memory', categories: ['train-memory', 'inference-memory'] },
  { id: 'decode', label: 'Decode speed', categories: ['decode-speed'] },
  { id: 'prefill', label: 'Prefill speed', categories: ['prefill-speed'] },
  { id: 'training', label: 'Training throughput', categories: ['train-throughput'] },
] as const satisfies readonly { id: string; label: string; categories: readonly Measurement['category'][] }[];

/** One group's error figures. */
export interface ErrorSummary {
  /** Cases in the group. */
  cases: number;
  /** Median absolute relative error. */
  medianAbs: number;
  /** 90th-percentile absolute relative error (nearest rank). */
  p90Abs: number;
  /** Median predicted / measured. */
  bias: number;
  /** Cases flagged as known misses. */
  knownMisses: number;
}

/**
 * Median, 90th percentile and bias of a set of rows.
 * @example summarise(rows).medianAbs //=> medianAbsoluteError(rows)
 */
export function summarise(rows: readonly ValidationRow[]): ErrorSummary {
  return { cases: rows.length, medianAbs: medianAbsoluteError(rows), p90Abs: percentileAbsoluteError(rows, 0.9), bias: biasRatio(rows), knownMisses: rows.filter((r) => r.measurement.knownMiss !== undefined).length };
}

/** Validates the held-out list (`src/data/validation/holdout.json`): the ids of the quarter kept out of all tuning. */
export function parseHoldout(raw: unknown): string[] {
  const parsed = z.object({ seed: z.number().int(), method: z.string(), ids: z.array(z.string()).min(1) }).safeParse(raw);
  if (!parsed.success) throw new Error(`holdout.json: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data.ids;
}

/** Validates the measurement fixture; throws naming the first bad entry. */
export function parseMeasurements(raw: unknown): Measurement[] {
  const parsed = z.array(measurementSchema).safeParse(raw);
  if (!parsed.success) throw new Error(`measurements.json: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Runs one measurement's scenario on its card from the data; throws with the case id when the scenario or card is invalid. */
export function validateMeasurement(m: Measurement, cards: readonly GpuRecord[]): ValidationRow {
  const parsed = parseScenario(m.scenario);
  if (!parsed.ok) throw new Error(`${m.id}: ${parsed.error}`);
  if (parsed.gpu.kind !== 'id') throw new Error(`${m.id}: a measurement must name a card from the data`);
  const card = findGpu(parsed.gpu.id, cards);
  if (!card) throw new Error(`${m.id}: unknown card "${parsed.gpu.id}"`);
  return compareMeasurement(m, estimate(parsed.scenario, card, { explain: false }));
}
