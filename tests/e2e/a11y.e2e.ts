/**
 * Accessibility gate: axe-core on every page of the sitemap, in the light and the dark theme, with the WCAG 2.0/2.1 A and AA
 * rules (plus `label-content-name-mismatch`, which axe ships as experimental and would otherwise skip).
 * Fails on any serious or critical violation. Islands are hydrated (scrolled into view) before the scan.
 * Each page is loaded once, in the light theme, and scanned; then it is switched to the dark theme the way Starlight's theme
 * picker does it (the `data-theme` attribute and the pickers, plus the `prefers-color-scheme` media that Expressive Code's
 * styles read), and scanned again. Loading it a second time in a dark context costs a load, a hydration and an axe
 * injection per page and checks nothing more: no script on the site reads the theme.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkedPaths, launchBrowser, openPage, screenshotOnFailure } from './support/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const paths = checkedPaths();
const themes = ['light', 'dark'] as const;

let browser: Browser;
let context: BrowserContext;

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

/** Runs axe in the page and returns the serious and critical violations, summarised. */
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

/** Opens `path`, hydrates every island, and returns the serious and critical violations in each theme. */
async function scan(path: string): Promise<string[]> {
  const { page } = await openPage(context, path);
  try {
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')), undefined, { timeout: 10_000 });
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
  } finally {
    await page.close();
  }
}

describe('axe-core: no serious or critical WCAG 2.1 A/AA violations, light and dark theme', () => {
  it('covers the sitemap', () => {
    expect(paths.length).toBeGreaterThan(2);
  });

  // Two pages run at once (maxConcurrency in the config): the machines this runs on have two cores.
  it.concurrent.each(paths)('%s', async (path) => {
    expect(await scan(path)).toEqual([]);
  });
});
