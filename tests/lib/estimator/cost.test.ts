import { describe, expect, it } from 'vitest';
import { costUsd, energyKWh } from '../../../src/lib/estimator/cost.ts';

describe('energyKWh', () => {
  it('is 0.45 kWh for a 450 W card at full power for an hour', () => {
    expect(energyKWh(450, 1, 3600, 1)).toBeCloseTo(0.45, 12);
  });

  it('scales with cards and power fraction', () => {
    expect(energyKWh(700, 8, 3600, 0.5)).toBeCloseTo(2.8, 12);
  });
});

describe('costUsd', () => {
  const base = { gpuCount: 2, timeSeconds: 7200, energyKWh: 1, priceUsd: 1600, electricityUsdPerKWh: 0.2, amortisationYears: 3 };

  it('charges hourly price x cards x hours when renting', () => {
    expect(costUsd({ ...base, hourlyUsd: 2 })).toBeCloseTo(8, 12);
  });

  it('charges the written-off share of the purchase plus electricity when owning', () => {
    const expected = (1600 * 2 * 7200) / (3 * 365 * 24 * 3600) + 0.2;
    expect(costUsd({ ...base, hourlyUsd: null })).toBeCloseTo(expected, 12);
  });

  it('charges electricity only when the price is unknown', () => {
    expect(costUsd({ ...base, hourlyUsd: null, priceUsd: null })).toBeCloseTo(0.2, 12);
  });
});
