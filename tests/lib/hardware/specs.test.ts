import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { auditFields, bestIndexes, tierPeers, valueRatios, confirmation, maxOf, nvlinkBidirectionalGBs, pcieLinkScore, seriesFacts, seriesNeighbours, sourcesOf } from '../../../src/lib/hardware/specs.ts';

const cards = loadGpus();
const byId = (id: string) => {
  const c = cards.find((x) => x.id === id);
  if (!c) throw new Error(`missing ${id}`);
  return c;
};

describe('bestIndexes', () => {
  it('picks the higher or lower value', () => {
    expect(bestIndexes([35.6, 82.6], 'higher')).toEqual([1]);
    expect(bestIndexes([350, 450], 'lower')).toEqual([0]);
    expect(bestIndexes([3, 9, 5, 1], 'higher')).toEqual([1]);
  });
  it('returns every card that ties for the best, and nothing when all are equal', () => {
    expect(bestIndexes([24, 24, 16], 'higher')).toEqual([0, 1]);
    expect(bestIndexes([24, 24], 'higher')).toEqual([]);
  });
  it('counts an unsupported format as none, but leaves an unpublished value out', () => {
    expect(bestIndexes([null, 330.3], 'higher')).toEqual([1]);
    expect(bestIndexes([null, null], 'higher')).toEqual([]);
    expect(bestIndexes([1499, null], 'lower', 'unknown')).toEqual([]);
    expect(bestIndexes([1499, null, 1599], 'lower', 'unknown')).toEqual([0]);
  });
  it('never crowns a non-finite value', () => {
    expect(bestIndexes([Number.NaN, 2], 'higher')).toEqual([]);
  });
});

describe('link helpers', () => {
  it('pcieLinkScore doubles per generation and scales with lanes', () => {
    expect(pcieLinkScore(3, 16)).toBe(16);
    expect(pcieLinkScore(4, 16)).toBe(32);
    expect(pcieLinkScore(5, 8)).toBe(32);
  });
  it('nvlinkBidirectionalGBs doubles per-direction figures only', () => {
    expect(nvlinkBidirectionalGBs(null)).toBeNull();
    expect(nvlinkBidirectionalGBs({ bandwidthGBs: 50, convention: 'per-direction', maxCards: 2 })).toBe(100);
    expect(nvlinkBidirectionalGBs({ bandwidthGBs: 600, convention: 'bidirectional', maxCards: 8 })).toBe(600);
  });
});

describe('seriesNeighbours', () => {
  it('orders a series by launch date and finds the cards before and after', () => {
    const { series, previous, next } = seriesNeighbours(cards, 'rtx-4080');
    expect(series.every((c) => c.series === 'geforce-40')).toBe(true);
    expect(series.map((c) => c.launchDate)).toEqual([...series.map((c) => c.launchDate)].sort());
    expect(previous?.id).toBe('rtx-4090');
    expect((next?.launchDate ?? '') >= byId('rtx-4080').launchDate).toBe(true);
  });
  it('has no previous card for the first of a series', () => {
    const first = seriesNeighbours(cards, 'rtx-4090');
    expect(first.previous).toBeNull();
    expect(first.series[0]?.id).toBe('rtx-4090');
  });
  it('throws on an unknown id', () => {
    expect(() => seriesNeighbours(cards, 'nope')).toThrow(/nope/);
  });
});

describe('seriesFacts', () => {
  it('computes the largest memory of a series from the records', () => {
    const g50 = cards.filter((c) => c.series === 'geforce-50');
    const facts = seriesFacts(g50);
    expect(facts.maxMemory?.value).toBe(Math.max(...g50.map((c) => c.memoryGB)));
    expect(facts.maxMemory?.names).toContain(byId('rtx-5090').name);
    expect(facts.supporting.fp4).toBe(g50.length);
    expect(facts.tensorGenerations).toEqual([5]);
  });
  it('knows Pascal GeForce has no Tensor Cores, and GeForce Ada halves FP32-accumulate tensor FP16', () => {
    expect(seriesFacts(cards.filter((c) => c.series === 'geforce-10')).withTensorCores).toBe(0);
    const ada = cards.filter((c) => c.series === 'geforce-40');
    expect(seriesFacts(ada).halfRateFp32Acc).toBe(ada.length);
  });
  it('is empty-safe', () => {
    const f = seriesFacts([]);
    expect(f.count).toBe(0);
    expect(f.maxMemory).toBeNull();
    expect(f.firstLaunch).toBeNull();
  });
  it('maxOf lists every card that reaches the maximum', () => {
    expect(maxOf([byId('rtx-3090'), byId('rtx-4090'), byId('rtx-4080')], (c) => c.memoryGB)?.names).toEqual([byId('rtx-3090').name, byId('rtx-4090').name]);
  });
});

describe('source audit', () => {
  const src = (fields: string[]) => ({ title: 'Doc', url: 'https://example.org/', locator: 'p. 1', fields });
  const card = {
    sources: [src(['memoryGB', 'boardPowerW']), src(['memoryGB', 'pcieLanes'])],
    singleSource: [{ field: 'pcieLanes' as const, singleSource: true as const, why: 'only one document states it' }],
    memoryGB: 24, boardPowerW: 450, pcieLanes: 16, fp4Tflops: null,
  };
  it('lists the sources of a value by index', () => {
    expect(sourcesOf(card, 'memoryGB')).toEqual([0, 1]);
    expect(sourcesOf(card, 'boardPowerW')).toEqual([0]);
    expect(sourcesOf(card, 'fp4Tflops')).toEqual([]);
  });
  it('tells two-source, marked, unmarked and missing values apart', () => {
    expect(confirmation(card, 'memoryGB')).toBe('two-source');
    expect(confirmation(card, 'pcieLanes')).toBe('single-source');
    expect(confirmation(card, 'boardPowerW')).toBe('unmarked');
    expect(confirmation(card, 'fp4Tflops')).toBe('no-value');
  });
  it('counts per field over cards', () => {
    const other = { ...card, singleSource: [], pcieLanes: 8 };
    expect(auditFields([card, other], ['memoryGB', 'pcieLanes', 'fp4Tflops'])).toEqual([
      { field: 'memoryGB', values: 2, twoSource: 2, singleSource: 0, unmarked: 0 },
      { field: 'pcieLanes', values: 2, twoSource: 0, singleSource: 1, unmarked: 1 },
      { field: 'fp4Tflops', values: 0, twoSource: 0, singleSource: 0, unmarked: 0 },
    ]);
  });
});

describe('valueRatios', () => {
  it('divides tensor FP16 (FP32 accumulate) and memory by price in thousands of dollars and by board power', () => {
    // 165.2 TFLOPS, 24 GB, $1,599, 450 W: 165.2 / 1.599, 24 / 1.599, 165.2 / 450.
    const r = valueRatios({ tensorFp16Fp32AccTflops: 165.2, memoryGB: 24, launchPriceUsd: 1599, boardPowerW: 450 });
    expect(r.tflopsPerKUsd).toBeCloseTo(103.3146, 3);
    expect(r.gbPerKUsd).toBeCloseTo(15.0094, 3);
    expect(r.tflopsPerWatt).toBeCloseTo(0.36711, 4);
  });
  it('gives null, never NaN, without a price or without Tensor Cores', () => {
    expect(valueRatios({ tensorFp16Fp32AccTflops: 65, memoryGB: 16, launchPriceUsd: null, boardPowerW: 70 })).toEqual({ tflopsPerKUsd: null, gbPerKUsd: null, tflopsPerWatt: 65 / 70 });
    expect(valueRatios({ tensorFp16Fp32AccTflops: null, memoryGB: 11, launchPriceUsd: 699, boardPowerW: 250 })).toEqual({ tflopsPerKUsd: null, gbPerKUsd: 11 / 0.699, tflopsPerWatt: null });
  });
});

describe('tierPeers', () => {
  const named = (...names: string[]) => names.map((name) => ({ id: name.toLowerCase().replace(/ /g, '-'), name }));
  const cards = named('GeForce RTX 3090', 'GeForce RTX 4090', 'GeForce RTX 4090 D', 'GeForce RTX 5090', 'GeForce GTX 1080 Ti', 'GeForce RTX 2080 Ti', 'GeForce RTX 3080 Ti', 'Tesla T4');
  it('finds the same tier one generation either side, suffix included', () => {
    expect(tierPeers(cards, 'geforce-rtx-4090').map((c) => c.name)).toEqual(['GeForce RTX 3090', 'GeForce RTX 5090']);
    expect(tierPeers(cards, 'geforce-rtx-2080-ti').map((c) => c.name)).toEqual(['GeForce GTX 1080 Ti', 'GeForce RTX 3080 Ti']);
    expect(tierPeers(cards, 'geforce-gtx-1080-ti').map((c) => c.name)).toEqual(['GeForce RTX 2080 Ti']);
    expect(tierPeers(cards, 'geforce-rtx-4090-d')).toEqual([]);
  });
  it('returns nothing for cards outside GeForce or unknown ids', () => {
    expect(tierPeers(cards, 'tesla-t4')).toEqual([]);
    expect(tierPeers(cards, 'nope')).toEqual([]);
  });
});
