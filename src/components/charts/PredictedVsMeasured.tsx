/**
 * Predicted against measured, one point per published measurement, on log-log axes. Rendered to static SVG at build time
 * (no hydration); categories differ by marker shape and are named in a text legend, and the page's table carries every value.
 */
import { scaleLog } from 'd3-scale';
import type { BuildLocale, PerLocale } from '../../i18n/build-words.ts';
import { ChartFigure } from './ChartFigure.tsx';

/** The chart's own words in one locale (the title, categories and desc come from the page). */
interface ChartWords {
  /** Default description: cases and how many lie within ±25%. */
  summary: (cases: number, within: number) => string;
  xAxis: string;
  yAxis: string;
  /** A point's tooltip; values already rounded. */
  point: (id: string, measured: string, predicted: string, unit: string) => string;
  lines: string;
}

const WORDS: PerLocale<ChartWords> = {
  en: {
    summary: (cases, within) => `${cases} validation cases; ${within} of them lie within ±25% of the measurement. The table below lists every value.`,
    xAxis: 'measured (GiB or tokens/s, log scale)',
    yAxis: 'predicted',
    point: (id, measured, predicted, unit) => `${id}: measured ${measured} ${unit}, predicted ${predicted} ${unit}`,
    lines: 'solid line: prediction equals measurement; dashed lines: ±25%',
  },
  'zh-cn': {
    summary: (cases, within) => `${cases} 个验证案例，其中 ${within} 个与实测值相差不超过 ±25%。下表列出全部数值。`,
    xAxis: '实测值（GiB 或 token/s，对数坐标）',
    yAxis: '预测值',
    point: (id, measured, predicted, unit) => `${id}：实测 ${measured} ${unit}，预测 ${predicted} ${unit}`,
    lines: '实线：预测等于实测；虚线：±25%',
  },
};

/** One point: a measurement and the estimator's value, in the same unit. */
export interface ScatterPoint {
  id: string;
  category: string;
  measured: number;
  predicted: number;
  unit: string;
}

interface Props {
  points: ScatterPoint[];
  /** Category order and the human label of each. */
  categories: { id: string; label: string }[];
  title: string;
  /** What the chart shows, in words, for readers who cannot see it. */
  desc?: string;
  /** Prefix for the title and description ids; unique per page. */
  idPrefix?: string;
  width?: number;
  height?: number;
  /** Language of the chart's own words; a Chinese page passes `locale="zh-cn"` (an MDX component cannot see the page's locale). */
  locale?: BuildLocale;
}

/** The chart's own words; placeholders in braces. */
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;

function Marker({ shape, x, y, r = 4.5 }: { shape: (typeof SHAPES)[number]; x: number; y: number; r?: number }) {
  switch (shape) {
    case 'circle': return <circle cx={x} cy={y} r={r} />;
    case 'square': return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 'triangle': return <path d={`M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`} />;
    case 'diamond': return <path d={`M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z`} />;
    case 'cross': return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} class="stroke-only" />;
  }
}

export default function PredictedVsMeasured({ points, categories, title, desc, idPrefix = 'pvm', width = 640, height = 420, locale = 'en' }: Props) {
  const words = WORDS[locale];
  const within = points.filter((p) => Math.abs(p.predicted / p.measured - 1) <= 0.25).length;
  const description = desc ?? words.summary(points.length, within);
  const margin = { top: 16, right: 16, bottom: 44, left: 56 };
  const values = points.flatMap((p) => [p.measured, p.predicted]).filter((v) => v > 0);
  const lo = Math.min(...values) / 1.5;
  const hi = Math.max(...values) * 1.5;
  const x = scaleLog().domain([lo, hi]).range([margin.left, width - margin.right]);
  const y = scaleLog().domain([lo, hi]).range([height - margin.bottom, margin.top]);
  const ticks = x.ticks(6).filter((t) => Number.isInteger(Math.log10(t)));
  const shapeOf = (category: string) => SHAPES[Math.max(0, categories.findIndex((c) => c.id === category)) % SHAPES.length] ?? 'circle';
  const legend = (
    <ul class="legend">
      {categories.map((c, i) => (
        <li>
          <svg viewBox="-7 -7 14 14" width="14" height="14" aria-hidden="true" class={`cat-${i}`}><Marker shape={SHAPES[i % SHAPES.length] ?? 'circle'} x={0} y={0} r={4} /></svg> {c.label}
        </li>
      ))}
      <li>{words.lines}</li>
    </ul>
  );
  return (
    <ChartFigure kind="predicted-measured" idPrefix={idPrefix} title={title} desc={description} width={width} height={height} caption={legend}>
      <g class="grid">
        {ticks.map((t) => (
          <g>
            <line x1={x(t)} x2={x(t)} y1={margin.top} y2={height - margin.bottom} />
            <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} />
            <text x={x(t)} y={height - margin.bottom + 16} text-anchor="middle">{t.toLocaleString('en-US')}</text>
            <text x={margin.left - 6} y={y(t) + 4} text-anchor="end">{t.toLocaleString('en-US')}</text>
          </g>
        ))}
      </g>
      <line class="identity" x1={x(lo)} y1={y(lo)} x2={x(hi)} y2={y(hi)} />
      <line class="band" x1={x(lo)} y1={y(lo * 1.25)} x2={x(hi / 1.25)} y2={y(hi)} />
      <line class="band" x1={x(lo * 1.25)} y1={y(lo)} x2={x(hi)} y2={y(hi / 1.25)} />
      <text x={(margin.left + width - margin.right) / 2} y={height - 6} text-anchor="middle">{words.xAxis}</text>
      <text transform={`translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)`} text-anchor="middle">{words.yAxis}</text>
      <g class="points">
        {points.map((p) => (
          <g class={`cat-${categories.findIndex((c) => c.id === p.category)}`}>
            <title>{words.point(p.id, p.measured.toPrecision(3), p.predicted.toPrecision(3), p.unit)}</title>
            <Marker shape={shapeOf(p.category)} x={x(p.measured)} y={y(p.predicted)} />
          </g>
        ))}
      </g>
    </ChartFigure>
  );
}
