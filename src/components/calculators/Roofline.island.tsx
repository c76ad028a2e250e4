/**
 * Roofline explorer: one to three cards, a matmul shape and a format; each card's roofline on log-log axes, the point where the
 * matmul lands, and in words whether it is compute- or memory-bound there.
 * States: valid inputs -> a bad field (typed or from the URL) -> message beside that field, last valid result kept and marked.
 * A card that lacks the chosen format is a valid state: it gets a message in place of its verdict.
 */
import { useEffect, useState } from 'preact/hooks';
import { scaleLog } from 'd3-scale';
import { line, symbol, symbolCircle, symbolSquare, symbolTriangle } from 'd3-shape';
import { max, min } from 'd3-array';
import { matmulFlops, matmulMinBytes, computeFormatBytes, arithmeticIntensity, matmulRoofline, rooflineCurve, type MatmulShape } from '../../lib/hardware/roofline.ts';
import { formatBytes, formatNumber, TERA } from '../../lib/units.ts';
import type { IslandWords } from '../../i18n/islands.ts';
import { fill } from '../../i18n/fill.ts';
import { cardsFor } from './cards.ts';
import { IslandToolbar, SelectField, TextField } from '../form/parts.tsx';
import { ROOFLINE_KEYS } from './url-keys.ts';
import { readParams, writeParams } from './url-state.ts';
import { DIMS, dimError, formatSeconds, isFormat, MAX_DIM, parseDim, pow10, ROOFLINE_FORMATS, rooflineVerdict, type Dim, type RooflineCard, type RooflineFormat } from './roofline.ts';

interface Props {
  /** Words for the reader's locale. */
  strings: IslandWords<'roofline'>;
  /** Initial card ids; '' leaves an optional slot empty. */
  defaultGpus: [string, string, string];
  /** Initial format. */
  defaultFormat: RooflineFormat;
  /** Initial matmul shape. */
  defaultShape: MatmulShape;
  /** n and k of the preset shapes (a model's hidden size). */
  presetWidth: number;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

const SLOTS = ['gpu1', 'gpu2', 'gpu3'] as const;
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle];
const DASHES = [undefined, '8 5', '2 4'];
const WIDTH = 720;
const HEIGHT = 380;
const M = { left: 64, right: 36, top: 14, bottom: 42 };

interface Inputs {
  gpus: string[];
  format: RooflineFormat;
  shape: MatmulShape;
}

export default function RooflineExplorer({ strings, defaultGpus, defaultFormat, defaultShape, presetWidth, idPrefix }: Props) {
  const t = strings.roofline;
  // Every card in series order, slim columns, from the shared module (not from props).
  const cards: RooflineCard[] = cardsFor('series');
  const prefix = `${idPrefix}.`;
  const defaultText = { m: String(defaultShape.m), n: String(defaultShape.n), k: String(defaultShape.k) };
  const defaults: Record<string, string> = { gpu1: defaultGpus[0], gpu2: defaultGpus[1], gpu3: defaultGpus[2], format: defaultFormat, ...defaultText };
  const [gpus, setGpus] = useState<string[]>([...defaultGpus]);
  const [format, setFormat] = useState<string>(defaultFormat);
  const [dimText, setDimText] = useState<Record<Dim, string>>(defaultText);
  const [lastGood, setLastGood] = useState<Inputs>({ gpus: defaultGpus.filter(Boolean), format: defaultFormat, shape: defaultShape });

  useEffect(() => {
    const p = readParams(prefix, ROOFLINE_KEYS);
    const g = SLOTS.map((s, i) => p[s] ?? defaultGpus[i] ?? '');
    setGpus(g);
    if (p['format'] !== undefined) setFormat(p['format']);
    setDimText({ m: p['m'] ?? defaultText.m, n: p['n'] ?? defaultText.n, k: p['k'] ?? defaultText.k });
  }, []);

  const byId = new Map(cards.map((c) => [c.id, c]));
  const gpuOk = gpus.map((id, i) => (i > 0 && id === '') || byId.has(id));
  const formatOk = isFormat(format);
  const parsed = { m: parseDim(dimText.m), n: parseDim(dimText.n), k: parseDim(dimText.k) };
  const allOk = gpuOk.every(Boolean) && formatOk && DIMS.every((d) => parsed[d].ok);
  const current: Inputs | null = allOk
    ? { gpus: gpus.filter(Boolean), format: format as RooflineFormat, shape: { m: (parsed.m as { value: number }).value, n: (parsed.n as { value: number }).value, k: (parsed.k as { value: number }).value } }
    : null;

  useEffect(() => {
    if (current) setLastGood(current);
    writeParams(prefix, { gpu1: gpus[0] ?? '', gpu2: gpus[1] ?? '', gpu3: gpus[2] ?? '', format, ...dimText }, defaults);
  }, [gpus.join('|'), format, dimText.m, dimText.n, dimText.k]);

  const shown = current ?? lastGood;
  const unit = shown.format === 'int8' ? 'TOPS' : 'TFLOPS';
  const formatName = t.formatNames[shown.format] ?? shown.format;
  const nf = (v: number, d = 3) => formatNumber(v, d, strings.numberLocale);
  const ids = (name: string) => `${idPrefix}-${name}`;

  const shownCards = shown.gpus.map((id) => byId.get(id)).filter((c): c is RooflineCard => c !== undefined);
  const results = shownCards.map((card) => ({ card, r: matmulRoofline(card, shown.format, shown.shape) }));
  const verdict = ({ card, r }: (typeof results)[number]) => rooflineVerdict(card, r, t, formatName, unit, strings.numberLocale);
  const flops = matmulFlops(shown.shape);
  const bytes = matmulMinBytes(shown.shape, computeFormatBytes(shown.format));
  const intensity = arithmeticIntensity(flops, bytes);

  // Chart: both axes logarithmic; the x range always contains the point and every ridge.
  const xMin = Math.min(0.1, intensity / 3);
  const xMax = Math.max(10_000, intensity * 3);
  const curves = shownCards.map((card) => rooflineCurve(card, shown.format, { minIntensityFlopsPerByte: xMin, maxIntensityFlopsPerByte: xMax, pointCount: 48 }));
  const okCurves = curves.flatMap((c, i) => (c.ok ? [{ c, i }] : []));
  const yLo = min(okCurves, ({ c }) => c.points[0]?.attainableFlopsPerSecond) ?? TERA;
  const yHi = max(okCurves, ({ c }) => c.peak.peakFlopsPerSecond) ?? 100 * TERA;
  const x = scaleLog().domain([xMin, xMax]).range([M.left, WIDTH - M.right]);
  const y = scaleLog().domain([yLo / 1.5, yHi * 2]).range([HEIGHT - M.bottom, M.top]);
  const roofPath = line<{ intensityFlopsPerByte: number; attainableFlopsPerSecond: number }>()
    .x((p) => x(p.intensityFlopsPerByte))
    .y((p) => y(p.attainableFlopsPerSecond));
  const mark = (i: number, size = 90) => symbol(SHAPES[i] ?? symbolCircle, size)() ?? '';

  const setDim = (d: Dim, v: string) => setDimText((old) => ({ ...old, [d]: v }));
  const setShape = (m: number) => setDimText({ m: String(m), n: String(presetWidth), k: String(presetWidth) });
  const setGpu = (i: number, v: string) => setGpus((old) => old.map((g, j) => (j === i ? v : g)));

  const cardOptions = cards.map((c) => [c.id, c.name] as const);
  return (
    <section class="island calc rf" aria-label={t.title}>
      <div class="calc-inputs">
        {SLOTS.map((slot, i) => {
          const ok = gpuOk[i];
          const value = ok ? (gpus[i] ?? '') : (lastGood.gpus[i] ?? '');
          return (
            <SelectField id={ids(slot)} label={fill(i === 0 ? t.cardLabel : t.optionalCardLabel, { n: i + 1 })} value={value} onChange={(v) => setGpu(i, v)}
              options={i > 0 ? [['', t.none], ...cardOptions] : cardOptions} error={ok ? null : fill(t.errors.unknownCard, { id: (gpus[i] ?? '').slice(0, 40) })} />
          );
        })}
      </div>
      <div class="calc-inputs">
        <SelectField id={ids('format')} label={t.formatLabel} value={formatOk ? format : lastGood.format} onChange={setFormat}
          options={ROOFLINE_FORMATS.map((f) => [f, t.formatNames[f] ?? f] as const)} error={formatOk ? null : t.errors.unknownFormat} />
        {DIMS.map((d) => {
          const err = dimError(parsed[d], t.errors, strings.numberLocale);
          const label = d === 'm' ? t.mLabel : d === 'n' ? t.nLabel : t.kLabel;
          const hint = d === 'm' ? t.mHint : d === 'n' ? t.nHint : t.kHint;
          return <TextField id={ids(d)} label={label} value={dimText[d]} onInput={(v) => setDim(d, v)} inputMode="numeric" error={err} hint={fill(hint, { max: nf(MAX_DIM, 7) })} />;
        })}
      </div>
      <div class="rf-presets" role="group" aria-label={t.presetsLabel}>
        <span>{t.presetsLabel}</span>
        <button type="button" onClick={() => setShape(1)}>{t.presetDecode}</button>
        <button type="button" onClick={() => setShape(64)}>{t.presetSmallBatch}</button>
        <button type="button" onClick={() => setShape(presetWidth)}>{fill(t.presetTraining, { m: presetWidth })}</button>
      </div>
      <div aria-live="polite" data-stale={current ? 'false' : 'true'}>
        {current ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p class="rf-shape" data-testid="shape">
          {fill(t.shapeSummary, { m: nf(shown.shape.m, 7), n: nf(shown.shape.n, 7), k: nf(shown.shape.k, 7), flops: nf(flops), bytes: formatBytes(bytes), intensity: nf(intensity) })}
        </p>
        <ul class="rf-verdicts">
          {results.map((res, i) => <li data-testid={`verdict-${i + 1}`}>{verdict(res)}</li>)}
        </ul>
      </div>
      <ul class="rf-legend" data-testid="legend">
        {shownCards.map((card, i) => (
          <li>
            <svg width="40" height="14" viewBox="0 -7 40 14" aria-hidden="true">
              <line x1="0" x2="26" y1="0" y2="0" class={`rf-roof rf-c${i}`} stroke-dasharray={DASHES[i]} />
              <path d={mark(i, 50)} transform="translate(33 0)" class={`rf-mark rf-f${i}`} />
            </svg>
            {fill(t.legendItem, { n: i + 1, name: card.name, line: t.lineStyles[i] ?? '', mark: t.markNames[i] ?? '' })}
          </li>
        ))}
      </ul>
      <div class="chart-scroll" role="region" tabIndex={0} aria-label={t.chartLabel}>
        <svg class="rf-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" data-testid="chart"
          aria-label={`${t.chartLabel}. ${results.map(verdict).join(' ')}`}>
          {pow10(xMin, xMax).map((v) => (
            <g aria-hidden="true">
              <line x1={x(v)} x2={x(v)} y1={M.top} y2={HEIGHT - M.bottom} class="rf-grid" />
              <text x={x(v)} y={HEIGHT - M.bottom + 16} text-anchor="middle" class="rf-tick">{nf(v, 6)}</text>
            </g>
          ))}
          {pow10(yLo / 1.5, yHi * 2).map((v) => (
            <g aria-hidden="true">
              <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} class="rf-grid" />
              <text x={M.left - 6} y={y(v) + 4} text-anchor="end" class="rf-tick">{nf(v / TERA, 6)}</text>
            </g>
          ))}
          <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 6} text-anchor="middle">{t.xAxis}</text>
          <text transform={`translate(14 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`} text-anchor="middle">{fill(t.yAxis, { unit })}</text>
          {okCurves.map(({ c, i }) => <path d={roofPath(c.points) ?? ''} class={`rf-roof rf-c${i}`} stroke-dasharray={DASHES[i]} />)}
          {results.map(({ r }, i) => (r.ok ? (
            <path d={mark(i)} transform={`translate(${x(r.intensityFlopsPerByte).toFixed(1)} ${y(r.attainableFlopsPerSecond).toFixed(1)})`} class={`rf-mark rf-f${i}`} />
          ) : null))}
        </svg>
      </div>
      {/* Starlight lets wide tables scroll sideways; a focusable table can be scrolled from the keyboard. */}
      <table data-testid="table" tabIndex={0}>
        <caption>{t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cardHeader}</th><th scope="col">{t.boundHeader}</th><th scope="col" class="num">{t.intensityHeader}</th>
            <th scope="col" class="num">{t.ridgeHeader}</th><th scope="col" class="num">{t.attainableHeader} ({unit})</th><th scope="col" class="num">{t.timeHeader}</th>
          </tr>
        </thead>
        <tbody>
          {results.map(({ card, r }) => (
            <tr>
              <th scope="row">{card.name}</th>
              {r.ok ? (
                <>
                  <td>{t.boundWords[r.bound]}</td><td class="num">{nf(r.intensityFlopsPerByte)}</td><td class="num">{nf(r.ridgePointFlopsPerByte)}</td>
                  <td class="num">{nf(r.attainableFlopsPerSecond / TERA)}</td><td class="num">{formatSeconds(r.timeSeconds, strings.numberLocale)}</td>
                </>
              ) : <td colSpan={5}>{t.notAvailable}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <IslandToolbar strings={strings.common} onReset={() => { setGpus([...defaultGpus]); setFormat(defaultFormat); setDimText(defaultText); }} />
    </section>
  );
}
