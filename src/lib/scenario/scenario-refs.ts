/**
 * What a scenario names, resolved: the model (a preset id, a Hugging Face config.json or an architecture object), the card
 * (a card id or a reader's custom card) and the weights format (a name, a GGUF type or bits per weight). Split from
 * scenario.ts, which validates and defaults the rest of the fields.
 */
import { bool, nullable, object, oneOf, optional, real, text, whole, type Issue } from './check.ts';
import { isHfConfig, parseHfConfig, type ConfigIssue } from './hfconfig.ts';
import { defineModel, findModel, MODEL_PRESETS } from './models.ts';
import type { GpuSpec, ModelArch, WeightsFormat } from '../types.ts';
import { DTYPE_BYTES, isOneOf, WEIGHTS_FORMATS, type Engine } from './vocabulary.ts';

/** llama.cpp quantization types and their bits per weight over a whole Llama 7B file (ggml-common.h blocks; K-quant mixes from file sizes). */
const GGUF_BITS: Record<string, number> = {
  q2_k: 3.35, q3_k_s: 3.5, q3_k_m: 3.91, q3_k_l: 4.27, q4_0: 4.5, q4_1: 5.0, q4_k_s: 4.58, q4_k_m: 4.84, q5_0: 5.5, q5_1: 6.0,
  q5_k_s: 5.54, q5_k_m: 5.67, q6_k: 6.56, q8_0: 8.5, f16: 16, bf16: 16, f32: 32,
};

/** Checks a custom architecture. */
const modelArchInput = object('model', {
  layers: whole('model.layers', 1, 1000),
  hiddenSize: whole('model.hiddenSize', 1, 1_000_000),
  heads: whole('model.heads', 1, 10_000),
  kvHeads: optional(whole('model.kvHeads', 1, 10_000)),
  headDim: optional(whole('model.headDim', 1, 100_000)),
  intermediateSize: whole('model.intermediateSize', 1, 10_000_000),
  vocabSize: whole('model.vocabSize', 1, 10_000_000),
  tiedEmbeddings: optional(bool('model.tiedEmbeddings')),
  ffnKind: optional(oneOf('model.ffnKind', ['gated', 'gelu', 'relu'] as const)),
  experts: optional(whole('model.experts', 1, 100_000)),
  expertsPerToken: optional(whole('model.expertsPerToken', 1, 100_000)),
  sharedExperts: optional(whole('model.sharedExperts', 0, 100_000)),
  moeIntermediateSize: optional(whole('model.moeIntermediateSize', 1, 10_000_000)),
  denseLayers: optional(whole('model.denseLayers', 0, 1000)),
  slidingWindow: optional(nullable(whole('model.slidingWindow', 1, 1_048_576))),
  slidingWindowLayerFraction: optional(real('model.slidingWindowLayerFraction', 0, 1)),
  name: optional(text('model.name', 100)),
}, 'Model must be an architecture object');

/** Checks a custom card. */
const customGpu = object('gpu', {
  memoryGb: optional(real('gpu.memoryGb', 0, 100_000, true)),
  memoryGB: optional(real('gpu.memoryGB', 0, 100_000, true)),
  bandwidthGBs: real('gpu.bandwidthGBs', 0, 1_000_000, true),
  tensorTflops: real('gpu.tensorTflops', 0, 1_000_000, true),
  fp32Tflops: optional(real('gpu.fp32Tflops', 0, 1_000_000, true)),
  fp8Tflops: optional(real('gpu.fp8Tflops', 0, 1_000_000, true)),
  boardPowerW: optional(real('gpu.boardPowerW', 0, 100_000, true)),
  priceUsd: optional(real('gpu.priceUsd', 0, 10_000_000, true)),
  pcieGen: optional(whole('gpu.pcieGen', 3, 6)),
  nvlinkGBs: optional(real('gpu.nvlinkGBs', 0, 100_000, true)),
  name: optional(text('gpu.name', 100)),
}, 'Card must be a card id or a custom card object');

/** Where the card comes from: an id to look up, a reader's custom card, or none given. */
export type GpuRef = { kind: 'id'; id: string } | { kind: 'custom'; spec: GpuSpec } | { kind: 'none' };

/** Parses a weights format name, GGUF type, or bits per weight. */
export function parseWeightsFormat(v: string | number): WeightsFormat | Issue {
  if (typeof v === 'number') return { kind: 'bits', bitsPerWeight: v, label: `${v} bits per weight` };
  const lower = v.toLowerCase();
  const key = lower.replace(/-/g, '_');
  if (isOneOf(WEIGHTS_FORMATS, lower)) return { kind: 'named', name: lower };
  if (key === 'gptq' || key === 'awq') return { kind: 'named', name: 'int4' };
  if (key === 'fp8_e4m3' || key === 'e4m3') return { kind: 'named', name: 'fp8' };
  const bits = GGUF_BITS[key];
  if (bits !== undefined) return { kind: 'bits', bitsPerWeight: bits, label: `GGUF ${v.toUpperCase()} (${bits} bits per weight)` };
  return { field: 'weightsFormat', code: 'enum', message: `Weights format must be one of ${WEIGHTS_FORMATS.join(', ')}, a GGUF type such as q4_0 or q4_k_m, or a number of bits per weight` };
}

/** Bits per weight of a weights format. */
export function formatBits(w: WeightsFormat): number {
  return w.kind === 'bits' ? w.bitsPerWeight : DTYPE_BYTES[w.name] * 8;
}

/**
 * The serving engine a weights format implies when none is given: GGUF files and FP16/FP32 weights run in llama.cpp,
 * PyTorch formats (BF16, FP8, INT8, NF4, GPTQ/AWQ INT4) in vLLM. The default is recorded in the scenario's assumptions.
 * @example defaultEngine({ kind: 'named', name: 'bf16' }) //=> "vllm"
 */
export function defaultEngine(w: WeightsFormat): Engine {
  return w.kind === 'bits' || w.name === 'fp16' || w.name === 'fp32' ? 'llama.cpp' : 'vllm';
}

/** The scenario issue code of a config.json problem. */
const CONFIG_CODE: Record<ConfigIssue['code'], Issue['code']> = { 'not-object': 'type', unsupported: 'enum', missing: 'required', invalid: 'range' };

/** Resolves the model field: a preset id, a Hugging Face config.json object (it has model_type) or an architecture object. */
export function parseModel(v: unknown, notes: string[]): ModelArch | Issue[] {
  const one = (code: Issue['code'], message: string, f = 'model'): Issue[] => [{ field: f, code, message }];
  if (isHfConfig(v)) {
    const r = parseHfConfig(v);
    if (!r.ok) return r.errors.map((e) => ({ field: `model.${e.field}`, code: CONFIG_CODE[e.code], message: e.message }));
    notes.push(...r.notes);
    return r.model;
  }
  if (typeof v === 'string') {
    return findModel(v) ?? one('enum', `Model "${v.slice(0, 60)}" is not a preset (such as ${MODEL_PRESETS.slice(0, 3).map((m) => m.id).join(', ')}): pick one from the list, or give an architecture object`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return one('type', 'Model must be a preset id (e.g. "llama-2-7b") or an architecture object with layers, hiddenSize, heads, kvHeads, intermediateSize, vocabSize');
  const r = modelArchInput(v);
  if (!r.ok) return r.issues;
  const a = r.value;
  const kv = a.kvHeads ?? a.heads;
  if (kv > a.heads || a.heads % kv !== 0) return one('conflict', `model.kvHeads (${kv}) must divide model.heads (${a.heads})`, 'model.kvHeads');
  const experts = a.experts ?? 1;
  if ((a.expertsPerToken ?? 1) > experts) return one('conflict', `model.expertsPerToken (${a.expertsPerToken}) must be at most model.experts (${experts})`, 'model.expertsPerToken');
  const input: Parameters<typeof defineModel>[0] = { layers: a.layers, hiddenSize: a.hiddenSize, heads: a.heads, kvHeads: kv, intermediateSize: a.intermediateSize, vocabSize: a.vocabSize, name: a.name ?? 'Custom model' };
  if (a.headDim !== undefined) input.headDim = a.headDim;
  if (a.tiedEmbeddings !== undefined) input.tiedEmbeddings = a.tiedEmbeddings;
  if (a.ffnKind !== undefined) input.ffnKind = a.ffnKind;
  if (a.experts !== undefined) input.experts = a.experts;
  if (a.expertsPerToken !== undefined) input.expertsPerToken = a.expertsPerToken;
  if (a.sharedExperts !== undefined) input.sharedExperts = a.sharedExperts;
  if (a.moeIntermediateSize !== undefined) input.moeIntermediateSize = a.moeIntermediateSize;
  if (a.denseLayers !== undefined) input.denseLayers = a.denseLayers;
  if (a.slidingWindow !== undefined) input.slidingWindow = a.slidingWindow;
  if (a.slidingWindowLayerFraction !== undefined) input.slidingWindowLayerFraction = a.slidingWindowLayerFraction;
  return defineModel(input);
}

/** Builds a GpuSpec from a custom card; the columns it lacks are derived and noted. */
export function parseGpu(v: unknown, notes: string[]): GpuRef | Issue[] {
  if (v === undefined || v === null) return { kind: 'none' };
  if (typeof v === 'string') return v.trim() ? { kind: 'id', id: v.trim() } : [{ field: 'gpu', code: 'required', message: 'Card must be a card id or a custom card object' }];
  if (typeof v !== 'object' || Array.isArray(v)) return [{ field: 'gpu', code: 'type', message: 'Card must be a card id (e.g. "rtx-4090") or a custom card {memoryGb, bandwidthGBs, tensorTflops}' }];
  const r = customGpu(v);
  if (!r.ok) return r.issues;
  const c = r.value;
  const memoryGB = c.memoryGb ?? c.memoryGB;
  if (memoryGB === undefined) return [{ field: 'gpu.memoryGb', code: 'required', message: 'gpu.memoryGb must be a number above 0 and at most 100,000' }];
  const fp32 = c.fp32Tflops ?? c.tensorTflops / 4;
  if (c.fp32Tflops === undefined) notes.push('custom card: FP32 (non-tensor) rate taken as a quarter of tensorTflops');
  if (c.boardPowerW === undefined) notes.push('custom card: board power taken as 300 W');
  const spec: GpuSpec = {
    id: 'custom',
    name: c.name ?? 'Custom card',
    memoryGB,
    memoryBandwidthGBs: c.bandwidthGBs,
    fp32Tflops: fp32,
    fp16Tflops: fp32,
    tensorFp16Fp16AccTflops: c.tensorTflops,
    tensorFp16Fp32AccTflops: c.tensorTflops,
    bf16Tflops: c.tensorTflops,
    tf32Tflops: c.tensorTflops / 2,
    int8Tops: c.fp8Tflops ?? c.tensorTflops * 2,
    fp8Tflops: c.fp8Tflops ?? null,
    fp4Tflops: null,
    boardPowerW: c.boardPowerW ?? 300,
    launchPriceUsd: c.priceUsd ?? null,
    pcieGen: c.pcieGen ?? 4,
    pcieLanes: 16,
    nvlink: c.nvlinkGBs ? { bandwidthGBs: c.nvlinkGBs, convention: 'bidirectional', maxCards: 8 } : null,
    formFactor: 'pcie',
  };
  return { kind: 'custom', spec };
}

/** Loose key for card ids: "RTX 4090" and "rtx-4090" compare equal. */
const cardKey = (s: string): string => s.toLowerCase().replace(/geforce|nvidia/g, '').replace(/[^a-z0-9]/g, '');

/**
 * Finds a card by id (or a loose spelling of its id or name) in a list of cards.
 * @example findGpu('RTX 4090', cards)?.id //=> "rtx-4090"
 */
export function findGpu<T extends { id: string; name: string }>(id: string, cards: readonly T[]): T | null {
  const exact = cards.find((c) => c.id === id);
  if (exact) return exact;
  const key = cardKey(id);
  return cards.find((c) => cardKey(c.id) === key) ?? cards.find((c) => cardKey(c.name) === key) ?? null;
}
