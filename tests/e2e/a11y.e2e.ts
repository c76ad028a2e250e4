/**
 * Accessibility gate: axe-core on every page of the sitemap, in the light and the dark theme, with the WCAG 2.0/2.1 A and AA
 * rules (plus `label-content-name-mismatch`, which axe ships as experimental and would otherwise skip).
 * Fails on any serious or critical violation. Islands are hydrated (scrolled into view) before the scan.
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
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
  browser = await launchBrowser();
  for (const theme of themes) {
    const context = await browser.newContext({ colorScheme: theme });
    // Starlight reads its theme from localStorage before first paint.
    await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    contexts.set(theme, context);
  }
});
afterAll(async () => {
  await browser?.close();
});

interface AxeNode { target: unknown[]; failureSummary?: string }
interface AxeViolation { id: string; impact: string | null; help: string; nodes: AxeNode[] }

/** Runs axe in the page and returns the serious and critical violations, summarised. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
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

/** Opens `path` in one theme, hydrates every island, and returns the serious and critical violations. */
async function scan(theme: (typeof themes)[number], path: string): Promise<string[]> {
  const { page } = await openPage(contexts.get(theme)!, path);
  try {
    const applied = await page.evaluate(() => document.documentElement.dataset['theme']);
    if (applied !== theme) return [`theme not applied: expected ${theme}, got ${String(applied)}`];
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')), undefined, { timeout: 10_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const found = (await seriousViolations(page)).map((v) => `${theme}: ${v}`);
    if (found.length) await screenshotOnFailure(page, `a11y-${theme}${path}`);
    return found;
  } finally {
    await page.close();
  }
}

describe('axe-core: no serious or critical WCAG 2.1 A/AA violations, light and dark theme', () => {
  it('covers the sitemap', () => {
    expect(paths.length).toBeGreaterThan(2);
  });

  // Both themes of a page are scanned side by side (two tabs), and two pages run at once (maxConcurrency in the config),
  // which keeps the suite short on a two-core machine.
  it.concurrent.each(paths)('%s', async (path) => {
    const results = await Promise.all(themes.map((theme) => scan(theme, path)));
    expect(results.flat()).toEqual([]);
  });
});
