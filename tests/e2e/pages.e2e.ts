import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, openPage, screenshotOnFailure, sitemapPaths } from './support/browser.ts';

const paths = sitemapPaths();
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

  it.each(paths)('%s loads with one h1, no console error, no failed or foreign request', async (path) => {
    const { page, problems } = await openPage(context, path);
    try {
      // Scroll to the end so lazily hydrated islands load too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      await expect(page.locator('h1').count()).resolves.toBe(1);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, `page${path}`);
      throw error;
    } finally {
      await page.close();
    }
  });

  it('an unknown address answers with the site’s 404 page', async () => {
    const { page } = await openPage(context, '/no-such-page/');
    await expect(page.locator('h1').textContent()).resolves.toContain('not found');
    await page.close();
  });
});
