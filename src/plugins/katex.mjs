/**
 * One set of KaTeX options for the whole site: Markdown math (rehype-katex, astro.config.mjs) and build-time formulas
 * (`<Tex>`, src/components/prose/Tex.astro) render the same way.
 *
 * Output is HTML for the eye plus MathML for assistive technology (KaTeX's `htmlAndMathml`): KaTeX marks its HTML
 * `aria-hidden`, so HTML alone leaves every formula silent to a screen reader. Two parts of KaTeX's MathML are dropped
 * as dead weight: the TeX-source annotation (no screen reader reads it; it repeats each formula's source, about 2 KB raw
 * per chapter) and the `xmlns` attribute (an HTML parser puts `<math>` in the MathML namespace by itself).
 */
import { visit, SKIP } from 'unist-util-visit';

/**
 * Options for `katex.renderToString` and rehype-katex.
 * @type {Readonly<{ output: 'htmlAndMathml'; strict: 'error' }>}
 */
export const KATEX_OPTIONS = Object.freeze({ output: 'htmlAndMathml', strict: 'error' });

/** Removes KaTeX's `<annotation encoding="application/x-tex">` (TeX inside is escaped, so it holds no `<`) and `<math>`'s xmlns. */
export function stripTexAnnotation(html) {
  return html
    .replace(/<annotation encoding="application\/x-tex">[^<]*<\/annotation>/g, '')
    .replaceAll('<math xmlns="http://www.w3.org/1998/Math/MathML"', '<math');
}

/** Rehype plugin, run after rehype-katex: the same removal on the syntax tree. */
export function rehypeStripTexAnnotation() {
  return (tree) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'math') delete node.properties.xmlns;
      if (node.tagName !== 'annotation' || !parent || index === undefined) return undefined;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
