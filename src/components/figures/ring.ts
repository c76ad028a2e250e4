/** Ring all-reduce: N cards in a ring, each sending one chunk to its neighbour per step (Patarasuk & Yuan 2009). */
import { arrow, arrowDefs, rect, svgDoc, text } from './svg.ts';

/**
 * The ring all-reduce figure for four cards: the data split into four chunks, the first reduce-scatter step (each card sends
 * one chunk clockwise), and the traffic rule 2(N-1)/N of the data per card, with `bytesLabel` the chapter's computed example.
 */
export function ringFigure(id: string, bytesLabel: string): string {
  const n = 4;
  const chunks = ['a', 'b', 'c', 'd'];
  const pos = [[150, 60], [390, 60], [390, 220], [150, 220]] as const;
  const w = 120, h = 56;
  let body = arrowDefs(id);
  pos.forEach(([x, y], i) => {
    body += rect(x - w / 2, y - h / 2, w, h, 'fig-card');
    body += text(x, y - 10, `Card ${i + 1}`, 'middle', 'fig-strong');
    chunks.forEach((c, k) => {
      const cx = x - 48 + k * 24;
      body += rect(cx, y + 2, 22, 18, k === i ? 'fig-fill-0' : 'fig-absent-solid');
      body += text(cx + 11, y + 16, `${c}${i + 1}`, 'middle', k === i ? 'fig-on-fill fig-small' : 'fig-small');
    });
  });
  // Clockwise: 1 -> 2 -> 3 -> 4 -> 1, each arrow labelled with the chunk it carries in step 1.
  body += arrow(id, 212, 60, 328, 60) + text(270, 50, 'sends a1', 'middle', 'fig-small');
  body += arrow(id, 390, 90, 390, 190) + text(398, 144, 'sends b2', 'start', 'fig-small');
  body += arrow(id, 328, 220, 212, 220) + text(270, 244, 'sends c3', 'middle', 'fig-small');
  body += arrow(id, 150, 190, 150, 90) + text(142, 144, 'sends d4', 'end', 'fig-small');
  body += text(20, 290, `Reduce-scatter: ${n - 1} steps; each card adds what it receives to its own chunk.`, 'start', 'fig-small');
  body += text(20, 310, `All-gather: ${n - 1} more steps pass the finished sums around the ring.`, 'start', 'fig-small');
  body += text(20, 330, 'Each card sends 2(N − 1)/N of the data, whatever the number of cards:', 'start', 'fig-small');
  body += text(20, 350, `${bytesLabel}.`, 'start', 'fig-small');
  return svgDoc({
    id, width: 640, height: 364,
    title: 'Ring all-reduce on four cards',
    desc: `Four cards in a ring, each holding its gradients split into four chunks. In the first step card 1 sends chunk a to card 2, card 2 sends chunk b to card 3, card 3 sends c to card 4 and card 4 sends d to card 1; each adds what it receives. After ${n - 1} such steps every card owns one fully summed chunk, and ${n - 1} more steps share them. Each card sends 2(N − 1)/N of the data: ${bytesLabel}.`,
  }, body);
}
