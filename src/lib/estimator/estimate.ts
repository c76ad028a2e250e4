/**
 * The estimator: one scenario on one card (or N of them) to memory per card, fit, throughputs, FLOPs, time, energy and cost,
 * each number with its derivation.
 */
import { ENGINE_PROFILES, hostClass, type EngineCard } from './engines.ts';
import { FRAMEWORK_PROFILES, trainingUtilisation } from './frameworks.ts';
import {
  decodeStepOnCard, decodeStepTerms, forwardFlopsPerToken, inferencePeak, LATENCY_FLOOR,
  pipelineBubble, PREFILL_EFFICIENCY, prefillSecondsOnCard, prefillTerms, sustainedClockFactor, trainingFlopsPerToken, trainingPeak,
  trainSecondsOnCard, trainStepTerms, type DecodeTerms, type PrefillTerms, type TrainStepTerms,
} from './compute.ts';
import { costUsd, energyKWh, POWER_FRACTION } from './cost.ts';
import {
  ALLOCATOR_SLACK_STATIC, ALLOCATOR_SLACK_TRANSIENT, CUDA_CONTEXT_BYTES, inferenceActivations, kvCacheBytes, modelState, overheadBytes,
  trainingActivations, type ActivationTerms,
} from './memory.ts';
import { countParams } from '../scenario/models.ts';
import { clusterStep } from '../cluster/cluster.ts';
import { clusterMemory, type ClusterMemory } from '../cluster/stage-memory.ts';
import { communicationOnCard, communicationTerms, dataParallelDegree, shardModelState, type CommunicationTerms } from '../cluster/parallel.ts';
import { bandwidthBytesPerSecond } from './peaks.ts';
import type { Estimate, ExplainTerm, GpuSpec, Scenario } from '../types.ts';
import { GIB } from '../units.ts';
import { decideVerdict } from './verdict.ts';
import { VERDICTS } from '../scenario/vocabulary.ts';

/** Options of an estimate. */
export interface EstimateOptions {
  /** Build the per-term explanation (default true); sweeps that only read numbers switch it off for speed. */
  explain?: boolean;
}

/** A card as the estimator takes it: the spec columns plus, optionally, its architecture (for the sustained-clock model). */
export type EstimateGpu = GpuSpec & { architecture?: string; series?: string } & EngineCard;

/**
 * Keeps only the columns the estimator reads (memory, link, speed, power and price), so islands that estimate in the browser
 * receive small, serialisable props instead of whole spec records.
 */
export function estimatorCard(c: GpuSpec & { architecture: string; series?: string } & EngineCard): EstimateGpu {
  return {
    id: c.id, name: c.name, memoryGB: c.memoryGB, architecture: c.architecture, formFactor: c.formFactor,
    // The series tells the topology whether the card has peer-to-peer over PCIe (GeForce 40 has none).
    ...(c.series === undefined ? {} : { series: c.series }),
    boardPowerW: c.boardPowerW, launchPriceUsd: c.launchPriceUsd, pcieGen: c.pcieGen, pcieLanes: c.pcieLanes, nvlink: c.nvlink,
    memoryBandwidthGBs: c.memoryBandwidthGBs, fp32Tflops: c.fp32Tflops, fp16Tflops: c.fp16Tflops, tensorFp16Fp16AccTflops: c.tensorFp16Fp16AccTflops,
    tensorFp16Fp32AccTflops: c.tensorFp16Fp32AccTflops, bf16Tflops: c.bf16Tflops, tf32Tflops: c.tf32Tflops, int8Tops: c.int8Tops,
    fp8Tflops: c.fp8Tflops, fp4Tflops: c.fp4Tflops, memoryType: c.memoryType, l2CacheMB: c.l2CacheMB,
  };
}

/** Replaces a non-finite value (which would be a bug) by 0 or the largest finite number, so JSON never carries NaN. */
const finite = (v: number): number => (Number.isFinite(v) ? v : Number.isNaN(v) ? 0 : Math.sign(v) * Number.MAX_VALUE);

const SRC = {
  zero: 'Rajbhandari et al. 2020, ZeRO, §3.1 (model states) and §5.1 (partitioning)',
  korthikanti: 'Korthikanti et al. 2022, Reducing Activation Recomputation in Large Transformer Models, §4.1-4.2',
  kv: 'Pope et al. 2022, Efficiently Scaling Transformer Inference, §3.1; Ainslie et al. 2023, GQA, §2',
  torch: 'PyTorch docs, CUDA semantics: memory management (caching allocator; max_memory_allocated vs nvidia-smi)',
  flops: 'Kaplan et al. 2020, Scaling Laws, §2.1; Chowdhery et al. 2022, PaLM, App. B; Korthikanti et al. 2022, §5',
  roofline: 'Williams et al. 2009, Roofline; Pope et al. 2022, §3',
} as const;

/** Everything about a scenario that does not depend on the card: memory per card, FLOPs and bytes per step. */
interface Prepared {
  m: Scenario['model'];
  c: ReturnType<typeof countParams>;
  state: ReturnType<typeof modelState>;
  layout: ReturnType<typeof modelState>['layout'];
  shard: ReturnType<typeof shardModelState>;
  act: ActivationTerms;
  /** The pipeline stage model's busiest stage (pipelined training only). */
  stage: ClusterMemory | null;
  kvBytes: number;
  pagedBytes: number;
  allocatedBytes: number;
  overhead: number;
  totalBytes: number;
  training: boolean;
  dp: number;
  contextTokens: number;
  decode: DecodeTerms;
  prefill: PrefillTerms;
  train: TrainStepTerms | null;
  comm: CommunicationTerms | null;
  flopsPerToken: number;
  utilisation: number;
  mfuNote: string | null;
}

const prepared = new WeakMap<Scenario, Prepared>();

/** The hardware-FLOPs utilisation a training step runs at (frameworks.ts), and a note naming it and the MFU it implies. */
function trainingHfu(s: Scenario): { value: number; note: string | null } {
  if (s.workload === 'inference') return { value: 0, note: null };
  const u = trainingUtilisation(s);
  return { value: u.hfu, note: s.mfu !== null ? null : `HFU ${u.hfu.toFixed(2)}, MFU ${u.mfu.toFixed(2)} after recomputation, for ${s.workload} (${u.source})` };
}

/** What the estimator derives from a card alone (memoised per card object). */
interface CardTerms {
  capacityBytes: number;
  bandwidthBps: number;
  clock: number;
  clockNote: string | null;
  priceNote: string | null;
}

const cardCache = new WeakMap<EstimateGpu, CardTerms>();

function cardTerms(gpu: EstimateGpu): CardTerms {
  const hit = cardCache.get(gpu);
  if (hit) return hit;
  const clock = sustainedClockFactor(gpu);
  const t: CardTerms = {
    capacityBytes: gpu.memoryGB * GIB,
    bandwidthBps: bandwidthBytesPerSecond(gpu),
    clock,
    clockNote: clock < 0.995 ? `sustained clock under dense matmul load: ${(clock * 100).toFixed(0)}% of boost (board power per TFLOPS below its architecture's full-power part)` : null,
    priceNote: gpu.launchPriceUsd === null ? `${gpu.name} has no launch price: cost counts electricity only` : null,
  };
  cardCache.set(gpu, t);
  return t;
}

/** Computes (once per scenario object) the card-independent terms, so a sweep over cards only does the card arithmetic. */
function prepare(s: Scenario): Prepared {
  const hit = prepared.get(s);
  if (hit) return hit;
  const m = s.model;
  const c = countParams(m);
  const state = modelState(s);
  const layout = state.layout;
  const training = s.workload !== 'inference';
  const tp = s.tensorParallel;
  const pp = s.pipelineParallel;
  const layerWeightsBytes = state.baseWeightsBytes * (c.largestLayerParams / c.totalParams);
  let shard = shardModelState(state, s, layerWeightsBytes);
  let act = training ? trainingActivations(s, { tensorParallel: tp, pipelineParallel: pp }) : inferenceActivations(s, { tensorParallel: tp, pipelineParallel: pp });
  // Pipelined training: the busiest stage of the stage model (stage-memory.ts), the same number the Parallelism calculator,
  // the planner and the cluster presets read (Narayanan et al. 2021 §2.2; Korthikanti et al. 2022 §4.2.3).
  const stage = training && pp > 1 ? clusterMemory(s) : null;
  if (stage) {
    shard = { ...shard, weightsBytes: stage.peak.weightsBytes, gradientsBytes: stage.peak.gradientsBytes, optimizerBytes: stage.peak.optimizerBytes };
    act = { ...act, totalBytes: stage.peak.activationsBytes };
  }
  const contextTokens = s.promptTokens + s.outputTokens;
  const kvBytes = training ? 0 : kvCacheBytes(m, contextTokens, s.batchSize, s.kvCacheFormat, tp, pp);
  // bitsandbytes paged optimizers allocate CUDA unified memory, which PyTorch's allocator does not count and the driver may page out.
  const pagedBytes = training && s.pagedOptimizer ? shard.optimizerBytes : 0;
  // A framework that holds a second copy of the 4-bit base weights at its peak (LitGPT bnb.nf4, frameworks.ts).
  const copies = FRAMEWORK_PROFILES[s.framework].quantizedWeightCopiesAtPeak.value;
  const frameworkExtraBytes = training && s.workload !== 'full-finetune' && s.workload !== 'pretrain' && layout.weightOnlyQuantized
    ? ((copies - 1) * c.blockLinearParams * layout.linearBitsPerParam) / 8 / (tp * pp) : 0;
  const allocatedBytes = shard.weightsBytes + shard.gradientsBytes + shard.optimizerBytes - pagedBytes + act.totalBytes + kvBytes + frameworkExtraBytes;
  const overhead = stage ? stage.peak.overheadBytes : overheadBytes(shard.weightsBytes + shard.gradientsBytes + shard.optimizerBytes + kvBytes, act.totalBytes);
  const w = s.workload === 'inference' ? null : s.workload;
  const p: Prepared = {
    m, c, state, layout, shard, act, stage, kvBytes, pagedBytes, allocatedBytes, overhead,
    totalBytes: allocatedBytes + pagedBytes + overhead,
    training,
    dp: dataParallelDegree(s),
    contextTokens,
    decode: decodeStepTerms(s, layout),
    prefill: prefillTerms(s, layout, state.baseWeightsBytes),
    train: training ? trainStepTerms(s, layout) : null,
    comm: training ? communicationTerms(s, state) : null,
    flopsPerToken: training ? trainingFlopsPerToken(s) : forwardFlopsPerToken(s, s.promptTokens + s.outputTokens / 2),
    utilisation: w ? trainingHfu(s).value : 0,
    mfuNote: w ? trainingHfu(s).note : null,
  };
  prepared.set(s, p);
  return p;
}

/**
 * Estimates one scenario on one card type; memory is per card, throughputs are for the whole job.
 * @example estimate(parsedLlama7bInference, rtx4090).memory.weightsBytes //=> 13476831232
 */
export function estimate(s: Scenario, gpu: EstimateGpu, options: EstimateOptions = {}): Estimate {
  const wantExplain = options.explain !== false;
  const p = prepare(s);
  const { m, c, state, layout, shard, act, stage, kvBytes, pagedBytes, allocatedBytes, overhead, totalBytes, training, dp, contextTokens } = p;
  const notes = s.assumptions.slice();

  const card = cardTerms(gpu);
  const capacityBytes = card.capacityBytes;
  const fits = totalBytes - pagedBytes <= capacityBytes;
  if (pagedBytes > 0 && totalBytes > capacityBytes && fits) notes.push('paged optimizer states spill to CPU memory: it runs, with slower optimizer steps');
  const { verdict, why: verdictWhy, reason: verdictReason } = decideVerdict(s, gpu, { totalBytes, pagedBytes, capacityBytes });

  // Speed.
  const clock = s.mfu === null ? card.clock : 1;
  if (clock < 0.995 && card.clockNote) notes.push(card.clockNote);
  const iPeak = inferencePeak(s, gpu);
  if (iPeak.fallbackNote && !training) notes.push(iPeak.fallbackNote);
  const step = decodeStepOnCard(p.decode, gpu, iPeak, clock);
  const prefillS = prefillSecondsOnCard(p.prefill, gpu, iPeak, clock);
  const prefillTokensPerSecond = ((s.batchSize * s.promptTokens) / prefillS) * dp;
  const decodeTokensPerSecond = (s.batchSize / step.stepSeconds) * dp;

  let trainTokensPerSecond = 0;
  let utilisation = 0;
  let stepSeconds = 0;
  let comm = { bytesPerStep: 0, timeSecondsPerStep: 0, exposedSecondsPerStep: 0, link: 'none' };
  const tPeak = trainingPeak(s, gpu);
  if (training && p.train && p.comm) {
    if (tPeak.fallbackNote) notes.push(tPeak.fallbackNote);
    if (p.mfuNote) notes.push(p.mfuNote);
    utilisation = p.utilisation * clock;
    const compute = trainSecondsOnCard(p.train, tPeak, utilisation, card.bandwidthBps);
    comm = communicationOnCard(p.comm, s, gpu, compute);
    stepSeconds = compute * (1 + pipelineBubble(s.pipelineParallel)) + comm.exposedSecondsPerStep;
    trainTokensPerSecond = (s.batchSize * s.seqLen * dp) / stepSeconds;
    if (s.gpuCount > 1) {
      // Several cards: the cluster step model (topology, collectives, schedule, shape-derived utilisation) times the step.
      const cs = clusterStep(s, gpu);
      stepSeconds = cs.stepSeconds;
      trainTokensPerSecond = cs.tokensPerSecond;
      utilisation = cs.mfu;
      comm = { ...comm, timeSecondsPerStep: cs.tensorSeconds + cs.contextSeconds + cs.pipelineSeconds + cs.dataSeconds, exposedSecondsPerStep: cs.exposedCommunicationSeconds, link: cs.topology.nodes > 1 ? `${cs.topology.intra.label}; ${cs.topology.inter.label}` : cs.topology.intra.label };
    }
  }
  const flopsPerToken = p.flopsPerToken;
  const timeSeconds = training ? s.trainTokens / trainTokensPerSecond : prefillS + s.outputTokens * step.stepSeconds;
  const energy = energyKWh(gpu.boardPowerW, s.gpuCount, timeSeconds, training ? POWER_FRACTION.training : POWER_FRACTION.inference);
  const cost = costUsd({ gpuCount: s.gpuCount, timeSeconds, energyKWh: energy, hourlyUsd: s.hourlyUsd, priceUsd: gpu.launchPriceUsd, electricityUsdPerKWh: s.electricityUsdPerKWh, amortisationYears: (s.amortisationYears * s.busyHoursPerWeek) / 168 });
  if (s.hourlyUsd === null && card.priceNote) notes.push(card.priceNote);

  const result: Estimate = {
    gpu: { id: gpu.id, name: gpu.name, memoryBytes: capacityBytes },
    model: { id: m.id, name: m.name },
    workload: s.workload,
    params: { total: c.totalParams, trainable: state.trainableParams, activePerToken: c.activeParams },
    memory: {
      weightsBytes: finite(shard.weightsBytes),
      gradientsBytes: finite(shard.gradientsBytes),
      optimizerBytes: finite(shard.optimizerBytes),
      activationsBytes: finite(act.totalBytes),
      kvCacheBytes: finite(kvBytes),
      overheadBytes: finite(overhead),
      allocatedBytes: finite(allocatedBytes),
      totalBytes: finite(totalBytes),
    },
    fits,
    verdict,
    verdictReason,
    verdictWhy,
    throughput: {
      prefillTokensPerSecond: finite(prefillTokensPerSecond),
      decodeTokensPerSecond: finite(decodeTokensPerSecond),
      trainTokensPerSecond: finite(trainTokensPerSecond),
    },
    flopsPerToken: finite(flopsPerToken),
    timeSeconds: finite(timeSeconds),
    energyKWh: finite(energy),
    costUsd: finite(cost),
    communication: { bytesPerStep: finite(comm.bytesPerStep), timeSecondsPerStep: finite(comm.timeSecondsPerStep), link: comm.link },
    assumptions: notes,
    explain: {},
  };
  if (!wantExplain) return result;

  const x: Record<string, ExplainTerm> = {};
  const term = (key: string, value: number, unit: string, formula: string, inputs: ExplainTerm['inputs'], source: string) => {
    x[key] = { value: finite(value), unit, formula, inputs, source };
  };
  term('params.total', c.totalParams, 'parameters', 'layers x (attention + FFN x experts + norms) + embeddings (+ untied output head)', { layers: m.layers, hiddenSize: m.hiddenSize, heads: m.heads, kvHeads: m.kvHeads, intermediateSize: m.intermediateSize, vocabSize: m.vocabSize, experts: m.experts }, m.source);
  term('params.trainable', state.trainableParams, 'parameters', s.workload === 'lora' || s.workload === 'qlora' ? 'rank x (in + out) summed over adapted matrices' : s.trainableTopLayers !== null && s.workload === 'full-finetune' ? 'top k blocks + final norm + untied output head (Howard & Ruder 2018, ULMFiT, §3.2)' : training ? 'every parameter' : 'none (inference)', { rank: s.lora.rank, targets: s.lora.targets.join(' '), trainableTopLayers: s.trainableTopLayers ?? 'all' }, 'Hu et al. 2021, LoRA, §4.1');
  term('memory.weightsBytes', shard.weightsBytes, 'bytes', '(block linears x bits + other params x bits) / 8 [+ adapters], / (tensorParallel x pipelineParallel) [/ N_d under ZeRO-3]', { format: layout.label, linearBitsPerParam: layout.linearBitsPerParam, otherBitsPerParam: layout.otherBitsPerParam, blockLinearParams: c.blockLinearParams, totalParams: c.totalParams, tensorParallel: s.tensorParallel, pipelineParallel: s.pipelineParallel, dataParallel: dp, zeroStage: s.zeroStage }, 'Dettmers et al. 2023, QLoRA, §3 (NF4, double quantization); ' + SRC.zero);
  term('memory.gradientsBytes', shard.gradientsBytes, 'bytes', 'trainable params x gradient bytes [x2 for DDP buckets] [/ N_d under ZeRO-2/3]', { trainableParams: state.trainableParams, bytesPerParam: state.bytesPerTrainableParam.gradient, optimizerInBackward: s.optimizerInBackward, zeroStage: s.zeroStage }, SRC.zero + '; PyTorch DistributedDataParallel docs (gradient_as_bucket_view)');
  term('memory.optimizerBytes', shard.optimizerBytes, 'bytes', 'trainable params x (state bytes + fp32 master) [/ N_d under ZeRO-1+] [0 when offloaded]', { optimizer: s.optimizer, bytesPerParam: state.bytesPerTrainableParam.optimizer, masterBytes: state.masterBytes, offload: s.offload, pagedOptimizer: s.pagedOptimizer }, SRC.zero + '; Dettmers et al. 2022, 8-bit Optimizers, §2; Shazeer & Stern 2018, Adafactor, §3');
  term('memory.activationsBytes', act.totalBytes, 'bytes', training ? 'saved (tokens x layers x bytes per token per layer, or layer inputs only with recompute) + logits + one block working set, / tensorParallel' : 'prefill working set of one block + last-token fp32 logits', { tokens: s.batchSize * (training ? s.seqLen : s.promptTokens), bytesPerTokenPerLayer: act.perTokenPerLayerBytes, savedBytes: act.savedBytes, logitsBytes: act.logitsBytes, workingBytes: act.workingBytes, gradientCheckpointing: s.gradientCheckpointing, flashAttention: s.flashAttention, activationOffload: s.activationOffload, chunkedCrossEntropy: s.chunkedCrossEntropy }, SRC.korthikanti + '; Dao et al. 2022, FlashAttention, §3.1; torchtune memory optimizations docs');
  term('memory.kvCacheBytes', kvBytes, 'bytes', 'batch x layers x context x (2 x kvHeads x headDim, or the MLA latent) x bytes / shards', { batchSize: s.batchSize, layers: m.layers, contextTokens, kvHeads: m.kvHeads, headDim: m.headDim, format: s.kvCacheFormat }, SRC.kv + '; DeepSeek-AI 2024, DeepSeek-V2, §2.1.2');
  term('memory.overheadBytes', overhead, 'bytes', 'CUDA context + 3% of long-lived tensors + 15% of transient activations', { cudaContextBytes: CUDA_CONTEXT_BYTES, staticSlack: ALLOCATOR_SLACK_STATIC, transientSlack: ALLOCATOR_SLACK_TRANSIENT }, SRC.torch);
  term('memory.allocatedBytes', allocatedBytes, 'bytes', 'weights + gradients + optimizer (less paged states) + activations + KV cache [+ a framework\'s extra 4-bit weight copy]', { pagedOptimizerBytes: pagedBytes, framework: s.framework, quantizedWeightCopiesAtPeak: FRAMEWORK_PROFILES[s.framework].quantizedWeightCopiesAtPeak.value }, SRC.torch + '; ' + FRAMEWORK_PROFILES[s.framework].quantizedWeightCopiesAtPeak.source);
  if (stage) {
    term('memory.pipelineStage', stage.peakBytes, 'bytes', 'max over first stage (block + embedding state, activations of the micro-batches in flight, their output and gradient buffers) and last stage (block + head state, one micro-batch, logits); ZeRO-3 keeps the stage gathered: 2 bytes of weights + 4 of FP32-accumulated gradient per parameter', { peakStage: stage.peakStage, firstStageBytes: stage.firstStageBytes, lastStageBytes: stage.lastStageBytes, inFlightMicroBatches: stage.inFlightMicroBatches, schedule: s.pipelineSchedule, pipelineParallel: s.pipelineParallel, microBatches: s.gradAccumulation }, 'Narayanan et al. 2021, Megatron-LM on GPU clusters, §2.2; Korthikanti et al. 2022, §4.2.3; PyTorch FSDP2 FSDPParam.to_accumulated_grad_if_needed and torchtitan mixed_precision_reduce = float32; torch.distributed.pipelining PipelineStage (fwd_cache, grad_recv_info)');
  }
  term('memory.totalBytes', totalBytes, 'bytes', 'allocated + paged optimizer states + overhead', { capacityBytes }, SRC.torch);
  term('verdict', VERDICTS.indexOf(verdict), 'index', `${verdict}: ${verdictReason}`, { totalBytes, capacityBytes, pagedBytes }, 'src/lib/estimator/verdict.ts: fits / tight (spare inside the validated memory error) / offload / unsupported format / does not fit');
  term('fits', fits ? 1 : 0, 'boolean', 'totalBytes (less pageable optimizer states) <= memoryGB x 2^30', { totalBytes, capacityBytes, pagedBytes }, 'bitsandbytes docs, paged optimizers');
  const prefillComputeSeconds = p.prefill.flops / (iPeak.peakFlopsPerSecond * PREFILL_EFFICIENCY.value * clock);
  const prefillStreamSeconds = p.prefill.dequantBytes / (bandwidthBytesPerSecond(gpu) * p.prefill.bandwidthEfficiency);
  const prefillBound = prefillStreamSeconds > prefillComputeSeconds ? 'traffic outside the matmuls (dequantization, activation conversions, unfused attention scores)' : 'matmul compute';
  term('throughput.prefillTokensPerSecond', prefillTokensPerSecond, 'tokens/s', 'batch x prompt / (max(FLOPs / (peak x efficiency x clock), weight bytes / bandwidth) + (dequantization + conversions + unfused attention scores) / (bandwidth x engine efficiency) + floor) x replicas', { engine: s.engine, peakFlopsPerSecond: iPeak.peakFlopsPerSecond, column: iPeak.column, efficiency: PREFILL_EFFICIENCY.value, sustainedClock: clock, promptTokens: s.promptTokens, computeSeconds: prefillComputeSeconds, streamBytes: p.prefill.dequantBytes, streamSeconds: prefillStreamSeconds, bound: prefillBound }, SRC.roofline + '; ' + PREFILL_EFFICIENCY.source + '; src/lib/estimator/engines.ts (unfused attention score bytes)');
  const eng = ENGINE_PROFILES[s.engine];
  const decodeBound = step.floorSeconds > Math.max(step.memorySeconds, step.computeSeconds) ? 'kernel launches and host work (per-layer and per-step overhead)' : step.bound === 'memory' ? 'memory bandwidth (weights and KV cache)' : 'compute';
  term('throughput.decodeTokensPerSecond', decodeTokensPerSecond, 'tokens/s', 'batch / (max(bytes per step / (bandwidth x engine efficiency), FLOPs / peak) + latency floor + engine launches and host step) x replicas', { engine: s.engine, hostClass: hostClass(gpu), bytesPerStep: step.bytesPerStep, flopsPerStep: step.flopsPerStep, bandwidthBytesPerSecond: bandwidthBytesPerSecond(gpu), efficiency: eng.weightBandwidthEfficiency.value, memorySeconds: step.memorySeconds, computeSeconds: step.computeSeconds, floorSeconds: step.floorSeconds, perLayerFloorSeconds: LATENCY_FLOOR.perLayerSeconds, perLayerLaunchSeconds: eng.perLayerLaunchSeconds[hostClass(gpu)], hostStepSeconds: eng.hostStepSeconds.value, bound: decodeBound }, `${SRC.roofline}; ${eng.weightBandwidthEfficiency.source}; ${eng.perLayerSource}; ${eng.hostStepSeconds.source}`);
  term('throughput.trainTokensPerSecond', trainTokensPerSecond, 'tokens/s', training ? 'batch x seqLen x replicas / (executed FLOPs per step / (peak x HFU x clock) (+ dequantization) x (1 + bubble) + exposed communication); MFU = HFU x model / executed FLOPs' : 'not a training workload', { peakFlopsPerSecond: tPeak.peakFlopsPerSecond, column: tPeak.column, hfu: utilisation, mfu: training ? trainingUtilisation(s).mfu : 0, framework: s.framework, compile: s.compile, stepSeconds, exposedCommunicationSeconds: comm.exposedSecondsPerStep, link: comm.link }, training ? trainingUtilisation(s).source : 'n/a');
  term('flopsPerToken', flopsPerToken, 'FLOP', training ? '6N + 6·L·s·(d_qk + d_v)/... : forward 2N + attention, backward 2x (LoRA: 1x on frozen weights), + forward again with recompute' : '2N + 2·L·ctx·(d_qk + d_v)', { matmulParams: c.matmulParamsPerToken, layers: m.layers, seqLen: training ? s.seqLen : contextTokens, gradientCheckpointing: s.gradientCheckpointing }, SRC.flops);
  term('timeSeconds', timeSeconds, 's', training ? 'trainTokens / trainTokensPerSecond' : 'prefill + outputTokens x decode step', { trainTokens: s.trainTokens, outputTokens: s.outputTokens }, 'definition');
  term('energyKWh', energy, 'kWh', 'board power x power fraction x cards x time / 3.6e6', { boardPowerW: gpu.boardPowerW, powerFraction: training ? POWER_FRACTION.training : POWER_FRACTION.inference, gpuCount: s.gpuCount }, 'SI (1 kWh = 3.6 MJ)');
  term('costUsd', cost, 'USD', s.hourlyUsd !== null ? 'hourly price x cards x hours' : 'price x cards x time / (service life x busy share of the week) + energy x electricity price', { hourlyUsd: s.hourlyUsd ?? 'none', priceUsd: gpu.launchPriceUsd ?? 'unknown', amortisationYears: s.amortisationYears, busyHoursPerWeek: s.busyHoursPerWeek, electricityUsdPerKWh: s.electricityUsdPerKWh }, 'straight-line depreciation; US EIA average electricity price');
  result.explain = x;
  return result;
}
