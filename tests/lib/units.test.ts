import { describe, expect, it } from 'vitest';
import { formatBytes, formatBytesIn, formatNumber } from '../../src/lib/units.ts';

describe('formatNumber', () => {
  it('formatNumber keeps three significant digits and adds thousands separators', () => {
    expect(formatNumber(1234567.8)).toBe('1,234,568');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(13.4567)).toBe('13.5');
  });
  it('formatNumber never prints NaN or Infinity', () => {
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('formatBytes', () => {
  it('formatBytes picks the largest binary unit that is at least one', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(16 * 1024 ** 3)).toBe('16 GiB');
  });
  it('formatBytesIn shows a count in the unit asked for', () => {
    expect(formatBytesIn(3 * 1024 ** 2, 'KiB')).toBe('3,072 KiB');
  });
});
