/**
 * Worked examples of the Number formats chapter: the facts of each float format, rounding examples (0.1 in BF16, 2049 and
 * 70,000 in FP16, underflow of 1e-8), loss scaling, INT8 absmax quantisation with and without an outlier, block-scaled
 * NF4, and the first Tensor Core generation with each format in the card data. Pure: nothing is computed until called.
 */
import { FLOAT_FORMAT_IDS, floatFacts, lossScalingDemo, quantizeInt8Tensor, roundToFormat } from '../teaching/floatbits.ts';
import { blockwiseBitsPerValue, bytesPerValue, FORMATS } from '../estimator/formats.ts';
import type { GpuRecord } from '../hardware/schema.ts';
import { firstGenerationWith } from '../hardware/tensorcores.ts';
import { card } from './chapter-inputs.ts';

/** INT8 absmax quantisation of a few values, each with the share of its value the rounding lost. */
function int8(values: readonly number[]) {
  return quantizeInt8Tensor(values).map((v) => ({ ...v, lostShare: Math.abs(v.absoluteError / v.input) }));
}

/** Every number of the chapter, for the spec data `cards` (the site's card collection). */
export function numberFormatsChapter(cards: readonly GpuRecord[]) {
  const ex = roundToFormat(0.1, 'bf16');
  return {
    floatRows: FLOAT_FORMAT_IDS.map((id) => ({ id, f: floatFacts(id) })),
    f16: floatFacts('fp16'),
    b16: floatFacts('bf16'),
    t32: floatFacts('tf32'),
    e4: floatFacts('fp8-e4m3'),
    e5: floatFacts('fp8-e5m2'),
    f4: floatFacts('fp4-e2m1'),
    bytesOf: { fp32: bytesPerValue('fp32'), bf16: bytesPerValue('bf16'), 'fp8-e4m3': bytesPerValue('fp8-e4m3') },
    ex,
    exE: parseInt(ex.exponentBits, 2),
    exM: parseInt(ex.mantissaBits, 2),
    tf32Of01: roundToFormat(0.1, 'tf32'),
    sum2049: roundToFormat(2049, 'fp16'),
    big: roundToFormat(70000, 'fp16'),
    tinyF16: roundToFormat(1e-8, 'fp16'),
    tinyB16: roundToFormat(1e-8, 'bf16'),
    upd16: roundToFormat(1 + 1e-4, 'fp16'),
    upd32: roundToFormat(1 + 1e-4, 'fp32'),
    demo: lossScalingDemo(1e-8, 1024),
    demoBig: lossScalingDemo(1e-8, 65536),
    q: int8([0.52, -6.35, 0.013, 0.9]),
    qNoOutlier: int8([0.52, 0.013, 0.9]),
    firstBf16: firstGenerationWith(cards, 'bf16'),
    firstTf32: firstGenerationWith(cards, 'tf32'),
    firstFp8: firstGenerationWith(cards, 'fp8'),
    firstFp4: firstGenerationWith(cards, 'fp4'),
    firstFp16: firstGenerationWith(cards, 'fp16-fp32acc'),
    a100: card(cards, 'a100-sxm-80gb'),
    r4090: card(cards, 'rtx-4090'),
    // QLoRA's NF4: 4-bit values, one FP32 scale per 64, or (double quantisation) an 8-bit scale per 64 and an FP32 one per 256 scales (Dettmers et al. 2023, §3).
    nf4Plain: blockwiseBitsPerValue(FORMATS.nf4.storageBits, 64, 32),
    nf4Double: blockwiseBitsPerValue(FORMATS.nf4.storageBits, 64, 8, { blockSize: 256, scaleBits: 32 }),
  };
}
