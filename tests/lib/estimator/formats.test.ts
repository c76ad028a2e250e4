import { describe, expect, it } from 'vitest';
import { blockwiseBitsPerValue, bytesPerValue, isFormatId } from '../../../src/lib/estimator/formats.ts';

describe('formats', () => {
  it('knows storage widths', () => {
    expect(bytesPerValue('bf16')).toBe(2);
    expect(bytesPerValue('nf4')).toBe(0.5);
    expect(isFormatId('fp8-e4m3')).toBe(true);
    expect(isFormatId('fp12')).toBe(false);
  });
  it('counts block-scale overhead as in QLoRA §2', () => {
    expect(blockwiseBitsPerValue(4, 64, 32)).toBe(4.5);
    expect(blockwiseBitsPerValue(4, 64, 8, { blockSize: 256, scaleBits: 32 })).toBeCloseTo(4.127, 3);
    expect(blockwiseBitsPerValue(8, 1, 0)).toBe(8);
  });
});
