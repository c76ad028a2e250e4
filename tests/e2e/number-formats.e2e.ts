import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { field, islandSuite, shows, textOf, typeGarbage, urlHas, valueOf } from './support/island.ts';

// “NaN code” is a row of the bit table, not a number gone wrong.
const island = islandSuite({ path: '/learn/number-formats/', root: 'section.nf', prefix: 'nf', allow: /NaN code/g });

/** Waits for the bit fields (sign, exp, man) of one format's row of the bit table to show these bits. */
async function bitsAre(page: Page, format: string, want: Partial<Record<'sign' | 'exp' | 'man', string>>): Promise<void> {
  for (const [part, bits] of Object.entries(want)) await textOf(page.locator(`[data-format="${format}"] .nf-${part} code`), bits);
}

/** Types each step's text into the field with this label, then waits for what the island must show (test id → text). */
async function typeEach(page: Page, label: string, steps: readonly (readonly [string, Record<string, string | RegExp>])[]): Promise<void> {
  for (const [typed, want] of steps) {
    await field(page, label).fill(typed);
    await shows(page, want);
  }
}

describe.concurrent('number-format explorer on the Number formats chapter', () => {
  it('shows the default rounding and the loss-scaling demo without JavaScript', () =>
    island.withoutScript(async (page) => {
      await shows(page, { 'stored-bf16': '0.100097656', unscaled: '0', verdict: 'becomes 0' });
      await bitsAre(page, 'bf16', { exp: '01111011' });
    }));

  it('typing a value updates bits, stored values and errors in every format', () =>
    island.use('nf-typing', '', async (page) => {
      await typeEach(page, 'Value', [['-2.5', { 'stored-fp16': /^[-−]2\.5$/, 'error-fp16': 'exact' }]]);
      await bitsAre(page, 'fp16', { sign: '1', exp: '10000', man: '0100000000' });
      await typeEach(page, 'Value', [
        ['65520', { 'note-fp16': 'overflow', 'stored-fp16': 'infinity', 'note-fp8-e4m3': 'no infinity', 'stored-bf16': '65,536' }],
        ['1e-5', { 'note-fp16': 'subnormal' }],
      ]);
      await urlHas(page, { 'nf.v': '1e-5' });
    }));

  it('loss scaling recovers a gradient that underflows FP16, and says when the scale overflows', () =>
    island.use('nf-loss', '', async (page) => {
      await typeEach(page, 'Loss scale', [['1', { verdict: 'not enough' }], ['65536', { verdict: 'survives', recovered: /^(9\.99|1\.00)\d* × 10/ }]]);
      await typeEach(page, 'Gradient', [['1', { verdict: 'overflows' }]]);
      await urlHas(page, { 'nf.s': '65536' });
    }));

  it('garbage input shows a message beside the field and keeps the last valid result', () =>
    island.use('nf-garbage', '', async (page) => {
      const value = field(page, 'Value');
      await value.fill('3');
      await textOf(page.getByTestId('stored-fp4-e2m1'), '3');
      await typeGarbage(value, '3 apples', 'Not a number');
      await textOf(page.getByTestId('stored-fp4-e2m1'), '3');
      await textOf(island.root(page), 'Showing the last valid result');
      await typeGarbage(value, '', 'Enter a number');
      await typeGarbage(value, '1e999', 'Too large');
      await typeGarbage(field(page, 'Loss scale'), '-4', 'greater than 0');
      await textOf(page.getByTestId('verdict'), 'survives');
    }));

  it('the URL round-trips the inputs, and reset restores the defaults', () =>
    island.use('nf-url', '', async (page) => {
      await island.roundTrip(page, { Value: '0.3', Gradient: '2e-9', 'Loss scale': '4096' }, { 'nf.v': '0.3', 'nf.g': '2e-9', 'nf.s': '4096' }, (p) => [p.locator('.nf-table'), p.getByTestId('verdict')]);
      await textOf(page.locator('.nf-table caption'), '0.3 rounded');
      await island.reset(page, page.getByTestId('stored-bf16'), '0.100097656');
      await valueOf(field(page, 'Value'), '0.1');
    }));

  it('a garbage query string leaves the page usable with messages', () =>
    island.garbageQuery('nf-garbage-url', '?nf.v=%3Cimg%20src%3Dx%3E&nf.s=abc', { 'nf-value': 'Not a number', 'nf-scale': 'Not a number' }, async (page) => {
      await textOf(page.getByTestId('stored-bf16'), '0.100097656');
    }, 'img'));

  it('is operable with the keyboard alone', () =>
    island.use('nf-keyboard', '', async (page) => {
      await field(page, 'Value').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('0.5');
      await textOf(page.getByTestId('error-fp8-e5m2'), 'exact');
      await page.keyboard.press('Tab'); // Gradient
      await page.keyboard.press('Tab'); // Loss scale
      await page.keyboard.press('Control+A');
      await page.keyboard.type('65536');
      await textOf(page.getByTestId('verdict'), 'survives');
      await page.keyboard.press('Tab'); // Copy link
      await page.keyboard.press('Tab'); // Reset
      await page.keyboard.press('Enter');
      await valueOf(field(page, 'Value'), '0.1');
      await urlHas(page, { 'nf.s': null });
    }));
});
