/** /gpus.json: every card, every field and its sources, with the data version and licence. Same records as the pages. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sortGpus } from '../lib/hardware/sort.ts';
import { CHANGELOG, DATA_LICENSE, DATA_LICENSE_LINE, DATA_LICENSE_URL, DATA_VERSION } from '../data/version.ts';

export const GET: APIRoute = async ({ site }) => {
  const origin = site ?? new URL('http://localhost/');
  const cards = sortGpus((await getCollection('gpus')).map((e) => e.data));
  const body = {
    dataVersion: DATA_VERSION,
    license: DATA_LICENSE,
    licenseUrl: DATA_LICENSE_URL,
    licenseLine: DATA_LICENSE_LINE,
    description:
      'NVIDIA GPU specifications. Throughputs are dense (no 2:4 sparsity) at the reference boost clock, in TFLOPS (TOPS for INT8); memory in GB, bandwidth in GB/s (10^9 B/s), L2 in MB, power in W, prices in US dollars. null: not supported, or (price, PSU) not published. Each source lists the fields it supports (a value listed by two sources is two-source). singleSource marks values only one document supports, with the reason; disagreements lists, per field, every figure documents print with its source, the one used and why; notes explain other differences between sources.',
    changelog: CHANGELOG,
    count: cards.length,
    cards: cards.map((card) => ({ ...card, permalink: new URL(`/gpus/${card.id}/`, origin).href })),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
