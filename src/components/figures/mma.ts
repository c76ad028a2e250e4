/** One warp-level Tensor Core instruction, mma.sync.m16n8k16: D = A·B + C on fixed-size tiles (NVIDIA PTX ISA, warp-level matrix multiply-accumulate instructions). */
import { matmulFlops } from '../../lib/hardware/roofline.ts';
import type { PerLocale } from '../../i18n/build-words.ts';
import { rect, svgDoc, text, type LocalisedSvg } from './svg.ts';

/** The figure's words in one locale. */
interface MmaWords {
  issued: string;
  count: (m: number, n: number, k: number, multiplyAdds: number, flops: number) => string;
  tiled: string;
  title: (m: number, n: number, k: number) => string;
  desc: (m: number, n: number, k: number, multiplyAdds: number, flops: number) => string;
}

const WORDS: PerLocale<MmaWords> = {
  en: {
    issued: `One instruction, issued by a warp of 32 threads:`,
    count: (m, n, k, mads, flops) => `${m}·${n}·${k} = ${mads} multiply-adds = ${flops} FLOPs.`,
    tiled: 'A large matrix multiply is tiled into many such instructions.',
    title: (m, n, k) => `A Tensor Core matrix multiply-accumulate tile, m${m} n${n} k${k}`,
    desc: (m, n, k, mads, flops) => `The warp-level instruction mma.sync m${m}n${n}k${k} computes D = A times B plus C, with A of ${m} by ${k} and B of ${k} by ${n} in 16-bit formats and C and D of ${m} by ${n} accumulated in FP32: ${mads} multiply-adds, ${flops} floating-point operations, in one instruction.`,
  },
  'zh-cn': {
    issued: '一条指令，由 32 个线程组成的一个 warp 发出：',
    count: (m, n, k, mads, flops) => `${m}·${n}·${k} = ${mads} 次乘加 = ${flops} 次浮点运算。`,
    tiled: '一次大矩阵乘法会被切成许多条这样的指令。',
    title: (m, n, k) => `一个张量核心矩阵乘加小块，m${m} n${n} k${k}`,
    desc: (m, n, k, mads, flops) => `warp 级指令 mma.sync m${m}n${n}k${k} 计算 D = A 乘以 B 再加 C：A 为 ${m} × ${k}，B 为 ${k} × ${n}，采用 16 位格式；C 和 D 为 ${m} × ${n}，以 FP32 累加。一条指令完成 ${mads} 次乘加，即 ${flops} 次浮点运算。`,
  },
};

/** The MMA tile figure: A (m×k), B (k×n), C and D (m×n) drawn to scale, with the FLOPs of one instruction from the lib. */
export function mmaFigure(id: string, m = 16, n = 8, k = 16): LocalisedSvg {
  return (locale) => drawMma(WORDS[locale], id, m, n, k);
}

function drawMma(w: MmaWords, id: string, m: number, n: number, k: number): string {
  const u = 8; // user units per element
  const y = 60;
  const flops = matmulFlops({ m, n, k });
  let body = '';
  const grid = (x: number, yy: number, rows: number, cols: number, cls: string, label: string, note: string) => {
    let out = rect(x, yy, cols * u, rows * u, cls);
    for (let c = 1; c < cols; c++) out += `<line x1="${x + c * u}" y1="${yy}" x2="${x + c * u}" y2="${yy + rows * u}" class="fig-grid"/>`;
    for (let r = 1; r < rows; r++) out += `<line x1="${x}" y1="${yy + r * u}" x2="${x + cols * u}" y2="${yy + r * u}" class="fig-grid"/>`;
    out += text(x + (cols * u) / 2, yy - 24, label, 'middle', 'fig-strong');
    out += text(x + (cols * u) / 2, yy - 8, note, 'middle', 'fig-small');
    return out;
  };
  const ax = 20, bx = ax + k * u + 44, cx = bx + n * u + 44, dx = cx + n * u + 44;
  body += grid(ax, y, m, k, 'fig-fill-0 fig-soft', `A: ${m}×${k}`, 'FP16/BF16');
  body += text(bx - 22, y + (m * u) / 2 + 6, '·', 'middle', 'fig-big');
  body += grid(bx, y, k, n, 'fig-fill-1 fig-soft', `B: ${k}×${n}`, 'FP16/BF16');
  body += text(cx - 22, y + (m * u) / 2 + 6, '+', 'middle', 'fig-big');
  body += grid(cx, y, m, n, 'fig-fill-2 fig-soft', `C: ${m}×${n}`, 'FP32');
  body += text(dx - 22, y + (m * u) / 2 + 6, '=', 'middle', 'fig-big');
  body += grid(dx, y, m, n, 'fig-fill-2 fig-soft', `D: ${m}×${n}`, 'FP32');
  const yb = y + Math.max(m, k) * u + 30;
  body += text(20, yb, w.issued, 'start', 'fig-small');
  body += text(20, yb + 20, w.count(m, n, k, m * n * k, flops), 'start', 'fig-strong');
  body += text(20, yb + 40, w.tiled, 'start', 'fig-small');
  return svgDoc({ id, width: Math.max(dx + n * u + 20, 480), height: yb + 54, title: w.title(m, n, k), desc: w.desc(m, n, k, m * n * k, flops) }, body);
}
