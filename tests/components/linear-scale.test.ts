/** The islands' linear scale agrees with d3-scale's scaleLinear: mapping, nice domain and ticks. */
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearScale } from '../../src/components/charts/linear.ts';

const CASES: [number, number][] = [[0, 0.93], [0, 7.3], [0, 23.99], [0, 81.2], [0, 1234.5], [2.5, 17.1], [0, 1e-3], [0, 0]];

describe('linearScale', () => {
  it.each(CASES)('matches d3-scale on [%s, %s] with nice()', (a, b) => {
    const d3 = scaleLinear().domain([a, b]).range([10, 630]).nice();
    const ours = linearScale([a, b], [10, 630], 10);
    expect(ours.domain()).toEqual(d3.domain());
    expect(ours.ticks(6)).toEqual(d3.ticks(6));
    for (const v of [a, b, (a + b) / 2, b * 1.3]) expect(ours(v)).toBeCloseTo(d3(v), 9);
  });

  it('matches d3-scale without nice() and on a reversed range (a y axis)', () => {
    const d3 = scaleLinear().domain([0, 41]).range([300, 20]);
    const ours = linearScale([0, 41], [300, 20]);
    expect(ours.domain()).toEqual([0, 41]);
    expect(ours.ticks(5)).toEqual(d3.ticks(5));
    for (const v of [0, 13, 41]) expect(ours(v)).toBeCloseTo(d3(v), 9);
  });
});
