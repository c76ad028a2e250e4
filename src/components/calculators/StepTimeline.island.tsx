/**
 * Step memory timeline: a model, a training workload, batch, sequence, checkpointing and a card in; the lib's timeline of one
 * step out, as stacked bands, a headline with the peak, a slider that reads any moment, and tables of the key and all moments.
 * States: valid (timeline shown) -> invalid input (message beside the field, last valid timeline kept, marked) -> valid.
 */
import { useState } from 'preact/hooks';
import type { TimelinePoint } from '../../lib/teaching/timeline.ts';
import { formatBytesIn, formatNumber, GIB } from '../../lib/units.ts';
import { fill } from '../../i18n/fill.ts';
import { trainingCards } from 'virtual:training-cards';
import { StepTimelineChart } from '../charts/StepTimelineChart.tsx';
import { BandLegend, TIMELINE_PARTS } from '../charts/bands.tsx';
import Field, { LoadingNote } from '../form/Field.tsx';
import { FormIssues, useFieldsForm, type FieldsIslandProps } from '../form/FieldsForm.tsx';
import { IslandToolbar } from '../form/parts.tsx';
import { evaluateStep, stepFields, type StepInputs } from './step-timeline.ts';
import { STEP_TIMELINE_KEYS } from './url-keys.ts';

export default function StepTimelineCalculator({ strings, defaults, idPrefix, formWords }: FieldsIslandProps<'stepTimeline', StepInputs>) {
  // The training cards, slim columns, from a generated module (not from props, so the page's HTML does not carry them).
  const cards = trainingCards;
  const t = strings.stepTimeline;
  const loc = strings.numberLocale;
  const { evaluation, shown, errors, specs, field, hydrated, reset } = useFieldsForm({ idPrefix, defaults, formWords, keys: STEP_TIMELINE_KEYS, locale: loc, specs: () => stepFields(cards), evaluate: (v) => evaluateStep(v, cards) });
  const { timeline, card, layers } = shown;
  const [chosen, setChosen] = useState<number | null>(null);
  const cursor = Math.min(chosen ?? timeline.peakIndex, timeline.points.length - 1);

  const gib = (b: number) => formatBytesIn(b, 'GiB', 3, loc);
  const num = (b: number) => formatNumber(b / GIB, 3, loc);
  const momentText = (p: TimelinePoint) => fill(t.moments[p.phase], { layer: p.layer ?? '', layers });
  const peak = timeline.points[timeline.peakIndex]!;
  const capacity = gib(timeline.capacityBytes);
  const headline = fill(timeline.peakBytes <= timeline.capacityBytes ? t.peakFits : t.peakNoFit, {
    peak: gib(timeline.peakBytes), moment: momentText(peak), capacity, card: card.name, budget: gib(timeline.budgetBytes),
  });

  const id = (f: string) => `${idPrefix}-${f}`;

  // Key moments: start, mid-forward, loss, mid-backward, the last backward point, optimizer step, end, and the peak.
  const pts = timeline.points;
  const forward = pts.flatMap((p, i) => (p.phase === 'forward' ? [i] : []));
  const backward = pts.flatMap((p, i) => (p.phase === 'backward' ? [i] : []));
  const keyIdx = [...new Set([0, forward[Math.floor(forward.length / 2)]!, forward.at(-1)! + 1, backward[Math.floor(backward.length / 2)]!, backward.at(-1)!, pts.length - 2, pts.length - 1, timeline.peakIndex])].sort((a, b) => a - b);
  const row = (i: number) => {
    const p = pts[i]!;
    return (
      <tr data-peak={i === timeline.peakIndex ? 'true' : undefined}>
        <th scope="row">{momentText(p)}{i === timeline.peakIndex ? ` (${t.peakMark})` : ''}</th>
        {TIMELINE_PARTS.map((part) => <td class="num">{num(p[part])}</td>)}
        <td class="num"><strong>{num(p.totalBytes)}</strong></td>
      </tr>
    );
  };
  const head = (
    <thead><tr><th scope="col">{t.momentHeader}</th>{TIMELINE_PARTS.map((p) => <th scope="col" class="num">{t.parts[p]}</th>)}<th scope="col" class="num">{t.totalHeader}</th></tr></thead>
  );

  return (
    <section class="island calc st" aria-label={t.title}>
      <LoadingNote hydrated={hydrated} text={strings.common.defaultShown} />
      <div class="calc-inputs">
        {specs.map(({ url }) => <Field {...field(url)} />)}
      </div>
      <FormIssues issues={errors} specs={specs} locale={loc} />
      <div class="st-result" aria-live="polite" data-stale={evaluation.ok ? 'false' : 'true'}>
        {evaluation.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <p class="st-verdict" data-testid="verdict" data-fits={timeline.peakBytes <= timeline.capacityBytes ? 'true' : 'false'}>{headline}</p>
        <div class="table-scroll" role="region" tabIndex={0} aria-label={t.title}>
        <StepTimelineChart
          timeline={timeline}
          cursor={cursor}
          idPrefix={idPrefix}
          locale={loc}
          labels={{ summary: fill(t.chartSummary, { peak: gib(timeline.peakBytes), moment: momentText(peak), capacity, card: card.name }), capacity: fill(t.capacityLine, { card: card.name, capacity }), forward: t.forwardPhase, backward: t.backwardPhase, step: t.stepPhase, peak: t.peakMark }}
        />
        </div>
        <BandLegend idPrefix={idPrefix} names={t.parts} patternId={(part) => id(`pat-${part}`)} />
        <div class="field st-moment">
          <label for={id('moment')}>{t.momentLabel}</label>
          <input id={id('moment')} type="range" min={0} max={pts.length - 1} step={1} value={cursor} aria-valuetext={momentText(pts[cursor]!)} onInput={(e) => setChosen(Number((e.currentTarget as HTMLInputElement).value))} />
          <p class="st-readout" data-testid="readout">
            {fill(t.readout, { moment: momentText(pts[cursor]!), total: gib(pts[cursor]!.totalBytes) })}
            {' — '}{TIMELINE_PARTS.map((part) => `${t.parts[part]} ${num(pts[cursor]![part])}`).join(' · ')}
          </p>
        </div>
        <div class="table-scroll" role="region" tabIndex={0} aria-label={t.tableCaption}><table class="st-table" data-testid="table"><caption>{t.tableCaption}</caption>{head}<tbody>{keyIdx.map(row)}</tbody></table></div>
      </div>
      <IslandToolbar strings={strings.common} onReset={() => { reset(); setChosen(null); }} />
    </section>
  );
}
