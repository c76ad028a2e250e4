import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { field, islandSuite, textOf, urlHas } from './support/island.ts';

const island = islandSuite({ path: '/learn/tensor-cores/', root: 'section.tt', prefix: 'tt' });

/** Dense values of the bars, top to bottom, read from the table. */
async function denseColumn(page: Page): Promise<number[]> {
  const cells = await page.locator('[data-testid="table"] tbody tr td:nth-child(3)').allTextContents();
  return cells.filter((c) => /\d/.test(c)).map((c) => Number(c.replace(/,/g, '')));
}
const labels = (page: Page) => page.locator('[data-testid="chart"] .tt-label');

async function sortedDescending(page: Page): Promise<void> {
  const dense = await denseColumn(page);
  expect(dense).toEqual([...dense].sort((a, b) => b - a));
}

describe.concurrent('Tensor Core throughput chart on the Tensor Cores chapter', () => {
  it('renders a sorted chart and its table without JavaScript', () =>
    island.withoutScript(async (page) => {
      await textOf(page.getByTestId('summary'), 'FP16, FP32 accumulate');
      expect(await page.locator('[data-testid="chart"] .tt-row').count()).toBeGreaterThan(5);
      await sortedDescending(page);
      await textOf(page.getByTestId('unsupported'), 'GeForce GTX 1080');
    }));

  it('changing the format re-ranks the cards and lists those without it', () =>
    island.use('tt-format', '', async (page) => {
      await field(page, 'Format').selectOption('fp4');
      await textOf(page.getByTestId('summary'), 'FP4');
      await textOf(page.getByTestId('unsupported'), 'Not supported (FP4)');
      await textOf(page.getByTestId('unsupported'), 'RTX 4090');
      const names = await labels(page).allTextContents();
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => !n.includes('4090'))).toBe(true);
      // The sparse outline is drawn beside every bar whose card doubles with 2:4 sparsity.
      expect(await page.locator('[data-testid="chart"] .tt-sparse').count()).toBe(names.length);
      await sortedDescending(page);
      await urlHas(page, { 'tt.format': 'fp4' });
      await field(page, 'Cards').selectOption('geforce-10');
      await textOf(page.getByTestId('summary'), 'No card in this selection');
      expect(await page.locator('[data-testid="table"]').textContent()).toContain('not supported');
    }));

  it('the URL round-trips the selection, and reset restores the defaults', () =>
    island.use('tt-url', '', async (page) => {
      await island.roundTrip(page, { Format: 'int8', Cards: 'geforce-30' }, { 'tt.format': 'int8', 'tt.series': 'geforce-30' }, (p) => [p.getByTestId('summary'), p.getByTestId('table')]);
      await textOf(page.getByTestId('summary'), 'INT8');
      await textOf(page.getByTestId('summary'), 'TOPS');
      expect((await labels(page).allTextContents()).every((n) => n.includes('30'))).toBe(true);
      await island.reset(page, page.getByTestId('summary'), 'FP16, FP32 accumulate');
    }));

  it('a garbage query string shows messages and keeps a valid chart', () =>
    island.garbageQuery('tt-garbage', '?tt.format=%3Cscript%3Ex%3C%2Fscript%3E&tt.series=nope', { 'tt-format': 'Choose a format', 'tt-series': 'Choose a card family' }, async (page) => {
      await textOf(page.getByTestId('summary'), 'FP16, FP32 accumulate');
    }));

  it('is operable with the keyboard: selects and arrow keys between bars', () =>
    island.use('tt-keyboard', '', async (page) => {
      await field(page, 'Format').focus();
      await page.keyboard.press('ArrowDown'); // FP16, FP16 accumulate
      await textOf(page.getByTestId('summary'), 'FP16, FP16 accumulate');
      const first = (await labels(page).first().textContent()) ?? '';
      const second = (await labels(page).nth(1).textContent()) ?? '';
      await page.locator('[data-testid="chart"] .tt-row').first().focus();
      await textOf(page.getByTestId('focused'), first);
      await page.keyboard.press('ArrowDown');
      await textOf(page.getByTestId('focused'), second);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? '')).resolves.not.toBe('');
      await page.keyboard.press('Home');
      await textOf(page.getByTestId('focused'), first);
    }));
});
