/**
 * Worked examples of the Tensor Cores chapter: operations per Tensor Core per clock on the RTX 4090 and A100, which
 * generation brought which format, the FP32-accumulate ratio of each card family, 2:4 sparsity, and FP16 stalling at 2049.
 * Pure: nothing is computed until the function is called.
 */
import { floatFacts, roundToFormat } from '../teaching/floatbits.ts';
import { SERIES, type GpuRecord } from '../hardware/schema.ts';
import {
  accumulateRatio, densePeak, firstGenerationWith, generationSupport, opsPerTensorCorePerClock, sparse24StorageRatio, sparsePeak,
  TENSOR_CORE_GENERATIONS, TENSOR_FORMATS,
} from '../hardware/tensorcores.ts';
import { card } from './chapter-inputs.ts';

/** A card whose FP16 rate with FP32 accumulate is at least this share of its FP16-accumulate rate runs it at full rate. */
const FULL_RATE = 0.75;

/** Every number of the chapter, for the spec data `cards` (the site's card collection). */
export function tensorCoresChapter(cards: readonly GpuRecord[]) {
  const r4090 = card(cards, 'rtx-4090');
  const a100 = card(cards, 'a100-sxm-80gb');
  const r6000 = cards.find((c) => c.id === 'rtx-6000-ada') ?? null;
  const gens = generationSupport(cards);
  const tensorCards = cards.filter((c) => c.tensorCoreGeneration !== null);
  const geforce = tensorCards.filter((c) => c.series.startsWith('geforce'));
  const pro = tensorCards.filter((c) => c.series === 'reference');
  const firsts = TENSOR_FORMATS.map((f) => ({ f, g: firstGenerationWith(cards, f) }));
  const firstOf = Object.fromEntries(firsts.map(({ f, g }) => [f, g])) as Record<(typeof TENSOR_FORMATS)[number], (typeof firsts)[number]['g']>;
  const perClock4090 = opsPerTensorCorePerClock(r4090, 'fp16-fp16acc');
  return {
    r4090,
    a100,
    r6000,
    acc4090: accumulateRatio(r4090),
    acc6000: r6000 ? accumulateRatio(r6000) : null,
    perClock4090,
    perClockA100: opsPerTensorCorePerClock(a100, 'fp16-fp16acc'),
    gens,
    missingGens: ([1, 2, 3, 4, 5] as const).filter((g) => !gens.some((x) => x.generation === g)).map((g) => TENSOR_CORE_GENERATIONS[g]),
    firsts,
    firstOf,
    tensorCards,
    /** The FP32-accumulate ratio range of each card family that has Tensor Cores. */
    families: SERIES.map((s) => {
      const ratios = tensorCards.filter((c) => c.series === s).map((c) => accumulateRatio(c)).filter((r): r is number => r !== null);
      return { s, n: ratios.length, lo: Math.min(...ratios), hi: Math.max(...ratios) };
    }).filter((x) => x.n > 0),
    geforce,
    geforceHalf: geforce.filter((c) => (accumulateRatio(c) ?? 1) < FULL_RATE),
    geforceFull: geforce.filter((c) => (accumulateRatio(c) ?? 0) >= FULL_RATE),
    pro,
    proFull: pro.filter((c) => (accumulateRatio(c) ?? 0) >= FULL_RATE),
    f16: floatFacts('fp16'),
    stall: roundToFormat(2049, 'fp16'),
    // 2:4 sparsity keeps 2 of every 4 values plus a 2-bit index each (NVIDIA A100 whitepaper, "Fine-grained structured sparsity").
    sparse24Ratio: sparse24StorageRatio(16),
    sparseInt84090: sparsePeak(r4090, 'int8') ?? 0,
    /** The exercises' numbers. */
    ex: {
      dense4090Fp32Acc: densePeak(r4090, 'fp16-fp32acc'),
      dense4090Fp16Acc: densePeak(r4090, 'fp16-fp16acc'),
      accA100: accumulateRatio(a100),
      sparseA100Bf16: sparsePeak(a100, 'bf16'),
      denseA100Bf16: densePeak(a100, 'bf16'),
    },
  };
}
