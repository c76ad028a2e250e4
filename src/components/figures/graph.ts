/** The computational graph of a two-layer network and its loss, with the forward pass and the gradients flowing back. */
import type { PerLocale } from '../../i18n/build-words.ts';
import { arrow, arrowDefs, rect, svgDoc, text, type LocalisedSvg } from './svg.ts';

/** The figure's words in one locale. */
interface GraphWords {
  /** Captions under the five nodes, left to right. */
  nodes: readonly [string, string, string, string, string];
  forward: string;
  backward: string;
  title: string;
  desc: string;
}

const WORDS: PerLocale<GraphWords> = {
  en: {
    nodes: ['input', 'linear', 'activation', 'logits', 'loss vs y'],
    forward: 'forward →',
    backward: '← backward',
    title: 'Computational graph of a two-layer network: forward values and backward gradients',
    desc: 'Left to right, the forward pass: input x, z1 = W1 x, a1 = sigma(z1), z2 = W2 a1, then the loss L against the target y. Right to left, dashed, the backward pass: delta2 = dL/dz2, passed back through W2 transposed, multiplied element-wise by sigma prime of z1 to give delta1. Each weight gradient is its layer\'s delta times the layer\'s input transposed: dL/dW2 = delta2 a1 transposed, dL/dW1 = delta1 x transposed.',
  },
  'zh-cn': {
    nodes: ['输入', '线性层', '激活', 'logits', '对 y 的损失'],
    forward: '前向 →',
    backward: '← 反向',
    title: '两层网络的计算图：前向的值与反向的梯度',
    desc: '从左到右是前向传播：输入 x，z1 = W1 x，a1 = σ(z1)，z2 = W2 a1，再由目标 y 算出损失 L。从右到左的虚线是反向传播：δ2 = ∂L/∂z2，经 W2 的转置传回，再逐元素乘以 σ 在 z1 处的导数，得到 δ1。每个权重的梯度是该层的 δ 乘以该层输入的转置：∂L/∂W2 = δ2 乘以 a1 的转置，∂L/∂W1 = δ1 乘以 x 的转置。',
  },
};

/**
 * The backprop graph figure: x → z⁽¹⁾ = W⁽¹⁾x → a⁽¹⁾ = σ(z⁽¹⁾) → z⁽²⁾ = W⁽²⁾a⁽¹⁾ → L(z⁽²⁾, y), forward arrows above, the
 * δ terms of the backward pass (Rumelhart, Hinton & Williams 1986) below, right to left.
 */
export function graphFigure(id: string): LocalisedSvg {
  return (locale) => drawGraph(WORDS[locale], id);
}

function drawGraph(words: GraphWords, id: string): string {
  const labels = ['x', 'z⁽¹⁾ = W⁽¹⁾x', 'a⁽¹⁾ = σ(z⁽¹⁾)', 'z⁽²⁾ = W⁽²⁾a⁽¹⁾', 'L'];
  const nodes = [40, 160, 300, 440, 570].map((x, i) => ({ x, label: labels[i]!, sub: words.nodes[i]! }));
  const y = 110, h = 44;
  let body = arrowDefs(id);
  const widths = [44, 110, 116, 120, 56];
  nodes.forEach((n, i) => {
    const w = widths[i]!;
    body += rect(n.x - w / 2, y - h / 2, w, h, i === 4 ? 'fig-fill-2' : 'fig-card');
    body += text(n.x, y + 2, n.label, 'middle', i === 4 ? 'fig-on-fill fig-strong' : 'fig-strong');
    body += text(n.x, y + 17, n.sub, 'middle', i === 4 ? 'fig-on-fill fig-tiny' : 'fig-tiny');
  });
  // Weights feed the two linear nodes from above.
  body += rect(130, 20, 60, 26, 'fig-fill-0') + text(160, 38, 'W⁽¹⁾', 'middle', 'fig-on-fill');
  body += rect(410, 20, 60, 26, 'fig-fill-0') + text(440, 38, 'W⁽²⁾', 'middle', 'fig-on-fill');
  body += arrow(id, 160, 46, 160, y - h / 2 - 2) + arrow(id, 440, 46, 440, y - h / 2 - 2);
  // Forward arrows.
  for (let i = 0; i < nodes.length - 1; i++) {
    const a = nodes[i]!.x + widths[i]! / 2, b = nodes[i + 1]!.x - widths[i + 1]! / 2;
    body += arrow(id, a + 2, y - 8, b - 2, y - 8);
  }
  body += text(20, 76, words.forward, 'start', 'fig-small');
  // Backward: gradients, right to left, dashed.
  const back = [
    [570, 440, 'δ⁽²⁾ = ∂L/∂z⁽²⁾'],
    [440, 300, '(W⁽²⁾)ᵀδ⁽²⁾'],
    [300, 160, 'δ⁽¹⁾ = σ′(z⁽¹⁾) ⊙ (W⁽²⁾)ᵀδ⁽²⁾'],
  ] as const;
  back.forEach(([from, to, label], i) => {
    const yb = y + h / 2 + 22 + (i % 2) * 0;
    body += arrow(id, from - 10, yb, to + 10, yb, 'fig-line fig-dashed');
    body += text((from + to) / 2, yb + 18, label, 'middle', 'fig-small');
  });
  body += text(160, 238, '∂L/∂W⁽¹⁾ = δ⁽¹⁾ xᵀ', 'middle', 'fig-small');
  body += text(440, 238, '∂L/∂W⁽²⁾ = δ⁽²⁾ (a⁽¹⁾)ᵀ', 'middle', 'fig-small');
  body += text(620, 210, words.backward, 'end', 'fig-small');
  return svgDoc({ id, width: 640, height: 256, title: words.title, desc: words.desc }, body);
}
