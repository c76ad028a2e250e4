/**
 * Bit-level rounding of a number into a floating-point format, for the number-format explorer.
 * Sources: IEEE 754-2019 §4.3.1 (round to nearest, ties to even) and §3.4 (binary interchange layout);
 * Micikevicius et al. 2022, "FP8 Formats for Deep Learning", Table 1 (E4M3 without infinities, E5M2 IEEE-like);
 * OCP Microscaling Formats (MX) v1.0 spec (FP4 E2M1: no Inf, no NaN); Micikevicius et al. 2018,
 * "Mixed Precision Training" §3.2 (loss scaling); Dettmers et al. 2022, "LLM.int8()" §2 (absmax INT8 quantization).
 */
import { FORMATS, type FormatId } from '../estimator/formats.ts';

/** The floating-point formats the explorer can round into. */
export const FLOAT_FORMAT_IDS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8-e4m3', 'fp8-e5m2', 'fp4-e2m1'] as const satisfies readonly FormatId[];

/** A floating-point format id the explorer supports. */
export type FloatFormatId = (typeof FLOAT_FORMAT_IDS)[number];

/**
 * Which special values a format reserves codes for:
 * `ieee` = the all-ones exponent holds ±Inf and NaN; `nan-only` = only S.1111.111 is NaN (E4M3); `none` = every code is finite (E2M1).
 */
export type SpecialValues = 'ieee' | 'nan-only' | 'none';

/** What a rounded value turned out to be. */
export type FloatCategory = 'normal' | 'subnormal' | 'zero' | 'overflow' | 'underflow-to-zero' | 'inf' | 'nan';

/** Range and precision of a float format, all derived from its bit layout. */
export interface FloatFacts {
  /** The format. */
  format: FloatFormatId;
  /** Exponent field width in bits. */
  exponentBits: number;
  /** Stored mantissa (fraction) width in bits. */
  mantissaBits: number;
  /** Exponent bias, 2^(exponentBits - 1) - 1. */
  bias: number;
  /** Which special values the format encodes. */
  specialValues: SpecialValues;
  /** Largest finite magnitude. */
  maxFinite: number;
  /** Smallest positive normal magnitude, 2^(1 - bias). */
  minNormal: number;
  /** Smallest positive subnormal magnitude, 2^(1 - bias - mantissaBits). */
  minSubnormal: number;
  /** Machine epsilon: the gap between 1 and the next larger value, 2^-mantissaBits. */
  epsilon: number;
  /** Decimal digits of precision, (mantissaBits + 1) · log10(2). */
  decimalDigits: number;
}

/** One number rounded into a format, with the bits it is stored as. */
export interface FloatEncoding {
  /** The format rounded into. */
  format: FloatFormatId;
  /** The number given. */
  input: number;
  /** Sign bit (1 for negative numbers, −0 and −Inf). */
  sign: 0 | 1;
  /** Exponent field as a string of 0/1, most significant bit first; empty where the format has no code for the value (NaN in FP4). */
  exponentBits: string;
  /** Mantissa field as a string of 0/1, most significant bit first; empty where the format has no code for the value. */
  mantissaBits: string;
  /** The value the stored bits represent (±Infinity or NaN on overflow unless saturating). */
  roundedValue: number;
  /** Signed relative error (roundedValue − input) / input; 0 for a zero input, NaN when either side is NaN. */
  relativeError: number;
  /** What the stored value is; `overflow` also covers an infinite input in a format without infinities. */
  category: FloatCategory;
}

/** Options for rounding into a format. */
export interface RoundOptions {
  /** Clamp overflowing values to ±maxFinite instead of ±Inf (or NaN in E4M3); FP4 E2M1 always saturates. */
  saturate?: boolean;
}

const SPECIAL_VALUES: Record<FloatFormatId, SpecialValues> = {
  fp32: 'ieee',
  tf32: 'ieee',
  fp16: 'ieee',
  bf16: 'ieee',
  'fp8-e4m3': 'nan-only',
  'fp8-e5m2': 'ieee',
  'fp4-e2m1': 'none',
};

/**
 * Type guard for the formats the explorer can round into.
 * @example isFloatFormatId('bf16') //=> true
 * @example isFloatFormatId('int8') //=> false
 */
export function isFloatFormatId(value: unknown): value is FloatFormatId {
  return typeof value === 'string' && (FLOAT_FORMAT_IDS as readonly string[]).includes(value);
}

/**
 * Range and precision facts of a float format, computed from its exponent and mantissa widths and its special-value convention.
 * @example floatFacts('fp16').maxFinite //=> 65504
 * @example floatFacts('fp8-e4m3').maxFinite //=> 448
 */
export function floatFacts(format: FloatFormatId): FloatFacts {
  const { exponentBits, mantissaBits } = FORMATS[format];
  const specialValues = SPECIAL_VALUES[format];
  // IEEE 754-2019 §3.4: bias = 2^(w-1) - 1, emin = 1 - bias; same bias in the FP8 paper (Table 1) and the OCP MX spec.
  const bias = 2 ** (exponentBits - 1) - 1;
  const minNormalExponent = 1 - bias;
  // IEEE reserves the all-ones exponent; E4M3 reserves only the all-ones mantissa within it (FP8 paper Table 1); E2M1 reserves nothing.
  const maxBiasedExponent = specialValues === 'ieee' ? 2 ** exponentBits - 2 : 2 ** exponentBits - 1;
  const maxMantissaCode = specialValues === 'nan-only' ? 2 ** mantissaBits - 2 : 2 ** mantissaBits - 1;
  return {
    format,
    exponentBits,
    mantissaBits,
    bias,
    specialValues,
    maxFinite: (1 + maxMantissaCode / 2 ** mantissaBits) * 2 ** (maxBiasedExponent - bias),
    minNormal: 2 ** minNormalExponent,
    minSubnormal: 2 ** (minNormalExponent - mantissaBits),
    epsilon: 2 ** -mantissaBits,
    // Precision p = mantissaBits + 1 significant bits ≈ p·log10(2) decimal digits (Goldberg 1991, "What Every Computer Scientist…", §1.1).
    decimalDigits: (mantissaBits + 1) * Math.log10(2),
  };
}

/**
 * Rounds half to even: 2.5 → 2, 3.5 → 4, −2.5 → −2.
 * @example roundHalfToEven(2.5) //=> 2
 */
export function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** floor(log2(a)) exactly, for a finite a > 0 (Math.log2 alone can be off by one near powers of two). */
function exponentOf(magnitude: number): number {
  let exponent = Math.floor(Math.log2(magnitude));
  while (2 ** exponent > magnitude) exponent -= 1;
  while (2 ** (exponent + 1) <= magnitude) exponent += 1;
  return exponent;
}

const bitString = (code: number, width: number): string => (width === 0 ? '' : code.toString(2).padStart(width, '0'));

/** Exponent and mantissa codes of a finite magnitude that is exactly representable in the format. */
function encodeMagnitude(magnitude: number, facts: FloatFacts): { exponentBits: string; mantissaBits: string } {
  const { exponentBits, mantissaBits, bias, minNormal } = facts;
  if (magnitude === 0) return { exponentBits: bitString(0, exponentBits), mantissaBits: bitString(0, mantissaBits) };
  if (magnitude < minNormal) {
    // Subnormal: biased exponent 0, value = mantissa · 2^(emin − mantissaBits) (IEEE 754-2019 §3.4 d).
    return { exponentBits: bitString(0, exponentBits), mantissaBits: bitString(magnitude / facts.minSubnormal, mantissaBits) };
  }
  const exponent = exponentOf(magnitude);
  // Normal: value = (1 + mantissa / 2^p) · 2^(biased − bias) (IEEE 754-2019 §3.4 c).
  const mantissaCode = (magnitude / 2 ** exponent - 1) * 2 ** mantissaBits;
  return { exponentBits: bitString(exponent + bias, exponentBits), mantissaBits: bitString(mantissaCode, mantissaBits) };
}

const allOnes = (width: number): string => '1'.repeat(width);
const zeros = (width: number): string => '0'.repeat(width);

/**
 * Rounds a number to the nearest value of a float format (ties to even) and returns its bits, error and category.
 * @example roundToFormat(0.1, 'bf16').roundedValue //=> 0.10009765625
 * @example roundToFormat(65520, 'fp16').category //=> "overflow"
 * @example roundToFormat(-2.5, 'fp16') //=> { sign: 1, exponentBits: "10000", mantissaBits: "0100000000", roundedValue: -2.5, ... }
 */
export function roundToFormat(value: number, format: FloatFormatId, options: RoundOptions = {}): FloatEncoding {
  const facts = floatFacts(format);
  const { exponentBits: e, mantissaBits: m, specialValues } = facts;
  const sign: 0 | 1 = value < 0 || Object.is(value, -0) ? 1 : 0;
  const signed = (magnitude: number): number => (sign === 1 ? -magnitude : magnitude);
  const result = (roundedValue: number, bits: { exponentBits: string; mantissaBits: string }, category: FloatCategory): FloatEncoding => ({
    format,
    input: value,
    sign,
    ...bits,
    roundedValue,
    relativeError: value === 0 ? 0 : (roundedValue - value) / value + 0,
    category,
  });

  if (Number.isNaN(value)) {
    const bits =
      specialValues === 'ieee'
        ? { exponentBits: allOnes(e), mantissaBits: '1' + zeros(m - 1) } // quiet NaN (IEEE 754-2019 §6.2.1)
        : specialValues === 'nan-only'
          ? { exponentBits: allOnes(e), mantissaBits: allOnes(m) }
          : { exponentBits: '', mantissaBits: '' };
    return result(Number.NaN, bits, 'nan');
  }

  const overflow = (): FloatEncoding => {
    if (options.saturate === true || specialValues === 'none') {
      return result(signed(facts.maxFinite), encodeMagnitude(facts.maxFinite, facts), 'overflow');
    }
    if (specialValues === 'ieee') return result(signed(Infinity), { exponentBits: allOnes(e), mantissaBits: zeros(m) }, 'overflow');
    // E4M3 has no infinities: a non-saturating conversion yields NaN (FP8 paper §3, Table 1).
    return result(Number.NaN, { exponentBits: allOnes(e), mantissaBits: allOnes(m) }, 'overflow');
  };

  if (!Number.isFinite(value)) {
    if (specialValues === 'ieee') return result(value, { exponentBits: allOnes(e), mantissaBits: zeros(m) }, 'inf');
    return overflow();
  }
  if (value === 0) return result(value, encodeMagnitude(0, facts), 'zero');

  const magnitude = Math.abs(value);
  // Quantum (ulp) of the binade holding the value; below minNormal the subnormal quantum 2^(emin − p) applies (IEEE 754-2019 §3.4).
  const exponent = Math.max(exponentOf(magnitude), 1 - facts.bias);
  const quantum = 2 ** (exponent - m);
  // Dividing by a power of two is exact, so the only rounding is the ties-to-even step (IEEE 754-2019 §4.3.1).
  const rounded = roundHalfToEven(magnitude / quantum) * quantum;

  if (rounded > facts.maxFinite) return overflow();
  if (rounded === 0) return result(signed(0), encodeMagnitude(0, facts), 'underflow-to-zero');
  return result(signed(rounded), encodeMagnitude(rounded, facts), rounded < facts.minNormal ? 'subnormal' : 'normal');
}

/** One value quantized to symmetric INT8. */
export interface Int8Quantized {
  /** The value given. */
  input: number;
  /** The largest magnitude in the tensor the scale comes from. */
  absMax: number;
  /** Step between adjacent integer codes, absMax / 127. */
  scale: number;
  /** Stored integer in [−127, 127]. */
  quantized: number;
  /** quantized × scale, what a kernel reads back. */
  dequantized: number;
  /** dequantized − input. */
  absoluteError: number;
}

/**
 * Quantizes one value to symmetric INT8 with an absmax scale: q = round(127 · x / absMax), clamped to ±127.
 * @example quantizeInt8(0.5, 1) //=> { quantized: 64, dequantized: 0.50393..., scale: 0.007874..., ... }
 */
export function quantizeInt8(value: number, absMax: number): Int8Quantized {
  if (!Number.isFinite(value)) throw new RangeError(`quantizeInt8: value must be finite, got ${value}`);
  if (!Number.isFinite(absMax) || absMax < 0) throw new RangeError(`quantizeInt8: absMax must be finite and >= 0, got ${absMax}`);
  // Dettmers et al. 2022, LLM.int8() §2 eq. 1: X_i8 = round(127 · X / absmax(X)); scale = absmax / 127.
  const scale = absMax / 127;
  const quantized = scale === 0 ? 0 : Math.min(127, Math.max(-127, roundHalfToEven(value / scale)));
  const dequantized = quantized * scale;
  return { input: value, absMax, scale, quantized: quantized + 0, dequantized: dequantized + 0, absoluteError: dequantized - value };
}

/**
 * Quantizes a tensor (flat list) to symmetric INT8 with one absmax scale for the whole list.
 * @example quantizeInt8Tensor([1, -0.5, 0.25]).map((q) => q.quantized) //=> [127, -64, 32]
 */
export function quantizeInt8Tensor(values: readonly number[]): Int8Quantized[] {
  const absMax = values.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  return values.map((v) => quantizeInt8(v, absMax));
}

/** What FP16 stores for one gradient with and without loss scaling. */
export interface LossScalingDemo {
  /** The true gradient. */
  gradient: number;
  /** The factor the loss (hence every gradient) is multiplied by. */
  lossScale: number;
  /** The gradient stored directly in FP16: small gradients underflow to zero. */
  unscaled: FloatEncoding;
  /** gradient × lossScale stored in FP16. */
  scaled: FloatEncoding;
  /** The scaled FP16 value divided by lossScale in FP32, as the optimizer sees it. */
  recoveredGradient: number;
  /** Relative error of the recovered gradient against the true one. */
  recoveredRelativeError: number;
  /** True when the scaled gradient overflowed FP16 (dynamic loss scaling would skip the step and lower the scale). */
  overflowed: boolean;
}

/**
 * Shows what FP16 keeps of a gradient without and with loss scaling, unscaling in FP32 afterwards.
 * @example lossScalingDemo(1e-8, 1024).unscaled.category //=> "underflow-to-zero"
 * @example lossScalingDemo(1e-8, 1024).recoveredGradient //=> 1.0011717677116394e-8
 */
export function lossScalingDemo(gradient: number, lossScale: number): LossScalingDemo {
  if (!Number.isFinite(lossScale) || lossScale <= 0) throw new RangeError(`lossScalingDemo: lossScale must be finite and > 0, got ${lossScale}`);
  const unscaled = roundToFormat(gradient, 'fp16');
  // Micikevicius et al. 2018 §3.2: scaling the loss by S scales every gradient by S (chain rule); weights update with grad / S in FP32.
  const scaled = roundToFormat(gradient * lossScale, 'fp16');
  const recoveredGradient = roundToFormat(scaled.roundedValue / lossScale, 'fp32').roundedValue;
  return {
    gradient,
    lossScale,
    unscaled,
    scaled,
    recoveredGradient,
    recoveredRelativeError: gradient === 0 ? 0 : (recoveredGradient - gradient) / gradient,
    overflowed: scaled.category === 'overflow' || scaled.category === 'inf',
  };
}

/** Why a typed number was rejected. */
export type NumberInputError = 'empty' | 'not-a-number' | 'out-of-range' | 'not-positive';

/** A typed number, parsed. */
export type NumberInput = { ok: true; value: number } | { ok: false; error: NumberInputError };

/**
 * Parses a decimal or scientific-notation number typed by a reader ("0.1", "-3e-8", "6.5e4", "2^-24"); rejects anything else,
 * and anything whose magnitude is beyond a double (so no Infinity or NaN leaves this function). `positive` also rejects values ≤ 0.
 * @example parseNumberInput('1e-8') //=> { ok: true, value: 1e-8 }
 * @example parseNumberInput('2^-24') //=> { ok: true, value: 5.960464477539063e-8 }
 * @example parseNumberInput('12abc') //=> { ok: false, error: 'not-a-number' }
 */
export function parseNumberInput(text: string, options: { positive?: boolean } = {}): NumberInput {
  const t = text.trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  if (t === '') return { ok: false, error: 'empty' };
  let value: number;
  const power = /^([+-]?)2\^([+-]?\d{1,4})$/.exec(t);
  if (power) value = (power[1] === '-' ? -1 : 1) * 2 ** Number(power[2]);
  else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) value = Number(t);
  else return { ok: false, error: 'not-a-number' };
  if (!Number.isFinite(value)) return { ok: false, error: 'out-of-range' };
  if (options.positive === true && !(value > 0)) return { ok: false, error: 'not-positive' };
  return { ok: true, value: value + 0 };
}
