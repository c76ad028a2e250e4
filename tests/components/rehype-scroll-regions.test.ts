import { describe, expect, it } from 'vitest';
import rehypeScrollRegions, { localeOfPath } from '../../src/plugins/rehype-scroll-regions.mjs';

/** A hast tree with one bare table and one display formula. */
function tree() {
  const table = { type: 'element', tagName: 'table', properties: {}, children: [] };
  const formula = { type: 'element', tagName: 'span', properties: { className: ['katex-display'] }, children: [] };
  return { type: 'root', children: [table, formula] } as { type: 'root'; children: { properties: Record<string, unknown> }[] };
}

describe('rehype-scroll-regions', () => {
  it('reads the locale from the chapter path', () => {
    const cases: [string | undefined, string][] = [
      ['/site/src/content/docs/zh-cn/learn/vram.mdx', 'zh-cn'],
      ['C:\\site\\src\\content\\docs\\zh-cn\\learn\\vram.mdx', 'zh-cn'],
      ['/site/src/content/docs/learn/vram.mdx', 'en'],
      [undefined, 'en'],
    ];
    for (const [path, locale] of cases) expect(localeOfPath(path), String(path)).toBe(locale);
  });

  it('names the scroll regions in the page language', () => {
    const en = tree();
    rehypeScrollRegions()(en, { path: '/site/src/content/docs/learn/a.mdx' });
    expect(en.children[0]!.properties.ariaLabel).toBe('Table (scrolls sideways on narrow screens)');
    expect(en.children[1]!.properties.ariaLabel).toBe('Formula (scrolls sideways on narrow screens)');
    const zh = tree();
    rehypeScrollRegions()(zh, { path: '/site/src/content/docs/zh-cn/learn/a.mdx' });
    for (const node of zh.children) {
      expect(node.properties.ariaLabel).toMatch(/[\u4e00-\u9fff]/);
      expect(node.properties.ariaLabel).not.toMatch(/[A-Za-z]/);
    }
  });
});
