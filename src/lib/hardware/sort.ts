/** The order cards are listed in everywhere: by series, then launch date, then name. */
import { SERIES, type GpuRecord } from './schema.ts';

/**
 * Orders cards by series (as listed in SERIES), then launch date, then name.
 * @example sortGpus(cards)[0]?.series //=> "geforce-10"
 */
export function sortGpus<T extends Pick<GpuRecord, 'series' | 'launchDate' | 'name'>>(cards: T[]): T[] {
  return [...cards].sort(
    (a, b) =>
      SERIES.indexOf(a.series) - SERIES.indexOf(b.series) ||
      a.launchDate.localeCompare(b.launchDate) ||
      a.name.localeCompare(b.name),
  );
}
