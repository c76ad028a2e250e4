import { describe, expect, it } from 'vitest';
import { trainingActivations } from '../../../src/lib/estimator/memory.ts';
import { rel, scenario } from '../fixtures.ts';

// Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models", §4.2.2: with tensor parallelism of
// degree t and no sequence parallelism, one block saves s·b·h·(10 + 24/t + 5·a·s/(h·t)) bytes per card (16-bit, with dropout).
describe('tensor-parallel activations (Korthikanti et al. 2022 §4)', () => {
  const gpt3 = { model: 'gpt-3-175b', workload: 'pretrain', trainingPrecision: 'bf16', weightsFormat: 'bf16', flashAttention: false, seqLen: 2048, batchSize: 1 };
  const perBlock = (t: number, sp: boolean) => {
    const s = scenario({ ...gpt3, gpuCount: t, tensorParallel: t, sequenceParallel: sp });
    return trainingActivations(s, { tensorParallel: t, pipelineParallel: 1 }).savedBytes / s.model.layers;
  };
  const [s, b, h, a] = [2048, 1, 12288, 96];

  it('matches s·b·h·(10 + 24/t + 5as/(ht)) without sequence parallelism', () => {
    for (const t of [1, 2, 8]) expect(rel(perBlock(t, false), s * b * h * (10 + 24 / t + (5 * a * s) / (h * t)))).toBeLessThan(1e-9);
  });

  it('divides everything by t with sequence parallelism: s·b·h·(34/t + 5as/(ht))', () => {
    expect(rel(perBlock(8, true), (s * b * h * (34 + (5 * a * s) / h)) / 8)).toBeLessThan(1e-9);
  });

  it('does not halve at t = 2 without sequence parallelism: half the replicated 10·s·b·h stays on top', () => {
    expect(rel(perBlock(2, false) - perBlock(1, false) / 2, 5 * s * b * h)).toBeLessThan(1e-9);
  });
});
