import { describe, expect, it } from 'vitest';
import { accuracyFor, accuracyTable, describeAccuracy, roundToAccuracy, significantFigures } from '../../../src/lib/validation/accuracy.ts';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { loadMeasurements } from '../../../src/loaders/load-measurements.ts';
import { validateMeasurement } from '../../../src/lib/validation/validation.ts';

describe('accuracyTable', () => {
  it('takes the median and the nearest-rank 90th percentile of absolute errors, per category', () => {
    const rows = [0.05, -0.1, 0.2, -0.3, 0.02, 0.15, -0.07, 0.01, 0.4, -0.12].map((e) => ({ category: 'decode-speed', relativeError: e }));
    const t = accuracyTable([...rows, { category: 'train-memory', relativeError: -0.04 }]);
    // |e| sorted: 1 2 5 7 10 12 15 20 30 40 -> median (10 + 12) / 2, 90th percentile the 9th value.
    expect(t['decode-speed']).toEqual({ medianPct: 11, p90Pct: 30, cases: 10 });
    expect(t['train-memory']).toEqual({ medianPct: 4, p90Pct: 4, cases: 1 });
  });

  it('ignores non-finite errors', () => {
    expect(accuracyTable([{ category: 'x', relativeError: Number.NaN }])).toEqual({});
  });
});

describe('accuracyFor', () => {
  const t = accuracyTable([
    { category: 'inference-memory', relativeError: 0.1 }, { category: 'train-memory', relativeError: 0.2 },
    { category: 'decode-speed', relativeError: 0.3 }, { category: 'train-throughput', relativeError: 0.4 },
  ]);
  it('gives inference its memory, decode and prefill figures where measured, training its memory and throughput', () => {
    expect(accuracyFor('inference', t)).toEqual({ memory: t['inference-memory'], decode: t['decode-speed'] });
    expect(accuracyFor('qlora', t)).toEqual({ memory: t['train-memory'], training: t['train-throughput'] });
  });
});

describe('rounding to the validated precision', () => {
  it('keeps fewer figures for larger errors', () => {
    expect(significantFigures(30)).toBe(2);
    expect(significantFigures(10)).toBe(2);
    expect(significantFigures(3)).toBe(3);
    expect(significantFigures(0.5)).toBe(4);
    expect(significantFigures(60)).toBe(2);
    expect(significantFigures(150)).toBe(1);
    expect(roundToAccuracy(3.6421, { medianPct: 12, p90Pct: 20, cases: 10 })).toBe(3.6);
    expect(roundToAccuracy(3.6421, { medianPct: 9, p90Pct: 20, cases: 10 })).toBe(3.64);
    expect(roundToAccuracy(1234.5, { medianPct: 2, p90Pct: 5, cases: 10 })).toBe(1230);
    expect(roundToAccuracy(Number.NaN, undefined)).toBe(0);
  });

  it('describes the band in words, and says when it rests on few cases', () => {
    expect(describeAccuracy({ medianPct: 8.6, p90Pct: 27.5, cases: 24 })).toBe('typically within ±9%, 9 in 10 within ±28% (24 measurements)');
    expect(describeAccuracy({ medianPct: 4, p90Pct: 4, cases: 1 })).toMatch(/only 1 measurement\b/);
  });
});

describe('the table from the real validation set', () => {
  const cards = loadGpus();
  const rows = loadMeasurements().map((m) => ({ category: m.category, relativeError: validateMeasurement(m, cards).relativeError }));
  const t = accuracyTable(rows);
  it('covers every category with at least one case and a 90th percentile at or above the median', () => {
    for (const c of ['train-memory', 'inference-memory', 'decode-speed', 'prefill-speed', 'train-throughput']) {
      expect(t[c]?.cases).toBeGreaterThan(0);
      expect(t[c]!.p90Pct).toBeGreaterThanOrEqual(t[c]!.medianPct);
    }
    expect(Object.values(t).reduce((n, a) => n + a.cases, 0)).toBe(rows.length);
  });
});
