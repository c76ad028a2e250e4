/**
 * No-third-party gate.
 *  1. Static scan of dist/: HTML, CSS and JS may not load anything from another origin — no http(s) URL in src=/srcset=/
 *     poster=, in href= of <link rel=stylesheet|preload|modulepreload|icon|prefetch|manifest>, in CSS @import or url(),
 *     or in JS fetch()/import()/import-from/importScripts/new Worker. Plain links (<a href>), canonical/alternate links and
 *     meta tags are not loads. The site's own public origin is allowed.
 *  2. In Chromium: a page of every type, with islands hydrated, dark and print media, and the search dialog used, makes
 *     no request outside the loopback origin (foreign requests are recorded and aborted by openPage).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, openPage, screenshotOnFailure, sitemapPaths } from './support/browser.ts';

const DIST = 'dist';
const SITE = new URL(/\bSITE\s*=\s*['"]([^'"]+)['"]/.exec(readFileSync('astro.config.mjs', 'utf8'))?.[1] ?? 'https://example.invalid');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const ABS = String.raw`(?:https?:)?\/\/[^\s"'()<>\\]+`;
const foreign = (url: string): boolean => {
  try {
    return new URL(url, SITE).origin !== SITE.origin;
  } catch {
    return true;
  }
};

/** Resource loads to other origins found in one file's text. */
export function foreignLoads(text: string, kind: 'html' | 'css' | 'js'): string[] {
  const hits: string[] = [];
  const seen = new Set<string>();
  const add = (url: string | undefined, where: string): void => {
    if (url && /^(https?:)?\/\//i.test(url) && foreign(url) && !seen.has(url)) {
      seen.add(url);
      hits.push(`${where}: ${url}`);
    }
  };
  const css = (body: string): void => {
    for (const m of body.matchAll(new RegExp(String.raw`@import\s+(?:url\(\s*)?["']?(${ABS})`, 'gi'))) add(m[1], '@import');
    for (const m of body.matchAll(new RegExp(String.raw`url\(\s*["']?(${ABS})`, 'gi'))) add(m[1], 'url()');
  };
  const js = (body: string): void => {
    for (const m of body.matchAll(new RegExp(String.raw`\b(fetch|import|importScripts|Worker|SharedWorker|EventSource|WebSocket|sendBeacon)\s*\(\s*["'\`](${ABS})`, 'g'))) add(m[2], `${m[1]}()`);
    for (const m of body.matchAll(new RegExp(String.raw`\b(?:import|export)\s*[\w$*{}\s,]*?\s*from\s*["'\`](${ABS})`, 'g'))) add(m[1], 'import from');
    for (const m of body.matchAll(new RegExp(String.raw`\.(?:src|href)\s*=\s*["'\`](${ABS})`, 'g'))) add(m[1], '.src/.href =');
  };
  if (kind === 'css') css(text);
  else if (kind === 'js') js(text);
  else {
    for (const m of text.matchAll(/<(style)\b[^>]*>([\s\S]*?)<\/style>/gi)) css(m[2] ?? '');
    for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) js(m[1] ?? '');
    for (const m of text.matchAll(/\sstyle=(?:"([^"]*)"|'([^']*)')/gi)) css((m[1] ?? m[2] ?? '').replace(/&quot;/g, '"'));
    for (const m of text.matchAll(/<([a-z][\w-]*)\b([^>]*)>/gi)) {
      const tag = (m[1] ?? '').toLowerCase();
      const attrs = m[2] ?? '';
      const attr = (name: string): string | undefined => new RegExp(String.raw`\s${name}=(?:"([^"]*)"|'([^']*)'|([^\s>]+))`, 'i').exec(attrs)?.slice(1).find((v) => v !== undefined);
      for (const name of ['src', 'poster', 'data', 'background']) if (tag !== 'a') add(attr(name), `<${tag} ${name}>`);
      const srcset = attr('srcset') ?? attr('imagesrcset');
      if (srcset) for (const part of srcset.split(',')) add(part.trim().split(/\s+/)[0], `<${tag} srcset>`);
      if (tag === 'link' && /\b(stylesheet|preload|modulepreload|icon|apple-touch-icon|prefetch|prerender|manifest|preconnect|dns-prefetch|mask-icon)\b/i.test(attr('rel') ?? '')) add(attr('href'), `<link rel=${attr('rel')}>`);
      if ((tag === 'image' || tag === 'use' || tag === 'feimage') && attr('href')) add(attr('href'), `<${tag} href>`);
    }
  }
  return hits;
}

const scanned = files(DIST)
  .filter((f) => /\.(html|css|js|mjs|svg)$/.test(f) && !f.includes(`${DIST}/pagefind/`))
  .map((f) => ({ file: relative(DIST, f), kind: (f.endsWith('.css') ? 'css' : /\.m?js$/.test(f) ? 'js' : 'html') as 'html' | 'css' | 'js' }));

describe('static scan of dist/: nothing loaded from another origin', () => {
  it('finds the built files', () => {
    expect(scanned.filter((s) => s.kind === 'html').length).toBeGreaterThan(2);
    expect(scanned.some((s) => s.kind === 'css')).toBe(true);
  });

  it('the scanner recognises foreign loads (self-check)', () => {
    expect(foreignLoads('<link rel="stylesheet" href="https://cdn.example/k.css"><img src="//img.example/a.png"><a href="https://ok.example/">x</a>', 'html')).toHaveLength(2);
    expect(foreignLoads('@import url("https://fonts.example/f.css"); a{background:url(https://x.example/i.png)}', 'css')).toHaveLength(2);
    expect(foreignLoads('fetch("https://api.example/x");import("https://esm.example/m.js")', 'js')).toHaveLength(2);
    expect(foreignLoads(`<link rel="canonical" href="${SITE.origin}/"><img src="${SITE.origin}/og/index.png">`, 'html')).toEqual([]);
  });

  it('no HTML, CSS, JS or SVG file in dist loads a resource from another origin', () => {
    const hits = scanned.flatMap(({ file, kind }) => foreignLoads(readFileSync(join(DIST, file), 'utf8'), kind).map((h) => `${file}: ${h}`));
    expect(hits).toEqual([]);
  });
});

/** One page per kind of page (first segment of the path and depth), so every template is exercised. */
function onePerKind(paths: string[]): string[] {
  const seen = new Map<string, string>();
  for (const p of paths) {
    const parts = p.split('/').filter(Boolean);
    const key = `${parts[0] ?? ''}/${parts.length}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ colorScheme: 'dark' });
});
afterAll(async () => {
  await browser?.close();
});

describe('in Chromium: no request leaves the origin', () => {
  // Two pages at once (maxConcurrency in the config), each in its own tab: the machines have two cores.
  it.concurrent.each(onePerKind(sitemapPaths()))('%s (islands hydrated, print media, search used)', async (path) => {
    const { page, problems } = await openPage(context, path);
    try {
      for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')), undefined, { timeout: 10_000 });
      await page.emulateMedia({ media: 'print' });
      await page.emulateMedia({ media: 'screen' });
      const search = page.locator('button[data-open-modal]');
      if (await search.isVisible()) {
        await search.click();
        await page.locator('#starlight__search input').fill('memory');
        await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
      }
      await page.waitForLoadState('networkidle');
      expect(problems.foreignRequests).toEqual([]);
    } catch (error) {
      await screenshotOnFailure(page, `third-party${path}`);
      throw error;
    } finally {
      await page.close();
    }
  });
});
