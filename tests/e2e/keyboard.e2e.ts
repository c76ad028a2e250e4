/**
 * Keyboard gate, generic over every island page: pressing Tab from the top of the page reaches every visible, enabled
 * control inside the islands, and a control reached that way can change the island's output with the keyboard alone.
 * (Per-island keyboard flows live in each island's own test, e.g. tensor-size.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, openPage, screenshotOnFailure } from './support/browser.ts';
import { hydrateAll, islandPages } from './support/islands.ts';

const pages = islandPages().map((p) => p.path);
const MAX_TABS = 600;
/** Tab presses between two reads of which controls have had focus. */
const TABS_PER_READ = 10;

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

describe('islands are operable by keyboard alone', () => {
  // Two pages at once (maxConcurrency in the config): Playwright emulates focus in every tab, so each page's Tab walk is its own.
  it.concurrent.each(pages)('%s: Tab reaches every island control, and the keyboard changes a value', async (path) => {
    const { page, problems } = await openPage(context, path);
    try {
      await hydrateAll(page);
      // Tag every visible, enabled control inside an island, then Tab from the top and record which ones get focus.
      const total = await page.evaluate(() => {
        // checkVisibility() is false inside a closed <details>, where offsetParent is not null but Tab cannot go.
        const seenRadioGroups = new Set<string>();
        const controls = [...document.querySelectorAll('astro-island :is(input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"]))')]
          .filter((el) => (el as HTMLElement).checkVisibility() && !(el as HTMLInputElement).disabled)
          // A radio group is one Tab stop (arrow keys move within it): keep its checked radio, or its first.
          .filter((el) => {
            const radio = el as HTMLInputElement;
            if (radio.type !== 'radio' || !radio.name) return true;
            const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(radio.name)}"]`)];
            const stop = group.find((r) => r.checked) ?? group[0];
            if (seenRadioGroups.has(radio.name) || stop !== radio) return false;
            seenRadioGroups.add(radio.name);
            return true;
          });
        controls.forEach((el, i) => el.setAttribute('data-kb', String(i)));
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
        return controls.length;
      });
      expect(total, 'islands have controls').toBeGreaterThan(0);
      // The page records, in order, each tagged control that takes focus; the test presses Tab and reads that record every few
      // presses rather than asking the page after each one (one round trip per Tab instead of two).
      await page.evaluate(() => {
        const log: { id: string; tag: string; type: string }[] = [];
        (window as unknown as { __kbReached: typeof log }).__kbReached = log;
        document.addEventListener('focusin', (e) => {
          const el = e.target as HTMLElement;
          const id = el.getAttribute?.('data-kb');
          if (id) log.push({ id, tag: el.tagName, type: (el as HTMLInputElement).type });
        }, true);
      });
      const reachedLog = () => page.evaluate(() => (window as unknown as { __kbReached: { id: string; tag: string; type: string }[] }).__kbReached);
      let log = await reachedLog();
      for (let i = 0; i < MAX_TABS && new Set(log.map((r) => r.id)).size < total; ) {
        for (const end = Math.min(MAX_TABS, i + TABS_PER_READ); i < end; i++) await page.keyboard.press('Tab');
        log = await reachedLog();
      }
      const reached = new Set(log.map((r) => r.id));
      const first = log.find((r) => r.tag === 'SELECT' || (r.tag === 'INPUT' && /^(text|number|search|range)$/.test(r.type)));
      const firstChangeable: string | null = first?.id ?? null;
      const missed = await page.evaluate((ids) => [...document.querySelectorAll('[data-kb]')].filter((el) => !ids.includes(el.getAttribute('data-kb')!)).map((el) => el.outerHTML.slice(0, 120)), [...reached]);
      expect(missed, 'controls Tab never reached').toEqual([]);

      if (firstChangeable) {
        const control = page.locator(`[data-kb="${firstChangeable}"]`);
        const island = page.locator('astro-island', { has: control });
        const before = await island.innerText();
        await control.focus();
        const tag = await control.evaluate((el) => el.tagName);
        if (tag === 'SELECT') await page.keyboard.press('ArrowDown');
        else {
          await page.keyboard.press('Control+A');
          await page.keyboard.type(((await control.getAttribute('type')) === 'range') ? '' : '7');
          if ((await control.getAttribute('type')) === 'range') await page.keyboard.press('ArrowRight');
        }
        await page.waitForFunction(([b]) => {
          const el = document.activeElement?.closest('astro-island') as HTMLElement | null;
          return el !== null && el.innerText !== b;
        }, [before] as const, { timeout: 5000 });
      }
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, `keyboard${path}`);
      throw error;
    } finally {
      await page.close();
    }
  });
});
