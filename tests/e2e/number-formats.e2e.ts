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

const PATH = '/learn/number-formats/';

/** Opens the chapter and waits until the explorer has hydrated. */
async function openExplorer(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `${PATH}${query}`);
  await opened.page.locator('section.nf').scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

async function withPage(name: string, query: string, body: (page: Page, problems: { consoleErrors: string[] }) => Promise<void>): Promise<void> {
  const { page, problems } = await openExplorer(query);
  try {
    await body(page, problems);
  } catch (error) {
    await screenshotOnFailure(page, name);
    throw error;
  } finally {
    await page.close();
  }
}

describe('number-format explorer on the Number formats chapter', () => {
  it('shows the default rounding and the loss-scaling demo without JavaScript', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    const { origin } = await import('./support/browser.ts');
    await page.goto(`${origin()}${PATH}`);
    await textOf(page.getByTestId('stored-bf16'), '0.100097656');
    await textOf(page.locator('[data-format="bf16"] .nf-exp code'), '01111011');
    await textOf(page.getByTestId('unscaled'), '0');
    await textOf(page.getByTestId('verdict'), 'becomes 0');
    await page.close();
  });

  it('typing a value updates bits, stored values and errors in every format', async () => {
    await withPage('nf-typing', '', async (page, problems) => {
      await page.getByLabel('Value', { exact: true }).fill('-2.5');
      await textOf(page.getByTestId('stored-fp16'), /^[-−]2\.5$/);
      await textOf(page.locator('[data-format="fp16"] .nf-sign code'), '1');
      await textOf(page.locator('[data-format="fp16"] .nf-exp code'), '10000');
      await textOf(page.locator('[data-format="fp16"] .nf-man code'), '0100000000');
      await textOf(page.getByTestId('error-fp16'), 'exact');
      await page.getByLabel('Value', { exact: true }).fill('65520');
      await textOf(page.getByTestId('note-fp16'), 'overflow');
      await textOf(page.getByTestId('stored-fp16'), 'infinity');
      await textOf(page.getByTestId('note-fp8-e4m3'), 'no infinity');
      await textOf(page.getByTestId('stored-bf16'), '65,536');
      await page.getByLabel('Value', { exact: true }).fill('1e-5');
      await textOf(page.getByTestId('note-fp16'), 'subnormal');
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['nf.v', '1e-5'] as const, { timeout: 5000 });
      expect(problems.consoleErrors).toEqual([]);
    });
  });

  it('loss scaling recovers a gradient that underflows FP16, and says when the scale overflows', async () => {
    await withPage('nf-loss', '', async (page, problems) => {
      const scale = page.getByLabel('Loss scale', { exact: true });
      await scale.fill('1');
      await textOf(page.getByTestId('verdict'), 'not enough');
      await scale.fill('65536');
      await textOf(page.getByTestId('verdict'), 'survives');
      await textOf(page.getByTestId('recovered'), /^(9\.99|1\.00)\d* × 10/);
      await page.getByLabel('Gradient', { exact: true }).fill('1');
      await textOf(page.getByTestId('verdict'), 'overflows');
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['nf.s', '65536'] as const, { timeout: 5000 });
      expect(problems.consoleErrors).toEqual([]);
    });
  });

  it('garbage input shows a message beside the field and keeps the last valid result', async () => {
    await withPage('nf-garbage', '', async (page, problems) => {
      const value = page.getByLabel('Value', { exact: true });
      await value.fill('3');
      await textOf(page.getByTestId('stored-fp4-e2m1'), '3');
      await value.fill('3 apples');
      await textOf(page.locator('#nf-value-msg'), 'Not a number');
      await expect(value.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(page.getByTestId('stored-fp4-e2m1'), '3');
      await textOf(page.locator('section.nf'), 'Showing the last valid result');
      await value.fill('');
      await textOf(page.locator('#nf-value-msg'), 'Enter a number');
      await value.fill('1e999');
      await textOf(page.locator('#nf-value-msg'), 'Too large');
      await page.getByLabel('Loss scale', { exact: true }).fill('-4');
      await textOf(page.locator('#nf-scale-msg'), 'greater than 0');
      await textOf(page.getByTestId('verdict'), 'survives');
      const text = await page.locator('section.nf').textContent();
      expect(text).not.toMatch(/NaN(?! code)|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    });
  });

  it('a link reproduces the inputs, and reset restores the defaults', async () => {
    await withPage('nf-url', '?nf.v=0.3&nf.g=2e-9&nf.s=4096', async (page) => {
      await valueOf(page.getByLabel('Value', { exact: true }), '0.3');
      await valueOf(page.getByLabel('Gradient', { exact: true }), '2e-9');
      await textOf(page.locator('.nf-table caption'), '0.3 rounded');
      await page.getByRole('button', { name: 'Reset' }).click();
      await valueOf(page.getByLabel('Value', { exact: true }), '0.1');
      await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('nf.v'), undefined, { timeout: 5000 });
    });
  });

  it('a garbage query string leaves the page usable with messages', async () => {
    await withPage('nf-garbage-url', '?nf.v=%3Cimg%20src%3Dx%3E&nf.s=abc', async (page, problems) => {
      await textOf(page.locator('#nf-value-msg'), 'Not a number');
      await textOf(page.locator('#nf-scale-msg'), 'Not a number');
      await textOf(page.getByTestId('stored-bf16'), '0.100097656');
      await expect(page.locator('section.nf img').count()).resolves.toBe(0);
      expect(problems.consoleErrors).toEqual([]);
    });
  });

  it('is operable with the keyboard alone', async () => {
    await withPage('nf-keyboard', '', async (page) => {
      await page.getByLabel('Value', { exact: true }).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('0.5');
      await textOf(page.getByTestId('error-fp8-e5m2'), 'exact');
      await page.keyboard.press('Tab'); // Gradient
      await page.keyboard.press('Tab'); // Loss scale
      await page.keyboard.press('Control+A');
      await page.keyboard.type('65536');
      await textOf(page.getByTestId('verdict'), 'survives');
      await page.keyboard.press('Tab'); // Copy link
      await page.keyboard.press('Tab'); // Reset
      await page.keyboard.press('Enter');
      await valueOf(page.getByLabel('Value', { exact: true }), '0.1');
    });
  });
});
