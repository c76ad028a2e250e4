/**
 * The model presets as a form lists them: grouped by family, the family with the newest model first, and newest first
 * within a family (then smallest first among models released together).
 */
import { MODEL_PRESETS } from './models.ts';
import type { ModelArch } from '../types.ts';

/** Preset families, in no particular order (the grouping sorts them). */
const MODEL_FAMILIES = ['Llama', 'Qwen', 'Gemma', 'Mistral', 'Phi', 'DeepSeek', 'GPT', 'BERT'] as const;

/** A preset family. */
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/** Family and release month (YYYY-MM, from the model card or paper) of each preset id, by id prefix; the longest prefix wins. */
const RELEASES: readonly [prefix: string, family: ModelFamily, released: string][] = [
  ['gpt2', 'GPT', '2019-02'], ['gpt-3', 'GPT', '2020-05'], ['bert', 'BERT', '2018-10'],
  ['llama-2', 'Llama', '2023-07'], ['llama-3.1', 'Llama', '2024-07'], ['llama-3.2', 'Llama', '2024-09'], ['llama-3.3', 'Llama', '2024-12'],
  ['mistral-7b', 'Mistral', '2023-09'], ['mixtral', 'Mistral', '2023-12'], ['mistral-small-3', 'Mistral', '2025-01'],
  ['qwen2.5', 'Qwen', '2024-09'], ['qwen3', 'Qwen', '2025-04'],
  ['gemma-2', 'Gemma', '2024-06'], ['gemma-3', 'Gemma', '2025-03'],
  ['phi-3', 'Phi', '2024-04'], ['phi-4', 'Phi', '2024-12'], ['phi-4-mini', 'Phi', '2025-02'],
  ['deepseek-v3', 'DeepSeek', '2024-12'], ['deepseek-r1-distill', 'DeepSeek', '2025-01'],
];

/**
 * The family and release month of a preset; null for a model that is not a preset.
 * @example presetRelease('qwen3-8b') //=> { family: 'Qwen', released: '2025-04' }
 */
export function presetRelease(id: string): { family: ModelFamily; released: string } | null {
  let best: (typeof RELEASES)[number] | null = null;
  for (const r of RELEASES) if (id.startsWith(r[0]) && (best === null || r[0].length > best[0].length)) best = r;
  return best ? { family: best[1], released: best[2] } : null;
}

/** One family of presets, newest first. */
export interface PresetGroup {
  /** The family name. */
  family: ModelFamily;
  /** Release month of its newest model (YYYY-MM). */
  newest: string;
  /** Its presets, newest first, then smallest first. */
  models: { id: string; name: string; released: string; totalParams: number }[];
}

/**
 * Groups presets by family for a picker: families ordered by their newest model, models newest first, then by size.
 * @example presetGroups()[0]?.family //=> "Qwen" (released 2025-04)
 */
export function presetGroups(presets: readonly ModelArch[] = MODEL_PRESETS, paramsOf: (m: ModelArch) => number = (m) => m.publishedParams ?? 0): PresetGroup[] {
  const groups = new Map<ModelFamily, PresetGroup>();
  for (const m of presets) {
    const r = presetRelease(m.id);
    if (!r) continue;
    const g = groups.get(r.family) ?? { family: r.family, newest: r.released, models: [] };
    g.models.push({ id: m.id, name: m.name, released: r.released, totalParams: paramsOf(m) });
    if (r.released > g.newest) g.newest = r.released;
    groups.set(r.family, g);
  }
  const list = [...groups.values()];
  for (const g of list) g.models.sort((a, b) => b.released.localeCompare(a.released) || a.totalParams - b.totalParams);
  return list.sort((a, b) => b.newest.localeCompare(a.newest) || a.family.localeCompare(b.family));
}
