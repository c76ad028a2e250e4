/**
 * The header row of a data table: one `<th scope="col">` per column, numeric columns marked `class="num"` (right-aligned).
 * Rendered at build time by .astro pages (no JavaScript ships for it). The islands keep their header rows inline: there a
 * shared module becomes a chunk of its own and costs each page more gzipped JavaScript than the few lines it saves.
 */

/** A column's header: its text; `{ num: text }` for a numeric column; `{ srOnly: text }` for one whose name only screen readers need (a column of links). */
export type Column = string | { num: string } | { srOnly: string; class?: string };

/** The `<tr>` of column headers for `columns`, in order. */
export function HeadRow({ columns }: { columns: readonly Column[] }) {
  return (
    <tr>
      {columns.map((c) => (typeof c === 'string' ? <th scope="col">{c}</th>
        : 'num' in c ? <th scope="col" class="num">{c.num}</th>
        : <th scope="col" class={c.class}><span class="sr-only">{c.srOnly}</span></th>))}
    </tr>
  );
}
