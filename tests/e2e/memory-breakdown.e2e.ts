import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { estimateOn, field, islandSuite, messages, resultIs, scenarioKey, shows, textOf, totalOf, typeGarbage, urlHas, valueOf, verdictIs, verdictOf } from './support/island.ts';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { cardsThatFit } from '../../src/lib/answers/inverse.ts';
import { parseScenario } from '../../src/lib/scenario/scenario.ts';
import { formatNumber, GIB } from '../../src/lib/units.ts';

const island = islandSuite({ path: '/learn/will-it-fit/', root: 'section.mb', prefix: 'mem' });
const key = (k: Parameters<typeof scenarioKey>[1]) => scenarioKey('mem', k);
const cardCount = loadGpus().length;

/** The island's defaults, as the estimator's raw scenario. */
const DEFAULT = { model: 'llama-3.1-8b', workload: 'lora', weightsFormat: 'bf16', trainingPrecision: 'bf16-mixed', optimizer: 'adamw', batchSize: 1, seqLen: 2048, gradientCheckpointing: true, flashAttention: true, lora: { rank: 16 } };

/** The total (GiB, as the island prints it) and the verdict the estimator gives on a card. */
function expected(patch: Record<string, unknown>, gpuId = 'rtx-4090'): { total: string; verdict: string } {
  const e = estimateOn({ ...DEFAULT, ...patch }, gpuId);
  return { total: formatNumber(e.memory.totalBytes / GIB, 3), verdict: e.verdict };
}
/** On how many cards of the table the job runs. */
function fitsOn(patch: Record<string, unknown>): number {
  const parsed = parseScenario({ ...DEFAULT, ...patch });
  if (!parsed.ok) throw new Error(parsed.error);
  return cardsThatFit(parsed.scenario, loadGpus()).length;
}

const QLORA = { workload: 'qlora', weightsFormat: 'nf4' };

describe.concurrent('memory-breakdown calculator on the Will it fit? chapter', () => {
  it('shows the default result without JavaScript (server-rendered)', () =>
    island.withoutScript(async (page) => {
      const want = expected({});
      await resultIs(page, want);
      await shows(page, { 'loading-note': 'Showing the default example', 'fits-on': `Fits on ${fitsOn({})} of ${cardCount} cards` });
      await expect(page.locator('[data-testid="chart"] rect[data-part], [data-testid="chart"] g[data-part] rect').count()).resolves.toBeGreaterThan(3);
    }));

  it('changing inputs updates the parts, the verdict, the card list and the URL', () =>
    island.use('memory-breakdown-inputs', '', async (page) => {
      await field(page, 'Workload').selectOption('qlora');
      // QLoRA needs quantized weights: the calculator switches the format to the estimator's default, NF4.
      await valueOf(field(page, 'Weights format'), 'nf4');
      await textOf(totalOf(page), expected(QLORA).total);
      await textOf(page.getByTestId('fits-on'), `Fits on ${fitsOn(QLORA)} of`);
      await urlHas(page, { [key('workload')]: 'qlora', [key('weightsFormat')]: 'nf4' });

      // A Pascal card has no BF16: the verdict says the card cannot run the job, not merely that memory is short.
      await field(page, 'Card').selectOption('gtx-1060-6gb');
      await verdictIs(page, expected(QLORA, 'gtx-1060-6gb').verdict);
      await textOf(verdictOf(page), 'no BF16 arithmetic');
      await textOf(verdictOf(page), 'GeForce GTX 1060 6GB');

      await field(page, 'Batch size').fill('4');
      await field(page, 'Gradient checkpointing').uncheck();
      await textOf(totalOf(page), expected({ ...QLORA, batchSize: 4, gradientCheckpointing: false }, 'gtx-1060-6gb').total);
      await urlHas(page, { [key('batchSize')]: '4', [key('gradientCheckpointing')]: '0' });

      await field(page, 'Workload').selectOption('inference');
      await field(page, 'Sequence length (tokens)').fill('8192');
      await textOf(totalOf(page), expected({ ...QLORA, workload: 'inference', batchSize: 4, gradientCheckpointing: false, seqLen: 8192, promptTokens: 8192, outputTokens: 0 }, 'gtx-1060-6gb').total);
      await textOf(page.getByTestId('table'), 'KV cache');
    }));

  it('the URL round-trips the inputs, and reset restores the defaults', () =>
    island.use('memory-breakdown-url', '', async (page) => {
      const set = { Model: 'llama-2-7b', Workload: 'full-finetune', Optimizer: 'adamw-8bit', 'Sequence length (tokens)': '1024', Card: 'h100-sxm' };
      const keys = { [key('model')]: 'llama-2-7b', [key('workload')]: 'full-finetune', [key('optimizer')]: 'adamw-8bit', [key('seqLen')]: '1024', [key('gpu')]: 'h100-sxm' };
      await island.roundTrip(page, set, keys, (p) => [totalOf(p), verdictOf(p), p.getByTestId('fits-on')]);
      const want = expected({ model: 'llama-2-7b', workload: 'full-finetune', optimizer: 'adamw-8bit', seqLen: 1024 }, 'h100-sxm');
      await resultIs(page, want);
      await expect(page.getByTestId('loading-note').count()).resolves.toBe(0);
      await island.reset(page, totalOf(page), expected({}).total);
    }));

  it('garbage typed into a field shows a message beside it and keeps the last valid result', () =>
    island.use('memory-breakdown-garbage', '', async (page) => {
      const batch = field(page, 'Batch size');
      const good = expected({ batchSize: 2 });
      await batch.fill('2');
      await textOf(totalOf(page), good.total);
      await typeGarbage(batch, 'two', 'Batch size must be a whole number, not “two”');
      await textOf(island.root(page), 'Showing the last valid result');
      await textOf(totalOf(page), good.total);
      await typeGarbage(batch, '-3', 'must be a whole number');
      await typeGarbage(batch, '', 'Batch size is required');
      await typeGarbage(batch, '0', 'from 1 to');
      await batch.fill('1');
      await typeGarbage(field(page, 'Sequence length (tokens)'), '99999999', 'from 1 to');
      await textOf(totalOf(page), expected({ batchSize: 1 }).total);
      await field(page, 'Sequence length (tokens)').fill('2048');
      await textOf(totalOf(page), expected({}).total);
      await expect(batch.getAttribute('aria-invalid')).resolves.toBe('false');
    }));

  it('a garbage query string leaves the page usable with messages beside the fields', async () => {
    const kept = (page: Page) => textOf(totalOf(page), expected({}).total);
    await island.garbageQuery('memory-breakdown-garbage-url', '?mem.model=nope&mem.batch=%3Cscript%3Ealert(1)%3C%2Fscript%3E&mem.ckpt=banana&mem.gpu=zzz&mem.optimizer=', {
      'mem-batch': 'Batch size must be a whole number', 'mem-ckpt': 'Gradient checkpointing must be on or off', 'mem-gpu': 'Choose a card', 'mem-optimizer': 'Optimizer is required',
    }, kept);
    await island.use('memory-breakdown-model', '?mem.model=nope', (page) => messages(page, { 'mem-model': 'is not a preset' }));
    // A combination the estimator rejects: its own sentence appears beside the weights field.
    await island.use('memory-breakdown-combination', '?mem.workload=full-finetune&mem.weights=nf4', async (page) => {
      await messages(page, { 'mem-weights': 'the weights format must be fp32, fp16 or bf16' });
      await kept(page);
    });
  });

  it('is operable with the keyboard alone', () =>
    island.use('memory-breakdown-keyboard', '', async (page) => {
      await field(page, 'Batch size').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      await textOf(totalOf(page), expected({ batchSize: 3 }).total);
      await field(page, 'Gradient checkpointing').focus();
      await page.keyboard.press('Space');
      await textOf(totalOf(page), expected({ batchSize: 3, gradientCheckpointing: false }).total);
      await page.keyboard.press('Tab'); // to FlashAttention
      await page.keyboard.press('Space');
      await textOf(totalOf(page), expected({ batchSize: 3, gradientCheckpointing: false, flashAttention: false }).total);
      await island.root(page).getByRole('button', { name: 'Reset' }).focus();
      await page.keyboard.press('Enter');
      await valueOf(field(page, 'Batch size'), '1');
      await textOf(totalOf(page), expected({}).total);
    }));
});
