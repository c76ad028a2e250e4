/**
 * Decode-speed calculator: a model, a weight format, a context, a batch and some cards in; for each card the time of every
 * term of one decode step (weights, KV cache, compute, per-step overhead), the one that bounds it, and tokens per second per
 * user and for the whole batch, all from the estimator (`decodeBreakdown`).
 * States: valid (result shown) -> invalid input (message beside the field, last valid result kept, marked as such) -> valid.
 */
import { INFERENCE_FORMAT_IDS, INFERENCE_FORMATS, isInferenceFormatId, type DecodeBreakdown, type DecodeLimit } from '../../lib/estimator/inference.ts';
import { ENGINE_LABELS } from '../../lib/scenario/vocabulary.ts';
import { formatNumber, GIB } from '../../lib/units.ts';
import type { DecodeSpeedWords } from '../../i18n/islands/decode-speed.ts';
import type { IslandWords } from '../../i18n/islands.ts';
import { fill } from '../../i18n/fill.ts';
import { cardsFor } from './cards.ts';
import IslandToolbar from './IslandToolbar.tsx';
import { plainFields } from './plain-fields.tsx';
import { useEvaluatedInputs } from './url-state.ts';
import { BATCHES, CONTEXTS, evaluateDecode, FIELDS, MODELS, stop, type DecodeCard, type DecodeInputs, type Field, type FieldError } from './decode-speed.ts';


function errorText(error: FieldError, s: DecodeSpeedWords['errors'], locale: string): string {
  switch (error.kind) {
    case 'lib': return error.message;
    case 'badContext': return fill(s.badContext, { min: formatNumber(CONTEXTS[0], 6, locale), max: formatNumber(CONTEXTS[CONTEXTS.length - 1]!, 6, locale) });
    case 'badBatch': return fill(s.badBatch, { min: BATCHES[0], max: BATCHES[BATCHES.length - 1]! });
    default: return s[error.kind];
  }
}

interface Props {
  /** Words for the reader's locale: only this island's table and the shared words, to keep the page light. */
  strings: IslandWords<'decodeSpeed'>;
  /** Ids of the cards offered, in order; their columns come from the shared slim table. */
  cardIds: string[];
  /** Initial inputs. */
  defaults: DecodeInputs;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

export default function DecodeSpeedCalculator({ strings, cardIds, defaults, idPrefix }: Props) {
  const cards = cardsFor(cardIds);
  const t = strings.decodeSpeed;
  const locale = strings.numberLocale;
  const { inputs, setInputs, evaluation, shown, errors, set } = useEvaluatedInputs(`${idPrefix}.`, defaults, FIELDS, (v) => evaluateDecode(v, cards));
  const id = (f: string) => `${idPrefix}-${f}`;
  const n = (x: number, digits = 3) => formatNumber(x, digits, locale);
  const ms = (seconds: number) => n(seconds * 1000, 3);

  const { msg, select } = plainFields<Field>({
    idPrefix, values: inputs, set,
    errorText: (f) => {
      const error = errors[f];
      return error ? errorText(error, t.errors, locale) : undefined;
    },
  });
  // A slider over the stops: its position is the stop's index; the field keeps the value itself.
  const slider = (field: 'ctx' | 'batch', label: string, stops: readonly number[], valueText: (x: number) => string) => {
    const value = stop(inputs[field], stops);
    const index = value === null ? 0 : stops.indexOf(value);
    const text = value === null ? '—' : valueText(value);
    return (
      <div class="field">
        <label for={id(field)}>{label}</label>
        <input id={id(field)} type="range" min={0} max={stops.length - 1} step={1} value={index} aria-valuetext={text}
          aria-invalid={errors[field] ? 'true' : 'false'} aria-describedby={`${id(`${field}-out`)} ${id(`${field}-msg`)}`}
          onInput={(e) => set(field, String(stops[Number((e.currentTarget as HTMLInputElement).value)] ?? stops[0]))} />
        <output id={id(`${field}-out`)} for={id(field)} data-testid={`${field}-value`}>{text}</output>
        {msg(field)}
      </div>
    );
  };

  const chosen = new Set(inputs.cards.split(',').map((s) => s.trim()));
  const toggle = (cardId: string, on: boolean) => {
    const next = cards.map((c) => c.id).filter((cid) => (cid === cardId ? on : chosen.has(cid)));
    set('cards', next.join(','));
  };
  const cardText = (c: DecodeCard) => (/\d\s?GB/i.test(c.name) ? c.name : fill(t.cardOption, { name: c.name, memory: n(c.memoryGB, 4) }));
  const format = isInferenceFormatId(inputs.format) ? INFERENCE_FORMATS[inputs.format] : null;
  const first = shown.rows.find((r) => r.fits);
  const limitCell = (r: DecodeBreakdown, term: DecodeLimit, seconds: number) => {
    const isLimit = r.fits && r.limit === term;
    return <td class="num" data-limit={isLimit ? 'true' : undefined}>{isLimit ? <strong>{ms(seconds)} {t.limitMark}</strong> : ms(seconds)}</td>;
  };

  return (
    <section class="island calc ds" aria-label={t.title}>
      <div class="calc-inputs">
        {select('model', t.modelLabel, MODELS.map((m) => [m.id, m.name]))}
        {select('format', t.formatLabel, INFERENCE_FORMAT_IDS.map((f) => [f, INFERENCE_FORMATS[f].label]), format ? fill(t.formatHint, { engine: ENGINE_LABELS[format.engine] }) : '')}
        {slider('ctx', t.contextLabel, CONTEXTS, (x) => fill(t.contextValue, { tokens: n(x, 6) }))}
        {slider('batch', t.batchLabel, BATCHES, (x) => fill(t.batchValue, { batch: x }))}
      </div>
      <fieldset class="ds-cards" aria-describedby={id('cards-msg')} aria-invalid={errors.cards ? 'true' : 'false'}>
        <legend>{t.cardsLegend}</legend>
        <ul>
          {cards.map((c) => (
            <li>
              <input id={id(`card-${c.id}`)} type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, (e.currentTarget as HTMLInputElement).checked)} />
              <label for={id(`card-${c.id}`)}>{cardText(c)}</label>
            </li>
          ))}
        </ul>
        {msg('cards', t.cardsHint)}
      </fieldset>
      {errors.general ? <p class="field-msg error" role="alert">{errorText(errors.general, t.errors, locale)}</p> : null}
      <div class="ds-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p data-testid="summary">
          {first ? fill(t.summary, { card: first.name, perUser: n(first.perUserTokensPerSecond), total: n(first.totalTokensPerSecond), limit: t.limits[first.limit] }) : t.summaryNone}
        </p>
        <div class="ds-scroll" tabIndex={0} role="region" aria-label={t.tableCaption}>
          <table class="ds-table" data-testid="table">
            <caption>{t.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.cardHeader}</th>
                <th scope="col">{t.memoryHeader}</th>
                <th scope="col" class="num">{t.perUserHeader}</th>
                <th scope="col" class="num">{t.totalHeader}</th>
                <th scope="col" class="num">{t.weightsHeader}</th>
                <th scope="col" class="num">{t.kvHeader}</th>
                <th scope="col" class="num">{t.computeHeader}</th>
                <th scope="col" class="num">{t.overheadHeader}</th>
                <th scope="col">{t.limitHeader}</th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((r) => {
                const bytes = r.weightBytesPerStep + r.kvBytesPerStep;
                const weightsSeconds = bytes > 0 ? (r.memorySeconds * r.weightBytesPerStep) / bytes : 0;
                const kvSeconds = r.memorySeconds - weightsSeconds;
                const memory = { need: n(r.totalMemoryBytes / GIB), capacity: n(r.capacityBytes / GIB) };
                return (
                  <tr data-card={r.id} data-fits={r.fits ? 'true' : 'false'}>
                    <th scope="row">{r.name}</th>
                    <td>{r.fits ? fill(t.fitsCell, memory) : <strong>{fill(t.noFitCell, memory)}</strong>}</td>
                    <td class="num" data-testid={`per-user-${r.id}`}>{r.fits ? n(r.perUserTokensPerSecond) : t.noSpeed}</td>
                    <td class="num" data-testid={`total-${r.id}`}>{r.fits ? n(r.totalTokensPerSecond) : t.noSpeed}</td>
                    {limitCell(r, 'weights', weightsSeconds)}
                    {limitCell(r, 'kv-cache', kvSeconds)}
                    {limitCell(r, 'compute', r.computeSeconds)}
                    {limitCell(r, 'overhead', r.floorSeconds)}
                    <td data-testid={`limit-${r.id}`}>{r.fits ? t.limits[r.limit] : t.noSpeed}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
      <IslandToolbar strings={strings.common} onReset={() => setInputs({ ...defaults })} />
    </section>
  );
}
