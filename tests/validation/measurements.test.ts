import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/data/load-gpus.ts';
import { loadMeasurements } from '../../src/data/load-measurements.ts';
import { medianAbsoluteError, validateMeasurement, type ValidationRow } from '../../src/lib/validation.ts';

const cards = loadGpus();
const measurements = loadMeasurements();
const rows: ValidationRow[] = measurements.map((m) => validateMeasurement(m, cards));
const byCategory = (...categories: string[]) => rows.filter((r) => categories.includes(r.measurement.category));

describe('the estimator against published measurements', () => {
  it('has at least 30 measurements with unique ids', () => {
    expect(measurements.length).toBeGreaterThanOrEqual(30);
    expect(new Set(measurements.map((m) => m.id)).size).toBe(measurements.length);
  });

  const expected = rows.filter((r) => r.measurement.knownMiss === undefined);
  const knownMisses = rows.filter((r) => r.measurement.knownMiss !== undefined);

  it.each(expected.map((r) => ({ id: r.measurement.id, row: r })))('$id is predicted within its tolerance', ({ row }) => {
    expect(Number.isFinite(row.predicted)).toBe(true);
    expect(Math.abs(row.relativeError)).toBeLessThanOrEqual(row.measurement.tolerance);
  });

  // A known miss documents physics the estimator lacks; once a change brings it inside tolerance, remove its knownMiss flag.
  it.each(knownMisses.map((r) => ({ id: r.measurement.id, row: r })))('$id is still a known miss (remove the flag if this fails)', ({ row }) => {
    expect(Number.isFinite(row.predicted)).toBe(true);
    expect(Math.abs(row.relativeError)).toBeGreaterThan(row.measurement.tolerance);
  });

  it('keeps known misses few', () => {
    expect(knownMisses.length).toBeLessThanOrEqual(Math.ceil(rows.length / 8));
  });

  it('median absolute error is at most 10% for memory', () => {
    expect(medianAbsoluteError(byCategory('train-memory', 'inference-memory'))).toBeLessThanOrEqual(0.1);
  });

  it('median absolute error is at most 20% for decode speed', () => {
    expect(medianAbsoluteError(byCategory('decode-speed'))).toBeLessThanOrEqual(0.2);
  });
});
