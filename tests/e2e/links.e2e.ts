/**
 * Link gate: every internal link and #anchor on every built page resolves. Scans the HTML in dist/ directly (no browser):
 * an href to a page must name a file in dist (a path ending in / means its index.html), and a #fragment must be an id
 * (or <a name>) in the target page. Links to the site's own public origin (canonical URLs) count as internal.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
const SITE = new URL(/\bSITE\s*=\s*['"]([^'"]+)['"]/.exec(readFileSync('astro.config.mjs', 'utf8'))?.[1] ?? 'https://example.invalid');
/** Fragments the browser itself understands without an element: `#` and `#top`/`#_top` scroll to the top (HTML spec). */
const BUILTIN_FRAGMENTS = new Set(['', 'top', '_top']);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const decodeEntities = (s: string): string =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));

const idCache = new Map<string, Set<string>>();
/** The ids (and <a name>s) in a built page, outside <template>s and scripts. */
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const html = readFileSync(file, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
    ids = new Set([...html.matchAll(/<[a-z][\w-]*\b[^>]*?\s(?:id|name)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? '')));
    idCache.set(file, ids);
  }
  return ids;
}

/** The dist file a site path serves, or null. */
function fileFor(pathname: string): string | null {
  const path = decodeURIComponent(pathname);
  const candidates = path.endsWith('/') ? [join(DIST, path, 'index.html')] : [join(DIST, path), join(DIST, path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const pages = htmlFiles(DIST).map((file) => {
  const rel = '/' + relative(DIST, file).split('\\').join('/');
  return { file, url: rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel };
});

/** Every broken internal link on one page, as "href: reason". */
function brokenLinks(file: string, pageUrl: string): string[] {
  const html = readFileSync(file, 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const base = new URL(pageUrl, SITE);
  const broken: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\shref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const href = decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
    if (/^(mailto|tel|javascript|data):/i.test(href)) continue;
    const target = new URL(href, base);
    if (target.origin !== SITE.origin) continue; // external: the third-party gate keeps pages from loading them
    const targetFile = target.pathname === base.pathname ? file : fileFor(target.pathname);
    if (!targetFile) {
      broken.push(`${href}: no page ${target.pathname} in dist`);
      continue;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (!BUILTIN_FRAGMENTS.has(fragment) && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment)) {
      broken.push(`${href}: no id "${fragment}" in ${target.pathname}`);
    }
  }
  return broken;
}

describe('internal links and anchors', () => {
  it('dist has pages to check', () => {
    expect(pages.length).toBeGreaterThan(2);
  });

  it.each(pages.map((p) => [p.url, p.file] as const))('%s: every internal link and #anchor resolves', (url, file) => {
    expect(brokenLinks(file, url)).toEqual([]);
  });
});
