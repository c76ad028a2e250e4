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

const PATH = '/learn/why-gpus/';

/** Opens the Why GPUs chapter and waits until the timeline has hydrated. */
async function openTimeline(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `${PATH}${query}`);
  await opened.page.locator('section.gt').scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
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

describe('GPU timeline on the Why GPUs chapter', () => {
  it('renders every card, a text legend and a table without JavaScript', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}${PATH}`);
    await textOf(page.getByTestId('summary'), /\d+ cards plotted/);
    const points = await page.locator('[data-testid="chart"] .gt-point').count();
    expect(points).toBeGreaterThan(50);
    await textOf(page.getByTestId('legend'), 'GeForce 50 (Blackwell)');
    await expect(page.locator('[data-testid="table"] tbody tr').count()).resolves.toBe(points);
    await page.close();
  });

  it('switching the vertical axis redraws the chart and lists cards without a value', async () => {
    await withPage(await openTimeline(), 'timeline-axis', async (page) => {
      const before = await page.locator('.gt-point').first().getAttribute('transform');
      await page.getByLabel('Vertical axis').selectOption('memory');
      await textOf(page.getByTestId('summary'), 'H200');
      await textOf(page.getByTestId('summary'), '141 GB');
      expect(await page.locator('.gt-point').first().getAttribute('transform')).not.toBe(before);
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['timeline.y', 'memory'] as const, { timeout: 5000 });
      await page.getByLabel('Vertical axis').selectOption('price');
      await textOf(page.getByTestId('missing'), 'A100');
      await page.getByLabel('Vertical axis').selectOption('tensor');
      await textOf(page.getByTestId('missing'), 'GTX 1080 Ti');
      const text = (await page.locator('section.gt').textContent()) ?? '';
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
    });
  });

  it('finding a card by name shows it with a link to its spec page; bad names get a message', async () => {
    await withPage(await openTimeline(), 'timeline-find', async (page) => {
      const find = page.getByLabel('Find a card');
      await find.fill('4090');
      await textOf(page.getByTestId('detail'), 'GeForce RTX 4090 (GeForce 40 (Ada)), launched 2022-10-12: 82.6 TFLOPS');
      await expect(page.getByTestId('detail').getByRole('link').getAttribute('href')).resolves.toBe('/gpus/rtx-4090/');
      await find.fill('banana');
      await textOf(page.locator('#timeline-find-msg'), 'No card matches “banana”');
      await expect(find.getAttribute('aria-invalid')).resolves.toBe('true');
      await find.fill('RTX 40');
      await textOf(page.locator('#timeline-find-msg'), 'cards match');
      await page.getByLabel('Vertical axis').selectOption('tensor');
      await find.fill('GTX 1080 Ti');
      await textOf(page.locator('#timeline-find-msg'), 'has no published value');
      await textOf(page.getByTestId('summary'), 'cards plotted');
    });
  });

  it('a copied link reproduces the axis, scale and card, and reset restores the defaults', async () => {
    await withPage(await openTimeline('?timeline.y=bandwidth&timeline.scale=linear&timeline.card=rtx-5090'), 'timeline-url', async (page) => {
      // The island adopts the URL in an effect after hydration: wait for the result before reading the fields.
      await textOf(page.getByTestId('detail'), 'GeForce RTX 5090');
      await textOf(page.getByTestId('detail'), '1,792 GB/s');
      await valueOf(page.getByLabel('Vertical axis'), 'bandwidth');
      await valueOf(page.getByLabel('Scale'), 'linear');
      await valueOf(page.getByLabel('Find a card'), 'rtx-5090');
      await page.getByRole('button', { name: 'Reset' }).click();
      await valueOf(page.getByLabel('Vertical axis'), 'fp32');
      await textOf(page.getByTestId('summary'), 'TFLOPS');
      await page.waitForFunction(() => ![...new URL(window.location.href).searchParams.keys()].some((k) => k.startsWith('timeline.')), undefined, { timeout: 5000 });
    });
  });

  it('a garbage query string leaves the chart usable with messages beside the fields', async () => {
    await withPage(await openTimeline('?timeline.y=%3Cscript%3Ealert(1)%3C%2Fscript%3E&timeline.scale=cubic&timeline.card=%3Cb%3Ex'), 'timeline-garbage', async (page) => {
      await textOf(page.locator('#timeline-y-msg'), 'Choose a quantity');
      await textOf(page.locator('#timeline-scale-msg'), 'logarithmic or linear');
      await textOf(page.locator('#timeline-find-msg'), 'No card matches');
      await textOf(page.locator('section.gt .stale-note'), 'last valid');
      await expect(page.locator('section.gt script, section.gt b').count()).resolves.toBe(0);
      expect(await page.locator('.gt-point').count()).toBeGreaterThan(50);
      const text = (await page.locator('section.gt').textContent()) ?? '';
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
    });
  });

  it('is operable with the keyboard: arrows step through the cards by date, and hover shows a card', async () => {
    await withPage(await openTimeline(), 'timeline-keyboard', async (page) => {
      await page.getByLabel('Find a card').focus();
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
      expect(first).toBeTruthy();
      await textOf(page.getByTestId('detail'), 'launched');
      await page.keyboard.press('ArrowRight');
      const second = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
      expect(second).toBeTruthy();
      expect(second).not.toBe(first);
      await page.keyboard.press('End');
      await textOf(page.getByTestId('detail'), 'GeForce RTX 5060');
      await page.locator('.gt-point[data-id="gtx-1080-ti"]').hover();
      await textOf(page.getByTestId('detail'), 'GeForce GTX 1080 Ti');
    });
  });
});
