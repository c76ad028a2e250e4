/**
 * Chinese search against the built Pagefind index. Pagefind builds one index per page language (from <html lang>), and its
 * browser API loads the index of the page it runs on, so these queries run on the Chinese home page and must find Chinese
 * pages; the English queries in search.e2e.ts run on the English home page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  ({ page } = await openPage(context, '/zh-cn/'));
});
afterAll(async () => {
  await browser?.close();
});

/** The first `n` result URLs for a query, as Pagefind's UI would rank them. */
async function search(query: string, n = 5): Promise<string[]> {
  // Passed as source text: the test runner rewrites import() in functions it compiles, which the page cannot run.
  const script = `(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.slice(0, ${n}).map((r) => r.data()));
    return data.map((d) => d.url);
  })()`;
  return (await page.evaluate(script)) as string[];
}

describe('site search in Chinese (Pagefind)', () => {
  it('the Chinese pages have their own index: an English-only word finds no English page', async () => {
    const urls = await search('4090');
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith('/zh-cn/'))).toEqual([]);
  });

  it('"显存 4090" puts the Chinese RTX 4090 page first', async () => {
    const urls = await search('显存 4090');
    expect(urls[0]).toBe('/zh-cn/gpus/rtx-4090/');
  });

  it('"QLoRA 需要多少显存" leads with a page that answers it and finds the fine-tuning chapter near the top', async () => {
    const urls = await search('QLoRA 需要多少显存');
    // The planner computes exactly this; the fine-tuning and VRAM chapters explain it.
    expect(['/zh-cn/learn/fine-tuning/', '/zh-cn/learn/vram/', '/zh-cn/plan/']).toContain(urls[0]);
    expect(urls.slice(0, 3)).toContain('/zh-cn/learn/fine-tuning/');
  });
});
