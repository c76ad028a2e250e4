/**
 * Training time, energy and cost calculator: a model, a workload, a token budget and cards in; whether it fits, tokens/s, time,
 * energy, the cost of owning against renting, and the cheapest cards that run the job out. Every number comes from the estimator.
 * States: valid (result shown) -> invalid input (message beside the field, last valid result kept, marked as such) -> valid.
 */
import { useMemo, useState } from 'preact/hooks';
import { MFU_DEFAULTS } from '../../lib/compute.ts';
import { costUsd } from '../../lib/cost.ts';
import { estimate, type EstimateGpu } from '../../lib/estimate.ts';
import { cheapestGpus } from '../../lib/inverse.ts';
import { MODEL_PRESETS } from '../../lib/models.ts';
import { parseScenario } from '../../lib/scenario.ts';
import { formatBytesIn, formatNumber } from '../../lib/units.ts';
import { fill, type IslandStrings, type TrainingCostStrings } from '../../i18n/islands.ts';
import IslandToolbar from './IslandToolbar.tsx';
import { useLastGood, useUrlInputs } from './url-state.ts';

/** A card with only the columns the estimator reads. */
export type CostCard = EstimateGpu;

/** The calculator's inputs as the URL and the fields hold them: plain strings. */
export interface CostInputs {
  model: string;
  workload: string;
  /** Training tokens, digits or with a k/M/B/T suffix. */
  tokens: string;
  gpu: string;
  count: string;
  batch: string;
  seq: string;
  /** "1" or "0". */
  ckpt: string;
  /** Percent; empty for the estimator's default. */
  mfu: string;
  /** USD per kWh. */
  elec: string;
  /** USD per card-hour; empty for no rental comparison. */
  hourly: string;
  /** USD per card; empty for the launch price. */
  price: string;
}

type Field = keyof CostInputs;
const FIELDS: Field[] = ['model', 'workload', 'tokens', 'gpu', 'count', 'batch', 'seq', 'ckpt', 'mfu', 'elec', 'hourly', 'price'];
/** Training workloads (the calculator has no inference). */
export const TRAIN_WORKLOADS = ['pretrain', 'full-finetune', 'lora', 'qlora'] as const;

type FieldError =
  | { kind: 'empty' | 'notBoolean' | 'unknownModel' | 'unknownWorkload' | 'unknownCard' }
  | { kind: 'notNumber' | 'notWhole'; value: string }
  | { kind: 'outOfRange'; min: number; max: number }
  | { kind: 'lib'; message: string };

/** One row of the cheapest-cards table. */
export interface CheapRow {
  gpuId: string;
  gpuName: string;
  gpuCount: number;
  priceUsd: number | null;
  timeSeconds: number;
  energyKWh: number;
  costUsd: number;
}

/** One valid evaluation. */
export interface CostResult {
  card: { id: string; name: string; memoryGB: number; memoryBytes: number; launchPriceUsd: number | null };
  gpuCount: number;
  fits: boolean;
  totalBytes: number;
  tokensPerSecond: number;
  timeSeconds: number;
  cardHours: number;
  energyKWh: number;
  /** Owned: share of the purchase price and electricity (USD). */
  purchaseUsd: number;
  electricityUsd: number;
  buyUsd: number;
  /** Rented, or null without an hourly price. */
  rentUsd: number | null;
  /** True when neither the reader nor the data gives a purchase price. */
  noPrice: boolean;
  cheapest: CheapRow[];
}

export type CostEvaluation = { ok: true; result: CostResult } | { ok: false; errors: Partial<Record<Field | 'general', FieldError>> };

const BOOL: Record<string, boolean> = { '1': true, true: true, on: true, '0': false, false: false, off: false };
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/** Reads "100M", "1.4T", "2,000,000" or "1e9" as a number; null when it is not one. */
function readAmount(text: string): number | null {
  const m = /^(-?(?:[0-9][0-9,_]*(?:\.[0-9]+)?|\.[0-9]+)(?:e[+-]?[0-9]+)?)\s*([kmbgt])?$/i.exec(text.trim());
  if (!m || m[1] === undefined) return null;
  const v = Number(m[1].replace(/[,_]/g, '')) * (m[2] ? (SUFFIX[m[2].toLowerCase()] ?? 1) : 1);
  return Number.isFinite(v) ? v : null;
}

/** Routes an estimator message to the field it names. */
function fieldOf(message: string): Field | 'general' {
  const starts: [string, Field][] = [['trainTokens', 'tokens'], ['batchSize', 'batch'], ['seqLen', 'seq'], ['gpuCount', 'count'], ['mfu', 'mfu'], ['electricity', 'elec'], ['hourlyUsd', 'hourly'], ['workload', 'workload'], ['model', 'model']];
  for (const [key, field] of starts) if (message.startsWith(key)) return field;
  return 'general';
}

/**
 * Validates the inputs with the estimator's parser, estimates the run on the chosen cards, prices owning and renting with
 * src/lib/cost.ts, and lists the 8 cheapest cards that run the job (src/lib/inverse.ts).
 * @example evaluateCost({ ...defaults, tokens: 'lots' }, cards).ok //=> false
 */
export function evaluateCost(v: CostInputs, cards: readonly CostCard[]): CostEvaluation {
  const errors: Partial<Record<Field, FieldError>> = {};
  const num = (field: Field, min: number, max: number, optional = false, minExclusive = false): number | null => {
    const text = v[field].trim();
    if (text === '') {
      if (!optional) errors[field] = { kind: 'empty' };
      return null;
    }
    const n = readAmount(text);
    if (n === null) errors[field] = { kind: 'notNumber', value: text.slice(0, 40) };
    else if (n > max || n < min || (minExclusive && n === min)) errors[field] = { kind: 'outOfRange', min, max };
    return n;
  };
  const whole = (field: Field, min: number, max: number): number => {
    const text = v[field].trim();
    if (text === '') errors[field] = { kind: 'empty' };
    else if (!/^\d+$/.test(text)) errors[field] = { kind: 'notWhole', value: text.slice(0, 40) };
    else if (Number(text) < min || Number(text) > max) errors[field] = { kind: 'outOfRange', min, max };
    return Number(text);
  };
  if (!MODEL_PRESETS.some((m) => m.id === v.model)) errors.model = { kind: 'unknownModel' };
  if (!(TRAIN_WORKLOADS as readonly string[]).includes(v.workload)) errors.workload = { kind: 'unknownWorkload' };
  const card = cards.find((c) => c.id === v.gpu);
  if (!card) errors.gpu = { kind: 'unknownCard' };
  const tokens = num('tokens', 1, 1e16);
  const count = whole('count', 1, 1024);
  const batch = whole('batch', 1, 65_536);
  const seq = whole('seq', 1, 1_048_576);
  const ckpt = BOOL[v.ckpt.trim().toLowerCase()];
  if (ckpt === undefined) errors.ckpt = { kind: 'notBoolean' };
  const mfu = num('mfu', 0, 100, true, true);
  const elec = num('elec', 0, 100);
  const hourly = num('hourly', 0, 100_000, true);
  const price = num('price', 0, 10_000_000, true, true);
  if (Object.keys(errors).length > 0 || !card || tokens === null || elec === null) return { ok: false, errors };

  const raw: Record<string, unknown> = {
    model: v.model, workload: v.workload, trainTokens: tokens, batchSize: batch, seqLen: seq, gradientCheckpointing: ckpt,
    gpuCount: count, zeroStage: count > 1 ? 3 : 0, electricityUsdPerKWh: elec,
  };
  if (mfu !== null) raw['mfu'] = mfu / 100;
  const parsed = parseScenario(raw);
  if (!parsed.ok) return { ok: false, errors: { [fieldOf(parsed.error)]: { kind: 'lib', message: parsed.error } } };
  const s = parsed.scenario;
  const priced: CostCard = price !== null ? { ...card, launchPriceUsd: price } : card;
  const e = estimate(s, priced, { explain: false });
  const base = { gpuCount: s.gpuCount, timeSeconds: e.timeSeconds, energyKWh: e.energyKWh, electricityUsdPerKWh: s.electricityUsdPerKWh, amortisationYears: s.amortisationYears };
  const electricityUsd = costUsd({ ...base, hourlyUsd: null, priceUsd: null });
  const rentUsd = hourly !== null ? costUsd({ ...base, hourlyUsd: hourly, priceUsd: null }) : null;

  const single = { ...s, gpuCount: 1, zeroStage: 0 as const };
  const cheapest = cheapestGpus(single, cards, 64).slice(0, 8).map((o): CheapRow => {
    const c = cards.find((x) => x.id === o.gpuId) as CostCard;
    const r = estimate({ ...single, ...o.plan }, c, { explain: false });
    return { gpuId: c.id, gpuName: c.name, gpuCount: o.plan.gpuCount, priceUsd: c.launchPriceUsd === null ? null : c.launchPriceUsd * o.plan.gpuCount, timeSeconds: r.timeSeconds, energyKWh: r.energyKWh, costUsd: r.costUsd };
  });
  return {
    ok: true,
    result: {
      card: { id: card.id, name: card.name, memoryGB: card.memoryGB, memoryBytes: e.gpu.memoryBytes, launchPriceUsd: card.launchPriceUsd },
      gpuCount: s.gpuCount,
      fits: e.fits,
      totalBytes: e.memory.totalBytes,
      tokensPerSecond: e.throughput.trainTokensPerSecond,
      timeSeconds: e.timeSeconds,
      cardHours: (s.gpuCount * e.timeSeconds) / 3600,
      energyKWh: e.energyKWh,
      purchaseUsd: Math.max(0, e.costUsd - electricityUsd),
      electricityUsd,
      buyUsd: e.costUsd,
      rentUsd,
      noPrice: priced.launchPriceUsd === null,
      cheapest,
    },
  };
}

function errorText(error: FieldError, s: TrainingCostStrings['errors'], locale: string): string {
  switch (error.kind) {
    case 'lib': return error.message;
    case 'notNumber':
    case 'notWhole': return fill(s[error.kind], { value: error.value });
    case 'outOfRange': return fill(s.outOfRange, { min: formatNumber(error.min, 6, locale), max: formatNumber(error.max, 17, locale) });
    default: return s[error.kind];
  }
}

type SortKey = 'card' | 'count' | 'price' | 'time' | 'energy' | 'cost';

interface Props {
  /** Words for the reader's locale. */
  strings: IslandStrings;
  /** Every card, reduced to the columns the estimator reads. */
  cards: CostCard[];
  /** Initial inputs. */
  defaults: CostInputs;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

export default function TrainingCostCalculator({ strings, cards, defaults, idPrefix }: Props) {
  const t = strings.trainingCost;
  const loc = strings.numberLocale;
  const prefix = `${idPrefix}.`;
  const [inputs, setInputs] = useUrlInputs(prefix, defaults, FIELDS);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'price', dir: 1 });
  const evaluation = useMemo(() => evaluateCost(inputs, cards), [inputs, cards]);
  const shown = useLastGood(evaluation);
  const errors = evaluation.ok ? {} : evaluation.errors;
  const set = (field: Field, value: string) => setInputs({ ...inputs, [field]: value });
  const id = (f: string) => `${idPrefix}-${f}`;
  const n = (x: number, d = 3) => formatNumber(x, d, loc);
  const usd = (x: number) => `$${formatNumber(x, x >= 100 ? 6 : 3, loc)}`;
  const gib = (bytes: number) => formatBytesIn(bytes, 'GiB', 3, loc);

  const workloadNow = (TRAIN_WORKLOADS as readonly string[]).includes(inputs.workload) ? (inputs.workload as (typeof TRAIN_WORKLOADS)[number]) : 'qlora';
  const cardNow = cards.find((c) => c.id === inputs.gpu);
  const cardText = (c: CostCard) => (/\d\s?GB/i.test(c.name) ? c.name : fill(t.cardOption, { name: c.name, memory: n(c.memoryGB, 4) }));

  const capacity = gib(shown.card.memoryBytes);
  const verdict = fill(shown.fits ? t.verdictFits : t.verdictNoFit, { total: gib(shown.totalBytes), capacity, card: shown.card.name, count: shown.gpuCount });
  let words: string;
  if (shown.rentUsd === null) words = fill(t.noRent, { buy: usd(shown.buyUsd) });
  else if (Math.abs(shown.rentUsd - shown.buyUsd) < 0.005) words = fill(t.same, { buy: usd(shown.buyUsd) });
  else if (shown.buyUsd < shown.rentUsd) words = fill(t.buyCheaper, { buy: usd(shown.buyUsd), rent: usd(shown.rentUsd), diff: usd(shown.rentUsd - shown.buyUsd) });
  else words = fill(t.rentCheaper, { buy: usd(shown.buyUsd), rent: usd(shown.rentUsd), diff: usd(shown.buyUsd - shown.rentUsd) });

  const sortValue = (r: CheapRow): number | string => {
    switch (sort.key) {
      case 'card': return r.gpuName;
      case 'count': return r.gpuCount;
      case 'price': return r.priceUsd ?? Number.MAX_VALUE;
      case 'time': return r.timeSeconds;
      case 'energy': return r.energyKWh;
      case 'cost': return r.costUsd;
    }
  };
  const rows = [...shown.cheapest].sort((a, b) => {
    const x = sortValue(a);
    const y = sortValue(b);
    const c = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return c * sort.dir || a.gpuName.localeCompare(b.gpuName);
  });
  const header = (key: SortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <th scope="col" class={numeric ? 'num' : undefined} aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          class="tc-sort"
          aria-label={fill(t.sortBy, { column: label })}
          onClick={() => setSort(active ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: 1 })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  const msg = (field: Field, hint = '') => {
    const error = errors[field];
    return (
      <p id={id(`${field}-msg`)} class={error ? 'field-msg error' : 'field-msg'} role={error ? 'alert' : undefined}>
        {error ? errorText(error, t.errors, loc) : hint}
      </p>
    );
  };
  const select = (field: Field, label: string, options: [string, string][]) => {
    const ok = options.some(([value]) => value === inputs[field]);
    return (
      <div class="field">
        <label for={id(field)}>{label}</label>
        <select
          id={id(field)}
          value={ok ? inputs[field] : ''}
          aria-invalid={errors[field] ? 'true' : 'false'}
          aria-describedby={id(`${field}-msg`)}
          onChange={(e) => set(field, (e.currentTarget as HTMLSelectElement).value)}
        >
          {ok ? null : <option value="" disabled>—</option>}
          {options.map(([value, text]) => <option value={value}>{text}</option>)}
        </select>
        {msg(field)}
      </div>
    );
  };
  const text = (field: Field, label: string, hint: string, mode: 'numeric' | 'decimal' = 'decimal') => (
    <div class="field">
      <label for={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="text"
        inputMode={mode}
        autoComplete="off"
        spellcheck={false}
        value={inputs[field]}
        aria-invalid={errors[field] ? 'true' : 'false'}
        aria-describedby={id(`${field}-msg`)}
        onInput={(e) => set(field, (e.currentTarget as HTMLInputElement).value)}
      />
      {msg(field, hint)}
    </div>
  );

  return (
    <section class="island calc tc" aria-label={t.title}>
      <div class="calc-inputs tc-inputs">
        {select('model', t.modelLabel, MODEL_PRESETS.map((m) => [m.id, m.name]))}
        {select('workload', t.workloadLabel, TRAIN_WORKLOADS.map((w) => [w, t.workloads[w] ?? w]))}
        {text('tokens', t.tokensLabel, t.tokensHint)}
        {select('gpu', t.cardLabel, cards.map((c) => [c.id, cardText(c)]))}
        {text('count', t.countLabel, t.countHint, 'numeric')}
        {text('batch', t.batchLabel, '', 'numeric')}
        {text('seq', t.seqLabel, '', 'numeric')}
        <div class="field tc-check">
          <input
            id={id('ckpt')}
            type="checkbox"
            checked={BOOL[inputs.ckpt.trim().toLowerCase()] ?? false}
            aria-invalid={errors.ckpt ? 'true' : 'false'}
            aria-describedby={id('ckpt-msg')}
            onChange={(e) => set('ckpt', (e.currentTarget as HTMLInputElement).checked ? '1' : '0')}
          />
          <label for={id('ckpt')}>{t.checkpointingLabel}</label>
          {msg('ckpt')}
        </div>
        {text('mfu', t.mfuLabel, fill(t.mfuHint, { default: n(MFU_DEFAULTS[workloadNow].value * 100), workload: t.workloads[workloadNow] ?? workloadNow }))}
        {text('elec', t.electricityLabel, t.electricityHint)}
        {text('hourly', t.hourlyLabel, t.hourlyHint)}
        {text('price', t.priceLabel, fill(t.priceHint, { price: cardNow && cardNow.launchPriceUsd !== null ? usd(cardNow.launchPriceUsd) : t.noLaunchPrice }))}
      </div>
      {errors.general ? <p class="field-msg error" role="alert" data-testid="general-error">{errorText(errors.general, t.errors, loc)}</p> : null}
      <div class="tc-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p class="tc-verdict" data-testid="verdict" data-fits={shown.fits ? 'true' : 'false'}>{verdict}</p>
        <dl class="calc-result">
          <div><dt>{t.throughputLabel}</dt><dd data-testid="throughput">{fill(t.throughputValue, { tokens: n(shown.tokensPerSecond) })}</dd></div>
          <div><dt>{t.timeLabel}</dt><dd data-testid="time">{fill(t.timeValue, { hours: n(shown.timeSeconds / 3600), days: n(shown.timeSeconds / 86_400) })}</dd></div>
          <div><dt>{t.cardHoursLabel}</dt><dd data-testid="card-hours">{n(shown.cardHours)}</dd></div>
          <div><dt>{t.energyLabel}</dt><dd data-testid="energy">{fill(t.energyValue, { kwh: n(shown.energyKWh) })}</dd></div>
        </dl>
        <p class="tc-words" data-testid="cost-words">
          {words}
          {shown.noPrice ? ` ${fill(t.noPriceNote, { card: shown.card.name })}` : ''}
        </p>
        <table class="tc-table" data-testid="cost-table">
          <caption>{t.costCaption}</caption>
          <thead><tr><th scope="col">{t.costItemHeader}</th><th scope="col" class="num">{t.usdHeader}</th></tr></thead>
          <tbody>
            <tr><th scope="row">{t.purchaseRow}</th><td class="num">{usd(shown.purchaseUsd)}</td></tr>
            <tr><th scope="row">{t.electricityRow}</th><td class="num">{usd(shown.electricityUsd)}</td></tr>
            <tr><th scope="row">{t.buyTotalRow}</th><td class="num" data-testid="buy"><strong>{usd(shown.buyUsd)}</strong></td></tr>
            <tr><th scope="row">{t.rentRow}</th><td class="num" data-testid="rent">{shown.rentUsd === null ? t.notGiven : usd(shown.rentUsd)}</td></tr>
          </tbody>
        </table>
        {rows.length > 0 ? (
          <div class="table-scroll" role="region" tabIndex={0} aria-label="Cheapest cards table (scrolls sideways on narrow screens)">
            <table class="tc-table tc-cheapest" data-testid="cheapest">
              <caption>{t.cheapestCaption}</caption>
              <thead>
                <tr>
                  {header('card', t.cardHeader, false)}
                  {header('count', t.countHeader)}
                  {header('price', t.priceHeader)}
                  {header('time', t.timeHeader)}
                  {header('energy', t.energyHeader)}
                  {header('cost', t.runCostHeader)}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-id={r.gpuId}>
                    <th scope="row"><a href={`/gpus/${r.gpuId}/`}>{r.gpuName}</a></th>
                    <td class="num">{r.gpuCount}</td>
                    <td class="num">{r.priceUsd === null ? t.noLaunchPrice : n(r.priceUsd, 7)}</td>
                    <td class="num">{n(r.timeSeconds / 3600)}</td>
                    <td class="num">{n(r.energyKWh)}</td>
                    <td class="num">{n(r.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p data-testid="cheapest">{t.cheapestNone}</p>}
      </div>
      <IslandToolbar strings={strings.common} onReset={() => setInputs({ ...defaults })} />
    </section>
  );
}
