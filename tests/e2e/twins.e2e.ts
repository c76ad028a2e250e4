/**
 * Language twins, checked on the built site (dist/, no browser): every English page has a /zh-cn/ twin and every Chinese page
 * an English one; the sitemap lists both; and every Chinese page is a translation that reads as Chinese, not Starlight's
 * fallback (an English page served under /zh-cn/ with a "not translated yet" notice, whose <main> is lang="en").
 * A page that exists in one language only, or a chapter still waiting for its translation, fails here by name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitemapPaths } from './support/browser.ts';

const DIST = 'dist';
/** Built files that are not pages of either language. */
const NOT_PAGES = new Set(['_astro', 'pagefind', 'og']);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return NOT_PAGES.has(name) && dir === DIST ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** Site path of a built file: "/learn/vram/" for dist/learn/vram/index.html; the root 404.html counts as "/404/". */
const pathOf = (file: string): string => {
  const rel = '/' + relative(DIST, file).split('\\').join('/');
  if (rel === '/404.html') return '/404/';
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
};

const all = htmlFiles(DIST).map(pathOf);
const english = all.filter((p) => !p.startsWith('/zh-cn/'));
const chinese = all.filter((p) => p.startsWith('/zh-cn/'));
const twinOf = (p: string): string => (p.startsWith('/zh-cn/') ? p.slice('/zh-cn'.length) : `/zh-cn${p}`);
const fileOf = (p: string): string => (p === '/404/' ? join(DIST, '404.html') : join(DIST, p, 'index.html'));

/** Whether a Chinese page's main content is Chinese: <main lang="zh-CN"> and Chinese text in it. */
function chineseProblem(path: string): string | null {
  const html = readFileSync(fileOf(path), 'utf8');
  const htmlLang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
  if (htmlLang !== 'zh-CN') return `<html lang="${htmlLang ?? ''}">`;
  const main = /<main\b([^>]*)>([\s\S]*?)<\/main>/.exec(html);
  if (!main) return 'no <main>';
  const mainLang = /\slang="([^"]+)"/.exec(main[1] ?? '')?.[1];
  if (mainLang !== undefined && mainLang !== 'zh-CN') return `untranslated: Starlight shows the English text (<main lang="${mainLang}">)`;
  const text = (main[2] ?? '').replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/gi, '').replace(/<[^>]+>/g, ' ');
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return han >= 40 ? null : `only ${han} Chinese characters in <main>`;
}

describe('every page exists in English and Chinese', () => {
  it('the build has pages in both languages', () => {
    expect(english.length).toBeGreaterThan(50);
    expect(chinese.length).toBeGreaterThan(50);
  });

  it('every English page has a /zh-cn/ twin', () => {
    expect(english.filter((p) => !all.includes(twinOf(p)))).toEqual([]);
  });

  it('every Chinese page has an English twin', () => {
    expect(chinese.filter((p) => !all.includes(twinOf(p)))).toEqual([]);
  });

  it('the sitemap lists each page in both languages', () => {
    const listed = new Set(sitemapPaths());
    const missing = [...listed].filter((p) => !listed.has(twinOf(p)));
    expect(missing).toEqual([]);
    expect(listed.has('/zh-cn/')).toBe(true);
  });

  it('every Chinese page is translated and reads as Chinese', () => {
    const problems = chinese.map((p) => [p, chineseProblem(p)] as const).filter(([, why]) => why !== null).map(([p, why]) => `${p}: ${why}`);
    expect(problems).toEqual([]);
  });

  it('every English page is in English', () => {
    const wrong = english.filter((p) => /<html[^>]*\slang="en"/.test(readFileSync(fileOf(p), 'utf8')) === false);
    expect(wrong).toEqual([]);
  });

  it('the language picker on every page leads to its twin', () => {
    const missing = all.filter((p) => p !== '/404/' && p !== '/zh-cn/404/').filter((p) => !readFileSync(fileOf(p), 'utf8').includes(`<option value="${twinOf(p)}"`));
    expect(missing).toEqual([]);
  });

  it('the two home pages offer each other', () => {
    expect(readFileSync(fileOf('/'), 'utf8')).toMatch(/<a href="\/zh-cn\/" hreflang="zh-CN"/);
    expect(readFileSync(fileOf('/zh-cn/'), 'utf8')).toMatch(/<a href="\/" hreflang="en"/);
  });
});
