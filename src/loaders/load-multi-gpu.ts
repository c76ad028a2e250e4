/** Node-side loader for the multi-card validation cases `src/data/validation/multi-gpu.json` and their committed held-out ids. */
import { readFileSync } from 'node:fs';
import { parseMultiGpuCases, type MultiGpuCase } from '../lib/validation/multigpu.ts';

/** Reads and validates every multi-card case. */
export function loadMultiGpuCases(): MultiGpuCase[] {
  return parseMultiGpuCases(JSON.parse(readFileSync(new URL('../data/validation/multi-gpu.json', import.meta.url), 'utf8')));
}

/** The committed held-out split: the seed and the ids it picked. */
export function loadMultiGpuHeldOut(): { seed: number; ids: string[] } {
  return JSON.parse(readFileSync(new URL('../data/validation/multi-gpu-heldout.json', import.meta.url), 'utf8')) as { seed: number; ids: string[] };
}
