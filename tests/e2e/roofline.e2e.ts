import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { field, islandSuite, textOf, typeGarbage, urlHas, valueOf } from './support/island.ts';

// The chapter's other island hydrates when it scrolls into view, which it may not here.
const island = islandSuite({ path: '/learn/roofline/', root: 'section.rf', prefix: 'roofline', ownIslandOnly: true });
const verdict = (page: Page, n: number) => island.root(page).getByTestId(`verdict-${n}`);
const M = 'm (rows of A: tokens)';

describe.concurrent('roofline explorer on the Roofline chapter', () => {
  it('shows the default verdicts without JavaScript (server-rendered)', () =>
    island.withoutScript(async (page) => {
      await textOf(verdict(page, 1), 'GeForce RTX 4090, BF16: compute-bound');
      await textOf(verdict(page, 2), 'ridge point 153');
      await expect(page.locator('[data-testid="chart"] .rf-roof').count()).resolves.toBe(2);
    }));

  it('the decode preset makes the matmul memory-bound, and the URL records it', () =>
    island.use('roofline-decode', '', async (page) => {
      await island.root(page).getByRole('button', { name: 'Decode GEMV (m = 1)' }).click();
      await textOf(verdict(page, 1), 'memory-bound');
      await textOf(verdict(page, 1), 'ridge point 164');
      await textOf(verdict(page, 1), '33.3 µs');
      await valueOf(field(page, M), '1');
      await urlHas(page, { 'roofline.m': '1' });
      await field(page, M).fill('2048');
      await textOf(verdict(page, 1), 'compute-bound');
    }));

  it('a card without the chosen format says so, while the others keep their verdicts', () =>
    island.use('roofline-format', '', async (page) => {
      await field(page, 'Card 3 (optional)').selectOption('rtx-3090');
      await field(page, 'Number format').selectOption('fp8');
      await textOf(verdict(page, 1), 'GeForce RTX 4090, FP8');
      await textOf(verdict(page, 2), 'cannot run FP8');
      await textOf(verdict(page, 3), 'GeForce RTX 3090 cannot run FP8');
      await textOf(island.root(page).getByTestId('table'), 'format not supported');
      await urlHas(page, { 'roofline.gpu3': 'rtx-3090' });
    }));

  it('garbage typed into a dimension shows a message beside it and keeps the last valid result', () =>
    island.use('roofline-garbage-typed', '', async (page) => {
      const m = field(page, M);
      await m.fill('1');
      await textOf(verdict(page, 1), 'memory-bound');
      await typeGarbage(m, 'abc', '“abc” is not a whole number');
      await textOf(page.locator('section.rf .stale-note'), 'last valid');
      await textOf(verdict(page, 1), 'memory-bound');
      await typeGarbage(m, '0', 'at least 1');
      await typeGarbage(m, '-5', 'at least 1');
      await typeGarbage(m, '99999999', 'at most 1,048,576');
      await typeGarbage(m, '', 'Enter a whole number');
      await typeGarbage(field(page, 'k (inner dimension: input features)'), '1e3', 'not a whole number');
    }));

  it('the URL round-trips cards, format and shape, and reset restores the defaults', () =>
    island.use('roofline-url', '', async (page) => {
      const set = { 'Card 1': 'rtx-3090', 'Card 2 (optional)': '', 'Number format': 'fp16', [M]: '1', 'n (columns of B: output features)': '8192', 'k (inner dimension: input features)': '8192' };
      await island.roundTrip(page, set, { 'roofline.gpu1': 'rtx-3090', 'roofline.gpu2': '', 'roofline.format': 'fp16', 'roofline.m': '1' }, (p) => [verdict(p, 1), island.root(p).getByTestId('shape')]);
      await textOf(island.root(page).getByTestId('shape'), 'C[1 × 8,192]');
      await textOf(verdict(page, 1), 'GeForce RTX 3090, FP16 (FP32 accumulate): memory-bound');
      await expect(verdict(page, 2).count()).resolves.toBe(0);
      await island.reset(page, verdict(page, 2), 'A100');
    }));

  it('a garbage query string shows messages beside the fields and keeps the page usable', () =>
    island.garbageQuery('roofline-garbage-url', '?roofline.gpu1=%3Cscript%3Ealert(1)%3C%2Fscript%3E&roofline.format=fp99&roofline.m=abc&roofline.n=1e400', { 'roofline-gpu1': 'No card has the id', 'roofline-format': 'Choose a number format', 'roofline-m': 'not a whole number', 'roofline-n': 'not a whole number' }, async (page) => {
      await textOf(verdict(page, 1), 'GeForce RTX 4090');
    }));

  it('is operable with the keyboard alone', () =>
    island.use('roofline-keyboard', '', async (page) => {
      await island.root(page).getByRole('button', { name: 'Decode GEMV (m = 1)' }).focus();
      await page.keyboard.press('Enter');
      await textOf(verdict(page, 1), 'memory-bound');
      await field(page, M).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('8192');
      await textOf(verdict(page, 1), 'compute-bound');
      await field(page, 'Number format').focus();
      await page.keyboard.press('ArrowUp');
      await textOf(verdict(page, 1), 'FP16');
    }));
});
