import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshotOnFailure, textOf, valueOf } from './support/browser.ts';
import { backpropWalk, type Activation, type BackpropWalk } from '../../src/lib/mlp.ts';
import { formatNumber } from '../../src/lib/units.ts';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

const PATH = '/learn/backprop/';

/** The walk the island should show, computed by the same lib in Node. */
function expected(x: number[], y: number[], activation: Activation, seed: number, learningRate: number, steps = 0): BackpropWalk {
  const walk = backpropWalk({ sample: { x, y }, activation, hiddenSize: 3, seed, learningRate, steps });
  if (!walk.ok) throw new Error('expected walk diverged');
  return walk;
}
const loss = (v: number) => formatNumber(v, 6);
const DEFAULT = expected([0.5, -1.2], [0.8], 'relu', 1, 0.1);

/** Opens the chapter and waits until the walk-through has hydrated. */
async function openIsland(query = ''): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(context, `${PATH}${query}`);
  const island = opened.page.locator('astro-island', { has: opened.page.getByLabel('Input x', { exact: true }) });
  await island.scrollIntoViewIfNeeded();
  await opened.page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
  return opened;
}

async function noBadNumbers(page: Page): Promise<void> {
  // The tables and the status line: messages may quote what the reader typed (e.g. “NaN”).
  const text = `${await page.locator('.bp-result').textContent()} ${await page.getByTestId('bp-status').textContent()}`;
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
}

describe('backpropagation walk-through on the Forward and backward propagation chapter', () => {
  it('shows the default step without JavaScript (server-rendered)', async () => {
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    const { origin } = await import('./support/browser.ts');
    await page.goto(`${origin()}${PATH}`);
    await textOf(page.getByTestId('bp-loss-before'), loss(DEFAULT.forward.loss));
    await textOf(page.getByTestId('bp-loss-after'), loss(DEFAULT.after.loss));
    await textOf(page.getByTestId('bp-dz2-0-0'), formatNumber(DEFAULT.gradients.dz2[0]!, 4));
    await page.close();
  });

  it('changing the target, the activation and taking a step update every table and the URL', async () => {
    const { page, problems } = await openIsland();
    try {
      await page.getByLabel('Target y', { exact: true }).fill('0.2');
      const relu = expected([0.5, -1.2], [0.2], 'relu', 1, 0.1);
      await textOf(page.getByTestId('bp-loss-before'), loss(relu.forward.loss));
      await textOf(page.getByTestId('bp-output-0-0'), formatNumber(relu.forward.z2[0]!, 4));
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['bp.y', '0.2'] as const, { timeout: 5000 });

      await page.getByLabel('Hidden activation f').selectOption('tanh');
      const tanh = expected([0.5, -1.2], [0.2], 'tanh', 1, 0.1);
      await textOf(page.getByTestId('bp-loss-before'), loss(tanh.forward.loss));
      await textOf(page.getByTestId('bp-dz1-1-1'), formatNumber(tanh.slope[1]!, 4));
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['bp.act', 'tanh'] as const, { timeout: 5000 });

      await page.getByRole('button', { name: 'Take one training step' }).click();
      const next = expected([0.5, -1.2], [0.2], 'tanh', 1, 0.1, 1);
      await textOf(page.getByTestId('bp-status'), 'Steps already taken on this example: 1.');
      await textOf(page.getByTestId('bp-loss-before'), loss(next.forward.loss));
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['bp.steps', '1'] as const, { timeout: 5000 });
      await textOf(page.getByTestId('bp-check'), 'agree');

      await page.getByRole('radio', { name: '2. Backward pass' }).check();
      await expect(page.getByTestId('bp-dw1').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('bp-hidden').isVisible()).resolves.toBe(false);
      await page.waitForFunction(([k, v]) => new URL(window.location.href).searchParams.get(k) === v, ['bp.stage', 'backward'] as const, { timeout: 5000 });
      await noBadNumbers(page);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'backprop-typing');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('garbage typed into a field shows a message beside it and keeps the last valid result', async () => {
    const { page, problems } = await openIsland();
    try {
      const x = page.getByLabel('Input x', { exact: true });
      await x.fill('1, banana');
      await textOf(page.locator('#bp-x-msg'), '“banana” is not a number');
      await expect(x.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(page.locator('.bp-result .stale-note'), 'last valid result');
      await textOf(page.getByTestId('bp-loss-before'), loss(DEFAULT.forward.loss));
      await x.fill('');
      await textOf(page.locator('#bp-x-msg'), 'at least one number');
      await x.fill('1, 2, 3, 4, 5');
      await textOf(page.locator('#bp-x-msg'), 'more than the 4');
      await x.fill('1e999');
      await textOf(page.locator('#bp-x-msg'), 'outside');
      await x.fill('0.5, -1.2');
      await expect(x.getAttribute('aria-invalid')).resolves.toBe('false');

      const lr = page.getByLabel('Learning rate η');
      await lr.fill('0');
      await textOf(page.locator('#bp-lr-msg'), 'greater than 0');
      await lr.fill('-1');
      await textOf(page.locator('#bp-lr-msg'), 'greater than 0');
      await page.getByLabel('Seed for the initial weights').fill('4.5');
      await textOf(page.locator('#bp-seed-msg'), 'whole number');
      await page.getByLabel('Seed for the initial weights').fill('1');

      // A learning rate that blows up: message on the learning-rate field, last good tables kept.
      await x.fill('100, -100');
      await page.getByLabel('Target y', { exact: true }).fill('100');
      await lr.fill('10');
      await textOf(page.locator('#bp-lr-msg'), 'At step 1 the values grew beyond');
      await expect(lr.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(page.locator('.bp-result .stale-note'), 'last valid result');
      await noBadNumbers(page);

      // The kink: an input of zeros puts every ReLU unit at z = 0.
      await x.fill('0, 0');
      await lr.fill('0.1');
      await page.getByRole('button', { name: 'Back to step 0' }).click();
      await textOf(page.getByTestId('bp-check'), 'kink');
      await noBadNumbers(page);
      expect(problems.consoleErrors).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, 'backprop-garbage');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('a copied link reproduces the inputs, the step and the stage; reset restores the defaults', async () => {
    const query = '?bp.x=1%2C2%2C3&bp.y=0.5%2C-0.5&bp.lr=0.05&bp.act=tanh&bp.seed=9&bp.steps=2&bp.stage=update';
    const { page, problems } = await openIsland(query);
    try {
      const walk = expected([1, 2, 3], [0.5, -0.5], 'tanh', 9, 0.05, 2);
      await page.waitForFunction(() => (document.getElementById('bp-x') as HTMLInputElement | null)?.value === '1,2,3', undefined, { timeout: 5000 });
      await valueOf(page.getByLabel('Hidden activation f'), 'tanh');
      await textOf(page.getByTestId('bp-loss-before'), loss(walk.forward.loss));
      await textOf(page.getByTestId('bp-loss-after'), loss(walk.after.loss));
      await textOf(page.getByTestId('bp-status'), 'Steps already taken on this example: 2.');
      await expect(page.getByRole('radio', { name: '3. Update' }).isChecked()).resolves.toBe(true);
      await expect(page.getByTestId('bp-w1').isVisible()).resolves.toBe(false);
      expect(new URL(page.url()).search).toContain('bp.seed=9');

      await page.getByRole('button', { name: 'Reset' }).click();
      await textOf(page.getByTestId('bp-loss-before'), loss(DEFAULT.forward.loss));
      await page.waitForFunction(() => ![...new URL(window.location.href).searchParams.keys()].some((k) => k.startsWith('bp.')), undefined, { timeout: 5000 });
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a garbage query string leaves the island usable, with a message beside each bad field', async () => {
    const query = '?bp.x=%3Cscript%3Ealert(1)%3C%2Fscript%3E&bp.y=NaN&bp.lr=Infinity&bp.act=nope&bp.seed=-3&bp.steps=-4&bp.stage=zzz';
    const { page, problems } = await openIsland(query);
    try {
      await textOf(page.locator('#bp-x-msg'), 'is not a number');
      await textOf(page.locator('#bp-y-msg'), '“NaN” is not a number');
      await textOf(page.locator('#bp-lr-msg'), 'greater than 0');
      await textOf(page.locator('#bp-act-msg'), 'Choose ReLU or tanh');
      await textOf(page.locator('#bp-seed-msg'), 'whole number from 0');
      await textOf(page.getByTestId('bp-status'), 'starting from step 0');
      await textOf(page.locator('#bp-stage-msg'), 'unknown stage');
      await textOf(page.getByTestId('bp-loss-before'), loss(DEFAULT.forward.loss));
      await expect(page.locator('section.bp script').count()).resolves.toBe(0);
      await noBadNumbers(page);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is operable with the keyboard alone', async () => {
    const { page } = await openIsland();
    try {
      await page.getByLabel('Input x', { exact: true }).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('1, 1');
      const walk = expected([1, 1], [0.8], 'relu', 1, 0.1);
      await textOf(page.getByTestId('bp-loss-before'), loss(walk.forward.loss));
      // Tab to the activation select (past y and the learning rate) and pick tanh with the arrow key.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await valueOf(page.getByLabel('Hidden activation f'), 'tanh');
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
    } finally {
      await page.close();
    }
  });
});
