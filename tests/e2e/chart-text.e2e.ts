/**
 * Chart text stays readable: every text of the islands' SVG charts (and the methodology chart) renders at 12 px or more,
 * at a phone width (390 px) and at a desktop width (1280 px). The rendered size is the computed font size times the
 * scale at which the SVG's viewBox is drawn.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, origin } from './support/browser.ts';

/** The chapters (and the methodology page) whose built HTML has a chart: an island's SVG or a figure.chart. */
const PAGES = [
  ...readdirSync('src/content/docs/learn').filter((f) => f.endsWith('.mdx')).map((f) => `/learn/${f.replace(/\.mdx$/, '')}/`),
  '/methodology/',
].filter((path) => /<astro-island\b|<figure class="chart/.test(readFileSync(`dist${path}index.html`, 'utf8')));
const MIN_PX = 12;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Rendered size in CSS px of every visible text of a chart SVG (islands' charts and figure.chart), smallest first. */
function chartTextSizes(page: Page) {
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll<SVGSVGElement>('astro-island svg[viewBox], figure.chart svg[viewBox]')];
    const out: { text: string; px: number; chart: string }[] = [];
    for (const svg of svgs) {
      const box = svg.viewBox.baseVal;
      const rect = svg.getBoundingClientRect();
      if (!box || box.width === 0 || rect.width === 0) continue;
      // preserveAspectRatio meet: the smaller of the two scales applies.
      const scale = Math.min(rect.width / box.width, rect.height / box.height);
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const text = (t.textContent ?? '').trim();
        if (!text || t.getBBox().width === 0) continue;
        out.push({ text: text.slice(0, 30), px: parseFloat(getComputedStyle(t).fontSize) * scale, chart: svg.getAttribute('class') ?? svg.getAttribute('aria-label')?.slice(0, 30) ?? '' });
      }
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

async function settle(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  // Islands hydrate when visible: bring any still waiting into view one by one.
  for (const island of await page.locator('astro-island[ssr]').all()) await island.scrollIntoViewIfNeeded().catch(() => undefined);
  await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')), undefined, { timeout: 30_000 });
  await page.waitForTimeout(150);
}

// The two widths run at once, each in its own browser context (maxConcurrency in the config): the machines have two cores.
describe.concurrent('chart text', () => {
  it.each([390, 1280])(`no chart text renders under ${MIN_PX} px at %i px`, async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      const small: string[] = [];
      let measured = 0;
      for (const path of PAGES) {
        await page.goto(`${origin()}${path}`, { waitUntil: 'load' });
        await settle(page);
        const sizes = await chartTextSizes(page);
        measured += sizes.length;
        for (const s of sizes.filter((x) => x.px < MIN_PX - 0.05).slice(0, 3)) small.push(`${path} ${s.chart}: "${s.text}" at ${s.px.toFixed(1)} px`);
      }
      expect(measured).toBeGreaterThan(100);
      expect(small).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
