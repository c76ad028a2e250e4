import { describe, expect, it } from 'vitest';
import { tensorCoresChapter } from '../../../src/lib/examples/tensor-cores.ts';
import { siteCards } from './site-cards.ts';

const cards = siteCards();
const t = tensorCoresChapter(cards);

describe('tensorCoresChapter', () => {
  it('RTX 4090: 330.3 TFLOPS over 512 Tensor Cores at 2,520 MHz is about 256 FP16 operations (128 multiply-adds) per core per clock (Ada whitepaper v2.1, Appendix A)', () => {
    expect(t.perClock4090! / 256).toBeGreaterThan(0.99);
    expect(t.perClock4090! / 256).toBeLessThan(1.01);
  });
  it('an A100 Tensor Core does twice that per clock: 256 FP16 multiply-adds (A100 whitepaper, third-generation Tensor Core)', () => {
    expect(t.perClockA100! / t.perClock4090!).toBeCloseTo(2, 1);
  });
  it('GeForce Ada halves FP16 with FP32 accumulate (165.2 of 330.3 TFLOPS); the RTX 6000 Ada on the same chip does not', () => {
    expect(t.acc4090).toBeCloseTo(0.5, 2);
    if (t.r6000) expect(t.acc6000).toBeCloseTo(1, 2);
    expect(t.ex.accA100).toBeCloseTo(1, 2);
  });
  it('every GeForce card with Tensor Cores is either half or full rate, and the families partition the Tensor Core cards', () => {
    expect(t.geforceHalf.length + t.geforceFull.length).toBe(t.geforce.length);
    expect(t.families.reduce((s, f) => s + f.n, 0)).toBeLessThanOrEqual(t.tensorCards.length);
    for (const f of t.families) expect(f.lo).toBeLessThanOrEqual(f.hi);
    expect(t.proFull.length).toBeLessThanOrEqual(t.pro.length);
  });
  it('2:4 sparsity keeps 2 of 4 16-bit values plus a 2-bit index each, 36 of 64 bits, and doubles the quoted peak (A100 whitepaper, structured sparsity)', () => {
    expect(t.sparse24Ratio).toBe(36 / 64);
    expect(t.sparseInt84090).toBeCloseTo(2 * t.r4090.int8Tops!, 6);
    expect(t.ex.sparseA100Bf16! / t.ex.denseA100Bf16!).toBeCloseTo(2, 12);
  });
  it('generations: Volta first, every listed format has a first generation, and missing generations are really missing', () => {
    expect(t.gens[0]?.generation).toBe(1);
    for (const { g } of t.firsts) expect(g).not.toBeNull();
    expect(t.firstOf.bf16?.generation).toBe(3);
    for (const name of t.missingGens) expect(t.gens.map((g) => g.name)).not.toContain(name);
  });
  it('FP16 accumulation stalls: 2048 + 1 stays 2048', () => {
    expect(t.stall.roundedValue).toBe(2048);
    expect(t.f16.mantissaBits).toBe(10);
  });
});
