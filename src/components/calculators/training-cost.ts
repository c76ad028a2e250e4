/**
 * The training-cost calculator's pure part: reads the inputs through the field manifest and evaluates the run, the price of
 * owning against renting and the cheapest cards. No DOM; the island (TrainingCost.island.tsx) draws what this returns.
 */
import type { Issue } from '../../lib/scenario/check.ts';
import { trainingUtilisation } from '../../lib/estimator/frameworks.ts';
import { breakEvenHoursPerWeek, DEFAULT_ELECTRICITY_USD_PER_KWH, ownedCostSplit } from '../../lib/estimator/cost.ts';
import { estimate, type EstimateGpu } from '../../lib/estimator/estimate.ts';
import { CARD_PRICE_FIELD, fieldFromText, fieldSpec, type FieldKey } from '../../lib/scenario/fields.ts';
import { formToScenario } from '../../lib/scenario/form.ts';
import { cheapestGpus } from '../../lib/answers/inverse.ts';
import { fitAdvice, type FitAdvice, type VerdictWhy } from '../../lib/estimator/verdict.ts';
import type { Verdict } from '../../lib/scenario/vocabulary.ts';
import type { FormIslandSpec } from './wrapper.ts';

/** A card with only the columns the estimator reads. */
export type CostCard = EstimateGpu;

/** The scenario fields this calculator shows, in order (the purchase price is a card override, kept beside them). */
export const FORM_KEYS = ['model', 'workload', 'framework', 'trainTokens', 'gpu', 'gpuCount', 'batchSize', 'seqLen', 'gradientCheckpointing', 'mfu', 'electricityUsdPerKWh', 'hourlyUsd', 'busyHoursPerWeek'] as const;
type Key = (typeof FORM_KEYS)[number];
/** The calculator's inputs: the text of each field, plus the purchase price override. */
export type CostInputs = Record<Key, string> & { price: string };

/** One row of the cheapest-cards table. */
export interface CheapRow {
  gpuId: string;
  gpuName: string;
  gpuCount: number;
  priceUsd: number | null;
  timeSeconds: number;
  energyKWh: number;
  costUsd: number;
}

/** One valid evaluation. */
export interface CostResult {
  card: { id: string; name: string; memoryGB: number; memoryBytes: number; launchPriceUsd: number | null };
  gpuCount: number;
  verdict: Verdict;
  /** Why: the reason's code and values, worded in the page's locale. */
  verdictWhy: VerdictWhy;
  advice: FitAdvice[];
  workload: string;
  /** The MFU the estimator assumes when the field is empty (the framework's HFU converted by this run's recomputation). */
  defaultMfu: number;
  totalBytes: number;
  tokensPerSecond: number;
  timeSeconds: number;
  cardHours: number;
  energyKWh: number;
  /** Owned: share of the purchase price and electricity (USD). */
  purchaseUsd: number;
  electricityUsd: number;
  buyUsd: number;
  /** Rented, or null without an hourly price. */
  rentUsd: number | null;
  /** Busy hours per week above which owning beats renting; null without a rent quote or when owning never wins. */
  breakEvenHours: number | null;
  busyHoursPerWeek: number;
  /** True when neither the reader nor the data gives a purchase price. */
  noPrice: boolean;
  cheapest: CheapRow[];
}

export type CostEvaluation = { ok: true; result: CostResult } | { ok: false; errors: Partial<Record<FieldKey | 'price' | '', Issue[]>> };

/** Training workloads (the calculator has no inference). */
export const TRAIN_OPTIONS = (fieldSpec('workload').options ?? []).filter((o) => o.value !== 'inference').map((o) => [o.value, o.label] as const);

/**
 * Validates the inputs through the field manifest, estimates the run on the chosen cards, prices owning (src/lib/estimator/cost.ts) and
 * renting, and lists the 8 cheapest cards that run the job (src/lib/answers/inverse.ts). Several cards split the states with ZeRO-3.
 * @example evaluateCost({ ...defaults, trainTokens: 'lots' }, cards).ok //=> false
 */
export function evaluateCost(v: CostInputs, cards: readonly CostCard[]): CostEvaluation {
  const { price, ...values } = v;
  const errors: Partial<Record<FieldKey | 'price' | '', Issue[]>> = {};
  const priceRead = fieldFromText(CARD_PRICE_FIELD, price);
  const priceUsd = priceRead.ok && typeof priceRead.value === 'number' ? priceRead.value : null;
  if (!priceRead.ok && price.trim() !== '') errors.price = [{ field: 'price', code: priceRead.code, message: priceRead.message }];
  const card = cards.find((c) => c.id === v.gpu);
  if (!card) errors.gpu = [{ field: 'gpu', code: 'enum', message: 'Choose a card from the list.' }];
  if (v.workload === 'inference') errors.workload = [{ field: 'workload', code: 'enum', message: 'Choose a training workload from the list.' }];
  const count = /^\d+$/.test(v.gpuCount.trim()) ? Number(v.gpuCount) : 1;
  const r = formToScenario(values, { zeroStage: count > 1 ? 3 : 0 });
  if (!r.ok || !card || Object.keys(errors).length > 0) return { ok: false, errors: { ...(r.ok ? {} : r.errors), ...errors } };
  const s = r.scenario;
  const priced: CostCard = priceUsd !== null ? { ...card, launchPriceUsd: priceUsd } : card;
  const e = estimate({ ...s, hourlyUsd: null }, priced, { explain: false });
  const split = ownedCostSplit({ gpuCount: s.gpuCount, timeSeconds: e.timeSeconds, energyKWh: e.energyKWh, priceUsd: priced.launchPriceUsd, electricityUsdPerKWh: s.electricityUsdPerKWh, amortisationYears: s.amortisationYears, busyHoursPerWeek: s.busyHoursPerWeek });
  const rentUsd = s.hourlyUsd !== null ? (s.hourlyUsd * s.gpuCount * e.timeSeconds) / 3600 : null;

  const single = { ...s, gpuCount: 1, zeroStage: 0 as const, hourlyUsd: null };
  const cheapest = cheapestGpus(single, cards, 64).slice(0, 8).map((o): CheapRow => {
    const c = cards.find((x) => x.id === o.gpuId) as CostCard;
    const run = estimate({ ...single, ...o.plan }, c, { explain: false });
    return { gpuId: c.id, gpuName: c.name, gpuCount: o.plan.gpuCount, priceUsd: c.launchPriceUsd === null ? null : c.launchPriceUsd * o.plan.gpuCount, timeSeconds: run.timeSeconds, energyKWh: run.energyKWh, costUsd: run.costUsd };
  });
  return {
    ok: true,
    result: {
      card: { id: card.id, name: card.name, memoryGB: card.memoryGB, memoryBytes: e.gpu.memoryBytes, launchPriceUsd: card.launchPriceUsd },
      gpuCount: s.gpuCount, verdict: e.verdict, verdictWhy: e.verdictWhy, advice: fitAdvice(s, e.verdict), workload: s.workload, defaultMfu: trainingUtilisation({ ...s, mfu: null }).mfu,
      totalBytes: e.memory.totalBytes, tokensPerSecond: e.throughput.trainTokensPerSecond, timeSeconds: e.timeSeconds,
      cardHours: (s.gpuCount * e.timeSeconds) / 3600, energyKWh: e.energyKWh,
      purchaseUsd: split.purchaseUsd, electricityUsd: split.electricityUsd, buyUsd: split.totalUsd, rentUsd,
      breakEvenHours: s.hourlyUsd === null ? null : breakEvenHoursPerWeek(priced.launchPriceUsd, card.boardPowerW, s.electricityUsdPerKWh, s.amortisationYears, s.hourlyUsd),
      busyHoursPerWeek: s.busyHoursPerWeek, noPrice: priced.launchPriceUsd === null, cheapest,
    },
  };
}

/** The job the wrapper renders at build time: a QLoRA of an 8B model on 100M tokens on one 24 GB card, run around the clock. */
const COST_DEFAULTS: CostInputs = {
  model: 'llama-3.1-8b',
  workload: 'qlora',
  framework: 'transformers',
  trainTokens: '100M',
  gpu: 'rtx-4090',
  gpuCount: '1',
  batchSize: '1',
  seqLen: '2048',
  gradientCheckpointing: '1',
  mfu: '',
  electricityUsdPerKWh: String(DEFAULT_ELECTRICITY_USD_PER_KWH),
  hourlyUsd: '',
  busyHoursPerWeek: '168',
  price: '',
};
/** What the wrapper hands to `formIslandProps`: words, fields, default job, id and evaluate function. */
export const COST_FORM: FormIslandSpec<'trainingCost', CostInputs, readonly CostCard[]> = { words: 'trainingCost', verdicts: (t) => t.trainingCost.verdicts, fields: FORM_KEYS, defaults: COST_DEFAULTS, id: 'cost', evaluate: evaluateCost };
