import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure, textOf, valueOf } from './support/browser.ts';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

/** Every card in the data, with its series. */
const CARDS = readdirSync('src/data/gpus').filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(`src/data/gpus/${f}`, 'utf8')) as { id: string; series: string });
const QWEN3_8B = JSON.stringify(JSON.parse(readFileSync('tests/lib/fixtures/hf-configs/qwen3-8b.json', 'utf8')).config, null, 1);

/** Opens the planner and waits until it has hydrated and adopted the URL. */
async function openPlanner(query = ''): Promise<{ page: Page; problems: Awaited<ReturnType<typeof openPage>>['problems'] }> {
  const opened = await openPage(context, `/plan/${query}`);
  await opened.page.locator('.planner').scrollIntoViewIfNeeded();
  await opened.page.waitForSelector('.planner[data-hydrated="true"]', { timeout: 15_000 });
  return opened;
}

/** Runs a test body on the planner, with a screenshot on failure and no console errors. */
async function withPlanner(name: string, query: string, body: (page: Page) => Promise<void>): Promise<void> {
  const { page, problems } = await openPlanner(query);
  try {
    await body(page);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  } catch (error) {
    await screenshotOnFailure(page, `planner-${name}`);
    throw error;
  } finally {
    await page.close();
  }
}

const rowIds = (page: Page) => page.locator('[data-testid="plan-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-card') ?? ''));
const waitForUrl = (page: Page, key: string, value: string) => page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, [key, value] as const, { timeout: 5000 });

describe('the planner', () => {
  it('renders a row for every card without JavaScript', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}/plan/`);
    const ids = await rowIds(page);
    expect(ids.sort()).toEqual(CARDS.map((c) => c.id).sort());
    await textOf(page.getByTestId('precision'), /typically within ±\d+%, 9 in 10 within ±\d+%/);
    await page.close();
  });

  it('reads a pasted config.json in the browser and plans it', async () => {
    await withPlanner('config-valid', '', async (page) => {
      await page.getByLabel('Model', { exact: true }).selectOption('config');
      await page.getByLabel('Paste a Hugging Face config.json').fill(QWEN3_8B);
      await textOf(page.getByTestId('config-ok'), /8\.19B parameters/);
      await waitForUrl(page, 'model', 'config');
      expect(new URL(page.url()).searchParams.get('config')).toContain('"qwen3"');
    });
  });

  it('says what is wrong with a broken config and with an unsupported architecture, beside the field', async () => {
    await withPlanner('config-bad', '', async (page) => {
      await page.getByLabel('Model', { exact: true }).selectOption('config');
      const box = page.getByLabel('Paste a Hugging Face config.json');
      await box.fill('{"model_type": "llama", "hidden_size": 4096,');
      await textOf(page.locator('#plan-config-msg'), 'Not valid JSON');
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      await box.fill(QWEN3_8B.replace('"qwen3"', '"mamba"'));
      await textOf(page.locator('#plan-config-msg'), 'model_type "mamba" is not supported');
      await box.fill(QWEN3_8B.replace('"hidden_size"', '"hidden_width"'));
      await textOf(page.locator('#plan-config-msg'), 'hidden_size');
      // The table keeps the last valid answer.
      expect((await rowIds(page)).length).toBe(CARDS.length);
    });
  });

  it('sorts by the order chosen, runnable cards first', async () => {
    await withPlanner('sort', '?workload=inference&model=llama-3.1-8b&weights=q4_k_m', async (page) => {
      await page.getByLabel('Sort by').selectOption('fastest');
      await waitForUrl(page, 'sort', 'fastest');
      const rows = await page.locator('[data-testid="plan-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        verdict: tr.getAttribute('data-verdict'),
        speed: Number((tr.children[3]?.textContent ?? '').replace(/,/g, '').split(' ')[0]),
      })));
      const runnable = rows.filter((r) => r.verdict === 'fits' || r.verdict === 'tight');
      expect(runnable.length).toBeGreaterThan(10);
      expect(rows.slice(0, runnable.length).every((r) => r.verdict === 'fits' || r.verdict === 'tight')).toBe(true);
      for (let i = 1; i < runnable.length; i++) expect(runnable[i - 1]!.speed).toBeGreaterThanOrEqual(runnable[i]!.speed);
    });
  });

  it('filters by series, budget and memory', async () => {
    await withPlanner('filter', '', async (page) => {
      await page.getByLabel('Series', { exact: true }).selectOption('geforce-40');
      await page.getByLabel('At least this much memory per card (GB)').fill('16');
      await waitForUrl(page, 'vram', '16');
      const series40 = new Set(CARDS.filter((c) => c.series === 'geforce-40').map((c) => c.id));
      const ids = await rowIds(page);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(series40.has(id)).toBe(true);
      await page.getByLabel('Budget (USD, empty for any)').fill('abc');
      await textOf(page.locator('#plan-budget-msg'), 'Budget must be a number');
    });
  });

  it('shows every verdict the job earns, including BF16 on a Pascal card', async () => {
    await withPlanner('verdicts', '?workload=lora&weights=bf16&model=llama-3.2-1b', async (page) => {
      await textOf(page.locator('tr[data-card="tesla-p40"] td').first(), 'BF16');
      expect(await page.locator('tr[data-card="tesla-p40"]').getAttribute('data-verdict')).toBe('unsupported');
      expect(await page.locator('tr[data-card="rtx-4090"]').getAttribute('data-verdict')).toBe('fits');
      expect(await page.locator('tr[data-card="gtx-1050"]').getAttribute('data-verdict')).toMatch(/does-not-fit|unsupported/);
    });
  });

  it('adopts the URL and writes changes back (round trip)', async () => {
    await withPlanner('url', '?model=qwen3-8b&workload=inference&batch=4&gpu=h100-sxm', async (page) => {
      await valueOf(page.getByLabel('Model', { exact: true }), 'qwen3-8b');
      await valueOf(page.getByLabel('Batch size'), '4');
      await valueOf(page.getByLabel('Your card'), 'h100-sxm');
      await page.getByLabel('Batch size').fill('8');
      await waitForUrl(page, 'batch', '8');
      await page.getByLabel('Batch size').fill('many');
      await textOf(page.locator('#plan-batch-msg'), 'Batch size must be a whole number');
      await page.getByRole('button', { name: 'Reset' }).click();
      await valueOf(page.getByLabel('Model', { exact: true }), 'llama-3.1-8b');
    });
  });

  it('opens from the landing page form with the choices in the URL', async () => {
    const { page } = await openPage(context, '/');
    try {
      await page.locator('.quick-plan select[name="model"]').selectOption('qwen3-14b');
      await page.locator('.quick-plan select[name="workload"]').selectOption('lora');
      await page.getByRole('button', { name: 'Plan it on every card' }).click();
      await page.waitForURL(/\/plan\/\?model=qwen3-14b&workload=lora/);
      await page.waitForSelector('.planner[data-hydrated="true"]');
      await valueOf(page.getByLabel('Model', { exact: true }), 'qwen3-14b');
    } finally {
      await page.close();
    }
  });
  it('is embedded in the Choosing chapter: the first job, 12 rows without JavaScript, and the same job one click away in the full planner', async () => {
    const noJs = await context.newPage();
    await noJs.route('**/*.js', (route) => route.abort());
    await noJs.goto(`${origin()}/learn/choosing/`);
    expect(await rowIds(noJs)).toHaveLength(12);
    await textOf(noJs.locator('[data-testid="plan-table"] caption'), /first 12 of \d+ matching cards .* Llama 3\.1 8B, QLoRA/);
    // Every job in the chapter's table links to the planner with its own inputs.
    const jobLinks = await noJs.locator('a.plan-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(jobLinks.length).toBeGreaterThanOrEqual(6);
    for (const href of jobLinks) expect(href).toMatch(/^\/plan\/\?model=[\w.-]+&workload=[\w-]+/);
    await noJs.close();

    const { page, problems } = await openPage(context, '/learn/choosing/');
    try {
      await page.locator('.planner').scrollIntoViewIfNeeded();
      await page.waitForSelector('.planner[data-hydrated="true"]', { timeout: 15_000 });
      await page.getByLabel('Workload').selectOption('lora');
      await waitForUrl(page, 'workload', 'lora');
      expect(await rowIds(page)).toHaveLength(12);
      const more = page.getByTestId('more-in-planner');
      expect(await more.getAttribute('href')).toMatch(/^\/plan\/\?.*workload=lora/);
      await more.click();
      await page.waitForURL(/\/plan\/\?.*workload=lora/);
      await page.waitForSelector('.planner[data-hydrated="true"]', { timeout: 15_000 });
      await valueOf(page.getByLabel('Workload'), 'lora');
      expect((await rowIds(page)).length).toBe(CARDS.length);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'planner-choosing-embed');
      throw error;
    } finally {
      await page.close();
    }
  });
});
