/**
 * The worked examples of the Counting FLOPs, Throughput and Roofline chapters: the FLOPs of a matrix multiply and of one Llama 3.1 8B layer, the 6N rule checked
 * against GPT-3 and Chinchilla, a throughput estimate at the estimator's MFU, and roofline figures on two cards.
 * Everything comes from the presets, the card data and the lib formulas, computed on call.
 */
import { MFU_DEFAULTS, trainingFlopsPerToken } from '../estimator/compute.ts';
import { attentionWidths, countParams, effectiveContext } from '../scenario/models.ts';
import { peakMatmulFlops, type GpuPeaks } from '../estimator/peaks.ts';
import { matmulFlops, matmulRoofline, type MatmulShape } from '../hardware/roofline.ts';
import { parseScenario } from '../scenario/scenario.ts';
import { CHINCHILLA, flopsPerTokenTraining, GPT3_TRAINING, requireCard, requirePreset } from './shared.ts';
import { llamaDims } from './tensors.ts';

/** PaLM 540B's measured utilisation (Chowdhery et al. 2022, Table 3: 46.2% MFU, 57.8% HFU with rematerialisation). */
export const PALM_UTILISATION = { mfu: 0.462, hfu: 0.578, source: 'Chowdhery et al. 2022, "PaLM: Scaling Language Modeling with Pathways", §4.1 Table 3 and Appendix B' } as const;

/** FLOP counts of one Llama 3.1 8B layer and of a training token, with the attention share at three context lengths. */
function flopsExamples() {
  const small = { m: 2, n: 3, k: 4 };
  const dims = llamaDims();
  const m = dims.preset;
  const c = countParams(m);
  const { qkWidth, vWidth } = attentionWidths(m);
  const tokens = dims.batch * dims.seq;
  const oneToken = { m: 1, n: m.intermediateSize, k: m.hiddenSize };
  const batchShape = { m: tokens, n: m.intermediateSize, k: m.hiddenSize };
  // One layer, one token, forward: 2 FLOPs per weight of each linear (the layer's matmul weights).
  const layerLinearParams = c.linears.reduce((s, l) => s + l.inFeatures * l.outFeatures * (l.activeCount / m.layers), 0);
  // Attention scores and weighted sum: 2·T·(d_qk + d_v) FLOPs per token per layer (Kaplan et al. 2020, Table 1).
  const attentionPerLayer = (ctx: number): number => 2 * effectiveContext(m, ctx) * (qkWidth + vWidth);
  const matmulParams = c.matmulParamsPerToken;
  const scenario = (seqLen: number) => {
    const parsed = parseScenario({ model: m.id, workload: 'pretrain', seqLen, trainingPrecision: 'bf16-mixed', gradientCheckpointing: false });
    if (!parsed.ok) throw new Error(`flopsChapter: ${parsed.error}`);
    return parsed.scenario;
  };
  const attention = [2048, 8192, 32768].map((seq) => {
    const perToken = trainingFlopsPerToken(scenario(seq));
    const sixN = flopsPerTokenTraining(matmulParams);
    // The share of the full-context count 6·L·T·(d_qk + d_v) the estimator charges: ½ for a causal model under FlashAttention.
    const fullAttention = 6 * m.layers * effectiveContext(m, seq) * (qkWidth + vWidth);
    return { seq, perLayerForward: attentionPerLayer(seq), trainingPerToken: perToken, sixN, attentionShare: (perToken - sixN) / perToken, attentionFactor: (perToken - sixN) / fullAttention };
  });
  const causalFactor = attention[0]?.attentionFactor ?? 1;
  const gpt3 = requirePreset('gpt-3-175b');
  const gpt3Params = countParams(gpt3).totalParams;
  return {
    small,
    smallFlops: matmulFlops(small),
    modelName: m.name,
    hidden: m.hiddenSize,
    ffn: m.intermediateSize,
    layers: m.layers,
    qkWidth,
    vWidth,
    totalParams: c.totalParams,
    matmulParams,
    oneToken,
    oneTokenFlops: matmulFlops(oneToken),
    batchTokens: tokens,
    batchShape,
    batchFlops: matmulFlops(batchShape),
    layerLinearParams,
    layerForwardMatmulFlops: 2 * layerLinearParams,
    layerForwardAttentionFlops: attentionPerLayer(dims.seq),
    /** Averaged over a causal sequence, as the training table charges it. */
    layerForwardAttentionCausalFlops: causalFactor * attentionPerLayer(dims.seq),
    causalFactor,
    seq: dims.seq,
    forwardPerToken: 2 * matmulParams,
    backwardPerToken: 4 * matmulParams,
    sixN: flopsPerTokenTraining(matmulParams),
    attention,
    gpt3: { name: gpt3.name, params: gpt3Params, tokens: GPT3_TRAINING.tokens, flops: flopsPerTokenTraining(gpt3Params) * GPT3_TRAINING.tokens, reported: GPT3_TRAINING.reportedFlops },
    chinchilla: { ...CHINCHILLA, tokensPerParam: CHINCHILLA.tokens / CHINCHILLA.params, flops: flopsPerTokenTraining(CHINCHILLA.params) * CHINCHILLA.tokens },
  };
}

/** A training-throughput example: tokens per second a card sustains at a utilisation, and the time for a token budget. */
export function mfuExample(peakFlopsPerSecond: number, modelId: string, mfu: number, tokenBudget: number) {
  const m = requirePreset(modelId);
  const n = countParams(m).matmulParamsPerToken;
  const flopsPerToken = flopsPerTokenTraining(n);
  // PaLM App. B: MFU = (tokens/s x FLOPs per token) / peak, so tokens/s = MFU x peak / FLOPs per token.
  const tokensPerSecond = (mfu * peakFlopsPerSecond) / flopsPerToken;
  return { name: m.name, params: n, flopsPerToken, mfu, tokensPerSecond, tokenBudget, seconds: tokenBudget / tokensPerSecond };
}

/** Roofline figures of a few teaching shapes on a card, in BF16 (Williams et al. 2009). */
export function rooflineExamples(gpu: GpuPeaks, hidden = llamaDims().hidden) {
  const shapes = { decode: { m: 1, n: hidden, k: hidden }, training: { m: hidden, n: hidden, k: hidden } };
  const run = (shape: MatmulShape) => {
    const r = matmulRoofline(gpu, 'bf16', shape);
    if (!r.ok) throw new Error(`rooflineExamples: ${r.message}`);
    return r;
  };
  return { shapes, decode: run(shapes.decode), training: run(shapes.training) };
}

/** Everything the Counting FLOPs, Throughput and Roofline chapters print, on the RTX 4090 and the A100 SXM 80GB of the card data. */
export function flopsChapter<T extends GpuPeaks & { id: string; name: string; memoryBandwidthGBs: number; bf16Tflops: number | null }>(cards: readonly T[]) {
  const rtx4090 = requireCard(cards, 'rtx-4090');
  const a100 = requireCard(cards, 'a100-sxm-80gb');
  const peak = peakMatmulFlops(rtx4090, 'bf16');
  if (!peak) throw new Error('flopsChapter: the RTX 4090 has no BF16 peak in the spec data');
  const rtxPeak = peak.peakFlopsPerSecond;
  const mfus = Object.values(MFU_DEFAULTS).map((d) => d.value);
  // Exercises: an 8.03B model on 1B tokens at 40% utilisation, and a 4,096 x 4,096 weight applied to 1 and to 512 tokens.
  const exParams = 8.03e9;
  const exTokens = 1e9;
  const exTotalFlops = flopsPerTokenTraining(exParams) * exTokens;
  const exRoof = (m: number) => {
    const r = matmulRoofline(rtx4090, 'bf16', { m, n: 4096, k: 4096 });
    if (!r.ok) throw new Error(`flopsChapter: ${r.message}`);
    return r;
  };
  return {
    fx: flopsExamples(),
    rtx4090,
    a100,
    rtxPeak,
    mfuEx: mfuExample(rtxPeak, 'llama-3.2-1b', MFU_DEFAULTS.pretrain.value, 1e9),
    rRtx: rooflineExamples(rtx4090),
    rA100: rooflineExamples(a100),
    mfuLow: Math.min(...mfus),
    mfuHigh: Math.max(...mfus),
    exercises: {
      params: exParams,
      totalFlops: exTotalFlops,
      seconds: exTotalFlops / ((rtx4090.bf16Tflops ?? 0) * 1e12 * 0.4),
      matvec: exRoof(1),
      matmul: exRoof(512),
    },
  };
}
