import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { checkedPaths, launchBrowser, networkQuiet, openPage, screenshotOnFailure } from './support/browser.ts';

const paths = checkedPaths();
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

describe('every page in the sitemap', () => {
  it('the sitemap lists the home page and the chapters', () => {
    expect(paths).toContain('/');
    expect(paths).toContain('/learn/tensors/');
  });

  // Two pages at once (maxConcurrency in the config): the machines this runs on have two cores.
  it.concurrent.each(paths)('%s loads with one h1, no console error, no failed or foreign request', async (path) => {
    const { page, problems } = await openPage(context, path);
    try {
      // Scroll to the end so lazily hydrated islands load too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      // Islands in view at the end hydrate (client:visible), then the network goes quiet: their code and data have loaded.
      await page.waitForFunction(() => [...document.querySelectorAll('astro-island[ssr]')].every((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom < 0 || r.top > window.innerHeight || r.height === 0;
      }), undefined, { timeout: 10_000 });
      await networkQuiet(page);
      await expect(page.locator('h1').count()).resolves.toBe(1);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
      // Every figure is an image named by its own title and description, and has a caption.
      const unnamed = await page.evaluate(() => [...document.querySelectorAll('figure svg[role="img"]')].filter((svg) => {
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const named = ids.length === 2 && ids.every((id) => (document.getElementById(id)?.textContent ?? '').trim().length > 0);
        return !named || !(svg.closest('figure')?.querySelector('figcaption')?.textContent ?? '').trim();
      }).map((svg) => svg.closest('figure')?.id ?? '?'));
      expect(unnamed).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, `page${path}`);
      throw error;
    } finally {
      await page.close();
    }
  });

  it('the chapters carry at least eight explanatory figures', () => {
    const figures = paths.filter((p) => p.startsWith('/learn/')).reduce((sum, p) => sum + (readFileSync(`dist${p}index.html`, 'utf8').match(/<figure class="fig"/g) ?? []).length, 0);
    expect(figures).toBeGreaterThanOrEqual(8);
  });

  it('an unknown address answers with the site’s 404 page', async () => {
    const { page } = await openPage(context, '/no-such-page/');
    await expect(page.locator('h1').textContent()).resolves.toContain('not found');
    await page.close();
  });
});
