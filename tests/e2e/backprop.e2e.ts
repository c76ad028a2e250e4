import { describe, expect, it } from 'vitest';
import { field, islandSuite, textOf, typeGarbage, until, urlHas, valueOf } from './support/island.ts';
import { backpropWalk, type Activation, type BackpropWalk } from '../../src/lib/teaching/mlp.ts';
import { formatNumber } from '../../src/lib/units.ts';

// The tables and the status line only: messages may quote what the reader typed (e.g. “NaN”).
const island = islandSuite({ path: '/learn/backprop/', root: 'section.bp', prefix: 'bp', scan: '.bp-result, [data-testid="bp-status"]' });

/** The walk the island should show, from the lib it calls. */
function expected(x: number[], y: number[], activation: Activation, seed: number, learningRate: number, steps = 0): BackpropWalk {
  const walk = backpropWalk({ sample: { x, y }, activation, hiddenSize: 3, seed, learningRate, steps });
  if (!walk.ok) throw new Error('expected walk diverged');
  return walk;
}
const loss = (v: number) => formatNumber(v, 6);
const DEFAULT = expected([0.5, -1.2], [0.8], 'relu', 1, 0.1);
/** The walk-through's field labels. */
const [X, Y, LR, ACT, SEED] = ['Input x', 'Target y', 'Learning rate η', 'Hidden activation f', 'Seed for the initial weights'] as const;

describe.concurrent('backpropagation walk-through on the Forward and backward propagation chapter', () => {
  it('shows the default step without JavaScript (server-rendered)', () =>
    island.withoutScript(async (page) => {
      await textOf(page.getByTestId('bp-loss-before'), loss(DEFAULT.forward.loss));
      await textOf(page.getByTestId('bp-loss-after'), loss(DEFAULT.after.loss));
      await textOf(page.getByTestId('bp-dz2-0-0'), formatNumber(DEFAULT.gradients.dz2[0]!, 4));
    }));

  it('changing the target, the activation and taking a step update every table and the URL', () =>
    island.use('backprop-typing', '', async (page) => {
      await field(page, Y).fill('0.2');
      const relu = expected([0.5, -1.2], [0.2], 'relu', 1, 0.1);
      await textOf(page.getByTestId('bp-loss-before'), loss(relu.forward.loss));
      await textOf(page.getByTestId('bp-output-0-0'), formatNumber(relu.forward.z2[0]!, 4));
      await urlHas(page, { 'bp.y': '0.2' });

      await page.getByLabel(ACT).selectOption('tanh');
      const tanh = expected([0.5, -1.2], [0.2], 'tanh', 1, 0.1);
      await textOf(page.getByTestId('bp-loss-before'), loss(tanh.forward.loss));
      await textOf(page.getByTestId('bp-dz1-1-1'), formatNumber(tanh.slope[1]!, 4));
      await urlHas(page, { 'bp.act': 'tanh' });

      await page.getByRole('button', { name: 'Take one training step' }).click();
      await textOf(page.getByTestId('bp-status'), 'Steps already taken on this example: 1.');
      await textOf(page.getByTestId('bp-loss-before'), loss(expected([0.5, -1.2], [0.2], 'tanh', 1, 0.1, 1).forward.loss));
      await urlHas(page, { 'bp.steps': '1' });
      await textOf(page.getByTestId('bp-check'), 'agree');

      await page.getByRole('radio', { name: '2. Backward pass' }).check();
      await expect(page.getByTestId('bp-dw1').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('bp-hidden').isVisible()).resolves.toBe(false);
      await urlHas(page, { 'bp.stage': 'backward' });
    }));

  it('garbage typed into a field shows a message beside it and keeps the last valid result', () =>
    island.use('backprop-garbage', '', async (page) => {
      const x = field(page, X);
      await typeGarbage(x, '1, banana', '“banana” is not a number');
      await textOf(page.locator('.bp-result .stale-note'), 'last valid result');
      await textOf(page.getByTestId('bp-loss-before'), loss(DEFAULT.forward.loss));
      await typeGarbage(x, '', 'at least one number');
      await typeGarbage(x, '1, 2, 3, 4, 5', 'more than the 4');
      await typeGarbage(x, '1e999', 'outside');
      await x.fill('0.5, -1.2');
      await expect(x.getAttribute('aria-invalid')).resolves.toBe('false');

      const lr = page.getByLabel(LR);
      await typeGarbage(lr, '0', 'greater than 0');
      await typeGarbage(lr, '-1', 'greater than 0');
      await typeGarbage(page.getByLabel(SEED), '4.5', 'whole number');
      await page.getByLabel(SEED).fill('1');

      // A learning rate that blows up: message on the learning-rate field, last good tables kept.
      await x.fill('100, -100');
      await field(page, Y).fill('100');
      await typeGarbage(lr, '10', 'At step 1 the values grew beyond');
      await textOf(page.locator('.bp-result .stale-note'), 'last valid result');
      await island.clean(page);

      // The kink: an input of zeros puts every ReLU unit at z = 0.
      await x.fill('0, 0');
      await lr.fill('0.1');
      await page.getByRole('button', { name: 'Back to step 0' }).click();
      await textOf(page.getByTestId('bp-check'), 'kink');
    }));

  it('the URL round-trips the inputs, the step and the stage; reset restores the defaults', () =>
    island.use('backprop-url', '', async (page) => {
      const set = { [X]: '1,2,3', [Y]: '0.5,-0.5', [LR]: '0.05', [ACT]: 'tanh', [SEED]: '9' };
      await island.roundTrip(page, set, { 'bp.x': '1,2,3', 'bp.y': '0.5,-0.5', 'bp.lr': '0.05', 'bp.act': 'tanh', 'bp.seed': '9' }, (p) => [p.getByTestId('bp-loss-before'), p.getByTestId('bp-loss-after')]);
      await page.getByRole('button', { name: 'Take one training step' }).click();
      await page.getByRole('button', { name: 'Take one training step' }).click();
      await page.getByRole('radio', { name: '3. Update' }).check();
      await urlHas(page, { 'bp.steps': '2', 'bp.stage': 'update' });
      await page.reload({ waitUntil: 'load' });
      await island.root(page).scrollIntoViewIfNeeded();
      const walk = expected([1, 2, 3], [0.5, -0.5], 'tanh', 9, 0.05, 2);
      await valueOf(field(page, X), '1,2,3');
      await valueOf(page.getByLabel(ACT), 'tanh');
      await textOf(page.getByTestId('bp-loss-before'), loss(walk.forward.loss));
      await textOf(page.getByTestId('bp-loss-after'), loss(walk.after.loss));
      await textOf(page.getByTestId('bp-status'), 'Steps already taken on this example: 2.');
      await until(() => page.getByRole('radio', { name: '3. Update' }).isChecked(), true);
      await expect(page.getByTestId('bp-w1').isVisible()).resolves.toBe(false);
      await island.reset(page, page.getByTestId('bp-loss-before'), loss(DEFAULT.forward.loss));
    }));

  it('a garbage query string leaves the island usable, with a message beside each bad field', () =>
    island.garbageQuery('backprop-garbage-url', '?bp.x=%3Cscript%3Ealert(1)%3C%2Fscript%3E&bp.y=NaN&bp.lr=Infinity&bp.act=nope&bp.seed=-3&bp.steps=-4&bp.stage=zzz', {
      'bp-x': 'is not a number', 'bp-y': '“NaN” is not a number', 'bp-lr': 'greater than 0', 'bp-act': 'Choose ReLU or tanh', 'bp-seed': 'whole number from 0', 'bp-stage': 'unknown stage',
    }, async (page) => {
      await textOf(page.getByTestId('bp-status'), 'starting from step 0');
      await textOf(page.getByTestId('bp-loss-before'), loss(DEFAULT.forward.loss));
    }));

  it('is operable with the keyboard alone', () =>
    island.use('backprop-keyboard', '', async (page) => {
      await field(page, X).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('1, 1');
      await textOf(page.getByTestId('bp-loss-before'), loss(expected([1, 1], [0.8], 'relu', 1, 0.1).forward.loss));
      // Tab to the activation select (past y and the learning rate) and pick tanh with the arrow key.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await valueOf(page.getByLabel(ACT), 'tanh');
      await textOf(page.getByTestId('bp-loss-before'), loss(expected([1, 1], [0.8], 'tanh', 1, 0.1).forward.loss));
      // Seed, then the stage radios (focus lands on the checked one, "All three"): arrow keys move between stages, wrapping.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('radio', { name: '1. Forward pass' }).isChecked()).resolves.toBe(true);
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('radio', { name: '2. Backward pass' }).isChecked()).resolves.toBe(true);
      // Next in tab order: the step button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await textOf(page.getByTestId('bp-status'), 'Steps already taken on this example: 1.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space'); // Back to step 0
      await textOf(page.getByTestId('bp-status'), 'Steps already taken on this example: 0.');
    }));

  // The chapter prints the worked example's numeric matrices as light HTML (one span per number), not KaTeX.
  for (const path of ['/learn/backprop/', '/zh-cn/learn/backprop/']) {
    it(`${path} prints the worked example's matrices as labelled HTML tables, row by row, without JavaScript`, () =>
      island.withoutScript(async (page) => {
        const cell = (v: number) => (v === 0 ? '0' : formatNumber(v, 4).replace(/^-/, '\u2212'));
        const rowsOf = (label: string) =>
          page.getByRole('table', { name: label, exact: true }).first().locator('[role="row"]').evaluateAll((rows) =>
            rows.map((r) => [...r.querySelectorAll('[role="cell"]')].map((c) => c.textContent ?? '')),
          );
        const { params, forward, gradients } = DEFAULT;
        await expect(rowsOf('W1, 3 × 2')).resolves.toEqual(params.w1.map((r) => r.map(cell)));
        await expect(rowsOf('W2, 1 × 3')).resolves.toEqual(params.w2.map((r) => r.map(cell)));
        await expect(rowsOf('z1, 3 × 1')).resolves.toEqual(forward.z1.map((v) => [cell(v)]));
        await expect(rowsOf('δW1, 3 × 2')).resolves.toEqual(gradients.dw1.map((r) => r.map(cell)));
        await expect(rowsOf('δW2, 1 × 3')).resolves.toEqual([gradients.dw2[0]!.map(cell)]);
        // No numeric matrix is left to KaTeX, and each HTML one sits inside an equation that still names it in KaTeX.
        await expect(page.locator('.matrix .katex').count()).resolves.toBe(0);
        await expect(page.locator('.math-row:has(.matrix) .katex').count()).resolves.toBeGreaterThan(0);
      }, path));
  }
});
