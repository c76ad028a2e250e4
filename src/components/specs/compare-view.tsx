/**
 * The side-by-side comparison of two to four cards, drawn from a table of rows and formatted cells that its island passes in
 * (Compare.island.tsx in English, CompareZh.island.tsx in Chinese, each importing its language's shared module). The server renders the default pair; after hydration the island reads
 * `?ids=a,b[,c,d]`, lets the reader pick cards with labelled selects, keeps the choice in the URL, and marks the better
 * value in each row in words. Unknown or garbage ids produce a message, never a broken table.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IslandWords } from '../../i18n/islands.ts';
import { fill } from '../../i18n/fill.ts';
import { bestIndexes, type Better, type NullMeaning } from '../../lib/hardware/specs.ts';
import { COMPARE_URL_KEY, MAX_CARDS, parseIds } from './compare-ids.ts';

/** One comparison row, already labelled. */
export interface CompareRow {
  anchor: string;
  header: string;
  better: Better | null;
  nullMeans: NullMeaning;
}

/** One card, its cells already formatted at build time. */
export interface CompareCard {
  id: string;
  name: string;
  group: string;
  /** Display text per row. */
  cells: string[];
  /** Comparable number per row (null where missing or not comparable). */
  nums: (number | null)[];
}

export interface CompareProps {
  strings: IslandWords<'compare'>;
  /** The pair shown before the reader picks (and in the HTML). */
  defaultIds: string[];
}

/** The comparison over one language's table (its island imports the table; the page's HTML carries only ids). */
export function CompareView({ strings, defaultIds, rows, cards }: CompareProps & { rows: readonly CompareRow[]; cards: readonly CompareCard[] }) {
  const t = strings.compare;
  const byId = new Map(cards.map((c) => [c.id, c]));
  const [slots, setSlots] = useState<string[]>(() => [...defaultIds, '', '', ''].slice(0, MAX_CARDS));
  const [message, setMessage] = useState<string>('');

  const namesOf = (ids: string[]) => ids.map((id) => byId.get(id)?.name ?? id).join(', ');

  // Adopt ?ids once after hydration (the server render always shows the defaults).
  useEffect(() => {
    const { ids, unknown, tooMany } = parseIds(window.location.search, new Set(byId.keys()));
    if (ids.length === 0 && unknown.length === 0) return;
    let chosen = ids;
    if (chosen.length < 2) chosen = [...chosen, ...defaultIds.filter((d) => !chosen.includes(d))].slice(0, 2);
    const parts: string[] = [];
    if (unknown.length > 0) parts.push(fill(t.unknownIds, { ids: unknown.map((u) => `“${u}”`).join(', '), shown: namesOf(chosen) }));
    else if (ids.length < 2) parts.push(fill(t.tooFew, { shown: namesOf(chosen) }));
    if (tooMany) parts.push(fill(t.tooMany, { max: MAX_CARDS }));
    setMessage(parts.join(' '));
    setSlots([...chosen, '', '', ''].slice(0, MAX_CARDS));
  }, []);

  const chosen = slots.filter((id) => byId.has(id));
  const shown = chosen.map((id) => byId.get(id)!);

  const choose = (slot: number, id: string) => {
    if (id !== '' && slots.some((s, i) => i !== slot && s === id)) {
      setMessage(t.duplicate);
      return;
    }
    const next = slots.map((s, i) => (i === slot ? id : s));
    // Keep two required slots filled.
    if (next.filter((s) => byId.has(s)).length < 2) return;
    setSlots(next);
    setMessage('');
    const ids = next.filter((s) => byId.has(s));
    const params = new URLSearchParams(window.location.search);
    params.set(COMPARE_URL_KEY, ids.join(','));
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params.toString().replace(/%2C/g, ',')}${window.location.hash}`);
  };

  const groups = [...new Set(cards.map((c) => c.group))];
  const mark = (better: Better, tie: boolean) => {
    const word = shown.length === 2 ? (better === 'higher' ? t.higher : t.lower) : better === 'higher' ? t.highest : t.lowest;
    return tie ? `${word}, ${t.tie}` : word;
  };

  return (
    <section class="island compare" aria-label={t.title}>
      <div class="calc-inputs">
        {slots.map((value, slot) => {
          const id = `compare-card-${slot + 1}`;
          return (
            <div class="field" key={id}>
              <label for={id}>{fill(slot < 2 ? t.cardLabel : t.optionalCardLabel, { n: slot + 1 })}</label>
              <select id={id} value={value} onChange={(e) => choose(slot, (e.currentTarget as HTMLSelectElement).value)}>
                {slot >= 2 && <option value="">{t.none}</option>}
                {groups.map((g) => (
                  <optgroup label={g} key={g}>
                    {cards.filter((c) => c.group === g).map((c) => (
                      <option value={c.id} key={c.id}>{c.name}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <p class="island-status compare-message" role="status" data-testid="compare-message">{message}</p>
      <p class="compare-legend">{t.legend}</p>
      <div class="table-scroll" role="region" tabIndex={0} aria-label="Comparison table (scrolls sideways on narrow screens)">
        <table class="spec compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t.specHeader}</th>
              {shown.map((c) => (
                <th scope="col" key={c.id} data-id={c.id}><a href={`/gpus/${c.id}/`}>{c.name}</a></th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const winners = row.better ? bestIndexes(shown.map((c) => c.nums[r] ?? null), row.better, row.nullMeans) : [];
              return (
                <tr key={row.anchor} data-row={row.anchor}>
                  <th scope="row">{row.header}</th>
                  {shown.map((c, i) => {
                    const wins = winners.includes(i);
                    return (
                      <td key={c.id} class={wins ? 'winner' : undefined} data-winner={wins ? 'true' : undefined}>
                        {wins ? <strong>{c.cells[r]}</strong> : c.cells[r]}
                        {wins && row.better && <span class="winner-mark"> ✓ {mark(row.better, winners.length > 1)}</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
