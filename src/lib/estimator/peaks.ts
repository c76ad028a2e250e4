/**
 * Peak throughput of a card for the format a kernel computes in.
 * Values come from the spec data (dense, boost clock); this module only chooses which column applies.
 */
import type { GpuRecord } from '../hardware/schema.ts';
import { GB, TERA } from '../units.ts';

/** Formats a matrix multiply can run in. */
const COMPUTE_FORMATS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'fp4'] as const;
/** A compute format id. */
export type ComputeFormat = (typeof COMPUTE_FORMATS)[number];

/** The throughput and bandwidth columns of a card, the only fields the estimator needs for speed. */
export type GpuPeaks = Pick<
  GpuRecord,
  | 'fp32Tflops' | 'fp16Tflops' | 'tensorFp16Fp16AccTflops' | 'tensorFp16Fp32AccTflops' | 'bf16Tflops' | 'tf32Tflops'
  | 'int8Tops' | 'fp8Tflops' | 'fp4Tflops' | 'memoryBandwidthGBs'
>;

/** Where a peak figure came from, so pages can say which column they used. */
export interface PeakChoice {
  /** Dense peak in FLOP/s (or OP/s for INT8). */
  peakFlopsPerSecond: number;
  /** The spec column used. */
  column: keyof GpuPeaks;
  /** True when the card lacks the format and a slower path stands in (e.g. FP16 without Tensor Cores). */
  fallback: boolean;
}

/**
 * Dense peak for matrix multiplies in `format`, as a training framework would run them
 * (FP16 with FP32 accumulation; TF32 only where Tensor Cores support it). Returns null when the card cannot run the format
 * at all in hardware (BF16 before Ampere, FP8 before Ada, FP4 before Blackwell).
 * @example peakMatmulFlops(rtx4090, 'bf16')?.peakFlopsPerSecond //=> 165.2e12
 */
export function peakMatmulFlops(gpu: GpuPeaks, format: ComputeFormat): PeakChoice | null {
  const pick = (column: keyof GpuPeaks, fallback = false): PeakChoice | null => {
    const v = gpu[column];
    return typeof v === 'number' && v > 0 ? { peakFlopsPerSecond: v * TERA, column, fallback } : null;
  };
  switch (format) {
    case 'fp32':
      return pick('fp32Tflops');
    case 'tf32':
      return pick('tf32Tflops') ?? pick('fp32Tflops', true);
    case 'fp16':
      // FP16 inputs, FP32 accumulation: the GEMMs mixed-precision training requests (Micikevicius et al. 2018, §3.2; PyTorch asks
      // cuBLAS for CUBLAS_COMPUTE_32F on half inputs). Without Tensor Cores (Pascal, GeForce 16) that math runs at the FP32 rate:
      // the CUDA cores' 2x FP16 rate (paired HFMA2 on GP100 and Turing) accumulates in FP16, which training cannot use.
      return pick('tensorFp16Fp32AccTflops') ?? pick('fp32Tflops', true);
    case 'bf16':
      return pick('bf16Tflops');
    case 'fp8':
      return pick('fp8Tflops');
    case 'int8':
      return pick('int8Tops');
    case 'fp4':
      return pick('fp4Tflops');
  }
}

/** Peak memory bandwidth in bytes per second. */
export function bandwidthBytesPerSecond(gpu: Pick<GpuRecord, 'memoryBandwidthGBs'>): number {
  return gpu.memoryBandwidthGBs * GB;
}
