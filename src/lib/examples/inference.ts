/**
 * Worked examples of the Inference chapter: decode speed of Llama 3.1 8B on an RTX 3060 and an RTX 4090, the roofline of
 * decode and prefill, the KV cache of four models, the quantisation formats, batching and speculative decoding.
 * Pure: nothing is computed until the function is called.
 */
import { DECODE_BANDWIDTH_EFFICIENCY, inferencePeak } from '../estimator/compute.ts';
import { estimate, estimatorCard, type EstimateGpu } from '../estimator/estimate.ts';
import { decodeBreakdown, INFERENCE_FORMATS, kvPerToken, QUANT_QUALITY, speculativeTokensPerPass, type DecodeBreakdown, type InferenceFormatId } from '../estimator/inference.ts';
import { modelWeightsBytes, weightLayout } from '../estimator/memory.ts';
import { countParams } from '../scenario/models.ts';
import { ridgePointFlopsPerByte } from '../hardware/roofline.ts';
import type { GpuRecord } from '../hardware/schema.ts';
import { GB } from '../units.ts';
import { ENGINE_LABELS } from '../scenario/vocabulary.ts';
import { card, mustParse, preset } from './chapter-inputs.ts';

/** Context of the worked example, tokens. */
const CTX = 4096;
/** The long context of the KV table, tokens. */
const LONG = 65536;
/** The formats of the quantisation table, in table order. */
const FORMAT_IDS: readonly InferenceFormatId[] = ['bf16', 'fp8', 'q8_0', 'q6_k', 'q5_k_m', 'q4_k_m', 'q3_k_m', 'q2_k', 'int4', 'nf4'];
/** Cards the decode-speed island compares. */
const DECODE_CARDS = ['rtx-3060-12gb', 'rtx-4060-ti-16gb', 'rtx-3090', 'rtx-4090', 'rtx-5090', 'rtx-6000-ada', 'a100-sxm-80gb', 'h100-sxm'];

/** Every number of the chapter, for the spec data `cards` (the site's card collection). */
export function inferenceChapter(cards: readonly GpuRecord[]) {
  const scen = (raw: Record<string, unknown>) => mustParse('inference', { model: 'llama-3.1-8b', workload: 'inference', ...raw });
  const c3060 = estimatorCard(card(cards, 'rtx-3060-12gb'));
  const c4090 = estimatorCard(card(cards, 'rtx-4090'));
  const base = scen({ weightsFormat: 'q4_k_m', promptTokens: CTX, outputTokens: 0 });
  const m = base.model;
  // Q4_K_M is a GGUF format the estimator carries as bits per weight.
  if (base.weightsFormat.kind !== 'bits') throw new Error('inference example: Q4_K_M should parse as a bits-per-weight format');
  const bits = base.weightsFormat.bitsPerWeight;
  const params = countParams(m).totalParams;
  const eta = DECODE_BANDWIDTH_EFFICIENCY.value;
  const d3060 = decodeBreakdown(base, c3060);
  const d4090 = decodeBreakdown(base, c4090);
  // The rule of thumb: tokens/s ≈ η × bandwidth / bytes read per step (weights and KV cache).
  const simple = (d: DecodeBreakdown, c: EstimateGpu) => (eta * c.memoryBandwidthGBs * GB) / (d.weightBytesPerStep + d.kvBytesPerStep);
  const peak4090 = inferencePeak(base, c4090);
  const FORMAT_ROWS = FORMAT_IDS.map((id) => {
    const f = INFERENCE_FORMATS[id];
    const s = scen({ weightsFormat: f.weightsFormat, engine: f.engine, promptTokens: CTX, outputTokens: 0 });
    const weightsBytes = modelWeightsBytes(m, weightLayout(s.weightsFormat, false));
    return { id, label: f.label, engine: ENGINE_LABELS[f.engine], bits: (8 * weightsBytes) / params, weightsBytes, d: decodeBreakdown(s, c4090) };
  });
  const batchRows = [1, 4, 16, 64].map((b) => ({ b, d: decodeBreakdown(scen({ weightsFormat: 'int4', promptTokens: 1024, outputTokens: 0, batchSize: b }), c4090) }));
  return {
    CTX,
    LONG,
    DECODE_CARDS,
    c3060,
    c4090,
    m,
    params,
    bits,
    eta,
    d3060,
    d4090,
    simple3060: simple(d3060, c3060),
    simple4090: simple(d4090, c4090),
    kvLlama: kvPerToken(m, 'bf16'),
    prefill4090: estimate(scen({ weightsFormat: 'q4_k_m', promptTokens: CTX, outputTokens: 1 }), c4090, { explain: false }).throughput.prefillTokensPerSecond,
    peak4090,
    ridge4090: ridgePointFlopsPerByte(peak4090.peakFlopsPerSecond, c4090.memoryBandwidthGBs * GB),
    decodeIntensity: d4090.flopsPerStep / (d4090.weightBytesPerStep + d4090.kvBytesPerStep),
    prefillIntensity: (CTX * d4090.flopsPerStep) / d4090.weightBytesPerStep,
    KV_MODELS: ['llama-2-7b', 'llama-3.1-8b', 'llama-3.1-70b', 'deepseek-v3'].map((id) => ({ model: preset(id), kv: kvPerToken(preset(id), 'bf16') })),
    FORMAT_ROWS,
    fmt: Object.fromEntries(FORMAT_ROWS.map((r) => [r.id, r])) as Record<InferenceFormatId, (typeof FORMAT_ROWS)[number]>,
    SOURCES: [...new Set(QUANT_QUALITY.map((q) => q.source))],
    /** The published quality change of one format, by the name its authors use. */
    quality: (name: string) => {
      const q = QUANT_QUALITY.find((x) => x.format === name);
      if (!q) throw new Error(`inference example: no quality figure for ${name}`);
      return q;
    },
    batchRows,
    lastBatch: batchRows[batchRows.length - 1]!,
    spec: speculativeTokensPerPass(0.8, 4),
    /** The exercises: Q8_0 decode on the RTX 3060, and speculative decoding at 60% acceptance. */
    q8On3060: decodeBreakdown(scen({ weightsFormat: 'q8_0', promptTokens: CTX, outputTokens: 0 }), c3060).perUserTokensPerSecond,
    spec06: speculativeTokensPerPass(0.6, 4),
  };
}
