import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { evaluateParallel, type ParallelInputs } from '../../src/components/calculators/Parallelism.island.tsx';

const cards = loadGpus().map(estimatorCard);
const DEFAULTS: ParallelInputs = { model: 'llama-3.1-8b', workload: 'full-finetune', gpu: 'rtx-4090', gpuCount: '2', zeroStage: '3', tensorParallel: '1', pipelineParallel: '1', offload: 'none', batchSize: '1', seqLen: '2048' };

describe('evaluateParallel (the parallelism chapter’s calculator)', () => {
  it('the fewest cards keeping the layout fit, and one card fewer does not', () => {
    const r = evaluateParallel(DEFAULTS, cards);
    expect(r.ok).toBe(true);
    if (!r.ok || !r.result.fewest) throw new Error('expected a fewest-cards answer');
    const n = r.result.fewest.gpuCount;
    const at = evaluateParallel({ ...DEFAULTS, gpuCount: String(n) }, cards);
    const below = evaluateParallel({ ...DEFAULTS, gpuCount: String(n - 1) }, cards);
    expect(at.ok && at.result.verdict).toMatch(/^(fits|tight)$/);
    if (n > 1) expect(below.ok && below.result.verdict).toBe('does-not-fit');
  });
  it('keeps tensor x pipeline when searching: every answer is a multiple of it', () => {
    const r = evaluateParallel({ ...DEFAULTS, model: 'llama-2-70b', tensorParallel: '4', pipelineParallel: '2', gpuCount: '8', gpu: 'h100-sxm' }, cards);
    expect(r.ok && r.result.fewest !== null && r.result.fewest.gpuCount % 8).toBe(0);
  });
  it('an uneven layout is reported under the number of cards, in words', () => {
    const r = evaluateParallel({ ...DEFAULTS, gpuCount: '3', tensorParallel: '2' }, cards);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.gpuCount?.[0]?.message).toMatch(/^Number of cards \(3\) must be a multiple of/);
  });
  it('a tensor-parallel degree that does not divide the heads is reported under that field', () => {
    const r = evaluateParallel({ ...DEFAULTS, gpuCount: '3', tensorParallel: '3' }, cards);
    expect(!r.ok && r.errors.tensorParallel?.[0]?.code).toBe('conflict');
  });
});
