/**
 * The memory parts of one estimate as a stacked bar against a card's capacity, with a fill pattern per part (so parts differ by
 * texture and label, not by colour alone), and the matching legend. Pure views: every number comes from the caller's estimate.
 * Its styles are in memory-bar.css (class names `mb-...`), which the wrapper of each island that draws it imports.
 */
import type { ComponentChildren } from 'preact';
import { linearScale } from './linear.ts';
import { formatNumber, GIB } from '../../lib/units.ts';

/** A memory part the bar can stack, named by its field in the estimator's memory breakdown. */
export type MemoryPart = 'weightsBytes' | 'gradientsBytes' | 'optimizerBytes' | 'activationsBytes' | 'kvCacheBytes' | 'overheadBytes';

const WIDTH = 720;
const PAD = 12;
const TOP = 22;
const BAR_H = 40;
const HEIGHT = TOP + BAR_H + 30;

/** The pattern drawn over each part's background. */
const TEXTURE: Record<MemoryPart, (cls: string) => ComponentChildren> = {
  weightsBytes: () => null,
  gradientsBytes: (cls) => <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" class={`${cls}-pat-fg`} />,
  optimizerBytes: (cls) => <path d="M0,0 l8,8 M8,0 l-8,8" class={`${cls}-pat-fg`} />,
  activationsBytes: (cls) => <circle cx="4" cy="4" r="1.6" class={`${cls}-pat-dot`} />,
  kvCacheBytes: (cls) => <path d="M0,4 h8" class={`${cls}-pat-fg`} />,
  overheadBytes: (cls) => <path d="M4,0 v8" class={`${cls}-pat-fg`} />,
};

/** Prefix of the class names, styled in memory-bar.css. */
const cls = 'mb';

/** The fill of one part: its pattern, by id. */
const patternFill = (idPrefix: string, part: MemoryPart) => `url(#${idPrefix}-pat-${part})`;
/** A coordinate to one decimal: finer than a pixel at any width the chart is shown, and light in the server-rendered page. */
const r1 = (v: number): number => Math.round(v * 10) / 10;

/** Props of {@link MemoryBar}. */
export interface MemoryBarProps<P extends MemoryPart> {
  /** The parts in stacking order; parts of 0 bytes are left out of the bar. */
  parts: readonly P[];
  /** Bytes per part. */
  memory: Record<P, number>;
  /** Total bytes (the sum the estimator reports). */
  total: number;
  /** The card's capacity in bytes. */
  capacity: number;
  /** Words: the chart's accessible summary, the capacity line's label, and a part's tooltip. */
  labels: { summary: string; capacity: string; part: (part: P, bytes: number) => string };
  /** Unique prefix for the pattern ids. */
  idPrefix: string;
  /** Locale for tick and segment numbers. */
  locale: string;
}

/**
 * A stacked bar of the memory parts against the capacity, with GiB ticks, a dashed capacity line and an outline over what
 * does not fit.
 */
export function MemoryBar<P extends MemoryPart>({ parts, memory, total, capacity, labels, idPrefix, locale }: MemoryBarProps<P>) {
  const xGiB = linearScale([0, Math.max(total, capacity, 1) / GIB], [PAD, WIDTH - PAD], 10);
  const x = (bytes: number): number => r1(xGiB(bytes / GIB));
  let cursor = 0;
  const segments = parts.map((part) => {
    const bytes = memory[part];
    const seg = { part, bytes, x0: x(cursor), x1: x(cursor + bytes) };
    cursor += bytes;
    return seg;
  }).filter((s) => s.bytes > 0);
  const capX = x(capacity);
  return (
    <div class="chart-scroll" role="region" tabIndex={0} aria-label={labels.summary}>
      <svg class={`${cls}-chart`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={labels.summary} data-testid="chart">
        <defs>
          {/* Patterns of the parts drawn (the bar's segments and the legend's swatches use the same ones). */}
          {parts.filter((part) => memory[part] > 0).map((part) => (
            <pattern id={`${idPrefix}-pat-${part}`} patternUnits="userSpaceOnUse" width={8} height={8}>
              <rect width={8} height={8} class={`${cls}-pat-bg-${part}`} />
              {TEXTURE[part](cls)}
            </pattern>
          ))}
        </defs>
        {xGiB.ticks(6).map((tick) => (
          <g aria-hidden="true">
            <line x1={r1(xGiB(tick))} x2={r1(xGiB(tick))} y1={TOP - 4} y2={TOP + BAR_H + 4} class={`${cls}-grid`} />
            <text x={r1(xGiB(tick))} y={TOP - 8} text-anchor={tick === 0 ? 'start' : 'middle'} class={`${cls}-tick`}>{formatNumber(tick, 4, locale)}{tick === 0 ? ' GiB' : ''}</text>
          </g>
        ))}
        {segments.map((s) => (
          <g data-part={s.part}>
            <rect x={s.x0} y={TOP} width={r1(Math.max(0, s.x1 - s.x0))} height={BAR_H} fill={patternFill(idPrefix, s.part)} class={`${cls}-seg`}>
              <title>{labels.part(s.part, s.bytes)}</title>
            </rect>
            {s.x1 - s.x0 > 48 ? (
              <text x={r1((s.x0 + s.x1) / 2)} y={TOP + BAR_H / 2 + 4} text-anchor="middle" class={`${cls}-seg-label`} aria-hidden="true">{formatNumber(s.bytes / GIB, 3, locale)}</text>
            ) : null}
          </g>
        ))}
        {total > capacity ? <rect x={capX} y={TOP - 2} width={r1(Math.max(0, x(total) - capX))} height={BAR_H + 4} class={`${cls}-over`} aria-hidden="true" /> : null}
        <line x1={capX} x2={capX} y1={TOP - 6} y2={TOP + BAR_H + 10} class={`${cls}-capacity`} aria-hidden="true" />
        <text x={capX} y={TOP + BAR_H + 24} text-anchor={capX > WIDTH * 0.6 ? 'end' : 'start'} aria-hidden="true">
          {labels.capacity}
        </text>
      </svg>
    </div>
  );
}

/** Props of {@link MemoryLegend}. */
export interface MemoryLegendProps<P extends MemoryPart> {
  /** The parts in stacking order; parts of 0 bytes are left out. */
  parts: readonly P[];
  /** Bytes per part. */
  memory: Record<P, number>;
  /** A part's entry, e.g. "Weights: 4.5 GiB". */
  label: (part: P, bytes: number) => string;
  /** The prefix the {@link MemoryBar} beside it uses for its pattern ids. */
  idPrefix: string;
}

/** The legend of a {@link MemoryBar}: a swatch of each part's pattern and its entry. */
export function MemoryLegend<P extends MemoryPart>({ parts, memory, label, idPrefix }: MemoryLegendProps<P>) {
  return (
    <ul class={`${cls}-legend`} data-testid="legend">
      {parts.filter((p) => memory[p] > 0).map((p) => (
        <li>
          <svg width="22" height="14" aria-hidden="true"><rect x="1" y="1" width="20" height="12" fill={patternFill(idPrefix, p)} class={`${cls}-seg`} /></svg>
          {label(p, memory[p])}
        </li>
      ))}
    </ul>
  );
}
