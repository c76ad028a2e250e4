/**
 * Makes every wide block that may scroll sideways reachable by keyboard (WCAG 2.1.1, axe `scrollable-region-focusable`):
 * each table is wrapped in a focusable, labelled region that scrolls instead of the table, and each display formula gets
 * tabindex="0" with an accessible name. Works on Markdown tables (hast elements) and on tables written as JSX in MDX.
 */
import { visit } from 'unist-util-visit';

/**
 * The regions' names per locale; a page's locale is the first folder of its path under the docs collection (root: English).
 * @type {Record<'en' | 'zh-cn', { table: string; formula: string }>}
 */
const WORDS = {
  en: { table: 'Table (scrolls sideways on narrow screens)', formula: 'Formula (scrolls sideways on narrow screens)' },
  'zh-cn': { table: '表格（窄屏上可左右滚动）', formula: '公式（窄屏上可左右滚动）' },
};

/** The locale of a source file from its path: `…/docs/zh-cn/…` is Chinese, anything else English. */
export function localeOfPath(path) {
  return /[\\/]docs[\\/]zh-cn[\\/]/i.test(path ?? '') ? 'zh-cn' : 'en';
}

const hasClass = (node, name) => {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.includes(name) : typeof c === 'string' && c.split(/\s+/).includes(name);
};

/** Text of a table's caption, if it has one, for the region's name. */
function captionText(table) {
  let text = '';
  visit(table, (n) => n.type === 'element' && n.tagName === 'caption', (caption) => {
    visit(caption, 'text', (t) => {
      text += t.value;
    });
  });
  return text.trim().slice(0, 120);
}

export default function rehypeScrollRegions() {
  return (tree, file) => {
    const words = WORDS[localeOfPath(file?.path ?? file?.history?.[0])];
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'element' && node.tagName === 'table' && !hasClass(parent, 'table-scroll')) {
        const label = captionText(node) || words.table;
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label },
          children: [node],
        };
        return ['skip', index + 1];
      }
      if (node.type === 'mdxJsxFlowElement' && node.name === 'table') {
        parent.children[index] = {
          type: 'mdxJsxFlowElement',
          name: 'div',
          attributes: [
            { type: 'mdxJsxAttribute', name: 'class', value: 'table-scroll' },
            { type: 'mdxJsxAttribute', name: 'role', value: 'region' },
            { type: 'mdxJsxAttribute', name: 'tabindex', value: '0' },
            { type: 'mdxJsxAttribute', name: 'aria-label', value: words.table },
          ],
          children: [node],
        };
        return ['skip', index + 1];
      }
      if (node.type === 'element' && hasClass(node, 'katex-display')) {
        node.properties = { ...node.properties, tabIndex: 0, role: 'group', ariaLabel: words.formula };
        return 'skip';
      }
      return undefined;
    });
  };
}
