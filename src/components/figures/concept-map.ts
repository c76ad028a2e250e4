/** The book on one page: from model size and tokens through bytes and FLOPs to memory, time, energy and money. */
import type { PerLocale } from '../../i18n/build-words.ts';
import { arrow, arrowDefs, esc, svgDoc, type LocalisedSvg } from './svg.ts';

/** One box of the concept map: its place and style; its words come from the locale's table. */
interface Box { id: BoxId; x: number; y: number; w: number; cls: string }
type BoxId = 'n' | 'fmt' | 'd' | 'bytes' | 'flops' | 'mem' | 'time' | 'energy' | 'money';

const BOXES: Box[] = [
  { id: 'n', x: 20, y: 20, w: 150, cls: 'fig-fill-0' },
  { id: 'fmt', x: 245, y: 20, w: 150, cls: 'fig-fill-0' },
  { id: 'd', x: 470, y: 20, w: 150, cls: 'fig-fill-0' },
  { id: 'bytes', x: 20, y: 130, w: 280, cls: 'fig-card' },
  { id: 'flops', x: 340, y: 130, w: 280, cls: 'fig-card' },
  { id: 'mem', x: 20, y: 250, w: 200, cls: 'fig-card' },
  { id: 'time', x: 260, y: 250, w: 200, cls: 'fig-card' },
  { id: 'energy', x: 490, y: 250, w: 130, cls: 'fig-card' },
  { id: 'money', x: 220, y: 370, w: 200, cls: 'fig-fill-2' },
];

/** The figure's words in one locale: each box's lines (the first in bold), the title and the description. */
interface ConceptWords { boxes: Record<BoxId, readonly string[]>; title: string; desc: string }

const WORDS: PerLocale<ConceptWords> = {
  en: {
    boxes: {
      n: ['Model size N', '(parameters)'],
      fmt: ['Number format', '(bits per value)'],
      d: ['Tokens D', '(data, context, batch)'],
      bytes: ['Bytes', 'weights, gradients, optimizer,', 'activations, KV cache'],
      flops: ['FLOPs', '6N per training token,', '2N per generated token'],
      mem: ['Memory per card', 'fits? how many cards?'],
      time: ['Time', 'FLOPs ÷ (peak × MFU),', 'bytes ÷ bandwidth'],
      energy: ['Energy', 'power × time'],
      money: ['Money', 'card price or hourly rate,', 'plus electricity'],
    },
    title: 'Concept map: how model size, number format and tokens become memory, time, energy and money',
    desc: 'Three inputs at the top: model size N, the number format, and the tokens D. N, the format and the tokens together give the bytes (weights, gradients, optimizer states, activations, KV cache) and the FLOPs (6N per training token, 2N per generated token). Bytes decide memory per card: whether the job fits and how many cards it needs. FLOPs divided by peak times utilisation, and bytes divided by bandwidth, give time. Time times power gives energy. Time, the number of cards and energy give money: the card price or hourly rate plus electricity.',
  },
  'zh-cn': {
    boxes: {
      n: ['模型规模 N', '（参数量）'],
      fmt: ['数值格式', '（每个值的位数）'],
      d: ['token 数 D', '（数据、上下文、批次）'],
      bytes: ['字节数', '权重、梯度、优化器状态、', '激活值、KV 缓存'],
      flops: ['浮点运算量', '训练每个 token 6N，', '生成每个 token 2N'],
      mem: ['每卡显存', '装得下吗？要几张卡？'],
      time: ['时间', '浮点运算量 ÷（峰值 × MFU），', '字节数 ÷ 显存带宽'],
      energy: ['能耗', '功耗 × 时间'],
      money: ['成本', '显卡价格或每小时租金，', '加上电费'],
    },
    title: '概念图：模型规模、数值格式和 token 数如何变成显存、时间、能耗和成本',
    desc: '顶部有三个输入：模型规模 N、数值格式和 token 数 D。三者一起决定字节数（权重、梯度、优化器状态、激活值、KV 缓存）和浮点运算量（训练每个 token 6N，生成每个 token 2N）。字节数决定每卡显存：任务装不装得下，需要几张卡。浮点运算量除以峰值与利用率之积，以及字节数除以显存带宽，给出时间。时间乘以功耗得出能耗。时间、显卡数量和能耗一起决定成本：显卡价格或每小时租金，加上电费。',
  },
};
const H = 76;

/** The concept-map figure; arrows read "feeds into". */
export function conceptMapFigure(id: string): LocalisedSvg {
  return (locale) => drawConceptMap(WORDS[locale], id);
}

function drawConceptMap(words: ConceptWords, id: string): string {
  const box = (b: Box) => {
    const dark = b.cls !== 'fig-card';
    let out = `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${H}" rx="8" class="${b.cls}"/>`;
    words.boxes[b.id].forEach((line, i) => {
      out += `<text x="${b.x + b.w / 2}" y="${b.y + 24 + i * 19}" text-anchor="middle" class="${i === 0 ? 'fig-strong' : 'fig-small'}${dark ? ' fig-on-fill' : ''}">${esc(line)}</text>`;
    });
    return out;
  };
  const at = (bid: BoxId) => BOXES.find((b) => b.id === bid)!;
  const bottom = (bid: BoxId, dx = 0) => [at(bid).x + at(bid).w / 2 + dx, at(bid).y + H] as const;
  const topOf = (bid: BoxId, dx = 0) => [at(bid).x + at(bid).w / 2 + dx, at(bid).y] as const;
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
  return svgDoc({ id, width: 640, height: 460, title: words.title, desc: words.desc }, body);
}
