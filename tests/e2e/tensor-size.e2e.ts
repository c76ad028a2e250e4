import { describe, expect, it } from 'vitest';
import { field, islandSuite, param, shows, textOf, typeGarbage, valueOf } from './support/island.ts';

const island = islandSuite({ path: '/learn/tensors/', root: 'section.calc', prefix: 'tensor' });
const DEFAULT_ELEMENTS = (8 * 2048 * 4096).toLocaleString('en-US');

describe.concurrent('tensor-size calculator on the Tensors chapter', () => {
  it('shows the default result without JavaScript (server-rendered)', () =>
    island.withoutScript(async (page) => {
      await textOf(page.getByTestId('elements'), DEFAULT_ELEMENTS);
    }));

  it('typing a shape updates elements, bytes and strides, and the URL round-trips', () =>
    island.use('tensor-size-typing', '', async (page) => {
      await island.roundTrip(page, { Shape: '1024, 1024', 'Number format': 'fp32' }, { 'tensor.shape': '1024, 1024', 'tensor.format': 'fp32' }, (p) => [p.getByTestId('bytes'), p.getByTestId('strides')]);
      await shows(page, { elements: '1,048,576', bytes: '4 MiB', strides: '(1,024, 1)' });
    }));

  it('garbage input shows a message beside the field and keeps the last valid result', () =>
    island.use('tensor-size-garbage', '', async (page) => {
      const shape = field(page, 'Shape');
      await shape.fill('12, 7');
      await typeGarbage(shape, '12, banana', 'not a whole number');
      await textOf(page.getByTestId('elements'), '84');
      await typeGarbage(shape, '-3', 'at least 1');
      await typeGarbage(shape, '', 'at least one dimension');
      await typeGarbage(shape, '999999999, 999999999', '2^53');
    }));

  it('a copied link reproduces the inputs, and reset restores the defaults', () =>
    island.use('tensor-size-url', '?tensor.shape=3%2C5&tensor.format=fp16', async (page) => {
      await valueOf(field(page, 'Shape'), '3,5');
      await textOf(page.getByTestId('bytes'), '30 B');
      await island.reset(page, page.getByTestId('elements'), DEFAULT_ELEMENTS);
      expect(param(page, 'tensor.shape')).toBeNull();
    }));

  it('a garbage query string leaves the page usable with a message', () =>
    island.garbageQuery('tensor-size-garbage-url', '?tensor.shape=%3Cscript%3Ealert(1)%3C%2Fscript%3E&tensor.format=nope', { 'tensor-shape': 'not a whole number', 'tensor-format': 'Choose a number format' }, async (page) => {
      await textOf(page.getByTestId('elements'), DEFAULT_ELEMENTS);
    }));

  it('is operable with the keyboard alone', () =>
    island.use('tensor-size-keyboard', '', async (page) => {
      await field(page, 'Shape').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('16, 16');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await textOf(page.getByTestId('elements'), '256');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // Reset
      await valueOf(field(page, 'Shape'), '8, 2048, 4096');
    }));
});
