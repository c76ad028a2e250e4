/**
 * Islands of Chinese pages are handed only the form words of the fields they show: after hydration their options, labels
 * and messages are still Chinese (a word left out would fall back to English).
 */
import { describe, expect, it } from 'vitest';
import { islandSuite, textOf, typeGarbage } from './support/island.ts';
import { ZH_CN_WORDS } from '../../src/i18n/vocabulary.zh-cn.ts';
import { seriesLabel } from '../../src/i18n/specs.ts';

const HAN = /\p{Script=Han}/u;
const memory = islandSuite({ path: '/zh-cn/learn/will-it-fit/', root: 'section.mb', prefix: 'mem' });
const planner = islandSuite({ path: '/zh-cn/plan/', root: '.planner', ready: '.planner[data-hydrated="true"]' });

describe.concurrent('the memory calculator on the Chinese Will it fit? chapter', () => {
  it('lists Chinese workloads and writes Chinese messages once hydrated', () =>
    memory.use('zh-memory-words', '', async (page) => {
      const workloads = await page.locator('#mem-workload option').evaluateAll((os) => os.map((o) => [o.getAttribute('value'), o.textContent]));
      expect(Object.fromEntries(workloads)).toMatchObject(ZH_CN_WORDS.vocabulary.workloads!);
      const optimizers = await page.locator('#mem-optimizer option').allTextContents();
      expect(optimizers.length).toBeGreaterThan(1);
      expect(optimizers).toContain(ZH_CN_WORDS.vocabulary.optimizers!.adamw);
      await typeGarbage(page.locator('#mem-batch'), '0', `${ZH_CN_WORDS.fields.batchSize!.label}必须是`);
      await textOf(page.getByTestId('verdict'), HAN);
    }));
});

describe.concurrent('the Chinese planner', () => {
  it('lists every model and card once hydrated, with Chinese saver labels and verdicts', () =>
    planner.use('zh-planner-words', '', async (page) => {
      await expect(page.locator('#plan-model option').count()).resolves.toBeGreaterThan(20);
      await expect(page.locator('#plan-gpu option').count()).resolves.toBeGreaterThan(20);
      await textOf(page.locator('label[for="plan-ckpt"]'), ZH_CN_WORDS.fields.gradientCheckpointing!.label);
      const verdicts = await page.locator('[data-testid="plan-table"] tbody .verdict').allTextContents();
      expect(verdicts.length).toBeGreaterThan(0);
      for (const v of verdicts) expect(v).toMatch(HAN);
      // The card list's series groups are named in Chinese, the reference cards too.
      const groups = await page.locator('#plan-gpu optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label') ?? ''));
      expect(groups).toContain(seriesLabel('reference', 'zh-cn'));
      expect(groups).not.toContain(seriesLabel('reference', 'en'));
    }));

  it('states why a card cannot run the job in Chinese, with the card named', () =>
    planner.use('zh-planner-reasons', '?workload=lora&weights=bf16&model=llama-3.2-1b', async (page) => {
      expect(await page.locator('tr[data-card="tesla-p40"]').getAttribute('data-verdict')).toBe('unsupported');
      const why = page.locator('tr[data-card="tesla-p40"] .verdict-why');
      await textOf(why, HAN);
      await textOf(why, 'Tesla P40');
      await textOf(why, 'BF16');
    }));
});
