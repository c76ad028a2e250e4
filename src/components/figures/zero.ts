/** ZeRO's three stages drawn as what each of N data-parallel cards holds of the parameters, gradients and optimizer states. */
import type { PerLocale } from '../../i18n/build-words.ts';
import { esc, svgDoc, text, type LocalisedSvg } from './svg.ts';

/** One row of the figure: a strategy and the bytes each card holds under it (from the estimator). */
export interface ZeroRow {
  /** Row label, e.g. "ZeRO-2". */
  label: string;
  /** Which of parameters, gradients, optimizer states are split across the cards. */
  sharded: { params: boolean; grads: boolean; optimizer: boolean };
  /** Bytes per card, already formatted (e.g. "47.1 GiB"). */
  perCard: string;
}

const PARTS = [['params', 'P'], ['grads', 'G'], ['optimizer', 'O']] as const;

/** The figure's words in one locale. */
interface ZeroWords {
  card: (n: number) => string;
  perCard: string;
  /** Names of parameters, gradients and optimizer states, in the order of `PARTS`. */
  parts: Record<(typeof PARTS)[number][0], string>;
  legend: string;
  shortStrip: (cards: number) => string;
  strategies: (rows: number, cards: number) => string;
  split: (cards: number) => string;
  whole: string;
  /** One row of the description: label, the parts' states joined, bytes per card. */
  row: (label: string, parts: string[], perCard: string) => string;
  title: (cards: number) => string;
  /** Between sentences of the description. */
  sentenceGap: string;
}

const WORDS: PerLocale<ZeroWords> = {
  en: {
    card: (n) => `Card ${n}`,
    perCard: 'Per card',
    parts: { params: 'parameters', grads: 'gradients', optimizer: 'optimizer states' },
    legend: 'P parameters · G gradients · O optimizer states (fp32 master copy and moments).',
    shortStrip: (cards) => `Short strip: this card holds 1/${cards}; dashed: held by the other cards. Strips show shares, not bytes.`,
    strategies: (rows, cards) => `${rows} strategies on ${cards} cards. `,
    split: (cards) => `split 1/${cards} per card`,
    whole: 'whole on every card',
    row: (label, parts, perCard) => `${label}: ${parts.join(', ')}; ${perCard} per card.`,
    title: (cards) => `What each of ${esc(cards)} cards holds under data parallelism and ZeRO stages 1 to 3`,
    sentenceGap: ' ',
  },
  'zh-cn': {
    card: (n) => `卡 ${n}`,
    perCard: '每卡',
    parts: { params: '参数', grads: '梯度', optimizer: '优化器状态' },
    legend: 'P 参数 · G 梯度 · O 优化器状态（fp32 主副本和动量）。',
    shortStrip: (cards) => `短条：这张卡只存 1/${cards}；虚线：由其他卡保存。条形表示份额，不表示字节数。`,
    strategies: (rows, cards) => `${cards} 张卡上的 ${rows} 种策略。`,
    split: (cards) => `切分，每卡 1/${cards}`,
    whole: '每张卡都存完整一份',
    row: (label, parts, perCard) => `${label}：${parts.join('，')}；每卡 ${perCard}。`,
    title: (cards) => `数据并行与 ZeRO 第 1 到第 3 阶段下，${esc(cards)} 张卡各自保存什么`,
    sentenceGap: '',
  },
};

/**
 * The ZeRO partitioning figure (Rajbhandari et al. 2020, Figure 1): one row per strategy, one column per card, three strips per
 * card; a full strip means the card holds the whole tensor set, a short strip the card's 1/N share.
 */
export function zeroFigure(id: string, cards: number, rows: readonly ZeroRow[]): LocalisedSvg {
  return (locale) => drawZero(WORDS[locale], id, cards, rows);
}

function drawZero(w: ZeroWords, id: string, cards: number, rows: readonly ZeroRow[]): string {
  const left = 96, colW = 112, gap = 8, stripH = 16, rowH = 84, top = 40;
  const width = left + cards * (colW + gap) + 92;
  const height = top + rows.length * rowH + 52;
  let body = '';
  for (let c = 0; c < cards; c++) body += text(left + c * (colW + gap) + colW / 2, 24, w.card(c + 1), 'middle', 'fig-strong');
  body += text(width - 4, 24, w.perCard, 'end', 'fig-strong');
  // Shapes of one kind share their class (and labels their anchor) through a group, so each carries only its geometry.
  const groups: Record<string, string> = { 'fig-card': '', 'fig-absent': '', 'fig-fill-0': '', 'fig-fill-1': '', 'fig-fill-2': '' };
  let labels = '';
  const box = (cls: string, x: number, y: number, bw: number, bh: number) => { groups[cls] += `<rect x="${x}" y="${y}" width="${bw}" height="${bh}"/>`; };
  const label = (x: number, y: number, letter: string) => { labels += `<text x="${x}" y="${y}" class="fig-on-fill">${letter}</text>`; };
  rows.forEach((row, r) => {
    const y0 = top + r * rowH;
    body += text(8, y0 + 34, row.label, 'start', 'fig-strong');
    body += text(width - 4, y0 + 34, row.perCard, 'end');
    for (let c = 0; c < cards; c++) {
      const x0 = left + c * (colW + gap);
      box('fig-card', x0, y0, colW, 3 * (stripH + 4) + 8);
      PARTS.forEach(([key, letter], p) => {
        const y = y0 + 6 + p * (stripH + 4);
        const full = colW - 12;
        if (row.sharded[key]) {
          const share = full / cards;
          box('fig-absent', x0 + 6, y, full, stripH);
          box(`fig-fill-${p}`, x0 + 6 + c * share, y, share, stripH);
          label(x0 + 6 + c * share + share / 2, y + 12.5, letter);
        } else {
          box(`fig-fill-${p}`, x0 + 6, y, full, stripH);
          label(x0 + 6 + full / 2, y + 12.5, letter);
        }
      });
    }
  });
  // Drawn in the old order of each card: frame, dashed outlines, strips, then the letters on top.
  body += Object.entries(groups).map(([cls, shapes]) => `<g class="${cls}">${shapes}</g>`).join('') + `<g text-anchor="middle">${labels}</g>`;
  const legendY = top + rows.length * rowH + 14;
  body += text(8, legendY, w.legend, 'start', 'fig-small');
  body += text(8, legendY + 18, w.shortStrip(cards), 'start', 'fig-small');
  const desc = w.strategies(rows.length, cards) + rows.map((row) => w.row(row.label, PARTS.map(([key]) => `${w.parts[key]} ${row.sharded[key] ? w.split(cards) : w.whole}`), row.perCard)).join(w.sentenceGap);
  return svgDoc({ id, width, height, title: w.title(cards), desc }, body);
}
