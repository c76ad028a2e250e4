/**
 * Verdict reasons as codes: each path of decideVerdict returns its code, the English sentence is worded from that code, and
 * every code reads in English and Chinese with its card and percent filled in.
 */
import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { decideVerdict, MEMORY_ERROR_P90, VERDICT_OF_WHY, VERDICT_WHY_CODES, verdictWhyText, type VerdictWhy, type VerdictWhyCode } from '../../../src/lib/estimator/verdict.ts';
import { verdictReason } from '../../../src/i18n/verdict-reasons.ts';
import { registerWords, wordsFor } from '../../../src/i18n/vocabulary.ts';
import { ZH_CN_WORDS } from '../../../src/i18n/vocabulary.zh-cn.ts';
import { GIB } from '../../../src/lib/units.ts';
import { RTX_4090, scenario } from '../fixtures.ts';

const cards = loadGpus();
const card = (id: string) => {
  const c = cards.find((x) => x.id === id);
  if (!c) throw new Error(`no card ${id}`);
  return c;
};
const HAN = /\p{Script=Han}/u;
const cap = 24 * GIB;

describe('decideVerdict gives one code per path, and its English sentence from that code', () => {
  const cases: [VerdictWhyCode, ReturnType<typeof decideVerdict>][] = [
    ['no-room', decideVerdict(scenario({ model: 'gpt2' }), RTX_4090, { totalBytes: cap * 1.01, pagedBytes: 0, capacityBytes: cap })],
    ['paged-spill', decideVerdict(scenario({ model: 'llama-2-7b', workload: 'qlora' }), RTX_4090, { totalBytes: cap * 1.1, pagedBytes: cap * 0.2, capacityBytes: cap })],
    ['cpu-offload', decideVerdict(scenario({ model: 'gpt2', workload: 'full-finetune', offload: 'optimizer', zeroStage: 2 }), RTX_4090, { totalBytes: cap * 0.5, pagedBytes: 0, capacityBytes: cap })],
    ['within-error', decideVerdict(scenario({ model: 'gpt2' }), RTX_4090, { totalBytes: cap * 0.95, pagedBytes: 0, capacityBytes: cap })],
    ['room-to-spare', decideVerdict(scenario({ model: 'gpt2' }), RTX_4090, { totalBytes: cap * 0.5, pagedBytes: 0, capacityBytes: cap })],
    ['no-bf16-train', decideVerdict(scenario({ model: 'gpt2', workload: 'lora', trainingPrecision: 'bf16-mixed' }), card('tesla-p40'), { totalBytes: 1, pagedBytes: 0, capacityBytes: cap })],
    ['no-bf16-serve', decideVerdict(scenario({ model: 'gpt2', weightsFormat: 'bf16' }), card('v100-sxm2-32gb'), { totalBytes: 1, pagedBytes: 0, capacityBytes: cap })],
    ['no-fp8', decideVerdict(scenario({ model: 'gpt2', weightsFormat: 'fp8' }), card('v100-sxm2-32gb'), { totalBytes: 1, pagedBytes: 0, capacityBytes: cap })],
  ];

  it('covers every code', () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...VERDICT_WHY_CODES].sort());
  });

  it.each(cases)('%s', (code, v) => {
    expect(v.why.code).toBe(code);
    expect(v.verdict).toBe(VERDICT_OF_WHY[code]);
    expect(v.reason).toBe(verdictWhyText(v.why));
    expect(v.reason).not.toMatch(/[{}]/);
  });

  it('names the card in a number-format reason and the error band in a tight one', () => {
    const byCode = Object.fromEntries(cases) as Record<VerdictWhyCode, ReturnType<typeof decideVerdict>>;
    expect(byCode['no-bf16-train'].reason).toMatch(/^Tesla P40 has no BF16/);
    expect(byCode['no-fp8'].reason).toContain(card('v100-sxm2-32gb').name);
    expect(byCode['within-error'].why.percent).toBe(Math.round(MEMORY_ERROR_P90 * 100));
    expect(byCode['within-error'].reason).toContain(`±${Math.round(MEMORY_ERROR_P90 * 100)}%`);
    expect(byCode['no-room'].verdict).toBe('does-not-fit');
    expect(byCode['paged-spill'].verdict).toBe('offload');
    expect(byCode['no-fp8'].verdict).toBe('unsupported');
  });

  it('estimate carries the same code beside its English sentence', () => {
    const e = estimate(scenario({ model: 'llama-2-70b', workload: 'full-finetune' }), RTX_4090);
    expect(e.verdictWhy).toEqual({ code: 'no-room' });
    expect(e.verdictReason).toBe(verdictWhyText(e.verdictWhy));
  });
});

describe('verdictReason renders every code in English and Chinese', () => {
  const why = (code: VerdictWhyCode): VerdictWhy => ({ code, card: 'Tesla P40', percent: 15 });

  it.each([...VERDICT_WHY_CODES])('%s', (code) => {
    const en = verdictReason(why(code), 'en');
    registerWords(wordsFor(ZH_CN_WORDS, [], { verdictReasons: [code] }));
    const zh = verdictReason(why(code), 'zh-cn');
    for (const text of [en, zh]) {
      expect(text).not.toMatch(/[{}]|undefined/);
      if (code.startsWith('no-bf16') || code === 'no-fp8') expect(text).toContain('Tesla P40');
      if (code === 'within-error') expect(text).toContain('±15%');
    }
    expect(en).not.toMatch(HAN);
    expect(zh).toMatch(HAN);
    expect(zh).not.toBe(en);
  });

  it('adds up the reasons islands bring, code by code', () => {
    registerWords(wordsFor(ZH_CN_WORDS, ['seqLen'], { verdictReasons: ['room-to-spare'] }));
    registerWords(wordsFor(ZH_CN_WORDS, ['batchSize'], { verdictReasons: ['no-room'] }));
    registerWords(wordsFor(ZH_CN_WORDS, ['gpuCount']));
    expect(verdictReason({ code: 'room-to-spare' }, 'zh-cn')).toMatch(HAN);
    expect(verdictReason({ code: 'no-room' }, 'zh-cn')).toMatch(HAN);
  });
});

describe('reasonsStated', () => {
  it('keeps the reasons whose verdict sentence has a {reason}, and their verdicts only', async () => {
    const { reasonsStated } = await import('../../../src/components/calculators/wrapper.ts');
    const { islandStrings } = await import('../../../src/i18n/islands.ts');
    const codes = reasonsStated(islandStrings('zh-cn').trainingCost.verdicts);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of VERDICT_WHY_CODES) expect(codes.includes(code)).toBe(['offload', 'unsupported'].includes(VERDICT_OF_WHY[code]));
    expect(reasonsStated({ fits: '{reason}', tight: '', offload: '', unsupported: '', 'does-not-fit': '' })).toEqual(['room-to-spare']);
  });
});
