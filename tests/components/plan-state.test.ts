import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, PLAN_DEFAULTS } from '../../src/components/planner/plan-state.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import type { PlannerCard } from '../../src/lib/answers/planner.ts';
import { localeWords } from '../../src/i18n/vocabulary.zh-cn.ts';

const CARDS: PlannerCard[] = loadGpus().map((c) => ({ ...estimatorCard(c), series: c.series }));
const QWEN3 = readFileSync(new URL('../lib/fixtures/hf-configs/qwen3-8b.json', import.meta.url), 'utf8');
const qwenConfig = JSON.stringify(JSON.parse(QWEN3).config);

describe('evaluatePlan', () => {
  it('answers the default job on every card, cheapest runnable card first', () => {
    const r = evaluatePlan(PLAN_DEFAULTS, CARDS);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows).toHaveLength(CARDS.length);
    expect(r.shown).toHaveLength(CARDS.length);
    const first = r.rows[0]!;
    expect(['fits', 'tight']).toContain(first.verdict);
    for (const row of r.rows.filter((x) => x.verdict === 'fits' || x.verdict === 'tight')) expect(row.cardsPriceUsd ?? Infinity).toBeGreaterThanOrEqual(first.cardsPriceUsd ?? 0);
  });

  it('takes the savers\' defaults from the workload until the reader sets them', () => {
    const q = evaluatePlan(PLAN_DEFAULTS, CARDS);
    const full = evaluatePlan({ ...PLAN_DEFAULTS, workload: 'full-finetune', model: 'qwen2.5-0.5b' }, CARDS);
    expect(q.ok && q.scenario.pagedOptimizer).toBe(true);
    expect(full.ok && full.scenario.pagedOptimizer).toBe(false);
    const off = evaluatePlan({ ...PLAN_DEFAULTS, paged: '0' }, CARDS);
    expect(off.ok && off.scenario.pagedOptimizer).toBe(false);
  });

  it('reads a pasted config.json as the model', () => {
    const r = evaluatePlan({ ...PLAN_DEFAULTS, model: 'config', config: qwenConfig }, CARDS);
    expect(r.ok && Math.abs(r.modelParams / 8.2e9 - 1)).toBeLessThan(0.01);
  });

  it('puts the message for broken JSON, an unsupported architecture or a missing key beside the config', () => {
    const broken = evaluatePlan({ ...PLAN_DEFAULTS, model: 'config', config: '{"model_type": "llama",' }, CARDS);
    expect(!broken.ok && broken.errors['config']).toMatch(/Not valid JSON/);
    const mamba = evaluatePlan({ ...PLAN_DEFAULTS, model: 'config', config: qwenConfig.replace('"qwen3"', '"mamba"') }, CARDS);
    expect(!mamba.ok && mamba.errors['config']).toMatch(/"mamba" is not supported/);
    const missing = evaluatePlan({ ...PLAN_DEFAULTS, model: 'config', config: qwenConfig.replace('"hidden_size"', '"hidden_sizes"') }, CARDS);
    expect(!missing.ok && missing.errors['config']).toMatch(/hidden_size/);
  });

  it('puts a bad number beside its field, named in words', () => {
    const r = evaluatePlan({ ...PLAN_DEFAULTS, batch: 'lots', budget: 'cheap' }, CARDS);
    expect(!r.ok && r.errors['batch']).toMatch(/Batch size/);
    expect(!r.ok && r.errors['budget']).toMatch(/Budget/);
    const range = evaluatePlan({ ...PLAN_DEFAULTS, seq: '0' }, CARDS);
    expect(!range.ok && range.errors['seq']).toMatch(/Sequence length/);
  });

  it('filters by series, budget and memory', () => {
    const r = evaluatePlan({ ...PLAN_DEFAULTS, series: 'geforce-40', budget: '1000', vram: '12' }, CARDS);
    if (!r.ok) throw new Error('expected ok');
    expect(r.shown.length).toBeGreaterThan(0);
    for (const row of r.shown) {
      expect(row.series).toBe('geforce-40');
      expect(row.cardsPriceUsd).toBeLessThanOrEqual(1000);
      expect(row.memoryGB).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('evaluatePlan in Chinese', () => {
  it('words every message for the reader’s locale and keeps the English ones unchanged', () => {
    const bad = { ...PLAN_DEFAULTS, batch: 'abc', budget: 'lots', seq: '0' };
    // A Chinese page hands its form words in (the planner page does it through its island's props).
    localeWords('zh-cn');
    const zh = evaluatePlan(bad, CARDS, 'zh-cn');
    const en = evaluatePlan(bad, CARDS);
    expect(zh.ok || en.ok).toBe(false);
    if (zh.ok || en.ok) return;
    expect(Object.keys(zh.errors).sort()).toEqual(Object.keys(en.errors).sort());
    expect(zh.errors['batch']).toContain('批大小');
    expect(zh.errors['budget']).toContain('预算');
    expect(en.errors['batch']).toMatch(/Batch size/);
    for (const message of Object.values(zh.errors)) expect(message).toMatch(/\p{Script=Han}/u);
  });
});
