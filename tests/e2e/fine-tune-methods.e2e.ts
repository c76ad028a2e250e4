import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { field, islandSuite, textOf, typeGarbage, urlHas, valueOf } from './support/island.ts';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { evaluateFineTune, type FineTuneInputs } from '../../src/components/calculators/fine-tune-methods.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { formatNumber, GIB } from '../../src/lib/units.ts';
import { islandStrings } from '../../src/i18n/islands.ts';

const island = islandSuite({ path: '/learn/fine-tuning/', root: 'section.ft', prefix: 'ft' });
const VERDICT_WORDS = islandStrings('en').fineTuneMethods.verdicts;
const cards = loadGpus().map(estimatorCard);

/** The island's defaults, as its fields hold them. */
const DEFAULT: FineTuneInputs = { model: 'llama-3.1-8b', gpu: 'rtx-4090', seq: '2048', batch: '1', top: '4', rank: '16', tokens: '30', ckpt: '1' };

/** What the calculator's evaluate function (unit-tested) gives for each method, as the table prints it. */
function expected(patch: Partial<FineTuneInputs>): Record<string, { total: string; verdict: string }> {
  const r = evaluateFineTune({ ...DEFAULT, ...patch }, cards);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return Object.fromEntries(r.result.rows.map((row) => [row.method, { total: formatNumber(row.memory.totalBytes / GIB, 3), verdict: VERDICT_WORDS[row.verdict] }]));
}

const total = (page: Page, method: string) => page.getByTestId(`total-${method}`);
const fitCell = (page: Page, method: string) => page.getByTestId(`verdict-${method}`);
const TOP = 'Top blocks to train (k)';

describe.concurrent('fine-tuning methods side by side on the Fine-tuning chapter', () => {
  it('shows the default comparison without JavaScript', () =>
    island.withoutScript(async (page) => {
      const want = expected({});
      for (const m of ['full', 'top', 'lora', 'qlora']) await textOf(total(page, m), want[m]!.total);
      await textOf(fitCell(page, 'full'), want.full!.verdict);
      await textOf(fitCell(page, 'qlora'), want.qlora!.verdict);
      // Until a script runs the fields are disabled, say so, and each list carries only its value.
      await textOf(page.getByTestId('loading-note'), islandStrings('en').common.defaultShown);
      expect(await field(page, 'Model').isDisabled()).toBe(true);
      expect(await page.locator('#ft-model option').count()).toBe(1);
    }));

  it('changing the card, k and the model updates every column and the URL', () =>
    island.use('fine-tune-methods-inputs', '', async (page) => {
      await field(page, 'Card').selectOption('h100-sxm');
      await textOf(fitCell(page, 'top'), expected({ gpu: 'h100-sxm' }).top!.verdict);
      await field(page, TOP).fill('16');
      await textOf(total(page, 'top'), expected({ top: '16', gpu: 'h100-sxm' }).top!.total);
      await textOf(page.getByTestId('table'), 'Top 16 blocks');
      await urlHas(page, { 'ft.top': '16', 'ft.gpu': 'h100-sxm' });
      await field(page, 'Model').selectOption('qwen2.5-7b');
      await textOf(total(page, 'lora'), expected({ top: '16', model: 'qwen2.5-7b', gpu: 'h100-sxm' }).lora!.total);
    }));

  it('the URL round-trips the inputs, and reset restores the defaults', () =>
    island.use('fine-tune-methods-url', '', async (page) => {
      const set = { Model: 'llama-2-7b', 'Sequence length (tokens)': '1024', 'LoRA rank': '64', Card: 'rtx-3090', 'Gradient checkpointing': 'off' };
      await island.roundTrip(page, set, { 'ft.model': 'llama-2-7b', 'ft.seq': '1024', 'ft.rank': '64', 'ft.gpu': 'rtx-3090', 'ft.ckpt': '0' }, (p) => [p.getByTestId('table')]);
      await textOf(total(page, 'qlora'), expected({ model: 'llama-2-7b', seq: '1024', rank: '64', ckpt: '0', gpu: 'rtx-3090' }).qlora!.total);
      await island.reset(page, total(page, 'qlora'), expected({}).qlora!.total);
    }));

  it('garbage input shows a message beside its field and keeps the last valid comparison', async () => {
    await island.use('fine-tune-methods-garbage', '', async (page) => {
      const top = field(page, TOP);
      await typeGarbage(top, '99', 'must be a whole number from 1 to 32');
      await textOf(island.root(page), 'Showing the last valid result');
      await textOf(total(page, 'full'), expected({}).full!.total);
      await typeGarbage(top, 'x', 'must be a whole number');
      await top.fill('4');
      await expect(top.getAttribute('aria-invalid')).resolves.toBe('false');
    });
    await island.garbageQuery('fine-tune-methods-garbage-url', '?ft.model=nope&ft.tokens=%3Cb%3E&ft.ckpt=banana&ft.gpu=zzz', {
      'ft-model': 'Model: choose from the list', 'ft-tokens': 'must be a whole number', 'ft-ckpt': 'must be on or off', 'ft-gpu': 'Card: choose from the list',
    }, (page) => textOf(total(page, 'lora'), expected({}).lora!.total), 'b');
  });

  it('is operable with the keyboard alone', () =>
    island.use('fine-tune-methods-keyboard', '', async (page) => {
      await field(page, 'Sequence length (tokens)').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('4096');
      await textOf(total(page, 'lora'), expected({ seq: '4096' }).lora!.total);
      await field(page, 'Gradient checkpointing').focus();
      await page.keyboard.press('Space');
      await textOf(total(page, 'lora'), expected({ seq: '4096', ckpt: '0' }).lora!.total);
      await island.root(page).getByRole('button', { name: 'Reset' }).focus();
      await page.keyboard.press('Enter');
      await valueOf(field(page, 'Sequence length (tokens)'), '2048');
    }));
});
