import katex from 'katex';
import rehypeKatex from 'rehype-katex';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { KATEX_OPTIONS, rehypeStripTexAnnotation, stripTexAnnotation } from '../../src/plugins/katex.mjs';

const tex = String.raw`\frac{a_1}{x^2} < 3`;

describe('the site’s KaTeX output', () => {
  it('<Tex>: the picture is hidden from screen readers, the MathML beside it is not, and neither repeats the TeX source', () => {
    const html = stripTexAnnotation(katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: true }));
    expect(html).toMatch(/<span class="katex-html" aria-hidden="true">/);
    expect(html).toMatch(/<math display="block">/);
    // The MathML keeps the formula's content: the fraction, the subscript, the relation (escaped).
    expect(html).toMatch(/<mfrac>/);
    expect(html).toMatch(/<msub>/);
    expect(html).toContain('<mo>&lt;</mo>');
    expect(html).not.toContain('<annotation');
    expect(html).not.toContain('xmlns=');
  });

  it('Markdown math goes through the same options and loses the same two parts', () => {
    // The hast remark-math hands to rehype-katex: one inline and one display formula.
    const formula = (display: boolean) => ({ type: 'element', tagName: 'code', properties: { className: ['language-math', display ? 'math-display' : 'math-inline'] }, children: [{ type: 'text', value: tex }] });
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [formula(false)] }, { type: 'element', tagName: 'pre', properties: {}, children: [formula(true)] }] };
    (rehypeKatex as unknown as (o: object) => (t: object) => void)(KATEX_OPTIONS)(tree);
    rehypeStripTexAnnotation()(tree);
    const tags: string[] = [];
    const mathAttributes: object[] = [];
    visit(tree as never, 'element', (node: { tagName: string; properties: object }) => {
      tags.push(node.tagName);
      if (node.tagName === 'math') mathAttributes.push(node.properties);
    });
    expect(tags.filter((t) => t === 'math')).toHaveLength(2);
    expect(tags).toContain('semantics');
    expect(tags).toContain('mfrac');
    expect(tags).not.toContain('annotation');
    for (const props of mathAttributes) expect(props).not.toHaveProperty('xmlns');
  });
});
