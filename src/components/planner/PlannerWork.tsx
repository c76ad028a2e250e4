/** "Show the work" for the reader's card: the derivation of the memory and speed figures, and the script that verifies them. */
import { useMemo, useState } from 'preact/hooks';
import { estimate } from '../../lib/estimator/estimate.ts';
import type { PlannerCard } from '../../lib/answers/planner.ts';
import type { Scenario } from '../../lib/types.ts';
import { formatNumber } from '../../lib/units.ts';
import { fillIn, type PlannerStrings } from '../../i18n/planner.ts';

/**
 * A chapter link in the reader's language. Section anchors are the English headings' slugs; a translated chapter's headings
 * have their own, so other languages link to the chapter's top.
 */
export function chapterHref(base: string, path: string): string {
  return base === '' ? path : `${base}${path.split('#')[0]}`;
}

interface Props {
  strings: PlannerStrings;
  scenario: Scenario;
  card: PlannerCard;
  /** The pasted config.json text, when the model came from one. */
  config: string;
}

/** The derivations shown, with the chapter that teaches each. */
const TERMS: [key: string, chapter: string][] = [
  ['memory.weightsBytes', '/learn/vram/#weights'],
  ['memory.optimizerBytes', '/learn/vram/#optimizer-states-and-the-16-bytes-per-parameter-rule'],
  ['memory.activationsBytes', '/learn/vram/#activations'],
  ['memory.kvCacheBytes', '/learn/vram/#the-kv-cache'],
  ['memory.totalBytes', '/learn/vram/#cuda-context-and-allocator-slack'],
  ['throughput.decodeTokensPerSecond', '/learn/roofline/#the-roofline-model'],
  ['throughput.trainTokensPerSecond', '/learn/training-cost/#from-flops-to-hours'],
];

export default function PlannerWork({ strings, scenario, card, config }: Props) {
  const e = useMemo(() => estimate(scenario, card), [scenario, card]);
  const [note, setNote] = useState('');
  const training = scenario.workload !== 'inference';
  // The script writer is loaded when asked for, so the planner's first load does not carry it.
  const download = async () => {
    const [{ reproduceScript }, { reproduceGapText }] = await Promise.all([import('../../lib/answers/reproduce.ts'), import('../../i18n/reproduce-gaps.ts')]);
    let hfConfig: Record<string, unknown> | undefined;
    try {
      hfConfig = config ? (JSON.parse(config) as Record<string, unknown>) : undefined;
    } catch {
      hfConfig = undefined;
    }
    const r = reproduceScript(scenario, e, hfConfig ? { hfConfig } : {});
    if (!r.ok) {
      setNote(fillIn(strings.noScript, { reason: reproduceGapText(r.gap, strings.locale) }));
      return;
    }
    const url = URL.createObjectURL(new Blob([r.script], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.fileName;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNote(fillIn(strings.saved, { file: r.fileName }));
  };
  const shown = TERMS.filter(([k]) => (training ? k !== 'memory.kvCacheBytes' && k !== 'throughput.decodeTokensPerSecond' : k !== 'memory.optimizerBytes' && k !== 'throughput.trainTokensPerSecond'));
  return (
    <section class="planner-work" aria-label={strings.workLabel}>
      <button type="button" class="planner-download" onClick={() => void download()}>{strings.download}</button>
      <span role="status" aria-live="polite" class="planner-download-note">{note}</span>
      <details>
        <summary>{fillIn(strings.workTitle, { card: card.name })}</summary>
        <dl class="planner-terms">
          {shown.map(([key, chapter]) => {
            const t = e.explain[key];
            if (!t) return null;
            return (
              <div>
                <dt><a href={chapterHref(strings.base, chapter)}>{key}</a>: {formatNumber(t.unit === 'bytes' ? t.value / 2 ** 30 : t.value, 4)} {t.unit === 'bytes' ? 'GiB' : t.unit}</dt>
                <dd>{t.formula} <span class="planner-source">({t.source})</span></dd>
              </div>
            );
          })}
        </dl>
      </details>
    </section>
  );
}
