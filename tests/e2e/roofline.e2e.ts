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

const PATH = '/learn/flops/';

/** Opens the FLOPS chapter and waits until the explorer has hydrated. */
async function openExplorer(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `${PATH}${query}`);
  await opened.page.locator('section.rf').scrollIntoViewIfNeeded();
  // Wait for this island only: the chapter's other island hydrates when it scrolls into view, which it may not here.
  await opened.page.waitForFunction(() => !document.querySelector('section.rf')?.closest('astro-island')?.hasAttribute('ssr'));
  return opened;
}

/** Runs a test body against a page, saving a screenshot if it fails. */
async function withPage(opened: Awaited<ReturnType<typeof openPage>>, name: string, body: (page: Page) => Promise<void>): Promise<void> {
  try {
    await body(opened.page);
    expect(opened.problems.consoleErrors).toEqual([]);
  } catch (error) {
    await screenshotOnFailure(opened.page, name);
    throw error;
  } finally {
    await opened.page.close();
  }
}

const noJunk = async (page: Page) => {
  const text = (await page.locator('section.rf').textContent()) ?? '';
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
};

describe('roofline explorer on the FLOPS chapter', () => {
  it('shows the default verdicts without JavaScript (server-rendered)', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}${PATH}`);
    await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'GeForce RTX 4090, BF16: compute-bound');
    await textOf(page.locator('section.rf').getByTestId('verdict-2'), 'ridge point 153');
    await expect(page.locator('[data-testid="chart"] .rf-roof').count()).resolves.toBe(2);
    await page.close();
  });

  it('the decode preset makes the matmul memory-bound, and the URL records it', async () => {
    await withPage(await openExplorer(), 'roofline-decode', async (page) => {
      await page.locator('section.rf').getByRole('button', { name: 'Decode GEMV (m = 1)' }).click();
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'memory-bound');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'ridge point 164');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), '33.3 µs');
      await valueOf(page.getByLabel('m (rows of A: tokens)'), '1');
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['roofline.m', '1'] as const, { timeout: 5000 });
      await page.getByLabel('m (rows of A: tokens)').fill('2048');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'compute-bound');
      await noJunk(page);
    });
  });

  it('a card without the chosen format says so, while the others keep their verdicts', async () => {
    await withPage(await openExplorer(), 'roofline-format', async (page) => {
      await page.getByLabel('Card 3 (optional)').selectOption('rtx-3090');
      await page.getByLabel('Number format').selectOption('fp8');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'GeForce RTX 4090, FP8');
      await textOf(page.locator('section.rf').getByTestId('verdict-2'), 'cannot run FP8');
      await textOf(page.locator('section.rf').getByTestId('verdict-3'), 'GeForce RTX 3090 cannot run FP8');
      await textOf(page.locator('section.rf').getByTestId('table'), 'format not supported');
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['roofline.gpu3', 'rtx-3090'] as const, { timeout: 5000 });
      await noJunk(page);
    });
  });

  it('garbage typed into a dimension shows a message beside it and keeps the last valid result', async () => {
    await withPage(await openExplorer(), 'roofline-garbage-typed', async (page) => {
      const m = page.getByLabel('m (rows of A: tokens)');
      await m.fill('1');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'memory-bound');
      await m.fill('abc');
      await textOf(page.locator('#roofline-m-msg'), '“abc” is not a whole number');
      await expect(m.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(page.locator('section.rf .stale-note'), 'last valid');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'memory-bound');
      await m.fill('0');
      await textOf(page.locator('#roofline-m-msg'), 'at least 1');
      await m.fill('-5');
      await textOf(page.locator('#roofline-m-msg'), 'at least 1');
      await m.fill('99999999');
      await textOf(page.locator('#roofline-m-msg'), 'at most 1,048,576');
      await m.fill('');
      await textOf(page.locator('#roofline-m-msg'), 'Enter a whole number');
      await page.getByLabel('k (inner dimension: input features)').fill('1e3');
      await textOf(page.locator('#roofline-k-msg'), 'not a whole number');
      await noJunk(page);
    });
  });

  it('a copied link reproduces cards, format and shape, and reset restores the defaults', async () => {
    await withPage(await openExplorer('?roofline.gpu1=rtx-3090&roofline.gpu2=&roofline.format=fp16&roofline.m=1&roofline.n=8192&roofline.k=8192'), 'roofline-url', async (page) => {
      await textOf(page.locator('section.rf').getByTestId('shape'), 'C[1 × 8,192]');
      await valueOf(page.getByLabel('Card 1', { exact: true }), 'rtx-3090');
      await valueOf(page.getByLabel('Card 2 (optional)'), '');
      await valueOf(page.getByLabel('Number format'), 'fp16');
      await textOf(page.locator('section.rf').getByTestId('shape'), 'C[1 × 8,192]');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'GeForce RTX 3090, FP16 (FP32 accumulate): memory-bound');
      await expect(page.locator('section.rf').getByTestId('verdict-2').count()).resolves.toBe(0);
      await page.locator('section.rf').getByRole('button', { name: 'Reset' }).click();
      await textOf(page.locator('section.rf').getByTestId('verdict-2'), 'A100');
      await page.waitForFunction(() => ![...new URL(window.location.href).searchParams.keys()].some((k) => k.startsWith('roofline.')), undefined, { timeout: 5000 });
    });
  });

  it('a garbage query string shows messages beside the fields and keeps the page usable', async () => {
    await withPage(await openExplorer('?roofline.gpu1=%3Cscript%3Ealert(1)%3C%2Fscript%3E&roofline.format=fp99&roofline.m=abc&roofline.n=1e400'), 'roofline-garbage-url', async (page) => {
      await textOf(page.locator('#roofline-gpu1-msg'), 'No card has the id');
      await textOf(page.locator('#roofline-format-msg'), 'Choose a number format');
      await textOf(page.locator('#roofline-m-msg'), 'not a whole number');
      await textOf(page.locator('#roofline-n-msg'), 'not a whole number');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'GeForce RTX 4090');
      await expect(page.locator('section.rf script').count()).resolves.toBe(0);
      await noJunk(page);
    });
  });

  it('is operable with the keyboard alone', async () => {
    await withPage(await openExplorer(), 'roofline-keyboard', async (page) => {
      await page.locator('section.rf').getByRole('button', { name: 'Decode GEMV (m = 1)' }).focus();
      await page.keyboard.press('Enter');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'memory-bound');
      await page.getByLabel('m (rows of A: tokens)').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('8192');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'compute-bound');
      await page.getByLabel('Number format').focus();
      await page.keyboard.press('ArrowUp');
      await textOf(page.locator('section.rf').getByTestId('verdict-1'), 'FP16');
    });
  });
});
