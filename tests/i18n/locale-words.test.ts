/**
 * An island's share of a locale's form words: a page passes each island only the words of the fields it shows, and words
 * handed in by several islands of one page add up in the registry.
 */
import { describe, expect, it } from 'vitest';
import { fieldOptions, fieldWords, issueMessage, registerWords, vocabulary, wordsFor } from '../../src/i18n/vocabulary.ts';
import { ZH_CN_WORDS } from '../../src/i18n/vocabulary.zh-cn.ts';
import { MEMORY_FORM_KEYS, PARALLELISM_FORM_KEYS } from '../../src/components/calculators/url-keys.ts';
import { parseScenario } from '../../src/lib/scenario/scenario.ts';

describe('wordsFor', () => {
  it('keeps the fields asked for, their option lists and every message; verdict labels and reasons only when asked', () => {
    const w = wordsFor(ZH_CN_WORDS, ['workload', 'batchSize']);
    expect(Object.keys(w.fields).sort()).toEqual(['batchSize', 'workload']);
    // Labels only: islands write their own hints, so a field's help stays in the whole table.
    expect(w.fields.batchSize).toEqual({ label: ZH_CN_WORDS.fields.batchSize!.label, unit: ZH_CN_WORDS.fields.batchSize!.unit });
    expect(ZH_CN_WORDS.fields.batchSize!.help).toMatch(/\p{Script=Han}/u);
    expect(Object.keys(w.vocabulary).sort()).toEqual(['workloads']);
    expect(w.messages).toEqual(ZH_CN_WORDS.messages);
    expect(w.verdictReasons).toBeUndefined();
    expect(w.locale).toBe('zh-cn');
    const reasons = wordsFor(ZH_CN_WORDS, ['workload'], { verdictReasons: ['no-room', 'no-fp8'] });
    expect(reasons.verdictReasons).toEqual({ 'no-room': ZH_CN_WORDS.verdictReasons!['no-room'], 'no-fp8': ZH_CN_WORDS.verdictReasons!['no-fp8'] });
    expect(reasons.vocabulary.verdicts).toBeUndefined();
    const labels = wordsFor(ZH_CN_WORDS, ['workload'], { verdictLabels: true });
    expect(labels.vocabulary.verdicts).toEqual(ZH_CN_WORDS.vocabulary.verdicts);
    // An island that labels its fields itself gets their options but not the table's labels.
    const own = wordsFor(ZH_CN_WORDS, ['workload', 'batchSize'], { fieldLabels: false });
    expect(own.fields).toEqual({});
    expect(own.vocabulary.workloads).toEqual(ZH_CN_WORDS.vocabulary.workloads);
  });

  it('makes the memory calculator\'s words a fraction of the whole table', () => {
    const size = (x: unknown) => JSON.stringify(x).length;
    expect(size(wordsFor(ZH_CN_WORDS, MEMORY_FORM_KEYS))).toBeLessThan(size(ZH_CN_WORDS) / 2);
  });
});

describe('the registry of handed-in words', () => {
  it('adds up the words of two islands, and keeps English for what neither handed in', () => {
    registerWords(wordsFor(ZH_CN_WORDS, MEMORY_FORM_KEYS));
    registerWords(wordsFor(ZH_CN_WORDS, ['zeroStage']));
    // Both islands' fields are Chinese, whichever registered last.
    expect(fieldWords('seqLen', 'zh-cn').label).toBe(ZH_CN_WORDS.fields.seqLen!.label);
    expect(fieldWords('zeroStage', 'zh-cn').label).toBe(ZH_CN_WORDS.fields.zeroStage!.label);
    expect(Object.fromEntries(fieldOptions('workload', 'zh-cn'))['full-finetune']).toBe('全参数微调');
    expect(vocabulary('zh-cn').optimizers).toEqual(ZH_CN_WORDS.vocabulary.optimizers);
    // A field no island handed in: its English label, never undefined.
    expect(PARALLELISM_FORM_KEYS).toContain('pipelineParallel');
    expect(fieldWords('pipelineParallel', 'zh-cn').label).toBe(fieldWords('pipelineParallel', 'en').label);
    expect(fieldOptions('pipelineSchedule', 'zh-cn')).toEqual(fieldOptions('pipelineSchedule', 'en'));
  });

  it('writes a message about a field it was not handed with the field\'s English label in the locale\'s sentence', () => {
    // gpuCount is in neither the memory calculator's fields nor ['zeroStage'], registered above.
    expect(MEMORY_FORM_KEYS).not.toContain('gpuCount');
    const r = parseScenario({ model: 'llama-2-7b', workload: 'inference', gpuCount: 0 });
    const issue = r.ok ? undefined : r.errors.find((e) => e.field === 'gpuCount');
    expect(issue).toBeDefined();
    if (!issue) return;
    const message = issueMessage(issue, 'zh-cn');
    expect(message).not.toContain('undefined');
    expect(message).toMatch(/\p{Script=Han}/u);
    expect(message).toContain(fieldWords('gpuCount', 'en').label);
  });

  it('names a field in a message by the label the island shows where it was handed no table label for it', () => {
    const r = parseScenario({ model: 'llama-2-7b', workload: 'inference', gpuCount: 0 });
    const issue = r.ok ? undefined : r.errors.find((e) => e.field === 'gpuCount');
    expect(issue).toBeDefined();
    if (!issue) return;
    // gpuCount's table label was handed in by no island of this file: the label shown wins over English.
    expect(issueMessage(issue, 'zh-cn', undefined, '显卡数')).toMatch(/^显卡数必须是/);
  });

  it('keeps the help of the whole table when an island hands in the same field\'s label later', () => {
    // Last in this file: the whole table stays registered.
    registerWords(ZH_CN_WORDS);
    registerWords(wordsFor(ZH_CN_WORDS, ['seqLen']));
    expect(fieldWords('seqLen', 'zh-cn')).toEqual(ZH_CN_WORDS.fields.seqLen);
  });
});
