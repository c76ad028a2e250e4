import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { parseHfConfig } from '../../../src/lib/scenario/hfconfig.ts';
import { countParams, findModel, MODEL_PRESETS } from '../../../src/lib/scenario/models.ts';
import { gapText, hfConfigOf, REPRODUCE_GAPS, reproduceScript, type ReproduceGap } from '../../../src/lib/answers/reproduce.ts';
import { RTX_4090, scenario } from '../fixtures.ts';

const script = (raw: Record<string, unknown>) => {
  const s = scenario(raw);
  return reproduceScript(s, estimate(s, RTX_4090));
};

const CASES: [string, Record<string, unknown>][] = [
  ['QLoRA Llama 3.1 8B', { model: 'llama-3.1-8b', workload: 'qlora', seqLen: 1024, batchSize: 2 }],
  ['LoRA Qwen2.5 7B, bf16, no checkpointing', { model: 'qwen2.5-7b', workload: 'lora', gradientCheckpointing: false, lora: { rank: 8, targets: ['q', 'v'] } }],
  ['full fine-tune GPT-2, fp16 mixed, SGD', { model: 'gpt2', workload: 'full-finetune', trainingPrecision: 'fp16-mixed', optimizer: 'sgd', flashAttention: false }],
  ['full fine-tune BERT, Adafactor', { model: 'bert-base', workload: 'full-finetune', optimizer: 'adafactor' }],
  ['pure bf16 pretraining with 8-bit AdamW', { model: 'qwen3-0.6b', workload: 'pretrain', trainingPrecision: 'bf16', weightsFormat: 'bf16', optimizer: 'adamw-8bit' }],
  ['bf16 inference Mixtral', { model: 'mixtral-8x7b', workload: 'inference', promptTokens: 512, outputTokens: 64 }],
  ['int8 inference Gemma 3 4B', { model: 'gemma-3-4b', workload: 'inference', weightsFormat: 'int8' }],
  ['nf4 inference DeepSeek-V3', { model: 'deepseek-v3', workload: 'inference', weightsFormat: 'nf4' }],
];

describe('reproduceScript', () => {
  it('writes a PyTorch script that python3 compiles for every case', () => {
    const dir = mkdtempSync(join(tmpdir(), 'repro-'));
    const files = CASES.map(([name, raw], i) => {
      const r = script(raw);
      if (!r.ok) throw new Error(`${name}: ${r.reason}`);
      expect(r.kind).toBe('pytorch');
      const file = join(dir, `${i}-${r.fileName}`);
      writeFileSync(file, r.script);
      return file;
    });
    // One interpreter for all files: py_compile exits non-zero naming the first file with a syntax error.
    expect(() => execFileSync('python3', ['-m', 'py_compile', ...files], { stdio: 'pipe' })).not.toThrow();
  }, 60_000);

  it('carries the scenario into the script: batch, sequence, LoRA rank and targets, checkpointing, 4-bit NF4 with double quantization', () => {
    const r = script(CASES[0]![1]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.script).toContain('BATCH, SEQ, PROMPT, OUTPUT = 2, 1024,');
    expect(r.script).toContain('bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True');
    expect(r.script).toContain('LoraConfig(r=16');
    expect(r.script).toContain('gradient_checkpointing_enable');
    expect(r.script).toContain('PagedAdamW');
    expect(r.script).toContain('max_memory_allocated');
    expect(r.script).not.toMatch(/from_pretrained\("(?!.*folder)/);
  });

  it('prints the prediction it is compared with, from the estimate', () => {
    const s = scenario(CASES[5]![1]);
    const e = estimate(s, RTX_4090);
    const r = reproduceScript(s, e);
    if (!r.ok) throw new Error(r.reason);
    expect(r.script).toContain(`"decode_tokens_per_s":${Number(e.throughput.decodeTokensPerSecond.toPrecision(3))}`);
  });

  it('gives the llama-bench command for GGUF inference', () => {
    const r = script({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'q4_k_m', promptTokens: 512, outputTokens: 128 });
    expect(r.ok && r.kind).toBe('llama-bench');
    expect(r.ok && r.script).toContain('llama-bench -m ./llama-3.1-8b-q4_k_m.gguf -ngl 99 -fa 1 -p 512 -n 128');
  });

  it('names the gap by code, with a one-line English reason, where no script applies', () => {
    const cases: [Record<string, unknown>, ReproduceGap, string?][] = [
      [{ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'fp8' }, 'fp8-weights'],
      [{ model: 'llama-3.1-8b', workload: 'full-finetune', gpuCount: 4, zeroStage: 3 }, 'multi-card'],
      [{ model: 'llama-3.1-8b', workload: 'full-finetune', offload: 'optimizer' }, 'cpu-offload'],
      [{ model: 'llama-3.1-8b', workload: 'lora', framework: 'torchtune', chunkedCrossEntropy: true }, 'torchtune-memory-options'],
      [{ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'int4' }, 'int4-inference'],
      [{ model: 'llama-3.1-8b', workload: 'inference', kvCacheFormat: 'int8' }, 'kv-cache-format', 'int8'],
      [{ model: 'bert-base', workload: 'inference' }, 'encoder-inference'],
      [{ model: 'llama-3.1-8b', workload: 'lora', weightsFormat: 'q4_k_m' }, 'gguf-training'],
    ];
    // Every gap the lib can name is reached by one case here.
    expect(new Set(cases.map(([, code]) => code))).toEqual(new Set(REPRODUCE_GAPS));
    for (const [raw, code, value] of cases) {
      const r = script(raw);
      if (r.ok) throw new Error(`${code}: a script was written`);
      expect(r.gap.code, JSON.stringify(raw)).toBe(code);
      expect(r.reason).toBe(gapText(r.gap));
      expect(r.reason).not.toMatch(/\n|\{value\}/);
      if (value) expect(r.reason).toContain(value);
    }
  });
});

describe('hfConfigOf', () => {
  it.each(MODEL_PRESETS.map((m) => [m.id, m] as const))('%s: the config it writes reads back with the same parameter count', (_id, m) => {
    const back = parseHfConfig(hfConfigOf(m));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(countParams(back.model).totalParams).toBe(countParams(m).totalParams);
  });

  it('writes Llama for Llama and DeepSeek-V3 for MLA', () => {
    expect(hfConfigOf(findModel('llama-2-7b')!)['model_type']).toBe('llama');
    expect(hfConfigOf(findModel('deepseek-v3')!)['model_type']).toBe('deepseek_v3');
  });
});
