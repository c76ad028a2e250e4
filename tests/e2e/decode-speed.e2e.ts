import { describe, expect, it } from 'vitest';
import { field, islandSuite, messages, param, textOf, urlHas } from './support/island.ts';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { evaluateDecode } from '../../src/components/calculators/decode-speed.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { formatNumber } from '../../src/lib/units.ts';

const island = islandSuite({ path: '/learn/inference/', root: 'section.ds', prefix: 'decode' });
const cards = loadGpus().map(estimatorCard);

/** Per-user tokens/s of Llama 3.1 8B that the calculator's evaluate function (unit-tested) gives, as the table prints it. */
function perUser(format: string, ctx: number, batch: number, gpuId: string): string {
  const r = evaluateDecode({ model: 'llama-3.1-8b', format, ctx: String(ctx), batch: String(batch), cards: gpuId }, cards);
  if (!r.ok || !r.result.rows[0]) throw new Error(`no result for ${gpuId}`);
  return formatNumber(r.result.rows[0].perUserTokensPerSecond, 3);
}

describe.concurrent('decode-speed calculator on the Inference chapter', () => {
  it('shows the default speeds without JavaScript (server-rendered)', () =>
    island.withoutScript(async (page) => {
      await textOf(page.getByTestId('per-user-rtx-4090'), perUser('q4_k_m', 4096, 1, 'rtx-4090'));
      await textOf(page.getByTestId('per-user-rtx-3060-12gb'), perUser('q4_k_m', 4096, 1, 'rtx-3060-12gb'));
      await textOf(page.getByTestId('limit-rtx-4090'), 'reading the weights');
    }));

  it('changing format, context, batch and cards updates the table from the estimator and the URL', () =>
    island.use('decode-speed-change', '', async (page) => {
      const format = field(page, 'Weight format');
      await format.selectOption('q8_0');
      await textOf(page.getByTestId('per-user-rtx-4090'), perUser('q8_0', 4096, 1, 'rtx-4090'));
      await field(page, 'Context (tokens in the KV cache)').focus();
      await page.keyboard.press('End'); // 131,072 tokens
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft'); // 32,768 tokens
      await textOf(page.getByTestId('ctx-value'), '32,768 tokens');
      await format.selectOption('q4_k_m');
      await field(page, 'Batch (sequences decoded together)').focus();
      await page.keyboard.press('ArrowRight'); // batch 2
      await textOf(page.getByTestId('batch-value'), '2 at a time');
      await page.getByLabel('GeForce RTX 5090').check();
      await textOf(page.getByTestId('per-user-rtx-5090'), perUser('q4_k_m', 32768, 2, 'rtx-5090'));
      // Two 32k-token caches of an 8B model (4 GiB each) outweigh its 4-bit weights: the cache bounds the step.
      await textOf(page.getByTestId('limit-rtx-5090'), 'reading the KV cache');
      // The default format is left out of the link.
      await urlHas(page, { 'decode.ctx': '32768', 'decode.batch': '2', 'decode.format': null });
      expect(param(page, 'decode.cards')).toContain('rtx-5090');
    }));

  it('adopts the inputs from a copied link', () =>
    island.use('decode-speed-url', '?decode.format=bf16&decode.ctx=1024&decode.batch=8&decode.cards=rtx-4090', async (page) => {
      await textOf(page.getByTestId('per-user-rtx-4090'), perUser('bf16', 1024, 8, 'rtx-4090'));
      await textOf(page.getByTestId('batch-value'), '8 at a time');
      expect(await page.getByTestId('per-user-rtx-3060-12gb').count()).toBe(0);
    }));

  it('garbage in the URL shows messages beside the fields and keeps the last valid result', () =>
    island.garbageQuery('decode-speed-garbage', '?decode.ctx=banana&decode.format=%3Cb%3E&decode.cards=nope', {
      'decode-ctx': "Context must be one of the slider's steps, from 512 to 131,072", 'decode-format': 'Weight format: choose from the list', 'decode-cards': 'Cards to compare: choose from the list',
    }, async (page) => {
      expect(await page.locator('#decode-ctx').getAttribute('aria-invalid')).toBe('true');
      await textOf(page.locator('.ds-result .stale-note'), 'last valid result');
      await textOf(page.getByTestId('per-user-rtx-4090'), perUser('q4_k_m', 4096, 1, 'rtx-4090'));
    }, 'b'));

  it('says so when no card is ticked, and recovers', () =>
    island.use('decode-speed-none', '', async (page) => {
      await page.getByLabel('GeForce RTX 3060 (12 GB)').uncheck();
      await page.getByLabel('GeForce RTX 4090 (24 GB)', { exact: true }).uncheck();
      await messages(page, { 'decode-cards': 'Cards to compare: choose at least one' });
      await page.getByLabel('GeForce RTX 4090 (24 GB)', { exact: true }).check();
      await messages(page, { 'decode-cards': 'Tick one or more' });
    }));

  it('marks a model that does not fit instead of giving it a speed', () =>
    island.use('decode-speed-nofit', '?decode.model=llama-3.1-70b&decode.format=bf16&decode.cards=rtx-4090', async (page) => {
      await textOf(page.locator('tr[data-card="rtx-4090"]'), 'does not fit');
      await textOf(page.getByTestId('per-user-rtx-4090'), 'n/a');
      await textOf(page.getByTestId('summary'), 'does not fit on any');
    }));
});
