import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/data/load-gpus.ts';
import { gpuSpecSchema } from '../../src/lib/schema.ts';

const gpus = loadGpus();

/** Relative difference |a - b| / b. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// Dense FP16 (FP16-accumulate) tensor FLOPs per Tensor Core per clock, by chip family.
// Sources: Volta whitepaper (64 FMA/clk), Turing whitepaper Appendix A, GA100 and GA102 whitepapers,
// Ada whitepaper Appendix A, Hopper whitepaper Table 2, RTX Blackwell whitepaper Appendix.
function tensorFlopsPerClock(g: (typeof gpus)[number]): number {
  if (g.architecture === 'volta' || g.architecture === 'turing') return 128;
  if (g.architecture === 'ampere') return g.chip.startsWith('GA100') ? 512 : 256;
  if (g.architecture === 'hopper') return 1024;
  return 256; // ada, blackwell GB20x (the same per-clock rate as GA10x; they add FP8 and FP4)
}

describe('GPU spec data', () => {
  it('has at least the cards the spec issue lists', () => {
    expect(gpus.length).toBeGreaterThanOrEqual(1);
  });

  it('has unique ids', () => {
    expect(new Set(gpus.map((g) => g.id)).size).toBe(gpus.length);
  });

  it.each(gpus.map((g) => [g.id, g] as const))('%s: FP32 TFLOPS = 2 x CUDA cores x boost clock (within 2%%)', (_id, g) => {
    const derived = (2 * g.cudaCores * g.boostClockMHz) / 1e6;
    expect(rel(g.fp32Tflops, derived)).toBeLessThan(0.02);
  });

  it.each(gpus.map((g) => [g.id, g] as const))('%s: bandwidth = bus width x data rate / 8 (within 2%%)', (_id, g) => {
    const derived = (g.memoryBusBits * g.memoryDataRateGbps) / 8;
    expect(rel(g.memoryBandwidthGBs, derived)).toBeLessThan(0.02);
  });

  it.each(gpus.filter((g) => g.tensorCores > 0).map((g) => [g.id, g] as const))(
    '%s: tensor FP16 = Tensor Cores x boost clock x FLOPs per clock of its architecture (within 3%%)',
    (_id, g) => {
      const derived = (g.tensorCores * g.boostClockMHz * tensorFlopsPerClock(g)) / 1e6;
      expect(g.tensorFp16Fp16AccTflops).not.toBeNull();
      expect(rel(g.tensorFp16Fp16AccTflops ?? 0, derived)).toBeLessThan(0.03);
    },
  );

  it.each(gpus.filter((g) => g.tensorCores > 0).map((g) => [g.id, g] as const))(
    '%s: FP32-accumulate tensor FP16 is the full or half FP16-accumulate rate; BF16 matches it; TF32 is half of BF16',
    (_id, g) => {
      const full = g.tensorFp16Fp16AccTflops ?? 0;
      const acc32 = g.tensorFp16Fp32AccTflops ?? 0;
      expect(Math.min(rel(acc32, full), rel(acc32, full / 2))).toBeLessThan(0.01);
      if (g.bf16Tflops !== null) expect(rel(g.bf16Tflops, acc32)).toBeLessThan(0.01);
      if (g.tf32Tflops !== null && g.bf16Tflops !== null) expect(rel(g.tf32Tflops, g.bf16Tflops / 2)).toBeLessThan(0.01);
    },
  );

  it.each(gpus.map((g) => [g.id, g] as const))('%s: formats appear only on architectures that have them', (_id, g) => {
    const tensorGen = g.tensorCoreGeneration ?? 0;
    if (tensorGen < 3) {
      expect(g.bf16Tflops).toBeNull();
      expect(g.tf32Tflops).toBeNull();
    }
    if (tensorGen < 4) expect(g.fp8Tflops).toBeNull();
    if (tensorGen < 5) expect(g.fp4Tflops).toBeNull();
    expect(g.sparsityDoubles).toBe(tensorGen >= 3);
  });

  it.each(gpus.map((g) => [g.id, g] as const))('%s: Pascal GeForce runs non-tensor FP16 at 1/64 of FP32', (_id, g) => {
    if (g.architecture === 'pascal' && !g.chip.startsWith('GP100')) {
      expect(rel(g.fp16Tflops ?? 0, g.fp32Tflops / 64)).toBeLessThan(0.02);
    }
  });

  it('rejects a record whose value has no source (the schema can fail)', () => {
    const planted = structuredClone(gpus[0]!);
    planted.sources = planted.sources.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== 'fp32Tflops') }));
    expect(gpuSpecSchema.safeParse(planted).success).toBe(false);
  });
});
