/**
 * Worked examples of the Pre-training and Fine-tuning chapters: every number those pages print, computed from the estimator,
 * the objective and schedule helpers, and the spec data passed in.
 */
import { trainingFlopsPerToken } from './compute.ts';
import { estimate, type EstimateGpu } from './estimate.ts';
import { compareFineTuneMethods, discriminativeRates, doraMagnitudeParams, sgdrRate, type FineTuneSettings } from './finetuning.ts';
import { modelState, trainingActivations, weightLayout } from './memory.ts';
import { countParams, findModel, loraParams } from './models.ts';
import { contrastiveLogitsBytes, mlmMasking, spanCorruption, trainingCheckpointBytes, warmupCosineRate } from './pretraining.ts';
import { parseScenario } from './scenario.ts';
import { stepTimeline } from './timeline.ts';
import type { ModelArch, Scenario } from './types.ts';

/** Parses a scenario the chapter relies on; a bad one is a build error. */
function mustParse(raw: Record<string, unknown>): Scenario {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`chapter example ${JSON.stringify(raw)}: ${r.error}`);
  return r.scenario;
}

/** A preset the chapter relies on. */
function preset(id: string): ModelArch {
  const m = findModel(id);
  if (!m) throw new Error(`no model preset ${id}`);
  return m;
}

/** A card the chapter relies on. */
function card<T extends { id: string }>(cards: readonly T[], id: string): T {
  const c = cards.find((x) => x.id === id);
  if (!c) throw new Error(`no card ${id}`);
  return c;
}

/** Llama 3's pre-training schedule: peak 8e-5, 8,000 warm-up steps, cosine to 8e-7 over 1.2M steps (Llama Team 2024, §3.4.1). */
export const LLAMA3_SCHEDULE = { peak: 8e-5, warmupSteps: 8000, totalSteps: 1_200_000, minRatio: 0.01, source: 'Llama Team 2024, The Llama 3 Herd of Models, §3.4.1' } as const;
/** CLIP's batch and the V100 count of its largest ViT run (Radford et al. 2021, §2.5). */
const CLIP_RUN = { batch: 32_768, cards: 256, source: 'Radford et al. 2021, CLIP, §2.5' } as const;

/**
 * The Pre-training chapter's numbers: objectives on Llama 3.1 8B, BERT base, CLIP and T5, the schedule, the checkpoint and
 * the memory timeline of one step.
 */
export function pretrainingExamples(cards: readonly EstimateGpu[]) {
  const m = preset('llama-3.1-8b');
  const seq = 2048;
  const pretrain = mustParse({ model: m.id, workload: 'pretrain', seqLen: seq, batchSize: 1, gradientCheckpointing: false });
  const act = trainingActivations(pretrain, { tensorParallel: 1, pipelineParallel: 1 });
  const bert = preset('bert-base');
  const bertSeq = 512;
  const bertFlops = trainingFlopsPerToken(mustParse({ model: bert.id, workload: 'pretrain', seqLen: bertSeq, flashAttention: false }));
  const mlm = mlmMasking(bertSeq);
  const state = modelState(pretrain);
  const rtx4090 = card(cards, 'rtx-4090');
  const h100 = card(cards, 'h100-sxm');
  const lora = { model: m.id, workload: 'lora', seqLen: seq, batchSize: 1 };
  const timeline = {
    lora: stepTimeline(mustParse({ ...lora, gradientCheckpointing: false }), rtx4090),
    loraCkpt: stepTimeline(mustParse({ ...lora, gradientCheckpointing: true }), rtx4090),
    loraBatch4: stepTimeline(mustParse({ ...lora, batchSize: 4, gradientCheckpointing: false }), rtx4090),
    full: stepTimeline(mustParse({ model: m.id, workload: 'full-finetune', seqLen: seq, batchSize: 1, gradientCheckpointing: true }), h100),
  };
  const schedule = [0, 3999, 7999, 300_000, 600_000, 900_000, 1_200_000].map((step) => ({ step: step + 1, rate: warmupCosineRate(step, LLAMA3_SCHEDULE) }));
  const checkpoint = trainingCheckpointBytes(pretrain);
  const big = preset('llama-3.1-405b');
  const smallRaw = { model: 'gpt2-medium', workload: 'pretrain', seqLen: 1024, batchSize: 8, gradientCheckpointing: false };
  const small = estimate(mustParse(smallRaw), rtx4090, { explain: false });
  return {
    big: { name: big.name, checkpointBytes: trainingCheckpointBytes(mustParse({ model: big.id, workload: 'pretrain' })).totalBytes },
    small: {
      name: preset(smallRaw.model).name, batch: smallRaw.batchSize, seq: smallRaw.seqLen, fits: small.verdict === 'fits' || small.verdict === 'tight', verdict: small.verdict, totalBytes: small.memory.totalBytes,
      activationsBytes: small.memory.activationsBytes, stateBytes: small.memory.weightsBytes + small.memory.gradientsBytes + small.memory.optimizerBytes,
    },
    model: m,
    seq,
    params: countParams(m).totalParams,
    nextToken: {
      predictions: seq - 1,
      // A model that knows nothing spreads probability evenly: loss ln V nats per token.
      uniformLossNats: Math.log(m.vocabSize),
      flopsPerToken: trainingFlopsPerToken(pretrain),
      logitsBytes: act.logitsBytes,
      savedBytes: act.savedBytes,
    },
    bert: { model: bert, seq: bertSeq, mlm, flopsPerToken: bertFlops, flopsPerPrediction: bertFlops / mlm.lossFraction, nspHeadParams: 2 * bert.hiddenSize + 2 },
    clip: {
      ...CLIP_RUN,
      logitsBytes: contrastiveLogitsBytes(CLIP_RUN.batch, 4),
      perCardBytes: (CLIP_RUN.batch / CLIP_RUN.cards) * CLIP_RUN.batch * 4,
      smallBatch: 256,
      smallBatchBytes: contrastiveLogitsBytes(256, 4),
    },
    t5: { seq: 512, ...spanCorruption(512) },
    schedule,
    checkpoint,
    memoryBytesPerParam: (state.weightsBytes + state.gradientsBytes + state.optimizerBytes) / state.trainableParams,
    timeline,
    cards: { rtx4090: rtx4090.name, h100: h100.name },
  };
}

/** The Fine-tuning chapter's numbers: the recipe, the four methods on Llama 3.1 8B, LoRA's algebra, ULMFiT and SGDR. */
export function fineTuningExamples(cards: readonly EstimateGpu[]) {
  const m = preset('llama-3.1-8b');
  const c = countParams(m);
  const settings: FineTuneSettings = { model: m.id, seqLen: 2048, batchSize: 1, topLayers: 4, rank: 16, gradientCheckpointing: true, trainTokens: 30e6 };
  const compare = (gpu: EstimateGpu) => {
    const r = compareFineTuneMethods(settings, gpu);
    if (!r.ok) throw new Error(r.message);
    return Object.fromEntries(r.rows.map((row) => [row.method, row])) as Record<'full' | 'top' | 'lora' | 'qlora', (typeof r.rows)[number]>;
  };
  const on4090 = compare(card(cards, 'rtx-4090'));
  const onH100 = compare(card(cards, 'h100-sxm'));
  // How many of the site's cards each method runs on as given (verdict fits or tight), and the smallest of them.
  const fitsOn = { full: [] as EstimateGpu[], top: [] as EstimateGpu[], lora: [] as EstimateGpu[], qlora: [] as EstimateGpu[] };
  for (const gpu of cards) {
    const rows = compare(gpu);
    for (const k of ['full', 'top', 'lora', 'qlora'] as const) if (rows[k].runs) fitsOn[k].push(gpu);
  }
  const smallest = (list: EstimateGpu[]) => [...list].sort((a, b) => a.memoryGB - b.memoryGB || a.name.localeCompare(b.name))[0] ?? null;
  const d = m.hiddenSize;
  const rank = settings.rank;
  const rates = discriminativeRates(2e-5, m.layers);
  const sgdr = { maxRate: 2e-5, minRate: 0, firstCycleSteps: 100, mult: 2 };
  const restarts: number[] = [];
  for (let step = 1; step <= 1500 && restarts.length < 4; step++) if (sgdrRate(step, sgdr) > sgdrRate(step - 1, sgdr)) restarts.push(step);
  const allTargets = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'] as const;
  const fullScenario = mustParse({ model: m.id, workload: 'full-finetune', seqLen: 2048, gradientCheckpointing: true });
  const top4 = mustParse({ model: m.id, workload: 'full-finetune', seqLen: 2048, gradientCheckpointing: true, trainableTopLayers: 4 });
  return {
    model: m,
    params: c.totalParams,
    settings,
    recipe: { promptTokens: 300, responseTokens: 200, lossFraction: 200 / 500, classes: 2, headParams: d * 2 + 2 },
    on4090,
    onH100,
    fitsOn: { full: fitsOn.full.length, top: fitsOn.top.length, lora: fitsOn.lora.length, qlora: fitsOn.qlora.length },
    smallestFit: { full: smallest(fitsOn.full), top: smallest(fitsOn.top), lora: smallest(fitsOn.lora), qlora: smallest(fitsOn.qlora) },
    cardCount: cards.length,
    card4090: card(cards, 'rtx-4090'),
    cardH100: card(cards, 'h100-sxm'),
    top: {
      k: settings.topLayers,
      fullFlops: trainingFlopsPerToken(fullScenario),
      topFlops: trainingFlopsPerToken(top4),
      bytesPerParamFull: 16,
      embeddingParams: c.embeddingParams,
    },
    lora: {
      d,
      rank,
      matrixParams: d * d,
      adapterParams: rank * (d + d),
      modelAdapterParams: loraParams(m, rank, allTargets),
      qvAdapterParams: loraParams(m, rank, ['q', 'v']),
    },
    nf4BitsPerWeight: weightLayout({ kind: 'named', name: 'nf4' }, true).linearBitsPerParam,
    doraExtraParams: doraMagnitudeParams(m, allTargets),
    ulmfit: { top: rates.at(-1)!, below: rates.at(-2)!, bottom: rates[0]!, layers: m.layers, bottomRatio: rates.at(-1)! / rates[0]! },
    sgdr: { ...sgdr, restarts },
    estimateFull4090: estimate(fullScenario, card(cards, 'rtx-4090'), { explain: false }),
  };
}
