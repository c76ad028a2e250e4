import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const QWEN3_8B = JSON.parse(readFileSync(new URL('../lib/fixtures/hf-configs/qwen3-8b.json', import.meta.url), 'utf8')).config;

/** Runs the CLI with a scenario on stdin. */
function cli(scenario: unknown, ...args: string[]) {
  const r = spawnSync(TSX, ['scripts/estimate.ts', '-', ...args], { cwd: ROOT, input: JSON.stringify(scenario), encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI: config.json models, accuracy and --reproduce', () => {
  it('takes a Hugging Face config.json as the model and counts it as published (8.2B within 1%)', () => {
    const r = cli({ model: QWEN3_8B, workload: 'qlora', gpu: 'rtx-4090' }, '--no-explain');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Math.abs(out.params.total / 8.2e9 - 1)).toBeLessThan(0.01);
    expect(out.accuracy.memory.cases).toBeGreaterThan(0);
    expect(out.accuracy.training.p90Pct).toBeGreaterThanOrEqual(out.accuracy.training.medianPct);
    expect(out.accuracy.decode).toBeUndefined();
  }, 30_000);

  it('names the unsupported architecture of a config and exits 1', () => {
    const r = cli({ model: { ...QWEN3_8B, model_type: 'rwkv' }, gpu: 'rtx-4090' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('"rwkv"');
  }, 30_000);

  it('gives inference results decode and prefill accuracy', () => {
    const r = cli({ model: 'llama-3.1-8b', workload: 'inference', gpu: 'rtx-4090' }, '--no-explain');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.accuracy).sort()).toEqual(['decode', 'memory', 'prefill']);
  }, 30_000);

  it('prints a Python script with --reproduce, built from the config given', () => {
    const r = cli({ model: QWEN3_8B, workload: 'lora', gpu: 'h100-sxm' }, '--reproduce');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('#!/usr/bin/env python3')).toBe(true);
    expect(r.stdout).toContain('"model_type":"qwen3"');
  }, 30_000);

  it('prints a one-line reason and exits 1 where no script applies', () => {
    const r = cli({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'fp8', gpu: 'h100-sxm' }, '--reproduce');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^no reproducer: .*fp8/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
