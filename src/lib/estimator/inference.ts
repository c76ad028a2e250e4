/**
 * Running a model: the decode step split into the terms that bound it (weights, KV cache, compute, per-step overhead),
 * the KV cache of MHA, GQA and MLA, speculative decoding, and the published quality cost of quantised formats.
 * Every speed here comes from the same functions as `estimate()` (compute.ts), so the chapter and the calculators agree.
 */
import { decodeStepOnCard, decodeStepTerms, inferencePeak, sustainedClockFactor } from './compute.ts';
import { estimate, type EstimateGpu } from './estimate.ts';
import { kvBytesPerValue, modelState } from './memory.ts';
import { kvValuesPerTokenPerLayer } from '../scenario/models.ts';
import type { KvCacheFormat, ModelArch, Scenario } from '../types.ts';
import type { Engine } from '../scenario/vocabulary.ts';
import type { FieldSpec } from '../scenario/fields.ts';

/** Weight formats the inference calculator offers, in the order it lists them. */
export const INFERENCE_FORMAT_IDS = ['bf16', 'fp8', 'q8_0', 'q6_k', 'q5_k_m', 'q4_k_m', 'q3_k_m', 'q2_k', 'int4', 'nf4'] as const;

/** One of the inference calculator's weight formats. */
export type InferenceFormatId = (typeof INFERENCE_FORMAT_IDS)[number];

/** How a weight format is named for the estimator and which engine family runs it. */
export interface InferenceFormat {
  /** Words for a select option. */
  label: string;
  /** The value `parseScenario` takes as `weightsFormat`. */
  weightsFormat: string;
  /** The engine that usually serves the format (llama.cpp for GGUF, vLLM for PyTorch formats); passed to the estimator explicitly. */
  engine: Engine;
}

/** The inference calculator's formats, keyed by id. */
export const INFERENCE_FORMATS: Record<InferenceFormatId, InferenceFormat> = {
  bf16: { label: 'BF16 (unquantised)', weightsFormat: 'bf16', engine: 'vllm' },
  fp8: { label: 'FP8 E4M3 (weights and matmuls)', weightsFormat: 'fp8', engine: 'vllm' },
  q8_0: { label: 'GGUF Q8_0', weightsFormat: 'q8_0', engine: 'llama.cpp' },
  q6_k: { label: 'GGUF Q6_K', weightsFormat: 'q6_k', engine: 'llama.cpp' },
  q5_k_m: { label: 'GGUF Q5_K_M', weightsFormat: 'q5_k_m', engine: 'llama.cpp' },
  q4_k_m: { label: 'GGUF Q4_K_M', weightsFormat: 'q4_k_m', engine: 'llama.cpp' },
  q3_k_m: { label: 'GGUF Q3_K_M', weightsFormat: 'q3_k_m', engine: 'llama.cpp' },
  q2_k: { label: 'GGUF Q2_K', weightsFormat: 'q2_k', engine: 'llama.cpp' },
  int4: { label: 'INT4 GPTQ or AWQ (group 128)', weightsFormat: 'int4', engine: 'vllm' },
  nf4: { label: 'NF4 (bitsandbytes)', weightsFormat: 'nf4', engine: 'vllm' },
};

/** The inference calculator's format as a field: one id of {@link INFERENCE_FORMATS}, which sets the weights format and the engine. */
export const INFERENCE_FORMAT_FIELD: FieldSpec = {
  key: 'inferenceFormat', url: 'format', label: 'Weight format', kind: 'enum', help: 'How the weights are stored; it also picks the engine that usually serves them.',
  options: INFERENCE_FORMAT_IDS.map((id) => ({ value: id, label: INFERENCE_FORMATS[id].label })),
};

/**
 * Whether a string is one of the calculator's format ids.
 * @example isInferenceFormatId('q4_k_m') //=> true
 */
export function isInferenceFormatId(value: string): value is InferenceFormatId {
  return (INFERENCE_FORMAT_IDS as readonly string[]).includes(value);
}

/** Which term sets the length of a decode step. */
export type DecodeLimit = 'weights' | 'kv-cache' | 'compute' | 'overhead';

/** One decode step of a scenario on one card, with every term that could bound it. */
export interface DecodeBreakdown {
  /** Card id. */
  id: string;
  /** Card name. */
  name: string;
  /** Whether weights, KV cache and overheads fit in the card's memory. */
  fits: boolean;
  /** Memory the scenario needs on the card. */
  totalMemoryBytes: number;
  /** The card's memory. */
  capacityBytes: number;
  /** Weight bytes read per step (once, shared by the batch). */
  weightBytesPerStep: number;
  /** KV-cache bytes read per step (each sequence reads its own). */
  kvBytesPerStep: number;
  /** FLOPs of the step (the whole batch). */
  flopsPerStep: number;
  /** Seconds to read the step's bytes at the decode bandwidth efficiency. */
  memorySeconds: number;
  /** Seconds for the step's FLOPs at the prefill efficiency. */
  computeSeconds: number;
  /** Per-step floor: kernel launches, sampling and host work. */
  floorSeconds: number;
  /** max(memory, compute) + floor. */
  stepSeconds: number;
  /** Tokens per second one user sees (one token per step). */
  perUserTokensPerSecond: number;
  /** Tokens per second the card produces for the whole batch. */
  totalTokensPerSecond: number;
  /** The largest term of the step. */
  limit: DecodeLimit;
}

/**
 * Names the largest term of a decode step: the per-step overhead when it exceeds both roofs, else the larger roof, and for the
 * memory roof the larger of its two byte streams.
 * @example decodeLimit({ memorySeconds: 0.02, computeSeconds: 0.001, floorSeconds: 0.001, weightBytesPerStep: 9e9, kvBytesPerStep: 1e9 }) //=> 'weights'
 */
export function decodeLimit(t: Pick<DecodeBreakdown, 'memorySeconds' | 'computeSeconds' | 'floorSeconds' | 'weightBytesPerStep' | 'kvBytesPerStep'>): DecodeLimit {
  const roof = Math.max(t.memorySeconds, t.computeSeconds);
  if (t.floorSeconds > roof) return 'overhead';
  if (t.computeSeconds > t.memorySeconds) return 'compute';
  return t.weightBytesPerStep >= t.kvBytesPerStep ? 'weights' : 'kv-cache';
}

/**
 * Splits one decode step of an inference scenario on a card into its terms (roofline after Williams et al. 2009; bytes per
 * step after Pope et al. 2022 §3.1); the throughput equals `estimate()`'s decodeTokensPerSecond for a single card.
 * @example decodeBreakdown(llama8bQ4, rtx4090).limit //=> 'weights'
 */
export function decodeBreakdown(s: Scenario, gpu: EstimateGpu): DecodeBreakdown {
  const e = estimate(s, gpu, { explain: false });
  const terms = decodeStepTerms(s, modelState(s).layout);
  const clock = s.mfu === null ? sustainedClockFactor(gpu) : 1;
  const step = decodeStepOnCard(terms, gpu, inferencePeak(s, gpu), clock);
  const parts = {
    weightBytesPerStep: terms.weightBytesPerStep,
    kvBytesPerStep: terms.kvBytesPerStep,
    memorySeconds: step.memorySeconds,
    computeSeconds: step.computeSeconds,
    floorSeconds: step.floorSeconds,
  };
  return {
    id: gpu.id,
    name: gpu.name,
    fits: e.fits,
    totalMemoryBytes: e.memory.totalBytes,
    capacityBytes: e.gpu.memoryBytes,
    ...parts,
    flopsPerStep: terms.flopsPerStep,
    stepSeconds: step.stepSeconds,
    perUserTokensPerSecond: 1 / step.stepSeconds,
    totalTokensPerSecond: e.throughput.decodeTokensPerSecond,
    limit: decodeLimit(parts),
  };
}

/** The attention variant a model's KV cache follows. */
export type AttentionKind = 'MHA' | 'GQA' | 'MQA' | 'MLA';

/** KV-cache bytes one token adds across all layers, and what full multi-head attention would store instead. */
export interface KvPerToken {
  /** Attention variant. */
  kind: AttentionKind;
  /** Bytes per token over all layers (full-attention layers; sliding windows cap long contexts further). */
  bytesPerToken: number;
  /** Bytes per token the same model would store with one K and one V head per query head. */
  mhaBytesPerToken: number;
}

/**
 * KV-cache bytes per token of a model in a cache format, beside its multi-head equivalent: MHA stores 2·heads·headDim values
 * per layer (Vaswani et al. 2017 §3.2.2), GQA 2·kvHeads·headDim (Ainslie et al. 2023 §2), MLA one compressed latent plus the
 * decoupled RoPE key (DeepSeek-AI 2024, DeepSeek-V2 §2.1.2, Table 1).
 * @example kvPerToken(llama31_8b, 'bf16').bytesPerToken //=> 131072
 */
export function kvPerToken(m: ModelArch, format: KvCacheFormat): KvPerToken {
  const bytes = kvBytesPerValue(format);
  const kind: AttentionKind = m.mla ? 'MLA' : m.kvHeads === m.heads ? 'MHA' : m.kvHeads === 1 ? 'MQA' : 'GQA';
  // MHA equivalent: keys of the query-key width and values of the value width, one pair per query head.
  const mhaValuesPerLayer = m.mla ? m.heads * (m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim + m.mla.vHeadDim) : 2 * m.heads * m.headDim;
  return { kind, bytesPerToken: m.layers * kvValuesPerTokenPerLayer(m) * bytes, mhaBytesPerToken: m.layers * mhaValuesPerLayer * bytes };
}

/**
 * Expected tokens produced per target-model pass in speculative decoding with a draft of `draftTokens` tokens, each accepted
 * with probability `acceptance` (Leviathan, Kalman & Matias 2023, "Fast Inference from Transformers via Speculative Decoding",
 * Eq. 1): (1 - α^(γ+1)) / (1 - α).
 * @example speculativeTokensPerPass(0.8, 4) //=> 3.3616
 */
export function speculativeTokensPerPass(acceptance: number, draftTokens: number): number {
  if (!(acceptance >= 0 && acceptance <= 1) || !(draftTokens >= 0)) throw new RangeError(`need 0 <= acceptance <= 1 and draftTokens >= 0, got ${acceptance} and ${draftTokens}`);
  if (acceptance === 1) return draftTokens + 1;
  return (1 - acceptance ** (draftTokens + 1)) / (1 - acceptance);
}

/** A published measurement of what a quantised format costs in quality. */
export interface QuantQuality {
  /** The format, as its authors name it. */
  format: string;
  /** The model measured. */
  model: string;
  /** What was measured. */
  metric: string;
  /** The unquantised baseline, when the source gives it. */
  baseline: number | null;
  /** The quantised result, when the source gives it (else only the change). */
  quantized: number | null;
  /** Change against the baseline (positive: worse for perplexity). */
  delta: number;
  /** Document and table. */
  source: string;
}

const LLAMA_CPP_QUANTIZE = 'ggml-org/llama.cpp, tools/quantize/quantize.cpp (QUANT_OPTIONS: size and perplexity change on Llama 3 8B, as llama-quantize --help prints them)';
// Marked free of side effects so a bundle that does not read the table (the decode-speed island) drops it.
/* @__NO_SIDE_EFFECTS__ */
const gguf = (format: string, delta: number): QuantQuality => ({ format: `GGUF ${format}`, model: 'Llama 3 8B', metric: 'perplexity change vs F16', baseline: null, quantized: null, delta, source: LLAMA_CPP_QUANTIZE });
const LLAMA2_7B_WIKITEXT = 'dwithchenna/llm-quantization README (GitHub): WikiText-2 perplexity of Llama 2 7B, INT4 group 128, AutoGPTQ and the AWQ reference implementation';

/** Published quality costs of the formats the chapter discusses, each with its source. */
export const QUANT_QUALITY: readonly QuantQuality[] = [
  gguf('Q8_0', 0.0026),
  gguf('Q6_K', 0.0217),
  gguf('Q5_K_M', 0.0569),
  gguf('Q4_K_M', 0.1754),
  gguf('Q4_0', 0.4685),
  gguf('Q3_K_M', 0.6569),
  gguf('Q2_K', 3.5199),
  { format: 'GPTQ INT4 g128', model: 'Llama 2 7B', metric: 'WikiText-2 perplexity', baseline: 5.47, quantized: 5.87, delta: 5.87 - 5.47, source: LLAMA2_7B_WIKITEXT },
  { format: 'AWQ INT4 g128', model: 'Llama 2 7B', metric: 'WikiText-2 perplexity', baseline: 5.47, quantized: 5.6, delta: 5.6 - 5.47, source: LLAMA2_7B_WIKITEXT },
];

/** QLoRA's comparison of 4-bit data types: mean perplexity over OPT, BLOOM, LLaMA and Pythia models (125M-13B) on Pile Common Crawl. */
export const FOUR_BIT_TYPES: readonly { format: string; meanPerplexity: number }[] = [
  { format: 'Int4', meanPerplexity: 34.34 },
  { format: 'Float4 (E2M1)', meanPerplexity: 31.07 },
  { format: 'Float4 (E3M0)', meanPerplexity: 29.48 },
  { format: 'NFloat4 + double quantization', meanPerplexity: 27.41 },
];

/** Where FOUR_BIT_TYPES comes from. */
export const FOUR_BIT_TYPES_SOURCE = 'Dettmers, Pagnoni, Holtzman & Zettlemoyer 2023, QLoRA: Efficient Finetuning of Quantized LLMs, Table 2';

/** QLoRA's MMLU check after fine-tuning with adapters: mean 5-shot accuracy over LLaMA 7B-65B on Alpaca and FLAN v2, in percent. */
export const FOUR_BIT_MMLU: readonly { format: string; meanAccuracyPercent: number }[] = [
  { format: 'BFloat16', meanAccuracyPercent: 53.0 },
  { format: 'Float4', meanAccuracyPercent: 52.2 },
  { format: 'NFloat4 + double quantization', meanAccuracyPercent: 53.1 },
];

/** Where FOUR_BIT_MMLU comes from. */
export const FOUR_BIT_MMLU_SOURCE = 'Dettmers, Pagnoni, Holtzman & Zettlemoyer 2023, QLoRA, Table 3';
