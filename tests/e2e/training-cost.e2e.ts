import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { estimateOn, field, islandSuite, scenarioKey, shows, textOf, typeGarbage, urlHas, valueOf, verdictIs, verdictOf } from './support/island.ts';
import { CARD_PRICE_FIELD } from '../../src/lib/scenario/fields.ts';
import { formatNumber } from '../../src/lib/units.ts';

const island = islandSuite({ path: '/learn/training-cost/', root: 'section.tc', prefix: 'cost' });
const key = (k: Parameters<typeof scenarioKey>[1]) => scenarioKey('cost', k);

/** The island's defaults, as the estimator's raw scenario. */
const DEFAULT = { model: 'llama-3.1-8b', workload: 'qlora', trainTokens: 100e6, batchSize: 1, seqLen: 2048, gradientCheckpointing: true, gpuCount: 1, zeroStage: 0 };

/** The estimator's tokens/s and hours for a scenario on a card, formatted as the island shows them. */
function expected(patch: Record<string, unknown>, gpuId = 'rtx-4090'): { tokens: string; hours: string; verdict: string } {
  const e = estimateOn({ ...DEFAULT, ...patch }, gpuId);
  return { tokens: `${formatNumber(e.throughput.trainTokensPerSecond, 3)} tokens/s`, hours: `${formatNumber(e.timeSeconds / 3600, 3)} h`, verdict: e.verdict };
}

const cheapestNames = (page: Page) => page.locator('[data-testid="cheapest"] tbody th').allTextContents();
const RENT = 'Rental price (USD per card-hour)';

describe.concurrent('training-cost calculator on the Training-cost chapter', () => {
  it('shows the default result without JavaScript (server-rendered)', () =>
    island.withoutScript(async (page) => {
      const want = expected({});
      await textOf(page.getByTestId('throughput'), want.tokens);
      await verdictIs(page, want.verdict);
      await expect(page.locator('[data-testid="cheapest"] tbody tr').count()).resolves.toBe(8);
    }));

  it('changing the workload, tokens and card updates the result, and the URL round-trips them', () =>
    island.use('training-cost-change', '', async (page) => {
      await island.roundTrip(page, { Workload: 'lora', 'Training tokens': '1B', Card: 'a100-sxm-80gb' }, { [key('workload')]: 'lora', [key('trainTokens')]: '1B', [key('gpu')]: 'a100-sxm-80gb' }, (p) => [p.getByTestId('throughput'), p.getByTestId('time'), verdictOf(p)]);
      const want = expected({ workload: 'lora', trainTokens: 1e9 }, 'a100-sxm-80gb');
      await shows(page, { throughput: want.tokens, time: want.hours });
    }));

  it('compares owning with renting once an hourly price is typed, and takes a purchase price', () =>
    island.use('training-cost-rent', '', async (page) => {
      await textOf(page.getByTestId('rent'), 'not given');
      await page.getByLabel(RENT).fill('1000');
      await textOf(page.getByTestId('cost-words'), 'Owning is cheaper');
      await page.getByLabel(RENT).fill('0.0001');
      await textOf(page.getByTestId('cost-words'), 'Renting is cheaper');
      const before = await page.getByTestId('buy').textContent();
      await page.getByLabel('Purchase price per card (USD)').fill('100000');
      await page.waitForFunction((b) => document.querySelector('[data-testid="buy"]')?.textContent !== b, before);
      await urlHas(page, { [`cost.${CARD_PRICE_FIELD.url}`]: '100000' });
    }));

  it('a job too big for one card says so and several cards fit it', () =>
    island.use('training-cost-cards', '?cost.workload=full-finetune', async (page) => {
      await textOf(verdictOf(page), '✗ Does not fit');
      await field(page, 'Cards').fill('8');
      await verdictIs(page, expected({ workload: 'full-finetune', gpuCount: 8, zeroStage: 3 }).verdict);
    }));

  it('prices no job that does not run, greys its figures with the reason, and never advises checkpointing that is already on', () =>
    island.use('training-cost-unpriced', '?cost.workload=full-finetune&cost.ckpt=1', async (page) => {
      const said = await textOf(verdictOf(page), '✗ Does not fit');
      expect(said).not.toContain('checkpointing');
      await textOf(page.getByTestId('cost-words'), 'Not priced');
      for (const id of ['throughput', 'time', 'card-hours', 'energy']) {
        const dd = page.getByTestId(id);
        await textOf(dd, 'not estimated');
        expect(await dd.textContent()).not.toMatch(/\d/);
        await expect(dd.evaluate((el) => getComputedStyle(el).fontStyle)).resolves.toBe('italic');
      }
      await expect(page.getByTestId('cost-table').count()).resolves.toBe(0);
      // With checkpointing off, switching it on is advice worth giving.
      await page.getByLabel('Gradient checkpointing').uncheck();
      await textOf(verdictOf(page), 'checkpointing');
    }));

  it('garbage input shows a message beside the field and keeps the last valid result', () =>
    island.use('training-cost-garbage', '', async (page) => {
      const tokens = page.getByLabel('Training tokens');
      const shown = await page.getByTestId('throughput').textContent();
      await typeGarbage(tokens, 'banana', 'must be a number of tokens');
      await textOf(page.locator('.tc .stale-note'), /./);
      expect(await page.getByTestId('throughput').textContent()).toBe(shown);
      await typeGarbage(tokens, '', 'Training tokens is required');
      await tokens.fill('100M');
      await typeGarbage(page.getByLabel('Utilisation (MFU)'), '150', 'at most 1 (or 100%)');
      await page.getByLabel('Utilisation (MFU)').fill('');
      await typeGarbage(field(page, 'Cards'), '-2', 'Number of cards must be a whole number');
      await field(page, 'Cards').fill('1');
      await typeGarbage(page.getByLabel('Sequence length (tokens)'), '99999999', 'from 1 to 1,048,576');
    }));

  it('a copied link reproduces the inputs, and reset restores the defaults', () =>
    island.use('training-cost-url', '?cost.model=gpt2&cost.workload=pretrain&cost.tokens=10B&cost.gpu=h100-sxm&cost.batch=16&cost.seq=1024&cost.ckpt=0', async (page) => {
      const want = expected({ model: 'gpt2', workload: 'pretrain', trainTokens: 10e9, batchSize: 16, seqLen: 1024, gradientCheckpointing: false }, 'h100-sxm');
      await textOf(page.getByTestId('throughput'), want.tokens);
      await valueOf(page.getByLabel('Training tokens'), '10B');
      await island.reset(page, page.getByTestId('throughput'), expected({}).tokens);
    }));

  it('a garbage query string leaves the page usable with a message', () =>
    island.garbageQuery('training-cost-garbage-url', '?cost.tokens=%3Cscript%3Ealert(1)%3C%2Fscript%3E&cost.gpu=nope&cost.workload=inference&cost.elec=-1&cost.ckpt=maybe', {
      'cost-tokens': 'must be a number of tokens', 'cost-gpu': 'Choose a card', 'cost-workload': 'Choose a training workload',
      'cost-elec': 'Electricity price must be a number', 'cost-ckpt': 'Gradient checkpointing must be on or off',
    }, async () => undefined));

  it('the cheapest-cards table sorts by a column from the keyboard', () =>
    island.use('training-cost-sort', '', async (page) => {
      const byPrice = await cheapestNames(page);
      await page.getByRole('button', { name: 'Sort by Time (h)' }).focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain('Time (h)');
      const byTime = await cheapestNames(page);
      expect([...byTime].sort()).toEqual([...byPrice].sort());
      await page.keyboard.press('Enter');
      await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('Time (h)');
      expect(await cheapestNames(page)).toEqual([...byTime].reverse());
    }));

  it('is operable with the keyboard alone', () =>
    island.use('training-cost-keyboard', '', async (page) => {
      await page.getByLabel('Training tokens').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('200M');
      await textOf(page.getByTestId('time'), expected({ trainTokens: 200e6 }).hours);
      await page.getByLabel('Gradient checkpointing').focus();
      await page.keyboard.press('Space');
      await urlHas(page, { [key('gradientCheckpointing')]: '0' });
      await expect(page.getByLabel('Gradient checkpointing').isChecked()).resolves.toBe(false);
      await island.root(page).getByRole('button', { name: 'Reset' }).focus();
      await page.keyboard.press('Enter');
      await valueOf(page.getByLabel('Training tokens'), '100M');
    }));
});
