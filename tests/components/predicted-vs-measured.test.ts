import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import PredictedVsMeasured, { type ScatterPoint } from '../../src/components/charts/PredictedVsMeasured.tsx';

const points: ScatterPoint[] = [
  { id: 'a', category: 'memory', measured: 10, predicted: 11, unit: 'GiB' },
  { id: 'b', category: 'speed', measured: 100, predicted: 150, unit: 'tokens/s' },
];
const categories = [{ id: 'memory', label: 'memory' }, { id: 'speed', label: 'speed' }];
const base = { points, categories, title: 'T', idPrefix: 'p' };
const html = (locale?: 'en' | 'zh-cn') => render(h(PredictedVsMeasured, locale ? { ...base, locale } : base));
/** Text a reader meets: element text and tooltips, markup removed. */
const words = (markup: string) => markup.replace(/<[^>]+>/g, ' ');

describe('PredictedVsMeasured', () => {
  it('keeps its English words by default and counts the points within ±25%', () => {
    const en = html();
    expect(en).toBe(html('en'));
    expect(en).toContain('2 validation cases; 1 of them lie within ±25%');
    expect(en).toContain('measured (GiB or tokens/s, log scale)');
  });

  it('speaks Chinese on a Chinese page, with the same count and no English sentence left', () => {
    const zh = words(html('zh-cn'));
    expect(zh).toContain('2 个验证案例，其中 1 个');
    for (const english of ['measured', 'predicted', 'validation', 'solid line', 'dashed', 'log scale']) expect(zh).not.toContain(english);
  });
});
