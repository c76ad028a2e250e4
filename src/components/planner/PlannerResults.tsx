/** The planner's answer: order and filters, the validated error band, and one row per card (stacked on a phone). */
import { accuracyFor, roundToAccuracy, type AccuracyTable } from '../../lib/validation/accuracy.ts';
import { PLAN_SORTS, type PlanRow } from '../../lib/answers/planner.ts';
import type { Scenario } from '../../lib/types.ts';
import { vocabulary } from '../../i18n/vocabulary.ts';
import { accuracyText, layoutIn } from '../../i18n/reasons.ts';
import { verdictReason } from '../../i18n/verdict-reasons.ts';
import { formatNumber, GIB } from '../../lib/units.ts';
import { fillIn, planSortLabels, type PlannerStrings } from '../../i18n/planner.ts';
import { planQuery, type PlanInputs } from './plan-state.ts';
import { chapterHref } from './PlannerWork.tsx';

interface Props {
  strings: PlannerStrings;
  evaluation: { scenario: Scenario; shown: PlanRow[]; modelName: string };
  accuracy: AccuracyTable;
  total: number;
  mine: string;
  inputs: PlanInputs;
  errors: Record<string, string>;
  set: (key: string, value: string) => void;
  series: { id: string; label: string }[];
  disabled: boolean;
  /** Show only the first rows, with a link to the planner page for the rest. */
  limit?: number | undefined;
}

/** A symbol beside each verdict, so colour is never the only signal. */
const MARK: Record<string, string> = { fits: '✓', tight: '≈', offload: '↯', unsupported: '⊘', 'does-not-fit': '✗' };

/** A duration in the largest sensible unit, in the reader's words. */
function duration(seconds: number, t: PlannerStrings): string {
  if (seconds < 120) return fillIn(t.seconds, { n: formatNumber(seconds, 2) });
  if (seconds < 7200) return fillIn(t.minutes, { n: formatNumber(seconds / 60, 2) });
  if (seconds < 172_800) return fillIn(t.hours, { n: formatNumber(seconds / 3600, 2) });
  return fillIn(t.days, { n: formatNumber(seconds / 86_400, 2) });
}

/** The planner page's address for these inputs (only what differs from its defaults). */
function plannerHref(inputs: PlanInputs, base: string): string {
  const q = planQuery(inputs);
  return `${base}/plan/${q ? `?${q}` : ''}`;
}

const usd = (v: number): string => (v >= 100 ? `$${formatNumber(Math.round(v), 6)}` : `$${v.toPrecision(2)}`);

export default function PlannerResults({ strings, evaluation, accuracy, total, mine, inputs, errors, set, series, disabled, limit }: Props) {
  const limited = limit !== undefined && evaluation.shown.length > limit;
  const rows = limited ? evaluation.shown.slice(0, limit) : evaluation.shown;
  const s = evaluation.scenario;
  const words = vocabulary(strings.locale);
  const base = strings.base;
  const inference = s.workload === 'inference';
  const acc = accuracyFor(s.workload, accuracy);
  const speedAcc = inference ? acc.decode : acc.training;
  const field = (id: string, label: string, input: preact.JSX.Element) => (
    <div class="field">
      <label for={`plan-${id}`}>{label}</label>
      {input}
      {errors[id] && <p class="field-msg" id={`plan-${id}-msg`} role="alert">{errors[id]}</p>}
    </div>
  );
  const textInput = (id: string) => (
    <input type="text" inputMode="decimal" id={`plan-${id}`} value={inputs[id] ?? ''} disabled={disabled} aria-invalid={errors[id] ? 'true' : undefined}
      aria-describedby={errors[id] ? `plan-${id}-msg` : undefined} onInput={(e) => set(id, e.currentTarget.value)} />
  );
  return (
    <section class="planner-results" aria-label={strings.results}>
      <div class="planner-row planner-view">
        {field('sort', strings.sort, (
          <select id="plan-sort" value={inputs['sort']} disabled={disabled} onChange={(e) => set('sort', e.currentTarget.value)}>
            {PLAN_SORTS.map((k) => <option value={k}>{planSortLabels(strings.locale)[k]}</option>)}
          </select>
        ))}
        {field('series', strings.series, (
          <select id="plan-series" value={inputs['series']} disabled={disabled} onChange={(e) => set('series', e.currentTarget.value)}>
            <option value="">{strings.allSeries}</option>
            {series.map((x) => <option value={x.id}>{x.label}</option>)}
          </select>
        ))}
        {field('budget', strings.budget, textInput('budget'))}
        {field('vram', strings.vram, textInput('vram'))}
        <div class="field planner-check">
          <input type="checkbox" id="plan-runs" checked={inputs['runs'] === '1'} disabled={disabled} onChange={(e) => set('runs', e.currentTarget.checked ? '1' : '0')} />
          <label for="plan-runs">{strings.runsOnly}</label>
        </div>
      </div>
      <p class="planner-precision" data-testid="precision">
        {strings.precision}{' '}
        {acc.memory && fillIn(strings.memoryAcc, { text: accuracyText(acc.memory, strings.locale) })}
        {speedAcc && <>; {fillIn(strings.speedAcc, { what: inference ? strings.decodeWord : strings.trainWord, text: accuracyText(speedAcc, strings.locale) })}</>}.{' '}
        <a href={`${base}/methodology/`}>{strings.methodology}</a>
      </p>
      <div class="table-scroll" role="region" tabindex={0} aria-label={strings.everyCard}>
        <table class="planner-table" data-testid="plan-table">
          <caption>{limited
            // With no filter every card matches: "12 of 75 matching (75 in all)" would say the same number twice.
            ? fillIn(evaluation.shown.length === total ? strings.limitedCaptionAll : strings.limitedCaption, { shown: rows.length, matching: evaluation.shown.length, total, model: evaluation.modelName, workload: words.workloads[s.workload] })
            : fillIn(strings.caption, { shown: evaluation.shown.length, total, model: evaluation.modelName, workload: words.workloads[s.workload] })}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.colCard}</th>
              <th scope="col">{strings.colVerdict}</th>
              <th scope="col"><a href={`${base}/learn/vram/`}>{strings.colMemory}</a></th>
              <th scope="col"><a href={chapterHref(base, inference ? '/learn/roofline/#the-roofline-model' : '/learn/training-cost/#from-flops-to-hours')}>{strings.colSpeed}</a></th>
              <th scope="col"><a href={`${base}/learn/training-cost/`}>{strings.colTime}</a></th>
              <th scope="col"><a href={chapterHref(base, '/learn/training-cost/#money-owning-against-renting')}>{strings.colCost}</a></th>
              <th scope="col"><a href={`${base}/learn/parallelism/`}>{strings.colFewest}</a></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const runs = r.verdict !== 'does-not-fit' && r.verdict !== 'unsupported';
              return (
              <tr data-card={r.id} data-verdict={r.verdict} class={r.id === mine ? 'planner-mine' : undefined}>
                <th scope="row" data-label={strings.colCard}><a href={`${base}/gpus/${r.id}/`}>{r.label}</a></th>
                <td data-label={strings.colVerdict} title={verdictReason(r.verdictWhy, strings.locale)}>
                  <span class={`verdict verdict-${r.verdict}`}>{MARK[r.verdict]} {words.verdicts[r.verdict]}</span>
                  {(r.verdict === 'unsupported' || r.verdict === 'tight' || r.verdict === 'offload') && <span class="verdict-why">{verdictReason(r.verdictWhy, strings.locale)}</span>}
                </td>
                <td data-label={strings.colMemory}>{formatNumber(roundToAccuracy(r.totalBytes / GIB, acc.memory), 4)} / {formatNumber(r.capacityBytes / GIB, 4)} GiB</td>
                <td data-label={strings.colSpeed}>{runs ? `${fillIn(strings.tokensPerSecond, { value: formatNumber(roundToAccuracy(r.tokensPerSecond, speedAcc), 4) })}${inference ? fillIn(strings.promptSpeed, { value: formatNumber(roundToAccuracy(r.prefillTokensPerSecond, acc.prefill), 4) }) : ''}` : '–'}</td>
                <td data-label={strings.colTime}>{runs ? duration(r.timeSeconds, strings) : '–'}</td>
                <td data-label={strings.colCost}>{runs ? usd(r.costUsd) : '–'}{r.cardsPriceUsd !== null ? fillIn(strings.cardsPrice, { price: usd(r.cardsPriceUsd) }) : ''}</td>
                <td data-label={strings.colFewest}>{r.fewest ? layoutIn(r.fewest, strings.locale) : r.verdict === 'does-not-fit' ? strings.fewestNone : '–'}</td>
              </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {evaluation.shown.length === 0 && <p role="status">{strings.noneFit}</p>}
      {limit !== undefined && <p class="planner-more"><a href={plannerHref(inputs, base)} data-testid="more-in-planner">{fillIn(strings.moreInPlanner, { n: total })}</a></p>}
    </section>
  );
}
