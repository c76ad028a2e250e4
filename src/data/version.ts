/**
 * Version of the GPU spec database and the log of corrections made to it. Shown on every spec page and written into
 * `/gpus.json` and `/gpus.csv`, so a citation names the exact data it quotes.
 * Bump the version (year.month.patch) whenever a published value changes, and add a CHANGELOG entry saying which
 * card, which field, the old and new value and why.
 */

/** Current version of the spec data. */
export const DATA_VERSION = '2026.11.0';

/** Who publishes the data, as a citation names the author. */
export const DATA_PUBLISHER = 'GPUs for Large Models';

/** Licence of the spec data (the numbers, sources and notes). */
export const DATA_LICENSE = 'CC BY 4.0';
/** Where the licence text lives. */
export const DATA_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
/** One line a download carries about its licence. */
export const DATA_LICENSE_LINE = `GPU spec data by GPUs for Large Models, licensed under ${DATA_LICENSE} (${DATA_LICENSE_URL}); cite the card page and the data version.`;

/** One published version and what it corrected. */
export interface ChangelogEntry {
  /** Data version, e.g. "2026.11.0". */
  version: string;
  /** Release date, ISO yyyy-mm-dd. */
  date: string;
  /** Plain sentences: one per correction or addition. */
  changes: string[];
}

/** Newest first. */
export const CHANGELOG: readonly ChangelogEntry[] = [
  {
    version: '2026.11.0',
    date: '2026-11-01',
    changes: [
      'First published version of the spec database: every value dense (no 2:4 sparsity) at the reference boost clock, each with its sources.',
    ],
  },
];
