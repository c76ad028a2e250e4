/**
 * Signed error of every validation case, one strip per group (memory, decode, prefill, training throughput), rendered to static
 * SVG at build time (no hydration). In-sample cases are filled circles, held-out cases open squares (shape, not colour, tells
 * them apart); a tick marks each group's median signed error and a shaded band its 90th-percentile absolute error. The page's
 * table beside it carries the same figures.
 */
import { scaleLinear } from 'd3-scale';
import type { BuildLocale, PerLocale } from '../../i18n/build-words.ts';
import { ChartFigure } from './ChartFigure.tsx';

/** The chart's own words in one locale (the title, strip labels and desc come from the page). */
interface ChartWords {
  xAxis: string;
  /** A point's tooltip; the error already formatted. */
  point: (id: string, error: string, heldOut: boolean) => string;
  caption: string;
}

const WORDS: PerLocale<ChartWords> = {
  en: {
    xAxis: '(predicted − measured) / measured; beyond ±60% drawn at the edge',
    point: (id, error, heldOut) => `${id}${heldOut ? ' (held out)' : ''}: ${error}`,
    caption:
      'Signed error of every validation case by group. Filled circles: in-sample cases; open squares: the held-out quarter, never used to set a parameter. The vertical stroke in each strip is the median signed error, the shaded band the 90th-percentile absolute error. The table below gives the same figures.',
  },
  'zh-cn': {
    xAxis: '（预测值 − 实测值）/ 实测值；超出 ±60% 的画在边缘',
    point: (id, error, heldOut) => `${id}${heldOut ? '（留出）' : ''}：${error}`,
    caption:
      '按组列出每个验证案例的带符号误差。实心圆：样本内案例；空心方块：留出的四分之一，从未用来确定任何参数。每条中的竖线是带符号误差的中位数，阴影带是绝对误差的第 90 百分位数。旁边的表格给出了相同的数字。',
  },
};

/** One case's signed relative error, (predicted - measured) / measured. */
export interface ErrorPoint {
  id: string;
  group: string;
  error: number;
  heldOut: boolean;
}

/** One strip: the group's id, label and summary figures. */
export interface ErrorStrip {
  id: string;
  label: string;
  /** Median of the signed errors (bias - 1). */
  medianSigned: number;
  /** 90th-percentile absolute error. */
  p90Abs: number;
}

interface Props {
  points: ErrorPoint[];
  strips: ErrorStrip[];
  title: string;
  desc: string;
  /** Prefix for the title and description ids; unique per page. */
  idPrefix?: string;
  width?: number;
  /** Language of the chart's own words; a Chinese page passes `locale="zh-cn"` (an MDX component cannot see the page's locale). */
  locale?: BuildLocale;
}

const LIMIT = 0.6;

export default function ErrorDistribution({ points, strips, title, desc, idPrefix = 'errdist', width = 640, locale = 'en' }: Props) {
  const words = WORDS[locale];
  const rowHeight = 64;
  const margin = { top: 12, right: 16, bottom: 40, left: 150 };
  const height = margin.top + strips.length * rowHeight + margin.bottom;
  const x = scaleLinear().domain([-LIMIT, LIMIT]).range([margin.left, width - margin.right]).clamp(true);
  const ticks = [-0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6];
  const pct = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.round(Math.abs(v) * 100)}%`;
  return (
    <ChartFigure kind="error-distribution" idPrefix={idPrefix} title={title} desc={desc} width={width} height={height} caption={words.caption}>
      <g class="grid">
        {ticks.map((t) => (
          <g>
            <line x1={x(t)} x2={x(t)} y1={margin.top} y2={height - margin.bottom} class={t === 0 ? 'identity' : undefined} />
            <text x={x(t)} y={height - margin.bottom + 16} text-anchor="middle">{pct(t)}</text>
          </g>
        ))}
      </g>
      <text x={(margin.left + width - margin.right) / 2} y={height - 6} text-anchor="middle">{words.xAxis}</text>
      {strips.map((s, i) => {
        const mid = margin.top + i * rowHeight + rowHeight / 2;
        const own = points.filter((p) => p.group === s.id);
        return (
          <g class={`strip cat-${i}`}>
            <text x={margin.left - 8} y={mid + 4} text-anchor="end">{s.label}</text>
            <rect class="band" x={x(-s.p90Abs)} y={mid - rowHeight / 2 + 6} width={x(s.p90Abs) - x(-s.p90Abs)} height={rowHeight - 12} />
            {own.map((p, j) => {
              // Spread the dots vertically by a fixed pattern so equal errors stay visible.
              const dy = ((j % 5) - 2) * 6;
              const cx = x(p.error);
              return p.heldOut
                ? <rect class="held-out" x={cx - 3} y={mid + dy - 3} width={6} height={6}><title>{words.point(p.id, pct(p.error), true)}</title></rect>
                : <circle cx={cx} cy={mid + dy} r={3}><title>{words.point(p.id, pct(p.error), false)}</title></circle>;
            })}
            <line class="median" x1={x(s.medianSigned)} x2={x(s.medianSigned)} y1={mid - rowHeight / 2 + 4} y2={mid + rowHeight / 2 - 4} />
          </g>
        );
      })}
    </ChartFigure>
  );
}
