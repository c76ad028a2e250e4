/**
 * Tensor Core throughput chart: every card's dense peak in one format as a sorted horizontal bar, the 2:4 sparse peak as a dashed
 * outline behind it, cards without the format listed apart, and the same numbers in a table.
 * States: valid selection -> unknown format or family (from the URL) -> message beside the field, last valid chart kept.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import {
  TENSOR_FORMATS, TENSOR_FORMAT_UNIT, isTensorFormat, throughputRanking, type TensorCard, type TensorFormat,
} from '../../lib/hardware/tensorcores.ts';
import { formatNumber } from '../../lib/units.ts';
import type { IslandWords } from '../../i18n/islands.ts';
import { fill } from '../../i18n/fill.ts';
import { cardsFor } from './cards.ts';
import { IslandToolbar, SelectField } from '../form/parts.tsx';
import { TENSOR_THROUGHPUT_KEYS } from './url-keys.ts';
import { readParams, writeParams } from './url-state.ts';

interface Props {
  /** Words for the reader's locale. */
  strings: IslandWords<'tensorThroughput'>;
  /** Card families present, in display order. */
  series: string[];
  /** Initial format. */
  defaultFormat: TensorFormat;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

const ALL = 'all';
const WIDTH = 720;
const LABEL_W = 240;
const VALUE_W = 120;
const ROW_H = 20;
const TOP = 24;

export default function TensorThroughputChart({ strings, series, defaultFormat, idPrefix }: Props) {
  const t = strings.tensorThroughput;
  // Every card, slim columns, from the shared module (not from props).
  const cards: TensorCard[] = cardsFor();
  const prefix = `${idPrefix}.`;
  const defaults = { format: defaultFormat, series: ALL };
  const [format, setFormat] = useState<string>(defaultFormat);
  const [family, setFamily] = useState<string>(ALL);
  const [lastGood, setLastGood] = useState<{ format: TensorFormat; family: string }>({ format: defaultFormat, family: ALL });
  const [focusIndex, setFocusIndex] = useState(-1);
  const barRefs = useRef<(SVGGElement | null)[]>([]);

  useEffect(() => {
    const p = readParams(prefix, TENSOR_THROUGHPUT_KEYS);
    if (p['format'] !== undefined) setFormat(p['format']);
    if (p['series'] !== undefined) setFamily(p['series']);
  }, []);

  const formatOk = isTensorFormat(format);
  const familyOk = family === ALL || series.includes(family);
  useEffect(() => {
    if (formatOk && familyOk) setLastGood({ format, family });
    writeParams(prefix, { format, series: family }, defaults);
    setFocusIndex(-1);
  }, [format, family]);

  const shownFormat: TensorFormat = formatOk ? format : lastGood.format;
  const shownFamily = familyOk ? family : lastGood.family;
  const selected = shownFamily === ALL ? cards : cards.filter((c) => c.series === shownFamily);
  const ranking = throughputRanking(selected, shownFormat);
  const unit = TENSOR_FORMAT_UNIT[shownFormat];
  const formatName = t.formatNames[shownFormat] ?? shownFormat;
  const nf = (n: number) => formatNumber(n, 4, strings.numberLocale);
  const barText = (dense: number, sparse: number | null) =>
    sparse === null ? fill(t.barDense, { dense: nf(dense), unit }) : fill(t.barSparse, { dense: nf(dense), sparse: nf(sparse), unit });

  const x = scaleLinear()
    .domain([0, max(ranking.rows, (r) => r.sparse ?? r.dense) ?? 1])
    .range([0, WIDTH - LABEL_W - VALUE_W])
    .nice();
  const height = TOP + ranking.rows.length * ROW_H + 8;
  const ids = { format: `${idPrefix}-format`, series: `${idPrefix}-series`, hint: `${idPrefix}-chart-hint` };

  const moveFocus = (next: number) => {
    const i = Math.max(0, Math.min(ranking.rows.length - 1, next));
    setFocusIndex(i);
    barRefs.current[i]?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const step: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: ranking.rows.length - 1 };
    const next = step[e.key];
    if (next === undefined) return;
    e.preventDefault();
    moveFocus(next);
  };
  const focused = focusIndex >= 0 ? ranking.rows[focusIndex] : undefined;
  const first = ranking.rows[0];
  const stale = !(formatOk && familyOk);

  return (
    <section class="island calc tt" aria-label={t.title}>
      <div class="calc-inputs">
        <SelectField id={ids.format} label={t.formatLabel} value={shownFormat} error={formatOk ? null : t.errors.unknownFormat} onChange={setFormat}
          options={TENSOR_FORMATS.map((f) => [f, t.formatNames[f] ?? f] as const)} />
        <SelectField id={ids.series} label={t.seriesLabel} value={shownFamily} error={familyOk ? null : t.errors.unknownSeries} onChange={setFamily}
          options={[[ALL, t.allSeries], ...series.map((s) => [s, t.seriesNames[s] ?? s] as const)]} />
      </div>
      {stale ? <p class="stale-note">{strings.common.keptLastGood}</p> : null}
      <p class="tt-summary" data-testid="summary" aria-live="polite">
        {first ? fill(t.summary, { format: formatName, count: ranking.rows.length, first: first.name, value: nf(first.dense), unit }) : fill(t.noneSupported, { format: formatName })}
      </p>
      <p class="tt-legend">
        <svg width="28" height="12" aria-hidden="true"><rect x="1" y="1" width="26" height="10" class="tt-dense" /></svg> {t.legendDense}
        <svg width="28" height="12" aria-hidden="true" class="tt-legend-gap"><rect x="1" y="1" width="26" height="10" class="tt-sparse" /></svg> {t.legendSparse}
      </p>
      {ranking.rows.length > 0 ? (
        <>
          <p id={ids.hint} class="field-msg">{t.chartHint}</p>
          <div class="chart-scroll" role="region" tabIndex={0} aria-label={formatName}>
            <svg class="tt-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="list" aria-label={fill(t.summary, { format: formatName, count: ranking.rows.length, first: first?.name ?? '', value: nf(first?.dense ?? 0), unit })} aria-describedby={ids.hint} data-testid="chart">
              {x.ticks(5).map((v) => (
                <g aria-hidden="true">
                  <line x1={LABEL_W + x(v)} x2={LABEL_W + x(v)} y1={TOP - 6} y2={height - 8} class="tt-grid" />
                  <text x={LABEL_W + x(v)} y={TOP - 10} text-anchor="middle" class="tt-tick">{nf(v)}</text>
                </g>
              ))}
              {ranking.rows.map((r, i) => {
                const y = TOP + i * ROW_H;
                const text = barText(r.dense, r.sparse);
                return (
                  <g
                    role="listitem"
                    tabIndex={i === Math.max(focusIndex, 0) ? 0 : -1}
                    ref={(el) => { barRefs.current[i] = el; }}
                    aria-label={`${r.name}: ${text}`}
                    class={i === focusIndex ? 'tt-row tt-focused' : 'tt-row'}
                    data-id={r.id}
                    onKeyDown={(e) => onKey(e as unknown as KeyboardEvent, i)}
                    onFocus={() => setFocusIndex(i)}
                  >
                    <text x={LABEL_W - 6} y={y + ROW_H / 2 + 4} text-anchor="end" class="tt-label">{r.name}</text>
                    {r.sparse !== null ? <rect x={LABEL_W} y={y + 2} width={x(r.sparse)} height={ROW_H - 4} class="tt-sparse" /> : null}
                    <rect x={LABEL_W} y={y + 2} width={x(r.dense)} height={ROW_H - 4} class="tt-dense" />
                    <text x={LABEL_W + x(r.sparse ?? r.dense) + 6} y={y + ROW_H / 2 + 4} class="tt-value">
                      {nf(r.dense)}{r.sparse !== null ? ` (${nf(r.sparse)})` : ''}
                    </text>
                  </g>
                );
              })}
            </svg>
          </div>
          <p class="tt-focus" data-testid="focused" aria-live="polite">{focused ? fill(t.focused, { name: focused.name, text: barText(focused.dense, focused.sparse) }) : ''}</p>
        </>
      ) : null}
      {ranking.unsupported.length > 0 ? (
        <p class="tt-unsupported" data-testid="unsupported">
          <strong>{fill(t.unsupportedHeading, { format: formatName })}</strong> {ranking.unsupported.map((c) => c.name).join(', ')}
        </p>
      ) : null}
      <details class="tt-details">
        <summary>{t.tableSummary}</summary>
        <table data-testid="table">
          <thead>
            <tr>
              <th scope="col">{t.cardHeader}</th><th scope="col">{t.seriesHeader}</th>
              <th scope="col" class="num">{t.denseHeader} ({unit})</th><th scope="col" class="num">{t.sparseHeader} ({unit})</th>
            </tr>
          </thead>
          <tbody>
            {ranking.rows.map((r) => (
              <tr><th scope="row">{r.name}</th><td>{t.seriesNames[r.series] ?? r.series}</td><td class="num">{nf(r.dense)}</td><td class="num">{r.sparse === null ? '–' : nf(r.sparse)}</td></tr>
            ))}
            {ranking.unsupported.map((c) => (
              <tr><th scope="row">{c.name}</th><td>{t.seriesNames[c.series] ?? c.series}</td><td class="num">{t.notSupported}</td><td class="num">–</td></tr>
            ))}
          </tbody>
        </table>
      </details>
      <IslandToolbar strings={strings.common} onReset={() => { setFormat(defaultFormat); setFamily(ALL); }} />
    </section>
  );
}
