/**
 * Tensor Core throughput by format, read from the spec data: which column a format uses, the 2:4 sparse figure, rankings,
 * the accumulate-precision ratio, per-clock work of one Tensor Core and which formats each generation supports.
 * Sources: NVIDIA Volta (2017), Turing (2018), Ampere GA100/GA102 (2020), Ada (2022), Hopper (2022) and Blackwell (2024)
 * architecture whitepapers (per-generation formats and dense/sparse pairs); Mishra et al. 2021, "Accelerating Sparse Deep Neural
 * Networks", §2-3 (2:4 structured sparsity halves the multiplies, doubling peak math throughput).
 */
import type { GpuRecord } from './schema.ts';
import { TERA } from '../units.ts';

/** Tensor Core math formats the site charts, in the order the chart's format picker lists them. */
export const TENSOR_FORMATS = ['fp16-fp32acc', 'fp16-fp16acc', 'bf16', 'tf32', 'int8', 'fp8', 'fp4'] as const;
/** A Tensor Core math format. */
export type TensorFormat = (typeof TENSOR_FORMATS)[number];

/** The spec column that holds each format's dense figure. */
const TENSOR_COLUMN = {
  'fp16-fp32acc': 'tensorFp16Fp32AccTflops',
  'fp16-fp16acc': 'tensorFp16Fp16AccTflops',
  bf16: 'bf16Tflops',
  tf32: 'tf32Tflops',
  int8: 'int8Tops',
  fp8: 'fp8Tflops',
  fp4: 'fp4Tflops',
} as const satisfies Record<TensorFormat, keyof GpuRecord>;

/** Display names of the formats. */
export const TENSOR_FORMAT_LABEL: Record<TensorFormat, string> = {
  'fp16-fp32acc': 'FP16, FP32 accumulate',
  'fp16-fp16acc': 'FP16, FP16 accumulate',
  bf16: 'BF16',
  tf32: 'TF32',
  int8: 'INT8',
  fp8: 'FP8',
  fp4: 'FP4',
};

/** Unit of each format's figure: integer formats count operations, float formats floating-point operations. */
export const TENSOR_FORMAT_UNIT: Record<TensorFormat, 'TFLOPS' | 'TOPS'> = {
  'fp16-fp32acc': 'TFLOPS', 'fp16-fp16acc': 'TFLOPS', bf16: 'TFLOPS', tf32: 'TFLOPS', int8: 'TOPS', fp8: 'TFLOPS', fp4: 'TFLOPS',
};

/** Factor by which 2:4 structured sparsity multiplies peak tensor math (Mishra et al. 2021, §3: half the products are skipped). */
export const SPARSITY_FACTOR = 2;

/** Tensor Core generation number → architecture name (NVIDIA's numbering: 1 = Volta ... 5 = Blackwell). */
export const TENSOR_CORE_GENERATIONS: Record<1 | 2 | 3 | 4 | 5, string> = { 1: 'Volta', 2: 'Turing', 3: 'Ampere', 4: 'Ada / Hopper', 5: 'Blackwell' };

/**
 * The first Tensor Core generation whose Tensor Cores run each format. Volta's run FP16 only (Volta whitepaper, "Tensor Cores");
 * Turing added INT8 and INT4 (Turing whitepaper, "Turing Tensor Cores"); Ampere BF16 and TF32 (GA100 whitepaper); Ada and Hopper FP8;
 * Blackwell FP4. A card's INT8 figure from an earlier generation (the V100's 62.7 TOPS) is DP4A on the CUDA cores.
 */
const FIRST_GENERATION_WITH: Record<TensorFormat, 1 | 2 | 3 | 4 | 5> = {
  'fp16-fp32acc': 1, 'fp16-fp16acc': 1, int8: 2, bf16: 3, tf32: 3, fp8: 4, fp4: 5,
};

/** The fields of a card a throughput chart reads: identity, Tensor Core generation, sparsity and the tensor columns. */
export type TensorCard = Pick<
  GpuRecord,
  'id' | 'name' | 'series' | 'tensorCoreGeneration' | 'sparsityDoubles' | (typeof TENSOR_COLUMN)[TensorFormat]
>;

/** Type guard for format ids coming from URLs. */
export function isTensorFormat(value: unknown): value is TensorFormat {
  return typeof value === 'string' && (TENSOR_FORMATS as readonly string[]).includes(value);
}

/** Keeps only the fields this module reads, so islands receive small props. */
export function toTensorCard(gpu: TensorCard): TensorCard {
  return {
    id: gpu.id, name: gpu.name, series: gpu.series, tensorCoreGeneration: gpu.tensorCoreGeneration, sparsityDoubles: gpu.sparsityDoubles,
    tensorFp16Fp32AccTflops: gpu.tensorFp16Fp32AccTflops, tensorFp16Fp16AccTflops: gpu.tensorFp16Fp16AccTflops,
    bf16Tflops: gpu.bf16Tflops, tf32Tflops: gpu.tf32Tflops, int8Tops: gpu.int8Tops, fp8Tflops: gpu.fp8Tflops, fp4Tflops: gpu.fp4Tflops,
  };
}

/**
 * Dense Tensor Core peak in TFLOPS (TOPS for INT8), or null when the card has no Tensor Cores or they lack the format.
 * INT8 on a card whose Tensor Cores lack it (Pascal's and Volta's DP4A) does not count: it runs on the CUDA cores.
 * @example densePeak(rtx4090, 'bf16') //=> 165.2
 */
export function densePeak(gpu: TensorCard, format: TensorFormat): number | null {
  if (gpu.tensorCoreGeneration === null || gpu.tensorCoreGeneration < FIRST_GENERATION_WITH[format]) return null;
  const v = gpu[TENSOR_COLUMN[format]];
  return typeof v === 'number' && v > 0 ? v : null;
}

/**
 * Peak with 2:4 structured sparsity (the figure vendors headline), or null where sparsity gives no speed-up (before Ampere).
 * @example sparsePeak(rtx4090, 'fp8') //=> 660.6
 */
export function sparsePeak(gpu: TensorCard, format: TensorFormat): number | null {
  const dense = densePeak(gpu, format);
  return dense !== null && gpu.sparsityDoubles ? dense * SPARSITY_FACTOR : null;
}

/** One card's bar in a throughput chart. */
export interface ThroughputRow {
  id: string;
  name: string;
  series: GpuRecord['series'];
  /** Dense peak, TFLOPS or TOPS. */
  dense: number;
  /** 2:4 sparse peak, or null. */
  sparse: number | null;
}

/** A chart's data: supported cards sorted fastest first, and the cards without the format. */
export interface ThroughputRanking {
  format: TensorFormat;
  rows: ThroughputRow[];
  unsupported: { id: string; name: string; series: GpuRecord['series'] }[];
}

/**
 * Ranks cards by dense peak in a format (ties by name) and lists those without it.
 * @example throughputRanking(cards, 'fp4').unsupported.length // every card before Blackwell
 */
export function throughputRanking(gpus: readonly TensorCard[], format: TensorFormat): ThroughputRanking {
  const rows: ThroughputRow[] = [];
  const unsupported: ThroughputRanking['unsupported'] = [];
  for (const g of gpus) {
    const dense = densePeak(g, format);
    if (dense === null) unsupported.push({ id: g.id, name: g.name, series: g.series });
    else rows.push({ id: g.id, name: g.name, series: g.series, dense, sparse: sparsePeak(g, format) });
  }
  rows.sort((a, b) => b.dense - a.dense || a.name.localeCompare(b.name));
  unsupported.sort((a, b) => a.name.localeCompare(b.name));
  return { format, rows, unsupported };
}

/**
 * FP16 Tensor throughput with FP32 accumulate divided by that with FP16 accumulate: 1 on data-centre and workstation cards,
 * 0.5 on most GeForce cards; null without Tensor Cores.
 * @example accumulateRatio(rtx4090) //=> 0.5001...
 */
export function accumulateRatio(gpu: TensorCard): number | null {
  const fp32acc = densePeak(gpu, 'fp16-fp32acc');
  const fp16acc = densePeak(gpu, 'fp16-fp16acc');
  return fp32acc !== null && fp16acc !== null ? fp32acc / fp16acc : null;
}

/**
 * Dense floating-point (or integer) operations one Tensor Core completes per clock in a format:
 * peak / (Tensor Cores × boost clock). One fused multiply-add counts as two operations.
 * @example opsPerTensorCorePerClock(a100, 'fp16-fp16acc') //=> ≈ 512 (256 FMAs)
 */
export function opsPerTensorCorePerClock(gpu: TensorCard & Pick<GpuRecord, 'tensorCores' | 'boostClockMHz'>, format: TensorFormat): number | null {
  const dense = densePeak(gpu, format);
  if (dense === null || gpu.tensorCores <= 0) return null;
  return (dense * TERA) / (gpu.tensorCores * gpu.boostClockMHz * 1e6);
}

/** What the data says one Tensor Core generation supports. */
export interface GenerationSupport {
  generation: number;
  /** NVIDIA's name for the generation. */
  name: string;
  /** Architectures of the cards in the data with this generation. */
  architectures: GpuRecord['architecture'][];
  /** Cards in the data with this generation. */
  cardCount: number;
  /** Formats at least one of those cards lists a dense figure for. */
  formats: TensorFormat[];
}

/**
 * Groups the cards by Tensor Core generation and lists which formats each generation's cards have figures for.
 * Generations absent from the data are left out.
 */
export function generationSupport(gpus: readonly (TensorCard & Pick<GpuRecord, 'architecture'>)[]): GenerationSupport[] {
  const out: GenerationSupport[] = [];
  for (const gen of [1, 2, 3, 4, 5] as const) {
    const cards = gpus.filter((g) => g.tensorCoreGeneration === gen);
    if (cards.length === 0) continue;
    const architectures = [...new Set(cards.map((g) => g.architecture))];
    const formats = TENSOR_FORMATS.filter((f) => cards.some((g) => densePeak(g, f) !== null));
    out.push({ generation: gen, name: TENSOR_CORE_GENERATIONS[gen], architectures, cardCount: cards.length, formats });
  }
  return out;
}

/**
 * The earliest generation in the data whose cards support a format, or null when no card does.
 * @example firstGenerationWith(cards, 'bf16')?.name //=> "Ampere"
 */
export function firstGenerationWith(gpus: readonly (TensorCard & Pick<GpuRecord, 'architecture'>)[], format: TensorFormat): GenerationSupport | null {
  return generationSupport(gpus).find((g) => g.formats.includes(format)) ?? null;
}

/**
 * Storage of a 2:4-sparse matrix relative to the dense one: per group of four values, two values plus a 2-bit position index each
 * (Mishra et al. 2021, §2: "compressed matrix" plus metadata).
 * @example sparse24StorageRatio(16) //=> 0.5625
 */
export function sparse24StorageRatio(valueBits: number): number {
  return (2 * valueBits + 2 * 2) / (4 * valueBits);
}
