import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../../src/loaders/load-gpus.ts';
import { flopsChapter, mfuExample, PALM_UTILISATION, rooflineExamples } from '../../../src/lib/examples/flops.ts';
import { requireCard } from '../../../src/lib/examples/shared.ts';

describe('flopsChapter', () => {
  const cards = loadGpus();
  const c = flopsChapter(cards);
  const fx = c.fx;
  it('6ND for GPT-3 175B on 300B tokens is within 1% of the 3.14e23 FLOPs Brown et al. 2020 report (Table D.1)', () => {
    expect(Math.abs(fx.gpt3.flops / 3.14e23 - 1)).toBeLessThan(0.01);
  });
  it("Chinchilla's 6ND lands within 3% of the 5.76e23-FLOP budget of Hoffmann et al. 2022, Table 3", () => {
    expect(Math.abs(fx.chinchilla.flops / 5.76e23 - 1)).toBeLessThan(0.03);
  });
  it('a 2x4 by 4x3 product costs 2·m·n·k = 48 FLOPs, counted by hand: 6 outputs of 4 multiplies and 4 adds', () => {
    expect(fx.smallFlops).toBe(6 * (4 + 4));
  });
  it('the attention table charges half the full-context 6LT(d_qk + d_v) for a causal model (FlashAttention skips the masked half)', () => {
    expect(fx.causalFactor).toBe(0.5);
    // Llama 3.1 8B: 32 layers, 32 query heads x 128 = 4096 query-key width, and the same value width (Meta's config.json).
    expect([fx.layers, fx.qkWidth, fx.vWidth]).toEqual([32, 4096, 4096]);
    for (const a of fx.attention) expect(a.trainingPerToken - a.sixN).toBeCloseTo(3 * 32 * a.seq * (4096 + 4096), -3);
  });
  it('the attention share of training FLOPs grows with sequence length and stays small at 2,048 tokens', () => {
    const shares = fx.attention.map((a) => a.attentionShare);
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares[0]).toBeLessThan(0.1);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });
  it('the linear weights of one layer times 32 layers are the 8B model less its embedding and head', () => {
    expect(fx.layerLinearParams * fx.layers + 2 * 128256 * 4096).toBeLessThan(fx.totalParams);
    expect(fx.layerLinearParams * fx.layers + 2 * 128256 * 4096).toBeGreaterThan(0.999 * fx.totalParams);
  });
  it('decode (m = 1) is memory-bound and a square training GEMM compute-bound, on both the RTX 4090 and the A100', () => {
    for (const r of [c.rRtx, c.rA100]) {
      expect(r.decode.bound).toBe('memory-bound');
      expect(r.training.bound).toBe('compute-bound');
    }
  });
  it('the RTX 4090 ridge point is its 165.2 dense BF16 TFLOPS over 1,008 GB/s (NVIDIA Ada whitepaper, Appendix A)', () => {
    expect(c.rRtx.decode.ridgePointFlopsPerByte).toBeCloseTo(165.2e12 / 1008e9, 1);
  });
  it('exercise: 6 x 8.03e9 x 1e9 FLOPs at 40% of 165.2 TFLOPS is about 202 hours', () => {
    expect(c.exercises.seconds / 3600).toBeCloseTo((6 * 8.03e18) / (0.4 * 165.2e12) / 3600, 6);
    expect(c.exercises.matvec.intensityFlopsPerByte).toBeLessThan(1.01);
    expect(c.exercises.matmul.intensityFlopsPerByte).toBeGreaterThan(100 * c.exercises.matvec.intensityFlopsPerByte);
  });
  it('the MFU range brackets PaLM: the estimator defaults sit between 20% and PaLM’s measured 46.2%', () => {
    expect(c.mfuLow).toBeGreaterThan(0.2);
    expect(c.mfuHigh).toBeLessThanOrEqual(PALM_UTILISATION.mfu + 0.1);
    expect(c.mfuLow).toBeLessThanOrEqual(c.mfuHigh);
  });
  it('mfuExample: twice the peak halves the time; a bigger model takes longer on the same card', () => {
    const a = mfuExample(100e12, 'llama-3.2-1b', 0.4, 1e9);
    expect(mfuExample(200e12, 'llama-3.2-1b', 0.4, 1e9).seconds).toBeCloseTo(a.seconds / 2, 9);
    expect(mfuExample(100e12, 'llama-3.1-8b', 0.4, 1e9).seconds).toBeGreaterThan(a.seconds);
  });
  it('rooflineExamples on a card without BF16 fails loudly rather than printing a blank', () => {
    const pascal = requireCard(cards, 'gtx-1080-ti');
    expect(() => rooflineExamples(pascal)).toThrow();
  });
});
