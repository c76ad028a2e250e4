/**
 * The rows of a card's spec table: anchor id, label, unit, how a value reads, which record fields' sources support it,
 * and which direction is better. Used by the card pages, the series pages, the compare page and the downloads,
 * so every page reads a value the same way.
 */
import { SERIES, type GpuRecord } from '../../lib/hardware/schema.ts';
import { nvlinkBidirectionalGBs, pcieLinkScore, type Better, type NullMeaning } from '../../lib/hardware/specs.ts';
import { formatNumber } from '../../lib/units.ts';
import { seriesNames } from '../../i18n/series-names.ts';

/** How a series is named on the site. */
export const SERIES_LABEL = seriesNames('Data-center and workstation (reference)');

/** How an architecture is named on the site. */
export const ARCHITECTURE_LABEL: Record<GpuRecord['architecture'], string> = {
  pascal: 'Pascal',
  volta: 'Volta',
  turing: 'Turing',
  ampere: 'Ampere',
  ada: 'Ada Lovelace',
  hopper: 'Hopper',
  blackwell: 'Blackwell',
};

const FORM_FACTOR_LABEL: Record<GpuRecord['formFactor'], string> = { pcie: 'PCIe card', sxm: 'SXM module', mezzanine: 'Mezzanine module' };

/** Words for a missing value: the card cannot do it, or the vendor published none. */
export const NULL_TEXT: Record<NullMeaning, string> = { unsupported: 'not supported', unknown: 'not published' };

/** Groups of the spec table, in order. */
export const GROUPS = [
  { id: 'identity', anchor: 'identity', title: 'Identity' },
  { id: 'compute', anchor: 'compute', title: 'Compute (dense, boost clock)' },
  // The heading anchor differs from the `#memory` row so a cited row link lands on the row, not the heading.
  { id: 'memory', anchor: 'memory-and-io', title: 'Memory and I/O' },
  { id: 'power', anchor: 'power', title: 'Power' },
] as const;

/** One row of the spec table. */
export interface SpecRow {
  /** Kebab-case anchor id, stable once published (`#tensor-fp16-fp32acc`). */
  anchor: string;
  /** What the row holds. */
  label: string;
  /** Unit shown in the header, or null for text values. */
  unit: string | null;
  group: (typeof GROUPS)[number]['id'];
  /** Record fields whose sources and notes belong to this row. */
  fields: (keyof GpuRecord)[];
  /** What a null value means. */
  nullMeans: NullMeaning;
  /** The value as a number for comparison and sorting, or null. */
  numeric: (g: GpuRecord) => number | null;
  /** The value as the reader sees it (never blank). */
  text: (g: GpuRecord) => string;
  /** Better direction, or undefined where neither direction is better (dates, names). */
  better?: Better;
}

/** Exact stored number with thousands separators (no rounding: these are the cited figures). */
export const exact = (v: number): string => formatNumber(v, 12);

/** A numeric row whose value is `field` of the record. */
function numberRow(anchor: string, label: string, unit: string, group: SpecRow['group'], field: keyof GpuRecord, better: Better | null, nullMeans: NullMeaning = 'unsupported'): SpecRow {
  const get = (g: GpuRecord) => g[field] as number | null;
  return {
    anchor, label, unit, group, fields: [field], nullMeans, numeric: get,
    ...(better ? { better } : {}),
    text: (g) => {
      const v = get(g);
      return v === null ? NULL_TEXT[nullMeans] : exact(v);
    },
  };
}

/** A text row. */
function textRow(anchor: string, label: string, group: SpecRow['group'], fields: (keyof GpuRecord)[], text: (g: GpuRecord) => string): SpecRow {
  return { anchor, label, unit: null, group, fields, nullMeans: 'unsupported', numeric: () => null, text };
}

/** Every row of a card's spec table, in display order. */
export const SPEC_ROWS: readonly SpecRow[] = [
  textRow('series', 'Series', 'identity', ['series'], (g) => SERIES_LABEL[g.series]),
  textRow('architecture', 'Architecture', 'identity', ['architecture'], (g) => ARCHITECTURE_LABEL[g.architecture]),
  textRow('chip', 'Chip', 'identity', ['chip'], (g) => g.chip),
  textRow('compute-capability', 'CUDA compute capability', 'identity', ['computeCapability'], (g) => g.computeCapability),
  textRow('launch-date', 'Launch date', 'identity', ['launchDate'], (g) => g.launchDate),
  numberRow('launch-price', 'Launch price, MSRP', 'USD', 'identity', 'launchPriceUsd', 'lower', 'unknown'),
  textRow('form-factor', 'Form factor', 'identity', ['formFactor'], (g) => FORM_FACTOR_LABEL[g.formFactor]),

  numberRow('cuda-cores', 'CUDA cores', 'count', 'compute', 'cudaCores', 'higher'),
  {
    ...numberRow('tensor-cores', 'Tensor Cores', 'count', 'compute', 'tensorCores', 'higher'),
    text: (g) => (g.tensorCores === 0 ? `0 (${NULL_TEXT.unsupported})` : exact(g.tensorCores)),
  },
  {
    ...textRow('tensor-core-generation', 'Tensor Core generation', 'compute', ['tensorCoreGeneration', 'tensorCores'], (g) =>
      g.tensorCoreGeneration === null ? NULL_TEXT.unsupported : `${ordinal(g.tensorCoreGeneration)} generation`),
    numeric: (g) => g.tensorCoreGeneration,
    better: 'higher',
  },
  numberRow('boost-clock', 'Boost clock', 'MHz', 'compute', 'boostClockMHz', 'higher'),
  {
    ...numberRow('tensor-clock', 'Clock the tensor figures assume', 'MHz', 'compute', 'tensorClockMHz', null),
    text: (g) => (g.tensorClockMHz === null ? 'the boost clock' : exact(g.tensorClockMHz)),
  },
  numberRow('fp32', 'FP32 (non-tensor)', 'TFLOPS', 'compute', 'fp32Tflops', 'higher'),
  numberRow('fp16', 'FP16 (non-tensor)', 'TFLOPS', 'compute', 'fp16Tflops', 'higher'),
  numberRow('tensor-fp16-fp16acc', 'Tensor FP16, FP16 accumulate', 'TFLOPS', 'compute', 'tensorFp16Fp16AccTflops', 'higher'),
  numberRow('tensor-fp16-fp32acc', 'Tensor FP16, FP32 accumulate', 'TFLOPS', 'compute', 'tensorFp16Fp32AccTflops', 'higher'),
  numberRow('tensor-bf16', 'Tensor BF16', 'TFLOPS', 'compute', 'bf16Tflops', 'higher'),
  numberRow('tensor-tf32', 'Tensor TF32', 'TFLOPS', 'compute', 'tf32Tflops', 'higher'),
  numberRow('int8', 'INT8 (tensor, else DP4A)', 'TOPS', 'compute', 'int8Tops', 'higher'),
  numberRow('tensor-fp8', 'Tensor FP8', 'TFLOPS', 'compute', 'fp8Tflops', 'higher'),
  numberRow('tensor-fp4', 'Tensor FP4', 'TFLOPS', 'compute', 'fp4Tflops', 'higher'),
  textRow('sparsity', '2:4 sparsity doubles tensor rates', 'compute', ['sparsityDoubles'], (g) => (g.sparsityDoubles ? 'yes' : 'no')),

  numberRow('memory', 'Memory', 'GB', 'memory', 'memoryGB', 'higher'),
  textRow('memory-type', 'Memory type', 'memory', ['memoryType'], (g) => g.memoryType),
  numberRow('memory-bus', 'Memory bus width', 'bits', 'memory', 'memoryBusBits', 'higher'),
  numberRow('memory-data-rate', 'Memory data rate', 'Gbit/s per pin', 'memory', 'memoryDataRateGbps', 'higher'),
  numberRow('memory-bandwidth', 'Memory bandwidth', 'GB/s', 'memory', 'memoryBandwidthGBs', 'higher'),
  numberRow('l2-cache', 'L2 cache', 'MB', 'memory', 'l2CacheMB', 'higher'),
  {
    ...textRow('pcie', 'PCIe host link', 'memory', ['pcieGen', 'pcieLanes'], (g) => `PCIe ${g.pcieGen}.0 ×${g.pcieLanes}`),
    numeric: (g) => pcieLinkScore(g.pcieGen, g.pcieLanes),
    better: 'higher',
  },
  {
    ...textRow('nvlink', 'NVLink', 'memory', ['nvlink'], (g) =>
      g.nvlink === null
        ? NULL_TEXT.unsupported
        : `${exact(g.nvlink.bandwidthGBs)} GB/s ${g.nvlink.convention === 'bidirectional' ? 'both directions summed' : 'per direction'}, up to ${g.nvlink.maxCards} cards`),
    numeric: (g) => nvlinkBidirectionalGBs(g.nvlink),
    better: 'higher',
  },

  numberRow('board-power', 'Board power (TDP/TGP)', 'W', 'power', 'boardPowerW', 'lower'),
  numberRow('recommended-psu', 'Recommended system PSU', 'W', 'power', 'recommendedPsuW', 'lower', 'unknown'),
];

/** "1st", "2nd", "3rd", "4th", ... */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** Label with its unit, for a header cell: "Memory bandwidth (GB/s)". */
export function rowHeader(row: Pick<SpecRow, 'label' | 'unit'>): string {
  return row.unit ? `${row.label} (${row.unit})` : row.label;
}

/** 1-based numbers of the sources that list any of the row's fields, in source order. */
export function footnotesFor(card: GpuRecord, fields: readonly (keyof GpuRecord)[]): number[] {
  return card.sources.flatMap((s, i) => (s.fields.some((f) => (fields as readonly string[]).includes(f)) ? [i + 1] : []));
}

/** The card's notes that concern any of the row's fields. */
export function notesFor(card: GpuRecord, fields: readonly (keyof GpuRecord)[]): string[] {
  return card.notes.filter((n) => (fields as readonly string[]).includes(n.field)).map((n) => n.text);
}

/** The reader's name for a record field: the label of the first row that shows it ("Memory bandwidth (GB/s)"). */
export function fieldLabel(field: string): string {
  const row = SPEC_ROWS.find((r) => (r.fields as string[]).includes(field));
  if (row) return rowHeader(row);
  return field.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** The card's single-source marks on any of the row's fields. */
export function singleSourceFor(card: GpuRecord, fields: readonly (keyof GpuRecord)[]): GpuRecord['singleSource'] {
  return card.singleSource.filter((m) => (fields as readonly string[]).includes(m.field));
}

/** One printed figure of a disagreement, with its footnote number (1-based) in the card's sources. */
export interface DisagreementFigure {
  text: string;
  footnote: number;
  used: boolean;
}

/** Where documents disagree on any of the row's fields: each figure with its footnote, and why the stored one is used. */
export function disagreementsFor(card: GpuRecord, fields: readonly (keyof GpuRecord)[]): { figures: DisagreementFigure[]; why: string }[] {
  return card.disagreements
    .filter((d) => (fields as readonly string[]).includes(d.field))
    .map((d) => ({
      why: d.why,
      figures: d.values.map((v) => ({
        text: exact(v.value),
        footnote: card.sources.findIndex((s) => s.title === v.source) + 1,
        used: v.value === d.used,
      })),
    }));
}

/** Card page path. */
export const cardPath = (id: string): string => `/gpus/${id}/`;
/** Series overview path. */
export const seriesPath = (series: string): string => `/gpus/series/${series}/`;

/**
 * The series that have at least one card in `cards`, in the site's series order.
 * @example presentSeries([{ series: 'geforce-40' }]) //=> ['geforce-40']
 */
export const presentSeries = (cards: readonly { series: string }[]): GpuRecord['series'][] => SERIES.filter((s) => cards.some((c) => c.series === s));
/** Compare page path for some ids. */
export const comparePath = (ids: readonly string[]): string => `/gpus/compare/?ids=${ids.map(encodeURIComponent).join(',')}`;
