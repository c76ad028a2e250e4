/**
 * Closed outlines for charts drawn at build time and in islands, with the points a reader cannot see left out: a band of a
 * stacked area chart sampled at every step is mostly straight runs (a flat term, a linear ramp), and each point costs about
 * 12 bytes of the page's HTML. A point is dropped when it lies within `tolerance` user units of the straight segment that
 * replaces it (the Ramer–Douglas–Peucker criterion, applied greedily left to right), so the drawn shape moves by less than
 * `tolerance` anywhere.
 */

/** A point in SVG user units. */
export type Point = readonly [number, number];

/** Distance from `p` to the segment from `a` to `b`. */
function distance(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * The points of a polyline that must stay so that every point left out is within `tolerance` of the kept outline; the first
 * and last points always stay.
 * @example simplify([[0, 0], [1, 0], [2, 0], [3, 1]], 0.1) //=> [[0, 0], [2, 0], [3, 1]]
 */
export function simplify(points: readonly Point[], tolerance: number): Point[] {
  if (points.length < 3) return [...points];
  const kept: Point[] = [points[0]!];
  let from = 0;
  for (let end = 2; end < points.length; end++) {
    // Can the segment from the last kept point reach `end` while passing within tolerance of every point between?
    let straight = true;
    for (let i = from + 1; i < end && straight; i++) straight = distance(points[i]!, points[from]!, points[end]!) <= tolerance;
    if (!straight) {
      kept.push(points[end - 1]!);
      from = end - 1;
    }
  }
  kept.push(points[points.length - 1]!);
  return kept;
}

/**
 * An SVG path closing the polygon through `points`, coordinates rounded to one decimal (finer than a pixel at any width a
 * chart is shown) and straight runs merged within `tolerance`.
 * @example polygonPath([[0, 0], [1, 0], [2, 0], [2, 1]]) //=> "M0,0L2,0L2,1Z"
 */
export function polygonPath(points: readonly Point[], tolerance = 0.2): string {
  const r1 = (v: number): number => Math.round(v * 10) / 10;
  const rounded = points.map(([x, y]) => [r1(x), r1(y)] as const);
  const kept = simplify(rounded, tolerance);
  return kept.length === 0 ? '' : `M${kept.map(([x, y]) => `${x},${y}`).join('L')}Z`;
}
