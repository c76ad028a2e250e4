/**
 * The string tables of both languages: every key the English table has, the Chinese one has (and no other), including the
 * open-ended maps the type cannot pin down; every string keeps the `{placeholders}` its English twin fills; and the Chinese
 * tables really are Chinese where a reader reads sentences.
 */
import { describe, expect, it } from 'vitest';
import { islandStrings } from '../../src/i18n/islands.ts';
import { PLANNER_TABLES } from '../../src/i18n/planner.ts';
import { fieldOptions, fieldWords, issueMessage, specOptions, specWords, vocabulary } from '../../src/i18n/vocabulary.ts';
import { narrowField, type FieldSpec } from '../../src/lib/scenario/fields.ts';
import { readFields } from '../../src/lib/scenario/read-fields.ts';
import { localeWords } from '../../src/i18n/vocabulary.zh-cn.ts';
import { FIELDS } from '../../src/lib/scenario/fields.ts';
import { parseScenario } from '../../src/lib/scenario/scenario.ts';

/** Every leaf of a nested table as [path, value]. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const HAN = /\p{Script=Han}/u;

describe('the form words of a language other than English', () => {
  it('are English until a page hands in its table, then the locale\'s own', () => {
    expect(fieldWords('seqLen', 'zh-cn').label).toBe('Sequence length');
    expect(localeWords('en')).toBeUndefined();
    expect(localeWords(undefined)).toBeUndefined();
    expect(localeWords('zh-CN')?.locale).toBe('zh-cn');
    expect(fieldWords('seqLen', 'zh-cn').label).toBe('序列长度');
    expect(fieldWords('seqLen', 'en').label).toBe('Sequence length');
  });
});

/** Every island word module under src/i18n/islands: the English table and its Chinese twin, by module name. */
const englishModules = import.meta.glob<{ en: object }>('../../src/i18n/islands/*.ts', { eager: true });
const islandModules = Object.entries(englishModules)
  .filter(([path]) => !path.endsWith('.zh-cn.ts'))
  .map(([path, mod]) => ({ name: path.replace(/^.*\/|\.ts$/g, ''), en: mod.en, zh: (englishModules[path.replace(/\.ts$/, '.zh-cn.ts')] as { zhCn?: object } | undefined)?.zhCn }));

describe('island string tables', () => {
  const en = new Map(leaves(islandStrings(undefined)));
  const zh = new Map(leaves(islandStrings('zh-cn')));

  it('the Chinese table is a different table, picked by the zh-cn locale', () => {
    expect(islandStrings('zh-cn')).not.toBe(islandStrings(undefined));
    expect(islandStrings('zh-cn').numberLocale).toBe('zh-CN');
    // Astro.currentLocale gives the locale's language code, "zh-CN", on the Chinese pages.
    expect(islandStrings('zh-CN')).toBe(islandStrings('zh-cn'));
    expect(PLANNER_TABLES['zh-cn']).toBeDefined();
    expect(islandStrings('fr')).toBe(islandStrings(undefined));
  });

  it('serves every island module, and each has a Chinese twin', () => {
    expect(islandModules.length).toBeGreaterThan(10);
    const served = new Set(Object.values(islandStrings(undefined)));
    expect(islandModules.filter((m) => !served.has(m.en as never)).map((m) => m.name)).toEqual([]);
    expect(islandModules.filter((m) => m.zh === undefined).map((m) => m.name)).toEqual([]);
  });

  it.each(islandModules)('$name: the Chinese table has exactly the English keys and keeps every placeholder', ({ en: enTable, zh: zhTable }) => {
    const enLeaves = new Map(leaves(enTable));
    const zhLeaves = new Map(leaves(zhTable));
    const missingInZh = [...enLeaves.keys()].filter((k) => !zhLeaves.has(k));
    const missingInEn = [...zhLeaves.keys()].filter((k) => !enLeaves.has(k));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
    const wrong = [...enLeaves].filter(([k, v]) => typeof v === 'string' && placeholders(v).join() !== placeholders(String(zhLeaves.get(k))).join()).map(([k]) => k);
    expect(wrong).toEqual([]);
  });

  it('has exactly the same keys in both languages', () => {
    const missingInZh = [...en.keys()].filter((k) => !zh.has(k));
    const missingInEn = [...zh.keys()].filter((k) => !en.has(k));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
    expect(en.size).toBeGreaterThan(500);
  });

  it('writes every sentence-like string in Chinese', () => {
    // A string with three English words in a row is a sentence or a label a reader reads; it must not survive untranslated.
    const english = [...zh].filter(([k, v]) => typeof v === 'string' && /[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}/.test(v) && !HAN.test(v) && k !== 'numberLocale');
    expect(english).toEqual([]);
  });
});

describe('planner string tables', () => {
  const en = PLANNER_TABLES['en'];
  const zh = PLANNER_TABLES['zh-cn'];

  it('has both locales with the same keys and placeholders', () => {
    expect(en).toBeDefined();
    expect(zh).toBeDefined();
    expect(Object.keys(zh ?? {}).sort()).toEqual(Object.keys(en ?? {}).sort());
    const wrong = Object.entries(en ?? {}).filter(([k, v]) => placeholders(v).join() !== placeholders((zh as Record<string, string>)[k] ?? '').join()).map(([k]) => k);
    expect(wrong).toEqual([]);
  });

  it('links the Chinese planner to the Chinese pages', () => {
    expect(zh?.base).toBe('/zh-cn');
    expect(en?.base).toBe('');
  });
});

describe('field manifest in Chinese', () => {
  it('labels and explains every field', () => {
    for (const f of FIELDS) {
      const w = fieldWords(f.key, 'zh-cn');
      expect(w.label, f.key).toMatch(/\S/);
      expect(w.help, f.key).toMatch(HAN);
      expect(fieldWords(f.key, undefined).label).toBe(f.label);
    }
  });

  it('labels every option of every list', () => {
    for (const f of FIELDS) {
      const en = fieldOptions(f.key, 'en');
      const zh = fieldOptions(f.key, 'zh-cn');
      expect(zh.map(([v]) => v)).toEqual(en.map(([v]) => v));
      for (const [, label] of zh) expect(label).toMatch(/\S/);
    }
    expect(Object.fromEntries(fieldOptions('workload', 'zh-cn'))['full-finetune']).toBe('全参数微调');
    expect(vocabulary('zh-cn').verdicts['does-not-fit']).toBe('装不下');
  });

  it('turns a validator issue into a Chinese message with the field’s range', () => {
    const r = parseScenario({ model: 'llama-2-7b', workload: 'inference', seqLen: 0 });
    expect(r.ok).toBe(false);
    const issue = r.ok ? undefined : r.errors.find((e) => e.field === 'seqLen');
    expect(issue).toBeDefined();
    if (!issue) return;
    const zh = issueMessage(issue, 'zh-cn');
    expect(zh).toContain('序列长度');
    expect(zh).toContain('1,048,576');
    expect(zh).not.toMatch(/must/);
    expect(issueMessage(issue, undefined)).toBe(issue.message);
  });

  it('shows a narrowed manifest field in the locale’s words and options, and a calculator’s own field in its own', () => {
    const workload = narrowField('workload', { options: [{ value: 'lora', label: 'LoRA fine-tuning' }] });
    expect(specOptions(workload, 'zh-cn')).toEqual([['lora', 'LoRA 微调']]);
    expect(specWords(narrowField('seqLen', { max: 4096 }), 'zh-cn')).toEqual(fieldWords('seqLen', 'zh-cn'));
    const cards: FieldSpec = { key: 'cards', url: 'cards', label: 'Cards to compare', kind: 'card', help: '' };
    expect(specWords(cards, 'zh-cn').label).toBe('Cards to compare');
    expect(specWords(narrowField('seqLen', {}), 'en')).toMatchObject({ label: 'Sequence length', unit: 'tokens' });
  });

  it('words a calculator’s narrowed or own field by the entry and label it shows', () => {
    const ctx = narrowField('promptTokens', { url: 'ctx', label: 'Context', stops: [512, 1024, 2048] });
    const [stop] = readFields([ctx], { ctx: '700' }).errors;
    expect(stop && issueMessage(stop, 'zh-cn', ctx, '上下文')).toBe('上下文必须是滑块上的一档，从 512 到 2,048。');
    const top = narrowField('trainableTopLayers', { max: 32 });
    const [k] = readFields([top], { top: '40' }).errors;
    // The manifest's own label keeps its Chinese name; the range is the narrowed one.
    expect(k && issueMessage(k, 'zh-cn', top, '训练最上面的块数（k）')).toBe(`${fieldWords('trainableTopLayers', 'zh-cn').label}必须是 1 到 32 之间的整数。`);
    const cards: FieldSpec = { key: 'cards', url: 'cards', label: 'Cards to compare', kind: 'card', multiple: true, options: [], help: '' };
    const [none] = readFields([cards], { cards: '' }).errors;
    expect(none && issueMessage(none, 'zh-cn', cards, '要对比的显卡')).toBe('请填写要对比的显卡。');
    expect(none && issueMessage(none, 'en', cards, 'Cards')).toBe('Cards to compare: choose at least one');
  });
});

describe('spec pages in Chinese', () => {
  it('names every spec row and group in Chinese', async () => {
    const { SPEC_ROWS, GROUPS } = await import('../../src/components/specs/rows.ts');
    const { ROW_LABEL_ZH, GROUP_TITLE_ZH, rowHeaderIn } = await import('../../src/i18n/specs.ts');
    expect(SPEC_ROWS.filter((r) => !(r.anchor in ROW_LABEL_ZH)).map((r) => r.anchor)).toEqual([]);
    expect(Object.keys(ROW_LABEL_ZH).filter((a) => !SPEC_ROWS.some((r) => r.anchor === a))).toEqual([]);
    expect(GROUPS.filter((g) => !GROUP_TITLE_ZH[g.id])).toEqual([]);
    const bandwidth = SPEC_ROWS.find((r) => r.anchor === 'memory-bandwidth');
    expect(bandwidth && rowHeaderIn(bandwidth, 'zh-cn')).toBe('显存带宽（GB/s）');
  });

  it('prints the same numbers in both languages, with the words translated', async () => {
    const { SPEC_ROWS } = await import('../../src/components/specs/rows.ts');
    const { rowText } = await import('../../src/i18n/specs.ts');
    const { default: card } = await import('../../src/data/gpus/rtx-3090.json');
    const record = card as unknown as Parameters<typeof rowText>[1];
    for (const row of SPEC_ROWS) {
      const en = rowText(row, record, 'en');
      const zh = rowText(row, record, 'zh-cn');
      // Every number the English cell shows, the Chinese cell shows too.
      expect(zh.match(/\d[\d,.]*/g) ?? [], row.anchor).toEqual(expect.arrayContaining(en.match(/\d[\d,.]*/g) ?? []));
      expect(zh, row.anchor).not.toMatch(/\b(not supported|not published|yes|no|generation|both directions|per direction)\b/);
    }
  });

  it('keeps downloads one file and prefixes every other path', async () => {
    const { localePath } = await import('../../src/i18n/specs.ts');
    expect(localePath('/gpus/rtx-4090/', 'zh-cn')).toBe('/zh-cn/gpus/rtx-4090/');
    expect(localePath('/gpus.json', 'zh-cn')).toBe('/gpus.json');
    expect(localePath('/gpus.csv', 'zh-cn')).toBe('/gpus.csv');
    expect(localePath('/gpus/', 'en')).toBe('/gpus/');
  });
});

describe('verdict reasons in Chinese', () => {
  it('translates every reason the verdict module writes for a real scenario', async () => {
    const { verdictReason: reasonIn } = await import('../../src/i18n/verdict-reasons.ts');
    const { estimate, estimatorCard } = await import('../../src/lib/estimator/estimate.ts');
    const { default: t4 } = await import('../../src/data/gpus/t4.json');
    const { default: r4090 } = await import('../../src/data/gpus/rtx-4090.json');
    const cases = [
      [{ model: 'llama-3.1-8b', workload: 'qlora', seqLen: 512 }, r4090],
      [{ model: 'llama-3.1-70b', workload: 'full-finetune', seqLen: 2048 }, r4090],
      [{ model: 'llama-3.1-8b', workload: 'lora', weightsFormat: 'bf16', trainingPrecision: 'bf16-mixed', seqLen: 512 }, t4],
    ] as const;
    const seen = new Set<string>();
    for (const [raw, card] of cases) {
      const parsed = parseScenario(raw);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const e = estimate(parsed.scenario, estimatorCard(card as never), { explain: false });
      seen.add(e.verdict);
      const zh = reasonIn(e.verdictWhy, 'zh-cn');
      expect(zh, e.verdictReason).toMatch(HAN);
      expect(zh).not.toMatch(/\b(fits|needs|memory|has no)\b/);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});

describe('the term pairs and the Chinese glossary', () => {
  it('pairs each English term with one Chinese term and back', async () => {
    const { TERM_PAIRS } = await import('../../src/i18n/terms.ts');
    const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dup(TERM_PAIRS.map((p) => p.en))).toEqual([]);
    expect(dup(TERM_PAIRS.map((p) => p.zh))).toEqual([]);
    expect(TERM_PAIRS.length).toBeGreaterThan(60);
    for (const p of TERM_PAIRS) if (p.firstUse) expect(p.firstUse.startsWith(p.zh), p.en).toBe(true);
  });

  it('links every glossary entry to chapters that exist and writes its definition in Chinese', async () => {
    const { readdirSync } = await import('node:fs');
    const { ZH_GLOSSARY, TERM_PAIRS } = await import('../../src/i18n/terms.ts');
    const chapters = new Set(readdirSync('src/content/docs/learn').map((f) => f.replace(/\.mdx$/, '')));
    for (const g of ZH_GLOSSARY) {
      expect(g.see.length, g.zh).toBeGreaterThan(0);
      expect(g.see.filter((s) => !chapters.has(s)), g.zh).toEqual([]);
      expect(g.definition, g.zh).toMatch(HAN);
    }
    // A glossary entry named with a paired term uses the pair's Chinese words.
    const pairByEn = new Map(TERM_PAIRS.map((p) => [p.en.toLowerCase(), p]));
    for (const g of ZH_GLOSSARY) {
      const pair = pairByEn.get(g.en.toLowerCase());
      if (pair && HAN.test(pair.zh)) expect(g.zh.startsWith(pair.zh), g.en).toBe(true);
    }
  });
});
