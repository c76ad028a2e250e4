import { describe, expect, it } from 'vitest';
import { slimCards, slimCardsBySeries } from 'virtual:gpu-cards';
import { compareCards } from 'virtual:compare-cards';
import { compareCards as compareCardsZh, compareRows as compareRowsZh } from 'virtual:compare-cards-zh-cn';
import { trainingCards } from 'virtual:training-cards';
import { TRAINING_CARD_IDS } from '../../../src/components/calculators/training-cards.ts';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { estimate, type EstimateGpu } from '../../../src/lib/estimator/estimate.ts';
import { cardsThatFit } from '../../../src/lib/answers/inverse.ts';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';
import { slimCard } from '../../../src/lib/hardware/slim-card.ts';
import type { GpuRecord } from '../../../src/lib/hardware/schema.ts';

const records = loadGpus();

/** Scenarios that reach every branch that reads the card: inference in several formats, training on one card and many. */
const RAW: Record<string, unknown>[] = [
  { model: 'llama-3.1-8b', workload: 'inference' },
  { model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'q4_k_m', promptTokens: 4096, outputTokens: 512, batchSize: 8 },
  { model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'fp8' },
  { model: 'llama-3.1-8b', workload: 'lora', seqLen: 2048 },
  { model: 'llama-3.1-8b', workload: 'qlora', gradientCheckpointing: true },
  { model: 'llama-2-7b', workload: 'full-finetune', trainingPrecision: 'fp32', trainTokens: 2e8 },
  { model: 'llama-3.1-8b', workload: 'full-finetune', gpuCount: 8, zeroStage: 3, trainTokens: 1e9 },
  { model: 'llama-3.1-8b', workload: 'full-finetune', gpuCount: 4, tensorParallel: 2, zeroStage: 1, offload: 'optimizer' },
  { model: 'llama-3.1-8b', workload: 'pretrain', gpuCount: 8, pipelineParallel: 2, trainTokens: 1e10 },
];
const scenarios = RAW.map((raw) => {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`${JSON.stringify(raw)}: ${JSON.stringify(r)}`);
  return r.scenario;
});

/** The record wrapped so that every top-level field the estimator reads is noted. */
function watched(record: GpuRecord, read: Set<string>): EstimateGpu {
  return new Proxy(record, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
}

describe('slimCard', () => {
  it('has the card data to check', () => {
    expect(records.length).toBeGreaterThan(50);
  });

  it.each(records.map((r) => [r.id, r] as const))('gives the same estimates as the full record on %s', (_id, record) => {
    const slim = slimCard(record);
    const read = new Set<string>();
    for (const s of scenarios) expect(estimate(s, slim)).toEqual(estimate(s, watched(record, read)));
    // Every field the estimator touched on the full record is a slim column (a new field read by src/lib fails here).
    expect(read.has('memoryGB') && read.has('memoryBandwidthGBs')).toBe(true);
    const missing = [...read].filter((k) => !(k in slim));
    expect(missing).toEqual([]);
  });

  it('gives the same list of cards a job fits on', () => {
    for (const s of scenarios) {
      expect(cardsThatFit(s, records.map(slimCard)).map((c) => c.gpu.id)).toEqual(cardsThatFit(s, records).map((c) => c.gpu.id));
    }
  });

  it('carries no sources, notes or display-only specs', () => {
    const slim = slimCard(records[0]!);
    for (const key of ['sources', 'notes', 'chip', 'cudaCores', 'recommendedPsuW', 'disagreements']) expect(key in slim).toBe(false);
  });
});

describe('virtual:gpu-cards', () => {
  it('holds the slim projection of every record, in id order', () => {
    const byId = [...records].sort((a, b) => a.id.localeCompare(b.id));
    expect(slimCards).toEqual(byId.map(slimCard));
  });

  it('lists the same cards in series order as the loader', () => {
    expect(slimCardsBySeries.map((c) => c.id)).toEqual(records.map((r) => r.id));
    // Same objects, not a second copy of the table.
    expect(slimCardsBySeries.every((c) => slimCards.includes(c))).toBe(true);
  });

  it('is smaller than a tenth of the full records', () => {
    expect(JSON.stringify(slimCards).length * 10).toBeLessThan(JSON.stringify(records).length);
  });
});

describe('virtual:training-cards', () => {
  it('holds the slim projection of the listed training cards, in order', () => {
    expect(trainingCards).toEqual(TRAINING_CARD_IDS.map((id) => slimCard(records.find((r) => r.id === id)!)));
  });
});

describe('virtual:compare-cards', () => {
  it('has one row of cells per spec row for every card, with the card page values', () => {
    expect(compareCards.map((c) => c.id)).toEqual(records.map((r) => r.id));
    const rtx4090 = compareCards.find((c) => c.id === 'rtx-4090');
    expect(rtx4090?.cells).toContain('1,008'); // memory bandwidth, GB/s, from the card's JSON
    expect(rtx4090?.cells).toContain('AD102-300');
  });

  it('has a Chinese twin: the same cards and numbers, the rows and series named in Chinese', () => {
    expect(compareCardsZh.map((c) => c.id)).toEqual(compareCards.map((c) => c.id));
    expect(compareCardsZh.map((c) => c.nums)).toEqual(compareCards.map((c) => c.nums));
    expect(compareRowsZh.every((r) => /[\u4e00-\u9fff]/.test(r.header) || /^[A-Z0-9 ()/.-]+$/i.test(r.header))).toBe(true);
    expect(compareRowsZh.some((r) => /[\u4e00-\u9fff]/.test(r.header))).toBe(true);
    expect(compareCardsZh.find((c) => c.id === 'rtx-4090')?.group).toMatch(/[\u4e00-\u9fff]|GeForce/);
  });
});
