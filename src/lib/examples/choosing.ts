/**
 * The worked examples of two chapters. Generations: every card's compute, memory, power and cost ratios and the best cards
 * of each product family. Choosing: the cheapest cards for six common jobs, the best GeForce cards under launch-price
 * ceilings, and an inference exercise. Everything comes from `parseScenario` and `estimate`, computed on call.
 */
import { trainingPeak } from '../estimator/compute.ts';
import { estimate, estimatorCard } from '../estimator/estimate.ts';
import { cheapestGpus } from '../answers/inverse.ts';
import { parseScenario } from '../scenario/scenario.ts';
import type { GpuRecord } from '../hardware/schema.ts';
import type { Scenario } from '../types.ts';
import { runsAsGiven } from '../estimator/verdict.ts';
import { requireCard, type ExampleCard } from './shared.ts';

/** The spec columns the Choosing chapter reads. */
export type ChoosingCard = ExampleCard & Pick<GpuRecord, 'series' | 'architecture' | 'tensorCores' | 'tensorCoreGeneration' | 'memoryType' | 'launchDate' | 'cudaCores'>;

/** One card's compute, memory, power and cost, and the ratios a buyer compares. */
export interface CardValueRow {
  card: ChoosingCard;
  /** Dense BF16 (or, before Ampere, FP16 with FP32 accumulate) tensor TFLOPS; null without Tensor Cores. */
  tensorTflops: number | null;
  /** The peak the estimator trains at in BF16 mixed precision (a slower path stands in where the card lacks one), TFLOPS. */
  trainTflops: number;
  /** Spec column behind trainTflops. */
  trainColumn: string;
  /** Training TFLOPS per 1,000 USD of launch price; null without a price. */
  tflopsPerKUsd: number | null;
  /** Training GFLOPS per watt of board power. */
  gflopsPerW: number;
  /** Memory GB per 100 USD of launch price; null without a price. */
  gbPer100Usd: number | null;
}

/**
 * Compute, memory, power and cost ratios of every card, using the estimator's training peak (BF16 mixed precision).
 */
export function cardValueRows(cards: readonly ChoosingCard[]): CardValueRow[] {
  const parsed = parseScenario({ model: 'gpt2', workload: 'pretrain' });
  if (!parsed.ok) throw new Error(parsed.error);
  return cards.map((card) => {
    const peak = trainingPeak(parsed.scenario, card);
    const trainTflops = peak.peakFlopsPerSecond / 1e12;
    const tensorTflops = card.tensorCores > 0 ? (card.bf16Tflops ?? card.tensorFp16Fp32AccTflops) : null;
    const price = card.launchPriceUsd;
    return {
      card,
      tensorTflops,
      trainTflops,
      trainColumn: peak.column,
      tflopsPerKUsd: price ? (trainTflops / price) * 1000 : null,
      gflopsPerW: (trainTflops * 1000) / card.boardPowerW,
      gbPer100Usd: price ? (card.memoryGB / price) * 100 : null,
    };
  });
}

/** Best card of a list by a score (ties: lower launch price, then name); null when no card has a score. */
function best(rows: readonly CardValueRow[], score: (r: CardValueRow) => number | null): CardValueRow | null {
  let top: CardValueRow | null = null;
  let topScore = -Infinity;
  for (const r of rows) {
    const v = score(r);
    if (v === null) continue;
    const tie = v === topScore && top && (r.card.launchPriceUsd ?? Infinity) < (top.card.launchPriceUsd ?? Infinity);
    if (v > topScore || tie) {
      top = r;
      topScore = v;
    }
  }
  return top;
}

/** One product family in a line: what its best cards offer. */
export interface SeriesSummary {
  series: string;
  architecture: string;
  cardCount: number;
  /** Tensor Core generations of the family's cards, ascending; empty when none has Tensor Cores. */
  tensorCoreGenerations: number[];
  /** Whether some of the family's cards have no Tensor Cores. */
  someWithoutTensorCores: boolean;
  mostMemory: CardValueRow;
  fastest: CardValueRow;
  bestTflopsPerUsd: CardValueRow | null;
  bestPerWatt: CardValueRow;
  bestGbPerUsd: CardValueRow | null;
}

/**
 * Per product family: the card with the most memory (ties: faster), the fastest, and the best TFLOPS per dollar, per watt and GB per dollar.
 */
export function seriesSummaries(rows: readonly CardValueRow[]): SeriesSummary[] {
  const order = ['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50', 'reference'];
  return order.flatMap((series) => {
    const inSeries = rows.filter((r) => r.card.series === series);
    const mostMemory = best(inSeries, (r) => r.card.memoryGB * 1e6 + r.trainTflops);
    const fastest = best(inSeries, (r) => r.trainTflops);
    const bestPerWatt = best(inSeries, (r) => r.gflopsPerW);
    if (!mostMemory || !fastest || !bestPerWatt) return [];
    const gens = inSeries.map((r) => r.card.tensorCoreGeneration).filter((g): g is number => g !== null);
    return [{
      series,
      architecture: [...new Set(inSeries.map((r) => r.card.architecture))].join(', '),
      cardCount: inSeries.length,
      tensorCoreGenerations: [...new Set(gens)].sort((a, b) => a - b),
      someWithoutTensorCores: gens.length < inSeries.length,
      mostMemory,
      fastest,
      bestTflopsPerUsd: best(inSeries, (r) => r.tflopsPerKUsd),
      bestPerWatt,
      bestGbPerUsd: best(inSeries, (r) => r.gbPer100Usd),
    }];
  });
}

/** A common job, as an estimator scenario. */
export interface CommonJob {
  id: string;
  /** Short description for table rows. */
  label: string;
  raw: Record<string, unknown>;
}

/** The jobs the Choosing chapter checks every card against. */
export const COMMON_JOBS: CommonJob[] = [
  { id: 'qlora-8b', label: 'Llama 3.1 8B QLoRA (NF4, rank 16, seq 2,048, batch 1, checkpointing)', raw: { model: 'llama-3.1-8b', workload: 'qlora', seqLen: 2048, batchSize: 1 } },
  { id: 'lora-8b', label: 'Llama 3.1 8B LoRA (BF16 base, rank 16, seq 2,048, batch 1, checkpointing)', raw: { model: 'llama-3.1-8b', workload: 'lora', seqLen: 2048, batchSize: 1, gradientCheckpointing: true } },
  { id: 'full-8b', label: 'Llama 3.1 8B full fine-tune (BF16 mixed, AdamW, seq 2,048, batch 1, checkpointing)', raw: { model: 'llama-3.1-8b', workload: 'full-finetune', seqLen: 2048, batchSize: 1, gradientCheckpointing: true } },
  { id: 'qlora-70b', label: 'Llama 3.1 70B QLoRA (NF4, rank 16, seq 2,048, batch 1, checkpointing)', raw: { model: 'llama-3.1-70b', workload: 'qlora', seqLen: 2048, batchSize: 1 } },
  // Llama 2 was trained with a 4,096-token context (Touvron et al. 2023, §2.2; max_position_embeddings 4096 in its config.json).
  { id: 'infer-7b', label: 'Llama 2 7B inference, 4-bit weights, 4,096-token context (its maximum)', raw: { model: 'llama-2-7b', workload: 'inference', weightsFormat: 'int4', promptTokens: 3584, outputTokens: 512, batchSize: 1 } },
  { id: 'infer-70b', label: 'Llama 3.1 70B inference, 4-bit weights, 8,192-token context', raw: { model: 'llama-3.1-70b', workload: 'inference', weightsFormat: 'int4', promptTokens: 7680, outputTokens: 512, batchSize: 1 } },
];

/** One card option for a job: the card, how many, their launch price, and the estimate on that layout. */
export interface JobOption {
  gpuId: string;
  gpuName: string;
  gpuCount: number;
  /** Launch price of the cards, or null when the card has none. */
  priceUsd: number | null;
  /** Memory per card in bytes. */
  totalBytes: number;
  /** Training tokens/s, or decode tokens/s for inference. */
  tokensPerSecond: number;
  /** True when the job runs only because optimizer states page out to CPU memory (verdict `offload`). */
  pages: boolean;
}

/** The answer for one common job: memory on one card, the cheapest single cards, and the cheapest layout of up to maxCards. */
export interface JobFit {
  job: CommonJob;
  /** Memory one card must hold when the job runs on one card. */
  oneCardBytes: number;
  /** Cheapest single cards by launch price (priced cards first). */
  single: JobOption[];
  /** Cheapest priced layout of up to maxCards cards, which may be a single card. */
  multi: JobOption | null;
}

/**
 * For each job: which cards fit it alone, cheapest launch price first, and the cheapest priced layout of several cards.
 */
export function jobFits(cards: readonly ExampleCard[], jobs: readonly CommonJob[] = COMMON_JOBS, perJob = 3, maxCards = 8): JobFit[] {
  return jobs.map((job) => {
    const parsed = parseScenario(job.raw);
    if (!parsed.ok) throw new Error(`job ${job.id}: ${parsed.error}`);
    const s = parsed.scenario;
    const option = (gpuId: string, plan: Partial<Scenario>): JobOption => {
      const card = requireCard(cards, gpuId);
      const e = estimate({ ...s, ...plan }, card, { explain: false });
      const n = plan.gpuCount ?? 1;
      return {
        gpuId, gpuName: card.name, gpuCount: n,
        priceUsd: card.launchPriceUsd === null ? null : card.launchPriceUsd * n,
        totalBytes: e.memory.totalBytes,
        tokensPerSecond: s.workload === 'inference' ? e.throughput.decodeTokensPerSecond : e.throughput.trainTokensPerSecond,
        pages: e.verdict === 'offload',
      };
    };
    // Priced cards by launch price; cards without a price after them, smallest memory first.
    const alone = cheapestGpus(s, cards, 1);
    const priced = alone.filter((o) => requireCard(cards, o.gpuId).launchPriceUsd !== null);
    const unpriced = alone.filter((o) => requireCard(cards, o.gpuId).launchPriceUsd === null).sort((a, b) => requireCard(cards, a.gpuId).memoryGB - requireCard(cards, b.gpuId).memoryGB || a.gpuName.localeCompare(b.gpuName));
    const single = [...priced, ...unpriced].slice(0, perJob).map((o) => option(o.gpuId, o.plan));
    const cheapestMulti = cheapestGpus(s, cards, maxCards).find((o) => requireCard(cards, o.gpuId).launchPriceUsd !== null);
    const oneCardBytes = estimate(s, requireCard(cards, cards[0]!.id), { explain: false }).memory.totalBytes;
    return { job, oneCardBytes, single, multi: cheapestMulti ? option(cheapestMulti.gpuId, cheapestMulti.plan) : null };
  });
}

/** One budget line: the card with the most memory and the fastest card at or under a launch price, and the jobs the former runs alone. */
export interface BudgetPick {
  ceilingUsd: number;
  mostMemory: CardValueRow | null;
  fastest: CardValueRow | null;
  /** Ids of the common jobs that fit on one mostMemory card. */
  jobsThatFit: string[];
  /** Ids of the common jobs that fit on one fastest card. */
  fastestJobsThatFit: string[];
}

/**
 * For each launch-price ceiling: the GeForce card with the most memory (ties: faster), the fastest, and which common jobs fit on the first.
 */
export function budgetPicks(rows: readonly CardValueRow[], cards: readonly ExampleCard[], ceilings: readonly number[], jobs: readonly CommonJob[] = COMMON_JOBS): BudgetPick[] {
  const geforce = rows.filter((r) => r.card.series !== 'reference' && r.card.launchPriceUsd !== null);
  const parsedJobs = jobs.map((j) => {
    const p = parseScenario(j.raw);
    if (!p.ok) throw new Error(`job ${j.id}: ${p.error}`);
    return { id: j.id, scenario: p.scenario };
  });
  return ceilings.map((ceilingUsd) => {
    const within = geforce.filter((r) => (r.card.launchPriceUsd ?? Infinity) <= ceilingUsd);
    const mostMemory = best(within, (r) => r.card.memoryGB * 1e6 + r.trainTflops);
    const fastest = best(within, (r) => r.trainTflops);
    const runs = (r: CardValueRow | null): string[] => {
      const card = r ? requireCard(cards, r.card.id) : null;
      return card ? parsedJobs.filter((j) => runsAsGiven(estimate(j.scenario, card, { explain: false }).verdict)).map((j) => j.id) : [];
    };
    return { ceilingUsd, mostMemory, fastest, jobsThatFit: runs(mostMemory), fastestJobsThatFit: runs(fastest) };
  });
}

/** The launch-price ceilings of the chapter's budget list, in USD. */
const BUDGET_CEILINGS_USD = [350, 500, 800, 1000, 1600, 2000] as const;

/** Everything the Generations and Choosing chapters print (both import this one call). */
export function choosingChapter(cards: readonly (ChoosingCard & Parameters<typeof estimatorCard>[0])[]) {
  const rows = cardValueRows(cards);
  const summaries = seriesSummaries(rows);
  const fits = jobFits(cards);
  const budgets = budgetPicks(rows, cards, BUDGET_CEILINGS_USD);
  const [b350, b500, b800, b1000, b1600, b2000] = budgets;
  if (!b350 || !b500 || !b800 || !b1000 || !b1600 || !b2000) throw new Error('choosingChapter: a budget line is missing');
  const row = (id: string): CardValueRow => {
    const r = rows.find((x) => x.card.id === id);
    if (!r) throw new Error(`GPU "${id}" is missing from the spec data`);
    return r;
  };
  const reference = rows.filter((r) => r.card.series === 'reference');
  // The GeForce 10 table row names only GeForce-branded cards (TITANs left out).
  const g10Rows = rows.filter((r) => r.card.series === 'geforce-10' && r.card.name.includes('GeForce'));
  const g10Fastest = [...g10Rows].sort((a, b) => b.trainTflops - a.trainTflops)[0];
  if (!g10Fastest) throw new Error('choosingChapter: no GeForce 10 card');
  // Exercise: chatting with Llama 3.1 8B in Q4_K_M on four cards, decode speed per launch dollar.
  const chat = parseScenario({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'q4_k_m', promptTokens: 4096, outputTokens: 0 });
  if (!chat.ok) throw new Error(chat.error);
  const exRows = ['rtx-3060-12gb', 'rtx-4060-ti-16gb', 'rtx-3090', 'rtx-4090'].map((id) => {
    const card = requireCard(cards, id);
    if (card.launchPriceUsd === null) throw new Error(`choosingChapter: ${id} has no launch price`);
    return { card, priceUsd: card.launchPriceUsd, e: estimate(chat.scenario, estimatorCard(card), { explain: false }) };
  });
  const usdPerTokenPerSecond = (r: (typeof exRows)[number]) => r.priceUsd / r.e.throughput.decodeTokensPerSecond;
  const gbPerUsd = (r: (typeof exRows)[number]) => r.card.memoryGB / r.priceUsd;
  const exBest = [...exRows].sort((a, b) => usdPerTokenPerSecond(a) - usdPerTokenPerSecond(b))[0];
  if (!exBest) throw new Error('choosingChapter: no exercise card');
  return {
    rows,
    summaries,
    sum: Object.fromEntries(summaries.map((s) => [s.series, s])),
    fits,
    fit: Object.fromEntries(fits.map((f) => [f.job.id, f])),
    budgets,
    b350, b500, b800, b1000, b1600, b2000,
    /** Common jobs that the first budget line's card runs and the second's does not. */
    newJobs: (a: BudgetPick, b: BudgetPick): string[] => a.jobsThatFit.filter((id) => !b.jobsThatFit.includes(id)),
    row,
    geforce: rows.filter((r) => r.card.series !== 'reference'),
    reference,
    pricedReference: reference.filter((r) => r.card.launchPriceUsd !== null),
    g10Branded: { fastest: g10Fastest, maxMemory: Math.max(...g10Rows.map((r) => r.card.memoryGB)) },
    exRows,
    exBest,
    /** The exercise cards by memory per launch dollar, most first, with GB per 1,000 USD. */
    exByMemoryPerUsd: [...exRows].sort((a, b) => gbPerUsd(b) - gbPerUsd(a)).map((r) => ({ ...r, gbPerKUsd: 1000 * gbPerUsd(r) })),
  };
}
