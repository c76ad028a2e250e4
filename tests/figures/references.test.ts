import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { chapterReferences, collectReferences, referenceHtml } from '../../src/components/prose/references.ts';

const a = '---\ntitle: Alpha\nsidebar:\n  order: 2\n---\nText\n\n## References\n\n- Zed, *Paper*, 2020.\n- Amy, `code`, 2021.\n- {computed.source}.\n\n## Exercises\n\n- not a reference\n';
const b = '---\ntitle: Beta\nsidebar:\n  order: 1\n---\n## References\n\n- Zed, *Paper*, 2020.\n';

describe('references page helpers', () => {
  it('reads only the bullets of the References section', () => {
    expect(chapterReferences(a)).toEqual({ title: 'Alpha', order: 2, items: ['Zed, *Paper*, 2020.', 'Amy, `code`, 2021.'] });
  });
  it('merges identical entries and lists the citing chapters in reading order', () => {
    const list = collectReferences({ './learn/alpha.mdx': a, './learn/beta.mdx': b });
    expect(list.map((r) => r.text)).toEqual(['Amy, `code`, 2021.', 'Zed, *Paper*, 2020.']);
    expect(list[1]!.chapters.map((c) => c.href)).toEqual(['/learn/beta/', '/learn/alpha/']);
  });
  it('sorts a chapter with a fractional sidebar order between its integer neighbours', () => {
    const c = '---\ntitle: Gamma\nsidebar:\n  order: 1.5\n---\n## References\n\n- Zed, *Paper*, 2020.\n';
    expect(chapterReferences(c).order).toBe(1.5);
    const list = collectReferences({ './learn/alpha.mdx': a, './learn/beta.mdx': b, './learn/gamma.mdx': c });
    expect(list[1]!.chapters.map((ch) => ch.href)).toEqual(['/learn/beta/', '/learn/gamma/', '/learn/alpha/']);
  });
  it('renders emphasis and code, and escapes markup', () => {
    expect(referenceHtml('*A* `b` <i>')).toBe('<em>A</em> <code>b</code> &lt;i&gt;');
  });
});

describe('references page helpers, Chinese edition', () => {
  const zh = '---\ntitle: 甲\nsidebar:\n  order: 3\n---\n正文\n\n## 参考文献\n\n- Zed, *Paper*, 2020：某个结论。\n\n## 练习\n\n- 不是文献\n';
  it('reads the 参考文献 section and links the Chinese chapter', () => {
    expect(chapterReferences(zh, 'zh-cn').items).toEqual(['Zed, *Paper*, 2020：某个结论。']);
    expect(chapterReferences(zh).items).toEqual([]);
    const list = collectReferences({ './learn/alpha.mdx': zh }, 'zh-cn');
    expect(list[0]!.chapters).toEqual([{ title: '甲', href: '/zh-cn/learn/alpha/', order: 3 }]);
  });

  it('every Chinese chapter lists as many references as its English twin', () => {
    const en = import.meta.glob('../../src/content/docs/learn/*.mdx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const cn = import.meta.glob('../../src/content/docs/zh-cn/learn/*.mdx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    const slug = (path: string) => /([^/]+)\.mdx$/.exec(path)![1]!;
    const counts = (sources: Record<string, string>, locale?: 'zh-cn') => Object.fromEntries(Object.entries(sources).map(([p, s]) => [slug(p), chapterReferences(s, locale).items.length]));
    const enCounts = counts(en);
    expect(Object.keys(enCounts).length).toBeGreaterThanOrEqual(14);
    expect(Object.values(enCounts).every((n) => n > 0)).toBe(true);
    expect(counts(cn, 'zh-cn')).toEqual(enCounts);
  });
});

describe('the chapters’ reference entries', () => {
  it('are plain text with Markdown emphasis or code only: no math or HTML, which the references page would print raw', () => {
    for (const [dir, locale] of [['src/content/docs/learn', 'en'], ['src/content/docs/zh-cn/learn', 'zh-cn']] as const) {
      const sources = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => [`./learn/${f}`, readFileSync(`${dir}/${f}`, 'utf8')]));
      const entries = collectReferences(sources, locale);
      expect(entries.length).toBeGreaterThan(20);
      const raw = entries.filter((e) => /\$[^$]+\$|<\/?[a-z]+[\s>]/i.test(e.text)).map((e) => e.text);
      expect(raw, locale).toEqual([]);
    }
  });
});
