import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { modelState } from '../../../src/lib/estimator/memory.ts';
import { dataParallelDegree, parallelShape, shardModelState, stepCommunication } from '../../../src/lib/cluster/parallel.ts';
import { countParams } from '../../../src/lib/scenario/models.ts';
import { H100_SXM, rel, RTX_4090, scenario } from '../fixtures.ts';

describe('shardModelState', () => {
  const base = { model: 'llama-2-7b', workload: 'full-finetune', gpuCount: 8 };

  it('divides optimizer states by N_d at ZeRO-1, gradients at ZeRO-2 and parameters at ZeRO-3 (ZeRO §5.1)', () => {
    const s1 = scenario({ ...base, zeroStage: 1 });
    const st = modelState(s1);
    expect(shardModelState(st, s1, 0).optimizerBytes).toBeCloseTo(st.optimizerBytes / 8, 0);
    const s2 = scenario({ ...base, zeroStage: 2 });
    expect(shardModelState(st, s2, 0).gradientsBytes).toBeCloseTo(st.gradientsBytes / 8, 0);
    const s3 = scenario({ ...base, zeroStage: 3 });
    expect(shardModelState(st, s3, 0).weightsBytes).toBeCloseTo(st.weightsBytes / 8, 0);
  });

  it('moves optimizer states to the CPU with offload', () => {
    const s = scenario({ ...base, zeroStage: 2, offload: 'optimizer' });
    const sh = shardModelState(modelState(s), s, 0);
    expect(sh.optimizerBytes).toBe(0);
    expect(sh.cpuBytes).toBeGreaterThan(0);
  });

  it('orders per-card memory ZeRO-3 <= ZeRO-2 <= ZeRO-1 <= DDP (property)', () => {
    fc.assert(fc.property(
      fc.constantFrom('gpt2', 'llama-3.2-1b', 'llama-2-7b', 'mixtral-8x7b'),
      fc.constantFrom('pretrain', 'full-finetune', 'lora', 'qlora'),
      fc.integer({ min: 1, max: 64 }),
      fc.integer({ min: 1, max: 8 }),
      fc.constantFrom('adamw', 'adamw-8bit', 'sgd', 'adafactor'),
      (model, workload, gpuCount, batchSize, optimizer) => {
        const mem = (zeroStage: number) => estimate(scenario({ model, workload, gpuCount, batchSize, optimizer, zeroStage, seqLen: 512 }), H100_SXM, { explain: false }).memory.totalBytes;
        const [ddp, z1, z2, z3] = [mem(0), mem(1), mem(2), mem(3)];
        return z3 <= z2 && z2 <= z1 && z1 <= ddp;
      },
    ), { numRuns: 200 });
  });
});

describe('dataParallelDegree', () => {
  it('is the card count divided by tensor x pipeline parallelism', () => {
    expect(dataParallelDegree({ gpuCount: 16, tensorParallel: 4, pipelineParallel: 2 })).toBe(2);
  });
});

describe('the link of a step', () => {
  it('is NVSwitch inside an H100 node, the network across nodes, and PCIe for a 4090 pair', () => {
    const st = (count: number, gpu = H100_SXM) => { const s = scenario({ model: 'llama-2-7b', workload: 'full-finetune', gpuCount: count }); return stepCommunication(s, gpu, modelState(s), 1).link; };
    expect(st(8)).toContain('NVSwitch, 450 GB/s');
    expect(st(16)).toContain('Gb/s network');
    expect(st(2, RTX_4090)).toContain('PCIe 4.0 x16');
  });
});

describe('stepCommunication', () => {
  it('moves 2(N-1)/N of the gradients per card for DDP and 1.5x that for ZeRO-3 (ZeRO §7)', () => {
    const ddp = scenario({ model: 'llama-2-7b', workload: 'full-finetune', gpuCount: 8, zeroStage: 0 });
    const z3 = scenario({ model: 'llama-2-7b', workload: 'full-finetune', gpuCount: 8, zeroStage: 3 });
    const st = modelState(ddp);
    const a = stepCommunication(ddp, H100_SXM, st, 1).bytesPerStep;
    expect(rel(a, 2 * (7 / 8) * st.gradientsBytes)).toBeLessThan(1e-9);
    expect(rel(stepCommunication(z3, H100_SXM, modelState(z3), 1).bytesPerStep, 1.5 * a)).toBeLessThan(1e-9);
  });

  it('takes longer over PCIe than over NVLink', () => {
    const s = scenario({ model: 'llama-2-7b', workload: 'full-finetune', gpuCount: 4 });
    const st = modelState(s);
    expect(stepCommunication(s, RTX_4090, st, 1).timeSecondsPerStep).toBeGreaterThan(stepCommunication(s, H100_SXM, st, 1).timeSecondsPerStep);
  });
});

describe('parallelShape', () => {
  it('reads the degrees from the scenario and the counts and state from the model', () => {
    const s = scenario({ model: 'llama-3.1-70b', workload: 'full-finetune', gpuCount: 16, tensorParallel: 4, pipelineParallel: 2, contextParallel: 2, zeroStage: 1 });
    const shape = parallelShape(s);
    expect([shape.tensor, shape.pipeline, shape.context]).toEqual([4, 2, 2]);
    expect(shape.model).toBe(s.model);
    expect(shape.params.totalParams).toBe(countParams(s.model).totalParams);
    // Llama 3.1 70B has about 70.6e9 parameters (Meta's model card); the state is one replica's, before any sharding.
    expect(shape.params.totalParams).toBeGreaterThan(70e9);
    expect(shape.state.weightsBytes).toBe(modelState(s).weightsBytes);
  });
});
