import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';
import { defaultEngine, findGpu, formatBits } from '../../../src/lib/scenario/scenario-refs.ts';
import { FIELDS, setRaw, type FieldSpec } from '../../../src/lib/scenario/fields.ts';

const err = (raw: unknown): string => {
  const r = parseScenario(raw);
  return r.ok ? '' : r.error;
};

const issues = (raw: unknown) => {
  const r = parseScenario(raw);
  return r.ok ? [] : r.errors;
};

describe('parseScenario', () => {
  it('rejects an out-of-range seqLen under its own field, in words', () => {
    for (const seqLen of [0, 1.5, '512']) {
      expect(issues({ model: 'llama-2-7b', seqLen })).toEqual([{ field: 'seqLen', code: seqLen === '512' ? 'type' : 'range', message: 'Sequence length must be a whole number from 1 to 1,048,576' }]);
    }
    expect(err({ model: 'llama-2-7b', seqLen: 0 })).toBe('Sequence length must be a whole number from 1 to 1,048,576');
  });

  it('reports every wrong field at once, not only the first', () => {
    const found = issues({ model: 'llama-2-7b', batchSize: 0, seqLen: -1, engine: 'ollama', flashAttention: 'yes' });
    expect(found.map((i) => i.field).sort()).toEqual(['batchSize', 'engine', 'flashAttention', 'seqLen']);
    expect(found.every((i) => !/^[a-z]+[A-Z]/.test(i.message))).toBe(true);
  });

  it('names the valid choices for enums and unknown presets', () => {
    expect(issues({ model: 'llama-2-7b', workload: 'train' })).toEqual([{ field: 'workload', code: 'enum', message: 'Workload must be one of inference, pretrain, full-finetune, lora, qlora' }]);
    expect(issues({ model: 'gpt-9' })[0]).toMatchObject({ field: 'model', code: 'enum' });
    expect(issues({})[0]).toMatchObject({ field: 'model', code: 'required' });
    expect(issues([])).toEqual([{ field: '', code: 'type', message: 'The scenario must be a JSON object' }]);
  });

  it('rejects contradictions under the field to change: quantized full fine-tuning, 16-bit QLoRA, uneven parallel layouts', () => {
    expect(issues({ model: 'llama-2-7b', workload: 'full-finetune', weightsFormat: 'nf4' })[0]).toMatchObject({ field: 'weightsFormat', code: 'conflict' });
    expect(issues({ model: 'llama-2-7b', workload: 'qlora', weightsFormat: 'bf16' })[0]).toMatchObject({ field: 'weightsFormat', code: 'conflict' });
    expect(issues({ model: 'llama-2-7b', gpuCount: 3, tensorParallel: 2 })[0]).toMatchObject({ field: 'gpuCount', code: 'conflict' });
    expect(issues({ model: { layers: 2, hiddenSize: 64, heads: 4, kvHeads: 3, intermediateSize: 128, vocabSize: 100 } })[0]).toMatchObject({ field: 'model.kvHeads' });
  });

  it('takes an engine, defaults it from the weights format, and records the default', () => {
    const gguf = parseScenario({ model: 'llama-2-7b', weightsFormat: 'q4_k_m' });
    const bf16 = parseScenario({ model: 'llama-2-7b', weightsFormat: 'bf16' });
    const chosen = parseScenario({ model: 'llama-2-7b', weightsFormat: 'bf16', engine: 'transformers' });
    expect(gguf.ok && gguf.scenario.engine).toBe('llama.cpp');
    expect(bf16.ok && bf16.scenario.engine).toBe('vllm');
    expect(bf16.ok && bf16.defaults.engine).toBe('vllm');
    expect(bf16.ok && bf16.scenario.assumptions.some((a) => a.startsWith('engine: vllm'))).toBe(true);
    expect(chosen.ok && chosen.scenario.engine).toBe('transformers');
    expect(chosen.ok && 'engine' in chosen.defaults).toBe(false);
    expect(issues({ model: 'llama-2-7b', engine: 'ollama' })).toEqual([{ field: 'engine', code: 'enum', message: 'Serving engine must be one of llama.cpp, vllm, exllamav2, transformers, tensorrt-llm' }]);
  });

  it('reports the defaults it chose by field', () => {
    const r = parseScenario({ model: 'llama-2-7b', workload: 'qlora' });
    expect(r.ok && r.defaults.weightsFormat).toBe('nf4');
    expect(r.ok && r.defaults.gradientCheckpointing).toBe(true);
    expect(r.ok && 'workload' in r.defaults).toBe(false);
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
    expect(err({ model: 'gpt2', gpu: { memoryGb: 16, bandwidthGBs: -1, tensorTflops: 100 } })).toContain('gpu.bandwidthGBs')
    expect(issues({ model: 'gpt2', gpu: { memoryGb: 16, bandwidthGBs: -1, tensorTflops: 100 } })[0]?.field).toBe('gpu.bandwidthGBs');
  });

  it('validates every manifest field: a wrong value, or one past its range, is an error under that field', () => {
    const base = { model: 'llama-2-7b', gpu: 'rtx-4090' };
    expect(parseScenario(base).ok).toBe(true);
    // A value of the wrong type for each kind (a flag takes a word, everything else a flag).
    const wrong = (f: FieldSpec): unknown => (f.kind === 'bool' ? 'yes' : true);
    for (const f of FIELDS) {
      const found = issues(setRaw({ ...base }, f.key, wrong(f)));
      expect(found.map((i) => i.field), f.key).toEqual([f.key]);
      expect(found[0]?.message, f.key).toContain(f.label);
    }
    for (const f of FIELDS.filter((x): x is typeof x & { max: number } => 'max' in x)) {
      const found = issues(setRaw({ ...base }, f.key, f.max * 2 + 1));
      expect(found, f.key).toEqual([expect.objectContaining({ field: f.key, code: 'range' })]);
      expect(found[0]?.message, f.key).toContain(f.label);
    }
    for (const f of FIELDS.filter((x) => x.kind === 'enum' && x.key !== 'weightsFormat')) {
      expect(issues(setRaw({ ...base }, f.key, 'no-such-choice')), f.key).toEqual([expect.objectContaining({ field: f.key, code: 'enum' })]);
    }
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

describe('defaultEngine and formatBits', () => {
  it('GGUF and FP16 weights default to llama.cpp, PyTorch formats to vLLM', () => {
    expect(defaultEngine({ kind: 'bits', bitsPerWeight: 4.84, label: 'q4_k_m' })).toBe('llama.cpp');
    expect(defaultEngine({ kind: 'named', name: 'fp16' })).toBe('llama.cpp');
    expect(defaultEngine({ kind: 'named', name: 'nf4' })).toBe('vllm');
  });
  it('formatBits reads named formats from the dtype table and GGUF files from their average', () => {
    expect(formatBits({ kind: 'named', name: 'nf4' })).toBe(4);
    expect(formatBits({ kind: 'named', name: 'bf16' })).toBe(16);
    expect(formatBits({ kind: 'bits', bitsPerWeight: 5.67, label: 'q5_k_m' })).toBe(5.67);
  });
});
