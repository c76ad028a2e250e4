/** The book on one page: from model size and tokens through bytes and FLOPs to memory, time, energy and money. */
import { arrow, arrowDefs, esc, svgDoc } from './svg.ts';

/** One box of the concept map: its words, the chapter that teaches it, and its place. */
interface Box { id: string; lines: string[]; x: number; y: number; w: number; cls: string }

const BOXES: Box[] = [
  { id: 'n', lines: ['Model size N', '(parameters)'], x: 20, y: 20, w: 150, cls: 'fig-fill-0' },
  { id: 'fmt', lines: ['Number format', '(bits per value)'], x: 245, y: 20, w: 150, cls: 'fig-fill-0' },
  { id: 'd', lines: ['Tokens D', '(data, context, batch)'], x: 470, y: 20, w: 150, cls: 'fig-fill-0' },
  { id: 'bytes', lines: ['Bytes', 'weights, gradients, optimizer,', 'activations, KV cache'], x: 20, y: 130, w: 280, cls: 'fig-card' },
  { id: 'flops', lines: ['FLOPs', '6N per training token,', '2N per generated token'], x: 340, y: 130, w: 280, cls: 'fig-card' },
  { id: 'mem', lines: ['Memory per card', 'fits? how many cards?'], x: 20, y: 250, w: 200, cls: 'fig-card' },
  { id: 'time', lines: ['Time', 'FLOPs ÷ (peak × MFU),', 'bytes ÷ bandwidth'], x: 260, y: 250, w: 200, cls: 'fig-card' },
  { id: 'energy', lines: ['Energy', 'power × time'], x: 490, y: 250, w: 130, cls: 'fig-card' },
  { id: 'money', lines: ['Money', 'card price or hourly rate,', 'plus electricity'], x: 220, y: 370, w: 200, cls: 'fig-fill-2' },
];
const H = 76;

/** The concept-map figure; arrows read "feeds into". */
export function conceptMapFigure(id: string): string {
  const box = (b: Box) => {
    const dark = b.cls !== 'fig-card';
    let out = `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${H}" rx="8" class="${b.cls}"/>`;
    b.lines.forEach((line, i) => {
      out += `<text x="${b.x + b.w / 2}" y="${b.y + 24 + i * 19}" text-anchor="middle" class="${i === 0 ? 'fig-strong' : 'fig-small'}${dark ? ' fig-on-fill' : ''}">${esc(line)}</text>`;
    });
    return out;
  };
  const at = (bid: string) => BOXES.find((b) => b.id === bid)!;
  const bottom = (bid: string, dx = 0) => [at(bid).x + at(bid).w / 2 + dx, at(bid).y + H] as const;
  const topOf = (bid: string, dx = 0) => [at(bid).x + at(bid).w / 2 + dx, at(bid).y] as const;
  const link = (a: readonly [number, number], b: readonly [number, number]) => arrow(id, a[0], a[1] + 2, b[0], b[1] - 3);
  let body = arrowDefs(id);
  body += link(bottom('n', -30), topOf('bytes', -60)) + link(bottom('n', 30), topOf('flops', -80));
  body += link(bottom('fmt', -20), topOf('bytes', 60)) + link(bottom('fmt', 20), topOf('flops', -20));
  body += link(bottom('d', -30), topOf('bytes', 120)) + link(bottom('d', 0), topOf('flops', 60));
  body += link(bottom('bytes', -60), topOf('mem')) + link(bottom('bytes', 60), topOf('time', -50));
  body += link(bottom('flops', -60), topOf('time', 40)) + link(bottom('flops', 80), topOf('energy'));
  body += link([at('time').x + at('time').w, at('time').y + H / 2 - 2], [at('energy').x + 3, at('energy').y + H / 2 + 1]);
  body += link(bottom('time'), topOf('money')) + link(bottom('mem'), topOf('money', -60)) + link(bottom('energy'), topOf('money', 60));
  for (const b of BOXES) body += box(b);
  return svgDoc({
    id, width: 640, height: 460,
    title: 'Concept map: how model size, number format and tokens become memory, time, energy and money',
    desc: 'Three inputs at the top: model size N, the number format, and the tokens D. N, the format and the tokens together give the bytes (weights, gradients, optimizer states, activations, KV cache) and the FLOPs (6N per training token, 2N per generated token). Bytes decide memory per card: whether the job fits and how many cards it needs. FLOPs divided by peak times utilisation, and bytes divided by bandwidth, give time. Time times power gives energy. Time, the number of cards and energy give money: the card price or hourly rate plus electricity.',
  }, body);
}
