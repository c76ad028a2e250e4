/** Node-side loader for the validation fixture `src/data/validation/measurements.json` (the methodology page imports the JSON directly). */
import { readFileSync } from 'node:fs';
import { parseMeasurements } from '../lib/validation.ts';
import type { Measurement } from '../lib/schema.ts';

/** Path of the fixture. */
export const MEASUREMENTS_FILE = new URL('./validation/measurements.json', import.meta.url);

/** Reads and validates every measurement. */
export function loadMeasurements(): Measurement[] {
  return parseMeasurements(JSON.parse(readFileSync(MEASUREMENTS_FILE, 'utf8')));
}
