#!/usr/bin/env node
/**
 * Lighthouse gate (lighthouse 12.8.2, pinned: 13.x needs Node >= 22.19, the project supports 22.12+).
 * Serves dist/ on a loopback port, launches the system Chromium through chrome-launcher, and audits, with the mobile
 * profile (Lighthouse's default: emulated Moto G Power, simulated slow 4G and 4x CPU slowdown):
 *   the home page, the chapter with the most islands (when one has two or more), the heaviest chapter (largest gzipped HTML) in English and in Chinese
 *   with the Chinese home page, the GPU table and one card page.
 * Fails unless performance >= 95, accessibility = 100, best practices = 100, SEO = 100 and CLS = 0, and unless each language's
 * heaviest chapter scores within 5 points of that language's home page, measured in the same run (a chapter should paint
 * about as fast as a bare page; both scores move together with the machine's load, so the gap is steadier than either).
 * A page that cannot meet this yet has a named exception (PERF_EXCEPTIONS) with its reason and its own limits; the heaviest
 * chapter without an exception is then held to the 5-point gap as well.
 * Prints the scores and, for information only, the timings (absolute times on a shared 2-core machine are noisy).
 *
 * A route missing from dist/ is skipped with a notice (the spec pages are built in parallel); set LIGHTHOUSE_STRICT=1 to
 * make a missing route fail. Env: CHROMIUM_PATH (default /usr/bin/chromium), LIGHTHOUSE_PATHS (comma-separated, overrides).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const DIST = 'dist';
/** The chapter under /learn/ with the most islands (the most JavaScript to hydrate), or null when none has more than one. */
function busiestChapter() {
  const dir = join(DIST, 'learn');
  if (!existsSync(dir)) return null;
  const chapters = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'index.html')));
  const islands = (d) => (readFileSync(join(dir, d, 'index.html'), 'utf8').match(/<astro-island\b/g) ?? []).length;
  const best = chapters.sort((a, b) => islands(b) - islands(a) || a.localeCompare(b))[0];
  if (!best || islands(best) < 2) {
    console.log('lighthouse: no chapter has two islands (each long chapter became two lessons with one island); the heaviest chapters stand for the chapters');
    return null;
  }
  return `/learn/${best}/`;
}
/** Most points the heaviest chapter's performance score may trail the home page's. */
const HEAVIEST_MAX_GAP = 0.05;
/**
 * Pages allowed a lower performance score (and a larger gap to the home page), each with why and its own limit. When the
 * heaviest chapter has an exception, the next heaviest without one is held to the 5-point gap as well. None at present.
 * @type {Record<string, { performance: number, maxGap: number, why: string }>}
 */
const PERF_EXCEPTIONS = {};
/** The chapters of one language (`learn` or `zh-cn/learn` under dist/), heaviest (largest gzipped HTML) first. */
function heaviestChapters(folder) {
  const dir = join(DIST, folder);
  if (!existsSync(dir)) return [];
  const size = (d) => gzipSync(readFileSync(join(dir, d, 'index.html'))).length;
  const chapters = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'index.html')));
  return chapters.sort((a, b) => size(b) - size(a) || a.localeCompare(b)).map((d) => `/${folder}/${d}/`);
}
/**
 * Each language's home page and its heaviest chapter, plus the heaviest without an exception (held to the gap too; pages
 * with an exception are always measured, so an exception cannot outlive its page's score unseen). A Chinese chapter is
 * compared with the Chinese home page: both carry the same fonts and text encoding.
 */
const LANGUAGES = [{ home: '/', chapters: 'learn' }, { home: '/zh-cn/', chapters: 'zh-cn/learn' }].map(({ home, chapters }) => {
  const byWeight = heaviestChapters(chapters);
  return { home, heaviest: [...new Set([byWeight[0], byWeight.find((p) => !(p in PERF_EXCEPTIONS))].filter(Boolean))] };
});
// The chapter with the most islands is measured when it has two or more; a one-island chapter is among the heaviest already.
const BUSIEST = busiestChapter();
const PATHS = (process.env.LIGHTHOUSE_PATHS ?? [...new Set(['/', ...(BUSIEST ? [BUSIEST] : []), ...LANGUAGES.flatMap((l) => [l.home, ...l.heaviest]), ...Object.keys(PERF_EXCEPTIONS), '/gpus/', '/gpus/rtx-4090/'])].join(',')).split(',').map((p) => p.trim()).filter(Boolean);
const STRICT = process.env.LIGHTHOUSE_STRICT === '1';
const THRESHOLDS = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm' };

/** A static host for dist/ (index.html for directories, 404.html otherwise), with gzip like a real host. */
function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, path);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return res.writeHead(301, { location: `${url.pathname}/` }).end();
      file = join(file, 'index.html');
    }
    const found = existsSync(file) && statSync(file).isFile();
    const body = readFileSync(found ? file : join(DIST, '404.html'));
    const type = found ? (TYPES[extname(file)] ?? 'application/octet-stream') : TYPES['.html'];
    const cache = found && path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    // Every static host compresses text; measuring uncompressed HTML would judge the page by a transfer no reader sees.
    const compress = /gzip/.test(String(req.headers['accept-encoding'] ?? '')) && /^(text\/|application\/(json|xml)|image\/svg)/.test(type);
    const headers = { 'content-type': type, 'cache-control': cache, vary: 'accept-encoding' };
    if (compress) headers['content-encoding'] = 'gzip';
    res.writeHead(found ? 200 : 404, headers);
    res.end(compress ? gzipSync(body) : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const routeExists = (p) => existsSync(join(DIST, p, p.endsWith('/') ? 'index.html' : ''));

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('lighthouse: dist/ is missing; build first');
    process.exit(2);
  }
  const missing = PATHS.filter((p) => !routeExists(p));
  for (const p of missing) console.log(`lighthouse: NOTICE ${p} is not in dist/ yet; skipped${STRICT ? ' (strict: this fails)' : ''}`);
  const paths = PATHS.filter(routeExists);
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  const failures = [];
  const rows = [];
  try {
    for (const path of paths) {
      const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' }, {
        extends: 'lighthouse:default',
        // Two gatherers no score reads are left out: the full-page screenshot (a picture of the whole page for the report
        // viewer) and the back/forward-cache check (it navigates away and back again; its audit has weight 0).
        settings: { onlyCategories: Object.keys(THRESHOLDS), formFactor: 'mobile', disableFullPageScreenshot: true, skipAudits: ['bf-cache'] },
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`no result for ${path}`);
      if (lhr.runtimeError) failures.push(`${path}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const score = (id) => lhr.categories[id]?.score ?? 0;
      const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
      const cls = audit('cumulative-layout-shift');
      rows.push({ path, perf: score('performance'), a11y: score('accessibility'), bp: score('best-practices'), seo: score('seo'), cls, fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time'), si: audit('speed-index') });
      for (const [id, threshold] of Object.entries(THRESHOLDS)) {
        const min = id === 'performance' && PERF_EXCEPTIONS[path] ? PERF_EXCEPTIONS[path].performance : threshold;
        if (score(id) < min) {
          const failing = lhr.categories[id].auditRefs
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${ref.id} (${lhr.audits[ref.id].score})`);
          failures.push(`${path}: ${id} ${Math.round(score(id) * 100)} < ${min * 100}; failing audits: ${failing.join(', ') || 'none listed'}`);
        }
      }
      if (!(cls === 0)) failures.push(`${path}: cumulative layout shift ${cls} (must be 0)`);
    }
  } finally {
    chrome.kill();
    server.close();
  }
  for (const e of Object.entries(PERF_EXCEPTIONS)) console.log(`\nlighthouse: exception ${e[0]}: performance >= ${e[1].performance * 100}, at most ${e[1].maxGap * 100} points below home: ${e[1].why}`);
  for (const language of LANGUAGES) {
    const home = rows.find((r) => r.path === language.home);
    for (const path of language.heaviest) {
      const row = rows.find((r) => r.path === path);
      if (!home || !row) {
        console.log(`lighthouse: NOTICE ${path} (a heaviest chapter) and its home page ${language.home} are not both in this run; no comparison`);
        continue;
      }
      const maxGap = PERF_EXCEPTIONS[path]?.maxGap ?? HEAVIEST_MAX_GAP;
      const gap = home.perf - row.perf;
      console.log(`lighthouse: heaviest chapter ${path} performance ${Math.round(row.perf * 100)}, home ${language.home} ${Math.round(home.perf * 100)} (gap ${Math.round(gap * 100)}, at most ${Math.round(maxGap * 100)})`);
      if (gap > maxGap + 1e-9) failures.push(`${path}: performance ${Math.round(row.perf * 100)} trails ${language.home}'s ${Math.round(home.perf * 100)} by more than ${Math.round(maxGap * 100)} points`);
    }
  }
  const pct = (s) => String(Math.round(s * 100)).padStart(4);
  const ms = (v) => `${Math.round(v)}`.padStart(6);
  console.log(`\nLighthouse ${lighthouse.version ?? '12.8.2'} (mobile profile): scores, then timings in ms (informational)`);
  console.log(`${'page'.padEnd(30)} perf a11y  b-p  seo   CLS    FCP    LCP    TBT     SI`);
  for (const r of rows) console.log(`${r.path.padEnd(30)} ${pct(r.perf)} ${pct(r.a11y)} ${pct(r.bp)} ${pct(r.seo)} ${r.cls.toFixed(3).padStart(5)} ${ms(r.fcp)} ${ms(r.lcp)} ${ms(r.tbt)} ${ms(r.si)}`);
  if (STRICT && missing.length) failures.push(`missing routes: ${missing.join(', ')}`);
  if (failures.length) {
    console.error(`\nlighthouse: FAILED\n${failures.map((f) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\nlighthouse: ${rows.length} page(s) pass (performance >= 95, accessibility/best practices/SEO 100, CLS 0; heaviest chapter within ${HEAVIEST_MAX_GAP * 100} points of home, exceptions named above)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
