import { describe, expect, it } from 'vitest';
import {
  accumulateRatio, densePeak, firstGenerationWith, generationSupport, isTensorFormat, opsPerTensorCorePerClock, sparsePeak,
  throughputRanking, toTensorCard, sparse24StorageRatio, TENSOR_FORMATS, type TensorCard,
} from '../../../src/lib/hardware/tensorcores.ts';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import type { GpuRecord } from '../../../src/lib/hardware/schema.ts';

type Card = TensorCard & Pick<GpuRecord, 'architecture' | 'tensorCores' | 'boostClockMHz'>;
const base: Card = {
  id: 'x', name: 'X', series: 'geforce-40', architecture: 'ada', tensorCoreGeneration: 4, tensorCores: 100, boostClockMHz: 2000,
  sparsityDoubles: true, tensorFp16Fp32AccTflops: 51.2, tensorFp16Fp16AccTflops: 102.4, bf16Tflops: 51.2, tf32Tflops: 25.6,
  int8Tops: 204.8, fp8Tflops: 102.4, fp4Tflops: null,
};
const pascal: Card = { ...base, id: 'p', name: 'P', series: 'geforce-10', architecture: 'pascal', tensorCoreGeneration: null, tensorCores: 0,
  sparsityDoubles: false, tensorFp16Fp32AccTflops: null, tensorFp16Fp16AccTflops: null, bf16Tflops: null, tf32Tflops: null, int8Tops: 40, fp8Tflops: null };
const dc: Card = { ...base, id: 'd', name: 'D', series: 'reference', architecture: 'ampere', tensorCoreGeneration: 3,
  tensorFp16Fp32AccTflops: 102.4, fp8Tflops: null };

describe('tensorcores', () => {
  it('reads the dense column and doubles it for 2:4 sparsity only where the card allows', () => {
    expect(densePeak(base, 'bf16')).toBe(51.2);
    expect(sparsePeak(base, 'bf16')).toBe(102.4);
    expect(densePeak(base, 'fp4')).toBeNull();
    expect(sparsePeak({ ...base, sparsityDoubles: false }, 'bf16')).toBeNull();
  });

  it('does not count DP4A INT8 on a card without Tensor Cores', () => {
    expect(densePeak(pascal, 'int8')).toBeNull();
  });

  it('gives Volta no INT8 Tensor Core peak: its Tensor Cores do FP16 only, its INT8 figure is DP4A on the CUDA cores', () => {
    const cards = loadGpus();
    const volta = cards.filter((c) => c.architecture === 'volta');
    expect(volta.length).toBeGreaterThan(0);
    for (const v of volta) {
      expect(v.int8Tops).not.toBeNull(); // the spec data keeps the DP4A figure
      expect(densePeak(v, 'int8')).toBeNull();
      expect(densePeak(v, 'fp16-fp32acc')).toBeGreaterThan(0);
    }
    expect(throughputRanking(cards, 'int8').rows.some((r) => volta.some((v) => v.id === r.id))).toBe(false);
    expect(firstGenerationWith(cards, 'int8')?.name).toBe('Turing');
    expect(generationSupport(cards).find((g) => g.generation === 1)?.formats).toEqual(['fp16-fp32acc', 'fp16-fp16acc']);
  });

  it('ranks fastest first and lists unsupported cards apart', () => {
    const r = throughputRanking([pascal, base, dc], 'fp16-fp32acc');
    expect(r.rows.map((x) => x.id)).toEqual(['d', 'x']);
    expect(r.unsupported.map((x) => x.id)).toEqual(['p']);
    expect(throughputRanking([pascal, base, dc], 'fp8').rows.map((x) => x.id)).toEqual(['x']);
  });

  it('computes the accumulate ratio: half on GeForce, full on data-centre cards', () => {
    expect(accumulateRatio(base)).toBeCloseTo(0.5);
    expect(accumulateRatio(dc)).toBeCloseTo(1);
    expect(accumulateRatio(pascal)).toBeNull();
  });

  it('derives per-clock work of one Tensor Core', () => {
    // 102.4e12 / (100 × 2e9) = 512 operations per clock.
    expect(opsPerTensorCorePerClock(base, 'fp16-fp16acc')).toBeCloseTo(512);
    expect(opsPerTensorCorePerClock(pascal, 'fp16-fp16acc')).toBeNull();
  });

  it('groups formats by generation and finds the first generation with a format', () => {
    const gens = generationSupport([pascal, base, dc]);
    expect(gens.map((g) => g.generation)).toEqual([3, 4]);
    expect(gens[0]?.formats).not.toContain('fp8');
    expect(gens[1]?.formats).toContain('fp8');
    expect(firstGenerationWith([pascal, base, dc], 'fp8')?.generation).toBe(4);
    expect(firstGenerationWith([pascal, base, dc], 'fp4')).toBeNull();
  });

  it('validates format ids and strips records to the needed fields', () => {
    expect(TENSOR_FORMATS.every(isTensorFormat)).toBe(true);
    expect(isTensorFormat('fp64')).toBe(false);
    expect(isTensorFormat(undefined)).toBe(false);
    const full = { ...base, chip: 'AD102', memoryGB: 24 } as TensorCard;
    expect(Object.keys(toTensorCard(full))).not.toContain('chip');
    expect(Object.keys(toTensorCard(full))).not.toContain('tensorCores');
  });

  it('stores a 2:4-sparse FP16 matrix in 9/16 of the dense bytes', () => {
    expect(sparse24StorageRatio(16)).toBe(0.5625);
    expect(sparse24StorageRatio(8)).toBe(0.625);
  });

  it('on the real data, every card with Tensor Cores has an FP16 figure, and sparse = 2 × dense', () => {
    for (const g of loadGpus()) {
      if (g.tensorCoreGeneration === null) continue;
      expect(densePeak(g, 'fp16-fp16acc'), g.id).not.toBeNull();
      const s = sparsePeak(g, 'fp16-fp32acc');
      if (s !== null) expect(s).toBeCloseTo(2 * (densePeak(g, 'fp16-fp32acc') ?? 0));
    }
  });
});
