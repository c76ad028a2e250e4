/**
 * The Training-cost chapter's worked examples: a small pre-training run (GPT-2 124M on 10B tokens) on three cards, a
 * Llama 3.1 8B fine-tune (full, LoRA, QLoRA) on a 24 GB and an 80 GB card, Llama 3.1 8B at the Chinchilla ratio, and
 * what an owned card costs per busy hour. Everything comes from `parseScenario` and `estimate`, computed on call.
 */
import { trainingPeak } from '../estimator/compute.ts';
import { costUsd, DEFAULT_AMORTISATION_YEARS, DEFAULT_ELECTRICITY_USD_PER_KWH, energyKWh, ownedCostSplit, POWER_FRACTION } from '../estimator/cost.ts';
import { estimate, estimatorCard } from '../estimator/estimate.ts';
import { trainingUtilisation } from '../estimator/frameworks.ts';
import { minGpuCount } from '../answers/inverse.ts';
import { countParams } from '../scenario/models.ts';
import { parseScenario } from '../scenario/scenario.ts';
import type { Estimate, Scenario } from '../types.ts';
import { flopsPerTokenTraining, requireCard, requirePreset, type ExampleCard } from './shared.ts';

/** Tokens Llama 3 was pre-trained on (Llama Team 2024, The Llama 3 Herd of Models, §3.1: over 15T tokens). */
export const LLAMA3_PRETRAIN_TOKENS = 15e12;

/** Tokens per parameter of a compute-optimal run (Hoffmann et al. 2022, Chinchilla, §3 and Table 3: about 20). */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/** One training run on one card type: the validated scenario, the estimate, and its cost split into what owning and renting charge. */
export interface RunCase {
  /** Card id. */
  gpuId: string;
  /** Card name. */
  gpuName: string;
  /** The validated scenario (defaults filled). */
  scenario: Scenario;
  /** The estimator's result, cost computed for an owned card. */
  result: Estimate;
  /** Peak FLOP/s the estimator trains at on this card. */
  peakFlopsPerSecond: number;
  /** Model-FLOPs utilisation the run implies (no recomputation counted): the scenario's, or the default converted from HFU. */
  mfu: number;
  /** Hardware-FLOPs utilisation the step time divides by (recomputation counted). */
  hfu: number;
  /** Card-hours of the run: cards x hours, what a rental bill counts. */
  cardHours: number;
  /** Electricity of the run in USD at the scenario's price. */
  electricityUsd: number;
  /** Share of the purchase price the run uses up (straight-line over the service life); 0 without a price. */
  amortisedUsd: number;
}

/**
 * Estimates a training scenario on one card and splits its owned cost into purchase share and electricity.
 * Owned cost = price x cards x t / life + E x electricity price (straight-line depreciation, src/lib/estimator/cost.ts).
 */
export function runCase(raw: Record<string, unknown>, card: ExampleCard): RunCase {
  const parsed = parseScenario({ ...raw, hourlyUsd: undefined });
  if (!parsed.ok) throw new Error(`training example ${JSON.stringify(raw)}: ${parsed.error}`);
  const s = parsed.scenario;
  const result = estimate(s, card);
  const split = ownedCostSplit({ gpuCount: s.gpuCount, timeSeconds: result.timeSeconds, energyKWh: result.energyKWh, priceUsd: card.launchPriceUsd, electricityUsdPerKWh: s.electricityUsdPerKWh, amortisationYears: s.amortisationYears, busyHoursPerWeek: s.busyHoursPerWeek });
  return {
    gpuId: card.id,
    gpuName: card.name,
    scenario: s,
    result,
    peakFlopsPerSecond: trainingPeak(s, card).peakFlopsPerSecond,
    mfu: trainingUtilisation(s).mfu,
    hfu: trainingUtilisation(s).hfu,
    cardHours: (s.gpuCount * result.timeSeconds) / 3600,
    electricityUsd: split.electricityUsd,
    amortisedUsd: split.purchaseUsd,
  };
}

/**
 * What one busy hour of an owned card costs: its price written off over the hours it is actually busy, plus its power.
 * Per busy hour = price / (life x 8,760 h x utilisation) + P x electricity price (straight-line depreciation; energy = P·t, SI).
 * Compare it with a rental quote per card-hour: renting is cheaper whenever the quote is below this figure.
 */
export function ownedCostPerBusyHour(priceUsd: number, boardPowerW: number, electricityUsdPerKWh: number, amortisationYears: number, utilisation: number): { purchaseUsd: number; electricityUsd: number; totalUsd: number } {
  const busy = Math.min(1, Math.max(1e-6, utilisation));
  // Writing the price off over life x utilisation years charges one busy hour price x 3600 s / (life x busy x year).
  const total = costUsd({ gpuCount: 1, timeSeconds: 3600, energyKWh: energyKWh(boardPowerW, 1, 3600, POWER_FRACTION.training), hourlyUsd: null, priceUsd, electricityUsdPerKWh, amortisationYears: amortisationYears * busy });
  const electricityUsd = energyKWh(boardPowerW, 1, 3600, POWER_FRACTION.training) * electricityUsdPerKWh;
  return { purchaseUsd: total - electricityUsd, electricityUsd, totalUsd: total };
}

/** The card columns the chapter reads: what the estimator needs plus the spec fields `estimatorCard` copies. */
type TrainingCostCard = ExampleCard & Parameters<typeof estimatorCard>[0];

/** Everything the Training-cost chapter prints. */
export function trainingCostChapter(cards: readonly TrainingCostCard[]) {
  const card = (id: string): TrainingCostCard => requireCard(cards, id);
  const gpt2 = requirePreset('gpt2');
  const gpt2Params = countParams(gpt2).totalParams;
  const pretrainTokens = 10e9;
  const pretrainRaw = { model: gpt2.id, workload: 'pretrain', trainTokens: pretrainTokens, batchSize: 16, seqLen: 1024 };
  const pretrain = ['rtx-4090', 'a100-sxm-80gb', 'h100-sxm'].map((id) => runCase(pretrainRaw, card(id)));
  // C = 6ND (Kaplan et al. 2020, §2.1); t = C / (peak x MFU).
  const pretrainFlops = flopsPerTokenTraining(gpt2Params) * pretrainTokens;
  const simple = pretrain.map((r) => ({ gpuId: r.gpuId, flops: pretrainFlops, timeSeconds: pretrainFlops / (r.peakFlopsPerSecond * r.mfu) }));

  const llama = requirePreset('llama-3.1-8b');
  const llamaParams = countParams(llama).totalParams;
  const fineTuneTokens = 100e6;
  const fineTuneBase = { model: llama.id, trainTokens: fineTuneTokens, batchSize: 1, seqLen: 2048, gradientCheckpointing: true };
  const fineTune = (['full-finetune', 'lora', 'qlora'] as const).map((workload) => ({
    workload,
    runs: ['rtx-4090', 'a100-sxm-80gb'].map((id) => {
      const r = runCase({ ...fineTuneBase, workload }, card(id));
      const plan = r.result.fits ? null : minGpuCount(r.scenario, card(id), 64);
      const multi = plan ? runCase({ ...fineTuneBase, workload, gpuCount: plan.gpuCount, zeroStage: plan.zeroStage }, card(id)) : null;
      return { run: r, plan, multi };
    }),
  }));
  const ft = Object.fromEntries(fineTune.map((f) => [f.workload, f.runs])) as Record<(typeof fineTune)[number]['workload'], (typeof fineTune)[number]['runs']>;
  const firstRun = (w: keyof typeof ft) => {
    const r = ft[w][0];
    if (!r) throw new Error(`trainingCostChapter: no ${w} run`);
    return r.run;
  };
  const chinchillaTokens = CHINCHILLA_TOKENS_PER_PARAM * llamaParams;
  const chin = {
    tokens: chinchillaTokens,
    run: runCase({ model: llama.id, workload: 'pretrain', trainTokens: chinchillaTokens, batchSize: 1, seqLen: 2048, gradientCheckpointing: true, gpuCount: 8, zeroStage: 3 }, card('h100-sxm')),
  };
  const utilisations = [1, 0.25, 0.05];
  const electricity = DEFAULT_ELECTRICITY_USD_PER_KWH;
  const owned = ['rtx-3090', 'rtx-4090', 'rtx-5090'].map(card).map((c) => ({
    gpuId: c.id,
    gpuName: c.name,
    priceUsd: c.launchPriceUsd,
    boardPowerW: c.boardPowerW,
    perHour: utilisations.map((u) => (c.launchPriceUsd === null ? null : ownedCostPerBusyHour(c.launchPriceUsd, c.boardPowerW, electricity, DEFAULT_AMORTISATION_YEARS, u))),
  }));
  // How much slower QLoRA trains than LoRA on an RTX 4090 (dequantising NF4 weights every step), per framework.
  const qj = (framework: string, workload: string): number => runCase({ model: llama.id, workload, framework, compile: framework === 'torchtune', batchSize: 2, seqLen: 2048, gradientCheckpointing: true, trainTokens: 1e8 }, card('rtx-4090')).result.throughput.trainTokensPerSecond;
  const qSlow = { transformers: 1 - qj('transformers', 'qlora') / qj('transformers', 'lora'), torchtune: 1 - qj('torchtune', 'qlora') / qj('torchtune', 'lora') };
  const [p4090, pA100, pH100] = pretrain;
  const [s4090, sA100, sH100] = simple;
  const owned4090 = owned.find((o) => o.gpuId === 'rtx-4090');
  if (!p4090 || !pA100 || !pH100 || !s4090 || !sA100 || !sH100 || !owned4090) throw new Error('trainingCostChapter: a worked-example run is missing');
  // Exercises: QLoRA on Llama 3.1 8B over 100M tokens on an RTX 4090 and an RTX 3090.
  const exRun = (id: string): Estimate => {
    const p = parseScenario({ model: llama.id, workload: 'qlora', seqLen: 2048, gradientCheckpointing: true, trainTokens: fineTuneTokens });
    if (!p.ok) throw new Error(p.error);
    return estimate(p.scenario, estimatorCard(card(id)), { explain: false });
  };
  return {
    tc: {
      gpt2: { name: gpt2.name, params: gpt2Params, chinchillaTokens: CHINCHILLA_TOKENS_PER_PARAM * gpt2Params },
      pretrainTokens,
      pretrain,
      simple,
      llama: { name: llama.name, params: llamaParams },
      fineTuneTokens,
      fineTune,
      chinchillaLlama: chin,
      owned,
      utilisations,
      electricity,
      amortisationYears: DEFAULT_AMORTISATION_YEARS,
    },
    card,
    p4090, pA100, pH100,
    s4090, sA100, sH100,
    ft,
    fullFlops: firstRun('full-finetune').result.flopsPerToken,
    loraFlops: firstRun('lora').result.flopsPerToken,
    /** The GPT-2 run's compute by 6ND. */
    C: pretrainFlops,
    /** 6N per token for GPT-2, to set against the estimator's count with attention. */
    gpt2SixN: flopsPerTokenTraining(gpt2Params),
    owned4090,
    hoursRatio: pA100.cardHours / pH100.cardHours,
    chin,
    qSlow,
    exercises: { rtx4090: exRun('rtx-4090'), rtx3090: exRun('rtx-3090'), card4090: card('rtx-4090') },
  };
}
