import { describe, expect, it } from 'vitest';
import { conceptMapFigure } from '../../src/components/figures/concept-map.ts';
import { graphFigure } from '../../src/components/figures/graph.ts';
import { mmaFigure } from '../../src/components/figures/mma.ts';
import { pipelineFigure, pipelineSchedule } from '../../src/components/figures/pipeline.ts';
import { ringFigure } from '../../src/components/figures/ring.ts';
import { rooflineFigure } from '../../src/components/figures/roofline.ts';
import { stridesFigure } from '../../src/components/figures/strides.ts';
import { esc, type LocalisedSvg } from '../../src/components/figures/svg.ts';
import { zeroFigure } from '../../src/components/figures/zero.ts';
import { BUILD_LOCALES, buildLocale, CHROME_WORDS } from '../../src/i18n/build-words.ts';
import { RTX_4090 } from '../lib/fixtures.ts';

const figures: [string, LocalisedSvg][] = [
  ['zero', zeroFigure('z', 4, [{ label: 'DDP', sharded: { params: false, grads: false, optimizer: false }, perCard: '1 GiB' }, { label: 'ZeRO-3', sharded: { params: true, grads: true, optimizer: true }, perCard: '0.25 GiB' }])],
  ['ring', ringFigure('r', '1 GB')],
  ['pipeline', pipelineFigure('p', 4, 8)],
  ['graph', graphFigure('g')],
  ['strides', stridesFigure('s', 3, 4, [1, 2])],
  ['mma', mmaFigure('m')],
  ['roofline', rooflineFigure('rf', RTX_4090)],
  ['concept', conceptMapFigure('c')],
];
const all: [string, string][] = BUILD_LOCALES.flatMap((locale) => figures.map(([name, draw]): [string, string] => [`${name} (${locale})`, draw(locale)]));

/** The words a reader sees or hears: the text of <title>, <desc> and every <text>, markup removed and entities decoded. */
function visibleText(svg: string): string {
  return [...svg.matchAll(/<(title|desc|text)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join('\n');
}

/** Latin words with two or more letters (hyphenated words count as one), less index names such as m16n8k16. */
const latinWords = (text: string) => new Set((text.match(/[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]/g) ?? []).filter((word) => (word.match(/[A-Za-z]/g)?.length ?? 0) >= 2 && !/^([a-z]\d+)+$/.test(word)));

/**
 * Latin words a Chinese figure may keep: names of methods and instructions (GPipe, ZeRO, DDP, mma.sync, reduce-scatter, as the
 * Chinese chapters write them), number formats, units, the fixture's card name, and the term "logits" that the chapter keeps.
 */
const KEEP_IN_ZH = new Set([
  'GPipe', 'ZeRO', 'ZeRO-3', 'DDP', '1F1B', 'mma', 'sync', 'reduce-scatter', 'all-gather', 'all-reduce', 'warp', 'logits', 'token',
  'FP16', 'BF16', 'FP32', 'fp32', 'MFU', 'KV', 'FLOPs', 'TFLOPS', 'GB', 'GiB', 'GeForce', 'RTX',
]);

describe('figures', () => {
  it.each(all)('%s is an image named by its own title and description', (_, svg) => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    const labelled = /aria-labelledby="([^"]+) ([^"]+)"/.exec(svg);
    expect(labelled).not.toBeNull();
    expect(svg).toContain(`<title id="${labelled![1]}">`);
    expect(svg).toContain(`<desc id="${labelled![2]}">`);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    const title = /<title[^>]*>([^<]*)<\/title>/.exec(svg)![1]!;
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)![1]!;
    expect(title.trim().length).toBeGreaterThan(8);
    expect(desc.length).toBeGreaterThan(title.length);
  });

  it.each(figures)('%s in Chinese leaves no English word untranslated (names, formats and units aside)', (_, draw) => {
    const zh = visibleText(draw('zh-cn'));
    const untranslated = [...latinWords(zh)].filter((word) => !KEEP_IN_ZH.has(word));
    expect(untranslated).toEqual([]);
    // Every English word that is not a kept name must be gone from the Chinese drawing.
    const english = [...latinWords(visibleText(draw('en')))].filter((word) => !KEEP_IN_ZH.has(word));
    expect(english.length).toBeGreaterThan(3);
    for (const word of english) expect(latinWords(zh).has(word)).toBe(false);
    expect(zh).toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it.each(figures)('%s draws the same marks in every locale, only the words differ', (_, draw) => {
    const marks = (svg: string) => svg.replace(/<(title|desc|text)\b([^>]*)>[\s\S]*?<\/\1>/g, '<$1$2/>');
    expect(marks(draw('zh-cn'))).toBe(marks(draw('en')));
  });

  it('picks the table from the Starlight locale, English for the root locale and unknown ones', () => {
    expect(buildLocale('zh-cn')).toBe('zh-cn');
    expect(buildLocale(undefined)).toBe('en');
    expect(buildLocale('root')).toBe('en');
    expect(buildLocale('fr')).toBe('en');
    expect(CHROME_WORDS['zh-cn'].figureRegion('图注')).toContain('图注');
    expect(CHROME_WORDS['zh-cn'].figureRegion('图注')).not.toMatch(/[A-Za-z]/);
    expect(CHROME_WORDS['zh-cn'].formulaRegion).not.toMatch(/[A-Za-z]/);
  });

  it('escapes text so labels cannot become markup', () => {
    expect(esc('<b a="1">&')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;');
  });

  it('strides figure places element [1, 2] of a 3 x 4 matrix at offset 1*4 + 2 = 6', () => {
    for (const locale of BUILD_LOCALES) expect(stridesFigure('s', 3, 4, [1, 2])(locale)).toContain('1·4 + 2·1 = 6');
  });

  it('MMA figure counts 2·16·8·16 = 4096 FLOPs for m16n8k16', () => {
    expect(mmaFigure('m', 16, 8, 16)('en')).toContain('2048 multiply-adds = 4096 FLOPs');
    expect(mmaFigure('m', 16, 8, 16)('zh-cn')).toContain('2048 次乘加 = 4096 次浮点运算');
  });
});

describe('pipelineSchedule', () => {
  it('GPipe idles (p - 1)/(m + p - 1) of the time (Huang et al. 2019, §2.3)', () => {
    for (const [p, m] of [[4, 8], [2, 4], [8, 16]] as const) expect(pipelineSchedule('gpipe', p, m).bubbleFraction).toBeCloseTo((p - 1) / (m + p - 1), 12);
  });
  it('1F1B has the same bubble but holds at most p micro-batches on the first stage (Narayanan et al. 2021, §2.2)', () => {
    const g = pipelineSchedule('gpipe', 4, 8);
    const f = pipelineSchedule('1f1b', 4, 8);
    expect(f.bubbleFraction).toBeCloseTo(g.bubbleFraction, 12);
    expect(g.peakInFlight).toBe(8);
    expect(f.peakInFlight).toBe(4);
  });
  it('schedules every forward and backward exactly once, backward after forward on every stage', () => {
    const f = pipelineSchedule('1f1b', 4, 8);
    expect(f.ops).toHaveLength(2 * 4 * 8);
    for (const o of f.ops.filter((x) => x.kind === 'B')) {
      const fwd = f.ops.find((x) => x.kind === 'F' && x.stage === o.stage && x.micro === o.micro)!;
      expect(o.start).toBeGreaterThanOrEqual(fwd.end);
    }
  });
});
