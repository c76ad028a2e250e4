import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { findModel } from '../../../src/lib/scenario/models.ts';
import { CUDA_CONTEXT_BYTES, kvCacheBytes, modelState, modelWeightsBytes, trainingActivations, weightLayout } from '../../../src/lib/estimator/memory.ts';
import { GIB, MIB } from '../../../src/lib/units.ts';
import { rel, RTX_4090, scenario } from '../fixtures.ts';

const noShard = { tensorParallel: 1, pipelineParallel: 1 };

describe('weightLayout', () => {
  it('charges NF4 0.5 bit of fp32 absmax per weight, and 0.127 bit with double quantization (QLoRA §3)', () => {
    expect(weightLayout({ kind: 'named', name: 'nf4' }, false).linearBitsPerParam).toBeCloseTo(4.5, 10);
    expect(weightLayout({ kind: 'named', name: 'nf4' }, true).linearBitsPerParam - 4).toBeCloseTo(0.127, 3);
  });

  it('charges GPTQ/AWQ int4 an fp16 scale and 4-bit zero per group of 128', () => {
    expect(weightLayout({ kind: 'named', name: 'int4' }, false).linearBitsPerParam).toBeCloseTo(4.15625, 10);
  });
});

describe('modelWeightsBytes', () => {
  it('gives Llama 2 7B in fp16 about 13.5 GB', () => {
    const bytes = modelWeightsBytes(findModel('llama-2-7b')!, weightLayout({ kind: 'named', name: 'fp16' }, false));
    expect(rel(bytes, 13.48e9)).toBeLessThan(0.01);
  });

  it('gives Llama 2 7B as GGUF Q4_0 (4.5 bits per weight) the 3.56 GiB llama.cpp reports', () => {
    const bytes = modelWeightsBytes(findModel('llama-2-7b')!, weightLayout({ kind: 'bits', bitsPerWeight: 4.5, label: 'q4_0' }, false));
    expect(rel(bytes / GIB, 3.56)).toBeLessThan(0.02);
  });
});

describe('modelState', () => {
  it('costs 16 bytes per parameter for AdamW in mixed precision (ZeRO §3.1)', () => {
    const s = scenario({ model: 'llama-2-7b', workload: 'full-finetune', trainingPrecision: 'bf16-mixed', optimizer: 'adamw' });
    const st = modelState(s);
    expect((st.weightsBytes + st.gradientsBytes + st.optimizerBytes) / st.trainableParams).toBeCloseTo(16, 6);
  });

  it('costs 10 bytes per parameter with 8-bit AdamW and 8 with pure bf16 AdamW', () => {
    const a = modelState(scenario({ model: 'llama-2-7b', workload: 'full-finetune', optimizer: 'adamw-8bit' }));
    expect((a.weightsBytes + a.gradientsBytes + a.optimizerBytes) / a.trainableParams).toBeCloseTo(10, 2);
    const b = modelState(scenario({ model: 'llama-2-7b', workload: 'full-finetune', trainingPrecision: 'bf16' }));
    expect((b.weightsBytes + b.gradientsBytes + b.optimizerBytes) / b.trainableParams).toBeCloseTo(8, 6);
  });

  it('keeps only the largest gradient when the optimizer steps inside backward', () => {
    const on = modelState(scenario({ model: 'llama-2-7b', workload: 'full-finetune', optimizerInBackward: true }));
    const off = modelState(scenario({ model: 'llama-2-7b', workload: 'full-finetune' }));
    expect(on.gradientsBytes).toBeLessThan(off.gradientsBytes / 20);
  });

  it('trains only the adapters under LoRA', () => {
    const st = modelState(scenario({ model: 'llama-2-7b', workload: 'lora', lora: { rank: 8, targets: ['q', 'v'] } }));
    expect(st.trainableParams).toBe(4_194_304);
    expect(st.gradientsBytes).toBe(4_194_304 * 4);
  });
});

describe('trainingActivations', () => {
  // Korthikanti counts Megatron's all-16-bit activations, i.e. pure bf16 here (no autocast).
  it('matches Korthikanti et al. 34·s·b·h + 5·a·s²·b per layer for GPT-style blocks without FlashAttention', () => {
    const s = scenario({ model: 'gpt2', workload: 'pretrain', batchSize: 1, seqLen: 1024, flashAttention: false, trainingPrecision: 'bf16' });
    const m = s.model;
    const act = trainingActivations(s, noShard);
    const expected = 34 * m.hiddenSize + 5 * m.heads * 1024;
    expect(rel(act.perTokenPerLayerBytes, expected)).toBeLessThan(1e-9);
  });

  // Physical change: torch.autocast runs softmax and layer_norm in fp32 (PyTorch AMP op reference): fp32 softmax output (4) + dropout
  // mask (1) + the 16-bit copy the scores @ V matmul keeps (2) = 7·a·s, and the two norms save fp32 inputs (+2·2h).
  it('keeps fp32 softmax outputs and norm inputs under autocast (bf16-mixed)', () => {
    const s = scenario({ model: 'gpt2', workload: 'pretrain', batchSize: 1, seqLen: 1024, flashAttention: false, trainingPrecision: 'bf16-mixed' });
    const m = s.model;
    const act = trainingActivations(s, noShard);
    const expected = 34 * m.hiddenSize + 4 * m.hiddenSize + 7 * m.heads * 1024;
    expect(rel(act.perTokenPerLayerBytes, expected)).toBeLessThan(1e-9);
  });

  it('drops the s² terms with FlashAttention and shrinks to block inputs with full recomputation', () => {
    const base = { model: 'llama-2-7b', workload: 'full-finetune', batchSize: 2, seqLen: 4096 };
    const eager = trainingActivations(scenario({ ...base, flashAttention: false }), noShard).totalBytes;
    const flash = trainingActivations(scenario({ ...base, flashAttention: true }), noShard).totalBytes;
    const ckpt = trainingActivations(scenario({ ...base, gradientCheckpointing: true }), noShard).totalBytes;
    expect(flash).toBeLessThan(eager);
    expect(ckpt).toBeLessThan(flash / 3);
  });

  it('shrinks with chunked cross-entropy and activation offload', () => {
    const base = { model: 'llama-3.1-8b', workload: 'lora', batchSize: 2, seqLen: 2048 };
    const plain = trainingActivations(scenario(base), noShard);
    expect(trainingActivations(scenario({ ...base, chunkedCrossEntropy: true }), noShard).logitsBytes).toBeLessThan(plain.logitsBytes / 2);
    expect(trainingActivations(scenario({ ...base, activationOffload: true }), noShard).savedBytes).toBeLessThan(plain.savedBytes / 4);
  });
});

describe('kvCacheBytes', () => {
  it('is 2 GiB for Llama 2 7B at 4,096 tokens in fp16 and a quarter of that for GQA-8 Llama 3.1 8B', () => {
    expect(kvCacheBytes(findModel('llama-2-7b')!, 4096, 1, 'fp16', 1, 1)).toBe(2 * GIB);
    expect(kvCacheBytes(findModel('llama-3.1-8b')!, 4096, 1, 'fp16', 1, 1)).toBe(0.5 * GIB);
  });

  it('caps sliding-window layers at their window', () => {
    const m = findModel('mistral-7b')!;
    expect(kvCacheBytes(m, 32768, 1, 'fp16', 1, 1)).toBe(kvCacheBytes(m, 4096, 1, 'fp16', 1, 1));
  });
});

describe('estimate memory', () => {
  it('puts QLoRA of a 7B model at rank 64, batch 1, seq 512 under 10 GiB', () => {
    const e = estimate(scenario({ model: 'llama-2-7b', workload: 'qlora', lora: { rank: 64 }, batchSize: 1, seqLen: 512 }), RTX_4090);
    expect(e.memory.totalBytes / GIB).toBeLessThan(10);
    expect(e.memory.totalBytes / GIB).toBeGreaterThan(4.5);
  });

  it('adds a 300-500 MiB CUDA context between allocated and total', () => {
    const e = estimate(scenario({ model: 'llama-2-7b', workload: 'inference' }), RTX_4090);
    expect(CUDA_CONTEXT_BYTES / MIB).toBeGreaterThanOrEqual(300);
    expect(CUDA_CONTEXT_BYTES / MIB).toBeLessThanOrEqual(500);
    expect(e.memory.totalBytes - e.memory.allocatedBytes).toBeGreaterThanOrEqual(CUDA_CONTEXT_BYTES);
  });

  const workloads = ['inference', 'pretrain', 'full-finetune', 'lora', 'qlora'] as const;
  const arb = fc.record({
    workload: fc.constantFrom(...workloads),
    model: fc.constantFrom('gpt2', 'llama-3.2-1b', 'mistral-7b', 'mixtral-8x7b', 'gemma-2-2b', 'deepseek-v3', 'bert-base'),
    batchSize: fc.integer({ min: 1, max: 64 }),
    seqLen: fc.integer({ min: 1, max: 32768 }),
    gradientCheckpointing: fc.boolean(),
    flashAttention: fc.boolean(),
    chunkedCrossEntropy: fc.boolean(),
  });

  // Growing the batch or the sequence adds activations and KV cache and takes nothing away.
  it.each([['batch', 'batchSize', 64], ['sequence', 'seqLen', 32768]] as const)('never decreases when the %s grows (property)', (_, field, max) => {
    fc.assert(fc.property(arb, fc.integer({ min: 1, max }), (raw, extra) => {
      const a = estimate(scenario(raw), RTX_4090, { explain: false }).memory.totalBytes;
      const b = estimate(scenario({ ...raw, [field]: raw[field] + extra }), RTX_4090, { explain: false }).memory.totalBytes;
      return b >= a;
    }), { numRuns: 200 });
  });

  it('never decreases when the model grows in layers, width, FFN or vocabulary (property)', () => {
    const archArb = fc.record({ layers: fc.integer({ min: 1, max: 64 }), heads: fc.integer({ min: 1, max: 32 }), headDim: fc.constantFrom(32, 64, 128), ffnMult: fc.integer({ min: 1, max: 6 }), vocabSize: fc.integer({ min: 100, max: 200000 }) });
    const grow = fc.constantFrom('layers', 'heads', 'ffn', 'vocab');
    fc.assert(fc.property(archArb, grow, fc.constantFrom(...workloads), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4096 }), (a, what, workload, batchSize, seqLen) => {
      const arch = (x: typeof a) => ({ layers: x.layers, hiddenSize: x.heads * x.headDim, heads: x.heads, headDim: x.headDim, intermediateSize: x.ffnMult * x.heads * x.headDim, vocabSize: x.vocabSize });
      const bigger = { ...a, layers: a.layers + (what === 'layers' ? 1 : 0), heads: a.heads + (what === 'heads' ? 1 : 0), ffnMult: a.ffnMult + (what === 'ffn' ? 1 : 0), vocabSize: a.vocabSize + (what === 'vocab' ? 1000 : 0) };
      const m1 = estimate(scenario({ model: arch(a), workload, batchSize, seqLen }), RTX_4090, { explain: false }).memory.totalBytes;
      const m2 = estimate(scenario({ model: arch(bigger), workload, batchSize, seqLen }), RTX_4090, { explain: false }).memory.totalBytes;
      return m2 >= m1;
    }), { numRuns: 300 });
  });
});
