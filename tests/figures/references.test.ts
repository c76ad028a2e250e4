import { describe, expect, it } from 'vitest';
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
  it('renders emphasis and code, and escapes markup', () => {
    expect(referenceHtml('*A* `b` <i>')).toBe('<em>A</em> <code>b</code> &lt;i&gt;');
  });
});
