import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { loadMultiGpuCases, loadMultiGpuHeldOut } from '../../src/loaders/load-multi-gpu.ts';
import { heldOutIds, predictMultiGpu, summarise, type MultiGpuRow } from '../../src/lib/validation/multigpu.ts';

const cards = loadGpus();
const cases = loadMultiGpuCases();
const committed = loadMultiGpuHeldOut();
const rows: MultiGpuRow[] = cases.map((c) => predictMultiGpu(c, cards));
const held = new Set(committed.ids);
const pick = (category: string, heldOut: boolean | null) => rows.filter((r) => r.case.category === category && (heldOut === null || held.has(r.case.id) === heldOut));

/** The gates: tighter than the targets (median 15%, p90 30%) where the fit (scripts/fit-cluster.ts) does better. */
function withinTargets(s: ReturnType<typeof summarise>): void {
  expect(s.medianAbsError).toBeLessThanOrEqual(0.1);
  expect(s.p90AbsError).toBeLessThanOrEqual(0.2);
  expect(s.medianRatio).toBeGreaterThanOrEqual(0.9);
  expect(s.medianRatio).toBeLessThanOrEqual(1.1);
}

describe('the cluster model against published multi-GPU runs', () => {
  it('has at least 25 throughput cases from at least three frameworks, with unique ids and sources', () => {
    const tp = cases.filter((c) => c.category === 'train-throughput');
    expect(tp.length).toBeGreaterThanOrEqual(25);
    expect(new Set(tp.map((c) => c.framework.split(' ')[0])).size).toBeGreaterThanOrEqual(3);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => Number(c.scenario.gpuCount))).size).toBeGreaterThanOrEqual(5);
  });

  it('holds out the quarter the committed seed picks', () => {
    expect(heldOutIds(cases, committed.seed)).toEqual([...committed.ids].sort());
  });

  it('predicts every case with a finite positive number', () => {
    for (const r of rows) expect(Number.isFinite(r.predicted) && r.predicted > 0, r.case.id).toBe(true);
  });

  // Targets: median |error| <= 15%, p90 <= 30%, median predicted/measured in 0.9-1.1. The gates are tighter than the targets
  // where the fit (scripts/fit-cluster.ts) does better: median 7.4% (7.7% held out), p90 16.3% (17.7% held out).
  it('throughput: median error <= 10%, p90 <= 20%, bias within 0.9-1.1 (all cases)', () => {
    withinTargets(summarise(pick('train-throughput', null)));
  });

  it('throughput on the held-out quarter: median error <= 10%, p90 <= 20%, bias within 0.9-1.1', () => {
    const s = summarise(pick('train-throughput', true));
    expect(s.count).toBeGreaterThanOrEqual(7);
    withinTargets(s);
  });

  // Target: within 20%. BLOOM's "60 GB" is a rounded figure read off nvidia-smi and stays about a fifth under; every case is held to 25%.
  it('pipeline-parallel memory of the busiest stage: median within 20%, every case within 25%, bias within 0.9-1.1', () => {
    const pp = pick('pp-memory', null);
    expect(pp.length).toBeGreaterThanOrEqual(5);
    for (const r of pp) expect(Math.abs(r.ratio - 1), r.case.id).toBeLessThanOrEqual(0.25);
    const s = summarise(pp);
    expect(s.medianAbsError).toBeLessThanOrEqual(0.2);
    expect(s.medianRatio).toBeGreaterThanOrEqual(0.9);
    expect(s.medianRatio).toBeLessThanOrEqual(1.1);
  });
});
