/**
 * Chinese search against the built Pagefind index. Pagefind builds one index per page language (from <html lang>), and its
 * browser API loads the index of the page it runs on, so these queries run on the Chinese home page and must find Chinese
 * pages; the English queries in search.e2e.ts run on the English home page.
 */
import { describe, expect, it } from 'vitest';
import { pagefindOn } from './support/search.ts';

const pagefind = pagefindOn('/zh-cn/');
/** The first result URLs for a query. */
const search = async (query: string): Promise<string[]> => (await pagefind(query)).map((h) => h.url);

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
