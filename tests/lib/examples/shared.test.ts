import { describe, expect, it } from 'vitest';
import { CHINCHILLA, GPT3_TRAINING, requireCard, requirePreset } from '../../../src/lib/examples/shared.ts';

describe('examples/shared', () => {
  it('requirePreset and requireCard throw on a missing id instead of returning nothing for the page to print', () => {
    expect(() => requirePreset('no-such-model')).toThrow(/missing/);
    expect(() => requireCard([{ id: 'a' }], 'rtx-4090')).toThrow(/missing/);
    expect(requireCard([{ id: 'a' }, { id: 'b' }], 'b')).toEqual({ id: 'b' });
  });
  it('the quoted runs agree with each other: Chinchilla (70B on 1.4T tokens, 20 tokens per parameter) and GPT-3 (175B on 300B, under 2 per parameter)', () => {
    // Hoffmann et al. 2022 §3: about 20 tokens per parameter is compute-optimal; GPT-3 was far below it (Brown et al. 2020 Table 2.2).
    expect(CHINCHILLA.tokens / CHINCHILLA.params).toBeCloseTo(20, 0);
    expect(GPT3_TRAINING.tokens / 175e9).toBeLessThan(2);
  });
});
