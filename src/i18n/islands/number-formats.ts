/** Words of the number-format explorer. */
export const en = {
  /** Accessible name of the explorer region. */
  title: 'Number format explorer',
  valueLabel: 'Value',
  valueHint: 'A decimal, scientific notation or a power of two, e.g. 0.1, 3.3e-5, 2^-14',
  /** Caption of the per-format table; placeholder {value}. */
  tableCaption: '{value} rounded to the nearest value of each format (ties to even)',
  formatHeader: 'Format',
  bitsHeader: 'Stored bits',
  storedHeader: 'Stored value',
  errorHeader: 'Relative error',
  noteHeader: 'What happened',
  /** Text labels under the bit groups. */
  signCaption: 'sign',
  exponentCaption: 'exponent',
  mantissaCaption: 'mantissa',
  /** Shown for an exact result. */
  exact: '0 (exact)',
  /** Notes per rounding category; {max} is the format's largest finite value. */
  notes: {
    subnormal: 'subnormal: fewer significant bits',
    zero: 'zero',
    underflow: 'underflow: too small, stored as 0',
    overflowInf: 'overflow: above {max}, becomes infinity',
    overflowNan: 'overflow: above {max}; E4M3 has no infinity, so it becomes NaN',
    overflowSaturate: 'overflow: clamped to the largest value, {max}',
  },
  /** Stored-value words for non-finite codes. */
  infinity: 'infinity',
  nanCode: 'NaN code',
  lossTitle: 'Loss scaling: a small gradient in FP16',
  gradientLabel: 'Gradient',
  gradientHint: 'The true gradient value, e.g. 1e-8',
  scaleLabel: 'Loss scale',
  scaleHint: 'The factor the loss is multiplied by, e.g. 1024 or 65536',
  unscaledLabel: 'Stored in FP16 without scaling',
  scaledLabel: 'Gradient × scale, stored in FP16',
  recoveredLabel: 'Divided by the scale again in FP32',
  /** Verdicts; placeholders {scale}, {error}, {max}, {minSub}. */
  verdictLost: 'Without scaling the gradient is below FP16’s smallest value ({minSub}) and becomes 0: this weight never learns.',
  verdictKept: 'This gradient is large enough for FP16 even without scaling.',
  verdictRecovered: 'With a loss scale of {scale} the gradient survives: relative error {error}.',
  verdictStillLost: 'A scale of {scale} is not enough: the scaled gradient still underflows. Try a larger scale.',
  verdictOverflow: 'Gradient × {scale} is above FP16’s largest value ({max}) and overflows. Dynamic loss scaling would skip this step and lower the scale.',
  errors: {
    empty: 'Enter a number.',
    notANumber: 'Not a number. Use digits, e.g. 0.1, 1e-8 or 2^-14.',
    outOfRange: 'Too large for a 64-bit double; enter a finite number.',
    notPositive: 'The loss scale must be greater than 0.',
  },
};

/** The shape of these words in every locale: the English table's own type. */
export type NumberFormatsWords = typeof en;
