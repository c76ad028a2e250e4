import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure, textOf, valueOf } from './support/browser.ts';
import { loadGpus } from '../../src/data/load-gpus.ts';
import { parseScenario } from '../../src/lib/scenario.ts';
import { stepTimeline } from '../../src/lib/timeline.ts';
import { formatBytesIn } from '../../src/lib/units.ts';

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
const DEFAULT = { model: 'llama-3.1-8b', workload: 'lora', batchSize: 1, seqLen: 2048, gradientCheckpointing: false };

/** The peak the lib computes for a scenario on a card, as the headline prints it. */
function peak(raw: Record<string, unknown>, gpuId: string): string {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const card = cards.find((c) => c.id === gpuId);
  if (!card) throw new Error(`no card ${gpuId}`);
  return formatBytesIn(stepTimeline(parsed.scenario, card).peakBytes, 'GiB', 3);
}

/** Opens the Pre-training chapter and waits until the calculator has hydrated. */
async function openCalculator(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `/learn/pre-training/${query}`);
  await opened.page.locator('#step-batch').scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

const verdict = (page: Page) => page.getByTestId('verdict');
const section = (page: Page) => page.locator('section.st');
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('step memory timeline on the Pre-training chapter', () => {
  it('shows the default timeline without JavaScript (server-rendered chart and table)', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}/learn/pre-training/`);
    await textOf(verdict(page), `Peak ${peak(DEFAULT, 'rtx-4090')}`);
    await textOf(page.getByTestId('table'), 'Loss (logits computed)');
    await expect(page.locator('svg.st-chart path.st-band').count()).resolves.toBe(5);
    await page.close();
  });

  it('changing inputs updates the peak and the URL', async () => {
    const { page, problems } = await openCalculator();
    try {
      await page.getByLabel('Gradient checkpointing', { exact: true }).check();
      await textOf(verdict(page), `Peak ${peak({ ...DEFAULT, gradientCheckpointing: true }, 'rtx-4090')}`);
      expect(param(page, 'step.ckpt')).toBe('1');
      await page.getByLabel('Workload', { exact: true }).selectOption('full-finetune');
      await page.getByLabel('Card', { exact: true }).selectOption('h100-sxm');
      const full = { ...DEFAULT, workload: 'full-finetune', gradientCheckpointing: true };
      await textOf(verdict(page), `Peak ${peak(full, 'h100-sxm')}`);
      await textOf(verdict(page), 'Backward, after block 1');
      expect(param(page, 'step.workload')).toBe('full-finetune');
      expect(param(page, 'step.gpu')).toBe('h100-sxm');
      const text = await section(page).textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'step-timeline-inputs');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('a copied link reproduces the inputs, and reset restores the defaults', async () => {
    const { page, problems } = await openCalculator('?step.model=gpt2-medium&step.workload=pretrain&step.batch=8&step.seq=1024&step.gpu=rtx-3090');
    try {
      await valueOf(page.getByLabel('Model', { exact: true }), 'gpt2-medium');
      await valueOf(page.getByLabel('Card', { exact: true }), 'rtx-3090');
      await textOf(verdict(page), `Peak ${peak({ model: 'gpt2-medium', workload: 'pretrain', batchSize: 8, seqLen: 1024, gradientCheckpointing: false }, 'rtx-3090')}`);
      await page.getByRole('button', { name: 'Reset' }).click();
      await textOf(verdict(page), `Peak ${peak(DEFAULT, 'rtx-4090')}`);
      await page.waitForFunction(() => ![...new URL(window.location.href).searchParams.keys()].some((k) => k.startsWith('step.')), undefined, { timeout: 5000 });
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('garbage typed or in the query string shows messages beside the fields and keeps the last valid timeline', async () => {
    const { page, problems } = await openCalculator();
    try {
      const batch = page.getByLabel('Batch size (sequences)', { exact: true });
      await batch.fill('abc');
      await textOf(page.locator('#step-batch-msg'), 'not a whole number');
      await expect(batch.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(section(page), 'Showing the last valid result');
      await textOf(verdict(page), `Peak ${peak(DEFAULT, 'rtx-4090')}`);
      await batch.fill('0');
      await textOf(page.locator('#step-batch-msg'), 'from 1 to');
      await batch.fill('');
      await textOf(page.locator('#step-batch-msg'), 'Enter a number');
      await batch.fill('1');
      await expect(batch.getAttribute('aria-invalid')).resolves.toBe('false');
    } finally {
      await page.close();
    }
    const second = await openCalculator('?step.model=nope&step.seq=%3Cscript%3E&step.ckpt=banana&step.gpu=zzz&step.workload=inference');
    try {
      await textOf(second.page.locator('#step-model-msg'), 'Choose a model');
      await textOf(second.page.locator('#step-seq-msg'), 'not a whole number');
      await textOf(second.page.locator('#step-ckpt-msg'), 'Use 1 (on) or 0 (off)');
      await textOf(second.page.locator('#step-gpu-msg'), 'Choose a card');
      await textOf(second.page.locator('#step-workload-msg'), 'Choose a training workload');
      await textOf(verdict(second.page), `Peak ${peak(DEFAULT, 'rtx-4090')}`);
      await expect(second.page.locator('section.st script').count()).resolves.toBe(0);
      const text = await section(second.page).textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
      expect(second.problems.consoleErrors).toEqual([]);
    } finally {
      await second.page.close();
    }
  });

  it('is operable with the keyboard: the moment slider reads any point of the step', async () => {
    const { page } = await openCalculator();
    try {
      const slider = page.getByLabel('Moment in the step', { exact: true });
      await slider.focus();
      await page.keyboard.press('Home');
      await textOf(page.getByTestId('readout'), 'Start of the step');
      await page.keyboard.press('ArrowRight');
      await textOf(page.getByTestId('readout'), 'Forward, after block 1 of 32');
      await page.keyboard.press('End');
      await textOf(page.getByTestId('readout'), 'After zero_grad');
      await page.getByLabel('Sequence length (tokens)', { exact: true }).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('4096');
      await textOf(verdict(page), `Peak ${peak({ ...DEFAULT, seqLen: 4096 }, 'rtx-4090')}`);
    } finally {
      await page.close();
    }
  });
});
