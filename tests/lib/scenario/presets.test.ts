import { describe, expect, it } from 'vitest';
import { countParams, findModel, MODEL_PRESETS } from '../../../src/lib/scenario/models.ts';
import { presetGroups, presetRelease } from '../../../src/lib/scenario/presets.ts';

const NEW = [
  'llama-3.3-70b', 'qwen3-0.6b', 'qwen3-4b', 'qwen3-8b', 'qwen3-14b', 'qwen3-32b', 'qwen3-30b-a3b', 'qwen3-235b-a22b',
  'gemma-3-1b', 'gemma-3-4b', 'gemma-3-12b', 'gemma-3-27b', 'phi-4', 'phi-4-mini', 'mistral-small-3-24b', 'deepseek-r1-distill-llama-8b',
];

describe('the 2025 presets', () => {
  it.each(NEW)('%s exists and its count matches the published one within 1%%', (id) => {
    const m = findModel(id);
    expect(m?.id).toBe(id);
    expect(Math.abs(countParams(m!).totalParams / (m!.publishedParams ?? 1) - 1)).toBeLessThan(0.01);
  });

  it('finds presets by their Hugging Face repository names', () => {
    expect(findModel('meta-llama/Llama-3.3-70B-Instruct')?.id).toBe('llama-3.3-70b');
    expect(findModel('microsoft/Phi-4-mini-instruct')?.id).toBe('phi-4-mini');
    expect(findModel('Qwen/Qwen3-30B-A3B')?.id).toBe('qwen3-30b-a3b');
  });
});

describe('presetGroups', () => {
  const groups = presetGroups();

  it('places every preset in exactly one family', () => {
    expect(groups.flatMap((g) => g.models.map((m) => m.id)).sort()).toEqual(MODEL_PRESETS.map((m) => m.id).sort());
    for (const m of MODEL_PRESETS) expect(presetRelease(m.id)).not.toBeNull();
  });

  it('orders families by their newest model and models newest first, smaller first within a release', () => {
    for (let i = 1; i < groups.length; i++) expect(groups[i - 1]!.newest >= groups[i]!.newest).toBe(true);
    expect(groups[0]?.family).toBe('Qwen');
    const qwen = groups[0]!.models.map((m) => m.id);
    expect(qwen.slice(0, 3)).toEqual(['qwen3-0.6b', 'qwen3-4b', 'qwen3-8b']);
    expect(qwen.indexOf('qwen3-235b-a22b')).toBeLessThan(qwen.indexOf('qwen2.5-0.5b'));
    const llama = groups.find((g) => g.family === 'Llama')!.models.map((m) => m.id);
    expect(llama[0]).toBe('llama-3.3-70b');
    expect(llama.at(-1)).toMatch(/^llama-2/);
  });

  it('takes the longest matching prefix (phi-4-mini is newer than phi-4)', () => {
    expect(presetRelease('phi-4-mini')?.released).toBe('2025-02');
    expect(presetRelease('phi-4')?.released).toBe('2024-12');
    expect(presetRelease('custom')).toBeNull();
  });
});
