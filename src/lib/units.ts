/**
 * Units and number formatting shared by every page, island and the CLI.
 * Binary prefixes (KiB = 1024 B) for memory sizes, decimal (GB = 10^9 B) for bandwidth, as vendors quote them.
 */

/** Bytes in one KiB, MiB, GiB, TiB. */
const KIB = 1024;
export const MIB = 1024 ** 2;
export const GIB = 1024 ** 3;
const TIB = 1024 ** 4;

/** One decimal gigabyte (10^9 bytes), the unit of vendor bandwidth figures. */
export const GB = 1e9;
/** One tera-operation (10^12), the unit of vendor throughput figures. */
export const TERA = 1e12;

/** The binary units a byte count can be shown in. */
export type ByteUnit = 'B' | 'KiB' | 'MiB' | 'GiB' | 'TiB';

/** Size of one of each binary unit in bytes. */
const BYTE_UNIT_SIZE: Record<ByteUnit, number> = { B: 1, KiB: KIB, MiB: MIB, GiB: GIB, TiB: TIB };

/**
 * Formats a number with a fixed count of significant digits and thousands separators, never "NaN".
 * @example formatNumber(1234567.8) //=> "1,234,568"
 * @example formatNumber(0.012345, 3) //=> "0.0123"
 */
export function formatNumber(value: number, significantDigits = 3, locale = 'en-US'): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const digitsBeforePoint = Math.floor(Math.log10(abs)) + 1;
  const fractionDigits = Math.max(0, Math.min(20, significantDigits - digitsBeforePoint));
  return value.toLocaleString(locale, { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
}

/**
 * Picks the largest binary unit in which the value is at least 1 and formats it.
 * @example formatBytes(1536) //=> "1.5 KiB"
 * @example formatBytes(16 * 1024 ** 3) //=> "16 GiB"
 */
export function formatBytes(bytes: number, significantDigits = 3, locale = 'en-US'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  const units: ByteUnit[] = ['TiB', 'GiB', 'MiB', 'KiB'];
  for (const unit of units) {
    if (bytes >= BYTE_UNIT_SIZE[unit]) return `${formatNumber(bytes / BYTE_UNIT_SIZE[unit], significantDigits, locale)} ${unit}`;
  }
  return `${formatNumber(bytes, significantDigits, locale)} B`;
}

/**
 * Formats a byte count in one given unit.
 * @example formatBytesIn(3 * 1024 ** 2, 'KiB') //=> "3,072 KiB"
 */
export function formatBytesIn(bytes: number, unit: ByteUnit, significantDigits = 4, locale = 'en-US'): string {
  return `${formatNumber(bytes / BYTE_UNIT_SIZE[unit], significantDigits, locale)} ${unit}`;
}

