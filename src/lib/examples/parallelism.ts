/**
 * Worked examples of the Parallelism chapter and of Training at cluster scale, its second part (both import this module):
 * every number their prose and tables print, computed from the estimator, the
 * cluster model, the topology and collectives helpers, the multi-GPU validation set and the spec data passed in.
 * Pure: nothing is computed until the function is called. Row labels stay in the chapter (they are words, translated
 * in its twin); rows carry an `id` the chapter's label tables key on.
 */
import { clusterStep } from '../cluster/cluster.ts';
import { allReduce } from '../cluster/collectives.ts';
import { MFU_DEFAULTS, sustainedClockFactor, trainingPeak } from '../estimator/compute.ts';
import { estimate, estimatorCard } from '../estimator/estimate.ts';
import { fewestCards, minGpuCount } from '../answers/inverse.ts';
import { trainingActivations } from '../estimator/memory.ts';
import { parseMultiGpuCases, predictMultiGpu, summarise } from '../validation/multigpu.ts';
import { bubbleFraction } from '../cluster/pipeline.ts';
import { parseScenario } from '../scenario/scenario.ts';
import type { GpuRecord } from '../hardware/schema.ts';
import { clusterMemory } from '../cluster/stage-memory.ts';
import { PCIE_GBS_PER_LANE, resolveTopology } from '../cluster/topology.ts';
import type { Estimate, Scenario } from '../types.ts';
import multiGpuJson from '../../data/validation/multi-gpu.json';
import multiGpuHeldOut from '../../data/validation/multi-gpu-heldout.json';

/** Parses a scenario the chapter relies on; a bad one is a build error, not a blank on the page. */
function mustParse(raw: Record<string, unknown>): Scenario {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`parallelism example ${JSON.stringify(raw)}: ${r.error}`);
  return r.scenario;
}

/** The job of the chapter's first half: a full fine-tune of Llama 3.1 8B with mixed-precision AdamW, one 2,048-token sequence. */
const BASE = { model: 'llama-3.1-8b', workload: 'full-finetune', trainingPrecision: 'bf16-mixed', optimizer: 'adamw', batchSize: 1, seqLen: 2048, gradientCheckpointing: true, flashAttention: true };

/** The strategies of the memory table, all for BASE on RTX 4090 cards. */
const STRATEGY_IDS = ['one', 'ddp', 'z1', 'z2', 'z3', 'z2off', 'z3off', 'tp', 'pp', 'z3x8'] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];
const STRATEGIES: Record<StrategyId, Record<string, unknown>> = {
  one: { gpuCount: 1 },
  ddp: { gpuCount: 2, zeroStage: 0 },
  z1: { gpuCount: 2, zeroStage: 1 },
  z2: { gpuCount: 2, zeroStage: 2 },
  z3: { gpuCount: 2, zeroStage: 3 },
  z2off: { gpuCount: 2, zeroStage: 2, offload: 'optimizer' },
  z3off: { gpuCount: 2, zeroStage: 3, offload: 'optimizer+params' },
  tp: { gpuCount: 2, tensorParallel: 2 },
  pp: { gpuCount: 2, pipelineParallel: 2 },
  z3x8: { gpuCount: 8, zeroStage: 3 },
};

/** The closing table's setups for the same job: scenario patch, card, card count. */
const CHOICES = [
  ['z3off-4090x2', { gpuCount: 2, zeroStage: 3, offload: 'optimizer+params' }, 'rtx-4090', 2],
  ['z3-4090x8', { gpuCount: 8, zeroStage: 3 }, 'rtx-4090', 8],
  ['offload-6000ada', { gpuCount: 1, offload: 'optimizer' }, 'rtx-6000-ada', 1],
  ['z3-h100pciex2', { gpuCount: 2, zeroStage: 3 }, 'h100-pcie', 2],
  ['h200', { gpuCount: 1 }, 'h200-sxm', 1],
] as const;
export type ChoiceId = (typeof CHOICES)[number][0];

/** Cards whose pair link the link table lists (those present in the data). */
const LINK_CARDS = ['rtx-2080-ti', 'rtx-3090', 'rtx-4060-ti-16gb', 'rtx-4090', 'rtx-5090', 'a100-pcie-80gb', 'h100-sxm'];
/** Cards of the "real pair" table: Llama 3.2 1B with ZeRO-2 on two of each. */
const PAIR = ['rtx-3090', 'rtx-4090', 'rtx-5090'];

/** Megatron-style pre-training of Llama 3.1 70B on 64 H100s, tensor parallel 8 (the cluster section's worked example). */
const C70 = { model: 'llama-3.1-70b', seqLen: 4096, batchSize: 1, gradAccumulation: 16, gradientCheckpointing: true, gpuCount: 64, zeroStage: 1, tensorParallel: 8, pipelineParallel: 1 };
/** Llama 3.1 8B on 16 cards over a 100 Gb/s network, to show gradient accumulation hiding the all-reduce. */
const C8 = { model: 'llama-3.1-8b', seqLen: 4096, batchSize: 1, gpuCount: 16, zeroStage: 1, interNodeGbps: 100 };
/** BLOOM 176B's published layout: TP 4, PP 12, DP 8 on 384 A100 80GB (BigScience 2022, BLOOM paper §3.4; model card). */
const BL = {
  model: { name: 'BLOOM 176B', layers: 70, hiddenSize: 14336, heads: 112, intermediateSize: 57344, vocabSize: 250880, ffnKind: 'gelu', tiedEmbeddings: true },
  seqLen: 2048, batchSize: 2, gradAccumulation: 128, gradientCheckpointing: true, flashAttention: false, gpuCount: 384, zeroStage: 1, tensorParallel: 4, pipelineParallel: 12, interNodeGbps: 50,
};
/** Gemma 2 9B in 4 pipeline stages: its 256k-token vocabulary makes the last stage the heaviest. */
const G = { model: 'gemma-2-9b', seqLen: 8192, batchSize: 1, gradAccumulation: 8, gradientCheckpointing: true, gpuCount: 4, pipelineParallel: 4 };
/** Llama 3.1 8B at 8,192 tokens on 8 H100s with ZeRO-3, for the recomputation table. */
const R8 = { model: 'llama-3.1-8b', seqLen: 8192, batchSize: 2, gpuCount: 8, zeroStage: 3 };
const RECOMPUTE = {
  none: { gradientCheckpointing: false },
  attention: { selectiveCheckpointing: 'attention' },
  every2: { selectiveCheckpointing: 'layers', checkpointEveryLayers: 2 },
  full: { gradientCheckpointing: true },
} as const;
export type RecomputeId = keyof typeof RECOMPUTE;

/** PCIe bandwidth per lane and direction of one generation, GB/s. */
function pcieLane(gen: number): number {
  const v = PCIE_GBS_PER_LANE[gen];
  if (v === undefined) throw new Error(`parallelism example: no PCIe ${gen}.0 bandwidth`);
  return v;
}

/** Model state (weights, gradients, optimizer) of one estimate, bytes per card. */
const stateBytes = (e: Estimate) => e.memory.weightsBytes + e.memory.gradientsBytes + e.memory.optimizerBytes;

/** Every number of the Parallelism and Training at cluster scale chapters, for the spec data `cards` (the site's card collection). */
export function parallelismChapter(cards: readonly GpuRecord[]) {
  const byId: Record<string, GpuRecord> = Object.fromEntries(cards.map((c) => [c.id, c]));
  const cardOf = (id: string) => {
    const c = byId[id];
    if (!c) throw new Error(`parallelism example: no card ${id}`);
    return c;
  };
  const run = (patch: Record<string, unknown>, gpuId = 'rtx-4090') => {
    const s = mustParse({ ...BASE, ...patch });
    const card = cardOf(gpuId);
    const e = estimate(s, card, { explain: false });
    return { s, e, m: e.memory, c: e.communication, card };
  };
  const cl = (patch: Record<string, unknown>, gpuId = 'h100-sxm') => {
    const s = mustParse({ workload: 'pretrain', trainingPrecision: 'bf16-mixed', flashAttention: true, ...patch });
    return { s, st: clusterStep(s, cardOf(gpuId)), mem: clusterMemory(s) };
  };

  const ref = cardOf('rtx-4090');
  const one = run({ gpuCount: 1 });
  const psi = one.e.params.total;
  const state1 = one.m.weightsBytes + one.m.gradientsBytes + one.m.optimizerBytes;
  const rows = STRATEGY_IDS.map((id) => ({ id, ...run(STRATEGIES[id]) }));
  const r = Object.fromEntries(rows.map((x) => [x.id, x])) as Record<StrategyId, (typeof rows)[number]>;

  // Saved activations under tensor parallelism, with and without sequence parallelism, no checkpointing (Korthikanti et al. 2022, §4).
  const tpAct = (t: number, sp: boolean) => {
    const s = mustParse({ ...BASE, gpuCount: t, tensorParallel: t, sequenceParallel: sp, gradientCheckpointing: false });
    return trainingActivations(s, { tensorParallel: t, pipelineParallel: 1 }).savedBytes;
  };

  const consumer = cards.filter((c) => c.series !== 'reference');
  const newConsumer = consumer.filter((c) => c.series === 'geforce-40' || c.series === 'geforce-50');
  const pairLink = (card: GpuRecord) => resolveTopology({ gpuCount: 2, gpusPerNode: null, intraNodeLink: 'auto', interNodeGbps: null }, card);
  const pairRows = PAIR.filter((id) => byId[id]).map((id) => run({ model: 'llama-3.2-1b', gpuCount: 2, zeroStage: 2 }, id));

  // Can gradient traffic hide behind the backward pass? The critical batch at which compute takes 1.5 × the all-reduce.
  const hide = run({ model: 'llama-3.2-1b', gpuCount: 2, zeroStage: 0 });
  const hideT = hide.c.timeSecondsPerStep;
  const hideMfu = MFU_DEFAULTS['full-finetune'].value;
  const hidePeakFlops = trainingPeak(hide.s, ref).peakFlopsPerSecond;
  const hideRate = hidePeakFlops * hideMfu * sustainedClockFactor(ref);
  const hideTok = hide.e.flopsPerToken / hideRate;
  const hideCritTokens = (1.5 * hideT) / hideTok;

  const inNode = cl(C70);
  const mgCases = parseMultiGpuCases(multiGpuJson);
  const mgRows = mgCases.map((c) => predictMultiGpu(c, cards));
  const mgHeld = new Set(multiGpuHeldOut.ids);
  const mgT = mgRows.filter((x) => x.case.category === 'train-throughput');

  // The exercises run the estimator on the slim card the islands use, without FlashAttention.
  const exBase = { model: 'llama-3.1-8b', workload: 'full-finetune', trainingPrecision: 'bf16-mixed', optimizer: 'adamw', batchSize: 1, seqLen: 2048, gradientCheckpointing: true };
  const exRun = (patch: Record<string, unknown>) => estimate(mustParse({ ...exBase, ...patch }), estimatorCard(ref), { explain: false });

  return {
    byId,
    ref,
    one,
    psi,
    state1,
    perParam: state1 / psi,
    kBytes: one.m.optimizerBytes / psi,
    rows,
    r,
    fewest: minGpuCount(one.s, ref),
    fewestAny: fewestCards(run({ gpuCount: 1, zeroStage: 3 }).s, ref, { keepLayout: true }),
    ddp8: run({ gpuCount: 8, zeroStage: 0 }),
    z3n8: r.z3x8,
    act: one.s.batchSize * one.s.seqLen * one.s.model.hiddenSize,
    bubble4: bubbleFraction('1f1b', 4, 32, 1),
    act1: tpAct(1, false),
    act2: tpAct(2, false),
    act2sp: tpAct(2, true),
    consumer,
    consumerNvlink: consumer.filter((c) => c.nvlink),
    newConsumer,
    newNvlink: newConsumer.filter((c) => c.nvlink),
    linkRows: LINK_CARDS.filter((id) => byId[id]).map((id) => ({ card: cardOf(id), link: pairLink(cardOf(id)).intra })),
    pair4090Link: pairLink(ref).intra,
    pcieGBsPerLane: PCIE_GBS_PER_LANE,
    bridge3090: cardOf('rtx-3090').nvlink!.bandwidthGBs / 2,
    pcie4x16: pcieLane(4) * 16,
    pcie5x16: pcieLane(5) * 16,
    pairRows,
    pair: Object.fromEntries(pairRows.map((x) => [x.card.id, x])),
    CHOICES: CHOICES.filter(([, , id]) => byId[id]).map(([id, patch, gpuId, count]) => ({ id: id as ChoiceId, count, ...run(patch, gpuId) })),
    zeroRows: ([['DDP', 0], ['ZeRO-1', 1], ['ZeRO-2', 2], ['ZeRO-3', 3]] as const).map(([label, stage]) => ({
      label, sharded: { params: stage >= 3, grads: stage >= 2, optimizer: stage >= 1 }, perCardBytes: stateBytes(run({ gpuCount: 4, zeroStage: stage }).e),
    })),
    ddp4: run({ gpuCount: 4, zeroStage: 0 }),
    hide,
    hideT,
    hideMfu,
    hidePeakFlops,
    hideRate,
    hideTok,
    hideCritTokens,
    hideCritBatch: hideCritTokens / hide.s.seqLen,
    C70,
    inNode,
    acrossNodes: cl({ ...C70, gpusPerNode: 4 }),
    h100: cardOf('h100-sxm'),
    tpAr: inNode.st.tensorSeconds / inNode.st.microBatches,
    small1: allReduce(1e6, 64, inNode.st.topology.inter),
    large1: allReduce(1e9, 64, inNode.st.topology.inter),
    C8,
    acc1: cl({ ...C8, gradAccumulation: 1 }),
    acc8: cl({ ...C8, gradAccumulation: 8 }),
    BL,
    blSched: ([['gpipe', 1], ['1f1b', 1], ['interleaved', 2]] as const).map(([pipelineSchedule, virtualStages]) => ({ id: pipelineSchedule, ...cl({ ...BL, pipelineSchedule, virtualStages }, 'a100-sxm-80gb') })),
    G,
    gem: cl(G, 'a100-sxm-80gb'),
    R8,
    rec: (Object.keys(RECOMPUTE) as RecomputeId[]).map((id) => ({ id, ...cl({ ...R8, ...RECOMPUTE[id] }) })),
    capped: cl({ ...R8, selectiveCheckpointing: 'layers', boardVariant: 'h100-sxm-96gb-500w' }),
    stock: cl({ ...R8, selectiveCheckpointing: 'layers' }),
    cp1: cl({ model: 'llama-3.1-8b', seqLen: 131072, batchSize: 1, gpuCount: 8, zeroStage: 3, gradientCheckpointing: true }),
    cp8: cl({ model: 'llama-3.1-8b', seqLen: 131072, batchSize: 1, gpuCount: 8, zeroStage: 3, gradientCheckpointing: true, contextParallel: 8 }),
    mgCases,
    mgRows,
    mgSum: summarise(mgT),
    mgHeldSum: summarise(mgT.filter((x) => mgHeld.has(x.case.id))),
    mgPp: summarise(mgRows.filter((x) => x.case.category === 'pp-memory')),
    mgFrameworks: [...new Set(mgCases.map((c) => c.framework.split(' (')[0]!))],
    exOneStateBytes: stateBytes(exRun({ gpuCount: 1 })),
    exZ3StateBytes: stateBytes(exRun({ gpuCount: 8, zeroStage: 3 })),
    exBubble1f1b: bubbleFraction('1f1b', 4, 32, 1),
    exBubbleInterleaved: bubbleFraction('interleaved', 4, 32, 2),
  };
}
