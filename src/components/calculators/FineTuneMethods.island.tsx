/**
 * Fine-tuning methods side by side: one model and one card in, with sequence, batch, the k of "top k blocks", LoRA rank,
 * checkpointing and a token budget; the lib's comparison of full, top-k, LoRA and QLoRA out, as bars on one scale and a
 * table of memory, verdict, speed and time.
 * States: valid (comparison shown) -> invalid input (message beside the field, last valid comparison kept, marked) -> valid.
 */
import type { FineTuneRow } from '../../lib/teaching/finetuning.ts';
import { formatBytesIn, formatNumber, GIB } from '../../lib/units.ts';
import { fill } from '../../i18n/fill.ts';
import { trainingCards } from 'virtual:training-cards';
import { verdictReason } from '../../i18n/verdict-reasons.ts';
import { FineTuneBars } from '../charts/FineTuneBars.tsx';
import { BandLegend, TIMELINE_PARTS } from '../charts/bands.tsx';
import Field, { LoadingNote } from '../form/Field.tsx';
import { FormIssues, useFieldsForm, type FieldsIslandProps } from '../form/FieldsForm.tsx';
import { IslandToolbar } from '../form/parts.tsx';
import { evaluateFineTune, fineTuneFields, type FineTuneInputs } from './fine-tune-methods.ts';
import { FINE_TUNE_KEYS } from './url-keys.ts';

export default function FineTuneMethodsCalculator({ strings, defaults, idPrefix, formWords }: FieldsIslandProps<'fineTuneMethods', FineTuneInputs>) {
  // The training cards, slim columns, from a generated module (not from props, so the page's HTML does not carry them).
  const cards = trainingCards;
  const t = strings.fineTuneMethods;
  const loc = strings.numberLocale;
  const { evaluation, shown, errors, specs, field, hydrated, reset } = useFieldsForm({
    idPrefix, defaults, formWords, keys: FINE_TUNE_KEYS, locale: loc, specs: (v) => fineTuneFields(cards, v.model), evaluate: (v) => evaluateFineTune(v, cards),
  });
  const { rows, card, k } = shown;

  const gib = (b: number) => formatBytesIn(b, 'GiB', 3, loc);
  const num = (x: number, d = 3) => formatNumber(x, d, loc);
  const name = (r: FineTuneRow) => (r.method === 'top' ? fill(t.topMethod, { k }) : t.methods[r.method]);
  const capacity = gib(card.memoryBytes);
  // k and the token budget carry this calculator's words and hints; every other field shows the manifest's.
  const own: Partial<Record<string, readonly [string, string]>> = { top: [t.topLabel, t.topHint], tokens: [t.tokensLabel, t.tokensHint] };

  return (
    <section class="island calc ft" aria-label={t.title}>
      <LoadingNote hydrated={hydrated} text={strings.common.defaultShown} />
      <div class="calc-inputs">
        {specs.map(({ url }) => <Field {...field(url, own[url]?.[0], own[url]?.[1])} />)}
      </div>
      <FormIssues issues={errors} specs={specs} locale={loc} />
      <div class="ft-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <div class="table-scroll" role="region" tabIndex={0} aria-label={t.title}>
        <FineTuneBars
          bars={rows.map((r) => ({ label: name(r), memory: r.memory }))}
          capacityBytes={card.memoryBytes}
          labels={{ summary: rows.map((r) => fill(t.barSummary, { method: name(r), total: gib(r.memory.totalBytes), capacity, card: card.name })).join(' '), capacity: fill(t.capacityLine, { card: card.name, capacity }) }}
          idPrefix={idPrefix}
          locale={loc}
        />
        </div>
        <BandLegend idPrefix={idPrefix} names={t.parts} />
        <div class="table-scroll" role="region" tabIndex={0} aria-label={t.tableCaption}>
        <table class="ft-table" data-testid="table">
          <caption>{t.tableCaption}</caption>
          <thead><tr><th scope="col">{t.methodHeader}</th>{rows.map((r) => <th scope="col" class="num">{name(r)}</th>)}</tr></thead>
          <tbody>
            <tr><th scope="row">{t.trainableRow}</th>{rows.map((r) => <td class="num">{num(r.trainableParams / 1e6)}</td>)}</tr>
            {TIMELINE_PARTS.map((part) => <tr><th scope="row">{t.parts[part]}</th>{rows.map((r) => <td class="num">{num(r.memory[part] / GIB)}</td>)}</tr>)}
            <tr><th scope="row">{t.totalRow}</th>{rows.map((r) => <td class="num" data-testid={`total-${r.method}`}><strong>{num(r.memory.totalBytes / GIB)}</strong></td>)}</tr>
            <tr><th scope="row">{t.verdictRow}</th>{rows.map((r) => <td class="num" data-testid={`verdict-${r.method}`} data-verdict={r.verdict} title={verdictReason(r.verdictWhy, strings.numberLocale)}>{t.verdicts[r.verdict]}</td>)}</tr>
            <tr><th scope="row">{t.speedRow}</th>{rows.map((r) => <td class="num">{num(r.tokensPerSecond)}</td>)}</tr>
            <tr><th scope="row">{t.timeRow}</th>{rows.map((r) => <td class="num" data-testid={`time-${r.method}`}>{num(r.timeSeconds / 3600)}</td>)}</tr>
          </tbody>
        </table>
        </div>
      </div>
      <IslandToolbar strings={strings.common} onReset={reset} />
    </section>
  );
}
