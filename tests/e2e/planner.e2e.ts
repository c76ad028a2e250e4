import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { field, islandSuite, textOf, typeGarbage, urlHas, valueOf } from './support/island.ts';
import { fieldSpec, type FieldKey } from '../../src/lib/scenario/fields.ts';

const planner = islandSuite({ path: '/plan/', root: '.planner', ready: '.planner[data-hydrated="true"]' });

/** Every card in the data, with its series. */
const CARDS = readdirSync('src/data/gpus').filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(`src/data/gpus/${f}`, 'utf8')) as { id: string; series: string });
const QWEN3_8B = JSON.stringify(JSON.parse(readFileSync('tests/lib/fixtures/hf-configs/qwen3-8b.json', 'utf8')).config, null, 1);

const rowIds = (page: Page) => page.locator('[data-testid="plan-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-card') ?? ''));
/** The planner's URL key of a scenario field (the planner uses the manifest's keys without a prefix). */
const key = (k: FieldKey) => fieldSpec(k).url;

describe.concurrent('the planner', () => {
  it('renders a row for every card without JavaScript', () =>
    planner.withoutScript(async (page) => {
      expect((await rowIds(page)).sort()).toEqual(CARDS.map((c) => c.id).sort());
      await textOf(page.getByTestId('precision'), /typically within ±\d+%, 9 in 10 within ±\d+%/);
    }));

  it('reads a pasted config.json in the browser and plans it', () =>
    planner.use('planner-config-valid', '', async (page) => {
      await field(page, 'Model').selectOption('config');
      await page.getByLabel('Paste a Hugging Face config.json').fill(QWEN3_8B);
      await textOf(page.getByTestId('config-ok'), /8\.19B parameters/);
      await urlHas(page, { [key('model')]: 'config' });
      expect(new URL(page.url()).searchParams.get('config')).toContain('"qwen3"');
    }));

  it('says what is wrong with a broken config and with an unsupported architecture, beside the field', () =>
    planner.use('planner-config-bad', '', async (page) => {
      await field(page, 'Model').selectOption('config');
      const box = page.getByLabel('Paste a Hugging Face config.json');
      await typeGarbage(box, '{"model_type": "llama", "hidden_size": 4096,', 'Not valid JSON');
      await typeGarbage(box, QWEN3_8B.replace('"qwen3"', '"mamba"'), 'model_type "mamba" is not supported');
      await typeGarbage(box, QWEN3_8B.replace('"hidden_size"', '"hidden_width"'), 'hidden_size');
      // The table keeps the last valid answer.
      expect((await rowIds(page)).length).toBe(CARDS.length);
    }));

  it('sorts by the order chosen, runnable cards first', () =>
    planner.use('planner-sort', '?workload=inference&model=llama-3.1-8b&weights=q4_k_m', async (page) => {
      await page.getByLabel('Sort by').selectOption('fastest');
      await urlHas(page, { sort: 'fastest' });
      const rows = await page.locator('[data-testid="plan-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        verdict: tr.getAttribute('data-verdict'),
        speed: Number((tr.children[3]?.textContent ?? '').replace(/,/g, '').split(' ')[0]),
      })));
      const runnable = rows.filter((r) => r.verdict === 'fits' || r.verdict === 'tight');
      expect(runnable.length).toBeGreaterThan(10);
      expect(rows.slice(0, runnable.length).every((r) => r.verdict === 'fits' || r.verdict === 'tight')).toBe(true);
      for (let i = 1; i < runnable.length; i++) expect(runnable[i - 1]!.speed).toBeGreaterThanOrEqual(runnable[i]!.speed);
    }));

  it('filters by series, budget and memory', () =>
    planner.use('planner-filter', '', async (page) => {
      await field(page, 'Series').selectOption('geforce-40');
      await page.getByLabel('At least this much memory per card (GB)').fill('16');
      await urlHas(page, { vram: '16' });
      const series40 = new Set(CARDS.filter((c) => c.series === 'geforce-40').map((c) => c.id));
      const ids = await rowIds(page);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(series40.has(id)).toBe(true);
      await typeGarbage(page.getByLabel('Budget (USD, empty for any)'), 'abc', 'Budget must be a number');
    }));

  it('shows every verdict the job earns, including BF16 on a Pascal card', () =>
    planner.use('planner-verdicts', '?workload=lora&weights=bf16&model=llama-3.2-1b', async (page) => {
      await textOf(page.locator('tr[data-card="tesla-p40"] td').first(), 'BF16');
      expect(await page.locator('tr[data-card="tesla-p40"]').getAttribute('data-verdict')).toBe('unsupported');
      expect(await page.locator('tr[data-card="rtx-4090"]').getAttribute('data-verdict')).toBe('fits');
      expect(await page.locator('tr[data-card="gtx-1050"]').getAttribute('data-verdict')).toMatch(/does-not-fit|unsupported/);
    }));

  it('the URL round-trips the job, garbage gets a message, and reset restores the defaults', () =>
    planner.use('planner-url', '', async (page) => {
      const keys = { [key('model')]: 'qwen3-8b', [key('workload')]: 'inference', [key('batchSize')]: '4', [key('gpu')]: 'h100-sxm' };
      await planner.roundTrip(page, { Model: 'qwen3-8b', Workload: 'inference', 'Batch size': '4', 'Your card': 'h100-sxm' }, keys, (p) => [p.getByTestId('plan-table')]);
      await field(page, 'Batch size').fill('8');
      await urlHas(page, { [key('batchSize')]: '8' });
      await typeGarbage(field(page, 'Batch size'), 'many', 'Batch size must be a whole number');
      await page.getByRole('button', { name: 'Reset' }).click();
      await valueOf(field(page, 'Model'), 'llama-3.1-8b');
    }));

  it('opens from the landing page form with the choices in the URL', () =>
    planner.visit('planner-landing', '/', async (page) => {
      await page.locator('.quick-plan select[name="model"]').selectOption('qwen3-14b');
      await page.locator('.quick-plan select[name="workload"]').selectOption('lora');
      await page.getByRole('button', { name: 'Plan it on every card' }).click();
      await page.waitForURL(/\/plan\/\?model=qwen3-14b&workload=lora/);
      await page.waitForSelector('.planner[data-hydrated="true"]');
      await valueOf(field(page, 'Model'), 'qwen3-14b');
    }));

  it('is embedded in the Choosing chapter: the first job, 12 rows without JavaScript, and the same job one click away in the full planner', async () => {
    await planner.withoutScript(async (page) => {
      expect(await rowIds(page)).toHaveLength(12);
      // No filter yet, so every card matches: the caption gives the count once.
      await textOf(page.locator('[data-testid="plan-table"] caption'), new RegExp(`^The first 12 of all ${CARDS.length} cards for Llama 3\\.1 8B, QLoRA`));
      // Every job in the chapter's table links to the planner with its own inputs.
      const jobLinks = await page.locator('a.plan-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(jobLinks.length).toBeGreaterThanOrEqual(6);
      for (const href of jobLinks) expect(href).toMatch(/^\/plan\/\?model=[\w.-]+&workload=[\w-]+/);
    }, '/learn/choosing/');

    await planner.use('planner-choosing-embed', '', async (page) => {
      await page.getByLabel('Workload').selectOption('lora');
      await urlHas(page, { [key('workload')]: 'lora' });
      expect(await rowIds(page)).toHaveLength(12);
      const more = page.getByTestId('more-in-planner');
      expect(await more.getAttribute('href')).toMatch(/^\/plan\/\?.*workload=lora/);
      await more.click();
      await page.waitForURL(/\/plan\/\?.*workload=lora/);
      await page.waitForSelector('.planner[data-hydrated="true"]', { timeout: 15_000 });
      await valueOf(page.getByLabel('Workload'), 'lora');
      expect((await rowIds(page)).length).toBe(CARDS.length);
    }, '/learn/choosing/');
  });
});
