/**
 * Words that components render at build time (figures, formulas), one typed table per locale. A table is a
 * `Record<BuildLocale, …>`, so a locale that lacks a key does not compile. Components pick their table with
 * `buildLocale(Astro.currentLocale)`; MDX chapters pass the same props in every language.
 */

/** The locales with build-time words; `en` is the root locale. */
export const BUILD_LOCALES = ['en', 'zh-cn'] as const;
export type BuildLocale = (typeof BUILD_LOCALES)[number];

/**
 * The table key for a Starlight locale (`undefined` or `root` is English); unknown locales fall back to English.
 * @example buildLocale('zh-cn') //=> 'zh-cn'
 * @example buildLocale(undefined) //=> 'en'
 */
export function buildLocale(locale: string | undefined): BuildLocale {
  const key = locale?.toLowerCase();
  return (BUILD_LOCALES as readonly string[]).includes(key ?? '') ? (key as BuildLocale) : 'en';
}

/** One table per locale; a missing locale or key is a type error. */
export type PerLocale<W> = { readonly [L in BuildLocale]: W };

/** Accessible names of the scroll regions around wide figures and formulas. */
export interface ChromeWords {
  /** Name of a figure's scroll region, from its caption. */
  figureRegion: (caption: string) => string;
  /** Name of a display formula's scroll region. */
  formulaRegion: string;
}

export const CHROME_WORDS: PerLocale<ChromeWords> = {
  en: {
    figureRegion: (caption) => `Figure: ${caption} (scrolls sideways on narrow screens)`,
    formulaRegion: 'Formula (scrolls sideways on narrow screens)',
  },
  'zh-cn': {
    figureRegion: (caption) => `图：${caption}（窄屏上可左右滚动）`,
    formulaRegion: '公式（窄屏上可左右滚动）',
  },
};
