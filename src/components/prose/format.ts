/**
 * The number formatters chapters use in prose and in TeX, in one place so that every
 * chapter (and its Chinese twin) writes "3.5 GiB" or "42%" the same way.
 * Values arrive in base units (bytes, fractions, dollars); the helpers only format.
 */
import { formatBytesIn, formatNumber, GIB } from '../../lib/units.ts';

export interface ProseFormat {
  /** A number to `digits` significant digits, grouped ("1,234"). */
  n: (x: number, digits?: number) => string;
  /** The same inside TeX: commas wrapped as `{,}` so KaTeX does not space them. */
  tn: (x: number, digits?: number) => string;
  /** Bytes as GiB with the unit ("14.96 GiB"). */
  gib: (bytes: number, digits?: number) => string;
  /** Bytes as a bare GiB number ("14.96"), for tables whose header names the unit. */
  gibValue: (bytes: number, digits?: number) => string;
  /** A fraction as a percentage ("0.42" → "42%"). */
  pct: (fraction: number, digits?: number) => string;
  /** A signed fraction as a percentage with an explicit sign ("+4.2%", "−3.1%"). */
  signedPct: (fraction: number, digits?: number) => string;
  /** US dollars ("$1,599"). */
  usd: (x: number, digits?: number) => string;
  /** Scientific notation for TeX ("3.14 \\times 10^{23}"); 0 prints as "0". */
  sci: (x: number, digits?: number) => string;
  /** FLOP/s as TFLOPS to 4 significant digits ("165.2"). */
  tflops: (flopsPerSecond: number) => string;
}

export function proseFormat(numberLocale = 'en-US'): ProseFormat {
  const n = (x: number, digits = 3) => formatNumber(x, digits, numberLocale);
  return {
    n,
    tn: (x, digits = 3) => n(x, digits).replace(/,/g, '{,}'),
    gib: (bytes, digits = 3) => formatBytesIn(bytes, 'GiB', digits, numberLocale),
    gibValue: (bytes, digits = 3) => n(bytes / GIB, digits),
    pct: (fraction, digits = 2) => `${n(100 * fraction, digits)}%`,
    signedPct: (fraction, digits = 2) => `${fraction >= 0 ? '+' : '−'}${n(Math.abs(100 * fraction), digits)}%`,
    usd: (x, digits = 3) => `$${n(x, digits)}`,
    sci: (x, digits = 3) => {
      if (x === 0 || !Number.isFinite(x)) return n(x, digits);
      // The small epsilon keeps an exact power of ten whose logarithm lands just under the integer (1e24 → 23.999…) at its own exponent.
      const e = Math.floor(Math.log10(Math.abs(x)) + 1e-9);
      return `${n(x / 10 ** e, digits)} \\times 10^{${e}}`;
    },
    tflops: (flopsPerSecond) => n(flopsPerSecond / 1e12, 4),
  };
}
