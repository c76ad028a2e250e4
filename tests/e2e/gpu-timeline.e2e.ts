import { describe, expect, it } from 'vitest';
import { islandSuite, textOf, typeGarbage, urlHas, valueOf } from './support/island.ts';

const island = islandSuite({ path: '/learn/why-gpus/', root: 'section.gt', prefix: 'timeline' });
const points = '[data-testid="chart"] .gt-point';

describe.concurrent('GPU timeline on the Why GPUs chapter', () => {
  it('renders every card, a text legend and a table without JavaScript', () =>
    island.withoutScript(async (page) => {
      await textOf(page.getByTestId('summary'), /\d+ cards plotted/);
      const count = await page.locator(points).count();
      expect(count).toBeGreaterThan(50);
      await textOf(page.getByTestId('legend'), 'GeForce 50 (Blackwell)');
      await expect(page.locator('[data-testid="table"] tbody tr').count()).resolves.toBe(count);
    }));

  it('switching the vertical axis redraws the chart and lists cards without a value', () =>
    island.use('timeline-axis', '', async (page) => {
      const axis = page.getByLabel('Vertical axis');
      const before = await page.locator('.gt-point').first().getAttribute('transform');
      await axis.selectOption('memory');
      await textOf(page.getByTestId('summary'), 'H200');
      await textOf(page.getByTestId('summary'), '141 GB');
      expect(await page.locator('.gt-point').first().getAttribute('transform')).not.toBe(before);
      await urlHas(page, { 'timeline.y': 'memory' });
      await axis.selectOption('price');
      await textOf(page.getByTestId('missing'), 'A100');
      await axis.selectOption('tensor');
      await textOf(page.getByTestId('missing'), 'GTX 1080 Ti');
    }));

  it('finding a card by name shows it with a link to its spec page; bad names get a message', () =>
    island.use('timeline-find', '', async (page) => {
      const find = page.getByLabel('Find a card');
      await find.fill('4090');
      await textOf(page.getByTestId('detail'), 'GeForce RTX 4090 (GeForce 40 (Ada)), launched 2022-10-12: 82.6 TFLOPS');
      await expect(page.getByTestId('detail').getByRole('link').getAttribute('href')).resolves.toBe('/gpus/rtx-4090/');
      await typeGarbage(find, 'banana', 'No card matches “banana”');
      await find.fill('RTX 40');
      await textOf(page.locator('#timeline-find-msg'), 'cards match');
      await page.getByLabel('Vertical axis').selectOption('tensor');
      await find.fill('GTX 1080 Ti');
      await textOf(page.locator('#timeline-find-msg'), 'has no published value');
      await textOf(page.getByTestId('summary'), 'cards plotted');
    }));

  it('the URL round-trips the axis, scale and card, and reset restores the defaults', () =>
    island.use('timeline-url', '', async (page) => {
      await island.roundTrip(page, { 'Vertical axis': 'bandwidth', Scale: 'linear', 'Find a card': 'rtx-5090' }, { 'timeline.y': 'bandwidth', 'timeline.scale': 'linear', 'timeline.card': 'rtx-5090' }, (p) => [p.getByTestId('detail'), p.getByTestId('summary')]);
      await textOf(page.getByTestId('detail'), 'GeForce RTX 5090');
      await textOf(page.getByTestId('detail'), '1,792 GB/s');
      await island.reset(page, page.getByTestId('summary'), 'TFLOPS');
      await valueOf(page.getByLabel('Vertical axis'), 'fp32');
    }));

  it('a garbage query string leaves the chart usable with messages beside the fields', () =>
    island.garbageQuery('timeline-garbage', '?timeline.y=%3Cscript%3Ealert(1)%3C%2Fscript%3E&timeline.scale=cubic&timeline.card=%3Cb%3Ex', { 'timeline-y': 'Choose a quantity', 'timeline-scale': 'logarithmic or linear', 'timeline-find': 'No card matches' }, async (page) => {
      await textOf(page.locator('section.gt .stale-note'), 'last valid');
      await expect(page.locator('section.gt b').count()).resolves.toBe(0);
      expect(await page.locator('.gt-point').count()).toBeGreaterThan(50);
    }));

  it('is operable with the keyboard: arrows step through the cards by date, and hover shows a card', () =>
    island.use('timeline-keyboard', '', async (page) => {
      await page.getByLabel('Find a card').focus();
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
      expect(first).toBeTruthy();
      await textOf(page.getByTestId('detail'), 'launched');
      await page.keyboard.press('ArrowRight');
      const second = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
      expect(second).toBeTruthy();
      expect(second).not.toBe(first);
      await page.keyboard.press('End');
      await textOf(page.getByTestId('detail'), 'GeForce RTX 5060');
      await page.locator('.gt-point[data-id="gtx-1080-ti"]').hover();
      await textOf(page.getByTestId('detail'), 'GeForce GTX 1080 Ti');
    }));
});
