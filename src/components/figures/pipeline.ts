/** Pipeline schedules: GPipe (all forwards, then all backwards) and 1F1B, simulated step by step, with the bubble they leave. */
import { rect, svgDoc, text } from './svg.ts';

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
export function pipelineFigure(id: string, stages: number, micro: number): string {
  const unit = 21, left = 70, laneH = 22, top = 46;
  const g = pipelineSchedule('gpipe', stages, micro);
  const f = pipelineSchedule('1f1b', stages, micro);
  const block = (s: PipelineSchedule, y0: number, title: string, note: string) => {
    let out = text(8, y0 - 26, title, 'start', 'fig-strong') + text(8, y0 - 8, note, 'start', 'fig-small');
    for (let st = 0; st < stages; st++) {
      const y = y0 + st * laneH;
      out += text(left - 8, y + 15, `Card ${st + 1}`, 'end', 'fig-small');
      out += rect(left, y, s.totalTime * unit, laneH - 4, 'fig-absent');
    }
    for (const o of s.ops) {
      const y = y0 + o.stage * laneH;
      out += rect(left + o.start * unit, y, (o.end - o.start) * unit, laneH - 4, o.kind === 'F' ? 'fig-fill-0' : 'fig-fill-2');
      out += text(left + ((o.start + o.end) / 2) * unit, y + 13, `${o.kind}${o.micro}`, 'middle', 'fig-on-fill fig-tiny');
    }
    return out;
  };
  const gH = top + stages * laneH;
  let body = block(g, top, 'GPipe: all forwards, then all backwards', `Bubble ${Math.round(100 * g.bubbleFraction)}% of the step; card 1 holds ${g.peakInFlight} micro-batches' activations at once.`);
  body += block(f, gH + 54, '1F1B: one forward, one backward', `Bubble ${Math.round(100 * f.bubbleFraction)}% of the step; card 1 holds ${f.peakInFlight} micro-batches' activations at once.`);
  const height = gH + 54 + stages * laneH + 30;
  body += text(8, height - 8, 'F forward (1 unit), B backward (2 units); dashed: the card waits (the bubble).', 'start', 'fig-small');
  const width = left + Math.max(g.totalTime, f.totalTime) * unit + 10;
  return svgDoc({
    id, width, height,
    title: `Pipeline schedules on ${stages} cards with ${micro} micro-batches: GPipe and 1F1B`,
    desc: `Two timelines of ${stages} cards. GPipe runs all ${micro} forward passes, then all backward passes; the cards wait at the start and end, idle ${Math.round(100 * g.bubbleFraction)}% of the time, and card 1 holds the activations of ${g.peakInFlight} micro-batches at once. 1F1B alternates one forward and one backward once the pipeline is full: the same idle share, ${Math.round(100 * f.bubbleFraction)}%, but card 1 holds only ${f.peakInFlight} micro-batches' activations.`,
  }, body);
}
