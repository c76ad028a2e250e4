import { describe, expect, it } from 'vitest';
import { fineTuningChapter } from '../../../src/lib/examples/fine-tuning.ts';
import { H100_SXM, RTX_4090 } from '../fixtures.ts';

const cards = [RTX_4090, H100_SXM];

describe('fineTuningChapter', () => {
  const f = fineTuningChapter(cards);
  it('fineTuningChapter: on a 24 GB card full fine-tuning of Llama 3.1 8B does not fit and QLoRA does', () => {
    expect(f.on4090.full.verdict).toBe('does-not-fit');
    expect(f.on4090.qlora.runs).toBe(true);
    expect(f.fitsOn.qlora).toBeGreaterThanOrEqual(f.fitsOn.lora);
    expect(f.fitsOn.lora).toBeGreaterThanOrEqual(f.fitsOn.full);
  });
  it('fineTuningChapter: LoRA on one 4096 x 4096 matrix at rank 16 trains 131,072 values', () => {
    expect(f.lora.adapterParams).toBe(131072);
  });
  it('fineTuningChapter: SGDR with T0 = 100 and Tmult = 2 restarts at 100, 300, 700, 1500', () => {
    expect(f.sgdr.restarts).toEqual([100, 300, 700, 1500]);
  });
  it('fineTuningChapter: training the top 4 blocks costs fewer FLOPs per token than full fine-tuning', () => {
    expect(f.top.topFlops).toBeLessThan(f.top.fullFlops);
  });
  it('fineTuningChapter: every method that runs as given also runs at all, and the time column is blank only where none does', () => {
    for (const rows of [f.on4090, f.onH100]) for (const r of Object.values(rows)) if (r.runs) expect(r.runsAtAll).toBe(true);
    expect(f.on4090.full.runsAtAll).toBe(false);
    expect(f.onH100.lora.runsAtAll).toBe(true);
  });
  it('fineTuningChapter: NF4 with double quantisation stores about 4.127 bits per weight (Dettmers et al. 2023, QLoRA, §3)', () => {
    expect(f.nf4BitsPerWeight).toBeGreaterThan(4.1);
    expect(f.nf4BitsPerWeight).toBeLessThan(4.2);
  });
  it('fineTuningChapter: ULMFiT divides the rate by 2.6 per block, so the bottom of 32 blocks trains 2.6^31 times slower (Howard & Ruder 2018, §3.2)', () => {
    expect(f.ulmfit.top / f.ulmfit.below).toBeCloseTo(2.6, 12);
    expect(Math.log(f.ulmfit.bottomRatio) / Math.log(2.6)).toBeCloseTo(f.ulmfit.layers - 1, 9);
  });
  it('fineTuningChapter: LoRA on q and v trains fewer values than on all seven projections, and either is under 1% of the model', () => {
    expect(f.lora.qvAdapterParams).toBeLessThan(f.lora.modelAdapterParams);
    expect(f.lora.modelAdapterParams / f.params).toBeLessThan(0.01);
    // Hu et al. 2021 §4: r (d + k) per d × k matrix, far below d · k.
    expect(f.lora.adapterParams / f.lora.matrixParams).toBeCloseTo((2 * 16) / 4096, 12);
  });
});
