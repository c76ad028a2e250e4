import { describe, expect, it } from 'vitest';
import { conceptMapFigure } from '../../src/components/figures/concept-map.ts';
import { graphFigure } from '../../src/components/figures/graph.ts';
import { mmaFigure } from '../../src/components/figures/mma.ts';
import { pipelineFigure, pipelineSchedule } from '../../src/components/figures/pipeline.ts';
import { ringFigure } from '../../src/components/figures/ring.ts';
import { rooflineFigure } from '../../src/components/figures/roofline.ts';
import { stridesFigure } from '../../src/components/figures/strides.ts';
import { esc } from '../../src/components/figures/svg.ts';
import { zeroFigure } from '../../src/components/figures/zero.ts';
import { RTX_4090 } from '../lib/fixtures.ts';

const all: [string, string][] = [
  ['zero', zeroFigure('z', 4, [{ label: 'DDP', sharded: { params: false, grads: false, optimizer: false }, perCard: '1 GiB' }, { label: 'ZeRO-3', sharded: { params: true, grads: true, optimizer: true }, perCard: '0.25 GiB' }])],
  ['ring', ringFigure('r', '1 GB')],
  ['pipeline', pipelineFigure('p', 4, 8)],
  ['graph', graphFigure('g')],
  ['strides', stridesFigure('s', 3, 4, [1, 2])],
  ['mma', mmaFigure('m')],
  ['roofline', rooflineFigure('rf', RTX_4090)],
  ['concept', conceptMapFigure('c')],
];

describe('figures', () => {
  it.each(all)('%s is an image named by its own title and description', (_, svg) => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    const labelled = /aria-labelledby="([^"]+) ([^"]+)"/.exec(svg);
    expect(labelled).not.toBeNull();
    expect(svg).toContain(`<title id="${labelled![1]}">`);
    expect(svg).toContain(`<desc id="${labelled![2]}">`);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('escapes text so labels cannot become markup', () => {
    expect(esc('<b a="1">&')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;');
  });

  it('strides figure places element [1, 2] of a 3 x 4 matrix at offset 1*4 + 2 = 6', () => {
    expect(stridesFigure('s', 3, 4, [1, 2])).toContain('1·4 + 2·1 = 6');
  });

  it('MMA figure counts 2·16·8·16 = 4096 FLOPs for m16n8k16', () => {
    expect(mmaFigure('m', 16, 8, 16)).toContain('2048 multiply-adds = 4096 FLOPs');
  });
});

describe('pipelineSchedule', () => {
  it('GPipe idles (p - 1)/(m + p - 1) of the time (Huang et al. 2019, §2.3)', () => {
    for (const [p, m] of [[4, 8], [2, 4], [8, 16]] as const) expect(pipelineSchedule('gpipe', p, m).bubbleFraction).toBeCloseTo((p - 1) / (m + p - 1), 12);
  });
  it('1F1B has the same bubble but holds at most p micro-batches on the first stage (Narayanan et al. 2021, §2.2)', () => {
    const g = pipelineSchedule('gpipe', 4, 8);
    const f = pipelineSchedule('1f1b', 4, 8);
    expect(f.bubbleFraction).toBeCloseTo(g.bubbleFraction, 12);
    expect(g.peakInFlight).toBe(8);
    expect(f.peakInFlight).toBe(4);
  });
  it('schedules every forward and backward exactly once, backward after forward on every stage', () => {
    const f = pipelineSchedule('1f1b', 4, 8);
    expect(f.ops).toHaveLength(2 * 4 * 8);
    for (const o of f.ops.filter((x) => x.kind === 'B')) {
      const fwd = f.ops.find((x) => x.kind === 'F' && x.stage === o.stage && x.micro === o.micro)!;
      expect(o.start).toBeGreaterThanOrEqual(fwd.end);
    }
  });
});
