/** /gpus.csv: one row per card, every field, its sources and notes, the data version and licence. Same records as the pages. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sortGpus } from '../lib/hardware/sort.ts';
import { DATA_LICENSE_LINE, DATA_VERSION } from '../data/version.ts';
import { toCsv } from '../components/specs/downloads.ts';

export const GET: APIRoute = async ({ site }) => {
  const cards = sortGpus((await getCollection('gpus')).map((e) => e.data));
  const csv = toCsv(cards, { site: site ?? new URL('http://localhost/'), dataVersion: DATA_VERSION, license: DATA_LICENSE_LINE });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
