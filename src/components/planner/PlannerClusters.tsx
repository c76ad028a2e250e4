/** Cluster presets for a training job: for each setup, the layout that fits, the time to train, MFU and exposed communication. */
import { useMemo } from 'preact/hooks';
import { planClusters } from '../../lib/cluster/cluster-presets.ts';
import type { PlannerCard } from '../../lib/answers/planner.ts';
import type { Scenario } from '../../lib/types.ts';
import { formatNumber } from '../../lib/units.ts';
import { fillIn, type PlannerStrings } from '../../i18n/planner.ts';
import { HeadRow } from '../form/parts.tsx';

/** A long duration in days, shorter ones in hours. */
function days(seconds: number): string {
  return seconds < 172_800 ? `${formatNumber(seconds / 3600, 2)} h` : `${formatNumber(seconds / 86_400, 3)} days`;
}

interface Props {
  strings: PlannerStrings;
  scenario: Scenario;
  cards: readonly PlannerCard[];
}

export default function PlannerClusters({ strings, scenario, cards }: Props) {
  const plans = useMemo(() => (scenario.workload === 'inference' ? [] : planClusters(scenario, cards)), [scenario, cards]);
  if (plans.length === 0) return null;
  const pct = (x: number) => `${formatNumber(100 * x, 2)}%`;
  return (
    <section class="planner-clusters" aria-labelledby="planner-clusters-title">
      <h3 id="planner-clusters-title">{strings.clustersTitle}</h3>
      <p>{fillIn(strings.clustersIntro, { tokens: formatNumber(scenario.trainTokens, 3) })}</p>
      <div class="table-scroll" role="region" tabIndex={0} aria-label={strings.clustersTitle}>
        <table data-testid="cluster-presets">
          <thead>
            <HeadRow columns={[strings.clusterSetup, strings.clusterLayout, { num: strings.clusterTime }, { num: strings.clusterMfu }, { num: strings.clusterExposed }, { num: strings.clusterMemory }]} />
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr data-preset={p.preset.id}>
                <th scope="row">{p.preset.label}</th>
                {p.layout && p.step ? (
                  <>
                    <td>{fillIn(strings.clusterLayoutText, { dp: p.layout.dataParallel, tp: p.layout.tensorParallel, pp: p.layout.pipelineParallel, zero: p.layout.zeroStage, accum: p.layout.gradAccumulation, recompute: p.layout.recompute ? strings.clusterRecompute : '' })}</td>
                    <td class="num">{days(p.timeSeconds)}</td>
                    <td class="num">{pct(p.step.mfu)}</td>
                    <td class="num">{pct(p.step.exposedCommunicationSeconds / p.step.stepSeconds)}</td>
                    <td class="num">{fillIn(strings.clusterMemoryText, { used: formatNumber(p.peakBytes / 2 ** 30, 3), capacity: formatNumber(p.capacityBytes / 2 ** 30, 3) })}</td>
                  </>
                ) : (
                  <td colSpan={5}>{strings.clusterNone}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="planner-note">{strings.clustersNote}</p>
    </section>
  );
}
