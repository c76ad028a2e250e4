import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { field, islandSuite, textOf, typeGarbage, urlHas } from './support/island.ts';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { evaluateStep, type StepInputs } from '../../src/components/calculators/step-timeline.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { formatBytesIn } from '../../src/lib/units.ts';

const island = islandSuite({ path: '/learn/training-loop/', root: 'section.st', prefix: 'step' });
const cards = loadGpus().map(estimatorCard);

/** The island's defaults, as its fields hold them. */
const DEFAULT: StepInputs = { model: 'llama-3.1-8b', workload: 'lora', batch: '1', seq: '2048', ckpt: '0', gpu: 'rtx-4090' };

/** The headline for the peak the calculator's evaluate function (unit-tested) gives. */
function peak(patch: Partial<StepInputs>): string {
  const r = evaluateStep({ ...DEFAULT, ...patch }, cards);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return `Peak ${formatBytesIn(r.result.timeline.peakBytes, 'GiB', 3)}`;
}

const verdict = (page: Page) => page.getByTestId('verdict');

describe.concurrent('step memory timeline on the Pre-training chapter', () => {
  it('shows the default timeline without JavaScript (server-rendered chart and table)', () =>
    island.withoutScript(async (page) => {
      await textOf(verdict(page), peak({}));
      await textOf(page.getByTestId('table'), 'Loss (logits computed)');
      await expect(page.locator('svg.st-chart path.st-band').count()).resolves.toBe(5);
    }));

  it('changing inputs updates the peak and the URL', () =>
    island.use('step-timeline-inputs', '', async (page) => {
      await field(page, 'Gradient checkpointing').check();
      await textOf(verdict(page), peak({ ckpt: '1' }));
      await urlHas(page, { 'step.ckpt': '1' });
      await field(page, 'Workload').selectOption('full-finetune');
      await field(page, 'Card').selectOption('h100-sxm');
      await textOf(verdict(page), peak({ workload: 'full-finetune', ckpt: '1', gpu: 'h100-sxm' }));
      await textOf(verdict(page), 'Backward, after block 1');
      await urlHas(page, { 'step.workload': 'full-finetune', 'step.gpu': 'h100-sxm' });
    }));

  it('the URL round-trips the inputs, and reset restores the defaults', () =>
    island.use('step-timeline-url', '', async (page) => {
      const set = { Model: 'gpt2-medium', Workload: 'pretrain', 'Batch size (sequences)': '8', 'Sequence length (tokens)': '1024', Card: 'rtx-3090' };
      await island.roundTrip(page, set, { 'step.model': 'gpt2-medium', 'step.workload': 'pretrain', 'step.batch': '8', 'step.seq': '1024', 'step.gpu': 'rtx-3090' }, (p) => [verdict(p), p.getByTestId('table')]);
      await textOf(verdict(page), peak({ model: 'gpt2-medium', workload: 'pretrain', batch: '8', seq: '1024', gpu: 'rtx-3090' }));
      await island.reset(page, verdict(page), peak({}));
    }));

  it('garbage typed or in the query string shows messages beside the fields and keeps the last valid timeline', async () => {
    await island.use('step-timeline-garbage', '', async (page) => {
      const batch = field(page, 'Batch size (sequences)');
      await typeGarbage(batch, 'abc', 'must be a whole number');
      await textOf(island.root(page), 'Showing the last valid result');
      await textOf(verdict(page), peak({}));
      await typeGarbage(batch, '0', 'from 1 to');
      await typeGarbage(batch, '', 'Batch size is required');
      await batch.fill('1');
      await expect(batch.getAttribute('aria-invalid')).resolves.toBe('false');
    });
    await island.garbageQuery('step-timeline-garbage-url', '?step.model=nope&step.seq=%3Cscript%3E&step.ckpt=banana&step.gpu=zzz&step.workload=inference', {
      'step-model': 'Model: choose from the list', 'step-seq': 'must be a whole number', 'step-ckpt': 'must be on or off', 'step-gpu': 'Card: choose from the list', 'step-workload': 'Workload: choose from the list',
    }, (page) => textOf(verdict(page), peak({})));
  });

  it('is operable with the keyboard: the moment slider reads any point of the step', () =>
    island.use('step-timeline-keyboard', '', async (page) => {
      await field(page, 'Moment in the step').focus();
      await page.keyboard.press('Home');
      await textOf(page.getByTestId('readout'), 'Start of the step');
      await page.keyboard.press('ArrowRight');
      await textOf(page.getByTestId('readout'), 'Forward, after block 1 of 32');
      await page.keyboard.press('End');
      await textOf(page.getByTestId('readout'), 'After zero_grad');
      await field(page, 'Sequence length (tokens)').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('4096');
      await textOf(verdict(page), peak({ seq: '4096' }));
    }));
});
