/**
 * Collects the "References" sections of the chapters into one list for the references page, so it can never drift from the
 * chapters: each entry once (same text), with the chapters that cite it. Works for every locale: the section heading and the
 * chapters' address prefix come from a per-locale table.
 */
import type { BuildLocale, PerLocale } from '../../i18n/build-words.ts';

/** How a locale's chapters head their reference list, and where its chapters live. */
const LOCALE: PerLocale<{ heading: string; chapterPrefix: string }> = {
  en: { heading: 'References', chapterPrefix: '/learn/' },
  'zh-cn': { heading: '参考文献', chapterPrefix: '/zh-cn/learn/' },
};

/** One reference and where it is cited. */
export interface CollectedReference {
  /** The entry's text as the chapter writes it (Markdown emphasis and code allowed). */
  text: string;
  /** Chapters citing it, in reading order. */
  chapters: { title: string; href: string; order: number }[];
}

/** Title, sidebar order and reference bullets of one chapter's MDX source, in `locale` (which names the section). */
export function chapterReferences(source: string, locale: BuildLocale = 'en'): { title: string; order: number; items: string[] } {
  const title = /^title:\s*(.+)$/m.exec(source)?.[1]?.trim().replace(/^['"]|['"]$/g, '') ?? '';
  const order = Number(/^\s+order:\s*(\d+(?:\.\d+)?)/m.exec(source)?.[1] ?? 999);
  const start = source.search(new RegExp(`^## ${LOCALE[locale].heading}\\s*$`, 'm'));
  if (start < 0) return { title, order, items: [] };
  const rest = source.slice(start).split('\n').slice(1);
  const items: string[] = [];
  for (const line of rest) {
    if (/^## /.test(line)) break;
    // Entries built from MDX expressions (a source string computed in the chapter) cannot be read from the source text.
    if (line.startsWith('- ') && !line.includes('{')) items.push(line.slice(2).trim());
  }
  return { title, order, items };
}

/**
 * Merges the chapters' references: identical entries become one, listing every chapter that cites it; sorted by text. The
 * chapters are those of `locale`, linked at its address.
 * @example collectReferences({ './learn/a.mdx': '---\ntitle: A\n---\n## References\n\n- X' })[0].chapters[0].href //=> '/learn/a/'
 */
export function collectReferences(sources: Record<string, string>, locale: BuildLocale = 'en'): CollectedReference[] {
  const prefix = LOCALE[locale].chapterPrefix;
  const byText = new Map<string, CollectedReference>();
  for (const [path, source] of Object.entries(sources)) {
    const slug = /([^/]+)\.mdx$/.exec(path)?.[1] ?? '';
    const { title, order, items } = chapterReferences(source, locale);
    const href = `${prefix}${slug}/`;
    for (const text of items) {
      const entry = byText.get(text) ?? { text, chapters: [] };
      if (!entry.chapters.some((c) => c.href === href)) entry.chapters.push({ title, href, order });
      byText.set(text, entry);
    }
  }
  const list = [...byText.values()];
  for (const r of list) r.chapters.sort((a, b) => a.order - b.order);
  return list.sort((a, b) => a.text.localeCompare(b.text, 'en'));
}

/**
 * Turns an entry's Markdown (*emphasis*, `code`) into safe HTML.
 * @example referenceHtml('*A* <b>') //=> '<em>A</em> &lt;b&gt;'
 */
export function referenceHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*([^*]+)\*/g, '<em>$1</em>');
}
