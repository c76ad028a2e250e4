/**
 * Worked examples of the Pre-training objectives and Training loop chapters (both import this module): every number they
 * print, computed from the estimator, the objective and schedule helpers, and the spec data passed in. Pure: nothing is
 * computed until the function is called.
 */
import { trainingFlopsPerToken } from '../estimator/compute.ts';
import { estimate, type EstimateGpu } from '../estimator/estimate.ts';
import { modelState, trainingActivations } from '../estimator/memory.ts';
import { countParams } from '../scenario/models.ts';
import { contrastiveLogitsBytes, mlmMasking, spanCorruption, trainingCheckpointBytes, warmupCosineRate } from '../teaching/pretraining.ts';
import { stepTimeline, type StepTimeline, type TimelinePhase } from '../teaching/timeline.ts';
import { card, mustParse as parse, preset } from './chapter-inputs.ts';

const mustParse = (raw: Record<string, unknown>) => parse('pre-training', raw);

/** The phase of the step at which a memory timeline peaks. */
const peakPhase = (t: StepTimeline): TimelinePhase => t.points[t.peakIndex]!.phase;

/** Llama 3's pre-training schedule: peak 8e-5, 8,000 warm-up steps, cosine to 8e-7 over 1.2M steps (Llama Team 2024, §3.4.1). */
export const LLAMA3_SCHEDULE = { peak: 8e-5, warmupSteps: 8000, totalSteps: 1_200_000, minRatio: 0.01, source: 'Llama Team 2024, The Llama 3 Herd of Models, §3.4.1' } as const;
/** CLIP's batch and the V100 count of its largest ViT run (Radford et al. 2021, §2.5). */
const CLIP_RUN = { batch: 32_768, cards: 256, source: 'Radford et al. 2021, CLIP, §2.5' } as const;

/**
 * The two chapters' numbers: objectives on Llama 3.1 8B, BERT base, CLIP and T5 (Pre-training objectives); the schedule,
 * the checkpoint and the memory timeline of one step (The training loop).
 */
export function pretrainingChapter(cards: readonly EstimateGpu[]) {
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
    /** The phase of the step at which each timeline peaks. */
    peakPhase: Object.fromEntries(Object.entries(timeline).map(([k, t]) => [k, peakPhase(t)])) as Record<keyof typeof timeline, TimelinePhase>,
    cards: { rtx4090: rtx4090.name, h100: h100.name },
  };
}

