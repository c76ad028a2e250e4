/**
 * Search against the built Pagefind index, through Pagefind's own browser API on a page of the site: the queries a first
 * reader typed that used to land badly (issue 14, item 15), each with the page it should find near the top.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.ts';

interface Hit {
  url: string;
  title: string;
  excerpt: string;
  subTitles: string[];
}

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  ({ page } = await openPage(context, '/'));
});
afterAll(async () => {
  await browser?.close();
});

/** The first `n` results for a query, as Pagefind's UI would rank them. */
async function search(query: string, n = 5): Promise<Hit[]> {
  // Passed as source text: the test runner rewrites import() in functions it compiles, which the page cannot run.
  const script = `(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.slice(0, ${n}).map((r) => r.data()));
    return data.map((d) => ({
      url: d.url,
      title: d.meta.title,
      excerpt: d.excerpt.replace(/<[^>]+>/g, ''),
      subTitles: d.sub_results.map((s) => s.title),
    }));
  })()`;
  return (await page.evaluate(script)) as Hit[];
}

describe('site search (Pagefind)', () => {
  it('"4090" ranks the RTX 4090 above the 4090 D, and never matches on citation blocks', async () => {
    const hits = await search('4090');
    const urls = hits.map((h) => h.url);
    expect(urls[0]).toBe('/gpus/rtx-4090/');
    expect(urls.indexOf('/gpus/rtx-4090-d/')).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.subTitles.join(' | '), h.url).not.toMatch(/Sources|Cite this|BibTeX/);
      expect(h.excerpt, h.url).not.toMatch(/BibTeX|Cite this/);
    }
  });

  it('"rtx 3090 vs 4090" finds both cards and the Compare page', async () => {
    const urls = (await search('rtx 3090 vs 4090')).map((h) => h.url);
    expect(urls).toEqual(expect.arrayContaining(['/gpus/rtx-3090/', '/gpus/rtx-4090/', '/gpus/compare/']));
  });

  it('"how much vram for llama 70b" puts the VRAM chapter first', async () => {
    const urls = (await search('how much vram for llama 70b')).map((h) => h.url);
    expect(urls[0]).toBe('/learn/vram/');
  });

  it('"ZeRO" puts the parallelism chapter first and Number formats (float zeros) not second', async () => {
    const urls = (await search('ZeRO')).map((h) => h.url);
    expect(urls[0]).toBe('/learn/parallelism/');
    expect(urls[1]).not.toBe('/learn/number-formats/');
  });
});
