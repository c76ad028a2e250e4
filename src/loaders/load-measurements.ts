/** Node-side loader for the validation fixture `src/data/validation/measurements.json` (the methodology page imports the JSON directly). */
import { readFileSync } from 'node:fs';
import { parseHoldout, parseMeasurements } from '../lib/validation/validation.ts';
import type { Measurement } from '../lib/hardware/schema.ts';

/** Path of the fixture. */
export const MEASUREMENTS_FILE = new URL('../data/validation/measurements.json', import.meta.url);

/** Reads and validates every measurement. */
export function loadMeasurements(): Measurement[] {
  return parseMeasurements(JSON.parse(readFileSync(MEASUREMENTS_FILE, 'utf8')));
}

/** Path of the held-out list. */
const HOLDOUT_FILE = new URL('../data/validation/holdout.json', import.meta.url);

/** Reads the ids of the held-out quarter. */
export function loadHoldout(): string[] {
  return parseHoldout(JSON.parse(readFileSync(HOLDOUT_FILE, 'utf8')));
}
