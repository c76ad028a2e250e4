/**
 * The slim card: the columns of a GPU record that the browser-side calculators read, and nothing else (no sources, notes
 * or display-only specs). One table of these is generated at build time as a shared, hashed module (`virtual:gpu-cards`,
 * see src/plugins/gpu-cards.ts), so pages carry card ids in their HTML, never card tables.
 * A unit test checks that the estimator gives the same answer on the slim card as on the full record, for every card.
 */
import { estimatorCard, type EstimateGpu } from '../estimator/estimate.ts';
import type { GpuRecord } from './schema.ts';

/** Estimator columns, plus the few the charts plot or group by (series, launch date, Tensor Core generation, sparsity). */
export type SlimCard = EstimateGpu & Pick<GpuRecord, 'architecture' | 'series' | 'launchDate' | 'tensorCoreGeneration' | 'sparsityDoubles'>;

/**
 * Projects a validated record onto the slim columns.
 * @example slimCard(rtx4090).memoryGB //=> 24
 */
export function slimCard(g: GpuRecord): SlimCard {
  return {
    ...estimatorCard(g),
    architecture: g.architecture,
    series: g.series,
    launchDate: g.launchDate,
    tensorCoreGeneration: g.tensorCoreGeneration,
    sparsityDoubles: g.sparsityDoubles,
  };
}
