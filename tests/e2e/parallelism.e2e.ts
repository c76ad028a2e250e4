import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure, textOf, valueOf } from './support/browser.ts';
import { loadGpus } from '../../src/data/load-gpus.ts';
import { estimate } from '../../src/lib/estimate.ts';
import { parseScenario } from '../../src/lib/scenario.ts';
import { formatNumber, GB, GIB } from '../../src/lib/units.ts';

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
const DEFAULT = {
  model: 'llama-3.1-8b', workload: 'full-finetune', trainingPrecision: 'bf16-mixed', optimizer: 'adamw', batchSize: 1, seqLen: 2048,
  gradientCheckpointing: true, flashAttention: true, gpuCount: 2, zeroStage: 3, tensorParallel: 1, pipelineParallel: 1, offload: 'none',
};

/** What the estimator says for a scenario on a card, formatted as the island shows it. */
function expected(patch: Record<string, unknown>, gpuId = 'rtx-4090'): { total: string; fits: boolean; verdict: string; commGB: string; link: string } {
  const parsed = parseScenario({ ...DEFAULT, ...patch });
  if (!parsed.ok) throw new Error(parsed.error);
  const card = cards.find((c) => c.id === gpuId);
  if (!card) throw new Error(`no card ${gpuId}`);
  const e = estimate(parsed.scenario, card, { explain: false });
  return { total: formatNumber(e.memory.totalBytes / GIB, 3), fits: e.fits, verdict: e.verdict, commGB: `${formatNumber(e.communication.bytesPerStep / GB, 3)} GB`, link: e.communication.link };
}

/** Opens the Parallelism chapter and waits until the calculator has hydrated. */
async function openCalculator(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `/learn/parallelism/${query}`);
  await opened.page.locator('#par-count').scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

const total = (page: Page) => page.getByTestId('total');
const verdict = (page: Page) => page.getByTestId('verdict');
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('parallelism calculator on the Parallelism chapter', () => {
  it('shows the default result without JavaScript (server-rendered)', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}/learn/parallelism/`);
    const want = expected({});
    await textOf(total(page), want.total);
    await expect.poll(() => verdict(page).getAttribute('data-verdict')).toBe(want.verdict);
    await textOf(page.getByTestId('comm-bytes'), want.commGB);
    await textOf(page.getByTestId('link'), want.link);
    await textOf(page.getByTestId('fewest'), 'cards with this strategy');
    await expect(page.locator('[data-testid="chart"] g[data-part] rect').count()).resolves.toBeGreaterThan(3);
    await page.close();
  });

  it('changing the strategy and the card updates memory, verdict, communication and the URL', async () => {
    const { page, problems } = await openCalculator();
    try {
      await page.getByLabel('Number of cards', { exact: true }).fill('8');
      const z3x8 = expected({ gpuCount: 8 });
      await textOf(total(page), z3x8.total);
      await expect.poll(() => verdict(page).getAttribute('data-verdict')).toBe(z3x8.verdict);
      await textOf(page.getByTestId('comm-bytes'), z3x8.commGB);
      expect(param(page, 'par.count')).toBe('8');

      await page.getByLabel('Data-parallel strategy', { exact: true }).selectOption('0');
      const ddp = expected({ gpuCount: 8, zeroStage: 0 });
      await textOf(total(page), ddp.total);
      await textOf(verdict(page), 'Does not fit');
      expect(param(page, 'par.zero')).toBe('0');

      await page.getByLabel('Card', { exact: true }).selectOption('rtx-3090');
      await page.getByLabel('Number of cards', { exact: true }).fill('2');
      await page.getByLabel('Tensor-parallel degree', { exact: true }).fill('2');
      const tp = expected({ gpuCount: 2, zeroStage: 0, tensorParallel: 2 }, 'rtx-3090');
      await textOf(total(page), tp.total);
      await textOf(page.getByTestId('link'), 'NVLink');
      await textOf(page.getByTestId('comm-bytes'), tp.commGB);
      await textOf(page.getByTestId('layout-msg'), '1 data-parallel × 2 tensor-parallel × 1 pipeline = 2 cards');

      await page.getByLabel('CPU offload', { exact: true }).selectOption('optimizer+params');
      await page.getByLabel('Tensor-parallel degree', { exact: true }).fill('1');
      await page.getByLabel('Data-parallel strategy', { exact: true }).selectOption('3');
      const off = expected({ gpuCount: 2, zeroStage: 3, offload: 'optimizer+params' }, 'rtx-3090');
      await textOf(total(page), off.total);
      await expect.poll(() => verdict(page).getAttribute('data-verdict')).toBe(off.verdict);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'parallelism-change');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('typed garbage shows a message beside the field and keeps the last good result', async () => {
    const { page, problems } = await openCalculator();
    try {
      const count = page.getByLabel('Number of cards', { exact: true });
      const want = expected({});
      await count.fill('two');
      await textOf(page.locator('#par-count-msg'), 'Number of cards must be a whole number, not “two”');
      await expect(count.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(total(page), want.total);
      await textOf(page.locator('.par-result'), 'Showing the last valid result');
      await count.fill('0');
      await textOf(page.locator('#par-count-msg'), 'from 1 to 65,536');
      await count.fill('');
      await textOf(page.locator('#par-count-msg'), 'Number of cards is required');
      await count.fill('6');
      await page.getByLabel('Tensor-parallel degree', { exact: true }).fill('4');
      await textOf(page.locator('#par-count-msg'), 'Number of cards (6) must be a multiple of tensor-parallel x pipeline-parallel degree (4): try 8');
      await expect(count.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(count.getAttribute('aria-describedby')).resolves.toBe('par-count-msg');
      await page.getByLabel('Tensor-parallel degree', { exact: true }).fill('3');
      await count.fill('3');
      await textOf(page.locator('#par-tp-msg'), 'must divide the model');
      await page.getByLabel('Batch size per replica', { exact: true }).fill('-1');
      // “ZeRO-Infinity” is an option's name, not a number.
      const text = ((await page.locator('section.calc').textContent()) ?? '').replace(/ZeRO-Infinity/g, '');
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'parallelism-garbage');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('a copied link reproduces the inputs, and reset restores the defaults', async () => {
    const { page, problems } = await openCalculator('?par.count=4&par.zero=2&par.gpu=rtx-5090&par.pp=2');
    try {
      await valueOf(page.getByLabel('Number of cards', { exact: true }), '4');
      await valueOf(page.getByLabel('Data-parallel strategy', { exact: true }), '2');
      await valueOf(page.getByLabel('Card', { exact: true }), 'rtx-5090');
      const want = expected({ gpuCount: 4, zeroStage: 2, pipelineParallel: 2 }, 'rtx-5090');
      await textOf(total(page), want.total);
      await textOf(page.getByTestId('layout-msg'), '2 data-parallel × 1 tensor-parallel × 2 pipeline = 4 cards');
      expect(param(page, 'par.pp')).toBe('2');
      await page.getByRole('button', { name: 'Reset' }).click();
      await textOf(total(page), expected({}).total);
      await page.waitForFunction(() => ![...new URL(window.location.href).searchParams.keys()].some((k) => k.startsWith('par.')), undefined, { timeout: 5000 });
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a garbage query string leaves the page usable with messages', async () => {
    const { page, problems } = await openCalculator('?par.count=%3Cscript%3Ealert(1)%3C%2Fscript%3E&par.zero=7&par.gpu=nope&par.tp=2000&par.offload=disk');
    try {
      await textOf(page.locator('#par-count-msg'), 'Number of cards must be a whole number');
      await textOf(page.locator('#par-zero-msg'), 'ZeRO stage must be a whole number from 0 to 3');
      await textOf(page.locator('#par-gpu-msg'), 'Choose a card');
      await textOf(page.locator('#par-tp-msg'), 'from 1 to 1,024');
      await textOf(page.locator('#par-offload-msg'), 'CPU offload must be one of none, optimizer');
      await textOf(total(page), expected({}).total);
      await expect(page.locator('section.calc script').count()).resolves.toBe(0);
      // “ZeRO-Infinity” is an option's name, not a number.
      const text = ((await page.locator('section.calc').textContent()) ?? '').replace(/ZeRO-Infinity/g, '');
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is operable with the keyboard alone', async () => {
    const { page } = await openCalculator();
    try {
      await page.getByLabel('Number of cards', { exact: true }).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('8');
      await textOf(total(page), expected({ gpuCount: 8 }).total);
      await page.keyboard.press('Tab'); // strategy select
      await page.keyboard.press('ArrowUp'); // ZeRO-2
      await textOf(total(page), expected({ gpuCount: 8, zeroStage: 2 }).total);
      await page.getByRole('button', { name: 'Reset' }).focus();
      await page.keyboard.press('Enter');
      await valueOf(page.getByLabel('Number of cards', { exact: true }), '2');
      await textOf(total(page), expected({}).total);
    } finally {
      await page.close();
    }
  });
});
