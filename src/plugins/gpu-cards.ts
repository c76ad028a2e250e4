/**
 * Vite plugin: the card tables the browser needs, generated at build time from `src/data/gpus/*.json` as two virtual
 * modules. Islands import them instead of receiving cards as props, so a page's HTML carries card ids, never card tables,
 * and the browser downloads each table once (a hashed chunk shared by every page that uses it).
 *   - `virtual:gpu-cards`: every card's slim columns (src/lib/hardware/slim-card.ts), in id order and in series order.
 *   - `virtual:training-cards`: the same columns for the short list the training chapters offer (training-cards.ts), so
 *     those pages do not download the whole table.
 *   - `virtual:compare-cards` and `virtual:compare-cards-zh-cn`: the compare page's rows and every card's formatted cells
 *     (src/components/specs/rows.ts), in English and in Chinese (src/i18n/specs.ts).
 * Wired in astro.config.mjs (site build) and vitest.config.ts (unit tests import islands).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { GPU_DATA_DIR, loadGpus } from '../loaders/load-gpus.ts';
import { slimCard } from '../lib/hardware/slim-card.ts';
import { SPEC_ROWS } from '../components/specs/rows.ts';
import { rowHeaderIn, rowText, seriesLabel, type SiteLocale } from '../i18n/specs.ts';
import { TRAINING_CARD_IDS } from '../components/calculators/training-cards.ts';

const IDS = { cards: 'virtual:gpu-cards', training: 'virtual:training-cards', compare: 'virtual:compare-cards', compareZh: 'virtual:compare-cards-zh-cn' } as const;
const resolved = (id: string) => `\0${id}`;

/** Source of `virtual:gpu-cards`. */
function gpuCardsModule(): string {
  const bySeries = loadGpus(); // validated, in series order
  const byId = [...bySeries].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(byId.map((c, i) => [c.id, i]));
  const slim = byId.map(slimCard);
  const keys = Object.keys(slim[0] ?? {}) as (keyof (typeof slim)[number])[];
  // Column by column (one array per field), which gzips to about two thirds of an array of objects; rebuilt on load.
  const columns = keys.map((k) => slim.map((card) => card[k]));
  return [
    `const k = ${JSON.stringify(keys)};`,
    `const v = ${JSON.stringify(columns)};`,
    'const c = v[0].map((_, i) => Object.fromEntries(k.map((key, j) => [key, v[j][i]])));',
    '/** Every card, slim columns, in id order. */',
    'export const slimCards = c;',
    '/** The same cards in series order (series, then launch date, then name). */',
    `export const slimCardsBySeries = [${bySeries.map((g) => `c[${index.get(g.id)}]`).join(',')}];`,
  ].join('\n');
}

/** Source of `virtual:training-cards`. */
function trainingModule(): string {
  const byId = new Map(loadGpus().map((g) => [g.id, g]));
  const cards = TRAINING_CARD_IDS.map((id) => {
    const g = byId.get(id);
    if (!g) throw new Error(`training-cards: no card ${id}`);
    return slimCard(g);
  });
  return `/** The training chapters' cards, slim columns, in the listed order. */\nexport const trainingCards = ${JSON.stringify(cards)};`;
}

/** Source of `virtual:compare-cards` (English) or `virtual:compare-cards-zh-cn`. */
function compareModule(locale: SiteLocale): string {
  const cards = loadGpus();
  const rows = SPEC_ROWS.map((r) => ({ anchor: r.anchor, header: rowHeaderIn(r, locale), better: r.better ?? null, nullMeans: r.nullMeans }));
  const compareCards = cards.map((c) => ({
    id: c.id,
    name: c.name,
    group: seriesLabel(c.series, locale),
    cells: SPEC_ROWS.map((r) => rowText(r, c, locale)),
    nums: SPEC_ROWS.map((r) => (r.better ? r.numeric(c) : null)),
  }));
  return `export const compareRows = ${JSON.stringify(rows)};\nexport const compareCards = ${JSON.stringify(compareCards)};`;
}

/** The plugin; see the file comment. */
export function gpuCards(): Plugin {
  return {
    name: 'gpu-cards',
    resolveId(id) {
      return Object.values(IDS).includes(id as (typeof IDS)[keyof typeof IDS]) ? resolved(id) : undefined;
    },
    load(id) {
      const which = Object.values(IDS).find((v) => resolved(v) === id);
      if (!which) return undefined;
      for (const f of readdirSync(GPU_DATA_DIR)) if (f.endsWith('.json')) this.addWatchFile(join(GPU_DATA_DIR, f));
      return which === IDS.cards ? gpuCardsModule() : which === IDS.training ? trainingModule() : compareModule(which === IDS.compareZh ? 'zh-cn' : 'en');
    },
  };
}
