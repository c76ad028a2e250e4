/**
 * The Why GPUs chapter's worked examples: model sizes from BERT to DeepSeek-V3, how much of an 8B model is matrix work,
 * a GPU's memory bandwidth against a desktop's, and the GeForce generations table. Computed on call from the presets
 * and the card data.
 */
import { bytesPerValue } from '../estimator/formats.ts';
import { countParams } from '../scenario/models.ts';
import { matmulFlops } from '../hardware/roofline.ts';
import type { GpuRecord } from '../hardware/schema.ts';
import { GB, GIB } from '../units.ts';
import { requireCard, requirePreset } from './shared.ts';
import { llamaDims } from './tensors.ts';

/** A published parameter count for a model that is not a transformer-LM preset, with where it is stated. */
export interface PublishedModelSize {
  /** Display name. */
  name: string;
  /** Parameters as the authors state them. */
  params: number;
  /** What the count covers. */
  covers: string;
  /** Paper or repository and section. */
  source: string;
}

/** Image models the chapter mentions; the estimator's presets cannot derive these, so the published figures are quoted. */
const PUBLISHED_MODEL_SIZES: Record<'dalle' | 'stableDiffusionUnet' | 'stableDiffusionTextEncoder', PublishedModelSize> = {
  dalle: { name: 'DALL·E', params: 12e9, covers: 'the autoregressive image-and-text transformer', source: 'Ramesh et al. 2021, "Zero-Shot Text-to-Image Generation", §1 and §2' },
  stableDiffusionUnet: { name: 'Stable Diffusion v1 UNet', params: 860e6, covers: 'the denoising UNet', source: 'CompVis/stable-diffusion README, "Stable Diffusion v1" (an 860M UNet and a 123M text encoder); Rombach et al. 2022, LDM' },
  stableDiffusionTextEncoder: { name: 'Stable Diffusion v1 text encoder', params: 123e6, covers: 'the frozen CLIP ViT-L/14 text encoder', source: 'CompVis/stable-diffusion README, "Stable Diffusion v1"' },
};

/**
 * A desktop CPU's memory bandwidth, for contrast with a GPU's: two 64-bit DDR5 channels at 6400 MT/s.
 * Peak bandwidth = channels x 8 bytes per transfer x transfers per second (JEDEC JESD79-5, DDR5 SDRAM; DDR5-6400 speed bin).
 */
export function desktopDdr5() {
  const channels = 2;
  const bytesPerTransfer = 8;
  const transfersPerSecond = 6400e6;
  return { channels, bytesPerTransfer, transfersPerSecond, bandwidthBytesPerSecond: channels * bytesPerTransfer * transfersPerSecond, source: 'JEDEC JESD79-5, DDR5 SDRAM standard (64-bit channel, DDR5-6400)' };
}

/** One row of the chapter's table of model sizes. */
export interface ModelSizeRow {
  id: string;
  name: string;
  totalParams: number;
  activeParams: number;
  /** Bytes of the weights alone in BF16. */
  bf16WeightBytes: number;
  source: string;
}

/** The fields of a card the generations table reads. */
export type GenerationCard = Pick<GpuRecord, 'id' | 'name' | 'series' | 'architecture' | 'launchDate' | 'fp32Tflops' | 'tensorFp16Fp32AccTflops' | 'memoryGB' | 'memoryBandwidthGBs' | 'launchPriceUsd' | 'cudaCores'>;

/** One GeForce generation: its card count, first launch and its fastest GeForce-branded card (TITANs left out). */
export interface GenerationRow {
  series: string;
  architecture: string;
  cardCount: number;
  firstLaunch: string;
  flagship: GenerationCard;
}

/** The GeForce 10 to 50 generations in one table: the flagship of each is the GeForce card with the highest FP32 throughput. */
export function generationRows(cards: readonly GenerationCard[]): GenerationRow[] {
  const geforce = ['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50'];
  return geforce.flatMap((series) => {
    const inSeries = cards.filter((c) => c.series === series);
    const branded = inSeries.filter((c) => c.name.includes('GeForce'));
    const flagship = [...branded].sort((a, b) => b.fp32Tflops - a.fp32Tflops)[0];
    if (!flagship) return [];
    const firstLaunch = inSeries.map((c) => c.launchDate).sort()[0] ?? flagship.launchDate;
    return [{ series, architecture: flagship.architecture, cardCount: inSeries.length, firstLaunch, flagship }];
  });
}

/** Everything the Why GPUs chapter prints. */
export function whyGpusChapter(cards: readonly (GenerationCard & Pick<GpuRecord, 'memoryBusBits'>)[]) {
  const modelSizeRows: ModelSizeRow[] = ['bert-base', 'bert-large', 'gpt2-xl', 'llama-3.1-8b', 'llama-3.1-70b', 'gpt-3-175b', 'llama-3.1-405b', 'deepseek-v3'].map((id) => {
    const m = requirePreset(id);
    const c = countParams(m);
    return { id, name: m.name, totalParams: c.totalParams, activeParams: c.activeParams, bf16WeightBytes: c.totalParams * bytesPerValue('bf16'), source: m.source };
  });
  const row = (id: string): ModelSizeRow => requireCard(modelSizeRows, id);
  // "Training is matrix work": how much of an 8B model sits in matrix multiplies.
  const dims = llamaDims();
  const m = dims.preset;
  const c = countParams(m);
  const tokens = dims.batch * dims.seq;
  const upShape = { m: tokens, n: m.intermediateSize, k: m.hiddenSize };
  const mw = {
    name: m.name,
    totalParams: c.totalParams,
    embeddingParams: c.embeddingParams,
    /** Share of the parameters that are matrices a token is multiplied by (block linears + output head). */
    matmulShare: c.matmulParamsPerToken / c.totalParams,
    /** Share that is neither a matmul weight nor the lookup table: norms and biases. */
    vectorShare: (c.totalParams - c.matmulParamsPerToken - c.embeddingParams) / c.totalParams,
    tokens,
    upShape,
    upFlops: matmulFlops(upShape),
  };
  const gens = generationRows(cards);
  const first = gens[0];
  const lastGen = gens[gens.length - 1];
  if (!first || !lastGen || !gens[2]) throw new Error('whyGpusChapter: the GeForce generations are missing from the spec data');
  const rtx4090 = requireCard(cards, 'rtx-4090');
  const ddr5 = desktopDdr5();
  const pub = PUBLISHED_MODEL_SIZES;
  const bw4090 = rtx4090.memoryBandwidthGBs * GB;
  // Exercise 3: an 8-billion-parameter model in BF16, read once per generated token.
  const exWeightsBytes = 8.03e9 * bytesPerValue('bf16');
  return {
    modelSizeRows,
    row,
    mw,
    pub,
    /** Stable Diffusion v1, UNet plus text encoder. */
    sd: pub.stableDiffusionUnet.params + pub.stableDiffusionTextEncoder.params,
    dotProducts: upShape.m * upShape.n,
    batch: dims.batch,
    seq: dims.seq,
    gens,
    first,
    lastGen,
    largestGeforceMemory: Math.max(...cards.filter((g) => g.series.startsWith('geforce')).map((g) => g.memoryGB)),
    rtx4090,
    DESKTOP_DDR5: ddr5,
    bwRatio: bw4090 / ddr5.bandwidthBytesPerSecond,
    exercises: {
      readAllMs: ((rtx4090.memoryGB * GIB) / bw4090) * 1000,
      weightsBytes: exWeightsBytes,
      ddr5TokensPerSecond: ddr5.bandwidthBytesPerSecond / exWeightsBytes,
      gpuTokensPerSecond: bw4090 / exWeightsBytes,
    },
  };
}
