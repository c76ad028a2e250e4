/** The roofline's two regimes for one card, with a matrix-vector (decode) and a matrix-matrix (prefill) product placed on it. */
import { matmulRoofline, rooflinePoints } from '../../lib/roofline.ts';
import type { GpuPeaks } from '../../lib/peaks.ts';
import { formatNumber } from '../../lib/units.ts';
import { rect, svgDoc, text } from './svg.ts';

/**
 * The roofline figure (Williams et al. 2009): log-log axes of intensity and attainable TFLOPS, the slanted memory roof and the
 * flat compute roof of `gpu` in BF16, the ridge point, and two products of a hidden × hidden weight matrix: one token (m = 1)
 * and `tokens` tokens. Every number comes from the lib's roofline functions.
 */
export function rooflineFigure(id: string, gpu: GpuPeaks & { name: string }, hidden = 4096, tokens = 4096): string {
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
  body += text((L + R) / 2, B + 38, 'Arithmetic intensity (FLOPs per byte moved), log scale', 'middle', 'fig-small');
  body += `<text x="16" y="${(T + B) / 2}" text-anchor="middle" class="fig-small" transform="rotate(-90 16 ${(T + B) / 2})">Attainable TFLOPS, log scale</text>`;
  const path = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.intensityFlopsPerByte).toFixed(1)} ${sy(Math.max(yMin, p.attainableFlopsPerSecond / 1e12)).toFixed(1)}`).join(' ');
  body += `<path d="${path}" class="fig-roof"/>`;
  body += `<line x1="${sx(ridge)}" y1="${T}" x2="${sx(ridge)}" y2="${B}" class="fig-line fig-dashed"/>`;
  body += text(sx(ridge) + 6, B - 10, `ridge ${formatNumber(ridge, 3)} FLOPs/byte`, 'start', 'fig-small');
  body += text(L + 10, T + 20, 'memory-bound:', 'start', 'fig-strong') + text(L + 10, T + 38, 'intensity × bandwidth', 'start', 'fig-small');
  body += text(R - 10, T + 20, `compute-bound: peak ${formatNumber(peak / 1e12, 4)} TFLOPS`, 'end', 'fig-strong');
  const dot = (x: number, y: number, shape: 'circle' | 'square', label: string, anchor: 'start' | 'end') => {
    const mark = shape === 'circle' ? `<circle cx="${sx(x)}" cy="${sy(y)}" r="6" class="fig-point"/>` : `<rect x="${sx(x) - 6}" y="${sy(y) - 6}" width="12" height="12" class="fig-point"/>`;
    return mark + text(sx(x) + (anchor === 'start' ? 10 : -10), sy(y) + 24, label, anchor, 'fig-small');
  };
  body += dot(one.intensityFlopsPerByte, one.attainableFlopsPerSecond / 1e12, 'circle', `● 1 token: ${formatNumber(one.intensityFlopsPerByte, 3)} FLOPs/byte`, 'start');
  body += dot(many.intensityFlopsPerByte, many.attainableFlopsPerSecond / 1e12, 'square', `■ ${formatNumber(tokens)} tokens: ${formatNumber(many.intensityFlopsPerByte, 3)}`, 'end');
  return svgDoc({
    id, width: 620, height: 350,
    title: `The roofline of the ${gpu.name} in BF16: memory-bound and compute-bound regimes`,
    desc: `Log-log plot. Attainable throughput rises with arithmetic intensity along the memory roof (bandwidth ${formatNumber(bw / 1e9, 4)} GB/s) until the ridge point at ${formatNumber(ridge, 3)} FLOPs per byte, then stays flat at the peak of ${formatNumber(peak / 1e12, 4)} TFLOPS. A ${hidden} by ${hidden} weight matrix applied to one token has an intensity of ${formatNumber(one.intensityFlopsPerByte, 3)} FLOPs per byte and reaches ${formatNumber(one.attainableFlopsPerSecond / 1e12, 3)} TFLOPS, memory-bound; applied to ${formatNumber(tokens)} tokens it has ${formatNumber(many.intensityFlopsPerByte, 3)} FLOPs per byte and reaches the peak, compute-bound.`,
  }, body);
}
