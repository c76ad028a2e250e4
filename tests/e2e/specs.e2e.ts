/**
 * Browser tests of the spec pages: /gpus/ (table without JS, keyboard sorting and filtering), every card page (row anchors,
 * footnotes that resolve, citation), the compare page (?ids, winners in words, garbage ids) and the downloads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { origin } from './support/browser.ts';
import { islandSuite, textOf, valueOf } from './support/island.ts';
import { DATA_VERSION } from '../../src/data/version.ts';

interface Card {
  id: string;
  name: string;
  series: string;
  memoryGB: number;
  launchPriceUsd: number | null;
  fp32Tflops: number;
  tensorFp16Fp32AccTflops: number | null;
  boardPowerW: number;
  sources: { title: string; fields: string[] }[];
  singleSource?: { field: string }[];
}
const DATA_DIR = 'src/data/gpus';
const cards: Card[] = readdirSync(DATA_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${DATA_DIR}/${f}`, 'utf8')) as Card);

// The spec pages are static: the harness's page checks (console, failed and foreign requests, a screenshot on failure) apply.
const site = islandSuite({ path: '/gpus/', root: 'main' });
const onPage = (path: string, name: string, body: (page: Page) => Promise<void>) => site.visit(name, path, (page) => body(page));
/** Waits until every island on the page has hydrated. */
const hydrated = (page: Page) => page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')));
const browser = { newContext: (options?: BrowserContextOptions) => site.browser().newContext(options) };

/** Minimal RFC 4180 reader: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe.concurrent('/gpus/: all cards in one table', () => {
  it('renders every card without JavaScript, never blank, with the filters hidden', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    try {
      await page.goto(`${origin()}/gpus/`);
      const rows = page.locator('#all-cards tbody tr');
      await expect(rows.count()).resolves.toBe(cards.length);
      await expect(page.locator('#spec-filters').isVisible()).resolves.toBe(false);
      await textOf(page.getByTestId('shown-count'), String(cards.length));
      const link = page.locator('#all-cards tbody a', { hasText: cards.find((c) => c.id === 'rtx-4090')!.name }).first();
      await expect(link.getAttribute('href')).resolves.toBe('/gpus/rtx-4090/');
      const blanks = await page.locator('#all-cards tbody td').evaluateAll((tds) => tds.filter((td) => td.textContent!.trim() === '').length);
      expect(blanks).toBe(0);
    } finally {
      await noJs.close();
    }
  });

  it('sorts with the keyboard: header buttons set aria-sort and reorder the rows', async () => {
    await onPage('/gpus/', 'specs-sort', async (page) => {
      const memoryHeader = page.locator('#all-cards th[data-sort-key="memory"]');
      const button = memoryHeader.getByRole('button');
      await button.focus();
      await page.keyboard.press('Enter');
      // The first press puts the largest first; the second reverses.
      await expect(memoryHeader.getAttribute('aria-sort')).resolves.toBe('descending');
      const memories = () => page.locator('#all-cards tbody tr').evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset['memory'])));
      const desc = await memories();
      expect(desc[0]).toBe(Math.max(...cards.map((c) => c.memoryGB)));
      await page.keyboard.press('Space');
      await expect(memoryHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
      const asc = await memories();
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      // Only the sorted column carries aria-sort.
      await expect(page.locator('#all-cards th[aria-sort]').count()).resolves.toBe(1);
      // Prices: unpublished prices stay last in both directions.
      const priceButton = page.locator('#all-cards th[data-sort-key="price"]').getByRole('button');
      await priceButton.focus();
      await page.keyboard.press('Enter');
      const prices = await page.locator('#all-cards tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['price'] ?? ''));
      const firstEmpty = prices.indexOf('');
      if (firstEmpty >= 0) expect(prices.slice(firstEmpty).every((p) => p === '')).toBe(true);
    });
  });

  it('filters with the keyboard and shows the count of shown rows', async () => {
    await onPage('/gpus/', 'specs-filter', async (page) => {
      const visibleRows = page.locator('#all-cards tbody tr:not([hidden])');
      // Series: the first option after "All series" is the first series in the data.
      const series = page.getByLabel('Series', { exact: true });
      await series.focus();
      await page.keyboard.press('ArrowDown');
      const chosen = await series.inputValue();
      const inSeries = cards.filter((c) => c.series === chosen).length;
      expect(inSeries).toBeGreaterThan(0);
      await textOf(page.getByTestId('shown-count'), new RegExp(`^${inSeries}$`));
      await expect(visibleRows.count()).resolves.toBe(inSeries);
      await page.keyboard.press('ArrowUp'); // back to all series

      const memory = page.getByLabel('Minimum memory (GB)');
      await memory.focus();
      await page.keyboard.type('24');
      const big = cards.filter((c) => c.memoryGB >= 24);
      await textOf(page.getByTestId('shown-count'), new RegExp(`^${big.length}$`));
      const price = page.getByLabel('Maximum launch price (USD)');
      await page.keyboard.press('Tab');
      await expect(price.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await page.keyboard.type('2000');
      const affordable = big.filter((c) => c.launchPriceUsd !== null && c.launchPriceUsd <= 2000);
      await textOf(page.getByTestId('shown-count'), new RegExp(`^${affordable.length}$`));
      const shownIds = await visibleRows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['id']));
      expect(shownIds.sort()).toEqual(affordable.map((c) => c.id).sort());

      // A bad number keeps the last valid filter and says so.
      await page.keyboard.press('Control+A');
      await page.keyboard.type('-5');
      await expect(price.getAttribute('aria-invalid')).resolves.toBe('true');
      await textOf(page.locator('#filter-price-msg'), 'last valid value');
      await textOf(page.getByTestId('shown-count'), new RegExp(`^${affordable.length}$`));

      // Clear filters from the keyboard.
      await page.getByRole('button', { name: 'Clear filters' }).focus();
      await page.keyboard.press('Enter');
      await textOf(page.getByTestId('shown-count'), new RegExp(`^${cards.length}$`));
    });
  });
});

describe.concurrent('/gpus/: sorting, filters and value columns', () => {
  it('puts the fastest first on the first click of a TFLOPS column and records the view in the address', async () => {
    await onPage('/gpus/', 'specs-sort-url', async (page) => {
      const header = page.locator('#all-cards th[data-sort-key="fp16"]');
      await header.getByRole('button').click();
      await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
      const firstId = await page.locator('#all-cards tbody tr').first().getAttribute('data-id');
      const fastest = Math.max(...cards.map((c) => c.tensorFp16Fp32AccTflops ?? 0));
      expect(cards.find((c) => c.id === firstId)!.tensorFp16Fp32AccTflops).toBe(fastest);
      await page.waitForFunction(() => new URL(location.href).search === '?sort=fp16&order=descending', undefined, { timeout: 5000 });
      await page.getByLabel('Series', { exact: true }).selectOption('geforce-40');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('series') === 'geforce-40', undefined, { timeout: 5000 });
    });
  });

  it('restores sort and filters from the address, ignoring values it cannot use', async () => {
    await onPage('/gpus/?sort=memory&order=ascending&series=geforce-30&minMemory=10&maxPrice=abc', 'specs-url-restore', async (page) => {
      await page.waitForFunction(() => document.querySelector('#all-cards th[data-sort-key="memory"]')?.getAttribute('aria-sort') === 'ascending', undefined, { timeout: 5000 });
      await valueOf(page.getByLabel('Series', { exact: true }), 'geforce-30');
      await valueOf(page.getByLabel('Minimum memory (GB)'), '10');
      await valueOf(page.getByLabel('Maximum launch price (USD)'), '');
      const expected = cards.filter((c) => c.series === 'geforce-30' && c.memoryGB >= 10);
      await textOf(page.getByTestId('shown-count'), new RegExp(`^${expected.length}$`));
      const shown = await page.locator('#all-cards tbody tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset['memory'])));
      expect(shown).toEqual([...shown].sort((a, b) => a - b));
    });
  });

  it('shows value columns: tensor TFLOPS and GB per $1,000, TFLOPS per watt', async () => {
    await onPage('/gpus/', 'specs-value-columns', async (page) => {
      const r4090 = cards.find((c) => c.id === 'rtx-4090')!;
      const cell = async (key: string) => {
        const index = await page.locator('#all-cards thead th').evaluateAll((ths, k) => ths.findIndex((th) => (th as HTMLElement).dataset['sortKey'] === k), key);
        return page.locator('#all-cards tbody tr[data-id="rtx-4090"] > *').nth(index).textContent();
      };
      // 165.2 TFLOPS / 1.599 thousand dollars = 103.3; 24 GB / 1.599 = 15.0; 165.2 / 450 W = 0.367.
      expect(r4090.tensorFp16Fp32AccTflops).toBe(165.2);
      expect(r4090.launchPriceUsd).toBe(1599);
      await expect(cell('tflops-per-kusd')).resolves.toBe('103');
      await expect(cell('gb-per-kusd')).resolves.toBe('15');
      await expect(cell('tflops-per-watt')).resolves.toBe('0.367');
      // A card without a published price reads n/a, never NaN.
      await expect(page.locator('#all-cards tbody tr[data-id="h100-sxm"]').textContent()).resolves.toContain('n/a');
      await expect(page.locator('#all-cards').textContent()).resolves.not.toMatch(/NaN|Infinity|undefined/);
    });
  });
});

describe.concurrent('card pages', () => {
  it('shows where documents disagree, each figure with its source, and marks single-source values', async () => {
    await onPage('/gpus/l40s/', 'specs-disagreement', async (page) => {
      const row = page.locator('#tensor-bf16');
      const text = await textOf(row.getByTestId('disagreement'), '362.05');
      expect(text).toContain('366.5');
      expect(text).toMatch(/\b362\b(?!\.)/);
      expect(text).toContain('(used)');
      const links = await row.locator('.disagreement a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.length).toBe(3);
      for (const href of links) await expect(page.locator(href!).count()).resolves.toBe(1);
      await textOf(row.locator('.spec-notes'), 'Tensor Cores');
    });
    await onPage('/gpus/t4/', 'specs-disagreement-t4', async (page) => {
      const text = await textOf(page.locator('#memory-bandwidth').getByTestId('disagreement'), '300');
      expect(text).toContain('320');
    });
    // Any card whose PCIe lane count rests on one document (the RTX 4090's now has two).
    const card = cards.find((c) => c.singleSource?.some((m) => m.field === 'pcieLanes') && c.sources[0]?.fields.includes('cudaCores'));
    expect(card).toBeDefined();
    await onPage(`/gpus/${card!.id}/`, 'specs-single-source', async (page) => {
      await textOf(page.locator('#pcie').getByTestId('single-source'), 'one source');
      await textOf(page.locator('#pcie .spec-notes'), 'One source');
      // Two-source values carry no mark.
      await expect(page.locator('#memory').getByTestId('single-source').count()).resolves.toBe(0);
      // Sources name the rows they support, not record keys.
      const supports = await page.locator('ol.sources .supports').allTextContents();
      for (const line of supports) expect(line).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
      await textOf(page.locator('ol.sources .supports').first(), 'CUDA cores');
      // Every id on the page is unique, so #memory is the row, not a heading.
      const dupes = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      });
      expect(dupes).toEqual([]);
      await expect(page.locator('#memory').evaluate((el) => el.tagName)).resolves.toBe('TR');
    });
  });

  it('rtx-4090: every row has an anchor and a # link, footnotes resolve, citation has permalink and version', async () => {
    await onPage('/gpus/rtx-4090/', 'specs-card', async (page) => {
      const rows = page.locator('table.card-spec tbody tr');
      const info = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          id: tr.id,
          hash: tr.querySelector('a.row-anchor')?.getAttribute('href') ?? '',
          hashText: tr.querySelector('a.row-anchor')?.textContent ?? '',
          value: tr.querySelector('.spec-value .value')?.textContent?.trim() ?? '',
          refs: [...tr.querySelectorAll('.refs a')].map((a) => a.getAttribute('href') ?? ''),
        })),
      );
      expect(info.length).toBeGreaterThan(25);
      for (const row of info) {
        expect(row.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(row.hash).toBe(`#${row.id}`);
        expect(row.hashText).toBe('#');
        expect(row.value).not.toBe('');
      }
      const ids = info.map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining(['tensor-fp16-fp32acc', 'memory-bandwidth', 'tensor-fp8', 'launch-price']));
      const card = cards.find((c) => c.id === 'rtx-4090')!;
      await expect(page.locator('ol.sources > li').count()).resolves.toBe(card.sources.length);
      const refs = [...new Set(info.flatMap((r) => r.refs))];
      expect(refs.length).toBe(card.sources.length);
      for (const ref of refs) await expect(page.locator(ref).count(), ref).resolves.toBe(1);
      // Following a footnote lands on its source.
      await page.locator('#memory-bandwidth .refs a').first().click();
      expect(new URL(page.url()).hash).toMatch(/^#source-\d+$/);
      // Units in the header, and the FP4 row (no FP4 on Ada) reads "not supported".
      await textOf(page.locator('#memory-bandwidth th'), 'GB/s');
      await textOf(page.locator('#tensor-fp4 .value'), 'not supported');
      // Notes beside the value they concern.
      await textOf(page.locator('#tensor-fp8 .spec-notes'), 'accumulate');
      // Citation.
      const bib = (await page.getByTestId('bibtex').textContent()) ?? '';
      const plain = (await page.getByTestId('plain-citation').textContent()) ?? '';
      for (const text of [bib, plain]) {
        expect(text).toMatch(/https:\/\/[^/\s]+\/gpus\/rtx-4090\//);
        expect(text).toContain(DATA_VERSION);
      }
      await textOf(page.getByTestId('data-version'), DATA_VERSION);
      // Neighbours and the compare link.
      await expect(page.locator('nav.neighbours a[rel="next"]').count()).resolves.toBe(1);
      const compare = await page.getByTestId('compare-link').getAttribute('href');
      expect(compare).toMatch(/^\/gpus\/compare\/\?ids=rtx-4090,[a-z0-9-]+$/);
    });
  });

  it('a row anchor in the address scrolls to and highlights that row', async () => {
    await onPage('/gpus/rtx-3090/#memory-bandwidth', 'specs-anchor', async (page) => {
      await expect(page.locator('#memory-bandwidth').evaluate((el) => el.matches(':target'))).resolves.toBe(true);
      const top = await page.locator('#memory-bandwidth').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(800);
    });
  });

  it('every card page has row anchors, and every footnote points at a listed source', async () => {
    for (const card of cards) {
      const html = await (await fetch(`${origin()}/gpus/${card.id}/`)).text();
      const rowIds = [...html.matchAll(/<tr id="([a-z0-9-]+)"/g)].map((m) => m[1]);
      expect(rowIds.length, card.id).toBeGreaterThan(25);
      expect(rowIds, card.id).toContain('tensor-fp16-fp32acc');
      const sources = new Set([...html.matchAll(/<li id="(source-\d+)"/g)].map((m) => m[1]));
      expect(sources.size, card.id).toBe(card.sources.length);
      const refs = new Set([...html.matchAll(/href="#(source-\d+)"/g)].map((m) => m[1]));
      for (const ref of refs) expect(sources.has(ref), `${card.id} ${ref}`).toBe(true);
      expect(html, card.id).toContain(DATA_VERSION);
      expect(html, card.id).not.toMatch(/class="value"><\/span>/);
    }
  });

  it('prints cleanly: no sidebar, no buttons or # links, full-width tables', async () => {
    await onPage('/gpus/rtx-4090/', 'specs-print', async (page) => {
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.sidebar-pane').first().isVisible()).resolves.toBe(false);
      await expect(page.locator('a.row-anchor').first().isVisible()).resolves.toBe(false);
      await expect(page.locator('header').first().isVisible()).resolves.toBe(false);
      const widths = await page.locator('table.card-spec').first().evaluate((t) => [t.getBoundingClientRect().width, (t.closest('.sl-markdown-content') as HTMLElement).getBoundingClientRect().width]);
      expect(widths[0]).toBeGreaterThanOrEqual((widths[1] ?? 0) - 2);
    });
  });
});

describe.concurrent('series pages', () => {
  it('each series has an overview with a table and facts computed from the data', async () => {
    for (const series of ['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50', 'reference']) {
      const inSeries = cards.filter((c) => c.series === series);
      const res = await fetch(`${origin()}/gpus/series/${series}/`);
      expect(res.status, series).toBe(200);
      const html = await res.text();
      expect(html).toContain('What changed for deep learning');
      for (const c of inSeries) expect(html, `${series} ${c.id}`).toContain(`href="/gpus/${c.id}/"`);
      if (inSeries.length) expect(html).toContain(`to ${Math.max(...inSeries.map((c) => c.memoryGB)).toLocaleString('en-US')} GB`);
    }
  });
});

describe.concurrent('/gpus/compare/', () => {
  const name = (id: string) => cards.find((c) => c.id === id)!.name;

  it('shows the default pair as static HTML without JavaScript, winners in words', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    try {
      await page.goto(`${origin()}/gpus/compare/`);
      const heads = await page.locator('[data-testid="compare-table"] thead th[data-id]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-id')));
      expect(heads).toEqual(['rtx-3090', 'rtx-4090']);
      await textOf(page.locator('tr[data-row="fp32"] td[data-winner="true"]'), 'higher');
    } finally {
      await noJs.close();
    }
  });

  it('reads ?ids and marks the better value in each row in words', async () => {
    await onPage('/gpus/compare/?ids=rtx-3090,rtx-4090', 'specs-compare-pair', async (page) => {
      await hydrated(page);
      const fp32 = page.locator('tr[data-row="fp32"] td');
      await textOf(fp32.nth(1), 'higher');
      await expect(fp32.nth(0).textContent()).resolves.not.toContain('higher');
      await textOf(page.locator('tr[data-row="board-power"] td[data-winner="true"]'), 'lower');
      // FP8: the 3090 has none, so the 4090's value is the higher one.
      await textOf(page.locator('tr[data-row="tensor-fp8"] td').nth(0), 'not supported');
      await textOf(page.locator('tr[data-row="tensor-fp8"] td').nth(1), 'higher');
    });
    await onPage('/gpus/compare/?ids=rtx-3090,rtx-4090,rtx-5090', 'specs-compare-three', async (page) => {
      await hydrated(page);
      await textOf(page.locator('[data-testid="compare-table"] thead'), name('rtx-5090'));
      await textOf(page.locator('tr[data-row="memory"] td').nth(2), 'best (highest)');
      await valueOf(page.getByLabel('Card 3 (optional)'), 'rtx-5090');
    });
  });

  it('lets the reader pick cards with labelled selects and keeps the choice in the URL', async () => {
    await onPage('/gpus/compare/', 'specs-compare-pick', async (page) => {
      await hydrated(page);
      await page.getByLabel('Card 1', { exact: true }).selectOption('rtx-5090');
      await page.getByLabel('Card 4 (optional)').selectOption('rtx-3060-12gb');
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get('ids') === 'rtx-5090,rtx-4090,rtx-3060-12gb', undefined, { timeout: 5000 });
      await expect(page.locator('[data-testid="compare-table"] thead th[data-id]').count()).resolves.toBe(3);
      // Keyboard: focus the optional select and choose "none" again.
      const fourth = page.getByLabel('Card 4 (optional)');
      await fourth.focus();
      await page.keyboard.press('Home');
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get('ids') === 'rtx-5090,rtx-4090', undefined, { timeout: 5000 });
      // Choosing a card twice is refused with a message.
      await page.getByLabel('Card 2', { exact: true }).selectOption('rtx-5090');
      await textOf(page.getByTestId('compare-message'), 'already');
    });
  });

  it('survives garbage ids: a clear message, the default pair, no injected markup', async () => {
    await onPage(`/gpus/compare/?ids=${encodeURIComponent('<script>')},nope`, 'specs-compare-garbage', async (page) => {
      await hydrated(page);
      const msg = await textOf(page.getByTestId('compare-message'), 'nope');
      expect(msg).toContain('<script>');
      await expect(page.locator('section.compare script').count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="compare-table"] thead th[data-id]').count()).resolves.toBe(2);
      const text = (await page.locator('section.compare').textContent()) ?? '';
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    });
    await onPage('/gpus/compare/?ids=rtx-4090', 'specs-compare-one', async (page) => {
      await hydrated(page);
      await textOf(page.getByTestId('compare-message'), 'fewer than two');
      await expect(page.locator('[data-testid="compare-table"] thead th[data-id]').count()).resolves.toBe(2);
    });
  });
});

describe.concurrent('downloads', () => {
  it('/gpus.json parses and has every card with its sources, the data version and a licence', async () => {
    const res = await fetch(`${origin()}/gpus.json`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dataVersion: string; license: string; count: number; cards: Card[] };
    expect(body.dataVersion).toBe(DATA_VERSION);
    expect(body.license).toContain('CC BY 4.0');
    expect(body.cards.length).toBe(cards.length);
    expect(body.count).toBe(cards.length);
    expect(new Set(body.cards.map((c) => c.id))).toEqual(new Set(cards.map((c) => c.id)));
    for (const c of body.cards) expect(c.sources.length, c.id).toBeGreaterThan(0);
    const r4090 = body.cards.find((c) => c.id === 'rtx-4090')!;
    expect(r4090.fp32Tflops).toBe(cards.find((c) => c.id === 'rtx-4090')!.fp32Tflops);
  });

  it('/gpus.csv has a header and one row per card, with sources, version and licence', async () => {
    const res = await fetch(`${origin()}/gpus.csv`);
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text());
    const header = rows[0]!;
    expect(header.slice(0, 2)).toEqual(['id', 'name']);
    expect(header).toEqual(expect.arrayContaining(['sources', 'dataVersion', 'license', 'memoryBandwidthGBs']));
    const body = rows.slice(1);
    expect(body.length).toBe(cards.length);
    for (const row of body) expect(row.length).toBe(header.length);
    const col = (name: string) => header.indexOf(name);
    expect(new Set(body.map((r) => r[col('id')]))).toEqual(new Set(cards.map((c) => c.id)));
    for (const row of body) {
      expect(row[col('sources')]).toMatch(/^\[1\] /);
      expect(row[col('dataVersion')]).toBe(DATA_VERSION);
      expect(row[col('license')]).toContain('CC BY 4.0');
    }
  });
});
