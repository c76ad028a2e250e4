import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs the CLI with a scenario on stdin. */
function cli(scenario: unknown, ...args: string[]) {
  const r = spawnSync(TSX, ['scripts/estimate.ts', '-', ...args], { cwd: ROOT, input: typeof scenario === 'string' ? scenario : JSON.stringify(scenario), encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/estimate.ts', () => {
  it('prints one JSON result with the contract fields for a good scenario', () => {
    const r = cli({ model: 'llama-2-7b', workload: 'qlora', gpu: { memoryGb: 24, bandwidthGBs: 1008, tensorTflops: 165 } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.params.total).toBe(6_738_415_616);
    for (const k of ['weightsBytes', 'gradientsBytes', 'optimizerBytes', 'activationsBytes', 'kvCacheBytes', 'overheadBytes', 'allocatedBytes', 'totalBytes']) expect(typeof out.memory[k]).toBe('number');
    for (const k of ['prefillTokensPerSecond', 'decodeTokensPerSecond', 'trainTokensPerSecond']) expect(typeof out.throughput[k]).toBe('number');
    expect(typeof out.fits).toBe('boolean');
    expect(['fits', 'tight', 'offload', 'unsupported', 'does-not-fit']).toContain(out.verdict);
    expect(typeof out.flopsPerToken).toBe('number');
    expect(typeof out.timeSeconds).toBe('number');
    expect(typeof out.energyKWh).toBe('number');
    expect(Array.isArray(out.assumptions)).toBe(true);
    expect(typeof out.explain['memory.totalBytes'].formula).toBe('string');
  }, 30_000);

  it('runs the scenario on every card with --gpu all and prints an array', () => {
    const r = cli({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'q4_k_m' }, '--gpu', 'all', '--no-explain');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Array.isArray(out)).toBe(true);
    expect(out.length).toBeGreaterThan(0);
    for (const e of out) expect(e.throughput.decodeTokensPerSecond).toBeGreaterThan(0);
    // The engine is an input: vLLM's host step per token makes the same GGUF-sized job slower than llama.cpp on the same card.
    const cpp = JSON.parse(cli({ model: 'llama-3.1-8b', weightsFormat: 'int4', engine: 'llama.cpp', gpu: 'rtx-4090' }, '--no-explain').stdout);
    const vllm = JSON.parse(cli({ model: 'llama-3.1-8b', weightsFormat: 'int4', engine: 'vllm', gpu: 'rtx-4090' }, '--no-explain').stdout);
    expect(vllm.throughput.decodeTokensPerSecond).toBeLessThan(cpp.throughput.decodeTokensPerSecond);
  }, 30_000);

  it('exits non-zero with one line on stderr and nothing on stdout for bad input', () => {
    for (const bad of [{ model: 'llama-2-7b', seqLen: 0 }, { model: 'nope' }, '{not json', { model: 'gpt2', gpu: 'no-such-card' }]) {
      const r = cli(bad);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(cli({ model: 'llama-2-7b', seqLen: 0 }).stderr.trim()).toBe('seqLen: Sequence length must be a whole number from 1 to 1,048,576');
    const engine = cli({ model: 'llama-2-7b', engine: 'ollama' });
    expect(engine.code).toBe(1);
    expect(engine.stderr.trim()).toMatch(/^engine: Serving engine must be one of llama\.cpp, vllm/);
  }, 60_000);
});
