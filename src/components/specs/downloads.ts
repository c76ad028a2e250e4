/**
 * The downloadable forms of the spec data, /gpus.json and /gpus.csv, built from the same validated records as the pages.
 */
import type { GpuRecord } from '../../lib/hardware/schema.ts';

/** Scalar record fields in CSV column order (nvlink, sources, notes, single-source marks and disagreements are flattened after them). */
export const CSV_SCALAR_FIELDS = [
  'id', 'name', 'series', 'architecture', 'chip', 'computeCapability', 'launchDate', 'launchPriceUsd', 'formFactor',
  'cudaCores', 'tensorCores', 'tensorCoreGeneration', 'boostClockMHz', 'tensorClockMHz',
  'fp32Tflops', 'fp16Tflops', 'tensorFp16Fp16AccTflops', 'tensorFp16Fp32AccTflops', 'bf16Tflops', 'tf32Tflops',
  'int8Tops', 'fp8Tflops', 'fp4Tflops', 'sparsityDoubles',
  'memoryGB', 'memoryType', 'memoryBusBits', 'memoryDataRateGbps', 'memoryBandwidthGBs', 'l2CacheMB',
  'pcieGen', 'pcieLanes', 'boardPowerW', 'recommendedPsuW',
] as const satisfies readonly (keyof GpuRecord)[];

/** Every CSV column, in order. */
export const CSV_COLUMNS = [
  ...CSV_SCALAR_FIELDS, 'nvlinkBandwidthGBs', 'nvlinkConvention', 'nvlinkMaxCards', 'permalink', 'sources', 'notes',
  'singleSource', 'disagreements', 'dataVersion', 'license',
] as const;

/** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180); null becomes an empty cell. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A card's sources as one cell: "[1] title <url> (locator) supports: a b c; [2] ...". */
export function sourcesCell(card: GpuRecord): string {
  return card.sources.map((s, i) => `[${i + 1}] ${s.title} <${s.url}> (${s.locator}) supports: ${s.fields.join(' ')}`).join('; ');
}

/** The whole CSV: a header line, then one line per card, CRLF line ends. Missing values are empty cells. */
export function toCsv(cards: readonly GpuRecord[], opts: { site: URL; dataVersion: string; license: string }): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const card of cards) {
    const cells: (string | number | boolean | null)[] = [
      ...CSV_SCALAR_FIELDS.map((f) => card[f] as string | number | boolean | null),
      card.nvlink?.bandwidthGBs ?? null,
      card.nvlink?.convention ?? null,
      card.nvlink?.maxCards ?? null,
      new URL(`/gpus/${card.id}/`, opts.site).href,
      sourcesCell(card),
      card.notes.map((n) => `${n.field}: ${n.text}`).join(' | '),
      card.singleSource.map((m) => m.field).join(' '),
      card.disagreements.map((d) => `${d.field}: ${d.values.map((v) => `${v.value} (${v.source})`).join(' vs ')}; used ${d.used}`).join(' | '),
      opts.dataVersion,
      opts.license,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
