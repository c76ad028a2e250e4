import { describe, expect, it } from 'vitest';
import { findGpu, parseScenario } from '../../src/lib/scenario.ts';

const err = (raw: unknown): string => {
  const r = parseScenario(raw);
  return r.ok ? '' : r.error;
};

describe('parseScenario', () => {
  it('rejects an out-of-range seqLen with a readable message', () => {
    expect(err({ model: 'llama-2-7b', seqLen: 0 })).toBe('seqLen must be a whole number from 1 to 1,048,576');
    expect(err({ model: 'llama-2-7b', seqLen: 1.5 })).toBe('seqLen must be a whole number from 1 to 1,048,576');
    expect(err({ model: 'llama-2-7b', seqLen: '512' })).toBe('seqLen must be a whole number from 1 to 1,048,576');
  });

  it('names the valid choices for enums and unknown presets', () => {
    expect(err({ model: 'llama-2-7b', workload: 'train' })).toBe('workload must be one of inference, pretrain, full-finetune, lora, qlora');
    expect(err({ model: 'gpt-9' })).toContain('is not a preset');
    expect(err({})).toContain('model is required');
    expect(err([])).toBe('the scenario must be a JSON object');
  });

  it('rejects contradictions: quantized full fine-tuning, 16-bit QLoRA, uneven parallel layouts', () => {
    expect(err({ model: 'llama-2-7b', workload: 'full-finetune', weightsFormat: 'nf4' })).toContain('weightsFormat must be fp32, fp16 or bf16');
    expect(err({ model: 'llama-2-7b', workload: 'qlora', weightsFormat: 'bf16' })).toContain('qlora');
    expect(err({ model: 'llama-2-7b', gpuCount: 3, tensorParallel: 2 })).toContain('multiple of');
    expect(err({ model: { layers: 2, hiddenSize: 64, heads: 4, kvHeads: 3, intermediateSize: 128, vocabSize: 100 } })).toContain('kvHeads');
  });

  it('records every default it fills in words', () => {
    const r = parseScenario({ model: 'llama-2-7b', workload: 'qlora' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.weightsFormat).toEqual({ kind: 'named', name: 'nf4' });
    expect(r.scenario.assumptions.join(' | ')).toContain('nf4');
    expect(r.scenario.assumptions.join(' | ')).toContain('gradientCheckpointing: on');
  });

  it('accepts GGUF types and bits per weight', () => {
    const a = parseScenario({ model: 'llama-2-7b', weightsFormat: 'Q4_K_M' });
    const b = parseScenario({ model: 'llama-2-7b', bitsPerWeight: 5.5 });
    const c = parseScenario({ model: 'llama-2-7b', weightsFormat: 3.5 });
    expect(a.ok && a.scenario.weightsFormat.kind === 'bits' && a.scenario.weightsFormat.bitsPerWeight).toBe(4.84);
    expect(b.ok && b.scenario.weightsFormat.kind === 'bits' && b.scenario.weightsFormat.bitsPerWeight).toBe(5.5);
    expect(c.ok && c.scenario.weightsFormat.kind === 'bits' && c.scenario.weightsFormat.bitsPerWeight).toBe(3.5);
  });

  it('accepts a custom card and notes the columns it derived', () => {
    const r = parseScenario({ model: 'gpt2', gpu: { memoryGb: 16, bandwidthGBs: 500, tensorTflops: 100 } });
    expect(r.ok && r.gpu.kind).toBe('custom');
    expect(err({ model: 'gpt2', gpu: { memoryGb: 16, bandwidthGBs: -1, tensorTflops: 100 } })).toContain('gpu.bandwidthGBs');
  });

  it('notes unknown fields instead of failing', () => {
    const r = parseScenario({ model: 'gpt2', colour: 'green' });
    expect(r.ok && r.scenario.assumptions[0]).toBe('ignored unknown field "colour"');
  });
});

describe('findGpu', () => {
  it('matches ids exactly or loosely by id and name', () => {
    const cards = [{ id: 'rtx-4090', name: 'GeForce RTX 4090' }, { id: 'h100-sxm', name: 'H100 SXM5 80GB' }];
    expect(findGpu('rtx-4090', cards)?.id).toBe('rtx-4090');
    expect(findGpu('RTX 4090', cards)?.id).toBe('rtx-4090');
    expect(findGpu('NVIDIA GeForce RTX 4090', cards)?.id).toBe('rtx-4090');
    expect(findGpu('rtx-9090', cards)).toBeNull();
  });
});
