/** The roofline's two regimes for one card, with a matrix-vector (decode) and a matrix-matrix (prefill) product placed on it. */
import { matmulRoofline, rooflinePoints } from '../../lib/hardware/roofline.ts';
import type { GpuPeaks } from '../../lib/estimator/peaks.ts';
import { formatNumber } from '../../lib/units.ts';
import type { PerLocale } from '../../i18n/build-words.ts';
import { esc, rect, svgDoc, text, type LocalisedSvg } from './svg.ts';

/** The figure's words in one locale; numbers arrive already formatted. */
interface RooflineWords {
  xAxis: string;
  yAxis: string;
  ridge: (ridge: string) => string;
  memoryBound: string;
  memoryRoof: string;
  computeBound: (peakTflops: string) => string;
  oneToken: (intensity: string) => string;
  manyTokens: (tokens: string, intensity: string) => string;
  title: (gpu: string) => string;
  desc: (v: { bandwidthGBs: string; ridge: string; peakTflops: string; hidden: number; oneIntensity: string; oneTflops: string; tokens: string; manyIntensity: string }) => string;
}

const WORDS: PerLocale<RooflineWords> = {
  en: {
    xAxis: 'Arithmetic intensity (FLOPs per byte moved), log scale',
    yAxis: 'Attainable TFLOPS, log scale',
    ridge: (ridge) => `ridge ${ridge} FLOPs/byte`,
    memoryBound: 'memory-bound:',
    memoryRoof: 'intensity × bandwidth',
    computeBound: (peak) => `compute-bound: peak ${peak} TFLOPS`,
    oneToken: (intensity) => `● 1 token: ${intensity} FLOPs/byte`,
    manyTokens: (tokens, intensity) => `■ ${tokens} tokens: ${intensity}`,
    title: (gpu) => `The roofline of the ${gpu} in BF16: memory-bound and compute-bound regimes`,
    desc: (v) => `Log-log plot. Attainable throughput rises with arithmetic intensity along the memory roof (bandwidth ${v.bandwidthGBs} GB/s) until the ridge point at ${v.ridge} FLOPs per byte, then stays flat at the peak of ${v.peakTflops} TFLOPS. A ${v.hidden} by ${v.hidden} weight matrix applied to one token has an intensity of ${v.oneIntensity} FLOPs per byte and reaches ${v.oneTflops} TFLOPS, memory-bound; applied to ${v.tokens} tokens it has ${v.manyIntensity} FLOPs per byte and reaches the peak, compute-bound.`,
  },
  'zh-cn': {
    xAxis: '算术强度（每搬运 1 字节的浮点运算量），对数坐标',
    yAxis: '可达 TFLOPS，对数坐标',
    ridge: (ridge) => `拐点 ${ridge} FLOPs/字节`,
    memoryBound: '受显存带宽限制：',
    memoryRoof: '算术强度 × 显存带宽',
    computeBound: (peak) => `受算力限制：峰值 ${peak} TFLOPS`,
    oneToken: (intensity) => `● 1 个 token：${intensity} FLOPs/字节`,
    manyTokens: (tokens, intensity) => `■ ${tokens} 个 token：${intensity}`,
    title: (gpu) => `${gpu} 在 BF16 下的屋顶线：受显存带宽限制与受算力限制两个区间`,
    desc: (v) => `双对数坐标图。可达吞吐量沿显存屋顶（显存带宽 ${v.bandwidthGBs} GB/s）随算术强度上升，直到拐点 ${v.ridge} FLOPs/字节，之后保持在峰值 ${v.peakTflops} TFLOPS 不变。一个 ${v.hidden} × ${v.hidden} 的权重矩阵作用于 1 个 token 时，算术强度为 ${v.oneIntensity} FLOPs/字节，只能达到 ${v.oneTflops} TFLOPS，受显存带宽限制；作用于 ${v.tokens} 个 token 时，算术强度为 ${v.manyIntensity} FLOPs/字节，达到峰值，受算力限制。`,
  },
};

/**
 * The roofline figure (Williams et al. 2009): log-log axes of intensity and attainable TFLOPS, the slanted memory roof and the
 * flat compute roof of `gpu` in BF16, the ridge point, and two products of a hidden × hidden weight matrix: one token (m = 1)
 * and `tokens` tokens. Every number comes from the lib's roofline functions.
 */
export function rooflineFigure(id: string, gpu: GpuPeaks & { name: string }, hidden = 4096, tokens = 4096): LocalisedSvg {
  return (locale) => drawRoofline(WORDS[locale], id, gpu, hidden, tokens);
}

function drawRoofline(w: RooflineWords, id: string, gpu: GpuPeaks & { name: string }, hidden: number, tokens: number): string {
  const one = matmulRoofline(gpu, 'bf16', { m: 1, n: hidden, k: hidden });
  const many = matmulRoofline(gpu, 'bf16', { m: tokens, n: hidden, k: hidden });
  if (!one.ok || !many.ok) throw new Error(`rooflineFigure: ${gpu.name} has no BF16 path`);
  const peak = one.peak.peakFlopsPerSecond, bw = one.bandwidthBytesPerSecond, ridge = one.ridgePointFlopsPerByte;
  const xMin = 0.1, xMax = 10000;
  const yMax = 10 ** Math.ceil(Math.log10(peak / 1e12));
  const yMin = yMax / 1e5;
  const L = 70, R = 600, T = 30, B = 300;
  const sx = (x: number) => L + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * (R - L);
  const sy = (tf: number) => B - ((Math.log10(tf) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (B - T);
  const pts = rooflinePoints(peak, bw, { minIntensityFlopsPerByte: xMin, maxIntensityFlopsPerByte: xMax, pointCount: 40 });
  let body = rect(L, T, R - L, B - T, 'fig-frame');
  body += rect(L, T, sx(ridge) - L, B - T, 'fig-region-a') + rect(sx(ridge), T, R - sx(ridge), B - T, 'fig-region-b');
  for (let e = -1; e <= 4; e++) body += text(sx(10 ** e), B + 18, formatNumber(10 ** e, 5), 'middle', 'fig-tiny');
  for (let e = Math.log10(yMin); e <= Math.log10(yMax); e++) body += text(L - 6, sy(10 ** e) + 4, formatNumber(10 ** e, 5), 'end', 'fig-tiny');
  body += text((L + R) / 2, B + 38, w.xAxis, 'middle', 'fig-small');
  body += `<text x="16" y="${(T + B) / 2}" text-anchor="middle" class="fig-small" transform="rotate(-90 16 ${(T + B) / 2})">${esc(w.yAxis)}</text>`;
  const path = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.intensityFlopsPerByte).toFixed(1)} ${sy(Math.max(yMin, p.attainableFlopsPerSecond / 1e12)).toFixed(1)}`).join(' ');
  body += `<path d="${path}" class="fig-roof"/>`;
  body += `<line x1="${sx(ridge)}" y1="${T}" x2="${sx(ridge)}" y2="${B}" class="fig-line fig-dashed"/>`;
  body += text(sx(ridge) + 6, B - 10, w.ridge(formatNumber(ridge, 3)), 'start', 'fig-small');
  body += text(L + 10, T + 20, w.memoryBound, 'start', 'fig-strong') + text(L + 10, T + 38, w.memoryRoof, 'start', 'fig-small');
  body += text(R - 10, T + 20, w.computeBound(formatNumber(peak / 1e12, 4)), 'end', 'fig-strong');
  const dot = (x: number, y: number, shape: 'circle' | 'square', label: string, anchor: 'start' | 'end') => {
    const mark = shape === 'circle' ? `<circle cx="${sx(x)}" cy="${sy(y)}" r="6" class="fig-point"/>` : `<rect x="${sx(x) - 6}" y="${sy(y) - 6}" width="12" height="12" class="fig-point"/>`;
    return mark + text(sx(x) + (anchor === 'start' ? 10 : -10), sy(y) + 24, label, anchor, 'fig-small');
  };
  body += dot(one.intensityFlopsPerByte, one.attainableFlopsPerSecond / 1e12, 'circle', w.oneToken(formatNumber(one.intensityFlopsPerByte, 3)), 'start');
  body += dot(many.intensityFlopsPerByte, many.attainableFlopsPerSecond / 1e12, 'square', w.manyTokens(formatNumber(tokens), formatNumber(many.intensityFlopsPerByte, 3)), 'end');
  return svgDoc({
    id, width: 620, height: 350, title: w.title(gpu.name),
    desc: w.desc({
      bandwidthGBs: formatNumber(bw / 1e9, 4), ridge: formatNumber(ridge, 3), peakTflops: formatNumber(peak / 1e12, 4), hidden,
      oneIntensity: formatNumber(one.intensityFlopsPerByte, 3), oneTflops: formatNumber(one.attainableFlopsPerSecond / 1e12, 3),
      tokens: formatNumber(tokens), manyIntensity: formatNumber(many.intensityFlopsPerByte, 3),
    }),
  }, body);
}
