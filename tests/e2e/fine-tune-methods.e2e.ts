import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure, textOf, valueOf } from './support/browser.ts';
import { loadGpus } from '../../src/data/load-gpus.ts';
import { compareFineTuneMethods, type FineTuneSettings } from '../../src/lib/finetuning.ts';
import { formatNumber, GIB } from '../../src/lib/units.ts';
import { islandStrings } from '../../src/i18n/islands.ts';

const VERDICT_WORDS = islandStrings('en').fineTuneMethods.verdicts;

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

/** The island's defaults. */
const DEFAULT: FineTuneSettings = { model: 'llama-3.1-8b', seqLen: 2048, batchSize: 1, topLayers: 4, rank: 16, gradientCheckpointing: true, trainTokens: 30e6 };

/** The lib's totals (GiB, as the table prints them) and fits for each method. */
function expected(s: FineTuneSettings, gpuId: string): Record<string, { total: string; verdict: string }> {
  const card = cards.find((c) => c.id === gpuId);
  if (!card) throw new Error(`no card ${gpuId}`);
  const r = compareFineTuneMethods(s, card);
  if (!r.ok) throw new Error(r.message);
  return Object.fromEntries(r.rows.map((row) => [row.method, { total: formatNumber(row.memory.totalBytes / GIB, 3), verdict: VERDICT_WORDS[row.verdict] }]));
}

/** Opens the Fine-tuning chapter and waits until the calculator has hydrated. */
async function openCalculator(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `/learn/fine-tuning/${query}`);
  await opened.page.locator('#ft-top').scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

const total = (page: Page, method: string) => page.getByTestId(`total-${method}`);
const fitCell = (page: Page, method: string) => page.getByTestId(`verdict-${method}`);
const section = (page: Page) => page.locator('section.ft');
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('fine-tuning methods side by side on the Fine-tuning chapter', () => {
  it('shows the default comparison without JavaScript', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}/learn/fine-tuning/`);
    const want = expected(DEFAULT, 'rtx-4090');
    for (const m of ['full', 'top', 'lora', 'qlora']) await textOf(total(page, m), want[m]!.total);
    await textOf(fitCell(page, 'full'), want.full!.verdict);
    await textOf(fitCell(page, 'qlora'), want.qlora!.verdict);
    await page.close();
  });

  it('changing the card, k and the model updates every column and the URL', async () => {
    const { page, problems } = await openCalculator();
    try {
      await page.getByLabel('Card', { exact: true }).selectOption('h100-sxm');
      let want = expected(DEFAULT, 'h100-sxm');
      await textOf(fitCell(page, 'top'), want.top!.verdict);
      await page.getByLabel('Top blocks to train (k)', { exact: true }).fill('16');
      want = expected({ ...DEFAULT, topLayers: 16 }, 'h100-sxm');
      await textOf(total(page, 'top'), want.top!.total);
      await textOf(page.getByTestId('table'), 'Top 16 blocks');
      expect(param(page, 'ft.top')).toBe('16');
      expect(param(page, 'ft.gpu')).toBe('h100-sxm');
      await page.getByLabel('Model', { exact: true }).selectOption('qwen2.5-7b');
      want = expected({ ...DEFAULT, topLayers: 16, model: 'qwen2.5-7b' }, 'h100-sxm');
      await textOf(total(page, 'lora'), want.lora!.total);
      const text = await section(page).textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'fine-tune-methods-inputs');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('a copied link reproduces the inputs, and reset restores the defaults', async () => {
    const { page, problems } = await openCalculator('?ft.model=llama-2-7b&ft.seq=1024&ft.rank=64&ft.gpu=rtx-3090&ft.ckpt=0');
    try {
      await valueOf(page.getByLabel('Model', { exact: true }), 'llama-2-7b');
      await valueOf(page.getByLabel('LoRA rank', { exact: true }), '64');
      const want = expected({ ...DEFAULT, model: 'llama-2-7b', seqLen: 1024, rank: 64, gradientCheckpointing: false }, 'rtx-3090');
      await textOf(total(page, 'qlora'), want.qlora!.total);
      await page.getByRole('button', { name: 'Reset' }).click();
      await textOf(total(page, 'qlora'), expected(DEFAULT, 'rtx-4090').qlora!.total);
      await page.waitForFunction(() => ![...new URL(window.location.href).searchParams.keys()].some((k) => k.startsWith('ft.')), undefined, { timeout: 5000 });
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('garbage input shows a message beside its field and keeps the last valid comparison', async () => {
    const { page, problems } = await openCalculator();
    try {
      const top = page.getByLabel('Top blocks to train (k)', { exact: true });
      await top.fill('99');
      await textOf(page.locator('#ft-top-msg'), "must be at most the model's 32 layers");
      await expect(top.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(section(page), 'Showing the last valid result');
      await textOf(total(page, 'full'), expected(DEFAULT, 'rtx-4090').full!.total);
      await top.fill('x');
      await textOf(page.locator('#ft-top-msg'), 'not a whole number');
      await top.fill('4');
      await expect(top.getAttribute('aria-invalid')).resolves.toBe('false');
    } finally {
      await page.close();
    }
    const second = await openCalculator('?ft.model=nope&ft.tokens=%3Cb%3E&ft.ckpt=banana&ft.gpu=zzz');
    try {
      await textOf(second.page.locator('#ft-model-msg'), 'Choose a model');
      await textOf(second.page.locator('#ft-tokens-msg'), 'not a whole number');
      await textOf(second.page.locator('#ft-ckpt-msg'), 'Use 1 (on) or 0 (off)');
      await textOf(second.page.locator('#ft-gpu-msg'), 'Choose a card');
      await textOf(total(second.page, 'lora'), expected(DEFAULT, 'rtx-4090').lora!.total);
      await expect(second.page.locator('section.ft b').count()).resolves.toBe(0);
      const text = await section(second.page).textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
      expect(second.problems.consoleErrors).toEqual([]);
    } finally {
      await second.page.close();
    }
  });

  it('is operable with the keyboard alone', async () => {
    const { page } = await openCalculator();
    try {
      await page.getByLabel('Sequence length (tokens)', { exact: true }).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('4096');
      await textOf(total(page, 'lora'), expected({ ...DEFAULT, seqLen: 4096 }, 'rtx-4090').lora!.total);
      await page.getByLabel('Gradient checkpointing', { exact: true }).focus();
      await page.keyboard.press('Space');
      await textOf(total(page, 'lora'), expected({ ...DEFAULT, seqLen: 4096, gradientCheckpointing: false }, 'rtx-4090').lora!.total);
      await page.getByRole('button', { name: 'Reset' }).focus();
      await page.keyboard.press('Enter');
      await valueOf(page.getByLabel('Sequence length (tokens)', { exact: true }), '2048');
    } finally {
      await page.close();
    }
  });
});
