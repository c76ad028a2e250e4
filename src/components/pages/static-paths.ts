/**
 * The static paths of the per-card and per-series pages, shared by the English routes and their Chinese twins (same pages,
 * words by locale), so both languages build exactly the same set of pages.
 */
import { getCollection } from 'astro:content';
import { sortGpus } from '../../lib/hardware/sort.ts';
import { SERIES, type GpuRecord } from '../../lib/hardware/schema.ts';

/** Props of one card's page: the card and every card (for its neighbours and comparisons). */
export interface GpuPageProps {
  card: GpuRecord;
  all: GpuRecord[];
}

/** Props of one series' overview page. */
export interface SeriesPageProps {
  series: GpuRecord['series'];
  cards: GpuRecord[];
}

const allCards = async (): Promise<GpuRecord[]> => sortGpus((await getCollection('gpus')).map((e) => e.data));

/** One page per card, at /gpus/<id>/. */
export async function gpuPagePaths(): Promise<{ params: { id: string }; props: GpuPageProps }[]> {
  const cards = await allCards();
  return cards.map((card) => ({ params: { id: card.id }, props: { card, all: cards } }));
}

/** One page per series, at /gpus/series/<series>/, with that series' cards in order. */
export async function seriesPagePaths(): Promise<{ params: { series: string }; props: SeriesPageProps }[]> {
  const all = await allCards();
  return SERIES.map((series) => ({ params: { series }, props: { series, cards: all.filter((c) => c.series === series) } }));
}
