import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { MODEL_PRESETS } from '../../../src/lib/scenario/models.ts';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';
import { H100_SXM, numbersIn, RTX_4090, scenario } from '../fixtures.ts';

const RESULT_PATHS = [
  'params.total', 'params.trainable', 'memory.weightsBytes', 'memory.gradientsBytes', 'memory.optimizerBytes', 'memory.activationsBytes',
  'memory.kvCacheBytes', 'memory.overheadBytes', 'memory.allocatedBytes', 'memory.totalBytes', 'throughput.prefillTokensPerSecond',
  'throughput.decodeTokensPerSecond', 'throughput.trainTokensPerSecond', 'flopsPerToken', 'timeSeconds', 'energyKWh',
];

describe('estimate', () => {
  it('returns every result field of the CLI contract, with an explanation per term', () => {
    const e = estimate(scenario({ model: 'llama-3.1-8b', workload: 'lora' }), RTX_4090);
    const numbers = new Map(numbersIn(e));
    for (const p of RESULT_PATHS) expect(numbers.has(p), p).toBe(true);
    expect(typeof e.fits).toBe('boolean');
    expect(Array.isArray(e.assumptions)).toBe(true);
    for (const key of ['memory.weightsBytes', 'memory.activationsBytes', 'throughput.decodeTokensPerSecond', 'flopsPerToken']) {
      const t = e.explain[key];
      expect(t?.formula.length).toBeGreaterThan(5);
      expect(t?.source.length).toBeGreaterThan(5);
    }
  });

  it('makes allocated + overhead = total without paged optimizer states', () => {
    const e = estimate(scenario({ model: 'llama-2-7b', workload: 'full-finetune', gpuCount: 1 }), H100_SXM);
    expect(e.memory.allocatedBytes + e.memory.overheadBytes).toBeCloseTo(e.memory.totalBytes, 0);
  });

  it('says a 7B full fine-tune does not fit a 24 GB card and QLoRA does', () => {
    expect(estimate(scenario({ model: 'llama-2-7b', workload: 'full-finetune' }), RTX_4090).fits).toBe(false);
    expect(estimate(scenario({ model: 'llama-2-7b', workload: 'qlora' }), RTX_4090).fits).toBe(true);
  });

  it.each(MODEL_PRESETS.map((m) => [m.id] as const))('runs every workload on preset %s without NaN or Infinity', (id) => {
    for (const workload of ['inference', 'pretrain', 'full-finetune', 'lora', 'qlora']) {
      const e = estimate(scenario({ model: id, workload }), H100_SXM);
      for (const [path, v] of numbersIn(e)) expect(Number.isFinite(v), `${workload} ${path}`).toBe(true);
    }
  });

  it('never yields NaN, Infinity or a crash for inputs in the accepted ranges (property)', () => {
    const arb = fc.record({
      model: fc.constantFrom(...MODEL_PRESETS.map((m) => m.id)),
      workload: fc.constantFrom('inference', 'pretrain', 'full-finetune', 'lora', 'qlora'),
      batchSize: fc.integer({ min: 1, max: 65536 }),
      seqLen: fc.integer({ min: 1, max: 1_048_576 }),
      outputTokens: fc.integer({ min: 0, max: 1_048_576 }),
      gradientCheckpointing: fc.boolean(),
      flashAttention: fc.boolean(),
      optimizer: fc.constantFrom('adamw', 'adamw-8bit', 'sgd', 'adafactor'),
      optimizerInBackward: fc.boolean(),
      activationOffload: fc.boolean(),
      chunkedCrossEntropy: fc.boolean(),
      kvCacheFormat: fc.constantFrom('fp32', 'fp16', 'bf16', 'fp8', 'int8', 'int4'),
      gpuCount: fc.constantFrom(1, 2, 8, 64, 4096),
      zeroStage: fc.integer({ min: 0, max: 3 }),
      offload: fc.constantFrom('none', 'optimizer', 'optimizer+params'),
      lora: fc.record({ rank: fc.integer({ min: 1, max: 4096 }) }),
      trainTokens: fc.double({ min: 1, max: 1e16, noNaN: true }),
    });
    fc.assert(fc.property(arb, fc.boolean(), (raw, custom) => {
      const parsed = parseScenario(custom ? { ...raw, gpu: { memoryGb: 0.001, bandwidthGBs: 0.001, tensorTflops: 0.001 } } : raw);
      if (!parsed.ok) return true;
      const gpu = parsed.gpu.kind === 'custom' ? parsed.gpu.spec : RTX_4090;
      const e = estimate(parsed.scenario, gpu);
      return numbersIn(e).every(([, v]) => Number.isFinite(v));
    }), { numRuns: 300 });
  });
});
