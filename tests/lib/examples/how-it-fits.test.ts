import { describe, expect, it } from 'vitest';
import { howItFitsChapter } from '../../../src/lib/examples/how-it-fits.ts';
import { siteCards } from './site-cards.ts';

const h = howItFitsChapter(siteCards());

describe('howItFitsChapter: LoRA on Llama 3.1 8B with one RTX 4090', () => {
  it('fits the 24 GB card', () => {
    expect(['fits', 'tight']).toContain(h.e.verdict);
    expect(h.e.memory.totalBytes).toBeLessThan(24e9);
  });
  it('uses the RTX 4090 BF16 dense peak with FP32 accumulate, 165.2 TFLOPS (Ada whitepaper v2.1, Appendix A)', () => {
    expect(h.peak.peakFlopsPerSecond / 165.2e12).toBeGreaterThan(0.99);
    expect(h.peak.peakFlopsPerSecond / 165.2e12).toBeLessThan(1.01);
  });
  it('takes hours, not minutes or weeks, for 20 million tokens, and the utilisation and clock factor are fractions', () => {
    expect(h.hours).toBeGreaterThan(0.1);
    expect(h.hours).toBeLessThan(100);
    expect(h.mfu).toBeGreaterThan(0);
    expect(h.mfu).toBeLessThan(1);
    expect(h.clock).toBeGreaterThan(0);
    expect(h.clock).toBeLessThanOrEqual(1);
  });
  it('serves BF16 below the bandwidth bound of 1,008 GB/s over about 16 GB of weights, and Q4_K_M 2 to 3.5 times faster', () => {
    expect(h.bf16Decode).toBeLessThan(1008e9 / 16.06e9);
    expect(h.bf16Decode).toBeGreaterThan(0.5 * (1008e9 / 16.06e9));
    expect(h.q4Decode / h.bf16Decode).toBeGreaterThan(2);
    expect(h.q4Decode / h.bf16Decode).toBeLessThan(3.5);
  });
});
