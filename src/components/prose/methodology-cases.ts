/**
 * The methodology pages' numbers, computed once for both languages (`src/content/docs/methodology.mdx`, `methodology/cases.mdx`
 * and their `zh-cn/` twins): every validation case against the estimator, the error by group in-sample and
 * on the held-out quarter, the known misses, the engine, framework and attention-kernel constants the page quotes, and the two reference runs
 * whose derivations make the formula table (plus a pipelined pre-training run for the stage model's row). The pages only format and word these figures, so the two cannot drift.
 */
import { getCollection } from 'astro:content';
import holdoutJson from '../../data/validation/holdout.json';
import measurementsJson from '../../data/validation/measurements.json';
import { attentionKernelSpeed } from '../../lib/cluster/cluster.ts';
import { ENGINE_PROFILES } from '../../lib/estimator/engines.ts';
import { estimate } from '../../lib/estimator/estimate.ts';
import { COMPILE_SPEEDUP, FRAMEWORK_PROFILES } from '../../lib/estimator/frameworks.ts';
import { parseScenario } from '../../lib/scenario/scenario.ts';
import { findGpu } from '../../lib/scenario/scenario-refs.ts';
import { MEASUREMENT_CATEGORIES } from '../../lib/hardware/schema.ts';
import { ERROR_GROUPS, medianAbsoluteError, parseHoldout, parseMeasurements, summarise, validateMeasurement, worstAbsoluteError } from '../../lib/validation/validation.ts';
import type { ValidationRow } from '../../lib/validation/validation.ts';

/**
 * Gate targets per group as fractions, [median absolute error, 90th-percentile absolute error]; the unit tests in
 * `tests/validation/measurements.test.ts` enforce them (its GATES).
 */
const TARGETS: Record<(typeof ERROR_GROUPS)[number]['id'], readonly [number, number]> = {
  memory: [0.06, 0.2],
  decode: [0.09, 0.3],
  prefill: [0.13, 0.3],
  training: [0.15, 0.3],
};

/**
 * The validation rows and their summaries, the engine constants, the two reference runs and the formula terms they explain.
 * Computed on the first call and shared by the four pages that print them (the methodology page and the every-case page,
 * in both languages).
 */
export function methodologyCases(): ReturnType<typeof computeCases> {
  cached ??= computeCases();
  return cached;
}
let cached: ReturnType<typeof computeCases> | undefined;

async function computeCases() {
  const cards = (await getCollection('gpus')).map((entry) => entry.data);
  const rows = parseMeasurements(measurementsJson).map((m) => validateMeasurement(m, cards));
  const heldOut = new Set(parseHoldout(holdoutJson));
  const groupRows = (g: (typeof ERROR_GROUPS)[number]): ValidationRow[] => rows.filter((r) => (g.categories as readonly string[]).includes(r.measurement.category));
  const groups = ERROR_GROUPS.map((g) => ({
    g,
    target: TARGETS[g.id],
    all: summarise(groupRows(g)),
    inSample: summarise(groupRows(g).filter((r) => !heldOut.has(r.measurement.id))),
    held: summarise(groupRows(g).filter((r) => heldOut.has(r.measurement.id))),
  }));
  const misses = rows.filter((r) => r.measurement.knownMiss !== undefined);
  const categories = MEASUREMENT_CATEGORIES.map((id) => {
    const group = rows.filter((r) => r.measurement.category === id);
    return { id, cases: group.length, medianAbs: medianAbsoluteError(group), worstAbs: worstAbsoluteError(group), within: group.filter((r) => r.withinTolerance).length };
  });
  const errorPoints = rows.map((r) => ({
    id: r.measurement.id,
    group: ERROR_GROUPS.find((g) => (g.categories as readonly string[]).includes(r.measurement.category))?.id ?? '',
    error: r.relativeError,
    heldOut: heldOut.has(r.measurement.id),
  }));
  const engines = {
    llamaCppBandwidth: ENGINE_PROFILES['llama.cpp'].weightBandwidthEfficiency.value,
    exllamaBandwidth: ENGINE_PROFILES.exllamav2.weightBandwidthEfficiency.value,
    graphHostStepSeconds: ENGINE_PROFILES.vllm.hostStepSeconds.value,
    llamaCppLaunchDesktopSeconds: ENGINE_PROFILES['llama.cpp'].perLayerLaunchSeconds.desktop,
    llamaCppLaunchServerSeconds: ENGINE_PROFILES['llama.cpp'].perLayerLaunchSeconds.server,
    unfusedScoreBytes: ENGINE_PROFILES['llama.cpp'].unfusedScoreBytes,
    bnbDequantBytesPerWeight: FRAMEWORK_PROFILES.transformers.nf4DequantBytesPerWeight.value,
    torchtuneDequantBytesPerWeight: FRAMEWORK_PROFILES.torchtune.nf4DequantBytesPerWeight.value,
    compileSpeedup: COMPILE_SPEEDUP.value,
    tritonAttentionSlowdown: 1 / attentionKernelSpeed('triton', 'ampere'),
    flash3AttentionSpeedup: attentionKernelSpeed('flash3', 'hopper'),
  };
  const reference = (raw: Record<string, unknown>) => {
    const parsed = parseScenario(raw);
    if (!parsed.ok || parsed.gpu.kind !== 'id') throw new Error('methodology reference scenario is invalid');
    const card = findGpu(parsed.gpu.id, cards);
    if (!card) throw new Error('methodology reference card is missing');
    return estimate(parsed.scenario, card);
  };
  const training = reference({ model: 'llama-3.1-8b', workload: 'full-finetune', batchSize: 1, seqLen: 2048, gpu: 'a100-sxm-80gb' });
  const inference = reference({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'bf16', promptTokens: 2048, outputTokens: 256, gpu: 'rtx-4090' });
  // A pipelined pre-training run adds the stage model's row (busiest stage of a 405B model on 8 x 8 x 8 H100s).
  const pipelined = reference({ model: 'llama-3.1-405b', workload: 'pretrain', seqLen: 8192, batchSize: 4, gpuCount: 512, tensorParallel: 8, pipelineParallel: 8, zeroStage: 3, sequenceParallel: true, gradAccumulation: 8, gradientCheckpointing: true, gpu: 'h100-sxm' });
  const terms = Object.entries({
    ...training.explain,
    ...Object.fromEntries(Object.entries(inference.explain).filter(([key]) => key.startsWith('throughput.prefill') || key.startsWith('throughput.decode') || key === 'memory.kvCacheBytes')),
    ...Object.fromEntries(Object.entries(pipelined.explain).filter(([key]) => key === 'memory.pipelineStage')),
  });
  return { rows, heldOut, groups, misses, categories, errorPoints, engines, training, inference, terms };
}
