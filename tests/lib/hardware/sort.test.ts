import { describe, expect, it } from 'vitest';
import { sortGpus } from '../../../src/lib/hardware/sort.ts';

describe('sortGpus', () => {
  it('orders by series as the site lists them, then launch date, then name, without changing its input', () => {
    const cards = [
      { series: 'geforce-40', launchDate: '2022-10-12', name: 'GeForce RTX 4090' },
      { series: 'geforce-10', launchDate: '2017-03-10', name: 'GeForce GTX 1080 Ti' },
      { series: 'geforce-40', launchDate: '2022-10-12', name: 'GeForce RTX 4080' },
      { series: 'geforce-10', launchDate: '2016-05-27', name: 'GeForce GTX 1080' },
    ] as const;
    const input = [...cards];
    expect(sortGpus(input).map((c) => c.name)).toEqual(['GeForce GTX 1080', 'GeForce GTX 1080 Ti', 'GeForce RTX 4080', 'GeForce RTX 4090']);
    expect(input.map((c) => c.name)).toEqual(cards.map((c) => c.name));
  });
});
