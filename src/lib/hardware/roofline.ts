/**
 * The roofline model for one matrix multiply on one card: is it limited by arithmetic or by memory traffic?
 * Source: Williams, Waterman & Patterson 2009, "Roofline: An Insightful Visual Performance Model for Multicore Architectures",
 * CACM 52(4) — attainable = min(peak, intensity × bandwidth).
 */
import { bytesPerValue, type FormatId } from '../estimator/formats.ts';
import { bandwidthBytesPerSecond, peakMatmulFlops, type ComputeFormat, type GpuPeaks, type PeakChoice } from '../estimator/peaks.ts';

/** Shape of C[m, n] = A[m, k] · B[k, n]. */
export interface MatmulShape {
  /** Rows of A and C (tokens in a batch for a linear layer). */
  m: number;
  /** Columns of B and C (output features). */
  n: number;
  /** Inner dimension (input features). */
  k: number;
}

/** Which roof limits a kernel. */
export type RooflineBound = 'compute-bound' | 'memory-bound';

/** Roofline figures for one matmul on one card in one format. */
export interface MatmulRoofline {
  /** Floating-point operations, 2mnk. */
  flops: number;
  /** Minimum bytes moved to and from memory: each of A, B, C once. */
  bytes: number;
  /** flops / bytes. */
  intensityFlopsPerByte: number;
  /** Dense peak of the card in this format, with the spec column it came from. */
  peak: PeakChoice;
  /** Peak memory bandwidth. */
  bandwidthBytesPerSecond: number;
  /** Intensity at which the two roofs meet, peak / bandwidth. */
  ridgePointFlopsPerByte: number;
  /** min(peak, intensity × bandwidth). */
  attainableFlopsPerSecond: number;
  /** Lower bound on run time, flops / attainable = max(flops / peak, bytes / bandwidth). */
  timeSeconds: number;
  /** `compute-bound` when the intensity reaches the ridge point, else `memory-bound`. */
  bound: RooflineBound;
}

/** A roofline figure, or why there is none. */
export type RooflineResult<T> = ({ ok: true } & T) | { ok: false; message: string };

/** One point of a roofline curve. */
export interface RooflinePoint {
  /** Arithmetic intensity in FLOP per byte. */
  intensityFlopsPerByte: number;
  /** Attainable throughput at that intensity. */
  attainableFlopsPerSecond: number;
}

/** The roofline of a card in one format, for charting. */
export interface RooflineCurve {
  /** Dense peak in this format, with the spec column it came from. */
  peak: PeakChoice;
  /** Peak memory bandwidth. */
  bandwidthBytesPerSecond: number;
  /** Where the slanted and flat roofs meet. */
  ridgePointFlopsPerByte: number;
  /** Log-spaced points, ascending in intensity, with the ridge point included when it lies in range. */
  points: RooflinePoint[];
}

/** Options for the roofline curve. */
export interface RooflineCurveOptions {
  /** Smallest intensity shown (FLOP/byte); default 0.1. */
  minIntensityFlopsPerByte?: number;
  /** Largest intensity shown (FLOP/byte); default 10 000. */
  maxIntensityFlopsPerByte?: number;
  /** Number of log-spaced points before the ridge point is added; default 64. */
  pointCount?: number;
}

/** Options for a matmul roofline. */
export interface MatmulRooflineOptions {
  /** Bytes per stored element, overriding the format's own (e.g. 4 for INT8 kernels that write INT32 outputs). */
  bytesPerElement?: number;
}

/** The storage format whose width an element of each compute format occupies (FP8 and FP4 widths do not depend on the variant). */
const STORAGE_FORMAT: Record<ComputeFormat, FormatId> = {
  fp32: 'fp32',
  tf32: 'tf32',
  fp16: 'fp16',
  bf16: 'bf16',
  fp8: 'fp8-e4m3',
  int8: 'int8',
  fp4: 'fp4-e2m1',
};

/**
 * Bytes one element of a compute format occupies in memory (TF32 is stored as 32 bits).
 * @example computeFormatBytes('bf16') //=> 2
 * @example computeFormatBytes('fp4') //=> 0.5
 */
export function computeFormatBytes(format: ComputeFormat): number {
  return bytesPerValue(STORAGE_FORMAT[format]);
}

/**
 * Floating-point operations of a matmul: one multiply and one add per (i, j, p) triple.
 * @example matmulFlops({ m: 2, n: 3, k: 4 }) //=> 48
 */
export function matmulFlops({ m, n, k }: MatmulShape): number {
  // 2mnk: m·n outputs, each a k-term dot product of k multiplies and k adds (the count Williams et al. 2009 use).
  return 2 * m * n * k;
}

/**
 * Minimum memory traffic of a matmul: read A and B once, write C once.
 * @example matmulMinBytes({ m: 2, n: 3, k: 4 }, 2) //=> 52
 */
export function matmulMinBytes({ m, n, k }: MatmulShape, bytesPerElement: number): number {
  // Compulsory traffic (Williams et al. 2009, "The Roofline Model"): |A| + |B| + |C| = mk + kn + mn elements; real caches only add to it.
  return (m * k + k * n + m * n) * bytesPerElement;
}

/**
 * Arithmetic intensity: operations per byte of memory traffic.
 * @example arithmeticIntensity(48, 52) //=> 0.923...
 */
export function arithmeticIntensity(flops: number, bytes: number): number {
  return flops / bytes;
}

/**
 * Ridge point of a card: the intensity above which a kernel can reach peak.
 * @example ridgePointFlopsPerByte(165e12, 1e12) //=> 165
 */
export function ridgePointFlopsPerByte(peakFlopsPerSecond: number, bandwidthBytesPerSecond: number): number {
  // Williams et al. 2009, "The Roofline Model": the ridge point is where intensity × bandwidth = peak.
  return peakFlopsPerSecond / bandwidthBytesPerSecond;
}

/**
 * Attainable throughput at an intensity: the lower of the compute roof and the bandwidth slope.
 * @example attainableFlopsPerSecond(10, 165e12, 1e12) //=> 10e12
 */
export function attainableFlopsPerSecond(intensityFlopsPerByte: number, peakFlopsPerSecond: number, bandwidthBytesPerSecond: number): number {
  // Williams et al. 2009, "The Roofline Model": attainable GFLOP/s = min(peak GFLOP/s, peak bandwidth × operational intensity).
  return Math.min(peakFlopsPerSecond, intensityFlopsPerByte * bandwidthBytesPerSecond);
}

const isPositiveFinite = (x: number): boolean => Number.isFinite(x) && x > 0;

/** Looks up a card's peak and bandwidth for a format, or explains why the format is unavailable. */
function cardRoofs(gpu: GpuPeaks, format: ComputeFormat): RooflineResult<{ peak: PeakChoice; bandwidthBytesPerSecond: number }> {
  const peak = peakMatmulFlops(gpu, format);
  if (peak === null) {
    return { ok: false, message: `This card has no hardware ${format.toUpperCase()} matrix path (its spec lists no ${format.toUpperCase()} throughput).` };
  }
  const bandwidth = bandwidthBytesPerSecond(gpu);
  if (!isPositiveFinite(bandwidth)) return { ok: false, message: 'This card has no valid memory bandwidth figure.' };
  return { ok: true, peak, bandwidthBytesPerSecond: bandwidth };
}

/**
 * Roofline analysis of C[m, n] = A[m, k] · B[k, n] on a card in a format, or a message when the card lacks the format.
 * @example matmulRoofline(rtx4090, 'bf16', { m: 1, n: 4096, k: 4096 }) //=> { ok: true, bound: "memory-bound", ... }
 * @example matmulRoofline(rtx3090, 'fp8', shape) //=> { ok: false, message: "This card has no hardware FP8 matrix path ..." }
 */
export function matmulRoofline(
  gpu: GpuPeaks,
  format: ComputeFormat,
  shape: MatmulShape,
  options: MatmulRooflineOptions = {},
): RooflineResult<MatmulRoofline> {
  if (![shape.m, shape.n, shape.k].every(isPositiveFinite)) {
    return { ok: false, message: `Matrix dimensions must be positive numbers (got m=${shape.m}, n=${shape.n}, k=${shape.k}).` };
  }
  const bytesPerElement = options.bytesPerElement ?? computeFormatBytes(format);
  if (!isPositiveFinite(bytesPerElement)) return { ok: false, message: `Bytes per element must be a positive number (got ${bytesPerElement}).` };
  const roofs = cardRoofs(gpu, format);
  if (!roofs.ok) return roofs;

  const { peak, bandwidthBytesPerSecond: bandwidth } = roofs;
  const flops = matmulFlops(shape);
  const bytes = matmulMinBytes(shape, bytesPerElement);
  const intensity = arithmeticIntensity(flops, bytes);
  const ridge = ridgePointFlopsPerByte(peak.peakFlopsPerSecond, bandwidth);
  const attainable = attainableFlopsPerSecond(intensity, peak.peakFlopsPerSecond, bandwidth);
  return {
    ok: true,
    flops,
    bytes,
    intensityFlopsPerByte: intensity,
    peak,
    bandwidthBytesPerSecond: bandwidth,
    ridgePointFlopsPerByte: ridge,
    attainableFlopsPerSecond: attainable,
    timeSeconds: flops / attainable,
    bound: intensity >= ridge ? 'compute-bound' : 'memory-bound',
  };
}

/**
 * Log-spaced intensities from min to max (inclusive), with attainable throughput at each.
 * @example rooflinePoints(100e12, 1e12, { minIntensityFlopsPerByte: 1, maxIntensityFlopsPerByte: 1000, pointCount: 4 }).map((p) => p.attainableFlopsPerSecond) //=> [1e12, 10e12, 100e12, 100e12]
 */
export function rooflinePoints(peakFlopsPerSecond: number, bandwidthBytesPerSecond: number, options: RooflineCurveOptions = {}): RooflinePoint[] {
  const min = options.minIntensityFlopsPerByte ?? 0.1;
  const max = options.maxIntensityFlopsPerByte ?? 10_000;
  const count = Math.max(2, Math.floor(options.pointCount ?? 64));
  if (!isPositiveFinite(min) || !isPositiveFinite(max) || max <= min) {
    throw new RangeError(`rooflinePoints: need 0 < min < max intensity, got ${min} and ${max}`);
  }
  const logMin = Math.log10(min);
  const step = (Math.log10(max) - logMin) / (count - 1);
  const intensities = Array.from({ length: count }, (_, i) => (i === 0 ? min : i === count - 1 ? max : 10 ** (logMin + i * step)));
  // The kink must be drawn exactly, or a coarse grid cuts the corner of the roof.
  const ridge = ridgePointFlopsPerByte(peakFlopsPerSecond, bandwidthBytesPerSecond);
  if (ridge > min && ridge < max && !intensities.includes(ridge)) {
    intensities.push(ridge);
    intensities.sort((a, b) => a - b);
  }
  return intensities.map((intensity) => ({
    intensityFlopsPerByte: intensity,
    attainableFlopsPerSecond: attainableFlopsPerSecond(intensity, peakFlopsPerSecond, bandwidthBytesPerSecond),
  }));
}

/**
 * The roofline of a card in a format for charting, or a message when the card lacks the format.
 * @example rooflineCurve(rtx4090, 'bf16') //=> { ok: true, ridgePointFlopsPerByte: 163.9, points: [{ intensityFlopsPerByte: 0.1, ... }, ...] }
 */
export function rooflineCurve(gpu: GpuPeaks, format: ComputeFormat, options: RooflineCurveOptions = {}): RooflineResult<RooflineCurve> {
  const roofs = cardRoofs(gpu, format);
  if (!roofs.ok) return roofs;
  const { peak, bandwidthBytesPerSecond: bandwidth } = roofs;
  return {
    ok: true,
    peak,
    bandwidthBytesPerSecond: bandwidth,
    ridgePointFlopsPerByte: ridgePointFlopsPerByte(peak.peakFlopsPerSecond, bandwidth),
    points: rooflinePoints(peak.peakFlopsPerSecond, bandwidth, options),
  };
}
