/**
 * A linear scale for the bar and line charts that islands draw: the mapping, `nice` rounding of the domain and round ticks,
 * from d3-array's `nice` and `ticks` (the same functions d3-scale's scaleLinear uses). It stands in for d3-scale's
 * scaleLinear in islands because that one also pulls in d3-interpolate and d3-color (about 6 KB gzipped) to interpolate
 * colours and strings, which these charts never do.
 */
import { nice as niceDomain, ticks as roundTicks } from 'd3-array';

/** A linear map from a domain to a range, with round ticks over its domain. */
export interface LinearScale {
  (value: number): number;
  /** About `count` round values inside the domain (d3's algorithm). */
  ticks(count?: number): number[];
  domain(): [number, number];
}

/**
 * A linear scale; with `niceCount` the domain is first extended to round values, as d3-scale's `.nice(niceCount)` does.
 * @example linearScale([0, 0.93], [0, 100], 10).domain() //=> [0, 1]
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number], niceCount?: number): LinearScale {
  let [d0, d1] = domain;
  if (niceCount !== undefined) [d0, d1] = niceDomain(d0, d1, niceCount);
  const [r0, r1] = range;
  const scale = ((value: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0))) as LinearScale;
  scale.ticks = (count = 10) => roundTicks(d0, d1, count);
  scale.domain = () => [d0, d1];
  return scale;
}
