/**
 * Search against the built Pagefind index, through Pagefind's own browser API on a page of the site: the queries a first
 * reader typed that used to land badly (issue 14, item 15), each with the page it should find near the top.
 */
import { describe, expect, it } from 'vitest';
import { pagefindOn } from './support/search.ts';

const search = pagefindOn('/');

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
