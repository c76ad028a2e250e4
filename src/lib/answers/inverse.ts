/**
 * Inverse questions readers ask: the largest batch or context that fits a card, the fewest cards a job needs, and the
 * cheapest card that runs it. Each is a search over the forward estimate, which grows monotonically in these inputs.
 */
import { estimate, type EstimateGpu } from '../estimator/estimate.ts';
import type { Estimate, Scenario } from '../types.ts';
import { runsAsGiven } from '../estimator/verdict.ts';

/** Largest whole n in [lo, hi] with fits(n), by bisection; lo - 1 when even lo does not fit. */
function largestFitting(lo: number, hi: number, fits: (n: number) => boolean): number {
  if (!fits(lo)) return lo - 1;
  let good = lo;
  let bad = hi + 1;
  if (fits(hi)) return hi;
  bad = hi;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (fits(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

const fitsWith = (s: Scenario, gpu: EstimateGpu, patch: Partial<Scenario>): boolean => estimate({ ...s, ...patch }, gpu, { explain: false }).fits;

/**
 * The largest batch size (1 to 65,536) that fits one card of the job; 0 when batch 1 does not fit.
 * @example maxBatchSize(llama7bQlora, rtx4090) //=> 9
 */
export function maxBatchSize(s: Scenario, gpu: EstimateGpu): number {
  return largestFitting(1, 65_536, (b) => fitsWith(s, gpu, { batchSize: b }));
}

/**
 * The longest context that fits: seqLen for training, prompt + output tokens for inference (1 to 1,048,576); 0 when none does.
 * @example maxContextTokens(llama31_8bInference, rtx4090) //=> 70000-ish
 */
export function maxContextTokens(s: Scenario, gpu: EstimateGpu): number {
  if (s.workload === 'inference') {
    const found = largestFitting(1, 1_048_576 - s.outputTokens, (p) => fitsWith(s, gpu, { promptTokens: p }));
    return found > 0 ? found + s.outputTokens : 0;
  }
  return largestFitting(1, 1_048_576, (n) => fitsWith(s, gpu, { seqLen: n }));
}

/** A layout of cards that fits. */
export interface CardPlan {
  /** Cards. */
  gpuCount: number;
  /** ZeRO stage used. */
  zeroStage: 0 | 1 | 2 | 3;
  /** Tensor-parallel degree. */
  tensorParallel: number;
  /** Pipeline-parallel degree. */
  pipelineParallel: number;
}

/** The layout tried for n cards: ZeRO-3 data parallelism for training, tensor parallelism within 8 cards then pipeline stages for inference. */
function layoutFor(s: Scenario, n: number): CardPlan | null {
  if (s.workload !== 'inference') return { gpuCount: n, zeroStage: n > 1 ? 3 : s.zeroStage, tensorParallel: 1, pipelineParallel: 1 };
  let tp = 1;
  for (let t = Math.min(n, 8); t >= 1; t--) {
    if (s.model.heads % t === 0 && n % t === 0) {
      tp = t;
      break;
    }
  }
  const pp = n / tp;
  if (pp > s.model.layers) return null;
  return { gpuCount: n, zeroStage: 0, tensorParallel: tp, pipelineParallel: pp };
}

/**
 * The fewest cards (trying 1, 2, 4, 8, ... up to maxCards) on which the job fits, with the layout; null when none does.
 * @example minGpuCount(llama70bInferenceBf16, rtx4090)?.gpuCount //=> 8
 */
export function minGpuCount(s: Scenario, gpu: EstimateGpu, maxCards = 4096): CardPlan | null {
  for (let n = 1; n <= maxCards; n *= 2) {
    const plan = layoutFor(s, n);
    if (plan && fitsWith(s, gpu, plan)) return plan;
  }
  return null;
}

/** One card type's answer to "what does it take to run this?". */
export interface CardOption {
  /** Card id. */
  gpuId: string;
  /** Card name. */
  gpuName: string;
  /** The layout that fits. */
  plan: CardPlan;
  /** Purchase price of the cards, or rental cost of the run when an hourly price is given. */
  costUsd: number;
}

/**
 * Every card that can run the job within maxCards, cheapest first: by purchase price of the cards needed, or by the rental
 * cost of the run when the scenario gives hourlyUsd. Cards without a price sort last.
 * @example cheapestGpus(llama7bQlora, cards)[0]?.gpuId //=> "rtx-3060-12gb"
 */
export function cheapestGpus(s: Scenario, gpus: readonly EstimateGpu[], maxCards = 64): CardOption[] {
  const options: CardOption[] = [];
  for (const gpu of gpus) {
    const plan = minGpuCount(s, gpu, maxCards);
    if (!plan) continue;
    const cost = s.hourlyUsd !== null ? estimate({ ...s, ...plan }, gpu, { explain: false }).costUsd : gpu.launchPriceUsd !== null ? gpu.launchPriceUsd * plan.gpuCount : Number.MAX_VALUE;
    options.push({ gpuId: gpu.id, gpuName: gpu.name, plan, costUsd: cost });
  }
  return options.sort((a, b) => a.costUsd - b.costUsd);
}

/** Options of {@link fewestCards}. */
export interface FewestCardsOptions {
  /** Keep the scenario's tensor- and pipeline-parallel degrees and add data-parallel replicas (ZeRO stage as given). */
  keepLayout?: boolean;
  /** The most cards to try (default 4,096). */
  maxCards?: number;
}

/**
 * The fewest cards of one type on which the job fits. With `keepLayout`, counts step by tensorParallel x pipelineParallel
 * and only the data-parallel degree grows; otherwise the layout search of {@link minGpuCount} (powers of two) is used.
 * @example fewestCards(llama70bFullFinetuneTp8, h100, { keepLayout: true })?.gpuCount //=> 16
 */
export function fewestCards(s: Scenario, gpu: EstimateGpu, options: FewestCardsOptions = {}): CardPlan | null {
  const maxCards = options.maxCards ?? 4096;
  if (!options.keepLayout) return minGpuCount(s, gpu, maxCards);
  const group = s.tensorParallel * s.pipelineParallel;
  for (let n = group; n <= maxCards; n += group) {
    if (fitsWith(s, gpu, { gpuCount: n })) return { gpuCount: n, zeroStage: s.zeroStage, tensorParallel: s.tensorParallel, pipelineParallel: s.pipelineParallel };
  }
  return null;
}

/**
 * The cards on which the job runs as given: verdict `fits` or `tight` (not offload, not an unsupported format), each with its
 * estimate (computed without explanations), in the order given.
 * @example cardsThatFit(llama8bQlora, cards).map((c) => c.gpu.id) //=> ["rtx-3060-12gb", ...]
 */
export function cardsThatFit<G extends EstimateGpu>(s: Scenario, gpus: readonly G[]): { gpu: G; estimate: Estimate }[] {
  const out: { gpu: G; estimate: Estimate }[] = [];
  for (const gpu of gpus) {
    const e = estimate(s, gpu, { explain: false });
    if (runsAsGiven(e.verdict)) out.push({ gpu, estimate: e });
  }
  return out;
}
