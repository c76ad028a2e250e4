/**
 * The GPU timeline's pure part: the quantities it plots, every card reduced to them, finding a card by what a reader typed,
 * the time axis as fractional years and the log-axis ticks. No DOM; the island (GpuTimeline.island.tsx) draws the chart.
 */
import { cardsFor } from './cards.ts';

/** Quantities the vertical axis can show. */
export const TIMELINE_METRICS = ['fp32', 'tensor', 'memory', 'bandwidth', 'price'] as const;
/** A quantity id. */
export type TimelineMetric = (typeof TIMELINE_METRICS)[number];
const SCALES = ['log', 'linear'] as const;
export type ScaleKind = (typeof SCALES)[number];

/** One card, reduced to what the chart plots. */
export interface TimelineCard {
  id: string;
  name: string;
  series: string;
  /** ISO yyyy-mm-dd. */
  launchDate: string;
  fp32: number;
  /** Dense tensor FP16 with FP32 accumulate; null without Tensor Cores. */
  tensor: number | null;
  memory: number;
  bandwidth: number;
  price: number | null;
}

/** Every card as the chart plots it, sorted by launch date, from the shared slim table (built once). */
let plottedCards: TimelineCard[] | undefined;
export function timelineCards(): TimelineCard[] {
  plottedCards ??= cardsFor()
    .map((g) => ({
      id: g.id,
      name: g.name,
      series: g.series,
      launchDate: g.launchDate,
      fp32: g.fp32Tflops,
      tensor: g.tensorFp16Fp32AccTflops,
      memory: g.memoryGB,
      bandwidth: g.memoryBandwidthGBs,
      price: g.launchPriceUsd,
    }))
    .sort((a, b) => a.launchDate.localeCompare(b.launchDate) || a.name.localeCompare(b.name));
  return plottedCards;
}

export const isMetric = (v: string): v is TimelineMetric => (TIMELINE_METRICS as readonly string[]).includes(v);
export const isScale = (v: string): v is ScaleKind => (SCALES as readonly string[]).includes(v);
export const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Launch date as a fractional year, for a linear time axis without d3-time. */
export function yearOf(iso: string): number {
  const [y = 2000, m = 1, d = 1] = iso.split('-').map(Number);
  return y + (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / (365.25 * 86_400_000);
}

/** Finds the card a reader typed: exact id or name, else a name ending in the text, else a unique substring. */
export function findCard(text: string, cards: TimelineCard[]): { card: TimelineCard } | { error: 'unknown' | 'ambiguous'; count: number } {
  const q = squash(text);
  if (!q) return { error: 'unknown', count: 0 };
  const exact = cards.find((c) => squash(c.id) === q || squash(c.name) === q || squash(c.name.replace(/^(GeForce|NVIDIA)\s+/i, '')) === q);
  if (exact) return { card: exact };
  const ending = cards.filter((c) => squash(c.name).endsWith(q));
  if (ending.length === 1 && ending[0]) return { card: ending[0] };
  const containing = cards.filter((c) => squash(c.name).includes(q) || squash(c.id).includes(q));
  if (containing.length === 1 && containing[0]) return { card: containing[0] };
  return containing.length === 0 ? { error: 'unknown', count: 0 } : { error: 'ambiguous', count: containing.length };
}

/** Log-axis ticks at 1, 2 and 5 times each power of ten, thinned to about eight. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const f of [1, 2, 5]) {
      const v = f * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out.length > 9 ? out.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9) : out;
}
