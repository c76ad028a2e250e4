/**
 * Training time, energy and cost calculator: a model, a workload, a token budget and cards in; the verdict, tokens/s, time,
 * energy, the cost of owning (at the reader's busy hours) against renting with the break-even, and the cheapest cards that run
 * the job out. Every number comes from the estimator; a job that does not run is not priced.
 * States: loading (server render, inputs disabled) -> valid <-> invalid (message beside the field, last valid result kept).
 */
import { issueMessage, registerWords } from '../../i18n/vocabulary.ts';
import { useMemo, useState } from 'preact/hooks';
import { CARD_PRICE_FIELD } from '../../lib/scenario/fields.ts';
import { MODEL_PRESETS } from '../../lib/scenario/models.ts';
import { formatBytesIn, formatNumber } from '../../lib/units.ts';
import { runsAsGiven } from '../../lib/estimator/verdict.ts';
import { fill } from '../../i18n/fill.ts';
import { cardOptionText, cardsFor } from './cards.ts';
import Field, { formFields, LoadingNote } from '../form/Field.tsx';
import { verdictReason } from '../../i18n/verdict-reasons.ts';
import { useScenarioForm } from '../form/useScenarioForm.ts';
import { IslandToolbar } from '../form/parts.tsx';
import type { FormIslandProps } from './wrapper.ts';
import { useLastGood } from './url-state.ts';
import { evaluateCost, FORM_KEYS, TRAIN_OPTIONS, type CheapRow, type CostCard, type CostInputs } from './training-cost.ts';

type SortKey = 'card' | 'count' | 'price' | 'time' | 'energy' | 'cost';

type Props = FormIslandProps<'trainingCost', CostInputs>;

export default function TrainingCostCalculator({ strings, defaults, idPrefix, formWords }: Props) {
  registerWords(formWords);
  // Every card, slim columns, from the shared module (not from props, so the page's HTML does not carry the table).
  const cards = cardsFor();
  const t = strings.trainingCost;
  const loc = strings.numberLocale;
  const form = useScenarioForm(`${idPrefix}.`, { ...defaults, priceUsd: defaults.price }, [...FORM_KEYS, 'priceUsd'], [CARD_PRICE_FIELD]);
  const { priceUsd: price, ...values } = form.values;
  const inputs: CostInputs = { ...values, price };
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'price', dir: 1 });
  const evaluation = useMemo(() => evaluateCost(inputs, cards), [JSON.stringify(inputs), cards]);
  const shown = useLastGood(evaluation);
  const errors = evaluation.ok ? {} : evaluation.errors;
  const n = (x: number, d = 3) => formatNumber(x, d, loc);
  const usd = (x: number) => `$${formatNumber(x, x >= 100 ? 6 : 3, loc)}`;
  const gib = (bytes: number) => formatBytesIn(bytes, 'GiB', 3, loc);
  const runs = runsAsGiven(shown.verdict) || shown.verdict === 'offload';
  const workloadNow = shown.workload;
  const cardNow = cards.find((c) => c.id === inputs.gpu);
  const cardText = (c: CostCard) => cardOptionText(c, t.cardOption, loc);
  const words = { total: gib(shown.totalBytes), capacity: gib(shown.card.memoryBytes), card: shown.card.name, count: shown.gpuCount, reason: verdictReason(shown.verdictWhy, strings.numberLocale) };
  const advice = shown.advice.map((a) => t.advice[a]).join('; ');

  let costWords: string;
  if (!runs) costWords = t.notPriced;
  else if (shown.rentUsd === null) costWords = fill(t.noRent, { buy: usd(shown.buyUsd) });
  else if (Math.abs(shown.rentUsd - shown.buyUsd) < 0.005) costWords = fill(t.same, { buy: usd(shown.buyUsd) });
  else if (shown.buyUsd < shown.rentUsd) costWords = fill(t.buyCheaper, { buy: usd(shown.buyUsd), rent: usd(shown.rentUsd), diff: usd(shown.rentUsd - shown.buyUsd) });
  else costWords = fill(t.rentCheaper, { buy: usd(shown.buyUsd), rent: usd(shown.rentUsd), diff: usd(shown.buyUsd - shown.rentUsd) });
  const breakEven = shown.rentUsd === null || !runs ? '' : shown.breakEvenHours === null ? t.breakEvenNever : shown.breakEvenHours > 168 ? t.breakEvenAbove : fill(t.breakEven, { hours: n(shown.breakEvenHours, 2) });

  const sortValue = (r: CheapRow): number | string => ({ card: r.gpuName, count: r.gpuCount, price: r.priceUsd ?? Number.MAX_VALUE, time: r.timeSeconds, energy: r.energyKWh, cost: r.costUsd })[sort.key];
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
        <button type="button" class="tc-sort" aria-label={fill(t.sortBy, { column: label })} onClick={() => setSort(active ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: 1 })}>
          {label}<span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  const field = formFields(form, errors, idPrefix, strings.numberLocale);
  const mfuDefault = shown.defaultMfu;
  return (
    <section class="island calc tc" aria-label={t.title}>
      <LoadingNote hydrated={form.hydrated} text={strings.common.defaultShown} />
      <div class="calc-inputs tc-inputs">
        {field('model', t.modelLabel, '', MODEL_PRESETS.map((m) => [m.id, m.name] as const))}
        {field('workload', t.workloadLabel, '', TRAIN_OPTIONS)}
        {field('framework', t.frameworkLabel, t.frameworkHint)}
        {field('trainTokens', t.tokensLabel, t.tokensHint)}
        {field('gpu', t.cardLabel, '', cards.map((c) => [c.id, cardText(c)] as const))}
        {field('gpuCount', t.countLabel, t.countHint)}
        {field('batchSize', t.batchLabel)}
        {field('seqLen', t.seqLabel)}
        {field('gradientCheckpointing', t.checkpointingLabel)}
        {field('mfu', t.mfuLabel, fill(t.mfuHint, { default: n(mfuDefault * 100), workload: workloadNow }))}
        {field('electricityUsdPerKWh', t.electricityLabel, t.electricityHint)}
        {field('hourlyUsd', t.hourlyLabel, t.hourlyHint)}
        {field('busyHoursPerWeek', t.busyLabel, t.busyHint)}
        <Field locale={strings.numberLocale} spec={CARD_PRICE_FIELD} idPrefix={idPrefix} value={price} label={t.priceLabel} errors={errors.price} disabled={!form.hydrated} onChange={(text) => form.set('priceUsd', text)}
          hint={fill(t.priceHint, { price: cardNow && cardNow.launchPriceUsd !== null ? usd(cardNow.launchPriceUsd) : t.noLaunchPrice })} />
      </div>
      {errors['']?.[0] ? <p class="field-msg error" role="alert" data-testid="general-error">{issueMessage(errors[''][0], strings.numberLocale)}</p> : null}
      <div class="tc-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p class="tc-verdict" data-testid="verdict" data-verdict={shown.verdict} data-fits={runsAsGiven(shown.verdict) ? 'true' : 'false'}>
          {fill(t.verdicts[shown.verdict], words)}{advice ? ` ${fill(t.adviceLead, { advice })}` : ''}
        </p>
        <dl class="calc-result" data-runs={runs ? 'true' : 'false'}>
          <div><dt>{t.throughputLabel}</dt><dd data-testid="throughput">{runs ? fill(t.throughputValue, { tokens: n(shown.tokensPerSecond) }) : t.notRun}</dd></div>
          <div><dt>{t.timeLabel}</dt><dd data-testid="time">{runs ? fill(t.timeValue, { hours: n(shown.timeSeconds / 3600), days: n(shown.timeSeconds / 86_400) }) : t.notRun}</dd></div>
          <div><dt>{t.cardHoursLabel}</dt><dd data-testid="card-hours">{runs ? n(shown.cardHours) : t.notRun}</dd></div>
          <div><dt>{t.energyLabel}</dt><dd data-testid="energy">{runs ? fill(t.energyValue, { kwh: n(shown.energyKWh) }) : t.notRun}</dd></div>
        </dl>
        <p class="tc-words" data-testid="cost-words" data-runs={runs ? 'true' : 'false'}>
          {costWords}{breakEven ? ` ${breakEven}` : ''}
          {shown.noPrice && runs ? ` ${fill(t.noPriceNote, { card: shown.card.name })}` : ''}
        </p>
        {runs ? (
          <table class="tc-table" data-testid="cost-table">
            <caption>{fill(t.costCaption, { hours: n(shown.busyHoursPerWeek) })}</caption>
            <thead><tr><th scope="col">{t.costItemHeader}</th><th scope="col" class="num">{t.usdHeader}</th></tr></thead>
            <tbody>
              <tr><th scope="row">{t.purchaseRow}</th><td class="num">{usd(shown.purchaseUsd)}</td></tr>
              <tr><th scope="row">{t.electricityRow}</th><td class="num">{usd(shown.electricityUsd)}</td></tr>
              <tr><th scope="row">{t.buyTotalRow}</th><td class="num" data-testid="buy"><strong>{usd(shown.buyUsd)}</strong></td></tr>
              <tr><th scope="row">{t.rentRow}</th><td class="num" data-testid="rent">{shown.rentUsd === null ? t.notGiven : usd(shown.rentUsd)}</td></tr>
            </tbody>
          </table>
        ) : null}
        {rows.length > 0 ? (
          <div class="table-scroll" role="region" tabIndex={0} aria-label={t.cheapestCaption}>
            <table class="tc-table tc-cheapest" data-testid="cheapest">
              <caption>{t.cheapestCaption}</caption>
              <thead><tr>{header('card', t.cardHeader, false)}{header('count', t.countHeader)}{header('price', t.priceHeader)}{header('time', t.timeHeader)}{header('energy', t.energyHeader)}{header('cost', t.runCostHeader)}</tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-id={r.gpuId}>
                    <th scope="row"><a href={`${strings.base}/gpus/${r.gpuId}/`}>{r.gpuName}</a></th>
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
      <IslandToolbar strings={strings.common} onReset={form.reset} />
    </section>
  );
}
