/**
 * Domain logic behind the spec pages: which of several values is better, a card's neighbours in its series,
 * and the facts a series overview states (computed from the data, never typed).
 * Pure functions, no DOM, no Astro.
 */
import type { GpuRecord } from './schema.ts';

/** Which direction of a spec value is better for training and inference. */
export type Better = 'higher' | 'lower';

/**
 * How a missing (null) value compares: `unsupported` means the card cannot do it at all (counts as zero throughput);
 * `unknown` means the vendor published nothing (price, PSU), so it takes no part in the comparison.
 */
export type NullMeaning = 'unsupported' | 'unknown';

/**
 * Indexes of the best values in a row, or [] when there is nothing to decide (fewer than two comparable values,
 * or all comparable values equal). Ties for the best are all returned.
 * @example bestIndexes([35.6, 82.6], 'higher') //=> [1]
 * @example bestIndexes([null, 330.3], 'higher') //=> [1] (the first card lacks the format)
 * @example bestIndexes([1499, null], 'lower', 'unknown') //=> [] (only one price to compare)
 */
export function bestIndexes(values: readonly (number | null)[], better: Better, nullMeans: NullMeaning = 'unsupported'): number[] {
  const comparable = values
    .map((v, i) => ({ v: v === null ? (nullMeans === 'unsupported' ? 0 : null) : v, i }))
    .filter((x): x is { v: number; i: number } => x.v !== null && Number.isFinite(x.v));
  if (comparable.length < 2) return [];
  const best = better === 'higher' ? Math.max(...comparable.map((x) => x.v)) : Math.min(...comparable.map((x) => x.v));
  const winners = comparable.filter((x) => x.v === best).map((x) => x.i);
  return winners.length === comparable.length ? [] : winners;
}

/**
 * Relative host-link bandwidth of a PCIe generation and lane count (Gen 3 x1 = 1), for ranking links:
 * each generation doubles the per-lane rate (PCI-SIG base specifications 4.0 and 5.0).
 * @example pcieLinkScore(4, 16) //=> 32
 */
export function pcieLinkScore(gen: number, lanes: number): number {
  return 2 ** (gen - 3) * lanes;
}

/** NVLink bandwidth in GB/s summed over both directions, so the two vendor conventions compare; null without NVLink. */
export function nvlinkBidirectionalGBs(nvlink: GpuRecord['nvlink']): number | null {
  if (nvlink === null) return null;
  return nvlink.convention === 'per-direction' ? nvlink.bandwidthGBs * 2 : nvlink.bandwidthGBs;
}

type SeriesCard = Pick<GpuRecord, 'id' | 'series' | 'launchDate' | 'name'>;

/** A card's place in its series: the series in launch order and the cards launched just before and after it. */
export interface SeriesNeighbours<T> {
  /** Every card of the series, by launch date then name. */
  series: T[];
  /** Launched just before (null for the first). */
  previous: T | null;
  /** Launched just after (null for the last). */
  next: T | null;
}

/**
 * Neighbours of card `id` within its own series, ordered by launch date then name.
 * @throws when no card has that id
 */
export function seriesNeighbours<T extends SeriesCard>(cards: readonly T[], id: string): SeriesNeighbours<T> {
  const card = cards.find((c) => c.id === id);
  if (!card) throw new Error(`no card with id "${id}"`);
  const series = cards
    .filter((c) => c.series === card.series)
    .sort((a, b) => a.launchDate.localeCompare(b.launchDate) || a.name.localeCompare(b.name));
  const at = series.findIndex((c) => c.id === id);
  return { series, previous: series[at - 1] ?? null, next: series[at + 1] ?? null };
}

/** The largest value of a field in a set of cards and which cards reach it. */
export interface Extreme {
  value: number;
  /** Names of the cards that have it, in input order. */
  names: string[];
}

/** The largest non-null value of a numeric field and the cards that reach it; null for an empty set. */
export function maxOf(cards: readonly GpuRecord[], field: (card: GpuRecord) => number | null): Extreme | null {
  let best: Extreme | null = null;
  for (const card of cards) {
    const v = field(card);
    if (v === null) continue;
    if (best === null || v > best.value) best = { value: v, names: [card.name] };
    else if (v === best.value) best.names.push(card.name);
  }
  return best;
}

/** What a series overview says about its cards, all computed from the records. */
export interface SeriesFacts {
  count: number;
  /** First and last launch dates (ISO). */
  firstLaunch: string | null;
  lastLaunch: string | null;
  architectures: GpuRecord['architecture'][];
  memoryTypes: GpuRecord['memoryType'][];
  /** Tensor Core generations present (sorted), empty when no card has Tensor Cores. */
  tensorGenerations: number[];
  /** How many cards have Tensor Cores. */
  withTensorCores: number;
  /** How many cards support each tensor format in hardware. */
  supporting: { bf16: number; tf32: number; fp8: number; fp4: number };
  /** How many cards have NVLink. */
  withNvlink: number;
  maxMemory: Extreme | null;
  minMemoryGB: number | null;
  maxBandwidth: Extreme | null;
  maxL2: Extreme | null;
  /** Range of non-tensor FP16 : FP32 rate over the series, e.g. {min: 1/64, max: 1/64}. */
  fp16ToFp32: { min: number; max: number } | null;
  /** Cards whose tensor FP16 with FP32 accumulate runs at half the FP16-accumulate rate (GeForce practice). */
  halfRateFp32Acc: number;
}

/** Facts for a series overview. */
export function seriesFacts(cards: readonly GpuRecord[]): SeriesFacts {
  const dates = cards.map((c) => c.launchDate).sort();
  const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
  const ratios = cards.filter((c) => c.fp16Tflops !== null).map((c) => (c.fp16Tflops as number) / c.fp32Tflops);
  const count = (pred: (c: GpuRecord) => boolean) => cards.filter(pred).length;
  return {
    count: cards.length,
    firstLaunch: dates[0] ?? null,
    lastLaunch: dates[dates.length - 1] ?? null,
    architectures: unique(cards.map((c) => c.architecture)),
    memoryTypes: unique(cards.map((c) => c.memoryType)),
    tensorGenerations: unique(cards.flatMap((c) => (c.tensorCoreGeneration === null ? [] : [c.tensorCoreGeneration]))).sort((a, b) => a - b),
    withTensorCores: count((c) => c.tensorCores > 0),
    supporting: {
      bf16: count((c) => c.bf16Tflops !== null),
      tf32: count((c) => c.tf32Tflops !== null),
      fp8: count((c) => c.fp8Tflops !== null),
      fp4: count((c) => c.fp4Tflops !== null),
    },
    withNvlink: count((c) => c.nvlink !== null),
    maxMemory: maxOf(cards, (c) => c.memoryGB),
    minMemoryGB: cards.length ? Math.min(...cards.map((c) => c.memoryGB)) : null,
    maxBandwidth: maxOf(cards, (c) => c.memoryBandwidthGBs),
    maxL2: maxOf(cards, (c) => c.l2CacheMB),
    fp16ToFp32: ratios.length ? { min: Math.min(...ratios), max: Math.max(...ratios) } : null,
    halfRateFp32Acc: count(
      (c) =>
        c.tensorFp16Fp16AccTflops !== null &&
        c.tensorFp16Fp32AccTflops !== null &&
        Math.abs(c.tensorFp16Fp32AccTflops / c.tensorFp16Fp16AccTflops - 0.5) < 0.02,
    ),
  };
}

/** How well a stored value is confirmed: by two or more documents, by one with an explicit mark, by one without, or null. */
export type Confirmation = 'two-source' | 'single-source' | 'unmarked' | 'no-value';

type AuditCard = Pick<GpuRecord, 'sources' | 'singleSource'> & Partial<Record<string, unknown>>;

/** 0-based indexes of the card's sources that list `field` (the per-value sources list). */
export function sourcesOf(card: Pick<GpuRecord, 'sources'>, field: string): number[] {
  return card.sources.flatMap((s, i) => (s.fields.includes(field) ? [i] : []));
}

/**
 * How a card's value of `field` is confirmed.
 * @example confirmation({ sources: [{ fields: ['memoryGB'] }], singleSource: [], memoryGB: 24 }, 'memoryGB') //=> 'unmarked'
 */
export function confirmation(card: AuditCard, field: string): Confirmation {
  const value = card[field];
  if (value === null || value === undefined) return 'no-value';
  const n = sourcesOf(card, field).length;
  if (n >= 2) return 'two-source';
  return card.singleSource.some((m) => m.field === field) ? 'single-source' : 'unmarked';
}

/** Audit counts for one field over a set of cards. */
export interface FieldAudit {
  field: string;
  /** Cards with a non-null value. */
  values: number;
  /** Of those, confirmed by two or more documents. */
  twoSource: number;
  /** Confirmed by one document and marked single-source. */
  singleSource: number;
  /** Confirmed by one document and not marked (the data test fails on these for estimator-read fields). */
  unmarked: number;
}

/** Per-field audit counts over `cards`, in the order of `fields`. */
export function auditFields(cards: readonly AuditCard[], fields: readonly string[]): FieldAudit[] {
  return fields.map((field) => {
    const row: FieldAudit = { field, values: 0, twoSource: 0, singleSource: 0, unmarked: 0 };
    for (const card of cards) {
      const c = confirmation(card, field);
      if (c === 'no-value') continue;
      row.values += 1;
      if (c === 'two-source') row.twoSource += 1;
      else if (c === 'single-source') row.singleSource += 1;
      else row.unmarked += 1;
    }
    return row;
  });
}

/** Value-for-money and efficiency ratios of one card; null where the ratio means nothing (no price, no Tensor Cores). */
export interface ValueRatios {
  /** Dense tensor FP16 (FP32 accumulate) TFLOPS per 1,000 US dollars of launch price. */
  tflopsPerKUsd: number | null;
  /** Memory GB per 1,000 US dollars of launch price. */
  gbPerKUsd: number | null;
  /** Dense tensor FP16 (FP32 accumulate) TFLOPS per watt of board power. */
  tflopsPerWatt: number | null;
}

/**
 * Ratios for ranking cards by value. Throughput is tensor FP16 with FP32 accumulation, the mode training runs in;
 * cards without Tensor Cores get null rather than a CUDA-core figure training cannot use at that rate.
 * @example valueRatios({ tensorFp16Fp32AccTflops: 165.2, memoryGB: 24, launchPriceUsd: 1599, boardPowerW: 450 })
 *   //=> { tflopsPerKUsd: 103.31..., gbPerKUsd: 15.01..., tflopsPerWatt: 0.3671... }
 */
export function valueRatios(card: Pick<GpuRecord, 'tensorFp16Fp32AccTflops' | 'memoryGB' | 'launchPriceUsd' | 'boardPowerW'>): ValueRatios {
  const tflops = card.tensorFp16Fp32AccTflops;
  const price = card.launchPriceUsd;
  const kUsd = price !== null && price > 0 ? price / 1000 : null;
  return {
    tflopsPerKUsd: tflops !== null && kUsd !== null ? tflops / kUsd : null,
    gbPerKUsd: kUsd !== null ? card.memoryGB / kUsd : null,
    tflopsPerWatt: tflops !== null && card.boardPowerW > 0 ? tflops / card.boardPowerW : null,
  };
}

/** GeForce model name split into generation and tier: "GeForce RTX 4090 D" → { generation: 40, tier: "90", suffix: " D" }. */
function geforceModel(name: string): { generation: number; tier: string; suffix: string } | null {
  const m = /^GeForce (?:RTX|GTX) (\d{1,2})(\d{2})(.*)$/.exec(name);
  return m ? { generation: Number(m[1]), tier: m[2]!, suffix: m[3]! } : null;
}

/**
 * The same tier one GeForce generation earlier and later (the RTX 4090's peers are the RTX 3090 and RTX 5090), for
 * "X vs Y" links; empty for other cards or where no such card is in the data.
 * @example tierPeers(cards, 'rtx-4090').map((c) => c.id) //=> ['rtx-3090', 'rtx-5090']
 */
export function tierPeers<T extends Pick<GpuRecord, 'id' | 'name'>>(cards: readonly T[], id: string): T[] {
  const card = cards.find((c) => c.id === id);
  const model = card ? geforceModel(card.name) : null;
  if (!model) return [];
  // GeForce 16 sits beside 20 with tiers of its own (1650, 1660), so the chain is 10, 20, 30, 40, 50.
  const wanted = [model.generation - 10, model.generation + 10];
  return wanted.flatMap((generation) =>
    cards.filter((c) => {
      const other = geforceModel(c.name);
      return other !== null && other.generation === generation && other.tier === model.tier && other.suffix === model.suffix;
    }),
  );
}
