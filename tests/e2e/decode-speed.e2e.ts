import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, screenshotOnFailure, textOf } from './support/browser.ts';
import { loadGpus } from '../../src/data/load-gpus.ts';
import { estimatorCard } from '../../src/lib/estimate.ts';
import { decodeBreakdown } from '../../src/lib/inference.ts';
import { parseScenario } from '../../src/lib/scenario.ts';
import { formatNumber } from '../../src/lib/units.ts';

let browser: Browser;
let context: BrowserContext;
const cards = loadGpus();

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

/** Per-user tokens/s the estimator gives for Llama 3.1 8B, as the table shows it. */
function expectedPerUser(weightsFormat: string, ctx: number, batch: number, gpuId: string): string {
  const parsed = parseScenario({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat, promptTokens: ctx, outputTokens: 0, batchSize: batch });
  if (!parsed.ok) throw new Error(parsed.error);
  const card = cards.find((c) => c.id === gpuId);
  if (!card) throw new Error(`no card ${gpuId}`);
  return formatNumber(decodeBreakdown(parsed.scenario, estimatorCard(card)).perUserTokensPerSecond, 3);
}

/** Opens the Inference chapter and waits until the calculator has hydrated. */
async function openCalculator(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `/learn/inference/${query}`);
  const island = opened.page.locator('astro-island', { has: opened.page.getByLabel('Weight format') });
  await island.scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

async function run(name: string, query: string, body: (page: Page) => Promise<void>): Promise<void> {
  const { page, problems } = await openCalculator(query);
  try {
    await body(page);
    expect(problems.consoleErrors).toEqual([]);
  } catch (error) {
    await screenshotOnFailure(page, `decode-speed-${name}`);
    throw error;
  } finally {
    await page.close();
  }
}

describe('decode-speed calculator on the Inference chapter', () => {
  it('shows the default speeds without JavaScript (server-rendered)', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${origin()}/learn/inference/`);
    await textOf(page.getByTestId('per-user-rtx-4090'), expectedPerUser('q4_k_m', 4096, 1, 'rtx-4090'));
    await textOf(page.getByTestId('per-user-rtx-3060-12gb'), expectedPerUser('q4_k_m', 4096, 1, 'rtx-3060-12gb'));
    await textOf(page.getByTestId('limit-rtx-4090'), 'reading the weights');
    await page.close();
  });

  it('changing format, context, batch and cards updates the table from the estimator and the URL', async () => {
    await run('change', '', async (page) => {
      await page.getByLabel('Weight format').selectOption('q8_0');
      await textOf(page.getByTestId('per-user-rtx-4090'), expectedPerUser('q8_0', 4096, 1, 'rtx-4090'));
      const ctx = page.getByLabel('Context (tokens in the KV cache)');
      await ctx.focus();
      await page.keyboard.press('End'); // 131,072 tokens
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft'); // 32,768 tokens
      await textOf(page.getByTestId('ctx-value'), '32,768 tokens');
      await page.getByLabel('Weight format').selectOption('q4_k_m');
      await page.getByLabel('Batch (sequences decoded together)').focus();
      await page.keyboard.press('ArrowRight'); // batch 2
      await textOf(page.getByTestId('batch-value'), '2 at a time');
      await page.getByLabel('GeForce RTX 5090').check();
      await textOf(page.getByTestId('per-user-rtx-5090'), expectedPerUser('q4_k_m', 32768, 2, 'rtx-5090'));
      // Two 32k-token caches of an 8B model (4 GiB each) outweigh its 4-bit weights: the cache bounds the step.
      await textOf(page.getByTestId('limit-rtx-5090'), 'reading the KV cache');
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get('decode.ctx') === '32768', undefined, { timeout: 5000 });
      const url = new URL(page.url());
      // The default format is left out of the link.
      expect(url.searchParams.get('decode.format')).toBeNull();
      expect(url.searchParams.get('decode.batch')).toBe('2');
      expect(url.searchParams.get('decode.cards')).toContain('rtx-5090');
    });
  });

  it('adopts the inputs from a copied link', async () => {
    await run('url', '?decode.format=bf16&decode.ctx=1024&decode.batch=8&decode.cards=rtx-4090', async (page) => {
      await textOf(page.getByTestId('per-user-rtx-4090'), expectedPerUser('bf16', 1024, 8, 'rtx-4090'));
      await textOf(page.getByTestId('batch-value'), '8 at a time');
      expect(await page.getByTestId('per-user-rtx-3060-12gb').count()).toBe(0);
    });
  });

  it('garbage in the URL shows messages beside the fields and keeps the last valid result', async () => {
    await run('garbage', '?decode.ctx=banana&decode.format=%3Cb%3E&decode.cards=nope', async (page) => {
      await textOf(page.locator('#decode-ctx-msg'), 'Use a context from 512 to 131,072 tokens');
      await textOf(page.locator('#decode-format-msg'), 'Choose a weight format');
      await textOf(page.locator('#decode-cards-msg'), 'not offered here');
      expect(await page.locator('#decode-ctx').getAttribute('aria-invalid')).toBe('true');
      await textOf(page.locator('.ds-result .stale-note'), 'last valid result');
      await textOf(page.getByTestId('per-user-rtx-4090'), expectedPerUser('q4_k_m', 4096, 1, 'rtx-4090'));
      expect(await page.locator('.ds').innerText()).not.toMatch(/NaN|undefined|Infinity/);
    });
  });

  it('says so when no card is ticked, and recovers', async () => {
    await run('none', '', async (page) => {
      await page.getByLabel('GeForce RTX 3060 (12 GB)').uncheck();
      await page.getByLabel('GeForce RTX 4090 (24 GB)', { exact: true }).uncheck();
      await textOf(page.locator('#decode-cards-msg'), 'Tick at least one card');
      await page.getByLabel('GeForce RTX 4090 (24 GB)', { exact: true }).check();
      await textOf(page.locator('#decode-cards-msg'), 'Tick one or more');
    });
  });

  it('marks a model that does not fit instead of giving it a speed', async () => {
    await run('nofit', '?decode.model=llama-3.1-70b&decode.format=bf16&decode.cards=rtx-4090', async (page) => {
      await textOf(page.locator('tr[data-card="rtx-4090"]'), 'does not fit');
      await textOf(page.getByTestId('per-user-rtx-4090'), 'n/a');
      await textOf(page.getByTestId('summary'), 'does not fit on any');
    });
  });
});
