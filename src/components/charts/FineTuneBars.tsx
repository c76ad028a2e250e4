/**
 * Fine-tuning methods as horizontal stacked memory bars on one shared GiB scale, with the card's capacity dashed across all
 * of them. Bands are textured (BandPattern) and each bar is labelled with its method and total. A pure view.
 */
import { linearScale } from './linear.ts';
import type { MemoryBreakdown } from '../../lib/types.ts';
import { formatNumber, GIB } from '../../lib/units.ts';
import { BandPattern, TIMELINE_PARTS } from './bands.tsx';

/** One bar: a label and the memory it stacks. */
export interface FineTuneBar {
  label: string;
  memory: MemoryBreakdown;
}

const W = 720;
/** A coordinate rounded to 0.01 px. */
const px = (v: number): number => Math.round(v * 100) / 100;
const LEFT = 150;
const RIGHT = 16;
const ROW = 34;
const TOP = 24;

/** Props of {@link FineTuneBars}. */
export interface FineTuneBarsProps {
  bars: FineTuneBar[];
  capacityBytes: number;
  /** Accessible summary and the capacity line's label. */
  labels: { summary: string; capacity: string };
  idPrefix: string;
  locale: string;
}

/** The bars, one per method, on a shared scale. */
export function FineTuneBars({ bars, capacityBytes, labels, idPrefix, locale }: FineTuneBarsProps) {
  const H = TOP + bars.length * ROW + 24;
  const max = Math.max(capacityBytes, ...bars.map((b) => b.memory.totalBytes)) / GIB;
  const scale = linearScale([0, max], [LEFT, W - RIGHT], 10);
  // Positions to a hundredth of a pixel: finer digits change nothing on screen and only weigh down the page's HTML.
  const x = (gib: number) => px(scale(gib));
  const cap = x(capacityBytes / GIB);
  return (
    <svg class="ft-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${idPrefix}-bars-title`}>
      <title id={`${idPrefix}-bars-title`}>{labels.summary}</title>
      <defs>{TIMELINE_PARTS.map((part) => <BandPattern id={`${idPrefix}-pat-${part}`} part={part} />)}</defs>
      {scale.ticks(6).map((t) => (
        <g aria-hidden="true">
          <line class="ft-grid" x1={x(t)} x2={x(t)} y1={TOP - 4} y2={H - 20} />
          <text class="ft-tick" x={x(t)} y={TOP - 8} text-anchor="middle">{formatNumber(t, 4, locale)}</text>
        </g>
      ))}
      <text class="ft-tick" x={LEFT - 8} y={TOP - 8} text-anchor="end">GiB</text>
      {bars.map((b, i) => {
        let at = 0;
        const y = TOP + i * ROW + 4;
        return (
          <g>
            <text x={LEFT - 8} y={y + 17} text-anchor="end" class="ft-name">{b.label}</text>
            {TIMELINE_PARTS.map((part) => {
              const x0 = x(at / GIB);
              at += b.memory[part];
              return <rect x={x0} y={y} width={px(Math.max(0, x(at / GIB) - x0))} height={ROW - 10} fill={`url(#${idPrefix}-pat-${part})`} class="st-band" />;
            })}
          </g>
        );
      })}
      <line class="ft-capacity" x1={cap} x2={cap} y1={TOP - 4} y2={H - 18} />
      <text class="ft-cap-label" x={cap} y={H - 4} text-anchor={cap > W * 0.6 ? 'end' : 'start'}>{labels.capacity}</text>
    </svg>
  );
}
