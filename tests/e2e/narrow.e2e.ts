/**
 * Phone-width browser tests: no page scrolls sideways at 390 px, no number wraps mid-digit, no chart text renders under
 * 12 px, and every table that is wider than its column either stacks its rows (small screens) or scrolls inside its own
 * region with the first column held in view and a visible hint. (The same chart and table checks run at 1280 px on every
 * page in pages.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, origin, screenshotOnFailure } from './support/browser.ts';
import { islandPages } from './support/islands.ts';
import { phoneLayoutProblems, PHONE } from './support/layout.ts';

/**
 * Pages loaded at 390 px from the start: every page with a calculator or chart island (an island draws for the width it
 * hydrates at), plus one of each other kind. Every page of the sitemap is also checked at 390 px after its desktop checks,
 * by resizing the tab it was loaded in (pages.e2e.ts); loading at the phone's width is what these add.
 */
const PAGES = [...new Set([...islandPages().map((p) => p.path).filter((p) => !p.startsWith('/zh-cn/')), '/', '/gpus/', '/gpus/compare/?ids=rtx-3090,rtx-4090,h100-sxm', '/methodology/', '/gpus/rtx-4090/', '/gpus/series/geforce-40/', '/learn/choosing/'])];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Scrolls through the page so every client:visible island hydrates, then waits for all of them. */
async function settle(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
    window.scrollTo(0, 0);
  });
  // Islands hydrate when visible: bring any still waiting into view one by one.
  for (const island of await page.locator('astro-island[ssr]').all()) await island.scrollIntoViewIfNeeded().catch(() => undefined);
  await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')), undefined, { timeout: 30_000 });
  await page.waitForTimeout(100);
}

// Every test has its own browser context, and two run at once (maxConcurrency in the config): the machines have two cores.
describe.concurrent('pages at 390 px', () => {
  it.each(PAGES)('%s does not scroll sideways', async (path) => {
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
    const page = await phone.newPage();
    try {
      await page.goto(`${origin()}${path}`, { waitUntil: 'load' });
      await settle(page);
      expect(await phoneLayoutProblems(page, path)).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, `narrow-${path}`);
      throw error;
    } finally {
      await phone.close();
    }
  });

  it.each([
    ['/learn/choosing/', 'Cheapest cards that fit each job'],
    // Chinese text can break between any two characters, so this table used to shrink its columns instead of stacking.
    ['/zh-cn/learn/choosing/', '能装下各任务的最便宜显卡'],
  ])('the "what fits" table of %s stacks its rows: every cell is as wide as the row and names its column', async (path, caption) => {
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
    const page = await phone.newPage();
    try {
      await page.goto(`${origin()}${path}`, { waitUntil: 'load' });
      await settle(page);
      const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
      await expect(table.getAttribute('data-stacked')).resolves.toBe('');
      const cells = await table.locator('tbody td').evaluateAll((tds) => tds.map((td) => ({
        width: td.getBoundingClientRect().width,
        label: td.getAttribute('data-label') ?? '',
        before: getComputedStyle(td, '::before').content,
      })));
      expect(cells.length).toBeGreaterThan(6);
      const region = await table.evaluate((t) => t.parentElement!.getBoundingClientRect().width);
      for (const c of cells) {
        expect(c.width).toBeGreaterThan(region * 0.8);
        expect(c.label.length).toBeGreaterThan(3);
        expect(c.before).toContain(c.label.slice(0, 10));
      }
    } finally {
      await phone.close();
    }
  });
});
