/**
 * Number formats (dtypes) and what one value of each costs in storage.
 * Sources: IEEE 754-2019 (binary32, binary16); Google's bfloat16 (Wang & Kanwar 2019); NVIDIA A100 whitepaper (TF32);
 * Micikevicius et al. 2022, "FP8 Formats for Deep Learning" (E4M3, E5M2); Dettmers et al. 2023, QLoRA §2 (NF4).
 */

/** Every number format the site discusses. */
export const FORMAT_IDS = ['fp64', 'fp32', 'tf32', 'fp16', 'bf16', 'fp8-e4m3', 'fp8-e5m2', 'int8', 'int4', 'nf4', 'fp4-e2m1'] as const;

/** A number format id. */
export type FormatId = (typeof FORMAT_IDS)[number];

/** How a format lays out its bits and what a stored value costs. */
export interface NumberFormat {
  /** Id used in URLs, the CLI and the data. */
  id: FormatId;
  /** Display name. */
  label: string;
  /** Bits a stored value occupies in memory (TF32 is computed in 19 bits but stored as 32). */
  storageBits: number;
  /** Sign bits. */
  signBits: number;
  /** Exponent bits; 0 for integer formats. */
  exponentBits: number;
  /** Stored mantissa (fraction) bits; for integers, the value bits without the sign. */
  mantissaBits: number;
  /** Floating point, integer, or a lookup-table code (NF4). */
  kind: 'float' | 'int' | 'lookup';
}

/** The formats, by id. */
export const FORMATS: Record<FormatId, NumberFormat> = {
  fp64: { id: 'fp64', label: 'FP64', storageBits: 64, signBits: 1, exponentBits: 11, mantissaBits: 52, kind: 'float' },
  fp32: { id: 'fp32', label: 'FP32', storageBits: 32, signBits: 1, exponentBits: 8, mantissaBits: 23, kind: 'float' },
  tf32: { id: 'tf32', label: 'TF32', storageBits: 32, signBits: 1, exponentBits: 8, mantissaBits: 10, kind: 'float' },
  fp16: { id: 'fp16', label: 'FP16', storageBits: 16, signBits: 1, exponentBits: 5, mantissaBits: 10, kind: 'float' },
  bf16: { id: 'bf16', label: 'BF16', storageBits: 16, signBits: 1, exponentBits: 8, mantissaBits: 7, kind: 'float' },
  'fp8-e4m3': { id: 'fp8-e4m3', label: 'FP8 E4M3', storageBits: 8, signBits: 1, exponentBits: 4, mantissaBits: 3, kind: 'float' },
  'fp8-e5m2': { id: 'fp8-e5m2', label: 'FP8 E5M2', storageBits: 8, signBits: 1, exponentBits: 5, mantissaBits: 2, kind: 'float' },
  int8: { id: 'int8', label: 'INT8', storageBits: 8, signBits: 1, exponentBits: 0, mantissaBits: 7, kind: 'int' },
  int4: { id: 'int4', label: 'INT4', storageBits: 4, signBits: 1, exponentBits: 0, mantissaBits: 3, kind: 'int' },
  nf4: { id: 'nf4', label: 'NF4', storageBits: 4, signBits: 0, exponentBits: 0, mantissaBits: 4, kind: 'lookup' },
  'fp4-e2m1': { id: 'fp4-e2m1', label: 'FP4 E2M1', storageBits: 4, signBits: 1, exponentBits: 2, mantissaBits: 1, kind: 'float' },
};

/**
 * Bytes one stored value of the format occupies (may be fractional for 4-bit formats).
 * @example bytesPerValue('bf16') //=> 2
 * @example bytesPerValue('nf4') //=> 0.5
 */
export function bytesPerValue(format: FormatId): number {
  return FORMATS[format].storageBits / 8;
}

/** Type guard for format ids coming from URLs or JSON. */
export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && (FORMAT_IDS as readonly string[]).includes(value);
}

/**
 * Average storage bits per value when each block of `blockSize` values shares one scale of `scaleBits`; with `outer`, the scales
 * are themselves quantized and each block of `outer.blockSize` scales shares one `outer.scaleBits` constant
 * (Dettmers et al. 2023, QLoRA §2, "Double Quantization": 4 + 32/64 = 4.5 bits, or 4 + 8/64 + 32/(64·256) ≈ 4.127 bits).
 * @example blockwiseBitsPerValue(4, 64, 32) //=> 4.5
 * @example blockwiseBitsPerValue(4, 64, 8, { blockSize: 256, scaleBits: 32 }) //=> 4.126953125
 */
export function blockwiseBitsPerValue(valueBits: number, blockSize: number, scaleBits: number, outer?: { blockSize: number; scaleBits: number }): number {
  const scaleOverhead = scaleBits / blockSize;
  const outerOverhead = outer ? outer.scaleBits / (blockSize * outer.blockSize) : 0;
  return valueBits + scaleOverhead + outerOverhead;
}
