/**
 * Node-side loader for the validation fixture `src/data/validation/measurements.json`: validates every entry and
 * runs the estimator on it against the spec data. Used by the validation test; the methodology page does the same at build time.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { estimate } from '../lib/estimate.ts';
import { findGpu, parseScenario } from '../lib/scenario.ts';
import { measurementSchema, type GpuRecord, type Measurement } from '../lib/schema.ts';
import { compareMeasurement, type ValidationRow } from '../lib/validation.ts';

/** Path of the fixture. */
export const MEASUREMENTS_FILE = new URL('./validation/measurements.json', import.meta.url);

/** Reads and validates every measurement; throws naming the first bad entry. */
export function loadMeasurements(): Measurement[] {
  const parsed = z.array(measurementSchema).safeParse(JSON.parse(readFileSync(MEASUREMENTS_FILE, 'utf8')));
  if (!parsed.success) throw new Error(`measurements.json: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Runs one measurement's scenario on its card; throws with the case id when the scenario or card is invalid. */
export function validateMeasurement(m: Measurement, cards: readonly GpuRecord[]): ValidationRow {
  const parsed = parseScenario(m.scenario);
  if (!parsed.ok) throw new Error(`${m.id}: ${parsed.error}`);
  if (parsed.gpu.kind !== 'id') throw new Error(`${m.id}: a measurement must name a card from the data`);
  const card = findGpu(parsed.gpu.id, cards);
  if (!card) throw new Error(`${m.id}: unknown card "${parsed.gpu.id}"`);
  return compareMeasurement(m, estimate(parsed.scenario, card));
}
