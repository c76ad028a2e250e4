import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshotOnFailure, textOf, valueOf } from './support/browser.ts';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

const PATH = '/learn/tensor-cores/';

async function withPage(name: string, query: string, body: (page: Page, problems: { consoleErrors: string[] }) => Promise<void>): Promise<void> {
  const { page, problems } = await openPage(context, `${PATH}${query}`);
  try {
    await page.locator('section.tt').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
    await body(page, problems);
  } catch (error) {
    await screenshotOnFailure(page, name);
    throw error;
  } finally {
    await page.close();
  }
}

/** Dense values of the bars, top to bottom, read from the table. */
async function denseColumn(page: Page): Promise<number[]> {
  const cells = await page.locator('[data-testid="table"] tbody tr td:nth-child(3)').allTextContents();
  return cells.filter((c) => /\d/.test(c)).map((c) => Number(c.replace(/,/g, '')));
}

describe('Tensor Core throughput chart on the Tensor Cores chapter', () => {
  it('renders a sorted chart and its table without JavaScript', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    const { origin } = await import('./support/browser.ts');
    await page.goto(`${origin()}${PATH}`);
    await textOf(page.getByTestId('summary'), 'FP16, FP32 accumulate');
    const bars = await page.locator('[data-testid="chart"] .tt-row').count();
    expect(bars).toBeGreaterThan(5);
    const dense = await denseColumn(page);
    expect(dense).toEqual([...dense].sort((a, b) => b - a));
    await textOf(page.getByTestId('unsupported'), 'GeForce GTX 1080');
    await page.close();
  });

  it('changing the format re-ranks the cards and lists those without it', async () => {
    await withPage('tt-format', '', async (page, problems) => {
      await page.getByLabel('Format', { exact: true }).selectOption('fp4');
      await textOf(page.getByTestId('summary'), 'FP4');
      await textOf(page.getByTestId('unsupported'), 'Not supported (FP4)');
      await textOf(page.getByTestId('unsupported'), 'RTX 4090');
      const names = await page.locator('[data-testid="chart"] .tt-label').allTextContents();
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => !n.includes('4090'))).toBe(true);
      // The sparse outline is drawn beside every bar whose card doubles with 2:4 sparsity.
      expect(await page.locator('[data-testid="chart"] .tt-sparse').count()).toBe(names.length);
      const dense = await denseColumn(page);
      expect(dense).toEqual([...dense].sort((a, b) => b - a));
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['tt.format', 'fp4'] as const, { timeout: 5000 });
      await page.getByLabel('Cards', { exact: true }).selectOption('geforce-10');
      await textOf(page.getByTestId('summary'), 'No card in this selection');
      expect(await page.locator('[data-testid="table"]').textContent()).toContain('not supported');
      expect(problems.consoleErrors).toEqual([]);
    });
  });

  it('a link reproduces the selection, and reset restores the defaults', async () => {
    await withPage('tt-url', '?tt.format=int8&tt.series=geforce-30', async (page) => {
      await valueOf(page.getByLabel('Format', { exact: true }), 'int8');
      await valueOf(page.getByLabel('Cards', { exact: true }), 'geforce-30');
      await textOf(page.getByTestId('summary'), 'INT8');
      await textOf(page.getByTestId('summary'), 'TOPS');
      const names = await page.locator('[data-testid="chart"] .tt-label').allTextContents();
      expect(names.every((n) => n.includes('30'))).toBe(true);
      await page.getByRole('button', { name: 'Reset' }).click();
      await textOf(page.getByTestId('summary'), 'FP16, FP32 accumulate');
      await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('tt.format'), undefined, { timeout: 5000 });
    });
  });

  it('a garbage query string shows messages and keeps a valid chart', async () => {
    await withPage('tt-garbage', '?tt.format=%3Cscript%3Ex%3C%2Fscript%3E&tt.series=nope', async (page, problems) => {
      await textOf(page.locator('#tt-format-msg'), 'Choose a format');
      await textOf(page.locator('#tt-series-msg'), 'Choose a card family');
      await textOf(page.getByTestId('summary'), 'FP16, FP32 accumulate');
      await expect(page.locator('section.tt script').count()).resolves.toBe(0);
      const text = await page.locator('section.tt').textContent();
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
      expect(problems.consoleErrors).toEqual([]);
    });
  });

  it('is operable with the keyboard: selects and arrow keys between bars', async () => {
    await withPage('tt-keyboard', '', async (page) => {
      await page.getByLabel('Format', { exact: true }).focus();
      await page.keyboard.press('ArrowDown'); // FP16, FP16 accumulate
      await textOf(page.getByTestId('summary'), 'FP16, FP16 accumulate');
      const first = (await page.locator('[data-testid="chart"] .tt-label').first().textContent()) ?? '';
      const second = (await page.locator('[data-testid="chart"] .tt-label').nth(1).textContent()) ?? '';
      await page.locator('[data-testid="chart"] .tt-row').first().focus();
      await textOf(page.getByTestId('focused'), first);
      await page.keyboard.press('ArrowDown');
      await textOf(page.getByTestId('focused'), second);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? '')).resolves.not.toBe('');
      await page.keyboard.press('Home');
      await textOf(page.getByTestId('focused'), first);
    });
  });
});
