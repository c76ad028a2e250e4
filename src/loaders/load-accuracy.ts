/** Node-side: the estimator's validated error per category, computed from the validation set against the spec data. */
import { accuracyTable, type AccuracyTable } from '../lib/validation/accuracy.ts';
import type { GpuRecord } from '../lib/hardware/schema.ts';
import { validateMeasurement } from '../lib/validation/validation.ts';
import { loadGpus } from './load-gpus.ts';
import { loadMeasurements } from './load-measurements.ts';

let cached: AccuracyTable | null = null;

/** Runs every measurement through the estimator and summarises the errors by category (once per process for the data's cards). */
export function loadAccuracyTable(cards?: readonly GpuRecord[]): AccuracyTable {
  if (cards === undefined && cached) return cached;
  const all = cards ?? loadGpus();
  const table = accuracyTable(loadMeasurements().map((m) => ({ category: m.category, relativeError: validateMeasurement(m, all).relativeError })));
  if (cards === undefined) cached = table;
  return table;
}
