/** Pure helpers behind the spec pages: row catalogue, footnotes, citations, CSV and the compare page's ?ids parsing. */
import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { SOURCED_FIELDS } from '../../src/lib/hardware/schema.ts';
import { GROUPS, SPEC_ROWS, disagreementsFor, fieldLabel, footnotesFor, notesFor, ordinal, presentSeries, rowHeader } from '../../src/components/specs/rows.ts';
import { bibtex, bibtexEscape, plainReference } from '../../src/components/specs/cite.ts';
import { CSV_COLUMNS, csvCell, toCsv } from '../../src/components/specs/downloads.ts';
import { parseIds } from '../../src/components/specs/compare-ids.ts';
import { factSentences, ratioText } from '../../src/components/specs/series-text.ts';
import { seriesFacts } from '../../src/lib/hardware/specs.ts';

const cards = loadGpus();
const rtx4090 = cards.find((c) => c.id === 'rtx-4090')!;

describe('spec rows', () => {
  it('gives every group heading and row a distinct anchor (a row link never lands on a heading)', () => {
    const anchors = [...GROUPS.map((g) => g.anchor), ...SPEC_ROWS.map((r) => r.anchor), 'sources', 'cite', 'cite-bibtex', 'cite-plain', 'series-neighbours'];
    expect(new Set(anchors).size).toBe(anchors.length);
  });
  it('lists each series present once, in the site’s series order, and none that has no card', () => {
    expect(presentSeries([{ series: 'geforce-40' }, { series: 'reference' }, { series: 'geforce-10' }, { series: 'geforce-40' }])).toEqual(['geforce-10', 'geforce-40', 'reference']);
    expect(presentSeries([])).toEqual([]);
  });
  it('names fields by their row labels, not their record keys', () => {
    expect(fieldLabel('tensorFp16Fp16AccTflops')).toBe('Tensor FP16, FP16 accumulate (TFLOPS)');
    expect(fieldLabel('cudaCores')).toBe('CUDA cores (count)');
    for (const f of SOURCED_FIELDS) expect(fieldLabel(f), f).not.toMatch(/[a-z][A-Z]/);
  });
  it('shows each disagreeing figure with the footnote of the source that prints it', () => {
    const l40s = loadGpus().find((g) => g.id === 'l40s')!;
    const [d] = disagreementsFor(l40s, ['bf16Tflops']);
    expect(d!.figures.map((f) => f.text)).toEqual(['362.05', '362', '366.5']);
    for (const f of d!.figures) expect(l40s.sources[f.footnote - 1]).toBeDefined();
    expect(d!.figures.filter((f) => f.used).map((f) => f.text)).toEqual(['366.5']);
  });
  it('have unique kebab-case anchors, including the documented ones', () => {
    const anchors = SPEC_ROWS.map((r) => r.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const a of anchors) expect(a).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(anchors).toEqual(expect.arrayContaining(['tensor-fp16-fp32acc', 'memory-bandwidth', 'launch-price', 'recommended-psu']));
  });
  it('cover every sourced field, so every sourced value is on the card page', () => {
    const covered = new Set(SPEC_ROWS.flatMap((r) => r.fields as string[]));
    for (const f of SOURCED_FIELDS) expect(covered, f).toContain(f);
  });
  it('never read blank: nulls read "not supported" or, for price and PSU, "not published"', () => {
    for (const card of cards) {
      for (const row of SPEC_ROWS) {
        const text = row.text(card);
        expect(text.trim(), `${card.id} ${row.anchor}`).not.toBe('');
        expect(text).not.toMatch(/NaN|undefined|null|Infinity/);
      }
    }
    const noPrice = { ...rtx4090, launchPriceUsd: null, recommendedPsuW: null, fp4Tflops: null };
    expect(SPEC_ROWS.find((r) => r.anchor === 'launch-price')!.text(noPrice)).toBe('not published');
    expect(SPEC_ROWS.find((r) => r.anchor === 'recommended-psu')!.text(noPrice)).toBe('not published');
    expect(SPEC_ROWS.find((r) => r.anchor === 'tensor-fp4')!.text(noPrice)).toBe('not supported');
  });
  it('show the stored value exactly, with units in the header', () => {
    expect(SPEC_ROWS.find((r) => r.anchor === 'memory-bandwidth')!.text(rtx4090)).toBe('1,008');
    expect(rowHeader(SPEC_ROWS.find((r) => r.anchor === 'memory-bandwidth')!)).toBe('Memory bandwidth (GB/s)');
    expect(ordinal(1)).toBe('1st');
    expect(ordinal(2)).toBe('2nd');
    expect(ordinal(4)).toBe('4th');
    expect(ordinal(11)).toBe('11th');
  });
  it('footnote every non-null sourced value on every card', () => {
    for (const card of cards) {
      for (const row of SPEC_ROWS) {
        const sourced = row.fields.filter((f) => (SOURCED_FIELDS as readonly string[]).includes(f) && card[f] !== null);
        if (sourced.length) expect(footnotesFor(card, sourced).length, `${card.id} ${row.anchor}`).toBeGreaterThan(0);
      }
    }
    expect(notesFor(rtx4090, ['fp8Tflops']).length).toBeGreaterThan(0);
  });
});

describe('citations', () => {
  const input = { id: 'rtx-4090', name: 'GeForce RTX 4090', permalink: 'https://example.org/gpus/rtx-4090/', dataVersion: '2026.11.0', dataDate: '2026-11-01', siteTitle: 'GPUs for Large Models' };
  it('BibTeX and plain text both carry the permalink and the data version', () => {
    for (const text of [bibtex(input), plainReference(input)]) {
      expect(text).toContain('https://example.org/gpus/rtx-4090/');
      expect(text).toContain('2026.11.0');
    }
    expect(bibtex(input)).toMatch(/^@misc\{gpuspecs-rtx-4090,/);
  });
  it('escapes BibTeX specials', () => {
    expect(bibtexEscape('A & B_1 50%')).toBe('A \\& B\\_1 50\\%');
  });
});

describe('CSV', () => {
  it('quotes cells with commas, quotes or line breaks and leaves nulls empty', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });
  it('has a column for every field of a record', () => {
    const columns = new Set<string>(CSV_COLUMNS);
    for (const key of Object.keys(rtx4090)) {
      if (key === 'nvlink') expect(columns).toContain('nvlinkBandwidthGBs');
      else expect(columns, key).toContain(key);
    }
  });
  it('has a header and one line per card, every line with every column', () => {
    const csv = toCsv(cards, { site: new URL('https://example.org/'), dataVersion: '9.9.9', license: 'CC BY 4.0, see x' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.length).toBe(cards.length + 1);
    expect(lines[1]).toContain('https://example.org/gpus/');
    expect(lines[1]).toContain('9.9.9');
  });
});

describe('compare ids', () => {
  const known = new Set(['rtx-3090', 'rtx-4090', 'rtx-5090', 'a10', 'l4']);
  it('reads known ids in order, once each', () => {
    expect(parseIds('?ids=rtx-3090,rtx-4090,rtx-3090', known)).toEqual({ ids: ['rtx-3090', 'rtx-4090'], unknown: [], tooMany: false });
  });
  it('separates unknown and garbage ids', () => {
    const r = parseIds(`?ids=${encodeURIComponent('<script>')},nope,rtx-4090`, known);
    expect(r.ids).toEqual(['rtx-4090']);
    expect(r.unknown).toEqual(['<script>', 'nope']);
  });
  it('caps at four cards and shortens long garbage', () => {
    expect(parseIds('?ids=rtx-3090,rtx-4090,rtx-5090,a10,l4', known)).toMatchObject({ ids: ['rtx-3090', 'rtx-4090', 'rtx-5090', 'a10'], tooMany: true });
    expect(parseIds(`?ids=${'x'.repeat(100)}`, known).unknown[0]?.length).toBe(41);
    expect(parseIds('', known)).toEqual({ ids: [], unknown: [], tooMany: false });
  });
});

describe('series text', () => {
  it('words rates relative to FP32', () => {
    expect(ratioText(1 / 64)).toBe('1/64 of the FP32 rate');
    expect(ratioText(1)).toBe('the FP32 rate');
    expect(ratioText(2)).toBe('2× the FP32 rate');
  });
  it('states the biggest memory from the data', () => {
    const g30 = cards.filter((c) => c.series === 'geforce-30');
    const text = factSentences(seriesFacts(g30)).join(' ');
    expect(text).toContain(`to ${Math.max(...g30.map((c) => c.memoryGB))} GB`);
    expect(factSentences(seriesFacts([]))).toEqual([]);
  });
});
