/** ZeRO's three stages drawn as what each of N data-parallel cards holds of the parameters, gradients and optimizer states. */
import { esc, rect, svgDoc, text } from './svg.ts';

/** One row of the figure: a strategy and the bytes each card holds under it (from the estimator). */
export interface ZeroRow {
  /** Row label, e.g. "ZeRO-2". */
  label: string;
  /** Which of parameters, gradients, optimizer states are split across the cards. */
  sharded: { params: boolean; grads: boolean; optimizer: boolean };
  /** Bytes per card, already formatted (e.g. "47.1 GiB"). */
  perCard: string;
}

const PARTS = [['params', 'P', 'parameters'], ['grads', 'G', 'gradients'], ['optimizer', 'O', 'optimizer states']] as const;

/**
 * The ZeRO partitioning figure (Rajbhandari et al. 2020, Figure 1): one row per strategy, one column per card, three strips per
 * card; a full strip means the card holds the whole tensor set, a short strip the card's 1/N share.
 */
export function zeroFigure(id: string, cards: number, rows: readonly ZeroRow[]): string {
  const left = 96, colW = 112, gap = 8, stripH = 16, rowH = 84, top = 40;
  const width = left + cards * (colW + gap) + 92;
  const height = top + rows.length * rowH + 52;
  let body = '';
  for (let c = 0; c < cards; c++) body += text(left + c * (colW + gap) + colW / 2, 24, `Card ${c + 1}`, 'middle', 'fig-strong');
  body += text(width - 4, 24, 'Per card', 'end', 'fig-strong');
  rows.forEach((row, r) => {
    const y0 = top + r * rowH;
    body += text(8, y0 + 34, row.label, 'start', 'fig-strong');
    body += text(width - 4, y0 + 34, row.perCard, 'end');
    for (let c = 0; c < cards; c++) {
      const x0 = left + c * (colW + gap);
      body += rect(x0, y0, colW, 3 * (stripH + 4) + 8, 'fig-card');
      PARTS.forEach(([key, letter], p) => {
        const y = y0 + 6 + p * (stripH + 4);
        const full = colW - 12;
        if (row.sharded[key]) {
          const w = full / cards;
          body += rect(x0 + 6, y, full, stripH, 'fig-absent');
          body += rect(x0 + 6 + c * w, y, w, stripH, `fig-fill-${p}`);
          body += text(x0 + 6 + c * w + w / 2, y + 12.5, letter, 'middle', 'fig-on-fill');
        } else {
          body += rect(x0 + 6, y, full, stripH, `fig-fill-${p}`);
          body += text(x0 + 6 + full / 2, y + 12.5, letter, 'middle', 'fig-on-fill');
        }
      });
    }
  });
  const legendY = top + rows.length * rowH + 14;
  body += text(8, legendY, 'P parameters · G gradients · O optimizer states (fp32 master copy and moments).', 'start', 'fig-small');
  body += text(8, legendY + 18, `Short strip: this card holds 1/${cards}; dashed: held by the other cards. Strips show shares, not bytes.`, 'start', 'fig-small');
  const desc = `${rows.length} strategies on ${cards} cards. ` + rows.map((row) => `${row.label}: ${PARTS.map(([key, , name]) => `${name} ${row.sharded[key] ? `split 1/${cards} per card` : 'whole on every card'}`).join(', ')}; ${row.perCard} per card.`).join(' ');
  return svgDoc({ id, width, height, title: `What each of ${esc(cards)} cards holds under data parallelism and ZeRO stages 1 to 3`, desc }, body);
}
