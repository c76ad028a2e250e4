/** Test fixtures: two cards with published specs, so unit tests do not depend on the data folder being complete. */
import type { EstimateGpu } from '../../src/lib/estimator/estimate.ts';
import { parseScenario } from '../../src/lib/scenario/scenario.ts';
import type { Scenario } from '../../src/lib/types.ts';

/** GeForce RTX 4090 (Ada whitepaper v2.1, Appendix A). */
export const RTX_4090: EstimateGpu = {
  id: 'rtx-4090', name: 'GeForce RTX 4090', architecture: 'ada', memoryGB: 24, memoryBandwidthGBs: 1008,
  fp32Tflops: 82.6, fp16Tflops: 82.6, tensorFp16Fp16AccTflops: 330.3, tensorFp16Fp32AccTflops: 165.2, bf16Tflops: 165.2,
  tf32Tflops: 82.6, int8Tops: 660.6, fp8Tflops: 660.6, fp4Tflops: null, boardPowerW: 450, launchPriceUsd: 1599,
  pcieGen: 4, pcieLanes: 16, nvlink: null, formFactor: 'pcie',
};

/** H100 SXM5 80GB (Hopper whitepaper, Table 2). */
export const H100_SXM: EstimateGpu = {
  id: 'h100-sxm', name: 'H100 SXM5 80GB', architecture: 'hopper', memoryGB: 80, memoryBandwidthGBs: 3352,
  fp32Tflops: 66.9, fp16Tflops: 133.8, tensorFp16Fp16AccTflops: 989.4, tensorFp16Fp32AccTflops: 989.4, bf16Tflops: 989.4,
  tf32Tflops: 494.7, int8Tops: 1978.9, fp8Tflops: 1978.9, fp4Tflops: null, boardPowerW: 700, launchPriceUsd: null,
  pcieGen: 5, pcieLanes: 16, nvlink: { bandwidthGBs: 900, convention: 'bidirectional', maxCards: 8 }, formFactor: 'sxm',
};

/** Parses a scenario that must be valid. */
export function scenario(raw: Record<string, unknown>): Scenario {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

/** Relative difference |a - b| / |b|. */
export const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** Every number in a JSON-like value, with its path. */
export function numbersIn(v: unknown, path = ''): Array<[string, number]> {
  if (typeof v === 'number') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => numbersIn(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => numbersIn(x, path ? `${path}.${k}` : k));
  return [];
}
