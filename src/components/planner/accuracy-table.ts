/**
 * Build-time: the estimator's validated error per category, from the measurements JSON and the cards Astro loaded
 * (bundled pages cannot read the data folder through Node paths). Computed once per build.
 */
import measurementsJson from '../../data/validation/measurements.json';
import { accuracyTable, type AccuracyTable } from '../../lib/validation/accuracy.ts';
import type { GpuRecord } from '../../lib/hardware/schema.ts';
import { parseMeasurements, validateMeasurement } from '../../lib/validation/validation.ts';

let cached: AccuracyTable | null = null;

/** The accuracy table for the site's cards (cached: the cards and measurements do not change within a build). */
export function buildAccuracyTable(cards: readonly GpuRecord[]): AccuracyTable {
  cached ??= accuracyTable(parseMeasurements(measurementsJson).map((m) => ({ category: m.category, relativeError: validateMeasurement(m, cards).relativeError })));
  return cached;
}
