/**
 * Vite plugin: the card tables the browser needs, generated at build time from `src/data/gpus/*.json` as two virtual
 * modules. Islands import them instead of receiving cards as props, so a page's HTML carries card ids, never card tables,
 * and the browser downloads each table once (a hashed chunk shared by every page that uses it).
 *   - `virtual:gpu-cards`: every card's slim columns (src/lib/slim-card.ts), in id order and in series order.
 *   - `virtual:compare-cards`: the compare page's rows and every card's formatted cells (src/components/specs/rows.ts).
 * Wired in astro.config.mjs (site build) and vitest.config.ts (unit tests import islands).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { GPU_DATA_DIR, loadGpus } from '../data/load-gpus.ts';
import { slimCard } from '../lib/slim-card.ts';
import { SERIES_LABEL, SPEC_ROWS, rowHeader } from '../components/specs/rows.ts';

const IDS = { cards: 'virtual:gpu-cards', compare: 'virtual:compare-cards' } as const;
const resolved = (id: string) => `\0${id}`;

/** Source of `virtual:gpu-cards`. */
function gpuCardsModule(): string {
  const bySeries = loadGpus(); // validated, in series order
  const byId = [...bySeries].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(byId.map((c, i) => [c.id, i]));
  return [
    `const c = ${JSON.stringify(byId.map(slimCard))};`,
    '/** Every card, slim columns, in id order. */',
    'export const slimCards = c;',
    '/** The same cards in series order (series, then launch date, then name). */',
    `export const slimCardsBySeries = [${bySeries.map((g) => `c[${index.get(g.id)}]`).join(',')}];`,
  ].join('\n');
}

/** Source of `virtual:compare-cards`. */
function compareModule(): string {
  const cards = loadGpus();
  const rows = SPEC_ROWS.map((r) => ({ anchor: r.anchor, header: rowHeader(r), better: r.better ?? null, nullMeans: r.nullMeans }));
  const compareCards = cards.map((c) => ({
    id: c.id,
    name: c.name,
    group: SERIES_LABEL[c.series],
    cells: SPEC_ROWS.map((r) => r.text(c)),
    nums: SPEC_ROWS.map((r) => (r.better ? r.numeric(c) : null)),
  }));
  return `export const compareRows = ${JSON.stringify(rows)};\nexport const compareCards = ${JSON.stringify(compareCards)};`;
}

/** The plugin; see the file comment. */
export function gpuCards(): Plugin {
  return {
    name: 'gpu-cards',
    resolveId(id) {
      return id === IDS.cards || id === IDS.compare ? resolved(id) : undefined;
    },
    load(id) {
      if (id !== resolved(IDS.cards) && id !== resolved(IDS.compare)) return undefined;
      for (const f of readdirSync(GPU_DATA_DIR)) if (f.endsWith('.json')) this.addWatchFile(join(GPU_DATA_DIR, f));
      return id === resolved(IDS.cards) ? gpuCardsModule() : compareModule();
    },
  };
}
