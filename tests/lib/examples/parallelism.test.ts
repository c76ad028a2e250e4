import { describe, expect, it } from 'vitest';
import { parallelismChapter } from '../../../src/lib/examples/parallelism.ts';
import { siteCards } from './site-cards.ts';

const p = parallelismChapter(siteCards());
const state = (m: { weightsBytes: number; gradientsBytes: number; optimizerBytes: number }) => m.weightsBytes + m.gradientsBytes + m.optimizerBytes;

describe('parallelismChapter: the Llama 3.1 8B job on RTX 4090 cards', () => {
  it('counts about 8.03 billion parameters (Meta, Llama 3.1 model card)', () => {
    expect(p.psi / 8.03e9).toBeGreaterThan(0.99);
    expect(p.psi / 8.03e9).toBeLessThan(1.01);
  });
  it('keeps 16 bytes of state per parameter, 12 of them optimizer (Rajbhandari et al. 2020, ZeRO, §3.1)', () => {
    expect(p.perParam).toBeCloseTo(16, 6);
    expect(p.kBytes).toBeCloseTo(12, 6);
  });
  it('does not fit one 24 GB card, and DDP makes each card heavier, never lighter', () => {
    expect(p.one.e.fits).toBe(false);
    expect(p.r.ddp.m.totalBytes).toBeGreaterThan(p.r.one.m.totalBytes);
  });
  it('ZeRO stages halve optimizer, then gradients, then weights on 2 cards (ZeRO Table 1: K·Ψ/N_d, …)', () => {
    expect(p.r.z1.m.optimizerBytes / p.r.one.m.optimizerBytes).toBeCloseTo(0.5, 2);
    expect(p.r.z2.m.gradientsBytes / p.r.one.m.gradientsBytes).toBeCloseTo(0.5, 1);
    // ZeRO-3 keeps its half plus one gathered layer: a bit over half, far under the whole.
    const w = p.r.z3.m.weightsBytes / p.r.one.m.weightsBytes;
    expect(w).toBeGreaterThan(0.5);
    expect(w).toBeLessThan(0.6);
    const totals = ['ddp', 'z1', 'z2', 'z3', 'z3off'].map((id) => p.r[id as 'ddp'].m.totalBytes);
    for (let i = 1; i < totals.length; i++) expect(totals[i]!).toBeLessThan(totals[i - 1]!);
  });
  it('ZeRO-3 on 8 cards leaves a bit more than one eighth of the state (one gathered layer)', () => {
    const ratio = state(p.z3n8.m) / p.state1;
    expect(ratio).toBeGreaterThan(1 / 8);
    expect(ratio).toBeLessThan(1 / 8 + 0.02);
  });
  it('the fewest-cards search in powers of two never beats the one-at-a-time search', () => {
    expect(p.fewest).not.toBeNull();
    expect(p.fewestAny).not.toBeNull();
    expect(p.fewestAny!.gpuCount).toBeLessThanOrEqual(p.fewest!.gpuCount);
    expect(p.fewest!.gpuCount & (p.fewest!.gpuCount - 1)).toBe(0);
  });
  it('the exercise answer is one eighth of the one-card state, within one layer', () => {
    expect(p.exZ3StateBytes / p.exOneStateBytes).toBeGreaterThan(1 / 8);
    expect(p.exZ3StateBytes / p.exOneStateBytes).toBeLessThan(1 / 8 + 0.02);
  });
});

describe('parallelismChapter: tensor and pipeline parallelism', () => {
  it('tensor parallelism alone cuts saved activations by less than half; sequence parallelism cuts them further (Korthikanti et al. 2022, §4)', () => {
    expect(p.act2).toBeLessThan(p.act1);
    expect(p.act2).toBeGreaterThan(p.act1 / 2);
    expect(p.act2sp).toBeLessThan(p.act2);
  });
  it('the 1F1B bubble is (p − 1)/m = 3/32 and interleaving 2 chunks halves it (Narayanan et al. 2021, §2.2)', () => {
    expect(p.bubble4).toBeCloseTo(3 / 32, 12);
    expect(p.exBubble1f1b).toBeCloseTo(3 / 32, 12);
    expect(p.exBubbleInterleaved).toBeCloseTo(3 / 64, 12);
  });
  it('BLOOM 176B layout: GPipe and 1F1B share a bubble, interleaving shrinks it, 1F1B holds at most p = 12 micro-batches', () => {
    const [gpipe, f1b, inter] = p.blSched;
    const b = (x: typeof gpipe) => x!.st.bubbleSeconds / x!.st.stepSeconds;
    expect(b(gpipe)).toBeCloseTo(b(f1b), 6);
    expect(b(inter)).toBeLessThan(b(f1b));
    expect(f1b!.mem.inFlightMicroBatches).toBe(12);
    expect(gpipe!.mem.inFlightMicroBatches).toBeGreaterThan(f1b!.mem.inFlightMicroBatches);
    expect(gpipe!.mem.firstStageBytes).toBeGreaterThan(f1b!.mem.firstStageBytes);
    // 384 cards = TP 4 × PP 12 × DP 8 (BigScience 2022, BLOOM, §3.4).
    expect(p.BL.gpuCount / (p.BL.tensorParallel * p.BL.pipelineParallel)).toBe(8);
  });
  it('more recomputation: less memory, and hardware FLOPs utilisation never below model FLOPs utilisation', () => {
    for (let i = 1; i < p.rec.length; i++) expect(p.rec[i]!.mem.peakBytes).toBeLessThanOrEqual(p.rec[i - 1]!.mem.peakBytes);
    for (const x of p.rec) expect(x.st.hfu).toBeGreaterThanOrEqual(x.st.mfu - 1e-12);
    expect(p.rec[0]!.st.hfu).toBeCloseTo(p.rec[0]!.st.mfu, 9);
  });
  it('context parallelism over 8 cards lowers the memory of a 131,072-token sequence', () => {
    expect(p.cp8.mem.peakBytes).toBeLessThan(p.cp1.mem.peakBytes);
  });
});

describe('parallelismChapter: links and traffic', () => {
  it('PCIe 4.0 x16 carries about 31.5 GB/s per direction and 5.0 twice that (PCI-SIG: 16 and 32 GT/s, 128b/130b)', () => {
    expect(p.pcie4x16).toBeGreaterThan(31.5 * 0.97);
    expect(p.pcie4x16).toBeLessThan(31.5 * 1.03);
    expect(p.pcie5x16 / p.pcie4x16).toBeCloseTo(2, 6);
  });
  it('the RTX 3090 bridge moves 56.25 GB/s per direction (NVIDIA GA102 whitepaper: 112.5 GB/s total)', () => {
    expect(p.bridge3090).toBeCloseTo(56.25, 2);
  });
  it('no GeForce 40 or 50 card has NVLink, and every consumer card that has it is older', () => {
    expect(p.newConsumer.length).toBeGreaterThan(0);
    expect(p.newNvlink).toEqual([]);
    expect(p.consumerNvlink.length).toBeGreaterThan(0);
    for (const c of p.consumerNvlink) expect(['geforce-40', 'geforce-50']).not.toContain(c.series);
  });
  it('the bridged RTX 3090 pair moves its gradients faster than the RTX 4090 pair without peer-to-peer', () => {
    expect(p.pair['rtx-3090']!.c.timeSecondsPerStep).toBeLessThan(p.pair['rtx-4090']!.c.timeSecondsPerStep);
    // Same job, same bytes: only the link differs.
    expect(p.pair['rtx-3090']!.c.bytesPerStep).toBeCloseTo(p.pair['rtx-4090']!.c.bytesPerStep, 0);
  });
  it('a ring all-reduce sends 2(N − 1)/N of the BF16 gradients per card: 1.75 times them on 8 cards (Patarasuk & Yuan 2009)', () => {
    expect(p.ddp8.c.bytesPerStep / p.one.m.gradientsBytes).toBeCloseTo(1.75, 2);
  });
  it('tensor groups inside a node beat tensor groups split across nodes; accumulating 8 micro-batches beats 1', () => {
    expect(p.inNode.st.tokensPerSecondPerGpu).toBeGreaterThan(p.acrossNodes.st.tokensPerSecondPerGpu);
    expect(p.acc8.st.tokensPerSecondPerGpu).toBeGreaterThan(p.acc1.st.tokensPerSecondPerGpu);
    expect(p.large1.seconds).toBeGreaterThan(p.small1.seconds);
  });
  it('the multi-GPU check covers held-out cases and more than one framework', () => {
    expect(p.mgHeldSum.count).toBeGreaterThan(0);
    expect(p.mgHeldSum.count).toBeLessThan(p.mgSum.count);
    expect(p.mgFrameworks.length).toBeGreaterThan(1);
    expect(Number.isFinite(p.mgSum.medianAbsError)).toBe(true);
  });
});
