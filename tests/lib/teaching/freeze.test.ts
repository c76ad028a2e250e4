import { describe, expect, it } from 'vitest';
import { trainingFlopsPerToken } from '../../../src/lib/estimator/compute.ts';
import { topLayerShare } from '../../../src/lib/teaching/freeze.ts';
import { modelState, trainingActivations } from '../../../src/lib/estimator/memory.ts';
import { countParams, findModel } from '../../../src/lib/scenario/models.ts';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';
import { scenario } from '../fixtures.ts';

const noShard = { tensorParallel: 1, pipelineParallel: 1 };
const llama2 = findModel('llama-2-7b')!;
// Llama 2 7B by hand (config.json: 32 layers, hidden 4096, FFN 11008, vocabulary 32000, untied head, two RMSNorms per block):
// one block = 4·4096² (attention) + 3·4096·11008 (SwiGLU) + 2·4096 (norms) = 202,383,360 parameters.
const BLOCK = 4 * 4096 * 4096 + 3 * 4096 * 11008 + 2 * 4096;
const HEAD = 32000 * 4096;
const FINAL_NORM = 4096;
const base = { model: 'llama-2-7b', workload: 'full-finetune', seqLen: 2048, batchSize: 1, gradientCheckpointing: false } as const;

describe('topLayerShare', () => {
  it('topLayerShare(llama-2-7b, 2) trains two blocks, the final norm and the untied head', () => {
    const share = topLayerShare(llama2, 2);
    expect(share.trainedLayers).toBe(2);
    expect(share.layerFraction).toBeCloseTo(2 / 32, 12);
    expect(share.trainableParams).toBeCloseTo(2 * BLOCK + FINAL_NORM + HEAD, 0);
  });

  it('topLayerShare(m, L) trains everything except the embedding table', () => {
    const c = countParams(llama2);
    expect(topLayerShare(llama2, 32).trainableParams).toBeCloseTo(c.totalParams - 32000 * 4096, 0);
  });

  it('topLayerShare caps k at the depth and at zero', () => {
    expect(topLayerShare(llama2, 99).trainedLayers).toBe(32);
    expect(topLayerShare(llama2, -3).trainedLayers).toBe(0);
  });

  it('topLayerShare of a tied-embedding model trains no head', () => {
    const gpt2 = findModel('gpt2');
    if (!gpt2) throw new Error('GPT-2 preset missing');
    expect(gpt2.tiedEmbeddings).toBe(true);
    const share = topLayerShare(gpt2, 1);
    expect(share.trainedMatmulParamsPerToken).toBeCloseTo(countParams(gpt2).activeLinearParams / gpt2.layers, 0);
  });
});

describe('full fine-tuning of the top k blocks', () => {
  it('modelState keeps every weight but pays gradients and 12 bytes of AdamW state only for trainable parameters', () => {
    const full = modelState(scenario(base));
    const top2 = modelState(scenario({ ...base, trainableTopLayers: 2 }));
    const trainable = 2 * BLOCK + FINAL_NORM + HEAD;
    expect(top2.weightsBytes).toBe(full.weightsBytes);
    expect(top2.trainableParams).toBeCloseTo(trainable, 0);
    expect(top2.gradientsBytes).toBeCloseTo(2 * trainable, 0);
    expect(top2.optimizerBytes).toBeCloseTo(12 * trainable, 0);
  });

  it('trainingActivations saves k/L of the blocks without checkpointing and k block inputs with it', () => {
    const full = trainingActivations(scenario(base), noShard);
    const top8 = trainingActivations(scenario({ ...base, trainableTopLayers: 8 }), noShard);
    expect(top8.savedBytes).toBeCloseTo(full.savedBytes / 4, 0);
    expect(top8.logitsBytes).toBe(full.logitsBytes);
    const ckpt = trainingActivations(scenario({ ...base, trainableTopLayers: 8, gradientCheckpointing: true }), noShard);
    // 2,048 tokens x 8 block inputs x 4,096 wide x 2 bytes.
    expect(ckpt.savedBytes).toBe(2048 * 8 * 4096 * 2);
  });

  it('trainingFlopsPerToken drops 4 FLOPs per frozen block weight and the frozen blocks\' attention backward', () => {
    const full = trainingFlopsPerToken(scenario(base));
    const top8 = trainingFlopsPerToken(scenario({ ...base, trainableTopLayers: 8 }));
    const linears = countParams(llama2).activeLinearParams;
    // Causal attention with FlashAttention: forward 2·L·s/2·(d_qk + d_v) per token; its backward is twice that.
    const attentionForward = 2 * 32 * 1024 * (4096 + 4096);
    const frozen = 24 / 32;
    expect(full - top8).toBeCloseTo(frozen * (4 * linears + 2 * attentionForward), -3);
  });

  it('trainingFlopsPerToken of the top L blocks equals full fine-tuning for an untied model', () => {
    expect(trainingFlopsPerToken(scenario({ ...base, trainableTopLayers: 32 }))).toBeCloseTo(trainingFlopsPerToken(scenario(base)), -3);
  });
});

describe('parseScenario and trainableTopLayers', () => {
  const error = (raw: Record<string, unknown>): string => {
    const r = parseScenario(raw);
    return r.ok ? 'accepted' : r.error;
  };
  it('defaults to null (every block trains)', () => {
    expect(scenario(base).trainableTopLayers).toBeNull();
  });
  it('rejects zero, fractions, text and more layers than the model has', () => {
    expect(error({ ...base, trainableTopLayers: 0 })).toMatch(/^Trainable top blocks must be a whole number/);
    expect(error({ ...base, trainableTopLayers: 2.5 })).toMatch(/^Trainable top blocks must be a whole number/);
    expect(error({ ...base, trainableTopLayers: 'two' })).toMatch(/^Trainable top blocks must be a whole number/);
    expect(error({ ...base, trainableTopLayers: 33 })).toBe("Trainable top blocks (33) must be at most the model's 32 layers");
  });
  it('rejects it for workloads other than full-finetune', () => {
    expect(error({ ...base, workload: 'lora', trainableTopLayers: 4 })).toMatch(/^Trainable top blocks applies to full-finetune only/);
    expect(error({ ...base, workload: 'pretrain', trainableTopLayers: 4 })).toMatch(/^Trainable top blocks applies to full-finetune only/);
  });
});
