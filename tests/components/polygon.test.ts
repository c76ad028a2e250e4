import { describe, expect, it } from 'vitest';
import { polygonPath, simplify, type Point } from '../../src/components/charts/polygon.ts';

/** Distance from p to the polyline through `line` (brute force, independent of the module's helper). */
function toPolyline(p: Point, line: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1]!, line[i]!];
    for (let s = 0; s <= 1000; s++) {
      const t = s / 1000;
      best = Math.min(best, Math.hypot(p[0] - (a[0] + t * (b[0] - a[0])), p[1] - (a[1] + t * (b[1] - a[1]))));
    }
  }
  return best;
}

describe('simplify', () => {
  it('merges a flat run and a straight ramp into single segments, keeping the corners', () => {
    const flat = Array.from({ length: 10 }, (_, i) => [i, 5] as const);
    const ramp = Array.from({ length: 10 }, (_, i) => [10 + i, 5 - 2 * (i + 1)] as const);
    expect(simplify([...flat, ...ramp], 0.01)).toEqual([[0, 5], [9, 5], [19, -15]]);
  });

  it('keeps a spike one step wide', () => {
    const pts: Point[] = [[0, 0], [1, 0], [2, 0], [3, 10], [4, 0], [5, 0]];
    expect(simplify(pts, 0.2)).toEqual([[0, 0], [2, 0], [3, 10], [4, 0], [5, 0]]);
  });

  it('leaves every dropped point within the tolerance of the kept outline', () => {
    // A slow curve (a quarter circle sampled finely) plus pseudo-random jitter: drift must not accumulate past the tolerance.
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
    const pts: Point[] = Array.from({ length: 200 }, (_, i) => [100 * Math.cos(i / 127), 100 * Math.sin(i / 127) + 0.1 * rand()] as const);
    const kept = simplify(pts, 0.2);
    expect(kept.length).toBeLessThan(pts.length / 2);
    expect(kept[0]).toEqual(pts[0]);
    expect(kept.at(-1)).toEqual(pts.at(-1));
    for (const p of pts) expect(toPolyline(p, kept)).toBeLessThanOrEqual(0.2 + 1e-3);
  });
});

describe('polygonPath', () => {
  it('rounds to one decimal and closes the outline', () => {
    expect(polygonPath([[0.04, 1.26], [10.01, 1.24], [10.01, 20.55]])).toBe('M0,1.3L10,1.2L10,20.6Z');
  });

  it('draws nothing for no points', () => {
    expect(polygonPath([])).toBe('');
  });
});
