import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure, textOf, valueOf } from './support/browser.ts';
import { loadGpus } from '../../src/data/load-gpus.ts';
import { estimate } from '../../src/lib/estimate.ts';
import { cardsThatFit } from '../../src/lib/inverse.ts';
import { parseScenario } from '../../src/lib/scenario.ts';
import { formatNumber, GIB } from '../../src/lib/units.ts';

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
const DEFAULT = { model: 'llama-3.1-8b', workload: 'lora', weightsFormat: 'bf16', trainingPrecision: 'bf16-mixed', optimizer: 'adamw', batchSize: 1, seqLen: 2048, gradientCheckpointing: true, flashAttention: true, lora: { rank: 16 } };

/** What the estimator says for a scenario on a card (the lib's own answer; the island must show it): the total in GiB, the fit, and how many cards it runs on. */
function expected(raw: Record<string, unknown>, gpuId: string): { total: string; fits: boolean; verdict: string; fitsOn: number } {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const card = cards.find((c) => c.id === gpuId);
  if (!card) throw new Error(`no card ${gpuId}`);
  const e = estimate(parsed.scenario, card, { explain: false });
  return {
    total: formatNumber(e.memory.totalBytes / GIB, 3),
    fits: e.verdict === 'fits' || e.verdict === 'tight',
    verdict: e.verdict,
    fitsOn: cardsThatFit(parsed.scenario, cards).length,
  };
}

/** Opens the VRAM chapter and waits until the calculator has hydrated. */
async function openCalculator(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `/learn/vram/${query}`);
  await opened.page.locator('#mem-batch').scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

const total = (page: Page) => page.getByTestId('total');
const verdict = (page: Page) => page.getByTestId('verdict');
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('memory-breakdown calculator on the VRAM chapter', () => {
  it('shows the default result without JavaScript (server-rendered)', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}/learn/vram/`);
    const want = expected(DEFAULT, 'rtx-4090');
    await textOf(total(page), want.total);
    await expect.poll(() => verdict(page).getAttribute('data-verdict')).toBe(want.verdict);
    await textOf(page.getByTestId('loading-note'), 'Showing the default example');
    await textOf(page.getByTestId('fits-on'), `Fits on ${want.fitsOn} of ${cards.length} cards`);
    await expect(page.locator('[data-testid="chart"] rect[data-part], [data-testid="chart"] g[data-part] rect').count()).resolves.toBeGreaterThan(3);
    await page.close();
  });

  it('changing inputs updates the parts, the verdict, the card list and the URL', async () => {
    const { page, problems } = await openCalculator();
    try {
      await page.getByLabel('Workload', { exact: true }).selectOption('qlora');
      // QLoRA needs quantized weights: the calculator switches the format to the estimator's default, NF4.
      await expect.poll(() => page.getByLabel('Weights format', { exact: true }).inputValue()).toBe('nf4');
      const qlora = expected({ ...DEFAULT, workload: 'qlora', weightsFormat: 'nf4' }, 'rtx-4090');
      await textOf(total(page), qlora.total);
      await textOf(page.getByTestId('fits-on'), `Fits on ${qlora.fitsOn} of`);
      expect(param(page, 'mem.workload')).toBe('qlora');
      expect(param(page, 'mem.weights')).toBe('nf4');

      await page.getByLabel('Card', { exact: true }).selectOption('gtx-1060-6gb');
      const small = expected({ ...DEFAULT, workload: 'qlora', weightsFormat: 'nf4' }, 'gtx-1060-6gb');
      expect(small.fits).toBe(false);
      // A Pascal card has no BF16: the verdict says the card cannot run the job, not merely that memory is short.
      expect(small.verdict).toBe('unsupported');
      await textOf(verdict(page), 'no BF16 arithmetic');
      await textOf(verdict(page), 'GeForce GTX 1060 6GB');

      await page.getByLabel('Batch size', { exact: true }).fill('4');
      await page.getByLabel('Gradient checkpointing', { exact: true }).uncheck();
      const big = expected({ ...DEFAULT, workload: 'qlora', weightsFormat: 'nf4', batchSize: 4, gradientCheckpointing: false }, 'gtx-1060-6gb');
      await textOf(total(page), big.total);
      expect(param(page, 'mem.batch')).toBe('4');
      expect(param(page, 'mem.ckpt')).toBe('0');

      await page.getByLabel('Workload', { exact: true }).selectOption('inference');
      await page.getByLabel('Sequence length (tokens)', { exact: true }).fill('8192');
      const inf = expected({ ...DEFAULT, workload: 'inference', weightsFormat: 'nf4', batchSize: 4, gradientCheckpointing: false, seqLen: 8192, promptTokens: 8192, outputTokens: 0 }, 'gtx-1060-6gb');
      await textOf(total(page), inf.total);
      await textOf(page.getByTestId('table'), 'KV cache');
      const text = await page.locator('section.mb').textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'memory-breakdown-inputs');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('a copied link reproduces the inputs, and reset restores the defaults', async () => {
    const { page, problems } = await openCalculator('?mem.model=llama-2-7b&mem.workload=full-finetune&mem.optimizer=adamw-8bit&mem.seq=1024&mem.gpu=h100-sxm');
    try {
      await valueOf(page.getByLabel('Model', { exact: true }), 'llama-2-7b');
      await valueOf(page.getByLabel('Sequence length (tokens)', { exact: true }), '1024');
      await valueOf(page.getByLabel('Card', { exact: true }), 'h100-sxm');
      const want = expected({ ...DEFAULT, model: 'llama-2-7b', workload: 'full-finetune', optimizer: 'adamw-8bit', seqLen: 1024 }, 'h100-sxm');
      await textOf(total(page), want.total);
      await expect.poll(() => verdict(page).getAttribute('data-verdict')).toBe(want.verdict);
      await expect(page.getByTestId('loading-note').count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Reset' }).click();
      await textOf(total(page), expected(DEFAULT, 'rtx-4090').total);
      await page.waitForFunction(() => ![...new URL(window.location.href).searchParams.keys()].some((k) => k.startsWith('mem.')), undefined, { timeout: 5000 });
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('garbage typed into a field shows a message beside it and keeps the last valid result', async () => {
    const { page, problems } = await openCalculator();
    try {
      const batch = page.getByLabel('Batch size', { exact: true });
      const good = expected({ ...DEFAULT, batchSize: 2 }, 'rtx-4090');
      await batch.fill('2');
      await textOf(total(page), good.total);
      await batch.fill('two');
      await textOf(page.locator('#mem-batch-msg'), 'Batch size must be a whole number, not “two”');
      await expect(batch.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(page.locator('section.mb'), 'Showing the last valid result');
      await textOf(total(page), good.total);
      await batch.fill('-3');
      await textOf(page.locator('#mem-batch-msg'), 'must be a whole number');
      await batch.fill('');
      await textOf(page.locator('#mem-batch-msg'), 'Batch size is required');
      await batch.fill('0');
      await textOf(page.locator('#mem-batch-msg'), 'from 1 to');
      await batch.fill('1');
      await page.getByLabel('Sequence length (tokens)', { exact: true }).fill('99999999');
      await textOf(page.locator('#mem-seq-msg'), 'from 1 to');
      await textOf(total(page), expected({ ...DEFAULT, batchSize: 1 }, 'rtx-4090').total);
      await page.getByLabel('Sequence length (tokens)', { exact: true }).fill('2048');
      await textOf(total(page), expected(DEFAULT, 'rtx-4090').total);
      await expect(batch.getAttribute('aria-invalid')).resolves.toBe('false');
      const text = await page.locator('section.mb').textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'memory-breakdown-garbage');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('a garbage query string leaves the page usable with messages beside the fields', async () => {
    const { page, problems } = await openCalculator('?mem.model=nope&mem.batch=%3Cscript%3Ealert(1)%3C%2Fscript%3E&mem.ckpt=banana&mem.gpu=zzz&mem.optimizer=');
    try {
      await textOf(page.locator('#mem-batch-msg'), 'Batch size must be a whole number');
      await textOf(page.locator('#mem-ckpt-msg'), 'Gradient checkpointing must be on or off');
      await textOf(page.locator('#mem-gpu-msg'), 'Choose a card');
      await textOf(page.locator('#mem-optimizer-msg'), 'Optimizer is required');
      await textOf(total(page), expected(DEFAULT, 'rtx-4090').total);
      await expect(page.locator('section.mb script').count()).resolves.toBe(0);
      const text = await page.locator('section.mb').textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
    const model = await openCalculator('?mem.model=nope');
    try {
      await textOf(model.page.locator('#mem-model-msg'), 'is not a preset');
    } finally {
      await model.page.close();
    }
    const second = await openCalculator('?mem.workload=full-finetune&mem.weights=nf4');
    try {
      // A combination the estimator rejects: its own sentence appears beside the weights field.
      await textOf(second.page.locator('#mem-weights-msg'), 'the weights format must be fp32, fp16 or bf16');
      await textOf(total(second.page), expected(DEFAULT, 'rtx-4090').total);
      expect(second.problems.consoleErrors).toEqual([]);
    } finally {
      await second.page.close();
    }
  });

  it('is operable with the keyboard alone', async () => {
    const { page } = await openCalculator();
    try {
      await page.getByLabel('Batch size', { exact: true }).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      await textOf(total(page), expected({ ...DEFAULT, batchSize: 3 }, 'rtx-4090').total);
      await page.getByLabel('Gradient checkpointing', { exact: true }).focus();
      await page.keyboard.press('Space');
      await textOf(total(page), expected({ ...DEFAULT, batchSize: 3, gradientCheckpointing: false }, 'rtx-4090').total);
      await page.keyboard.press('Tab'); // to FlashAttention
      await page.keyboard.press('Space');
      await textOf(total(page), expected({ ...DEFAULT, batchSize: 3, gradientCheckpointing: false, flashAttention: false }, 'rtx-4090').total);
      await page.getByRole('button', { name: 'Reset' }).focus();
      await page.keyboard.press('Enter');
      await valueOf(page.getByLabel('Batch size', { exact: true }), '1');
      await textOf(total(page), expected(DEFAULT, 'rtx-4090').total);
    } finally {
      await page.close();
    }
  });
});
