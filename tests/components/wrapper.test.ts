import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { evaluateMemory, type MemoryInputs } from '../../src/components/calculators/MemoryBreakdown.island.tsx';
import { formIslandProps } from '../../src/components/calculators/wrapper.ts';
import { MEMORY_FORM, PARALLELISM_FORM } from '../../src/components/calculators/form-specs.ts';
import { COST_FORM } from '../../src/components/calculators/training-cost.ts';
import { MEMORY_FORM_KEYS } from '../../src/components/calculators/url-keys.ts';
import type { IslandWords } from '../../src/i18n/islands.ts';
import { ChartFigure } from '../../src/components/charts/ChartFigure.tsx';

const WRAPPER_DEFAULTS: MemoryInputs = {
  model: 'llama-3.1-8b', workload: 'qlora', weightsFormat: 'nf4', engine: 'vllm', framework: 'transformers', trainingPrecision: 'bf16-mixed', optimizer: 'adamw',
  batchSize: '2', seqLen: '1024', gradientCheckpointing: '1', flashAttention: '1', 'lora.rank': '8', gpu: 'rtx-3090',
};
const spec = { words: 'memoryBreakdown' as const, verdicts: (t: IslandWords<'memoryBreakdown'>) => t.memoryBreakdown.verdicts, fields: MEMORY_FORM_KEYS, defaults: WRAPPER_DEFAULTS, id: 'mem', evaluate: evaluateMemory };

describe('formIslandProps (the scenario calculators’ wrappers)', () => {
  it('puts the page’s inputs over the wrapper’s defaults and takes the page’s id', () => {
    const props = formIslandProps('en', { defaults: { batchSize: '4' }, id: 'mem2' }, spec);
    expect(props.defaults).toEqual({ ...WRAPPER_DEFAULTS, batchSize: '4' });
    expect(props.idPrefix).toBe('mem2');
    expect(props.formWords).toBeUndefined();
    expect(props.strings.numberLocale).toBe('en-US');
    expect(Object.keys(props.strings)).toContain('memoryBreakdown');
  });

  it('the three scenario calculators’ default jobs evaluate against every card (the build-time check passes), each under its own id', () => {
    expect(formIslandProps('en', {}, MEMORY_FORM).idPrefix).toBe('mem');
    expect(formIslandProps('en', {}, PARALLELISM_FORM).idPrefix).toBe('par');
    expect(formIslandProps('zh-cn', {}, COST_FORM).idPrefix).toBe('cost');
    // The check itself bites: the same spec with a card that does not exist throws at build time.
    expect(() => formIslandProps('en', { defaults: { gpu: 'rtx-9090' } }, COST_FORM)).toThrow(/trainingCost defaults are invalid/);
  });

  it('falls back to the wrapper’s id, and gives a Chinese page the form’s Chinese words', () => {
    const props = formIslandProps('zh-cn', {}, spec);
    expect(props.idPrefix).toBe('mem');
    expect(props.defaults).toEqual(WRAPPER_DEFAULTS);
    expect(props.strings.numberLocale).toBe('zh-CN');
    // Only the shown fields' options travel with the island (the memory form has no pipeline-schedule field), and no field
    // labels: the island labels every field itself.
    expect(props.formWords?.vocabulary.optimizers).toBeDefined();
    expect(props.formWords?.vocabulary.pipelineSchedules).toBeUndefined();
    expect(props.formWords?.fields).toEqual({});
    // Only the reasons its verdict sentences state: a 'fits' verdict's sentence names no reason.
    const reasons = Object.keys(props.formWords?.verdictReasons ?? {});
    expect(reasons).toContain('no-bf16-train');
    expect(reasons).not.toContain('room-to-spare');
  });

  it('fails the build on a default that does not evaluate, naming the island', () => {
    expect(() => formIslandProps('en', { defaults: { batchSize: 'many' } }, spec)).toThrow(/memoryBreakdown defaults are invalid/);
    expect(() => formIslandProps('en', { defaults: { gpu: 'no-such-card' } }, spec)).toThrow(/gpu/);
  });
});

describe('ChartFigure', () => {
  it('labels the scroll region and the SVG by the title and description, and keeps the caption below', () => {
    const html = render(h(ChartFigure, { kind: 'demo', idPrefix: 'd', title: 'Errors', desc: 'Most within 25%', width: 300, height: 100, caption: 'Caption', children: h('g', { class: 'grid' }) }));
    expect(html).toContain('<figure class="chart demo">');
    expect(html).toContain('role="region" tabindex="0" aria-label="Errors"');
    expect(html).toContain('viewBox="0 0 300 100" role="img" aria-labelledby="d-title d-desc"');
    expect(html).toContain('<title id="d-title">Errors</title><desc id="d-desc">Most within 25%</desc><g class="grid"></g></svg>');
    expect(html).toMatch(/<\/div><figcaption>Caption<\/figcaption><\/figure>$/);
  });
});
