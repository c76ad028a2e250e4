import { describe, expect, it } from 'vitest';
import { findCard, logTicks, timelineCards, yearOf } from '../../src/components/calculators/gpu-timeline.ts';

describe('the GPU timeline’s pure part (gpu-timeline.ts)', () => {
  const cards = timelineCards();

  it('lists every card once, in launch order', () => {
    expect(cards.length).toBeGreaterThan(20);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(cards.every((c, i) => i === 0 || (cards[i - 1]?.launchDate ?? '') <= c.launchDate)).toBe(true);
  });

  it('finds a card by id, by name without the brand, or by a unique ending; says when a text is unknown or ambiguous', () => {
    const r4090 = cards.find((c) => c.id === 'rtx-4090');
    expect(r4090).toBeDefined();
    expect(findCard('rtx-4090', cards)).toEqual({ card: r4090 });
    expect(findCard('RTX 4090', cards)).toEqual({ card: r4090 });
    expect(findCard('no such card', cards)).toEqual({ error: 'unknown', count: 0 });
    expect(findCard('   ', cards)).toEqual({ error: 'unknown', count: 0 });
    const many = findCard('geforce', cards);
    expect('error' in many && many.error).toBe('ambiguous');
  });

  it('turns a launch date into a fractional year', () => {
    expect(yearOf('2020-01-01')).toBe(2020);
    // 2 July 2020 is day 183 of a leap year: 183 / 365.25 of the way through.
    expect(yearOf('2020-07-02')).toBeCloseTo(2020 + 183 / 365.25, 10);
  });

  it('ticks a log axis at 1, 2 and 5 per decade, and only at powers of ten when that would be too many', () => {
    expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(1, 1e6)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6]);
  });
});
