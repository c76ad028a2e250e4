/**
 * Hostile input in the browser: every island page (found by scanning dist/ for <astro-island>) is loaded with random and
 * malicious query strings built by fast-check from each island's declared URL parameters (support/islands.ts) — script and HTML tags, huge numbers,
 * negatives, NaN/Infinity strings, unicode, empty and very long values, missing, duplicated and unknown keys. Each load must:
 * raise no console error or uncaught exception, show no "NaN", "Infinity" or "undefined" inside an island, let no input
 * become an element (no injected tag, no handler run), and keep the islands rendered. With every parameter set to a script
 * tag, each island must show a message (aria-invalid or a non-empty error/alert). Runs per page: HOSTILE_RUNS (default 6).
 * Chinese island pages: all get the script-tag check, four get the random runs (see ZH_RANDOM).
 * The CLI's hostile-input tests live with the estimator (tests/lib).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure } from './support/browser.ts';
import { hydrateAll, islandPages, type IslandPage } from './support/islands.ts';

const RUNS = Number(process.env['HOSTILE_RUNS'] ?? 6);
const pages = islandPages();
/**
 * The fast-check runs are the slow part (about 15 s a page). A Chinese page runs the same island code as its English twin
 * with other words, so every Chinese island page gets the script-tag check, and the random runs cover the Chinese pages whose
 * messages are built from the field manifest (planner, memory, parallelism, training cost) rather than all of them.
 */
const ZH_RANDOM = new Set(['/zh-cn/plan/', '/zh-cn/learn/will-it-fit/', '/zh-cn/learn/cluster-training/', '/zh-cn/learn/training-cost/']);
const randomPages = pages.filter((p) => !p.path.startsWith('/zh-cn/') || ZH_RANDOM.has(p.path));
const MARK = 'data-pwned';

const malicious = fc.constantFrom(
  `<script>window.__pwned=1</script>`,
  `"><img src=x onerror="window.__pwned=1" ${MARK}>`,
  `<b ${MARK}>bold</b>`,
  `javascript:window.__pwned=1`,
  `{{7*7}}\${7*7}`,
  'NaN', 'Infinity', '-Infinity', 'undefined', 'null', 'true', '[]', '{}', '-1', '-0', '0', '1e308', '1e309', '-1e400',
  '9'.repeat(400), '0x1F', '1,2,3', ',,,', ' ', '', '%', '%00', '\u0000', '\u202Egnp.exe', '😀', 'Ω≈ç√∫', '١٢٣', 'ｆｐ１６', 'nf4', 'fp8-e4m3', 'rtx-4090',
);
const numberish = fc.oneof(fc.double().map(String), fc.integer().map(String), fc.bigInt().map(String), fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 9 }).map((a) => a.join(',')));
const value = fc.oneof(malicious, numberish, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ minLength: 200, maxLength: 600 }));

/** A query string for a page: each known key missing, once or twice; plus unknown keys under the same prefixes. */
function queryArb(page: IslandPage): fc.Arbitrary<string> {
  const keys = page.islands.flatMap((i) => i.keys);
  const prefixes = [...new Set(keys.map((k) => (k.includes('.') ? k.slice(0, k.indexOf('.') + 1) : '')))];
  const known = fc.array(fc.tuple(fc.constantFrom(...keys), value), { minLength: 1, maxLength: keys.length * 2 });
  const extra = fc.array(fc.tuple(fc.constantFrom(...prefixes).chain((p) => fc.string({ maxLength: 8 }).map((s) => p + s)), value), { maxLength: 3 });
  return fc.tuple(known, extra).map(([a, b]) => {
    const params = new URLSearchParams();
    for (const [k, v] of [...a, ...b]) params.append(k, v);
    return `?${params.toString()}`;
  });
}

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  // Clipboard and dialogs must not hang a run if a payload ever got through.
  await context.addInitScript(() => { window.alert = () => undefined; });
});
afterAll(async () => {
  await browser?.close();
});

/** A tab opened with openPage and kept for the next loads of the same test (`tab` is empty until the first load). */
interface KeptTab { tab?: Awaited<ReturnType<typeof openPage>> }

/**
 * Loads `path + query` and returns every problem found (empty when the page held up). With `kept`, the load reuses that tab
 * (a new document; only its own console errors count) instead of opening and closing one.
 */
async function problemsWith(path: string, query: string, expectMessage: boolean, kept?: KeptTab): Promise<string[]> {
  const since = kept?.tab ? kept.tab.problems.consoleErrors.length : 0;
  if (kept?.tab) await kept.tab.page.goto(`${origin()}${path}${query}`, { waitUntil: 'load' });
  else if (kept) kept.tab = await openPage(context, `${path}${query}`);
  const { page, problems } = kept?.tab ?? await openPage(context, `${path}${query}`);
  const found: string[] = [];
  try {
    await hydrateAll(page);
    await page.waitForTimeout(100);
    const report = await page.evaluate((mark) => {
      const islands = [...document.querySelectorAll('astro-island')];
      return {
        pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
        injected: document.querySelectorAll(`[${mark}], astro-island script, astro-island iframe, astro-island img[src="x"]`).length,
        // Text an island marks as a legitimate special value (the number-format explorer's NaN code) is not a bug.
        texts: islands.map((el) => {
          // Copy the children into a plain div: a cloned <astro-island> would try to hydrate again.
          const copy = document.createElement('div');
          copy.append(...[...el.childNodes].map((n) => n.cloneNode(true)));
          copy.querySelectorAll('[data-special-value]').forEach((n) => n.remove());
          document.body.append(copy);
          const text = copy.innerText;
          copy.remove();
          return text;
        }),
        empty: islands.filter((el) => !(el as HTMLElement).innerText.trim()).length,
        messages: islands.map((el) =>
          el.querySelectorAll('[aria-invalid="true"]').length +
          [...el.querySelectorAll('.field-msg.error, [role="alert"], [role="status"], .error, .stale-note')].filter((m) => (m.textContent ?? '').trim() !== '').length),
      };
    }, MARK);
    if (report.pwned) found.push('a payload ran (window.__pwned set)');
    if (report.injected) found.push(`${report.injected} injected element(s) inside the page`);
    if (report.empty) found.push(`${report.empty} island(s) rendered empty`);
    // A word the reader typed may be quoted back in a message ("No card has the id “Infinity”"): only flag words not in the input.
    const typed = decodeURIComponent(query.replace(/\+/g, ' '));
    const words = ['NaN', 'Infinity', 'undefined'].filter((w) => !typed.includes(w));
    report.texts.forEach((t, i) => {
      // "ZeRO-Infinity" is the name of a DeepSpeed offload mode (Rajbhandari et al. 2021), not a number gone wrong.
      const bad = words.length ? new RegExp(`(?<!ZeRO-)\\b(${words.join('|')})\\b`).exec(t) : null;
      if (bad) found.push(`island ${i} shows "${bad[0]}" near "${t.slice(Math.max(0, bad.index - 40), bad.index + 20).replace(/\s+/g, ' ')}"`);
    });
    if (expectMessage) report.messages.forEach((n, i) => { if (n === 0) found.push(`island ${i} shows no message for invalid input`); });
    found.push(...problems.consoleErrors.slice(since).map((e) => `console: ${e}`));
    if (found.length) await screenshotOnFailure(page, `hostile${path}`);
  } finally {
    if (!kept) await page.close();
  }
  return found;
}

describe('islands survive hostile URL parameters', () => {
  it('finds island pages, and every island on them has declared URL keys', () => {
    expect(pages.length).toBeGreaterThan(0);
    const undeclared = pages.flatMap((p) => p.islands.filter((i) => !i.declared).map((i) => `${p.path} ${i.component}`));
    expect(undeclared, 'islands with no declared URL keys (add them to DECLARED in support/islands.ts)').toEqual([]);
    for (const p of pages) for (const i of p.islands) expect(i.keys, `${p.path} ${i.component}`).not.toEqual([]);
  });

  // Two pages at once (maxConcurrency in the config): each test has its own tab, and the machines have two cores.
  it.concurrent.each(pages.map((p) => [p.path, p] as const))('%s: every parameter a script tag → a message, nothing injected', async (path, page) => {
    const params = new URLSearchParams();
    for (const key of page.islands.flatMap((i) => i.keys)) params.set(key, `<script>window.__pwned=1</script><b ${MARK}>x</b>`);
    expect(await problemsWith(path, `?${params.toString()}`, true)).toEqual([]);
  });

  it('runs the random inputs on every English island page and the sampled Chinese ones', () => {
    expect(randomPages.filter((p) => p.path.startsWith('/zh-cn/')).map((p) => p.path).sort()).toEqual([...ZH_RANDOM].sort());
  });

  // The runs of one page load one after the other in the same tab: a new document each time, without a new tab.
  it.concurrent.each(randomPages.map((p) => [p.path, p] as const))('%s: random garbage (fast-check)', async (path, page) => {
    const kept: KeptTab = {};
    try {
      await fc.assert(
        fc.asyncProperty(queryArb(page), async (query) => {
          const found = await problemsWith(path, query, false, kept);
          if (found.length) throw new Error(`${path}${query}\n  ${found.join('\n  ')}`);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      await kept.tab?.page.close();
    }
  }, 240_000);
});

export type { Page };
