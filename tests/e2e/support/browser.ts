/**
 * Launches the system Chromium through playwright-core and records what each page does wrong:
 * console errors, page errors, failed requests and any request that leaves the site's own origin.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Path of the Chromium to drive: $CHROMIUM_PATH, else the usual system locations. */
export function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH');
  return found;
}

/**
 * Starts headless Chromium with the flags that keep it from calling home. One per test file: a single browser shared by
 * every file through Playwright's browser server was slower (each call then crosses the server in the main process too).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The loopback origin the built site is served on. */
export const origin = (): string => inject('origin');

/** Every page path listed in the built sitemap(s), e.g. "/learn/tensors/". */
export function sitemapPaths(): string[] {
  const index = readFileSync('dist/sitemap-index.xml', 'utf8');
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  return files.flatMap((file) => {
    const xml = readFileSync(`dist${file}`, 'utf8');
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  });
}

/**
 * The sitemap pages the heavy per-page browser checks (load, console and requests; axe in both themes) open. Every page,
 * except that the Chinese card pages, 75 twins of English pages built from the same component and data, are sampled: every
 * eighth in sitemap order, plus the RTX 4090. That keeps the browser suite from doubling with the second language while each
 * Chinese template (card, series, index, compare, planner, chapters, back matter) is still checked. The static gates (links,
 * twins) read every page.
 */
export function checkedPaths(): string[] {
  const all = sitemapPaths();
  const zhCards = all.filter((p) => /^\/zh-cn\/gpus\/(?!series\/|compare\/)[^/]+\/$/.test(p));
  const sampled = new Set(zhCards.filter((p, i) => i % 8 === 0 || p === '/zh-cn/gpus/rtx-4090/'));
  return all.filter((p) => !zhCards.includes(p) || sampled.has(p));
}

/** Problems one page caused while it loaded and was used. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/** Requests each open page has sent and not yet seen finish or fail. */
const inFlight = new WeakMap<Page, Set<Request>>();

/**
 * Waits until the page has had no request in flight for `quietMs` (default 150 ms), at most `timeoutMs`. Playwright's
 * 'networkidle' does the same with a fixed 500 ms of quiet; pages here are served from memory on the loopback, so a
 * lazily hydrated island starts its import within a frame or two of being scrolled into view, and a shorter window sees it.
 */
export async function networkQuiet(page: Page, quietMs = 150, timeoutMs = 15_000): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) throw new Error('networkQuiet needs a page opened with openPage');
  const deadline = Date.now() + timeoutMs;
  let quietSince = pending.size === 0 ? Date.now() : 0;
  for (;;) {
    if (pending.size > 0) quietSince = 0;
    else if (quietSince === 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`network not quiet after ${timeoutMs} ms: ${[...pending].map((r) => r.url()).join(', ')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Opens a page that records its problems; call `problems` after interacting. */
export async function openPage(context: BrowserContext, path: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const base = new URL(origin());
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(`uncaught: ${err.message}`));
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on('requestfinished', (req) => pending.delete(req));
  page.on('requestfailed', (req) => pending.delete(req));
  page.on('request', (req) => {
    pending.add(req);
    const url = new URL(req.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== base.host) problems.foreignRequests.push(req.url());
  });
  page.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()} (HTTP ${res.status()})`);
  });
  // Block anything foreign so a regression cannot hang the run; it is still recorded above.
  await page.route((url) => url.host !== base.host && url.protocol.startsWith('http'), (route) => route.abort());
  await page.goto(`${origin()}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

/** Saves a full-page screenshot of a failing page into the git-ignored test-results/ folder. */
export async function screenshotOnFailure(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name.replace(/[^a-z0-9-]+/gi, '_')}.png`, fullPage: true }).catch(() => undefined);
}

/**
 * Waits until a locator's text contains (or, with a RegExp, matches) the expectation, then returns the text.
 * Islands update after an input event, so a single read can race the render.
 */
export async function textOf(locator: Locator, expected: string | RegExp, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    text = (await locator.textContent()) ?? '';
    const ok = typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    if (ok) return text;
    if (Date.now() > deadline) throw new Error(`expected ${JSON.stringify(text)} to contain ${String(expected)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until `read()` returns `expected`, then returns it; fails after `timeoutMs` with the last value read. It is
 * `expect.poll(read).toBe(expected)` without a test context, so tests that run concurrently can use it.
 */
export async function until<T>(read: () => Promise<T> | T, expected: T, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (Object.is(value, expected)) return value;
    if (Date.now() > deadline) throw new Error(`expected ${JSON.stringify(value)} to be ${JSON.stringify(expected)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until a form control's value equals the expectation, then returns it. Islands adopt URL parameters in an effect
 * that runs just after hydration, so a read straight after hydration can still see the default.
 */
export const valueOf = (locator: Locator, expected: string, timeoutMs = 5000): Promise<string> => until(() => locator.inputValue(), expected, timeoutMs);
