/**
 * The chapters as a page in one language lists them: each English chapter with its translated twin's title, description and
 * address where the twin exists, else the English words (Starlight serves an untranslated twin with the English text and a
 * notice). Reading order is the English sidebar order.
 */
import { getCollection } from 'astro:content';

/** One chapter as a listing shows it. */
export interface ListedChapter {
  /** The chapter's slug under learn/, e.g. "vram". */
  slug: string;
  title: string;
  description: string;
  href: string;
  /** Whether the title and description are in the page's language. */
  translated: boolean;
}

/** The chapters in reading order, in a Starlight locale (`undefined` for English). */
export async function listedChapters(locale: string | undefined): Promise<ListedChapter[]> {
  const docs = await getCollection('docs');
  const prefix = locale && locale !== 'root' && locale !== 'en' ? `${locale}/` : '';
  return docs
    .filter((e) => e.id.startsWith('learn/'))
    .sort((a, b) => (a.data.sidebar.order ?? 99) - (b.data.sidebar.order ?? 99))
    .map((e) => {
      const slug = e.id.slice('learn/'.length);
      const twin = prefix ? docs.find((d) => d.id === `${prefix}${e.id}`) : e;
      const shown = twin ?? e;
      return { slug, title: shown.data.title, description: shown.data.description ?? '', href: `/${prefix}learn/${slug}/`, translated: twin !== undefined };
    });
}
