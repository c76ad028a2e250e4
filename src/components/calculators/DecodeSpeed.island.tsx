/**
 * Decode-speed calculator: a model, a weight format, a context, a batch and some cards in; for each card the time of every
 * term of one decode step (weights, KV cache, compute, per-step overhead), the one that bounds it, and tokens per second per
 * user and for the whole batch, all from the estimator (`decodeBreakdown`).
 * States: valid (result shown) -> invalid input (message beside the field, last valid result kept, marked as such) -> valid.
 */
import { INFERENCE_FORMATS, isInferenceFormatId, type DecodeBreakdown, type DecodeLimit } from '../../lib/estimator/inference.ts';
import { formatNumber, GIB } from '../../lib/units.ts';
import { vocabulary } from '../../i18n/vocabulary.ts';
import type { DecodeSpeedWords } from '../../i18n/islands/decode-speed.ts';
import { fill } from '../../i18n/fill.ts';
import { cardsFor } from './cards.ts';
import Field, { LoadingNote } from '../form/Field.tsx';
import { FormIssues, useFieldsForm, type FieldsIslandProps } from '../form/FieldsForm.tsx';
import { ChoicesField, StopsField } from '../form/ListFields.tsx';
import { IslandToolbar } from '../form/parts.tsx';
import { decodeFields, evaluateDecode, type DecodeInputs } from './decode-speed.ts';
import { DECODE_SPEED_KEYS } from './url-keys.ts';

/** The table's columns: the words of each header, and whether it holds numbers. */
const COLUMNS = [
  ['cardHeader', false], ['memoryHeader', false], ['perUserHeader', true], ['totalHeader', true],
  ['weightsHeader', true], ['kvHeader', true], ['computeHeader', true], ['overheadHeader', true], ['limitHeader', false],
] as const;

/** Each term of one decode step and its time; the memory time is split between weights and KV cache by the bytes each reads. */
function termSeconds(r: DecodeBreakdown): [DecodeLimit, number][] {
  const bytes = r.weightBytesPerStep + r.kvBytesPerStep;
  const weightsSeconds = bytes > 0 ? (r.memorySeconds * r.weightBytesPerStep) / bytes : 0;
  return [['weights', weightsSeconds], ['kv-cache', r.memorySeconds - weightsSeconds], ['compute', r.computeSeconds], ['overhead', r.floorSeconds]];
}

/** The table: per card, the memory it needs, the speeds, each term's time (the limiting one marked in words) and the limit. */
function SpeedTable({ rows, t, n }: { rows: readonly DecodeBreakdown[]; t: DecodeSpeedWords; n: (x: number, digits?: number) => string }) {
  const ms = (seconds: number) => n(seconds * 1000, 3);
  const limitCell = (r: DecodeBreakdown, term: DecodeLimit, seconds: number) => {
    const isLimit = r.fits && r.limit === term;
    return <td class="num" data-limit={isLimit ? 'true' : undefined}>{isLimit ? <strong>{ms(seconds)} {t.limitMark}</strong> : ms(seconds)}</td>;
  };
  return (
    <div class="ds-scroll" tabIndex={0} role="region" aria-label={t.tableCaption}>
      <table class="ds-table" data-testid="table">
        <caption>{t.tableCaption}</caption>
        <thead><tr>{COLUMNS.map(([key, numeric]) => <th scope="col" class={numeric ? 'num' : undefined}>{t[key]}</th>)}</tr></thead>
        <tbody>
          {rows.map((r) => {
            const memory = { need: n(r.totalMemoryBytes / GIB), capacity: n(r.capacityBytes / GIB) };
            const speed = (tokensPerSecond: number) => (r.fits ? n(tokensPerSecond) : t.noSpeed);
            return (
              <tr data-card={r.id} data-fits={r.fits ? 'true' : 'false'}>
                <th scope="row">{r.name}</th>
                <td>{r.fits ? fill(t.fitsCell, memory) : <strong>{fill(t.noFitCell, memory)}</strong>}</td>
                <td class="num" data-testid={`per-user-${r.id}`}>{speed(r.perUserTokensPerSecond)}</td>
                <td class="num" data-testid={`total-${r.id}`}>{speed(r.totalTokensPerSecond)}</td>
                {termSeconds(r).map(([term, seconds]) => limitCell(r, term, seconds))}
                <td data-testid={`limit-${r.id}`}>{r.fits ? t.limits[r.limit] : t.noSpeed}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface Props extends FieldsIslandProps<'decodeSpeed', DecodeInputs> {
  /** Ids of the cards offered, in order; their columns come from the shared slim table. */
  cardIds: string[];
}

export default function DecodeSpeedCalculator({ strings, cardIds, defaults, idPrefix, formWords }: Props) {
  const cards = cardsFor(cardIds);
  const t = strings.decodeSpeed;
  const locale = strings.numberLocale;
  const { inputs, evaluation, shown, errors, specs, field, hydrated, reset } = useFieldsForm({ idPrefix, defaults, formWords, keys: DECODE_SPEED_KEYS, locale, specs: () => decodeFields(cards), evaluate: (v) => evaluateDecode(v, cards) });
  const n = (x: number, digits = 3) => formatNumber(x, digits, locale);
  const format = isInferenceFormatId(inputs.format) ? INFERENCE_FORMATS[inputs.format] : null;
  const first = shown.rows.find((r) => r.fits);

  return (
    <section class="island calc ds" aria-label={t.title}>
      <LoadingNote hydrated={hydrated} text={strings.common.defaultShown} />
      <div class="calc-inputs">
        <Field {...field('model')} />
        <Field {...field('format', t.formatLabel, format ? fill(t.formatHint, { engine: vocabulary(locale).engines[format.engine] }) : '')} />
        <StopsField {...field('ctx', t.contextLabel)} valueText={(x) => fill(t.contextValue, { tokens: n(x, 6) })} />
        <StopsField {...field('batch', t.batchLabel)} valueText={(x) => fill(t.batchValue, { batch: x })} />
      </div>
      <div class="ds-cards"><ChoicesField {...field('cards', t.cardsLegend, t.cardsHint)} /></div>
      <FormIssues issues={errors} specs={specs} locale={locale} />
      <div class="ds-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p data-testid="summary">
          {first ? fill(t.summary, { card: first.name, perUser: n(first.perUserTokensPerSecond), total: n(first.totalTokensPerSecond), limit: t.limits[first.limit] }) : t.summaryNone}
        </p>
        <SpeedTable rows={shown.rows} t={t} n={n} />
      </div>
      <IslandToolbar strings={strings.common} onReset={reset} />
    </section>
  );
}
