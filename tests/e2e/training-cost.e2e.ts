import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure, textOf, valueOf } from './support/browser.ts';
import { loadGpus } from '../../src/data/load-gpus.ts';
import { estimate } from '../../src/lib/estimate.ts';
import { parseScenario } from '../../src/lib/scenario.ts';
import { formatNumber } from '../../src/lib/units.ts';

let browser: Browser;
let context: BrowserContext;
const cards = loadGpus();

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

/** The island's defaults, as the estimator's raw scenario. */
const DEFAULT = { model: 'llama-3.1-8b', workload: 'qlora', trainTokens: 100e6, batchSize: 1, seqLen: 2048, gradientCheckpointing: true, gpuCount: 1, zeroStage: 0 };

/** The estimator's tokens/s and hours for a scenario on a card, formatted as the island shows them. */
function expected(raw: Record<string, unknown>, gpuId: string): { tokens: string; hours: string; fits: boolean; verdict: string } {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const card = cards.find((c) => c.id === gpuId);
  if (!card) throw new Error(`no card ${gpuId}`);
  const e = estimate(parsed.scenario, card, { explain: false });
  return { tokens: `${formatNumber(e.throughput.trainTokensPerSecond, 3)} tokens/s`, hours: `${formatNumber(e.timeSeconds / 3600, 3)} h`, fits: e.fits, verdict: e.verdict };
}

/** Opens the Training-cost chapter and waits until the calculator has hydrated. */
async function openCalculator(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `/learn/training-cost/${query}`);
  await opened.page.locator('section.tc').scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

const cheapestNames = (page: Page) => page.locator('[data-testid="cheapest"] tbody th').allTextContents();

describe('training-cost calculator on the Training-cost chapter', () => {
  it('shows the default result without JavaScript (server-rendered)', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}/learn/training-cost/`);
    const want = expected(DEFAULT, 'rtx-4090');
    await textOf(page.getByTestId('throughput'), want.tokens);
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe(want.verdict);
    await expect(page.locator('[data-testid="cheapest"] tbody tr').count()).resolves.toBe(8);
    await page.close();
  });

  it('changing the workload, tokens and card updates the result and the URL', async () => {
    const { page, problems } = await openCalculator();
    try {
      await page.getByLabel('Workload').selectOption('lora');
      await page.getByLabel('Training tokens').fill('1B');
      await page.getByLabel('Card', { exact: true }).selectOption('a100-sxm-80gb');
      const want = expected({ ...DEFAULT, workload: 'lora', trainTokens: 1e9 }, 'a100-sxm-80gb');
      await textOf(page.getByTestId('throughput'), want.tokens);
      await textOf(page.getByTestId('time'), want.hours);
      const url = new URL(page.url());
      expect(url.searchParams.get('cost.workload')).toBe('lora');
      expect(url.searchParams.get('cost.tokens')).toBe('1B');
      expect(url.searchParams.get('cost.gpu')).toBe('a100-sxm-80gb');
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'training-cost-change');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('compares owning with renting once an hourly price is typed, and takes a purchase price', async () => {
    const { page } = await openCalculator();
    try {
      await textOf(page.getByTestId('rent'), 'not given');
      await page.getByLabel('Rental price (USD per card-hour)').fill('1000');
      await textOf(page.getByTestId('cost-words'), 'Owning is cheaper');
      await page.getByLabel('Rental price (USD per card-hour)').fill('0.0001');
      await textOf(page.getByTestId('cost-words'), 'Renting is cheaper');
      const before = await page.getByTestId('buy').textContent();
      await page.getByLabel('Purchase price per card (USD)').fill('100000');
      await page.waitForFunction((b) => document.querySelector('[data-testid="buy"]')?.textContent !== b, before);
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['cost.price', '100000'] as const, { timeout: 5000 });
    } finally {
      await page.close();
    }
  });

  it('a job too big for one card says so and several cards fit it', async () => {
    const { page } = await openCalculator('?cost.workload=full-finetune');
    try {
      await textOf(page.getByTestId('verdict'), '✗ Does not fit');
      await page.getByLabel('Cards', { exact: true }).fill('8');
      const eight = expected({ ...DEFAULT, workload: 'full-finetune', gpuCount: 8, zeroStage: 3 }, 'rtx-4090');
      expect(eight.fits).toBe(true);
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe(eight.verdict);
    } finally {
      await page.close();
    }
  });

  it('prices no job that does not run, greys its figures with the reason, and never advises checkpointing that is already on', async () => {
    const { page } = await openCalculator('?cost.workload=full-finetune&cost.ckpt=1');
    try {
      expect(expected({ ...DEFAULT, workload: 'full-finetune' }, 'rtx-4090').fits).toBe(false);
      const verdict = await textOf(page.getByTestId('verdict'), '✗ Does not fit');
      expect(verdict).not.toContain('checkpointing');
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
      await textOf(page.getByTestId('verdict'), 'checkpointing');
    } finally {
      await page.close();
    }
  });

  it('garbage input shows a message beside the field and keeps the last valid result', async () => {
    const { page, problems } = await openCalculator();
    try {
      const tokens = page.getByLabel('Training tokens');
      const shown = await page.getByTestId('throughput').textContent();
      await tokens.fill('banana');
      await textOf(page.locator('#cost-tokens-msg'), 'must be a number of tokens');
      await expect(tokens.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(page.locator('.tc .stale-note'), /./);
      expect(await page.getByTestId('throughput').textContent()).toBe(shown);
      await tokens.fill('');
      await textOf(page.locator('#cost-tokens-msg'), 'Training tokens is required');
      await tokens.fill('100M');
      await page.getByLabel('Utilisation (MFU)').fill('150');
      await textOf(page.locator('#cost-mfu-msg'), 'at most 1 (or 100%)');
      await page.getByLabel('Utilisation (MFU)').fill('');
      await page.getByLabel('Cards', { exact: true }).fill('-2');
      await textOf(page.locator('#cost-count-msg'), 'Number of cards must be a whole number');
      await page.getByLabel('Cards', { exact: true }).fill('1');
      await page.getByLabel('Sequence length (tokens)').fill('99999999');
      await textOf(page.locator('#cost-seq-msg'), 'from 1 to 1,048,576');
      const text = await page.locator('section.tc').textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'training-cost-garbage');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('a copied link reproduces the inputs, and reset restores the defaults', async () => {
    const { page } = await openCalculator('?cost.model=gpt2&cost.workload=pretrain&cost.tokens=10B&cost.gpu=h100-sxm&cost.batch=16&cost.seq=1024&cost.ckpt=0');
    try {
      const want = expected({ model: 'gpt2', workload: 'pretrain', trainTokens: 10e9, batchSize: 16, seqLen: 1024, gradientCheckpointing: false, gpuCount: 1, zeroStage: 0 }, 'h100-sxm');
      await textOf(page.getByTestId('throughput'), want.tokens);
      await valueOf(page.getByLabel('Training tokens'), '10B');
      await page.getByRole('button', { name: 'Reset' }).click();
      await textOf(page.getByTestId('throughput'), expected(DEFAULT, 'rtx-4090').tokens);
      await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('cost.model'), undefined, { timeout: 5000 });
    } finally {
      await page.close();
    }
  });

  it('a garbage query string leaves the page usable with a message', async () => {
    const { page, problems } = await openCalculator('?cost.tokens=%3Cscript%3Ealert(1)%3C%2Fscript%3E&cost.gpu=nope&cost.workload=inference&cost.elec=-1&cost.ckpt=maybe');
    try {
      await textOf(page.locator('#cost-tokens-msg'), 'must be a number of tokens');
      await textOf(page.locator('#cost-gpu-msg'), 'Choose a card');
      await textOf(page.locator('#cost-workload-msg'), 'Choose a training workload');
      await textOf(page.locator('#cost-elec-msg'), 'Electricity price must be a number');
      await textOf(page.locator('#cost-ckpt-msg'), 'Gradient checkpointing must be on or off');
      await expect(page.locator('section.tc script').count()).resolves.toBe(0);
      const text = await page.locator('section.tc').textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the cheapest-cards table sorts by a column from the keyboard', async () => {
    const { page } = await openCalculator();
    try {
      const byPrice = await cheapestNames(page);
      const timeHeader = page.getByRole('button', { name: 'Sort by Time (h)' });
      await timeHeader.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain('Time (h)');
      const byTime = await cheapestNames(page);
      expect([...byTime].sort()).toEqual([...byPrice].sort());
      await page.keyboard.press('Enter');
      await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('Time (h)');
      expect(await cheapestNames(page)).toEqual([...byTime].reverse());
    } finally {
      await page.close();
    }
  });

  it('is operable with the keyboard alone', async () => {
    const { page } = await openCalculator();
    try {
      await page.getByLabel('Training tokens').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('200M');
      await textOf(page.getByTestId('time'), expected({ ...DEFAULT, trainTokens: 200e6 }, 'rtx-4090').hours);
      await page.getByLabel('Gradient checkpointing').focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get('cost.ckpt') === '0', undefined, { timeout: 5000 });
      await expect(page.getByLabel('Gradient checkpointing').isChecked()).resolves.toBe(false);
      await page.getByRole('button', { name: 'Reset' }).focus();
      await page.keyboard.press('Enter');
      await valueOf(page.getByLabel('Training tokens'), '100M');
    } finally {
      await page.close();
    }
  });
});
