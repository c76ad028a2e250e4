/**
 * Every word an island shows, one typed table per locale. Adding a language means adding one object that satisfies
 * `IslandStrings`; the compiler lists anything missing. Pages pick the table with `islandStrings(locale)` and pass it as a prop,
 * so every entry is plain text (props must serialise): placeholders such as `{token}` are filled with `fill()`.
 */

/**
 * Replaces `{name}` placeholders with values.
 * @example fill('{n} elements', { n: '12' }) //=> '12 elements'
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/** Words shared by every island. */
export interface CommonStrings {
  /** Button that copies a link reproducing the current inputs. */
  copyLink: string;
  /** Shown briefly after the link was copied. */
  copied: string;
  /** Shown when the clipboard is not available. */
  copyFailed: string;
  /** Button that restores the default inputs. */
  reset: string;
  /** Prefix for a message that the result shown is the last valid one. */
  keptLastGood: string;
}

/** Words of the tensor-size calculator. */
export interface TensorSizeStrings {
  /** Accessible name of the calculator region. */
  title: string;
  shapeLabel: string;
  shapeHint: string;
  formatLabel: string;
  rankLabel: string;
  elementsLabel: string;
  bytesLabel: string;
  stridesLabel: string;
  /** Explains the bytes row; placeholders {elements} and {bytesPerValue}. */
  bytesFormula: string;
  errors: {
    empty: string;
    /** Placeholder {token}. */
    notInteger: string;
    /** Placeholder {token}. */
    notPositive: string;
    /** Placeholders {rank} and {max}. */
    tooManyDims: string;
    tooLarge: string;
    unknownFormat: string;
  };
}

/** All island strings of one locale. */
export interface IslandStrings {
  /** BCP-47 tag used for number formatting. */
  numberLocale: string;
  common: CommonStrings;
  tensorSize: TensorSizeStrings;
}

const en: IslandStrings = {
  numberLocale: 'en-US',
  common: {
    copyLink: 'Copy link',
    copied: 'Link copied',
    copyFailed: 'Copy failed: the address bar has the link',
    reset: 'Reset',
    keptLastGood: 'Showing the last valid result.',
  },
  tensorSize: {
    title: 'Tensor size calculator',
    shapeLabel: 'Shape',
    shapeHint: 'Dimensions separated by commas, e.g. 8, 2048, 4096',
    formatLabel: 'Number format',
    rankLabel: 'Rank',
    elementsLabel: 'Elements',
    bytesLabel: 'Bytes',
    stridesLabel: 'Contiguous strides (elements)',
    bytesFormula: '{elements} elements × {bytesPerValue} bytes each',
    errors: {
      empty: 'Enter at least one dimension.',
      notInteger: '“{token}” is not a whole number. Use digits only, e.g. 4096.',
      notPositive: 'Dimension {token} must be at least 1.',
      tooManyDims: '{rank} dimensions is more than the {max} this calculator takes.',
      tooLarge: 'That tensor has more than 2^53 elements, far beyond any GPU’s memory.',
      unknownFormat: 'Choose a number format from the list.',
    },
  },
};

const tables = { en } as const;

/** The locales islands have words for. */
export type IslandLocale = keyof typeof tables;

/** The string table for a Starlight locale (`undefined` is the root locale, English); falls back to English. */
export function islandStrings(locale: string | undefined): IslandStrings {
  return (locale !== undefined && locale in tables ? tables[locale as IslandLocale] : tables.en);
}
