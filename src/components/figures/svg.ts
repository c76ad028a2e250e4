/**
 * Small helpers for figures drawn as SVG strings at build time: escaping, the accessible document wrapper and a few marks.
 * Figures use classes (styled in Figure.astro with Starlight's colour variables), so they follow the light and dark themes.
 */
import type { BuildLocale } from '../../i18n/build-words.ts';

/** A figure drawn in the words of a locale; `Figure.astro` calls it with the page's locale. */
export type LocalisedSvg = (locale: BuildLocale) => string;

/**
 * Escapes text for SVG content and attribute values.
 * @example esc('a < b & "c"') //=> 'a &lt; b &amp; &quot;c&quot;'
 */
export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Size, names and description of one figure. */
export interface SvgFrame {
  /** Unique id; the title and description ids derive from it. */
  id: string;
  /** viewBox width in user units (1 unit = 1 CSS px at full size). */
  width: number;
  /** viewBox height. */
  height: number;
  /** Short accessible name. */
  title: string;
  /** What the figure shows, in words, for readers who cannot see it. */
  desc: string;
}

/** Wraps figure marks in an accessible `<svg role="img">` named by its `<title>` and described by its `<desc>`. */
export function svgDoc(f: SvgFrame, body: string): string {
  const t = `${f.id}-title`;
  const d = `${f.id}-desc`;
  return `<svg class="fig-svg" viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}" role="img" aria-labelledby="${t} ${d}" xmlns="http://www.w3.org/2000/svg"><title id="${t}">${esc(f.title)}</title><desc id="${d}">${esc(f.desc)}</desc>${body}</svg>`;
}

/** A text label; `anchor` is start, middle or end; `cls` adds classes. */
export function text(x: number, y: number, content: string | number, anchor: 'start' | 'middle' | 'end' = 'middle', cls = ''): string {
  return `<text x="${x}" y="${y}" text-anchor="${anchor}"${cls ? ` class="${cls}"` : ''}>${esc(content)}</text>`;
}

/** A rectangle with a class. */
export function rect(x: number, y: number, w: number, h: number, cls: string): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" class="${cls}"/>`;
}

/** A straight line with an arrow head at its end (the marker is defined once per figure by `arrowDefs`). */
export function arrow(id: string, x1: number, y1: number, x2: number, y2: number, cls = 'fig-line'): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" class="${cls}" marker-end="url(#${id}-arrow)"/>`;
}

/** The arrow-head marker for a figure; it takes the line's colour. */
export function arrowDefs(id: string): string {
  return `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="fig-arrowhead"/></marker></defs>`;
}
