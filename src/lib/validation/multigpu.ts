/**
 * Multi-card validation: published throughput and per-stage memory of multi-GPU training runs (llm-foundry, torchtitan,
 * Megatron-DeepSpeed's BLOOM) next to what the cluster step model predicts, with the held-out quarter chosen by a fixed seed.
 */
import { z } from 'zod';
import { clusterStep, CLUSTER_CALIBRATION, type ClusterCalibration } from '../cluster/cluster.ts';
import { clusterMemory } from '../cluster/stage-memory.ts';
import { parseScenario } from '../scenario/scenario.ts';
import { findGpu } from '../scenario/scenario-refs.ts';
import type { GpuRecord } from '../hardware/schema.ts';
import { GIB } from '../units.ts';

const caseSchema = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  framework: z.string().min(1),
  category: z.enum(['train-throughput', 'pp-memory']),
  scenario: z.record(z.string(), z.unknown()).refine((s) => typeof s.gpu === 'string', 'scenario.gpu must be a card id'),
  measured: z.object({
    metric: z.enum(['tokensPerSecondPerGpu', 'peakMemoryGiBPerGpu']),
    value: z.number().positive(),
    reported: z.string().optional(),
    derivation: z.string().optional(),
    unitNote: z.string().optional(),
  }),
  source: z.object({ title: z.string().min(1), url: z.url(), locator: z.string().min(1) }),
  notes: z.string().min(1),
  knownMiss: z.string().optional(),
});

/** One published multi-card run. */
export type MultiGpuCase = z.infer<typeof caseSchema>;

/** Validates the cases file; throws naming the first bad case. */
export function parseMultiGpuCases(raw: unknown): MultiGpuCase[] {
  const r = z.array(caseSchema).safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`multi-gpu.json: ${i?.path.join('.') ?? ''} ${i?.message ?? 'invalid'}`);
  }
  return r.data;
}

/** One case next to its prediction. */
export interface MultiGpuRow {
  /** The case. */
  case: MultiGpuCase;
  /** Predicted value in the measured unit. */
  predicted: number;
  /** predicted / measured. */
  ratio: number;
}

/**
 * Predicts one case: tokens per second per card from clusterStep, or the busiest stage's memory in GiB from clusterMemory.
 * @example predictMultiGpu(bloomThroughput, cards).ratio //=> predicted / 104.5
 */
export function predictMultiGpu(c: MultiGpuCase, cards: readonly GpuRecord[], calibration: ClusterCalibration = CLUSTER_CALIBRATION): MultiGpuRow {
  const parsed = parseScenario(c.scenario);
  if (!parsed.ok) throw new Error(`${c.id}: ${parsed.error}`);
  const gpu = findGpu(String(c.scenario.gpu), cards);
  if (!gpu) throw new Error(`${c.id}: unknown card ${String(c.scenario.gpu)}`);
  const predicted = c.measured.metric === 'tokensPerSecondPerGpu' ? clusterStep(parsed.scenario, gpu, calibration).tokensPerSecondPerGpu : clusterMemory(parsed.scenario).peakBytes / GIB;
  return { case: c, predicted, ratio: predicted / c.measured.value };
}

/** Median and 90th percentile of |ratio - 1|, and the median ratio (bias). */
export interface MultiGpuSummary {
  count: number;
  medianAbsError: number;
  p90AbsError: number;
  medianRatio: number;
}

const quantile = (sorted: readonly number[], q: number): number => (sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0));

/**
 * Summarises rows (nearest-rank quantiles).
 * @example summarise([{ ratio: 0.9 }, { ratio: 1.2 }, { ratio: 1 }]).medianAbsError //=> 0.1
 */
export function summarise(rows: readonly Pick<MultiGpuRow, 'ratio'>[]): MultiGpuSummary {
  const errors = rows.map((r) => Math.abs(r.ratio - 1)).sort((a, b) => a - b);
  const ratios = rows.map((r) => r.ratio).sort((a, b) => a - b);
  return { count: rows.length, medianAbsError: quantile(errors, 0.5), p90AbsError: quantile(errors, 0.9), medianRatio: quantile(ratios, 0.5) };
}

/** 32-bit FNV-1a hash of a string, mixed with a seed. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The held-out quarter: the ids whose seeded hash is lowest, a quarter of each category (rounded up).
 * @example heldOutIds(cases, 17).length //=> about cases.length / 4
 */
export function heldOutIds(cases: readonly MultiGpuCase[], seed: number): string[] {
  const out: string[] = [];
  for (const category of ['train-throughput', 'pp-memory'] as const) {
    const ids = cases.filter((c) => c.category === category).map((c) => c.id);
    ids.sort((a, b) => fnv1a(a, seed) - fnv1a(b, seed) || (a < b ? -1 : 1));
    out.push(...ids.slice(0, Math.ceil(ids.length / 4)));
  }
  return out.sort();
}
