import { describe, expect, it } from 'vitest';
import { cardCapabilities, planHref } from '../../../src/lib/hardware/capabilities.ts';
import { runsAsGiven } from '../../../src/lib/estimator/verdict.ts';
import { estimate } from '../../../src/lib/estimator/estimate.ts';
import { countParams, MODEL_PRESETS } from '../../../src/lib/scenario/models.ts';
import { parseScenario } from '../../../src/lib/scenario/scenario.ts';
import { H100_SXM, RTX_4090 } from '../fixtures.ts';

/** Whether the capability's scenario, with another model, fits the card. */
function fitsWith(query: Record<string, string | number | boolean>, model: string, gpu: typeof RTX_4090): boolean {
  const p = parseScenario({ ...query, model });
  if (!p.ok) throw new Error(p.errors[0]?.message);
  return runsAsGiven(estimate(p.scenario, gpu, { explain: false }).verdict);
}

describe('cardCapabilities', () => {
  it.each([['RTX 4090', RTX_4090], ['H100 SXM', H100_SXM]] as const)('%s: each answer fits and no larger decoder preset does', (_n, gpu) => {
    const caps = cardCapabilities(gpu);
    expect(caps.map((c) => c.key)).toEqual(['serve16', 'serve8', 'serve4', 'full', 'lora', 'qlora']);
    for (const c of caps) {
      expect(c.model).not.toBeNull();
      expect(fitsWith(c.query, c.model!.id, gpu)).toBe(true);
      for (const m of MODEL_PRESETS) {
        if (m.encoder || countParams(m).totalParams <= c.model!.totalParams) continue;
        expect(fitsWith(c.query, m.id, gpu), `${c.key}: ${m.id} is larger than ${c.model!.id}`).toBe(false);
      }
      expect(c.tokensPerSecond).toBeGreaterThan(0);
      expect(c.memoryBytes).toBeLessThanOrEqual(gpu.memoryGB * 2 ** 30);
    }
  });

  it('serves larger models at fewer bits and tunes larger models with cheaper methods', () => {
    const size = (k: string) => cardCapabilities(RTX_4090).find((c) => c.key === k)?.model?.totalParams ?? 0;
    expect(size('serve16')).toBeLessThan(size('serve8'));
    expect(size('serve8')).toBeLessThan(size('serve4'));
    expect(size('full')).toBeLessThan(size('lora'));
    expect(size('lora')).toBeLessThan(size('qlora'));
  });

  it('answers "none" on a card too small for any preset, instead of failing', () => {
    const tiny = { ...RTX_4090, id: 'tiny', memoryGB: 0.25 };
    const caps = cardCapabilities(tiny);
    expect(caps.find((c) => c.key === 'full')?.model).toBeNull();
    expect(caps.find((c) => c.key === 'full')?.query['gpu']).toBe('tiny');
  });

  it('tunes in FP16 on a card without BF16', () => {
    const pascal = { ...RTX_4090, id: 'pascal', architecture: 'pascal', bf16Tflops: null };
    expect(cardCapabilities(pascal).find((c) => c.key === 'lora')?.query['weightsFormat']).toBe('fp16');
  });
});

describe('planHref', () => {
  it('writes the scenario under the manifest\'s URL keys', () => {
    expect(planHref({ workload: 'qlora', batchSize: 1, gradientCheckpointing: true, model: 'qwen3-8b', gpu: 'rtx-4090' })).toBe('/plan/?workload=qlora&batch=1&ckpt=1&model=qwen3-8b&gpu=rtx-4090');
  });
});
