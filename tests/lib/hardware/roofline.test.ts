import { describe, expect, it } from 'vitest';
import type { GpuPeaks } from '../../../src/lib/estimator/peaks.ts';
import {
  arithmeticIntensity,
  attainableFlopsPerSecond,
  computeFormatBytes,
  matmulFlops,
  matmulMinBytes,
  matmulRoofline,
  ridgePointFlopsPerByte,
  rooflineCurve,
  rooflinePoints,
} from '../../../src/lib/hardware/roofline.ts';

/** Relative difference |a - b| / |b|. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// A sample card with round numbers (not any real product): 100 TFLOPS BF16/FP16, 200 FP8, 1000 GB/s, no FP4.
const sampleCard: GpuPeaks = {
  fp32Tflops: 50,
  fp16Tflops: 50,
  tensorFp16Fp16AccTflops: 200,
  tensorFp16Fp32AccTflops: 100,
  bf16Tflops: 100,
  tf32Tflops: 50,
  int8Tops: 400,
  fp8Tflops: 200,
  fp4Tflops: null,
  memoryBandwidthGBs: 1000,
};

describe('matmul counts', () => {
  it('matmulFlops({m, n, k}) is 2mnk', () => {
    expect(matmulFlops({ m: 2, n: 3, k: 4 })).toBe(48);
    expect(matmulFlops({ m: 4096, n: 4096, k: 4096 })).toBe(2 * 4096 ** 3);
  });

  it('matmulMinBytes({m, n, k}, b) is (mk + kn + mn) × b', () => {
    expect(matmulMinBytes({ m: 2, n: 3, k: 4 }, 2)).toBe((8 + 12 + 6) * 2);
  });

  it('arithmeticIntensity(flops, bytes) is flops / bytes', () => {
    expect(arithmeticIntensity(48, 52)).toBeCloseTo(48 / 52, 12);
  });

  it('computeFormatBytes gives 4 for FP32 and TF32, 2 for 16-bit formats, 1 for FP8 and INT8, 0.5 for FP4', () => {
    expect([computeFormatBytes('fp32'), computeFormatBytes('tf32'), computeFormatBytes('bf16'), computeFormatBytes('fp16')]).toEqual([4, 4, 2, 2]);
    expect([computeFormatBytes('fp8'), computeFormatBytes('int8'), computeFormatBytes('fp4')]).toEqual([1, 1, 0.5]);
  });
});

describe('the roofs', () => {
  it('ridgePointFlopsPerByte(peak, bandwidth) is peak / bandwidth', () => {
    expect(ridgePointFlopsPerByte(100e12, 1000e9)).toBeCloseTo(100, 9);
  });

  it('attainableFlopsPerSecond is intensity × bandwidth below the ridge and the peak above it', () => {
    expect(attainableFlopsPerSecond(10, 100e12, 1e12)).toBeCloseTo(10e12, 0);
    expect(attainableFlopsPerSecond(1000, 100e12, 1e12)).toBe(100e12);
    expect(attainableFlopsPerSecond(100, 100e12, 1e12)).toBe(100e12);
  });
});

describe('matmulRoofline', () => {
  it("matmulRoofline(card, 'bf16', shape) reports the card's ridge point as peak / bandwidth", () => {
    const r = matmulRoofline(sampleCard, 'bf16', { m: 64, n: 64, k: 64 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.peak.peakFlopsPerSecond).toBeCloseTo(100e12, 0);
    expect(r.bandwidthBytesPerSecond).toBeCloseTo(1000e9, 0);
    expect(r.ridgePointFlopsPerByte).toBeCloseTo(100, 9);
  });

  it('matmulRoofline calls a batch-1 decode GEMV (m = 1) memory-bound and times it by bytes / bandwidth', () => {
    const shape = { m: 1, n: 4096, k: 4096 };
    const r = matmulRoofline(sampleCard, 'bf16', shape);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bound).toBe('memory-bound');
    expect(r.flops).toBe(2 * 4096 * 4096);
    expect(r.bytes).toBe((4096 + 4096 * 4096 + 4096) * 2);
    expect(r.intensityFlopsPerByte).toBeLessThan(1.01);
    expect(rel(r.timeSeconds, r.bytes / 1000e9)).toBeLessThan(1e-12);
    expect(rel(r.attainableFlopsPerSecond, r.intensityFlopsPerByte * 1000e9)).toBeLessThan(1e-12);
  });

  it('matmulRoofline calls a large square GEMM compute-bound and times it by flops / peak', () => {
    const n = 8192;
    const r = matmulRoofline(sampleCard, 'bf16', { m: n, n, k: n });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bound).toBe('compute-bound');
    expect(r.intensityFlopsPerByte).toBeCloseTo(n / 3, 6);
    expect(r.attainableFlopsPerSecond).toBe(r.peak.peakFlopsPerSecond);
    expect(rel(r.timeSeconds, (2 * n ** 3) / 100e12)).toBeLessThan(1e-12);
  });

  it('matmulRoofline time is never below either the compute time or the memory time', () => {
    for (const m of [1, 8, 64, 512, 4096]) {
      const r = matmulRoofline(sampleCard, 'fp8', { m, n: 4096, k: 4096 });
      if (!r.ok) throw new Error(r.message);
      expect(r.timeSeconds).toBeGreaterThanOrEqual((r.flops / r.peak.peakFlopsPerSecond) * (1 - 1e-12));
      expect(r.timeSeconds).toBeGreaterThanOrEqual((r.bytes / r.bandwidthBytesPerSecond) * (1 - 1e-12));
    }
  });

  it('matmulRoofline with a larger batch crosses from memory-bound to compute-bound near the ridge point', () => {
    const bounds = [1, 16, 64, 256, 1024].map((m) => {
      const r = matmulRoofline(sampleCard, 'bf16', { m, n: 8192, k: 8192 });
      return r.ok ? r.bound : 'unavailable';
    });
    expect(bounds).toEqual(['memory-bound', 'memory-bound', 'memory-bound', 'compute-bound', 'compute-bound']);
  });

  it('matmulRoofline(card, format, shape, { bytesPerElement }) overrides the element width', () => {
    const r = matmulRoofline(sampleCard, 'int8', { m: 2, n: 3, k: 4 }, { bytesPerElement: 4 });
    expect(r.ok && r.bytes).toBe(26 * 4);
  });

  it("matmulRoofline(card, 'fp4', shape) returns a message, not numbers, when the card lacks FP4", () => {
    const r = matmulRoofline(sampleCard, 'fp4', { m: 1, n: 1, k: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/FP4/);
  });

  it('matmulRoofline returns a message for zero, negative or NaN dimensions', () => {
    for (const shape of [{ m: 0, n: 1, k: 1 }, { m: 1, n: -2, k: 1 }, { m: 1, n: 1, k: Number.NaN }]) {
      const r = matmulRoofline(sampleCard, 'bf16', shape);
      expect(r.ok).toBe(false);
    }
    expect(matmulRoofline(sampleCard, 'bf16', { m: 1, n: 1, k: 1 }, { bytesPerElement: 0 }).ok).toBe(false);
  });
});

describe('rooflinePoints and rooflineCurve', () => {
  it('rooflinePoints returns log-spaced intensities from min to max with the ridge point inserted', () => {
    const points = rooflinePoints(100e12, 1e12, { minIntensityFlopsPerByte: 0.5, maxIntensityFlopsPerByte: 5000, pointCount: 5 });
    const xs = points.map((p) => p.intensityFlopsPerByte);
    expect(xs).toHaveLength(6);
    expect(xs[0]).toBe(0.5);
    expect(xs.at(-1)).toBe(5000);
    expect(xs).toContain(100);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(xs[2]! / xs[1]!).toBeCloseTo(10, 9);
  });

  it('rooflinePoints rises with slope = bandwidth below the ridge and stays flat at the peak above it', () => {
    for (const p of rooflinePoints(100e12, 1e12)) {
      const expected = p.intensityFlopsPerByte < 100 ? p.intensityFlopsPerByte * 1e12 : 100e12;
      expect(rel(p.attainableFlopsPerSecond, expected)).toBeLessThan(1e-12);
    }
  });

  it('rooflinePoints rejects an empty or inverted intensity range', () => {
    expect(() => rooflinePoints(100e12, 1e12, { minIntensityFlopsPerByte: 10, maxIntensityFlopsPerByte: 1 })).toThrow(RangeError);
    expect(() => rooflinePoints(100e12, 1e12, { minIntensityFlopsPerByte: 0 })).toThrow(RangeError);
  });

  it("rooflineCurve(card, 'bf16') uses the card's peak and bandwidth, and rooflineCurve(card, 'fp4') explains why there is none", () => {
    const curve = rooflineCurve(sampleCard, 'bf16');
    expect(curve.ok).toBe(true);
    if (!curve.ok) return;
    expect(curve.ridgePointFlopsPerByte).toBeCloseTo(100, 9);
    expect(curve.points).toHaveLength(65);
    expect(curve.points.at(-1)?.attainableFlopsPerSecond).toBeCloseTo(100e12, 0);
    const missing = rooflineCurve(sampleCard, 'fp4');
    expect(missing.ok).toBe(false);
  });
});
