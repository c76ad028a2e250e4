/**
 * The roofline explorer's pure part: reads a matrix dimension, words a dimension's error and a card's verdict, picks the
 * decade ticks of a log axis. No DOM; the island (Roofline.island.tsx) draws the chart. The model is the roofline of
 * Williams, Waterman and Patterson (CACM 52(4), 2009), computed in src/lib/hardware/roofline.ts.
 */
import type { MatmulRoofline, RooflineResult } from '../../lib/hardware/roofline.ts';
import type { ComputeFormat, GpuPeaks } from '../../lib/estimator/peaks.ts';
import { formatNumber, TERA } from '../../lib/units.ts';
import type { RooflineWords } from '../../i18n/islands/roofline.ts';
import { fill } from '../../i18n/fill.ts';

/** Formats the explorer offers (FP4 is left out: only Blackwell has it). */
export const ROOFLINE_FORMATS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8'] as const;
/** A format the explorer offers. */
export type RooflineFormat = (typeof ROOFLINE_FORMATS)[number] & ComputeFormat;
/** One card: its id, name and the throughput and bandwidth columns the roofline reads. */
export type RooflineCard = GpuPeaks & { id: string; name: string };

/** Largest dimension accepted: 2^20. */
export const MAX_DIM = 1_048_576;
export const DIMS = ['m', 'n', 'k'] as const;
export type Dim = (typeof DIMS)[number];
export const isFormat = (v: string): v is RooflineFormat => (ROOFLINE_FORMATS as readonly string[]).includes(v);

export type DimResult = { ok: true; value: number } | { ok: false; kind: 'empty' | 'not-integer' | 'too-small' | 'too-large'; token: string };

/** Reads one matrix dimension: digits only (thousands separators allowed), 1 to MAX_DIM. */
export function parseDim(text: string): DimResult {
  const token = text.trim();
  if (token === '') return { ok: false, kind: 'empty', token };
  const digits = token.replace(/[,_\s]/g, '');
  if (!/^-?\d+$/.test(digits)) return { ok: false, kind: 'not-integer', token: token.slice(0, 24) };
  const value = Number(digits);
  if (value < 1) return { ok: false, kind: 'too-small', token };
  if (value > MAX_DIM) return { ok: false, kind: 'too-large', token };
  return { ok: true, value };
}

/** Seconds in the unit that keeps three significant digits readable. */
export function formatSeconds(s: number, locale: string): string {
  if (s < 1e-3) return `${formatNumber(s * 1e6, 3, locale)} µs`;
  if (s < 1) return `${formatNumber(s * 1e3, 3, locale)} ms`;
  return `${formatNumber(s, 3, locale)} s`;
}

/** The message for a dimension that does not parse, or null. */
export function dimError(p: DimResult, e: RooflineWords['errors'], locale: string): string | null {
  if (p.ok) return null;
  switch (p.kind) {
    case 'empty': return e.empty;
    case 'not-integer': return fill(e.notInteger, { token: p.token });
    case 'too-small': return e.tooSmall;
    case 'too-large': return fill(e.tooLarge, { max: formatNumber(MAX_DIM, 7, locale) });
  }
}

/** Every power of ten from lo to hi (the decade ticks of a log axis). */
export function pow10(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(10 ** e);
  return out;
}

/**
 * One card's verdict in words: where the matmul lands against the card's roofline, or that the card lacks the format.
 * `unit` is TFLOPS or TOPS (int8).
 */
export function rooflineVerdict(card: { name: string }, r: RooflineResult<MatmulRoofline>, t: RooflineWords, formatName: string, unit: string, locale: string): string {
  const nf = (v: number, d = 3) => formatNumber(v, d, locale);
  if (!r.ok) return fill(t.noFormat, { name: card.name, format: formatName });
  const words = {
    name: card.name, format: formatName, intensity: nf(r.intensityFlopsPerByte), ridge: nf(r.ridgePointFlopsPerByte),
    attainable: nf(r.attainableFlopsPerSecond / TERA), unit, time: formatSeconds(r.timeSeconds, locale),
    percent: `${nf((100 * r.attainableFlopsPerSecond) / r.peak.peakFlopsPerSecond, 2)}%`,
  };
  const text = fill(r.bound === 'compute-bound' ? t.computeBound : t.memoryBound, words);
  return r.peak.fallback ? text + fill(t.fallback, { column: r.peak.column }) : text;
}
