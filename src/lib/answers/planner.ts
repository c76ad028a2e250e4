/**
 * The planner's answer: one scenario on every card at once, each row with its verdict, memory, speed, time, cost, value per
 * dollar and per watt, and for cards where one is too small the fewest cards and the layout that fit. Sorting and filtering
 * of those rows, and one naming pattern for cards.
 */
import { estimate, type EstimateGpu } from '../estimator/estimate.ts';
import { fewestCards, type CardPlan } from './inverse.ts';
import type { Scenario } from '../types.ts';
import type { Verdict } from '../scenario/vocabulary.ts';
import { runsAsGiven, type VerdictWhy } from '../estimator/verdict.ts';

/** A card as the planner takes it: the estimator's columns plus its series. */
export type PlannerCard = EstimateGpu & { series: string };

/** Orders the planner offers. */
export const PLAN_SORTS = ['cheapest', 'fastest', 'per-dollar', 'per-watt'] as const;
/** An order of the results. */
export type PlanSort = (typeof PLAN_SORTS)[number];
/** English labels of the orders. */
export const PLAN_SORT_LABELS: Record<PlanSort, string> = {
  cheapest: 'Cheapest that fits',
  fastest: 'Fastest',
  'per-dollar': 'Most tokens per dollar',
  'per-watt': 'Most tokens per watt',
};

/** One card's answer. */
export interface PlanRow {
  /** Card id. */
  id: string;
  /** Card name in the planner's pattern ("RTX 4090 24 GB"). */
  label: string;
  /** Series id. */
  series: string;
  /** Memory per card in GB (binary, as marketed). */
  memoryGB: number;
  /** Launch price of one card in US dollars, or null. */
  priceUsd: number | null;
  /** The estimator's verdict for the job on the scenario's card count. */
  verdict: Verdict;
  /** The verdict's reason. */
  verdictReason: string;
  /** The verdict's reason as a code and its values (what a page words in its language). */
  verdictWhy: VerdictWhy;
  /** Memory the job needs per card, in bytes. */
  totalBytes: number;
  /** Capacity of one card, in bytes. */
  capacityBytes: number;
  /** The headline speed: decode tokens/s for inference, trained tokens/s otherwise. */
  tokensPerSecond: number;
  /** Prompt tokens per second (inference). */
  prefillTokensPerSecond: number;
  /** Time for the job (one batch of requests, or the training budget), in seconds. */
  timeSeconds: number;
  /** Cost of the job (rental, or amortised purchase plus electricity), in US dollars. */
  costUsd: number;
  /** Tokens of the job per dollar of its cost (0 when the cost is 0). */
  tokensPerDollar: number;
  /** Tokens per second per watt of board power. */
  tokensPerWatt: number;
  /** The fewest cards of this type that run the job, with the layout, when the scenario's count does not; null otherwise. */
  fewest: CardPlan | null;
  /** Price of the cards the job needs (the scenario's count, or `fewest`), or null without a price or a fit. */
  cardsPriceUsd: number | null;
}

/**
 * One naming pattern for every card: no vendor prefix, the memory written once at the end ("A100 PCIe 40 GB", "GeForce RTX 3060 12 GB").
 * @example cardLabel('NVIDIA A100 PCIe 40 GB', 40) //=> "A100 PCIe 40 GB"
 */
export function cardLabel(name: string, memoryGB: number): string {
  const bare = name
    .replace(/^NVIDIA\s+/, '')
    .replace(/\s*\(\s*\d+\s*GB\s*\)/i, '')
    .replace(/\s+\d+\s*GB$/i, '')
    .trim();
  return `${bare} ${memoryGB} GB`;
}

/** Tokens a job processes: generated tokens of one batch of requests, or the training budget. */
function jobTokens(s: Scenario): number {
  return s.workload === 'inference' ? s.batchSize * s.outputTokens * Math.max(1, s.gpuCount / (s.tensorParallel * s.pipelineParallel)) : s.trainTokens;
}

/**
 * The scenario on every card, in the order given. Rows whose job does not fit the scenario's count get the fewest cards
 * (up to `maxCards`) and the layout that does; unsupported formats get none.
 * @example planRows(llama8bQlora, cards).find((r) => r.id === 'rtx-3060-12gb')?.verdict //=> "fits"
 */
export function planRows(s: Scenario, cards: readonly PlannerCard[], maxCards = 64): PlanRow[] {
  return cards.map((gpu) => {
    const e = estimate(s, gpu, { explain: false });
    const runs = runsAsGiven(e.verdict);
    const fewest = !runs && e.verdict !== 'unsupported' ? fewestCards({ ...s, gpuCount: 1, tensorParallel: 1, pipelineParallel: 1, zeroStage: 0 }, gpu, { maxCards }) : null;
    const count = runs ? s.gpuCount : fewest?.gpuCount ?? null;
    const speed = s.workload === 'inference' ? e.throughput.decodeTokensPerSecond : e.throughput.trainTokensPerSecond;
    return {
      id: gpu.id,
      label: cardLabel(gpu.name, gpu.memoryGB),
      series: gpu.series,
      memoryGB: gpu.memoryGB,
      priceUsd: gpu.launchPriceUsd,
      verdict: e.verdict,
      verdictReason: e.verdictReason,
      verdictWhy: e.verdictWhy,
      totalBytes: e.memory.totalBytes,
      capacityBytes: e.gpu.memoryBytes,
      tokensPerSecond: speed,
      prefillTokensPerSecond: e.throughput.prefillTokensPerSecond,
      timeSeconds: e.timeSeconds,
      costUsd: e.costUsd,
      tokensPerDollar: e.costUsd > 0 ? jobTokens(s) / e.costUsd : 0,
      tokensPerWatt: gpu.boardPowerW > 0 ? speed / (gpu.boardPowerW * s.gpuCount) : 0,
      fewest,
      cardsPriceUsd: count !== null && gpu.launchPriceUsd !== null ? gpu.launchPriceUsd * count : null,
    };
  });
}

/** Rank of a verdict for sorting: runs as given first, then runs on more cards, then the rest. */
const tier = (r: PlanRow): number => (runsAsGiven(r.verdict) ? 0 : r.fewest ? 1 : r.verdict === 'offload' ? 2 : 3);

/**
 * Sorts rows: those that run as given first, then those that run on more cards, then the rest; within each, by the order
 * chosen (price of the cards needed, speed, tokens per dollar, tokens per watt), cards without a price last, then by name.
 * @example sortRows(rows, 'fastest')[0]?.id //=> the fastest card on which the job fits
 */
export function sortRows(rows: readonly PlanRow[], sort: PlanSort): PlanRow[] {
  const key = (r: PlanRow): number => {
    switch (sort) {
      case 'cheapest': return r.cardsPriceUsd ?? Number.POSITIVE_INFINITY;
      case 'fastest': return -r.tokensPerSecond;
      case 'per-dollar': return r.tokensPerDollar > 0 ? -r.tokensPerDollar : Number.POSITIVE_INFINITY;
      case 'per-watt': return -r.tokensPerWatt;
    }
  };
  return [...rows].sort((a, b) => tier(a) - tier(b) || key(a) - key(b) || a.label.localeCompare(b.label));
}

/** What the reader narrows the rows to. */
export interface PlanFilter {
  /** Only this series ("" or undefined for all). */
  series?: string;
  /** Only cards whose cards-needed price is at most this, in US dollars (cards without a price are dropped); null for any. */
  budgetUsd?: number | null;
  /** Only cards with at least this much memory each, in GB; null for any. */
  minMemoryGB?: number | null;
  /** Only cards on which the job runs (as given or on more cards). */
  runsOnly?: boolean;
}

/**
 * Keeps the rows that pass every filter given.
 * @example filterRows(rows, { series: 'geforce-40', budgetUsd: 2000 }).every((r) => r.series === 'geforce-40') //=> true
 */
export function filterRows(rows: readonly PlanRow[], f: PlanFilter): PlanRow[] {
  return rows.filter((r) =>
    (!f.series || r.series === f.series)
    && (f.budgetUsd === undefined || f.budgetUsd === null || (r.cardsPriceUsd !== null && r.cardsPriceUsd <= f.budgetUsd))
    && (f.minMemoryGB === undefined || f.minMemoryGB === null || r.memoryGB >= f.minMemoryGB)
    && (!f.runsOnly || tier(r) <= 1));
}

/**
 * The layout in words: "2 cards, tensor parallel 2" or "4 cards, ZeRO-3 data parallel".
 * @example layoutText({ gpuCount: 8, zeroStage: 0, tensorParallel: 8, pipelineParallel: 1 }) //=> "8 cards, tensor parallel 8"
 */
export function layoutText(p: CardPlan): string {
  const parts: string[] = [];
  if (p.tensorParallel > 1) parts.push(`tensor parallel ${p.tensorParallel}`);
  if (p.pipelineParallel > 1) parts.push(`pipeline parallel ${p.pipelineParallel}`);
  const dp = p.gpuCount / (p.tensorParallel * p.pipelineParallel);
  if (dp > 1) parts.push(p.zeroStage > 0 ? `ZeRO-${p.zeroStage} data parallel ${dp}` : `data parallel ${dp}`);
  return `${p.gpuCount} card${p.gpuCount === 1 ? '' : 's'}${parts.length ? `, ${parts.join(', ')}` : ''}`;
}
