/**
 * Layout checks that read a loaded page at whatever width its tab has: the rendered size of chart text, how each wide
 * table copes with its column, and at a phone's width, sideways scrolling and numbers wrapped mid-digit. pages.e2e.ts runs
 * them on every page at 1280 px and again after resizing the same tab to 390 px; narrow.e2e.ts on pages loaded at 390 px.
 */
import type { Page } from 'playwright-core';

/** The phone the narrow checks stand for: 390 × 844 CSS px (an iPhone 12 to 14). */
export const PHONE = { width: 390, height: 844 } as const;

/** Smallest rendered size of chart text, in CSS px. */
export const MIN_CHART_TEXT_PX = 12;

/** One chart text drawn under `MIN_CHART_TEXT_PX`. */
interface SmallText {
  text: string;
  px: number;
  chart: string;
}

/**
 * Every visible text of the islands' SVG charts and of static `figure.chart` SVGs, with its rendered size: the computed font
 * size times the scale at which the SVG's viewBox is drawn. Returns how many texts were measured and the ones too small
 * (smallest first, at most five).
 */
function chartText(page: Page): Promise<{ measured: number; small: SmallText[] }> {
  return page.evaluate((minPx) => {
    const svgs = [...document.querySelectorAll<SVGSVGElement>('astro-island svg[viewBox], figure.chart svg[viewBox]')];
    const all: SmallText[] = [];
    for (const svg of svgs) {
      const box = svg.viewBox.baseVal;
      const rect = svg.getBoundingClientRect();
      if (!box || box.width === 0 || rect.width === 0) continue;
      // preserveAspectRatio meet: the smaller of the two scales applies.
      const scale = Math.min(rect.width / box.width, rect.height / box.height);
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const text = (t.textContent ?? '').trim();
        if (!text || t.getBBox().width === 0) continue;
        all.push({ text: text.slice(0, 30), px: parseFloat(getComputedStyle(t).fontSize) * scale, chart: svg.getAttribute('class') ?? svg.getAttribute('aria-label')?.slice(0, 30) ?? '' });
      }
    }
    const small = all.filter((x) => x.px < minPx - 0.05).sort((a, b) => a.px - b.px).slice(0, 5);
    return { measured: all.length, small };
  }, MIN_CHART_TEXT_PX);
}

/** One line per chart text that is too small. */
const smallTextProblems = (path: string, small: readonly SmallText[]): string[] => small.map((t) => `${path} ${t.chart}: "${t.text}" at ${t.px.toFixed(1)} px`);

/** How one content table copes with its column. */
interface TableReport {
  label: string;
  overflows: boolean;
  stacked: boolean;
  sticky: boolean;
  hintVisible: boolean;
}

/**
 * Each table in the content, with the box that scrolls it (its `.table-scroll` region, or the table itself): whether it
 * overflows, whether its rows are stacked, whether its first column is sticky and whether a "scrolls sideways" line shows.
 */
function tableReport(page: Page): Promise<TableReport[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLTableElement>('.sl-markdown-content table')].filter((t) => t.offsetParent !== null).map((table) => {
    const region = table.parentElement?.classList.contains('table-scroll') ? table.parentElement : table;
    const firstCell = table.querySelector('tbody tr > :first-child:not([colspan])');
    const hint = region === table ? getComputedStyle(table.caption ?? table, '::after') : getComputedStyle(region, '::before');
    return {
      label: region.getAttribute('aria-label') ?? table.caption?.textContent?.slice(0, 60) ?? table.getAttribute('data-testid') ?? '',
      overflows: region.scrollWidth > region.clientWidth + 1,
      stacked: table.hasAttribute('data-stacked'),
      sticky: firstCell ? getComputedStyle(firstCell).position === 'sticky' : true,
      // The hint's words follow the page's language; both end in an arrow.
      hintVisible: hint.display !== 'none' && hint.content.includes('→'),
    };
  }));
}

/** A table that overflows without stacking must hold its first column in view and say that it scrolls. */
const tableProblems = (path: string, tables: TableReport[]): string[] =>
  tables.filter((t) => t.overflows && !t.stacked && !(t.sticky && t.hintVisible)).map((t) => `${path} ${t.label}: sticky ${t.sticky}, hint ${t.hintVisible}`);

/**
 * What goes wrong at a desktop's width, as one line each: chart text under 12 px, a table stacked (only small screens
 * stack), a table that overflows without holding its first column and showing its hint. Also how many chart texts were measured.
 */
export async function desktopLayoutProblems(page: Page, path: string): Promise<{ problems: string[]; chartTexts: number }> {
  const charts = await chartText(page);
  const tables = await tableReport(page);
  const problems = [
    ...smallTextProblems(path, charts.small),
    ...tables.filter((t) => t.stacked).map((t) => `${path} ${t.label}: stacked at desktop width`),
    ...tableProblems(path, tables),
  ];
  return { problems, chartTexts: charts.measured };
}

/** Elements that stick out past the right edge of the window and are not inside a region that scrolls. */
function overflowingElements(page: Page) {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= w + 0.5) continue;
      let p = el.parentElement;
      let clipped = false;
      while (p && p !== document.body) {
        const s = getComputedStyle(p);
        if (s.overflowX !== 'visible' && p.getBoundingClientRect().right <= w + 0.5) { clipped = true; break; }
        p = p.parentElement;
      }
      if (!clipped) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (+${Math.round(r.right - w)}px)`);
      if (out.length > 5) break;
    }
    return out;
  });
}

/** Numbers of four or more digits whose characters land on more than one line (a number wrapped mid-digit). */
function brokenNumbers(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && out.length < 5; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('svg, .katex, pre, code') || parent.offsetParent === null) continue;
      for (const m of text.matchAll(/\d[\d,.]*\d/g)) {
        if (m[0].replace(/\D/g, '').length < 4) continue;
        const range = document.createRange();
        range.setStart(node, m.index ?? 0);
        range.setEnd(node, (m.index ?? 0) + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(`${m[0]} in <${parent.tagName.toLowerCase()} class="${parent.className}">`);
      }
    }
    return out;
  });
}

/**
 * Everything that goes wrong on a page at a phone's width, as one line each: the page scrolls sideways (with the elements
 * that stick out), a number wraps mid-digit, chart text renders under 12 px, a table neither stacks nor scrolls in its own
 * region with its first column held and its hint shown.
 */
export async function phoneLayoutProblems(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const sizes = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (sizes.scrollWidth > sizes.innerWidth) problems.push(`${path} scrolls sideways by ${sizes.scrollWidth - sizes.innerWidth} px: ${(await overflowingElements(page)).join(', ')}`);
  problems.push(...(await brokenNumbers(page)).map((n) => `${path} wraps ${n}`));
  problems.push(...smallTextProblems(path, (await chartText(page)).small));
  problems.push(...tableProblems(path, await tableReport(page)));
  return problems;
}

/** Resizes a loaded tab to the phone's width and waits two frames, for the page's resize handlers (wide tables) to run. */
export async function toPhoneWidth(page: Page): Promise<void> {
  await page.setViewportSize(PHONE);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
