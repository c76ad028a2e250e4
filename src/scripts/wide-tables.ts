/**
 * Wide tables on narrow screens. Every table region (`.table-scroll`, or a table that scrolls itself) is measured:
 * - on a small screen (under 40rem) a table wider than its region stacks its rows, each cell labelled with its column
 *   (the labels come from the header row and are written to `data-label`; CSS shows them);
 * - otherwise a region that still overflows gets `data-overflow`, which CSS turns into a visible "scrolls sideways" line,
 *   while the first column stays in view (position: sticky, in site.css).
 * Without JavaScript the tables scroll sideways with the sticky first column and edge shadows; nothing is lost.
 * Only attributes are written, never nodes, so islands that re-render their tables are not disturbed.
 */
const SMALL = '(max-width: 40rem)';

/** Header text of each column, with colspans expanded, from the last header row. */
function columnLabels(table: HTMLTableElement): string[] {
  const rows = table.tHead?.rows;
  const head = rows && rows.length > 0 ? rows[rows.length - 1] : null;
  if (!head) return [];
  const labels: string[] = [];
  for (const cell of Array.from(head.cells)) {
    const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    for (let i = 0; i < Math.max(1, cell.colSpan); i++) labels.push(text);
  }
  return labels;
}

function label(table: HTMLTableElement): void {
  const labels = columnLabels(table);
  if (labels.length === 0) return;
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let col = 0;
      for (const cell of Array.from(row.cells)) {
        const text = labels[col];
        if (text && cell.colSpan === 1 && cell.getAttribute('data-label') !== text) cell.setAttribute('data-label', text);
        col += Math.max(1, cell.colSpan);
      }
    }
  }
}

const overflows = (el: HTMLElement): boolean => el.scrollWidth > el.clientWidth + 1;

function fit(table: HTMLTableElement, small: boolean): void {
  const region = table.parentElement?.classList.contains('table-scroll') ? table.parentElement : table;
  table.removeAttribute('data-stacked');
  const stackable = small && !table.classList.contains('card-spec') && columnLabels(table).length >= 3;
  if (stackable && overflows(region)) {
    label(table);
    table.setAttribute('data-stacked', '');
  }
  region.toggleAttribute('data-overflow', overflows(region));
}

function fitAll(): void {
  const small = window.matchMedia(SMALL).matches;
  for (const table of Array.from(document.querySelectorAll<HTMLTableElement>('.sl-markdown-content table'))) fit(table, small);
  for (const chart of Array.from(document.querySelectorAll<HTMLElement>('.sl-markdown-content .chart-scroll'))) chart.toggleAttribute('data-overflow', overflows(chart));
}

let pending = 0;
function schedule(): void {
  if (pending) return;
  pending = requestAnimationFrame(() => {
    pending = 0;
    fitAll();
  });
}

/** Measures every table now, again on resize, and again whenever an island re-renders the content. */
export function initWideTables(): void {
  fitAll();
  window.addEventListener('resize', schedule);
  const content = document.querySelector('.sl-markdown-content');
  if (content) new MutationObserver(schedule).observe(content, { childList: true, subtree: true, characterData: true });
}
