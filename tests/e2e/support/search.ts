/**
 * Queries the built Pagefind index through Pagefind's own browser API, on one page of the site: Pagefind builds one index
 * per page language (from <html lang>) and loads the index of the page it runs on.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';

export interface Hit {
  url: string;
  title: string;
  excerpt: string;
  subTitles: string[];
}

/** Opens `path` once for the test file; returns `search(query, n)`: the first `n` results, as Pagefind's UI would rank them. */
export function pagefindOn(path: string): (query: string, n?: number) => Promise<Hit[]> {
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await openPage(await browser.newContext(), path));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (query, n = 5) => {
    // Passed as source text: the test runner rewrites import() in functions it compiles, which the page cannot run.
    const script = `(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = await pagefind.search(${JSON.stringify(query)});
      const data = await Promise.all(found.results.slice(0, ${n}).map((r) => r.data()));
      return data.map((d) => ({ url: d.url, title: d.meta.title, excerpt: d.excerpt.replace(/<[^>]+>/g, ''), subTitles: d.sub_results.map((s) => s.title) }));
    })()`;
    return (await page.evaluate(script)) as Hit[];
  };
}
