/** How a row-major tensor is laid out in memory, and how strides turn an index into an offset. */
import { contiguousStrides } from '../../lib/tensor.ts';
import { arrow, arrowDefs, rect, svgDoc, text } from './svg.ts';

/**
 * The strides figure for a rows × cols matrix: the grid with each element's offset, the flat memory it occupies, and the
 * offset rule i·stride₀ + j·stride₁ worked for one element (strides from the lib's `contiguousStrides`).
 */
export function stridesFigure(id: string, rows = 3, cols = 4, pick: [number, number] = [1, 2]): string {
  const strides = contiguousStrides([rows, cols]);
  const s0 = strides[0]!, s1 = strides[1]!;
  const cell = 40, gx = 30, gy = 40;
  const offset = pick[0] * s0 + pick[1] * s1;
  let body = arrowDefs(id);
  body += text(gx, 24, `Shape (${rows}, ${cols}), strides (${s0}, ${s1})`, 'start', 'fig-strong');
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
  body += text(gx, memY - 12, 'Memory, one element after another:', 'start', 'fig-small');
  for (let k = 0; k < rows * cols; k++) {
    const on = k === offset;
    const rowStart = k % s0 === 0;
    body += rect(gx + k * mw, memY, mw, 30, on ? 'fig-fill-0' : rowStart ? 'fig-fill-1' : 'fig-card');
    body += text(gx + k * mw + mw / 2, memY + 20, k, 'middle', on || rowStart ? 'fig-on-fill' : '');
  }
  const px = gx + pick[1] * cell + cell / 2, py = gy + pick[0] * cell + cell;
  body += arrow(id, px, py + 2, gx + offset * mw + mw / 2, memY - 2, 'fig-line fig-dashed');
  body += text(gx + cols * cell + 50, gy + 30, `Element [${pick[0]}, ${pick[1]}]:`, 'start', 'fig-small');
  body += text(gx + cols * cell + 50, gy + 52, `${pick[0]}·${s0} + ${pick[1]}·${s1} = ${offset}`, 'start', 'fig-strong');
  body += text(gx + cols * cell + 50, gy + 74, `Each row starts ${s0} elements`, 'start', 'fig-small');
  body += text(gx + cols * cell + 50, gy + 92, 'after the last (shaded starts).', 'start', 'fig-small');
  return svgDoc({
    id, width: gx + rows * cols * mw + 20, height: memY + 50,
    title: `Strides of a ${rows} by ${cols} row-major matrix`,
    desc: `A ${rows} by ${cols} matrix stored row after row. Its strides are (${s0}, ${s1}): moving one row skips ${s0} elements, one column skips ${s1}. Element [${pick[0]}, ${pick[1]}] sits at offset ${pick[0]} times ${s0} plus ${pick[1]} times ${s1}, which is ${offset}.`,
  }, body);
}
