/**
 * Progressive enhancement of the all-cards table on /gpus/: sort buttons in the column headers (with aria-sort) and
 * the filter form (series, architecture, minimum memory, maximum price) with a live count of shown rows.
 * Sort and filters live in the address (`?sort=bf16&order=descending&series=geforce-40&minMemory=16`), so a link or a reload
 * shows the same view. The table is complete without this script; it only reorders and hides rows.
 */

type Direction = 'ascending' | 'descending';

/** Compares two cells' sort values; empty values (not supported / not published) always go last. */
function compareCells(a: string, b: string, type: string, direction: Direction): number {
  if (a === '' && b === '') return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const sign = direction === 'ascending' ? 1 : -1;
  if (type === 'number') return sign * (Number(a) - Number(b));
  return sign * a.localeCompare(b);
}

/** Reads a non-negative number from an input; null when empty, NaN when not a number. */
function readNumber(input: HTMLInputElement): number | null {
  if (input.validity.badInput) return Number.NaN; // e.g. a lone "-" or "e": the value reads "" but is not empty
  const raw = input.value.trim();
  if (raw === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : Number.NaN;
}

export function enhanceSpecTable(): void {
  const table = document.querySelector<HTMLTableElement>('#all-cards');
  const form = document.querySelector<HTMLFormElement>('#spec-filters');
  const count = document.querySelector<HTMLElement>('[data-testid="shown-count"]');
  const empty = document.querySelector<HTMLElement>('#spec-empty');
  const body = table?.tBodies[0];
  if (!table || !form || !count || !body) return;
  const headers = [...table.tHead!.rows[0]!.cells];
  const rows = [...body.rows];

  const sortBy = (th: HTMLTableCellElement, direction: Direction) => {
    const index = headers.indexOf(th);
    for (const other of headers) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', direction);
    const type = th.dataset['sortType'] ?? 'text';
    const sorted = [...body.rows].sort(
      (a, b) =>
        compareCells(a.cells[index]?.dataset['sort'] ?? '', b.cells[index]?.dataset['sort'] ?? '', type, direction) ||
        Number(a.dataset['order']) - Number(b.dataset['order']),
    );
    body.append(...sorted);
  };

  // Sorting: wrap each header's text in a button; aria-sort sits on the sorted column's header only.
  // The first click puts the better end first (fastest, largest, cheapest); the next click reverses.
  headers.forEach((th) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    const arrow = document.createElement('span');
    arrow.className = 'sort-arrow';
    arrow.setAttribute('aria-hidden', 'true');
    button.append(arrow);
    th.append(button);
    button.addEventListener('click', () => {
      const current = th.getAttribute('aria-sort');
      const first: Direction = th.dataset['firstSort'] === 'descending' ? 'descending' : 'ascending';
      const direction: Direction = current === null ? first : current === 'ascending' ? 'descending' : 'ascending';
      sortBy(th, direction);
      writeUrl();
    });
  });

  // Filtering.
  const series = form.querySelector<HTMLSelectElement>('#filter-series')!;
  const architecture = form.querySelector<HTMLSelectElement>('#filter-architecture')!;
  const memory = form.querySelector<HTMLInputElement>('#filter-memory')!;
  const price = form.querySelector<HTMLInputElement>('#filter-price')!;
  const memoryMsg = form.querySelector<HTMLElement>('#filter-memory-msg')!;
  const priceMsg = form.querySelector<HTMLElement>('#filter-price-msg')!;
  const priceHint = priceMsg.textContent ?? '';
  let lastMemory: number | null = null;
  let lastPrice: number | null = null;

  const check = (input: HTMLInputElement, msg: HTMLElement, hint: string, last: number | null): number | null => {
    const v = readNumber(input);
    const bad = Number.isNaN(v);
    input.setAttribute('aria-invalid', bad ? 'true' : 'false');
    msg.classList.toggle('error', bad);
    msg.textContent = bad ? (document.documentElement.lang.toLowerCase().startsWith('zh') ? '请输入 0 或更大的数；仍沿用上一个有效值。' : 'Enter a number of 0 or more; the last valid value still applies.') : hint;
    return bad ? last : v;
  };

  const apply = () => {
    lastMemory = check(memory, memoryMsg, '', lastMemory);
    lastPrice = check(price, priceMsg, priceHint, lastPrice);
    let shown = 0;
    for (const row of rows) {
      const rowPrice = row.dataset['price'] ?? '';
      const visible =
        (!series.value || row.dataset['series'] === series.value) &&
        (!architecture.value || row.dataset['architecture'] === architecture.value) &&
        (lastMemory === null || Number(row.dataset['memory']) >= lastMemory) &&
        (lastPrice === null || (rowPrice !== '' && Number(rowPrice) <= lastPrice));
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = String(shown);
    if (empty) empty.hidden = shown > 0;
  };

  // The address records the view: only the parameters that differ from the default are written.
  function writeUrl() {
    const params = new URLSearchParams();
    const sorted = headers.find((th) => th.hasAttribute('aria-sort'));
    if (sorted?.dataset['sortKey']) {
      params.set('sort', sorted.dataset['sortKey']);
      params.set('order', sorted.getAttribute('aria-sort') ?? 'ascending');
    }
    if (series.value) params.set('series', series.value);
    if (architecture.value) params.set('architecture', architecture.value);
    if (lastMemory !== null) params.set('minMemory', String(lastMemory));
    if (lastPrice !== null) params.set('maxPrice', String(lastPrice));
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }

  // Restores the view from the address; values that match no option or are not numbers are ignored.
  function readUrl() {
    const params = new URLSearchParams(location.search);
    const pick = (select: HTMLSelectElement, value: string | null) => {
      if (value !== null && [...select.options].some((o) => o.value === value)) select.value = value;
    };
    pick(series, params.get('series'));
    pick(architecture, params.get('architecture'));
    for (const [input, name] of [[memory, 'minMemory'], [price, 'maxPrice']] as const) {
      const raw = params.get(name);
      if (raw !== null && Number.isFinite(Number(raw)) && Number(raw) >= 0 && raw.trim() !== '') input.value = raw;
    }
    apply();
    const th = headers.find((h) => h.dataset['sortKey'] === params.get('sort'));
    const order = params.get('order');
    if (th) sortBy(th, order === 'ascending' || order === 'descending' ? order : th.dataset['firstSort'] === 'descending' ? 'descending' : 'ascending');
  }

  const update = () => {
    apply();
    writeUrl();
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('reset', () => window.setTimeout(update, 0));
  form.addEventListener('submit', (e) => e.preventDefault());
  readUrl();
}
