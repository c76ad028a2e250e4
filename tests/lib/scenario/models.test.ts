import { describe, expect, it } from 'vitest';
import { countParams, defineModel, findModel, kvValuesPerTokenPerLayer, loraParams, MODEL_PRESETS } from '../../../src/lib/scenario/models.ts';
import { rel } from '../fixtures.ts';

const REQUIRED = [
  'gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl', 'bert-base', 'bert-large', 'gpt-3-175b', 'llama-2-7b', 'llama-2-13b', 'llama-2-70b',
  'llama-3.1-8b', 'llama-3.1-70b', 'llama-3.1-405b', 'llama-3.2-1b', 'llama-3.2-3b', 'mistral-7b', 'mixtral-8x7b', 'qwen2.5-0.5b',
  'qwen2.5-1.5b', 'qwen2.5-7b', 'qwen2.5-14b', 'qwen2.5-32b', 'qwen2.5-72b', 'gemma-2-2b', 'gemma-2-9b', 'gemma-2-27b', 'phi-3-mini', 'deepseek-v3',
];

describe('MODEL_PRESETS', () => {
  it('includes every architecture the issue lists', () => {
    for (const id of REQUIRED) expect(findModel(id)?.id).toBe(id);
  });

  it.each(MODEL_PRESETS.map((m) => [m.id, m] as const))('countParams(%s).totalParams matches the published count within 1%%', (_id, m) => {
    expect(m.publishedParams).not.toBeNull();
    expect(rel(countParams(m).totalParams, m.publishedParams ?? 1)).toBeLessThan(0.01);
  });

  it.each(MODEL_PRESETS.filter((m) => m.publishedActiveParams !== null).map((m) => [m.id, m] as const))(
    'countParams(%s).activeParams matches the published active count within 2%%', (_id, m) => {
      expect(rel(countParams(m).activeParams, m.publishedActiveParams ?? 1)).toBeLessThan(0.02);
    });
});

describe('countParams', () => {
  it('counts Llama 2 7B exactly as the checkpoint does', () => {
    expect(countParams(findModel('llama-2-7b')!).totalParams).toBe(6_738_415_616);
  });

  it('counts every expert for memory and only the active ones per token', () => {
    const c = countParams(findModel('mixtral-8x7b')!);
    expect(c.totalParams).toBeGreaterThan(3.5 * c.activeParams);
    expect(c.matmulParamsPerToken).toBeLessThan(c.activeParams);
  });

  it('grows when layers, width or vocabulary grow', () => {
    const base = { layers: 4, hiddenSize: 256, heads: 4, intermediateSize: 1024, vocabSize: 1000 };
    const n = countParams(defineModel(base)).totalParams;
    expect(countParams(defineModel({ ...base, layers: 5 })).totalParams).toBeGreaterThan(n);
    expect(countParams(defineModel({ ...base, hiddenSize: 512 })).totalParams).toBeGreaterThan(n);
    expect(countParams(defineModel({ ...base, vocabSize: 2000 })).totalParams).toBeGreaterThan(n);
  });
});

describe('findModel', () => {
  it('accepts Hugging Face repo names and loose spellings', () => {
    expect(findModel('meta-llama/Llama-2-7b-hf')?.id).toBe('llama-2-7b');
    expect(findModel('Meta-Llama-3.1-8B-Instruct')?.id).toBe('llama-3.1-8b');
    expect(findModel('Mistral 7B')?.id).toBe('mistral-7b');
    expect(findModel('no-such-model')).toBeNull();
  });
});

describe('loraParams', () => {
  it('is r x (in + out) per adapted matrix: rank 8 on q and v of Llama 2 7B is 4,194,304', () => {
    expect(loraParams(findModel('llama-2-7b')!, 8, ['q', 'v'])).toBe(4_194_304);
  });

  it('is about 160M for rank 64 on every linear layer of Llama 2 7B (QLoRA §4 setting)', () => {
    expect(rel(loraParams(findModel('llama-2-7b')!, 64, ['q', 'k', 'v', 'o', 'gate', 'up', 'down']), 159.9e6)).toBeLessThan(0.01);
  });
});

describe('kvValuesPerTokenPerLayer', () => {
  it('is 2 x kvHeads x headDim under GQA and the 576-value latent under MLA', () => {
    expect(kvValuesPerTokenPerLayer(findModel('llama-3.1-8b')!)).toBe(2 * 8 * 128);
    expect(kvValuesPerTokenPerLayer(findModel('deepseek-v3')!)).toBe(576);
  });
});
