/** Pipeline schedules: GPipe (all forwards, then all backwards) and 1F1B, simulated step by step, with the bubble they leave. */
import type { PerLocale } from '../../i18n/build-words.ts';
import { rect, svgDoc, text, type LocalisedSvg } from './svg.ts';

/** The figure's words in one locale; percentages arrive already rounded. */
interface PipelineWords {
  card: (n: number) => string;
  gpipeTitle: string;
  oneF1BTitle: string;
  /** Under each schedule's title: its bubble and the first card's peak micro-batches in flight. */
  note: (bubblePct: number, peak: number) => string;
  legend: string;
  title: (stages: number, micro: number) => string;
  desc: (stages: number, micro: number, gBubblePct: number, gPeak: number, fBubblePct: number, fPeak: number) => string;
}

const WORDS: PerLocale<PipelineWords> = {
  en: {
    card: (n) => `Card ${n}`,
    gpipeTitle: 'GPipe: all forwards, then all backwards',
    oneF1BTitle: '1F1B: one forward, one backward',
    note: (bubblePct, peak) => `Bubble ${bubblePct}% of the step; card 1 holds ${peak} micro-batches' activations at once.`,
    legend: 'F forward (1 unit), B backward (2 units); dashed: the card waits (the bubble).',
    title: (stages, micro) => `Pipeline schedules on ${stages} cards with ${micro} micro-batches: GPipe and 1F1B`,
    desc: (stages, micro, gb, gp, fb, fp) => `Two timelines of ${stages} cards. GPipe runs all ${micro} forward passes, then all backward passes; the cards wait at the start and end, idle ${gb}% of the time, and card 1 holds the activations of ${gp} micro-batches at once. 1F1B alternates one forward and one backward once the pipeline is full: the same idle share, ${fb}%, but card 1 holds only ${fp} micro-batches' activations.`,
  },
  'zh-cn': {
    card: (n) => `卡 ${n}`,
    gpipeTitle: 'GPipe：先做完所有前向，再做所有反向',
    oneF1BTitle: '1F1B：一次前向，一次反向，交替进行',
    note: (bubblePct, peak) => `气泡占一步的 ${bubblePct}%；卡 1 同时保存 ${peak} 个微批次的激活值。`,
    legend: 'F 前向（1 个单位），B 反向（2 个单位）；虚线：显卡在等待（即气泡）。',
    title: (stages, micro) => `${stages} 张卡、${micro} 个微批次的流水线调度：GPipe 与 1F1B`,
    desc: (stages, micro, gb, gp, fb, fp) => `${stages} 张卡的两条时间线。GPipe 先做完全部 ${micro} 次前向传播，再做全部反向传播；显卡在开头和结尾等待，${gb}% 的时间空闲，卡 1 同时保存 ${gp} 个微批次的激活值。1F1B 在流水线填满后交替做一次前向和一次反向：空闲占比相同，为 ${fb}%，但卡 1 只保存 ${fp} 个微批次的激活值。`,
  },
};

/** One scheduled operation on one stage. */
export interface PipelineOp {
  /** Stage (card), 0 first. */
  stage: number;
  /** Forward or backward. */
  kind: 'F' | 'B';
  /** Micro-batch, 1 first. */
  micro: number;
  /** Start time in forward-time units. */
  start: number;
  /** End time. */
  end: number;
}

/** A simulated schedule and what it costs. */
export interface PipelineSchedule {
  ops: PipelineOp[];
  /** Time of the last operation's end. */
  totalTime: number;
  /** Idle share of the stages' time: the bubble. */
  bubbleFraction: number;
  /** Most micro-batches whose activations the first stage holds at once (forward done, backward not). */
  peakInFlight: number;
}

/**
 * Simulates a pipeline of `stages` cards over `micro` micro-batches, forward taking 1 unit and backward `backwardCost` units.
 * GPipe runs all forwards then all backwards (Huang et al. 2019); 1F1B warms up with stages − s − 1 forwards, then alternates
 * one forward and one backward (Narayanan et al. 2021, §2.2, PipeDream-Flush).
 * @example pipelineSchedule('gpipe', 4, 8, 2).bubbleFraction //=> 3 / 11
 */
export function pipelineSchedule(kind: 'gpipe' | '1f1b', stages: number, micro: number, backwardCost = 2): PipelineSchedule {
  const order: { kind: 'F' | 'B'; micro: number }[][] = [];
  for (let s = 0; s < stages; s++) {
    const list: { kind: 'F' | 'B'; micro: number }[] = [];
    if (kind === 'gpipe') {
      for (let j = 1; j <= micro; j++) list.push({ kind: 'F', micro: j });
      for (let j = 1; j <= micro; j++) list.push({ kind: 'B', micro: j });
    } else {
      const warm = Math.min(stages - s - 1, micro);
      let f = 1, b = 1;
      for (; f <= warm; f++) list.push({ kind: 'F', micro: f });
      while (f <= micro) { list.push({ kind: 'F', micro: f++ }); list.push({ kind: 'B', micro: b++ }); }
      while (b <= micro) list.push({ kind: 'B', micro: b++ });
    }
    order.push(list);
  }
  const done = new Map<string, number>();
  const key = (k: string, s: number, j: number) => `${k}${s}:${j}`;
  const free = new Array<number>(stages).fill(0);
  const next = new Array<number>(stages).fill(0);
  const ops: PipelineOp[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (let s = 0; s < stages; s++) {
      const op = order[s]![next[s]!];
      if (!op) continue;
      const dep = op.kind === 'F' ? (s === 0 ? 0 : done.get(key('F', s - 1, op.micro))) : (s === stages - 1 ? done.get(key('F', s, op.micro)) : done.get(key('B', s + 1, op.micro)));
      if (dep === undefined) continue;
      const start = Math.max(free[s]!, dep);
      const end = start + (op.kind === 'F' ? 1 : backwardCost);
      done.set(key(op.kind, s, op.micro), end);
      ops.push({ stage: s, kind: op.kind, micro: op.micro, start, end });
      free[s] = end;
      next[s]!++;
      progress = true;
    }
  }
  const totalTime = Math.max(...ops.map((o) => o.end));
  const busy = ops.reduce((sum, o) => sum + (o.end - o.start), 0);
  let inFlight = 0, peakInFlight = 0;
  for (const o of ops.filter((x) => x.stage === 0).sort((a, b) => a.start - b.start)) {
    inFlight += o.kind === 'F' ? 1 : -1;
    peakInFlight = Math.max(peakInFlight, inFlight);
  }
  return { ops, totalTime, bubbleFraction: 1 - busy / (stages * totalTime), peakInFlight };
}

/** The two schedules drawn one above the other as stage-by-time grids, each cell labelled F or B and its micro-batch. */
export function pipelineFigure(id: string, stages: number, micro: number): LocalisedSvg {
  return (locale) => drawPipeline(WORDS[locale], id, stages, micro);
}

function drawPipeline(w: PipelineWords, id: string, stages: number, micro: number): string {
  const unit = 21, left = 70, laneH = 22, top = 46;
  const g = pipelineSchedule('gpipe', stages, micro);
  const f = pipelineSchedule('1f1b', stages, micro);
  const block = (s: PipelineSchedule, y0: number, title: string, note: string) => {
    let out = text(8, y0 - 26, title, 'start', 'fig-strong') + text(8, y0 - 8, note, 'start', 'fig-small');
    for (let st = 0; st < stages; st++) {
      const y = y0 + st * laneH;
      out += text(left - 8, y + 15, w.card(st + 1), 'end', 'fig-small');
      out += rect(left, y, s.totalTime * unit, laneH - 4, 'fig-absent');
    }
    // Cells share their fill class (forward, backward) and labels their anchor and size through a group, so each of the
    // many cells carries only its position: the figure's markup is about a third lighter.
    const cells = { F: '', B: '' };
    let labels = '';
    for (const o of s.ops) {
      const y = y0 + o.stage * laneH;
      cells[o.kind] += `<rect x="${left + o.start * unit}" y="${y}" width="${(o.end - o.start) * unit}" height="${laneH - 4}"/>`;
      labels += `<text x="${left + ((o.start + o.end) / 2) * unit}" y="${y + 13}" class="fig-on-fill">${o.kind}${o.micro}</text>`;
    }
    return `${out}<g class="fig-fill-0">${cells.F}</g><g class="fig-fill-2">${cells.B}</g><g text-anchor="middle" class="fig-tiny">${labels}</g>`;
  };
  const gH = top + stages * laneH;
  const gPct = Math.round(100 * g.bubbleFraction), fPct = Math.round(100 * f.bubbleFraction);
  let body = block(g, top, w.gpipeTitle, w.note(gPct, g.peakInFlight));
  body += block(f, gH + 54, w.oneF1BTitle, w.note(fPct, f.peakInFlight));
  const height = gH + 54 + stages * laneH + 30;
  body += text(8, height - 8, w.legend, 'start', 'fig-small');
  const width = left + Math.max(g.totalTime, f.totalTime) * unit + 10;
  return svgDoc({ id, width, height, title: w.title(stages, micro), desc: w.desc(stages, micro, gPct, g.peakInFlight, fPct, f.peakInFlight) }, body);
}
