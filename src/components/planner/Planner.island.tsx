/**
 * The planner island: one form for the job, every card's answer in one table, the validated error band, a script to verify the
 * numbers on a real card, and everything in the URL. The server render shows the default job for every card.
 */
import { registerWords, type LocaleWords } from '../../i18n/vocabulary.ts';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AccuracyTable } from '../../lib/validation/accuracy.ts';
import type { PlannerCard } from '../../lib/answers/planner.ts';
import { presetGroups } from '../../lib/scenario/presets.ts';
import { fillIn, type PlannerStrings } from '../../i18n/planner.ts';
import type { CommonWords } from '../../i18n/islands/common.ts';
import { IslandToolbar } from '../form/parts.tsx';
import { cardsFor } from '../calculators/cards.ts';
import { evaluatePlan, PLAN_DEFAULTS, PLAN_URL_KEYS, planQuery, type PlanInputs } from './plan-state.ts';
import PlannerForm from './PlannerForm.tsx';
import PlannerResults from './PlannerResults.tsx';
import PlannerClusters from './PlannerClusters.tsx';
import PlannerWork from './PlannerWork.tsx';

interface Props {
  /** The form's words on a page that is not English (registered before the first render). */
  formWords?: LocaleWords | undefined;
  strings: PlannerStrings;
  common: CommonWords;
  series: { id: string; label: string }[];
  accuracy: AccuracyTable;
  /** Inputs to start from (the page's defaults). */
  defaults?: PlanInputs;
  /** Show only the first rows, with a link to the planner page for the rest. */
  limit?: number | undefined;
}

/** Reads every known input from the URL (the pasted config may be long; the rest are capped). */
function fromUrl(defaults: PlanInputs): PlanInputs | null {
  const params = new URLSearchParams(window.location.search);
  const next = { ...defaults };
  let changed = false;
  for (const key of PLAN_URL_KEYS) {
    const v = params.get(key);
    if (v === null) continue;
    next[key] = key === 'config' ? v.slice(0, 100_000) : v.slice(0, 200);
    changed = true;
  }
  // A config in the URL selects it as the model.
  if (params.get('config') && params.get('model') === null) next['model'] = 'config';
  return changed ? next : null;
}

/** Writes the inputs that differ from the defaults into the URL. */
function toUrl(inputs: PlanInputs, defaults: PlanInputs): void {
  const q = planQuery(inputs, defaults);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`);
}

export default function Planner({ strings, common, series, accuracy, defaults = PLAN_DEFAULTS, limit, formWords }: Props) {
  registerWords(formWords);
  // Every card in series order and the model presets come from modules, not props, so the page's HTML does not carry them.
  const cards: PlannerCard[] = cardsFor('series');
  const groups = useMemo(() => presetGroups(), []);
  const [inputs, setInputs] = useState<PlanInputs>(defaults);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    const fromLink = fromUrl(defaults);
    if (fromLink) setInputs(fromLink);
    setHydrated(true);
  }, []);
  useEffect(() => {
    if (hydrated) toUrl(inputs, defaults);
  }, [inputs, hydrated]);

  const evaluation = useMemo(() => evaluatePlan(inputs, cards, strings.locale), [inputs, cards]);
  const [lastGood, setLastGood] = useState(() => {
    const first = evaluatePlan(defaults, cards, strings.locale);
    if (!first.ok) throw new Error(`planner defaults are invalid: ${JSON.stringify(first.errors)}`);
    return first;
  });
  useEffect(() => {
    if (evaluation.ok) setLastGood(evaluation);
  }, [evaluation]);
  const shown = evaluation.ok ? evaluation : lastGood;
  const errors = evaluation.ok ? {} : evaluation.errors;
  const set = (key: string, value: string) => setInputs({ ...inputs, [key]: value });
  const mine = cards.find((c) => c.id === inputs['gpu']) ?? cards.find((c) => c.id === defaults['gpu']) ?? cards[0];

  return (
    <div class="planner" data-hydrated={hydrated ? 'true' : 'false'}>
      {!hydrated && <p class="planner-loading">{strings.loading}</p>}
      <PlannerForm strings={strings} inputs={inputs} errors={errors} set={set} groups={groups} cards={cards} series={series} disabled={!hydrated} resolved={shown.scenario} />
      <IslandToolbar strings={common} onReset={() => setInputs(defaults)} />
      {!evaluation.ok && <p class="planner-stale" role="status">{strings.lastGood}{errors['general'] ? ` ${errors['general']}` : ''}</p>}
      {shown.configNote && evaluation.ok && (
        <p class="planner-config-ok" data-testid="config-ok">{fillIn(strings.configOk, { name: shown.configNote, params: `${(shown.modelParams / 1e9).toPrecision(3)}B` })}</p>
      )}
      <PlannerResults strings={strings} evaluation={shown} accuracy={accuracy} total={cards.length} mine={mine?.id ?? ''} inputs={inputs} errors={errors} set={set} series={series} disabled={!hydrated} limit={limit} />
      {limit === undefined && <PlannerClusters strings={strings} scenario={shown.scenario} cards={cards} />}
      {mine && <PlannerWork strings={strings} scenario={shown.scenario} card={mine} config={inputs['model'] === 'config' ? inputs['config'] ?? '' : ''} />}
    </div>
  );
}
