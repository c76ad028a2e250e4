/**
 * How far to trust an estimate: the estimator's error against published measurements (the validation set), per kind of
 * number, and how many significant figures that error supports. The table is computed once at build or CLI time from the
 * validation rows; browsers receive only the small table, never the measurements.
 */
import type { Workload } from '../types.ts';

/** Kinds of number the validation set measures. */
const ACCURACY_CATEGORIES = ['memory', 'decode', 'prefill', 'training'] as const;

/** A kind of number the validation set measures. */
export type AccuracyCategory = (typeof ACCURACY_CATEGORIES)[number];

/** The validated error of one kind of number. */
export interface CategoryAccuracy {
  /** Median absolute relative error, in percent. */
  medianPct: number;
  /** 90th-percentile absolute relative error (nearest rank), in percent. */
  p90Pct: number;
  /** Measurements behind the figures. */
  cases: number;
}

/** The validated error of every category that applies to an estimate. */
export type Accuracy = Partial<Record<AccuracyCategory, CategoryAccuracy>>;

/** Validated errors keyed by validation-set category (train-memory, inference-memory, decode-speed, prefill-speed, train-throughput). */
export type AccuracyTable = Record<string, CategoryAccuracy>;

/** Nearest-rank percentile of sorted values (Hyndman & Fan 1996, definition 1); 0 for none. */
function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/**
 * Summarises validation rows by their category: median and 90th-percentile absolute error in percent, and the case count.
 * @example accuracyTable([{ category: 'decode-speed', relativeError: -0.1 }, { category: 'decode-speed', relativeError: 0.2 }])['decode-speed'] //=> { medianPct: 15, p90Pct: 20, cases: 2 }
 */
export function accuracyTable(rows: readonly { category: string; relativeError: number }[]): AccuracyTable {
  const by = new Map<string, number[]>();
  for (const r of rows) {
    if (!Number.isFinite(r.relativeError)) continue;
    const list = by.get(r.category) ?? [];
    list.push(Math.abs(r.relativeError) * 100);
    by.set(r.category, list);
  }
  const table: AccuracyTable = {};
  for (const [category, errors] of by) {
    const sorted = errors.sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    table[category] = { medianPct: median, p90Pct: nearestRank(sorted, 0.9), cases: sorted.length };
  }
  return table;
}

/**
 * The accuracy that applies to an estimate of a workload: memory (training or inference measurements), and decode and
 * prefill for inference or training throughput for the rest. Categories without measurements are left out.
 * @example Object.keys(accuracyFor('inference', table)) //=> ['memory', 'decode', 'prefill']
 */
export function accuracyFor(workload: Workload, table: AccuracyTable): Accuracy {
  const pick: [AccuracyCategory, string][] = workload === 'inference'
    ? [['memory', 'inference-memory'], ['decode', 'decode-speed'], ['prefill', 'prefill-speed']]
    : [['memory', 'train-memory'], ['training', 'train-throughput']];
  const out: Accuracy = {};
  for (const [key, source] of pick) {
    const a = table[source];
    if (a && a.cases > 0) out[key] = a;
  }
  return out;
}

/**
 * Significant figures that an error of `medianPct` supports: the fewest whose last-digit step is at most the median error
 * (1 to 4), judged at a leading digit of 1 (the coarsest case). A 10% error supports two figures, a 3% error three.
 * @example significantFigures(10) //=> 2
 */
export function significantFigures(medianPct: number): number {
  if (!Number.isFinite(medianPct) || medianPct <= 0) return 4;
  return Math.min(4, Math.max(1, Math.ceil(1 - Math.log10(medianPct / 100))));
}

/**
 * Rounds a value to the significant figures its category's error supports; without an accuracy figure, to three.
 * @example roundToAccuracy(3.6421, { medianPct: 12, p90Pct: 20, cases: 10 }) //=> 3.6
 */
export function roundToAccuracy(value: number, accuracy: CategoryAccuracy | undefined): number {
  if (!Number.isFinite(value) || value === 0) return Number.isFinite(value) ? value : 0;
  const digits = accuracy ? significantFigures(accuracy.medianPct) : 3;
  return Number(value.toPrecision(digits));
}

/** A percentage for prose: whole percent from 1% up, one decimal below. */
const pct = (p: number): string => (p >= 1 ? `${Math.round(p)}%` : `${Math.round(p * 10) / 10}%`);

/**
 * The error band in words, for a reader: "typically within ±9%, 9 in 10 within ±28% (24 measurements)".
 * @example describeAccuracy({ medianPct: 8.6, p90Pct: 27.5, cases: 24 }) //=> "typically within ±9%, 9 in 10 within ±28% (24 measurements)"
 */
export function describeAccuracy(a: CategoryAccuracy): string {
  if (a.cases < 3) return `checked against only ${a.cases} measurement${a.cases === 1 ? '' : 's'} (within ±${pct(a.p90Pct)})`;
  return `typically within ±${pct(a.medianPct)}, 9 in 10 within ±${pct(a.p90Pct)} (${a.cases} measurements)`;
}
