import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { estimate, estimatorCard } from '../../src/lib/estimator/estimate.ts';
import { cardsThatFit } from '../../src/lib/answers/inverse.ts';
import { parseScenario } from '../../src/lib/scenario/scenario.ts';
import { compatible, evaluateMemory, type MemoryInputs } from '../../src/components/calculators/MemoryBreakdown.island.tsx';

const cards = loadGpus().map(estimatorCard);
const DEFAULTS: MemoryInputs = {
  model: 'llama-3.1-8b', workload: 'lora', weightsFormat: 'bf16', engine: 'vllm', framework: 'transformers', trainingPrecision: 'bf16-mixed', optimizer: 'adamw',
  batchSize: '1', seqLen: '2048', gradientCheckpointing: '1', flashAttention: '1', 'lora.rank': '16', gpu: 'rtx-4090',
};

describe('evaluateMemory (the Will it fit? chapter’s calculator)', () => {
  it('lists no card that cannot run BF16 among the cards a BF16 LoRA job runs on', () => {
    const r = evaluateMemory(DEFAULTS, cards);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const noBf16 = cards.filter((c) => c.bf16Tflops === null).map((c) => c.id);
    expect(noBf16).toContain('tesla-p40');
    for (const id of noBf16) expect(r.result.fitsOn).not.toContain(id);
    expect(r.result.fitsOn.length).toBeGreaterThan(0);
  });
  it('answers the same job in FP16 on a Pascal card that has the memory', () => {
    const r = evaluateMemory({ ...DEFAULTS, model: 'gpt2', trainingPrecision: 'fp16-mixed', weightsFormat: 'fp16', gpu: 'tesla-p40' }, cards);
    expect(r.ok && r.result.verdict).toBe('fits');
  });
  it('puts a bad batch size and an unknown card under their own fields', () => {
    const bad = evaluateMemory({ ...DEFAULTS, batchSize: 'lots' }, cards);
    expect(!bad.ok && bad.errors.batchSize?.[0]?.code).toBe('type');
    const card = evaluateMemory({ ...DEFAULTS, gpu: 'rtx-9090' }, cards);
    expect(!card.ok && card.errors.gpu?.[0]?.field).toBe('gpu');
  });
  it('for inference reads the sequence as the prompt and reports its range under the sequence field', () => {
    const r = evaluateMemory({ ...DEFAULTS, workload: 'inference', seqLen: '0' }, cards);
    expect(!r.ok && r.errors.seqLen?.[0]?.code).toBe('range');
    const ok = evaluateMemory({ ...DEFAULTS, workload: 'inference', seqLen: '8192' }, cards);
    expect(ok.ok && ok.result.memory.kvCacheBytes).toBeGreaterThan(0);
  });
  it('switching to QLoRA swaps BF16 weights for NF4 and keeps the sequence text', () => {
    const next = compatible({ ...DEFAULTS, workload: 'qlora' });
    expect(next.weightsFormat).toBe('nf4');
    expect(next.seqLen).toBe('2048');
  });
});

describe('evaluateMemory against the estimator (the cases the browser test shows)', () => {
  it('a BF16 QLoRA job on a Pascal card is unsupported, not merely short of memory', () => {
    const r = evaluateMemory(compatible({ ...DEFAULTS, workload: 'qlora', gpu: 'gtx-1060-6gb' }), cards);
    expect(r.ok && r.result.verdict).toBe('unsupported');
    expect(r.ok && r.result.verdictWhy.code).toBe('no-bf16-train');
  });
  it('its total and card list are the estimator’s for the same scenario', () => {
    const r = evaluateMemory({ ...DEFAULTS, model: 'llama-2-7b', workload: 'full-finetune', optimizer: 'adamw-8bit', seqLen: '1024', gpu: 'h100-sxm' }, cards);
    const parsed = parseScenario({ model: 'llama-2-7b', workload: 'full-finetune', weightsFormat: 'bf16', trainingPrecision: 'bf16-mixed', optimizer: 'adamw-8bit', batchSize: 1, seqLen: 1024, gradientCheckpointing: true, flashAttention: true, lora: { rank: 16 } });
    if (!r.ok || !parsed.ok) throw new Error('expected both to parse');
    const card = cards.find((c) => c.id === 'h100-sxm');
    if (!card) throw new Error('no h100-sxm');
    expect(r.result.memory.totalBytes).toBe(estimate(parsed.scenario, card, { explain: false }).memory.totalBytes);
    expect(r.result.fitsOn).toEqual(cardsThatFit(parsed.scenario, cards).map((c) => c.gpu.id));
  });
});
