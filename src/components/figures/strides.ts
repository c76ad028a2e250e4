/** How a row-major tensor is laid out in memory, and how strides turn an index into an offset. */
import { contiguousStrides } from '../../lib/teaching/tensor.ts';
import type { PerLocale } from '../../i18n/build-words.ts';
import { arrow, arrowDefs, rect, svgDoc, text, type LocalisedSvg } from './svg.ts';

/** The figure's words in one locale. */
interface StridesWords {
  heading: (rows: number, cols: number, s0: number, s1: number) => string;
  memory: string;
  element: (i: number, j: number) => string;
  /** Two lines: each row starts s0 elements after the last. */
  rowStart: (s0: number) => readonly [string, string];
  title: (rows: number, cols: number) => string;
  desc: (rows: number, cols: number, s0: number, s1: number, i: number, j: number, offset: number) => string;
}

const WORDS: PerLocale<StridesWords> = {
  en: {
    heading: (rows, cols, s0, s1) => `Shape (${rows}, ${cols}), strides (${s0}, ${s1})`,
    memory: 'Memory, one element after another:',
    element: (i, j) => `Element [${i}, ${j}]:`,
    rowStart: (s0) => [`Each row starts ${s0} elements`, 'after the last (shaded starts).'],
    title: (rows, cols) => `Strides of a ${rows} by ${cols} row-major matrix`,
    desc: (rows, cols, s0, s1, i, j, offset) => `A ${rows} by ${cols} matrix stored row after row. Its strides are (${s0}, ${s1}): moving one row skips ${s0} elements, one column skips ${s1}. Element [${i}, ${j}] sits at offset ${i} times ${s0} plus ${j} times ${s1}, which is ${offset}.`,
  },
  'zh-cn': {
    heading: (rows, cols, s0, s1) => `形状 (${rows}, ${cols})，步长 (${s0}, ${s1})`,
    memory: '内存中，元素一个接一个排列：',
    element: (i, j) => `元素 [${i}, ${j}]：`,
    rowStart: (s0) => [`每一行的起点比上一行`, `靠后 ${s0} 个元素（深色为行首）。`],
    title: (rows, cols) => `${rows} × ${cols} 行优先矩阵的步长`,
    desc: (rows, cols, s0, s1, i, j, offset) => `一个 ${rows} × ${cols} 的矩阵按行依次存放。它的步长是 (${s0}, ${s1})：移动一行跳过 ${s0} 个元素，移动一列跳过 ${s1} 个。元素 [${i}, ${j}] 的偏移是 ${i} 乘以 ${s0} 加上 ${j} 乘以 ${s1}，即 ${offset}。`,
  },
};

/**
 * The strides figure for a rows × cols matrix: the grid with each element's offset, the flat memory it occupies, and the
 * offset rule i·stride₀ + j·stride₁ worked for one element (strides from the lib's `contiguousStrides`).
 */
export function stridesFigure(id: string, rows = 3, cols = 4, pick: [number, number] = [1, 2]): LocalisedSvg {
  return (locale) => drawStrides(WORDS[locale], id, rows, cols, pick);
}

function drawStrides(w: StridesWords, id: string, rows: number, cols: number, pick: [number, number]): string {
  const strides = contiguousStrides([rows, cols]);
  const s0 = strides[0]!, s1 = strides[1]!;
  const cell = 40, gx = 30, gy = 40;
  const offset = pick[0] * s0 + pick[1] * s1;
  let body = arrowDefs(id);
  body += text(gx, 24, w.heading(rows, cols, s0, s1), 'start', 'fig-strong');
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const on = i === pick[0] && j === pick[1];
      body += rect(gx + j * cell, gy + i * cell, cell, cell, on ? 'fig-fill-0' : 'fig-card');
      body += text(gx + j * cell + cell / 2, gy + i * cell + 25, i * s0 + j * s1, 'middle', on ? 'fig-on-fill' : '');
    }
    body += text(gx - 8, gy + i * cell + 25, `i=${i}`, 'end', 'fig-tiny');
  }
  const memY = gy + rows * cell + 60;
  const mw = 36;
  body += text(gx, memY - 12, w.memory, 'start', 'fig-small');
  for (let k = 0; k < rows * cols; k++) {
    const on = k === offset;
    const rowStart = k % s0 === 0;
    body += rect(gx + k * mw, memY, mw, 30, on ? 'fig-fill-0' : rowStart ? 'fig-fill-1' : 'fig-card');
    body += text(gx + k * mw + mw / 2, memY + 20, k, 'middle', on || rowStart ? 'fig-on-fill' : '');
  }
  const px = gx + pick[1] * cell + cell / 2, py = gy + pick[0] * cell + cell;
  body += arrow(id, px, py + 2, gx + offset * mw + mw / 2, memY - 2, 'fig-line fig-dashed');
  body += text(gx + cols * cell + 50, gy + 30, w.element(pick[0], pick[1]), 'start', 'fig-small');
  body += text(gx + cols * cell + 50, gy + 52, `${pick[0]}·${s0} + ${pick[1]}·${s1} = ${offset}`, 'start', 'fig-strong');
  const [rowLine1, rowLine2] = w.rowStart(s0);
  body += text(gx + cols * cell + 50, gy + 74, rowLine1, 'start', 'fig-small');
  body += text(gx + cols * cell + 50, gy + 92, rowLine2, 'start', 'fig-small');
  return svgDoc({ id, width: gx + rows * cols * mw + 20, height: memY + 50, title: w.title(rows, cols), desc: w.desc(rows, cols, s0, s1, pick[0], pick[1], offset) }, body);
}
