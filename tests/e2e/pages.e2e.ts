/**
 * Every page of the sitemap (Chinese card pages sampled, see `checkedPaths`), opened once in Chromium, passes two gates:
 *
 * 1. It loads clean: one h1, no console error or uncaught exception, no failed request and none to another origin, with
 *    every island hydrated and the network quiet; every figure is an image named by its title and description, with a caption;
 *    every formula carries MathML for screen readers (KaTeX's HTML is aria-hidden).
 * 2. Its layout holds at 1280 px and, after the tab is resized, at 390 px (a phone): no chart text renders under 12 px,
 *    every table too wide for its column stacks (phone only) or holds its first column in view and says that it scrolls,
 *    and on the phone nothing scrolls the page sideways and no number wraps mid-digit (support/layout.ts). narrow.e2e.ts
 *    loads the island pages at 390 px from the start as well.
 * 3. Accessibility: axe-core finds no serious or critical violation of the WCAG 2.0/2.1 A and AA rules (plus
 *    `label-content-name-mismatch`, which axe ships as experimental and would otherwise skip), in the light and the dark theme.
 *    The page is scanned in light, then switched to dark the way Starlight's theme picker does it (the `data-theme` attribute
 *    and the pickers, plus the `prefers-color-scheme` media that Expressive Code's styles read) and scanned again. No script on
 *    the site reads the theme, so a second load in a dark context would check nothing more.
 *
 * The gates share the page load and the hydration: loading every page once per gate and theme cost three loads a page.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkedPaths, launchBrowser, networkQuiet, openPage, screenshotOnFailure } from './support/browser.ts';
import { desktopLayoutProblems, phoneLayoutProblems, toPhoneWidth } from './support/layout.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const paths = checkedPaths();
const themes = ['light', 'dark'] as const;

let browser: Browser;
let context: BrowserContext;
/** Chart texts measured over all pages: the size check must have found charts to measure. */
let chartTextsMeasured = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ colorScheme: 'light' });
  // Starlight reads its theme from localStorage before first paint; every page starts light.
  await context.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
});
afterAll(async () => {
  await browser?.close();
});

interface AxeNode { target: unknown[]; failureSummary?: string }
interface AxeViolation { id: string; impact: string | null; help: string; nodes: AxeNode[] }

/** Runs axe (already injected) in the page and returns the serious and critical violations, summarised. */
async function seriousViolations(page: Page): Promise<string[]> {
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** The theme Starlight shows now. */
const appliedTheme = (page: Page): Promise<string | undefined> => page.evaluate(() => document.documentElement.dataset['theme']);

/**
 * Switches a loaded page to `theme` as Starlight's picker does (minus storing it: pages scanned at the same time share the
 * context's localStorage), with the matching `prefers-color-scheme`, and waits for any CSS transition it starts to end.
 */
async function switchTheme(page: Page, theme: (typeof themes)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate(async (t) => {
    (window as unknown as { StarlightThemeProvider: { updatePickers(t: string): void } }).StarlightThemeProvider.updatePickers(t);
    document.documentElement.dataset['theme'] = t;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  }, theme);
}

/** Scans the (hydrated) page in each theme and returns the serious and critical violations, prefixed by theme. */
async function axeInBothThemes(page: Page, path: string): Promise<string[]> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(axeSource);
  const found: string[] = [];
  for (const theme of themes) {
    // The page loads light (the context's init script); dark is switched to on the same page.
    if (theme !== 'light') await switchTheme(page, theme);
    const applied = await appliedTheme(page);
    if (applied !== theme) return [...found, `theme not applied: expected ${theme}, got ${String(applied)}`];
    const violations = (await seriousViolations(page)).map((v) => `${theme}: ${v}`);
    if (violations.length) await screenshotOnFailure(page, `a11y-${theme}${path}`);
    found.push(...violations);
  }
  return found;
}

describe('every page in the sitemap', () => {
  it('the sitemap lists the home page and the chapters', () => {
    expect(paths).toContain('/');
    expect(paths).toContain('/learn/tensors/');
    expect(paths.length).toBeGreaterThan(2);
  });

  // Two pages at once (maxConcurrency in the config): the machines this runs on have two cores.
  it.concurrent.each(paths)('%s loads with one h1, no console error, no failed or foreign request; layout holds at 1280 and 390 px; axe: no serious or critical WCAG 2.1 A/AA violation, light and dark', async (path) => {
    const { page, problems } = await openPage(context, path);
    try {
      // Scroll to the end, then bring every island into view: client:visible islands hydrate, and their code and data load.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')), undefined, { timeout: 10_000 });
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
      // Every formula can be read aloud: KaTeX hides its picture from screen readers, so each needs its MathML twin.
      const silent = await page.evaluate(() => [...document.querySelectorAll('.katex')].filter((k) => !k.querySelector('math semantics')).length);
      expect(silent).toBe(0);
      // Chart text stays readable, and wide tables keep their first column and their hint.
      const desktop = await desktopLayoutProblems(page, path);
      chartTextsMeasured += desktop.chartTexts;
      expect(desktop.problems).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, `page${path}`);
      await page.close();
      throw error;
    }
    try {
      expect(await axeInBothThemes(page, path)).toEqual([]);
      // The same page on a phone: the tab resized, as a phone turned from landscape would be.
      await toPhoneWidth(page);
      expect(await phoneLayoutProblems(page, path)).toEqual([]);
      // Nothing the scans or the resize did may raise an error either.
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the chart-text check measured the charts', () => {
    expect(chartTextsMeasured).toBeGreaterThan(100);
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
