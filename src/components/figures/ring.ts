/** Ring all-reduce: N cards in a ring, each sending one chunk to its neighbour per step (Patarasuk & Yuan 2009). */
import type { PerLocale } from '../../i18n/build-words.ts';
import { arrow, arrowDefs, rect, svgDoc, text, type LocalisedSvg } from './svg.ts';

/** The figure's words in one locale. */
interface RingWords {
  card: (n: number) => string;
  sends: (chunk: string) => string;
  reduceScatter: (steps: number) => string;
  allGather: (steps: number) => string;
  rule: string;
  /** The chapter's computed example, closing the rule's sentence. */
  example: (bytesLabel: string) => string;
  title: string;
  desc: (steps: number, bytesLabel: string) => string;
}

const WORDS: PerLocale<RingWords> = {
  en: {
    card: (n) => `Card ${n}`,
    sends: (chunk) => `sends ${chunk}`,
    reduceScatter: (steps) => `Reduce-scatter: ${steps} steps; each card adds what it receives to its own chunk.`,
    allGather: (steps) => `All-gather: ${steps} more steps pass the finished sums around the ring.`,
    rule: 'Each card sends 2(N − 1)/N of the data, whatever the number of cards:',
    example: (bytesLabel) => `${bytesLabel}.`,
    title: 'Ring all-reduce on four cards',
    desc: (steps, bytesLabel) => `Four cards in a ring, each holding its gradients split into four chunks. In the first step card 1 sends chunk a to card 2, card 2 sends chunk b to card 3, card 3 sends c to card 4 and card 4 sends d to card 1; each adds what it receives. After ${steps} such steps every card owns one fully summed chunk, and ${steps} more steps share them. Each card sends 2(N − 1)/N of the data: ${bytesLabel}.`,
  },
  'zh-cn': {
    card: (n) => `卡 ${n}`,
    sends: (chunk) => `发送 ${chunk}`,
    reduceScatter: (steps) => `归约-分散（reduce-scatter）：${steps} 步；每张卡把收到的数据加到自己的那一块上。`,
    allGather: (steps) => `全收集（all-gather）：再用 ${steps} 步把算好的和沿环传一圈。`,
    rule: '无论有多少张卡，每张卡都发送数据量的 2(N − 1)/N：',
    example: (bytesLabel) => `${bytesLabel}。`,
    title: '四张卡上的环形全归约（all-reduce）',
    desc: (steps, bytesLabel) => `四张卡连成一个环，每张卡把自己的梯度分成四块。第一步中，卡 1 把 a 块发给卡 2，卡 2 把 b 块发给卡 3，卡 3 把 c 块发给卡 4，卡 4 把 d 块发给卡 1；每张卡把收到的数据加到自己的那一块上。这样做 ${steps} 步后，每张卡各拥有一块完整求和的数据，再做 ${steps} 步把它们分享出去。每张卡发送数据量的 2(N − 1)/N：${bytesLabel}。`,
  },
};

/**
 * The ring all-reduce figure for four cards: the data split into four chunks, the first reduce-scatter step (each card sends
 * one chunk clockwise), and the traffic rule 2(N-1)/N of the data per card, with `bytesLabel` the chapter's computed example.
 */
export function ringFigure(id: string, bytesLabel: string): LocalisedSvg {
  return (locale) => drawRing(WORDS[locale], id, bytesLabel);
}

function drawRing(w: RingWords, id: string, bytesLabel: string): string {
  const n = 4;
  const chunks = ['a', 'b', 'c', 'd'];
  const pos = [[150, 60], [390, 60], [390, 220], [150, 220]] as const;
  const cw = 120, h = 56;
  let body = arrowDefs(id);
  pos.forEach(([x, y], i) => {
    body += rect(x - cw / 2, y - h / 2, cw, h, 'fig-card');
    body += text(x, y - 10, w.card(i + 1), 'middle', 'fig-strong');
    chunks.forEach((c, k) => {
      const cx = x - 48 + k * 24;
      body += rect(cx, y + 2, 22, 18, k === i ? 'fig-fill-0' : 'fig-absent-solid');
      body += text(cx + 11, y + 16, `${c}${i + 1}`, 'middle', k === i ? 'fig-on-fill fig-small' : 'fig-small');
    });
  });
  // Clockwise: 1 -> 2 -> 3 -> 4 -> 1, each arrow labelled with the chunk it carries in step 1.
  body += arrow(id, 212, 60, 328, 60) + text(270, 50, w.sends('a1'), 'middle', 'fig-small');
  body += arrow(id, 390, 90, 390, 190) + text(398, 144, w.sends('b2'), 'start', 'fig-small');
  body += arrow(id, 328, 220, 212, 220) + text(270, 244, w.sends('c3'), 'middle', 'fig-small');
  body += arrow(id, 150, 190, 150, 90) + text(142, 144, w.sends('d4'), 'end', 'fig-small');
  body += text(20, 290, w.reduceScatter(n - 1), 'start', 'fig-small');
  body += text(20, 310, w.allGather(n - 1), 'start', 'fig-small');
  body += text(20, 330, w.rule, 'start', 'fig-small');
  body += text(20, 350, w.example(bytesLabel), 'start', 'fig-small');
  return svgDoc({ id, width: 640, height: 364, title: w.title, desc: w.desc(n - 1, bytesLabel) }, body);
}
