/**
 * Phone-width browser tests: no page scrolls sideways at 390 px, and every table that is wider than its column either stacks
 * its rows (small screens) or scrolls inside its own region with the first column held in view and a visible hint.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, origin, screenshotOnFailure } from './support/browser.ts';

const chapters = readdirSync('src/content/docs/learn')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `/learn/${f.replace(/\.mdx$/, '')}/`);
const PAGES = [...chapters, '/', '/plan/', '/gpus/', '/gpus/compare/?ids=rtx-3090,rtx-4090,h100-sxm', '/methodology/', '/gpus/rtx-4090/', '/gpus/h100-sxm/', '/gpus/gtx-1080-ti/', '/gpus/series/geforce-40/'];

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

/** Elements that stick out past the right edge of the window and are not inside a region that scrolls. */
function overflowingElements(page: Page) {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= w + 0.5) continue;
      let p = el.parentElement;
      let clipped = false;
      while (p && p !== document.body) {
        const s = getComputedStyle(p);
        if (s.overflowX !== 'visible' && p.getBoundingClientRect().right <= w + 0.5) { clipped = true; break; }
        p = p.parentElement;
      }
      if (!clipped) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (+${Math.round(r.right - w)}px)`);
      if (out.length > 5) break;
    }
    return out;
  });
}

/**
 * Each table in the content, with the box that scrolls it (its `.table-scroll` region, or the table itself): whether it
 * overflows, whether its rows are stacked, whether its first column is sticky and whether a "scrolls sideways" line shows.
 */
function tableReport(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll<HTMLTableElement>('.sl-markdown-content table')].filter((t) => t.offsetParent !== null).map((table) => {
    const region = table.parentElement?.classList.contains('table-scroll') ? table.parentElement : table;
    const firstCell = table.querySelector('tbody tr > :first-child:not([colspan])');
    const hint = region === table ? getComputedStyle(table.caption ?? table, '::after') : getComputedStyle(region, '::before');
    return {
      label: region.getAttribute('aria-label') ?? table.caption?.textContent?.slice(0, 60) ?? table.getAttribute('data-testid') ?? '',
      overflows: region.scrollWidth > region.clientWidth + 1,
      stacked: table.hasAttribute('data-stacked'),
      sticky: firstCell ? getComputedStyle(firstCell).position === 'sticky' : true,
      hintVisible: hint.display !== 'none' && hint.content.includes('Scrolls sideways'),
    };
  }));
}

/** Numbers of four or more digits whose characters land on more than one line (a number wrapped mid-digit). */
function brokenNumbers(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && out.length < 5; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('svg, .katex, pre, code') || parent.offsetParent === null) continue;
      for (const m of text.matchAll(/\d[\d,.]*\d/g)) {
        if (m[0].replace(/\D/g, '').length < 4) continue;
        const range = document.createRange();
        range.setStart(node, m.index ?? 0);
        range.setEnd(node, (m.index ?? 0) + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(`${m[0]} in <${parent.tagName.toLowerCase()} class="${parent.className}">`);
      }
    }
    return out;
  });
}

// Every test has its own browser context, and two run at once (maxConcurrency in the config): the machines have two cores.
describe.concurrent('pages at 390 px', () => {
  it.each(PAGES)('%s does not scroll sideways', async (path) => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await phone.newPage();
    try {
      await page.goto(`${origin()}${path}`, { waitUntil: 'load' });
      await settle(page);
      const sizes = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      if (sizes.scrollWidth > sizes.innerWidth) expect(await overflowingElements(page)).toEqual([]);
      expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.innerWidth);
      expect(await brokenNumbers(page)).toEqual([]);
      for (const t of await tableReport(page)) {
        if (!t.overflows || t.stacked) continue;
        expect({ table: t.label, sticky: t.sticky, hint: t.hintVisible }).toEqual({ table: t.label, sticky: true, hint: true });
      }
    } catch (error) {
      await screenshotOnFailure(page, `narrow-${path}`);
      throw error;
    } finally {
      await phone.close();
    }
  });

  it('the "what fits" table of the Choosing chapter stacks its rows: every cell is as wide as the row and names its column', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await phone.newPage();
    try {
      await page.goto(`${origin()}/learn/choosing/`, { waitUntil: 'load' });
      await settle(page);
      const table = page.locator('table', { has: page.locator('caption', { hasText: 'Cheapest cards that fit each job' }) });
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

describe.concurrent('wide tables at 1280 px', () => {
  it('tables that still do not fit hold their first column and say they scroll', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await desk.newPage();
    try {
      const problems: string[] = [];
      for (const path of chapters) {
        await page.goto(`${origin()}${path}`, { waitUntil: 'load' });
        for (const t of await tableReport(page)) {
          if (t.stacked) problems.push(`${path} ${t.label}: stacked at 1280 px`);
          if (t.overflows && !(t.sticky && t.hintVisible)) problems.push(`${path} ${t.label}: sticky ${t.sticky}, hint ${t.hintVisible}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await desk.close();
    }
  }, 120_000);
});
