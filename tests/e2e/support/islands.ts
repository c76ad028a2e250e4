/**
 * Finds the built site's islands by scanning dist/ for <astro-island>, and the URL parameters each one reads, from the key
 * lists the islands themselves declare and use (no reading of their source): `src/components/calculators/url-keys.ts`,
 * the training-cost `FORM_KEYS` and card price field (scenario fields map to URL keys through the field manifest), the
 * planner's `PLAN_URL_KEYS` and the compare island's `COMPARE_URL_KEY`. An island that is not listed in `DECLARED` gets no
 * keys and `declared: false`, which the hostile-input test fails on, so a new island cannot escape the scan unseen.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { CARD_PRICE_FIELD, fieldSpec, type FieldKey } from '../../../src/lib/scenario/fields.ts';
import * as K from '../../../src/components/calculators/url-keys.ts';
import { FORM_KEYS as COST_FORM_KEYS } from '../../../src/components/calculators/training-cost.ts';
import { PLAN_URL_KEYS } from '../../../src/components/planner/plan-state.ts';
import { COMPARE_URL_KEY } from '../../../src/components/specs/compare-ids.ts';

export interface IslandInfo {
  /** Component name, e.g. "TensorSize.island". */
  component: string;
  /** URL parameter keys, prefix included (e.g. "tensor.shape", "ids"). */
  keys: string[];
  /** False when the component has no declared keys in `DECLARED`. */
  declared: boolean;
}
export interface IslandPage {
  path: string;
  islands: IslandInfo[];
}

const manifestUrls = (keys: readonly string[]) => keys.map((k) => fieldSpec(k as FieldKey).url);
/** Keys under the island's `idPrefix` prop (e.g. "tensor" → "tensor.shape"). */
const prefixed = (keys: readonly string[]) => (idPrefix: string | undefined) => keys.map((k) => (idPrefix !== undefined ? `${idPrefix}.${k}` : k));
/** Keys the island reads as they are, whatever its props. */
const absolute = (keys: readonly string[]) => () => [...keys];

/** Each island component's URL keys, from the declarations the island uses. */
const DECLARED: Record<string, (idPrefix: string | undefined) => string[]> = {
  'Backprop.island': prefixed(K.BACKPROP_KEYS),
  'DecodeSpeed.island': prefixed(K.DECODE_SPEED_KEYS),
  'FineTuneMethods.island': prefixed(K.FINE_TUNE_KEYS),
  'GpuTimeline.island': prefixed(K.GPU_TIMELINE_KEYS),
  'MemoryBreakdown.island': prefixed(manifestUrls(K.MEMORY_FORM_KEYS)),
  'NumberFormats.island': prefixed(K.NUMBER_FORMATS_KEYS),
  'Parallelism.island': prefixed(manifestUrls(K.PARALLELISM_FORM_KEYS)),
  'Roofline.island': prefixed(K.ROOFLINE_KEYS),
  'StepTimeline.island': prefixed(K.STEP_TIMELINE_KEYS),
  'TensorSize.island': prefixed(K.TENSOR_SIZE_KEYS),
  'TensorThroughput.island': prefixed(K.TENSOR_THROUGHPUT_KEYS),
  'TrainingCost.island': prefixed([...manifestUrls(COST_FORM_KEYS), CARD_PRICE_FIELD.url]),
  'Planner.island': absolute(PLAN_URL_KEYS),
  'Compare.island': absolute([COMPARE_URL_KEY]),
  'CompareZh.island': absolute([COMPARE_URL_KEY]),
};

function walk(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' || name === 'node_modules' ? [] : walk(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

/** Every page of dist/ that has islands, with each island's URL parameters. */
export function islandPages(): IslandPage[] {
  return walk('dist', /\.html$/)
    .map((file) => {
      const rel = '/' + relative('dist', file).split('\\').join('/');
      const path = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
      const html = readFileSync(file, 'utf8');
      const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)].map((m) => {
        const tag = m[0];
        const url = /component-url="([^"]+)"/.exec(tag)?.[1] ?? '';
        const component = (url.split('/').pop() ?? '').replace(/\.[\w-]+\.js$/, '');
        const props = (/\sprops="([^"]*)"/.exec(tag)?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        const idPrefix = /"idPrefix":\[0,"([^"]*)"\]/.exec(props)?.[1];
        const declare = DECLARED[component];
        return { component, keys: declare ? declare(idPrefix) : [], declared: declare !== undefined };
      });
      return { path, islands };
    })
    .filter((p) => p.path !== '/404.html' && p.islands.length > 0);
}

/** Scrolls every island into view and waits until all have hydrated. */
export async function hydrateAll(page: Page): Promise<void> {
  for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')), undefined, { timeout: 10_000 });
}
