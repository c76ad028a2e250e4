#!/usr/bin/env node
/**
 * Page-weight budget for the built site. For every HTML page in dist/ it counts, gzipped, the JavaScript the page
 * loads up front:
 *   - inline <script> bodies (theme provider, island runtime, ...),
 *   - every <script src> and <link rel="modulepreload" href>,
 *   - every <astro-island>'s component-url and renderer-url (they load when the island hydrates, but they are the page's code),
 *   - and, for each of those files (and each inline module script), its static imports, transitively.
 * Dynamic import() is not followed (loaded on demand, e.g. Pagefind's search UI after the search dialog opens).
 * Each file counts once per page. Budget: 60 KB (gzipped, 1 KB = 1024 B) for pages with islands, 25 KB without; a page
 * that needs more up front has a named JS exception below, with its reason.
 *
 * HTML budget: every chapter, English (/learn/*) and Chinese (/zh-cn/learn/*), at most 150 KB raw and 25 KB gzipped, so a chapter paints as fast as a bare docs
 * page on a slow phone (islands get ids and their own words as props, never card tables). A chapter that cannot meet it
 * without losing content has a named exception below, with its reason and its own limit.
 *
 * Prints a table per page type (HTML raw and gzipped, JS gzipped) and exits 1 if any page is over a budget.
 *
 * Usage: node scripts/page-weight.mjs [distDir]
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = process.argv[2] ?? 'dist';
const KB = 1024;
const BUDGET = { islands: 60 * KB, plain: 25 * KB };
/** HTML budget of a chapter page. */
const CHAPTER_HTML = { raw: 150 * KB, gzip: 25 * KB };
/**
 * Chapters allowed more HTML, each with why and its own limit (about 5% above its size when the limit was set). None today:
 * a chapter too long for the budget is split into two lessons rather than excused.
 */
const HTML_EXCEPTIONS = {};

/**
 * Pages allowed more JavaScript, each with why. The planner carries what only it needs up front: the config.json parser
 * (a pasted config is read as the reader types) and the cluster presets.
 */
const JS_EXCEPTIONS = {
  '/plan/': { total: 62 * KB, why: 'the planner: every card at once, the config.json parser and the cluster presets' },
  '/learn/choosing/': { total: 62 * KB, why: 'embeds the planner' },
  '/zh-cn/plan/': { total: 62 * KB, why: 'the planner (Chinese page)' },
  '/zh-cn/learn/choosing/': { total: 62 * KB, why: 'embeds the planner (Chinese page)' },
};

const gz = (text) => gzipSync(text, { level: 9 }).length;
const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** Static import/export-from specifiers of a JS module (minified or not); not dynamic import(). */
export function staticImports(code) {
  const specs = new Set();
  const re = /(?:^|[\s;}{)])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`\n]+)["'`]/g;
  for (const m of code.matchAll(re)) specs.add(m[1]);
  return [...specs];
}

/** Resolves a specifier found in `fromUrl` (a site path such as /_astro/a.js, or a page path for inline scripts). */
function resolveUrl(spec, fromUrl) {
  if (/^(https?:)?\/\//.test(spec) || spec.startsWith('data:')) return null; // foreign or inline data: not ours to weigh
  if (spec.startsWith('/')) return spec;
  if (spec.startsWith('.')) return posix.normalize(posix.join(posix.dirname(fromUrl), spec));
  return null; // bare specifier: cannot occur in built output
}

const moduleCache = new Map();
function readModule(url) {
  if (!moduleCache.has(url)) {
    const file = join(DIST, decodeURIComponent(url.split(/[?#]/)[0]));
    if (!existsSync(file)) throw new Error(`missing script ${url}`);
    const code = readFileSync(file, 'utf8');
    moduleCache.set(url, { gzip: gz(code), imports: staticImports(code).map((s) => resolveUrl(s, url)).filter(Boolean) });
  }
  return moduleCache.get(url);
}

/** Adds `url` and its static imports to `seen`. */
function collect(url, seen) {
  if (seen.has(url)) return;
  seen.add(url);
  for (const dep of readModule(url).imports) collect(dep, seen);
}

export function measurePage(html, pageUrl) {
  const files = new Set();
  let inlineBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\btype=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue; // JSON, templates
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (src) {
      const url = resolveUrl(decode(src), pageUrl);
      if (url) collect(url, files);
    } else if ((m[2] ?? '').trim()) {
      inlineBytes += gz(m[2]);
      for (const spec of staticImports(m[2])) {
        const url = resolveUrl(spec, pageUrl);
        if (url) collect(url, files);
      }
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel=["']?modulepreload/i.test(m[0])) continue;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const url = href && resolveUrl(decode(href), pageUrl);
    if (url) collect(url, files);
  }
  let islands = 0;
  for (const m of html.matchAll(/<astro-island\b[^>]*>/gi)) {
    islands++;
    for (const attr of ['component-url', 'renderer-url']) {
      const v = new RegExp(`\\b${attr}=["']([^"']+)["']`, 'i').exec(m[0])?.[1];
      const url = v && resolveUrl(decode(v), pageUrl);
      if (url) collect(url, files);
    }
  }
  const fileBytes = [...files].reduce((sum, url) => sum + readModule(url).gzip, 0);
  return { islands, files: files.size, inlineBytes, fileBytes, total: inlineBytes + fileBytes };
}

/** The HTML budget of a page, or null where none applies (pages other than chapters). */
export function htmlBudget(url) {
  if (!url.startsWith('/learn/') && !url.startsWith('/zh-cn/learn/')) return null;
  const exception = HTML_EXCEPTIONS[url];
  return exception ? { raw: exception.raw, gzip: exception.gzip, why: exception.why } : { ...CHAPTER_HTML, why: null };
}

function pageType(url) {
  if (url === '/') return 'home';
  if (url === '/404.html') return '404';
  const parts = url.split('/').filter(Boolean);
  if (parts[0] === 'learn') return 'chapter (/learn/*)';
  if (parts[0] === 'zh-cn' && parts[1] === 'learn') return 'chapter (/zh-cn/learn/*)';
  if (parts[0] === 'gpus' && parts.length === 1) return 'GPU table (/gpus/)';
  if (parts[0] === 'gpus' && existsSync(join('src/data/gpus', `${parts[1]}.json`))) return 'card page (/gpus/<card>/)';
  if (parts[0] === 'og') return 'og';
  return parts.length === 1 ? 'reference page' : `/${parts[0]}/*`;
}

function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`page-weight: ${DIST}/index.html is missing; build first`);
    process.exit(2);
  }
  const rows = htmlFiles(DIST).map((file) => {
    const rel = '/' + relative(DIST, file).split('\\').join('/');
    const url = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    const html = readFileSync(file);
    const m = measurePage(html.toString('utf8'), url.endsWith('/') ? url : posix.dirname(url) + '/');
    const budget = JS_EXCEPTIONS[url]?.total ?? (m.islands > 0 ? BUDGET.islands : BUDGET.plain);
    const htmlRaw = html.length;
    const htmlGzip = gz(html);
    const hb = htmlBudget(url);
    const htmlOver = hb !== null && (htmlRaw > hb.raw || htmlGzip > hb.gzip);
    return { url, type: pageType(url), ...m, budget, over: m.total > budget, htmlRaw, htmlGzip, htmlBudget: hb, htmlOver };
  });
  for (const url of [...Object.keys(HTML_EXCEPTIONS), ...Object.keys(JS_EXCEPTIONS)]) {
    if (!rows.some((r) => r.url === url)) {
      console.error(`page-weight: FAILED, the exception for ${url} names a page that was not built; remove it`);
      process.exit(1);
    }
  }
  const fmt = (b) => (b / KB).toFixed(1).padStart(6);
  const byType = Map.groupBy(rows, (r) => r.type);
  console.log(`Page weight (KB = 1024 B). JS: gzipped, loaded up front per page; budget ${BUDGET.islands / KB} KB with islands, ${BUDGET.plain / KB} KB without.`);
  console.log(`HTML: raw and gzipped; budget for chapters ${CHAPTER_HTML.raw / KB} KB raw and ${CHAPTER_HTML.gzip / KB} KB gzipped, except:`);
  for (const [url, e] of Object.entries(HTML_EXCEPTIONS)) console.log(`  ${url} ${e.raw / KB} KB raw, ${e.gzip / KB} KB gzipped: ${e.why}`);
  console.log('JS exceptions:');
  for (const [url, e] of Object.entries(JS_EXCEPTIONS)) console.log(`  ${url} ${e.total / KB} KB gzipped: ${e.why}`);
  console.log('');
  for (const [type, list] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    const max = list.reduce((a, r) => (r.total > a.total ? r : a));
    const min = list.reduce((a, r) => (r.total < a.total ? r : a));
    console.log(`${type}: ${list.length} page(s), ${fmt(min.total).trim()}–${fmt(max.total).trim()} KB`);
    console.log(`  ${'page'.padEnd(44)} islands  files  inline   files  JS tot  budget    HTML HTML gz  budget`);
    // Every chapter is listed (they have the HTML budget); other types show their five heaviest when there are many.
    const shown = list.length > 8 && !type.startsWith('chapter') ? [...list].sort((a, b) => b.total - a.total || b.htmlRaw - a.htmlRaw).slice(0, 5) : list.sort((a, b) => a.url.localeCompare(b.url));
    for (const r of shown) {
      const hb = r.htmlBudget ? `${(r.htmlBudget.raw / KB).toFixed(0)}/${(r.htmlBudget.gzip / KB).toFixed(0)}${r.htmlBudget.why ? '*' : ''}` : '-';
      const flags = [r.over ? 'JS OVER' : '', r.htmlOver ? 'HTML OVER' : ''].filter(Boolean).join(', ');
      console.log(`  ${r.url.padEnd(44)} ${String(r.islands).padStart(7)} ${String(r.files).padStart(6)} ${fmt(r.inlineBytes)}  ${fmt(r.fileBytes)}  ${fmt(r.total)}  ${fmt(r.budget)}  ${fmt(r.htmlRaw)}  ${fmt(r.htmlGzip)}  ${hb.padStart(6)}${flags ? '  ' + flags : ''}`);
    }
    if (shown.length < list.length) console.log(`  ... ${list.length - shown.length} more (the heaviest are shown)`);
    console.log('');
  }
  const over = rows.filter((r) => r.over);
  const htmlOver = rows.filter((r) => r.htmlOver);
  if (over.length || htmlOver.length) {
    if (over.length) console.error(`page-weight: FAILED, ${over.length} page(s) over the JS budget: ${over.map((r) => `${r.url} ${fmt(r.total).trim()} KB > ${r.budget / KB} KB`).join(', ')}`);
    if (htmlOver.length) {
      console.error(`page-weight: FAILED, ${htmlOver.length} page(s) over the HTML budget: ${htmlOver.map((r) => `${r.url} ${fmt(r.htmlRaw).trim()} KB raw / ${fmt(r.htmlGzip).trim()} KB gzipped > ${r.htmlBudget.raw / KB} / ${r.htmlBudget.gzip / KB} KB`).join(', ')}`);
    }
    process.exit(1);
  }
  console.log(`page-weight: all ${rows.length} pages within budget`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
