/**
 * One training step's memory as stacked bands over time (start, forward block by block, loss, backward, optimizer step, end),
 * with the card's capacity dashed, the peak marked and a cursor on the chosen moment. Bands differ by texture and are
 * labelled in the legend, not by colour alone. A pure view: every number comes from the caller's timeline.
 */
import { linearScale } from './linear.ts';
import { polygonPath } from './polygon.ts';
import type { StepTimeline, TimelinePoint } from '../../lib/teaching/timeline.ts';
import { formatNumber, GIB } from '../../lib/units.ts';
import { BandPattern, TIMELINE_PARTS } from './bands.tsx';

const W = 720;
const H = 280;
const M = { top: 30, right: 14, bottom: 26, left: 52 };

/** Props of {@link StepTimelineChart}. */
export interface StepTimelineChartProps {
  timeline: StepTimeline;
  /** Index of the moment the cursor marks. */
  cursor: number;
  /** Unique prefix for pattern ids. */
  idPrefix: string;
  /** Words: accessible summary, capacity label, phase labels, peak label. */
  labels: { summary: string; capacity: string; forward: string; backward: string; step: string; peak: string };
  /** Locale for tick numbers. */
  locale: string;
}

/** The stacked-band chart of one step. */
export function StepTimelineChart({ timeline, cursor, idPrefix, labels, locale }: StepTimelineChartProps) {
  const pts = timeline.points;
  const x = linearScale([0, pts.length - 1], [M.left, W - M.right]);
  const y = linearScale([0, Math.max(timeline.peakBytes, timeline.capacityBytes) / GIB], [H - M.bottom, M.top], 10);
  const below = (p: TimelinePoint, k: number): number => TIMELINE_PARTS.slice(0, k).reduce((sum, part) => sum + p[part], 0) / GIB;
  // One decimal is finer than a pixel at any width the chart is shown, and keeps the server-rendered page light.
  const r1 = (v: number): number => Math.round(v * 10) / 10;
  // Each band: its top edge left to right, then its bottom edge back; straight runs (a flat term, a linear ramp) become one segment.
  const bands = TIMELINE_PARTS.map((_, k) =>
    polygonPath([...pts.map((p, i) => [x(i), y(below(p, k + 1))] as const), ...pts.map((p, i) => [x(i), y(below(p, k))] as const).reverse()]));
  const firstBackward = pts.findIndex((p) => p.phase === 'backward');
  const optimizer = pts.findIndex((p) => p.phase === 'optimizer');
  const cap = r1(y(timeline.capacityBytes / GIB));
  const peak = pts[timeline.peakIndex]!;
  const [peakX, peakY] = [r1(x(timeline.peakIndex)), r1(y(peak.totalBytes / GIB))];
  return (
    <svg class="st-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${idPrefix}-chart-title`}>
      <title id={`${idPrefix}-chart-title`}>{labels.summary}</title>
      <defs>{TIMELINE_PARTS.map((part) => <BandPattern id={`${idPrefix}-pat-${part}`} part={part} />)}</defs>
      {y.ticks(5).map((t) => (
        <g>
          <line class="st-grid" x1={M.left} x2={W - M.right} y1={r1(y(t))} y2={r1(y(t))} />
          <text class="st-tick" x={M.left - 6} y={r1(y(t) + 4)} text-anchor="end">{formatNumber(t, 3, locale)}</text>
        </g>
      ))}
      <text class="st-tick" x={12} y={M.top - 12}>GiB</text>
      {bands.map((d, k) => <path d={d} fill={`url(#${idPrefix}-pat-${TIMELINE_PARTS[k]})`} class="st-band" />)}
      {[1, firstBackward, optimizer].map((i) => <line class="st-phase" x1={r1(x(i - 0.5))} x2={r1(x(i - 0.5))} y1={M.top} y2={H - M.bottom} />)}
      <text class="st-label" x={r1(x((1 + firstBackward) / 2))} y={H - 8} text-anchor="middle">{labels.forward} →</text>
      <text class="st-label" x={r1(x((firstBackward + optimizer) / 2))} y={H - 8} text-anchor="middle">← {labels.backward}</text>
      <text class="st-label" x={r1(x(optimizer))} y={H - 8} text-anchor="middle">{labels.step}</text>
      <line class="st-capacity" x1={M.left} x2={W - M.right} y1={cap} y2={cap} />
      <text class="st-label" x={W - M.right} y={cap - 5} text-anchor="end">{labels.capacity}</text>
      <circle class="st-peak" cx={peakX} cy={peakY} r="5" />
      <text class="st-label" x={peakX} y={r1(peakY - 9)} text-anchor="middle">{labels.peak}</text>
      <line class="st-cursor" x1={r1(x(cursor))} x2={r1(x(cursor))} y1={M.top} y2={H - M.bottom} />
    </svg>
  );
}
