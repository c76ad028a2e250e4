import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHfConfig, parseHfConfig } from '../../../src/lib/scenario/hfconfig.ts';
import { countParams, findModel } from '../../../src/lib/scenario/models.ts';
import { rel } from '../fixtures.ts';

/** A published config.json with the count its authors publish and where both come from. */
interface Fixture {
  source: string;
  publishedParams: number;
  publishedSource: string;
  publishedActiveParams?: number;
  config: Record<string, unknown>;
}

const DIR = new URL('../fixtures/hf-configs/', import.meta.url);
const FIXTURES: [string, Fixture][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Fixture]);

describe('parseHfConfig on published configs', () => {
  it('has at least 12 published configs, each citing where it comes from', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(12);
    for (const [, f] of FIXTURES) expect(f.source).toMatch(/^https:\/\/huggingface\.co\/.+\/config\.json$/);
  });

  it.each(FIXTURES)('%s: params.total within 1%% of the published count', (_name, f) => {
    const r = parseHfConfig(f.config);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(rel(countParams(r.model).totalParams, f.publishedParams)).toBeLessThan(0.01);
  });

  it.each(FIXTURES.filter(([, f]) => f.publishedActiveParams !== undefined))('%s: active parameters within 3%% of the published count', (_name, f) => {
    const r = parseHfConfig(f.config);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(rel(countParams(r.model).activeParams, f.publishedActiveParams ?? 1)).toBeLessThan(0.03);
  });

  it('reads the same architecture as the hand-written preset for Llama 3.1 8B', () => {
    const f = FIXTURES.find(([n]) => n === 'llama-3.1-8b')?.[1];
    const r = parseHfConfig(f?.config);
    expect(r.ok && countParams(r.model).totalParams).toBe(countParams(findModel('llama-3.1-8b')!).totalParams);
  });

  it('reads MLA and the dense leading layers of DeepSeek-V3', () => {
    const r = parseHfConfig(FIXTURES.find(([n]) => n === 'deepseek-v3')?.[1].config);
    expect(r.ok && r.model.mla?.kvLoraRank).toBe(512);
    expect(r.ok && r.model.denseLayers).toBe(3);
    expect(r.ok && r.notes.some((n) => n.includes('multi-token'))).toBe(true);
  });

  it('reads Gemma 3 from text_config, with five local layers in six and a note on the vision encoder', () => {
    const r = parseHfConfig(FIXTURES.find(([n]) => n === 'gemma-3-27b-it')?.[1].config);
    if (!r.ok) throw new Error('expected ok');
    expect(r.model.layers).toBe(62);
    expect(r.model.slidingWindow).toBe(1024);
    expect(r.model.slidingWindowLayerFraction).toBeCloseTo(52 / 62, 6);
    expect(r.notes.join(' ')).toMatch(/vision/);
  });

  it('turns Mistral v0.3 (no window) into full attention and Mistral v0.1 (4096) into a sliding window', () => {
    const v03 = FIXTURES.find(([n]) => n === 'mistral-7b-v0.3')?.[1].config ?? {};
    const a = parseHfConfig(v03);
    const b = parseHfConfig({ ...v03, sliding_window: 4096, vocab_size: 32000 });
    expect(a.ok && a.model.slidingWindow).toBeNull();
    expect(b.ok && b.model.slidingWindow).toBe(4096);
  });
});

describe('parseHfConfig on bad input', () => {
  const llama = FIXTURES.find(([n]) => n === 'llama-3.1-8b')?.[1].config ?? {};

  it('names an unsupported model_type', () => {
    const r = parseHfConfig({ ...llama, model_type: 'mamba' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.code).toBe('unsupported');
      expect(r.errors[0]?.field).toBe('model_type');
      expect(r.errors[0]?.message).toContain('"mamba"');
    }
  });

  it('names every missing key, not only the first', () => {
    const { hidden_size: _h, num_hidden_layers: _l, ...rest } = llama;
    const r = parseHfConfig(rest);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.field, e.code])).toEqual([['num_hidden_layers', 'missing'], ['hidden_size', 'missing']]);
  });

  it('names nested keys of Gemma 3 with their path', () => {
    const r = parseHfConfig({ model_type: 'gemma3', text_config: { num_hidden_layers: 2, num_attention_heads: 2, intermediate_size: 8 } });
    expect(!r.ok && r.errors[0]?.field).toBe('text_config.hidden_size');
  });

  it('rejects values of the wrong type or range, and a head count kv heads do not divide', () => {
    const a = parseHfConfig({ ...llama, hidden_size: '4096' });
    expect(!a.ok && a.errors[0]?.code).toBe('invalid');
    const b = parseHfConfig({ ...llama, num_key_value_heads: 5 });
    expect(!b.ok && b.errors[0]?.field).toBe('num_key_value_heads');
    const c = parseHfConfig({ ...llama, num_hidden_layers: -1 });
    expect(!c.ok && c.errors[0]?.field).toBe('num_hidden_layers');
  });

  it('rejects a non-object and a config without model_type', () => {
    expect(parseHfConfig('llama').ok).toBe(false);
    expect(parseHfConfig([1]).ok).toBe(false);
    const r = parseHfConfig({ hidden_size: 1 });
    expect(!r.ok && r.errors[0]?.field).toBe('model_type');
  });

  it('tells a config from the estimator\'s own architecture object', () => {
    expect(isHfConfig(llama)).toBe(true);
    expect(isHfConfig({ layers: 2, hiddenSize: 64 })).toBe(false);
    expect(isHfConfig(null)).toBe(false);
  });
});
