/** Node-side: the estimator's validated error per category, computed from the validation set against the spec data. */
import { accuracyTable, type AccuracyTable } from '../lib/accuracy.ts';
import type { GpuRecord } from '../lib/schema.ts';
import { validateMeasurement } from '../lib/validation.ts';
import { loadGpus } from './load-gpus.ts';
import { loadMeasurements } from './load-measurements.ts';

/** Runs every measurement through the estimator and summarises the errors by category (a few milliseconds). */
export function loadAccuracyTable(cards: readonly GpuRecord[] = loadGpus()): AccuracyTable {
  return accuracyTable(loadMeasurements().map((m) => ({ category: m.category, relativeError: validateMeasurement(m, cards).relativeError })));
}
