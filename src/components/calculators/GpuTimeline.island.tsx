/**
 * Timeline of every card: launch date across, one chosen quantity up (log or linear), one mark shape per family.
 * States: valid choices -> unknown quantity, scale or card (from the URL or typed) -> message beside the field, last valid chart kept.
 * A mark is "active" when hovered, focused or found by name; the active card is described in words below the chart.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { scaleLinear, scaleLog } from 'd3-scale';
import { extent } from 'd3-array';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { formatNumber } from '../../lib/units.ts';
import type { IslandWords } from '../../i18n/islands.ts';
import { fill } from '../../i18n/fill.ts';
import { IslandToolbar, SelectField, TextField } from '../form/parts.tsx';
import { GPU_TIMELINE_KEYS } from './url-keys.ts';
import { useUrlInputs } from './url-state.ts';
import { findCard, isMetric, isScale, logTicks, timelineCards, TIMELINE_METRICS, yearOf, type ScaleKind, type TimelineCard, type TimelineMetric } from './gpu-timeline.ts';

interface Props {
  /** Words for the reader's locale. */
  strings: IslandWords<'gpuTimeline'>;
  /** Families present, in display order (fixes each family's mark). */
  series: string[];
  /** Initial quantity. */
  defaultMetric: TimelineMetric;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

const SHAPES: SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolStar, symbolWye];
const WIDTH = 720;
const HEIGHT = 400;
const M = { left: 64, right: 16, top: 16, bottom: 40 };

export default function GpuTimelineChart({ strings, series, defaultMetric, idPrefix }: Props) {
  const t = strings.gpuTimeline;
  const cards = timelineCards();
  const prefix = `${idPrefix}.`;
  const defaults: Record<'y' | 'scale' | 'card', string> = { y: defaultMetric, scale: 'log', card: '' };
  // y: the quantity, scale: log or linear, card: the text in the find box (the URL keys).
  const [choice, setChoice] = useUrlInputs(prefix, defaults, GPU_TIMELINE_KEYS);
  const { y: metric, scale, card: findText } = choice;
  const setMetric = (y: string) => setChoice({ ...choice, y });
  const setScale = (v: string) => setChoice({ ...choice, scale: v });
  const setFindText = (card: string) => setChoice({ ...choice, card });
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [last, setLast] = useState<{ metric: TimelineMetric; scale: ScaleKind }>({ metric: defaultMetric, scale: 'log' });
  const pointRefs = useRef<Record<string, SVGGElement | null>>({});

  const metricOk = isMetric(metric);
  const scaleOk = isScale(scale);
  useEffect(() => {
    if (metricOk && scaleOk) setLast({ metric, scale });
  }, [metric, scale, findText]);

  const m: TimelineMetric = metricOk ? metric : last.metric;
  const sk: ScaleKind = scaleOk ? scale : last.scale;
  const unit = t.metricUnits[m] ?? '';
  const plotted = cards.filter((c) => c[m] !== null) as (TimelineCard & Record<TimelineMetric, number>)[];
  const missing = cards.filter((c) => c[m] === null);
  const found = findText.trim() ? findCard(findText, cards) : null;
  const foundCard = found && 'card' in found ? found.card : null;
  const findError = !found || 'card' in found
    ? foundCard && foundCard[m] === null ? fill(t.errors.cardHasNoValue, { name: foundCard.name }) : null
    : found.error === 'ambiguous' ? fill(t.errors.ambiguousCard, { count: found.count, text: findText.trim() }) : fill(t.errors.unknownCard, { text: findText.trim() });
  const activeId = hoverId ?? (foundCard && foundCard[m] !== null ? foundCard.id : null);
  const active = plotted.find((c) => c.id === activeId) ?? null;

  const years = extent(cards, (c) => yearOf(c.launchDate)) as [number, number];
  const x = scaleLinear().domain([Math.floor(years[0]), Math.ceil(years[1] + 0.01)]).range([M.left, WIDTH - M.right]);
  const [lo = 1, hi = 1] = extent(plotted, (c) => c[m]) as [number, number];
  const y = sk === 'log'
    ? scaleLog().domain([lo / 1.25, hi * 1.25]).range([HEIGHT - M.bottom, M.top])
    : scaleLinear().domain([0, hi * 1.05]).range([HEIGHT - M.bottom, M.top]).nice();
  const yTicks = sk === 'log' ? logTicks(lo / 1.25, hi * 1.25) : y.ticks(6);
  const xTicks = x.ticks(Math.min(12, x.domain()[1]! - x.domain()[0]!)).filter(Number.isInteger);
  const nf = (n: number) => formatNumber(n, 4, strings.numberLocale);
  const shapeOf = (s: string) => Math.max(0, series.indexOf(s)) % SHAPES.length;
  const pathOf = (s: string, size = 70) => symbol(SHAPES[shapeOf(s)] ?? symbolCircle, size)() ?? '';
  const familyName = (s: string) => t.seriesNames[s] ?? s;
  const ids = { metric: `${idPrefix}-y`, scale: `${idPrefix}-scale`, find: `${idPrefix}-find`, hint: `${idPrefix}-hint`, list: `${idPrefix}-names` };

  const first = plotted[0];
  const highest = plotted.reduce<(typeof plotted)[number] | undefined>((best, c) => (!best || c[m] > best[m] ? c : best), undefined);
  const summary = first && highest
    ? fill(t.summary, { count: plotted.length, metric: t.metricNames[m] ?? m, first: first.name, firstValue: nf(first[m]), last: highest.name, lastValue: nf(highest[m]), unit })
    : '';

  const activeIndex = active ? plotted.indexOf(active) : -1;
  const moveTo = (i: number) => {
    const c = plotted[Math.max(0, Math.min(plotted.length - 1, i))];
    if (!c) return;
    setHoverId(c.id);
    pointRefs.current[c.id]?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const next: Record<string, number> = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: plotted.length - 1 };
    const to = next[e.key];
    if (to === undefined) return;
    e.preventDefault();
    moveTo(to);
  };
  const stale = !(metricOk && scaleOk);

  return (
    <section class="island calc gt" aria-label={t.title}>
      <div class="calc-inputs">
        <SelectField id={ids.metric} label={t.metricLabel} value={m} error={metricOk ? null : t.errors.unknownMetric}
          onChange={(v) => { setMetric(v); setHoverId(null); }} options={TIMELINE_METRICS.map((id) => [id, t.metricNames[id] ?? id] as const)} />
        <SelectField id={ids.scale} label={t.scaleLabel} value={sk} error={scaleOk ? null : t.errors.unknownScale} onChange={setScale}
          options={[['log', t.scaleLog], ['linear', t.scaleLinear]]} />
        <TextField id={ids.find} label={t.findLabel} hint={t.findHint} value={findText} list={ids.list} error={findError}
          onInput={(v) => { setFindText(v); setHoverId(null); }} />
        <datalist id={ids.list}>{cards.map((c) => <option value={c.name} />)}</datalist>
      </div>
      {stale ? <p class="stale-note">{strings.common.keptLastGood}</p> : null}
      <p class="gt-summary" data-testid="summary" aria-live="polite">{summary}</p>
      <p class="field-msg" style="margin:0">{t.legendHeading}:</p>
      <ul class="gt-legend" data-testid="legend">
        {series.map((s) => (
          <li>
            <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true"><path d={pathOf(s, 60)} class={`gt-s${shapeOf(s)}`} stroke="currentColor" stroke-width="0.75" /></svg>
            {familyName(s)}
          </li>
        ))}
      </ul>
      <p id={ids.hint} class="field-msg">{t.chartHint}</p>
      <div class="chart-scroll" role="region" aria-label={t.metricNames[m] ?? m}>
        <svg class="gt-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`${t.metricNames[m] ?? m}: ${summary}`} aria-describedby={ids.hint} data-testid="chart">
          {yTicks.map((v) => (
            <g aria-hidden="true">
              <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} class="gt-grid" />
              <text x={M.left - 6} y={y(v) + 4} text-anchor="end" class="gt-tick">{nf(v)}</text>
            </g>
          ))}
          {xTicks.map((v) => (
            <g aria-hidden="true">
              <line x1={x(v)} x2={x(v)} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom + 5} class="gt-axis" />
              <text x={x(v)} y={HEIGHT - M.bottom + 18} text-anchor="middle" class="gt-tick">{v}</text>
            </g>
          ))}
          <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} class="gt-axis" aria-hidden="true" />
          <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 4} text-anchor="middle" aria-hidden="true">{t.xAxis}</text>
          <text transform={`translate(14 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`} text-anchor="middle" aria-hidden="true">{unit}</text>
          {plotted.map((c, i) => {
            const isActive = c.id === activeId;
            return (
              <g
                class={isActive ? 'gt-point gt-active' : 'gt-point'}
                transform={`translate(${x(yearOf(c.launchDate)).toFixed(1)} ${y(c[m]).toFixed(1)})`}
                tabIndex={i === (activeIndex >= 0 ? activeIndex : 0) ? 0 : -1}
                role="img"
                aria-label={`${c.name}, ${familyName(c.series)}, ${c.launchDate}: ${nf(c[m])} ${unit}`}
                data-id={c.id}
                ref={(el) => { pointRefs.current[c.id] = el; }}
                onMouseEnter={() => setHoverId(c.id)}
                onFocus={() => setHoverId(c.id)}
                onKeyDown={(e) => onKey(e as unknown as KeyboardEvent, i)}
              >
                <path d={pathOf(c.series, isActive ? 150 : 70)} class={`gt-s${shapeOf(c.series)}`} />
              </g>
            );
          })}
        </svg>
      </div>
      <p class="gt-detail" data-testid="detail" aria-live="polite">
        {active ? (
          <>
            {fill(t.detail, { name: active.name, family: familyName(active.series), date: active.launchDate, value: nf(active[m]), unit })}{' '}
            <a href={`${strings.base}/gpus/${active.id}/`}>{t.detailLink}</a>
          </>
        ) : t.detailNone}
      </p>
      {missing.length > 0 ? <p class="gt-missing" data-testid="missing">{fill(t.missing, { names: missing.map((c) => c.name).join(', ') })}</p> : null}
      <details class="gt-details">
        <summary>{t.tableSummary}</summary>
        <table data-testid="table">
          <thead>
            <tr>
              <th scope="col">{t.cardHeader}</th><th scope="col">{t.familyHeader}</th><th scope="col">{t.dateHeader}</th>
              <th scope="col" class="num">{t.metricNames[m] ?? m}</th>
            </tr>
          </thead>
          <tbody>
            {cards.map((c) => {
              const v = c[m];
              return (
                <tr>
                  <th scope="row"><a href={`${strings.base}/gpus/${c.id}/`}>{c.name}</a></th><td>{familyName(c.series)}</td><td>{c.launchDate}</td>
                  <td class="num">{v === null ? t.noValue : nf(v)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
      <IslandToolbar strings={strings.common} onReset={() => { setChoice(defaults); setHoverId(null); }} />
    </section>
  );
}
