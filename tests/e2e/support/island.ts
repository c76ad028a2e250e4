/**
 * One harness for the browser tests of a page's island (a calculator, an explorer, the planner, the spec pages): it starts
 * Chromium with one context for the file, opens a tab per test (a file's tests run two at a time), waits until the island
 * has hydrated, and after each test body checks what every island test must hold (no console error, no failed or foreign
 * request, no NaN/Infinity/undefined in the island's text), saving a screenshot if the body fails. On top of that, the checks
 * the islands share: the page without JavaScript, a URL round trip (set fields → URL keys → reload → the same form and
 * result), reset, a message beside a field that got garbage, a garbage query string.
 * URL keys of scenario fields come from the field manifest (`scenarioKey`); other islands name their own keys in the test.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure, textOf, until, valueOf, type PageProblems } from './browser.ts';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { fieldSpec, type FieldKey } from '../../../src/lib/scenario/fields.ts';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';

export { textOf, until, valueOf };

/** Text that means a number went wrong. */
const BAD_NUMBERS = /NaN|Infinity|undefined/;

export interface IslandSpec {
  /** Page path, e.g. "/learn/vram/". */
  path: string;
  /** The island's root element (e.g. "section.mb"): scrolled into view to hydrate it, its text scanned for bad numbers. */
  root: string;
  /** URL key prefix of the island, e.g. "mem" for "mem.batch". */
  prefix?: string;
  /** Where the text scan looks, if not the whole root (messages may quote what the reader typed, e.g. “NaN”). */
  scan?: string;
  /** Removed from the scanned text first: names that contain a bad word (“ZeRO-Infinity”, “NaN code”). */
  allow?: RegExp;
  /** Wait only for the island around `root`: the page's other islands may never scroll into view. Default: every island. */
  ownIslandOnly?: boolean;
  /** A selector that appears once the island has hydrated and adopted the URL, if the island marks that itself. */
  ready?: string;
}

export interface Opened {
  page: Page;
  problems: PageProblems;
}

/** The URL key of a scenario field for an island with this prefix, from the field manifest. */
export const scenarioKey = (prefix: string, key: FieldKey): string => `${prefix}.${fieldSpec(key).url}`;

/** The value of a URL parameter of the page now. */
export const param = (page: Page, key: string): string | null => new URL(page.url()).searchParams.get(key);

/** Waits until the page URL carries every key with its value (null: the key is absent). */
export async function urlHas(page: Page, keys: Record<string, string | null>): Promise<void> {
  await page.waitForFunction((want) => {
    const p = new URL(window.location.href).searchParams;
    return Object.entries(want).every(([k, v]) => p.get(k) === v);
  }, keys, { timeout: 5000 });
}

/** Waits until the page URL has no key that starts with `prefix.`. */
export async function urlCleared(page: Page, prefix: string): Promise<void> {
  await page.waitForFunction((pre) => ![...new URL(window.location.href).searchParams.keys()].some((k) => k.startsWith(`${pre}.`)), prefix, { timeout: 5000 });
}

/** A form control by its exact label. */
export const field = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });

/** The message element beside a control (its id plus "-msg"). */
async function messageOf(control: Locator): Promise<Locator> {
  const id = await control.getAttribute('id');
  if (!id) throw new Error('a field without an id has no message beside it');
  return control.page().locator(`#${id}-msg`);
}

/** Types `text` into a control and waits for `message` beside it, the control marked invalid. */
export async function typeGarbage(control: Locator, text: string, message: string | RegExp): Promise<void> {
  await control.fill(text);
  await textOf(await messageOf(control), message);
  await expect(control.getAttribute('aria-invalid')).resolves.toBe('true');
}

/** Waits for each message beside the field with that id (e.g. { 'mem-batch': 'whole number' }). */
export async function messages(page: Page, want: Record<string, string | RegExp>): Promise<void> {
  for (const [id, text] of Object.entries(want)) await textOf(page.locator(`#${id}-msg`), text);
}

/** Waits for each element with that test id to show its text (e.g. { 'stored-fp16': 'infinity' }), one after the other. */
export async function shows(page: Page, want: Record<string, string | RegExp>): Promise<void> {
  for (const [id, text] of Object.entries(want)) await textOf(page.getByTestId(id), text);
}

/** The total memory a scenario calculator prints (GiB). */
export const totalOf = (page: Page): Locator => page.getByTestId('total');
/** The verdict element of a scenario calculator. */
export const verdictOf = (page: Page): Locator => page.getByTestId('verdict');

/** Waits until the verdict element of a scenario calculator carries this verdict (fits, tight, does-not-fit, unsupported). */
export async function verdictIs(page: Page, verdict: string): Promise<void> {
  await until(() => verdictOf(page).getAttribute('data-verdict'), verdict);
}

/** Waits until a scenario calculator shows this total memory (as printed) and this verdict. */
export async function resultIs(page: Page, want: { total: string; verdict: string }): Promise<void> {
  await textOf(totalOf(page), want.total);
  await verdictIs(page, want.verdict);
}

/** Waits until a locator's text is exactly `text` (after trimming). */
async function sameText(locator: Locator, text: string): Promise<void> {
  await until(async () => ((await locator.textContent()) ?? '').trim(), text.trim());
}

/** Reads a control's value the way the reader sees it: a checkbox as "on"/"off", anything else by its value. */
async function controlValue(control: Locator): Promise<string> {
  const type = await control.getAttribute('type');
  if (type === 'checkbox' || type === 'radio') return (await control.isChecked()) ? 'on' : 'off';
  return control.inputValue();
}

/** Sets a control: a select by option value, a checkbox by "on"/"off", anything else by typing. */
async function setControl(control: Locator, value: string): Promise<void> {
  const tag = await control.evaluate((el) => el.tagName.toLowerCase());
  const type = await control.getAttribute('type');
  if (tag === 'select') await control.selectOption(value);
  else if (type === 'checkbox') await control.setChecked(value === 'on');
  else await control.fill(value);
}

/** The estimator's answer for a raw scenario on a card, as the scenario calculators compute it. */
const cards = loadGpus();
export function estimateOn(raw: Record<string, unknown>, gpuId: string): ReturnType<typeof estimate> {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const card = cards.find((c) => c.id === gpuId);
  if (!card) throw new Error(`no card ${gpuId}`);
  return estimate(parsed.scenario, card, { explain: false });
}

/** Starts a browser for the test file and returns the island's page helpers. Call at the top of the file. */
export function islandSuite(spec: IslandSpec) {
  // One browser and one context for the test file, opened before its first test and closed after its last.
  let browser: Browser | undefined;
  let context: BrowserContext;
  beforeAll(async () => void (context = await (browser = await launchBrowser()).newContext()));
  afterAll(() => browser?.close());

  const root = (page: Page): Locator => page.locator(spec.root).first();

  async function hydrated(page: Page): Promise<void> {
    await root(page).scrollIntoViewIfNeeded();
    if (spec.ready) await page.waitForSelector(spec.ready, { timeout: 15_000 });
    else if (spec.ownIslandOnly) await page.waitForFunction((sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'), spec.root);
    else await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  }

  /** Fails if the island's text shows a number gone wrong. */
  async function clean(page: Page): Promise<void> {
    const texts = await page.locator(spec.scan ?? spec.root).allTextContents();
    const text = texts.join(' ').replace(spec.allow ?? /(?!)/g, '');
    expect(text).not.toMatch(BAD_NUMBERS);
  }

  /** Opens the page (with an optional query string; another page that embeds the island with `path`) and waits until the island has hydrated. */
  async function open(query = '', path = spec.path): Promise<Opened> {
    const opened = await openPage(context, `${path}${query}`);
    await hydrated(opened.page);
    return opened;
  }

  /** Runs `body` on an opened page, then checks the island's text and the console; screenshot on failure; always closes. */
  async function run(opened: Opened, name: string, body: (page: Page, opened: Opened) => Promise<unknown>, scan: boolean): Promise<void> {
    try {
      await body(opened.page, opened);
      if (scan) await clean(opened.page);
      expect(opened.problems.consoleErrors).toEqual([]);
      // A reload or a navigation aborts what the old page still had in flight (its favicon): that is no failure of the site.
      expect(opened.problems.failedRequests.filter((r) => !r.endsWith('(net::ERR_ABORTED)'))).toEqual([]);
      expect(opened.problems.foreignRequests).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(opened.page, name);
      throw error;
    } finally {
      await opened.page.close();
    }
  }

  /**
   * Opens the page (or another page that embeds the island, `path`), waits for the island, runs `body`, then checks the
   * island's text and the console; saves a screenshot named `name` if anything fails, and always closes the page.
   */
  async function use(name: string, query: string, body: (page: Page, opened: Opened) => Promise<unknown>, path = spec.path): Promise<void> {
    await run(await open(query, path), name, body, true);
  }

  /** Like `use`, on a page that leads to the island (`path`, without waiting for any island there). */
  async function visit(name: string, path: string, body: (page: Page, opened: Opened) => Promise<unknown>): Promise<void> {
    await run(await openPage(context, path), name, body, false);
  }

  /** Opens the page with every script blocked (what a reader without JavaScript sees) and runs `body`. */
  async function withoutScript(body: (page: Page) => Promise<void>, path = spec.path): Promise<void> {
    const page = await context.newPage();
    try {
      await page.route('**/*.js', (route) => route.abort());
      await page.goto(`${origin()}${path}`);
      await body(page);
    } finally {
      await page.close();
    }
  }

  /**
   * The URL round trip: sets the controls (label → value), waits for the URL keys, reloads, and expects the same controls
   * and the same text in each result locator.
   */
  async function roundTrip(page: Page, set: Record<string, string>, keys: Record<string, string | null>, results: (p: Page) => Locator[]): Promise<void> {
    for (const [label, value] of Object.entries(set)) await setControl(field(page, label), value);
    await urlHas(page, keys);
    const values = await Promise.all(Object.keys(set).map((label) => controlValue(field(page, label))));
    const shown = await Promise.all(results(page).map(async (l) => (await l.textContent()) ?? ''));
    await page.reload({ waitUntil: 'load' });
    await hydrated(page);
    for (const [i, label] of Object.keys(set).entries()) await until(() => controlValue(field(page, label)), values[i] ?? '');
    for (const [i, l] of results(page).entries()) await sameText(l, shown[i] ?? '');
    await urlHas(page, keys);
  }

  /** Clicks the island's Reset button, waits for `result` to show `expected`, and for the island's keys to leave the URL. */
  async function reset(page: Page, result: Locator, expected: string | RegExp): Promise<void> {
    await root(page).getByRole('button', { name: 'Reset' }).click();
    await textOf(result, expected);
    if (spec.prefix) await urlCleared(page, spec.prefix);
  }

  /**
   * A garbage query string: each field gets its message, and nothing the query tried to inject (`injected`, a selector)
   * appears inside the island; `then` checks the result kept.
   */
  async function garbageQuery(name: string, query: string, want: Record<string, string | RegExp>, then: (page: Page) => Promise<unknown>, injected = 'script'): Promise<void> {
    await use(name, query, async (page) => {
      await messages(page, want);
      await then(page);
      await expect(root(page).locator(injected).count()).resolves.toBe(0);
    });
  }

  return { open, use, visit, withoutScript, roundTrip, reset, garbageQuery, clean, root, hydrated, context: () => context, browser: () => browser as Browser };
}
