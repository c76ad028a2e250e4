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

/** Opens the Tensors chapter and waits until the calculator has hydrated. */
async function openCalculator(query = ''): Promise<{ page: Page; problems: Awaited<ReturnType<typeof openPage>>['problems'] }> {
  const opened = await openPage(context, `/learn/tensors/${query}`);
  const island = opened.page.locator('astro-island', { has: opened.page.getByLabel('Shape', { exact: true }) });
  await island.scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

describe('tensor-size calculator on the Tensors chapter', () => {
  it('shows the default result without JavaScript (server-rendered)', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    const { origin } = await import('./support/browser.ts');
    await page.goto(`${origin()}/learn/tensors/`);
    await textOf(page.getByTestId('elements'), (8 * 2048 * 4096).toLocaleString('en-US'));
    await page.close();
  });

  it('typing a shape updates elements and bytes', async () => {
    const { page, problems } = await openCalculator();
    try {
      const shape = page.getByLabel('Shape', { exact: true });
      await shape.fill('1024, 1024');
      await page.getByLabel('Number format').selectOption('fp32');
      await textOf(page.getByTestId('elements'), '1,048,576');
      await textOf(page.getByTestId('bytes'), '4 MiB');
      await textOf(page.getByTestId('strides'), '(1,024, 1)');
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['tensor.shape', '1024, 1024'] as const, { timeout: 5000 });
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'tensor-size-typing');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('garbage input shows a message beside the field and keeps the last valid result', async () => {
    const { page, problems } = await openCalculator();
    try {
      const shape = page.getByLabel('Shape', { exact: true });
      await shape.fill('12, 7');
      await shape.fill('12, banana');
      await textOf(page.locator('#tensor-shape-msg'), 'not a whole number');
      await expect(shape.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(page.getByTestId('elements'), '84');
      await shape.fill('-3');
      await textOf(page.locator('#tensor-shape-msg'), 'at least 1');
      await shape.fill('');
      await textOf(page.locator('#tensor-shape-msg'), 'at least one dimension');
      await shape.fill('999999999, 999999999');
      await textOf(page.locator('#tensor-shape-msg'), '2^53');
      const text = await page.locator('section.calc').textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'tensor-size-garbage');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('a copied link reproduces the inputs, and reset restores the defaults', async () => {
    const { page } = await openCalculator('?tensor.shape=3%2C5&tensor.format=fp16');
    try {
      await valueOf(page.getByLabel('Shape', { exact: true }), '3,5');
      await textOf(page.getByTestId('bytes'), '30 B');
      await page.getByRole('button', { name: 'Reset' }).click();
      await textOf(page.getByTestId('elements'), (8 * 2048 * 4096).toLocaleString('en-US'));
      await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('tensor.shape'), undefined, { timeout: 5000 });
    } finally {
      await page.close();
    }
  });

  it('a garbage query string leaves the page usable with a message', async () => {
    const { page, problems } = await openCalculator('?tensor.shape=%3Cscript%3Ealert(1)%3C%2Fscript%3E&tensor.format=nope');
    try {
      await textOf(page.locator('#tensor-shape-msg'), 'not a whole number');
      await textOf(page.locator('#tensor-format-msg'), 'Choose a number format');
      await expect(page.locator('section.calc script').count()).resolves.toBe(0);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is operable with the keyboard alone', async () => {
    const { page } = await openCalculator();
    try {
      await page.getByLabel('Shape', { exact: true }).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('16, 16');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await textOf(page.getByTestId('elements'), '256');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // Reset
      await valueOf(page.getByLabel('Shape', { exact: true }), '8, 2048, 4096');
    } finally {
      await page.close();
    }
  });
});
