/** Reading the compare page's `?ids=` parameter. Pure, so it is unit-tested without a browser. */

/** The one URL key the compare island reads and writes (absolute). */
export const COMPARE_URL_KEY = 'ids';

/** Most cards side by side. */
export const MAX_CARDS = 4;

/** Reads `ids` from a query string: known ids (deduplicated, at most four) and the unknown ones (shortened for display). */
export function parseIds(search: string, known: ReadonlySet<string>): { ids: string[]; unknown: string[]; tooMany: boolean } {
  const raw = new URLSearchParams(search).get(COMPARE_URL_KEY);
  if (raw === null) return { ids: [], unknown: [], tooMany: false };
  const tokens = raw.split(',').map((t) => t.trim()).filter((t) => t !== '').slice(0, 12);
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const t of tokens) {
    if (known.has(t)) {
      if (!ids.includes(t)) ids.push(t);
    } else unknown.push(t.length > 40 ? `${t.slice(0, 40)}…` : t);
  }
  return { ids: ids.slice(0, MAX_CARDS), unknown, tooMany: ids.length > MAX_CARDS };
}
