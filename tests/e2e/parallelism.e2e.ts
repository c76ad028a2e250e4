import { describe, expect, it } from 'vitest';
import { estimateOn, field, islandSuite, resultIs, scenarioKey, shows, textOf, totalOf, typeGarbage, urlHas, valueOf, verdictOf } from './support/island.ts';
import { formatNumber, GB, GIB } from '../../src/lib/units.ts';

// “ZeRO-Infinity” is an option's name, not a number.
const island = islandSuite({ path: '/learn/cluster-training/', root: 'section.calc', prefix: 'par', allow: /ZeRO-Infinity/g });
const key = (k: Parameters<typeof scenarioKey>[1]) => scenarioKey('par', k);

/** The island's defaults, as the estimator's raw scenario. */
const DEFAULT = {
  model: 'llama-3.1-8b', workload: 'full-finetune', trainingPrecision: 'bf16-mixed', optimizer: 'adamw', batchSize: 1, seqLen: 2048,
  gradientCheckpointing: true, flashAttention: true, gpuCount: 2, zeroStage: 3, tensorParallel: 1, pipelineParallel: 1, offload: 'none',
};

/** What the estimator says for a scenario on a card, formatted as the island shows it. */
function expected(patch: Record<string, unknown>, gpuId = 'rtx-4090'): { total: string; verdict: string; commGB: string; link: string } {
  const e = estimateOn({ ...DEFAULT, ...patch }, gpuId);
  return { total: formatNumber(e.memory.totalBytes / GIB, 3), verdict: e.verdict, commGB: `${formatNumber(e.communication.bytesPerStep / GB, 3)} GB`, link: e.communication.link };
}

/** Labels of the fields the tests type into. */
const [COUNT, TP, STRATEGY] = ['Number of cards', 'Tensor-parallel degree', 'Data-parallel strategy'] as const;

describe.concurrent('parallelism calculator on the Training at cluster scale chapter', () => {
  it('shows the default result without JavaScript (server-rendered)', () =>
    island.withoutScript(async (page) => {
      const want = expected({});
      await resultIs(page, want);
      await shows(page, { 'comm-bytes': want.commGB, link: want.link, fewest: 'cards with this strategy' });
      await expect(page.locator('[data-testid="chart"] g[data-part] rect').count()).resolves.toBeGreaterThan(3);
    }));

  it('changing the strategy and the card updates memory, verdict, communication and the URL', () =>
    island.use('parallelism-change', '', async (page) => {
      await field(page, COUNT).fill('8');
      const z3x8 = expected({ gpuCount: 8 });
      await resultIs(page, z3x8);
      await textOf(page.getByTestId('comm-bytes'), z3x8.commGB);
      await urlHas(page, { [key('gpuCount')]: '8' });

      await field(page, STRATEGY).selectOption('0');
      await textOf(totalOf(page), expected({ gpuCount: 8, zeroStage: 0 }).total);
      await textOf(verdictOf(page), 'Does not fit');
      await urlHas(page, { [key('zeroStage')]: '0' });

      await field(page, 'Card').selectOption('rtx-3090');
      await field(page, COUNT).fill('2');
      await field(page, TP).fill('2');
      const tp = expected({ gpuCount: 2, zeroStage: 0, tensorParallel: 2 }, 'rtx-3090');
      await textOf(totalOf(page), tp.total);
      await shows(page, { link: 'NVLink', 'comm-bytes': tp.commGB, 'layout-msg': '1 data-parallel × 2 tensor-parallel × 1 pipeline = 2 cards' });

      await field(page, 'CPU offload').selectOption('optimizer+params');
      await field(page, TP).fill('1');
      await field(page, STRATEGY).selectOption('3');
      const off = expected({ gpuCount: 2, zeroStage: 3, offload: 'optimizer+params' }, 'rtx-3090');
      await resultIs(page, off);
    }));

  it('typed garbage shows a message beside the field and keeps the last good result', () =>
    island.use('parallelism-garbage', '', async (page) => {
      const count = field(page, COUNT);
      await typeGarbage(count, 'two', 'Number of cards must be a whole number, not “two”');
      await textOf(totalOf(page), expected({}).total);
      await textOf(page.locator('.par-result'), 'Showing the last valid result');
      await typeGarbage(count, '0', 'from 1 to 65,536');
      await typeGarbage(count, '', 'Number of cards is required');
      await count.fill('6');
      await field(page, TP).fill('4');
      await textOf(page.locator('#par-count-msg'), 'Number of cards (6) must be a multiple of tensor-parallel x pipeline-parallel degree (4): try 8');
      await expect(count.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(count.getAttribute('aria-describedby')).resolves.toBe('par-count-msg');
      await field(page, TP).fill('3');
      await count.fill('3');
      await textOf(page.locator('#par-tp-msg'), 'must divide the model');
      await field(page, 'Batch size per replica').fill('-1');
    }));

  it('the URL round-trips the inputs, and reset restores the defaults', () =>
    island.use('parallelism-url', '', async (page) => {
      const set = { [COUNT]: '4', [STRATEGY]: '2', Card: 'rtx-5090', 'Pipeline stages': '2' };
      await island.roundTrip(page, set, { [key('gpuCount')]: '4', [key('zeroStage')]: '2', [key('gpu')]: 'rtx-5090', [key('pipelineParallel')]: '2' }, (p) => [totalOf(p), verdictOf(p), p.getByTestId('layout-msg')]);
      await textOf(totalOf(page), expected({ gpuCount: 4, zeroStage: 2, pipelineParallel: 2 }, 'rtx-5090').total);
      await textOf(page.getByTestId('layout-msg'), '2 data-parallel × 1 tensor-parallel × 2 pipeline = 4 cards');
      await island.reset(page, totalOf(page), expected({}).total);
    }));

  it('a garbage query string leaves the page usable with messages', () =>
    island.garbageQuery('parallelism-garbage-url', '?par.count=%3Cscript%3Ealert(1)%3C%2Fscript%3E&par.zero=7&par.gpu=nope&par.tp=2000&par.offload=disk', {
      'par-count': 'Number of cards must be a whole number', 'par-zero': 'ZeRO stage must be a whole number from 0 to 3', 'par-gpu': 'Choose a card',
      'par-tp': 'from 1 to 1,024', 'par-offload': 'CPU offload must be one of none, optimizer',
    }, (page) => textOf(totalOf(page), expected({}).total)));

  it('is operable with the keyboard alone', () =>
    island.use('parallelism-keyboard', '', async (page) => {
      await field(page, COUNT).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('8');
      await textOf(totalOf(page), expected({ gpuCount: 8 }).total);
      await page.keyboard.press('Tab'); // strategy select
      await page.keyboard.press('ArrowUp'); // ZeRO-2
      await textOf(totalOf(page), expected({ gpuCount: 8, zeroStage: 2 }).total);
      await island.root(page).getByRole('button', { name: 'Reset' }).focus();
      await page.keyboard.press('Enter');
      await valueOf(field(page, COUNT), '2');
      await textOf(totalOf(page), expected({}).total);
    }));
});
