/**
 * Finds the built site's islands by scanning dist/ for <astro-island>, and the URL parameters each one reads: for scenario
 * calculators, the manifest URL keys of the fields listed in `FORM_KEYS`; for the others, from the source: keys read from `readParams(prefix)` (`p['key']`, `p.key`, and the string constants of arrays looped over as
 * `p[name]`), keys written by `writeParams(prefix, { ... })`, keys listed inline in `useUrlInputs(prefix, defaults, [...])`, and absolute keys read with `URLSearchParams#get('key')`,
 * in the island file and the local modules it imports.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CARD_PRICE_FIELD, fieldSpec, type FieldKey } from '../../../src/lib/scenario/fields.ts';

export interface IslandInfo {
  /** Component name, e.g. "TensorSize.island". */
  component: string;
  /** URL parameter keys, prefix included (e.g. "tensor.shape", "ids"). */
  keys: string[];
}
export interface IslandPage {
  path: string;
  islands: IslandInfo[];
}

function walk(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' || name === 'node_modules' ? [] : walk(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

const sources = walk('src', /\.(tsx|ts)$/);

/** Source text of a module and the local modules it imports (one level). */
function withLocalImports(file: string): string {
  const code = readFileSync(file, 'utf8');
  const deps = [...code.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)]
    .map((m) => resolve(dirname(file), m[1] ?? ''))
    .filter((p) => existsSync(p) && !p.includes('/src/lib/'));
  return [code, ...deps.map((d) => readFileSync(d, 'utf8'))].join('\n');
}

function paramKeys(code: string, idPrefix: string | undefined): string[] {
  const local = new Set<string>();
  const absolute = new Set<string>();
  for (const m of code.matchAll(/\bp\[\s*['"]([\w.-]+)['"]\s*\]|\bp\.([A-Za-z_]\w*)/g)) local.add(m[1] ?? m[2] ?? '');
  if (/\bp\[\s*[a-z_]\w*\s*\]/.test(code)) {
    // p[name] inside a loop over a constant list of keys: take the string constants of UPPER_CASE arrays
    for (const m of code.matchAll(/const\s+[A-Z][A-Z0-9_]*\s*(?::[^=]+)?=\s*\[([^\]]*)\]/g)) for (const s of (m[1] ?? '').matchAll(/['"]([\w.-]+)['"]/g)) local.add(s[1] ?? '');
  }
  for (const m of code.matchAll(/writeParams\(\s*\w+\s*,\s*\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const key = /^\s*([A-Za-z_]\w*)\s*(?::|$)/.exec(part)?.[1];
      if (key) local.add(key);
    }
  }
  // useUrlInputs(prefix, defaults, ['a', 'b']): the keys it reads and writes, listed inline.
  for (const m of code.matchAll(/useUrlInputs\([^,]+,[^,]+,\s*\[([^\]]*)\]/g)) for (const k of (m[1] ?? '').matchAll(/['"]([\w.-]+)['"]/g)) local.add(k[1] ?? '');
  for (const m of code.matchAll(/\.get\(\s*['"]([\w.-]+)['"]\s*\)/g)) if (/URLSearchParams|searchParams|params/.test(code)) absolute.add(m[1] ?? '');
  // Scenario calculators list their fields once (`FORM_KEYS`); their URL keys come from the field manifest, not from the source.
  for (const m of code.matchAll(/const\s+FORM_KEYS\s*=\s*\[([^\]]*)\]/g)) for (const k of (m[1] ?? '').matchAll(/['"]([\w.-]+)['"]/g)) local.add(fieldSpec(k[1] as FieldKey).url);
  if (/\bCARD_PRICE_FIELD\b/.test(code)) local.add(CARD_PRICE_FIELD.url);
  local.delete('');
  const prefix = idPrefix !== undefined ? `${idPrefix}.` : '';
  return [...[...local].map((k) => prefix + k), ...absolute];
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
        const source = sources.find((s) => s.endsWith(`/${component}.tsx`) || s.endsWith(`/${component}.ts`));
        return { component, keys: source ? paramKeys(withLocalImports(source), idPrefix) : [] };
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
