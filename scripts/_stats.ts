import { loadGpus } from '/work/wt/tails/src/data/load-gpus.ts';
import { loadMeasurements } from '/work/wt/tails/src/data/load-measurements.ts';
import { validateMeasurement } from '/work/wt/tails/src/lib/validation.ts';
const cards = loadGpus();
const rows = loadMeasurements().map((m) => validateMeasurement(m, cards));
const cat = (c: string) => c.endsWith('memory') ? 'memory' : c.replace('-speed','');
const q = (a: number[], p: number) => { const s=[...a].sort((x,y)=>x-y); const i=(s.length-1)*p; const lo=Math.floor(i), hi=Math.ceil(i); return s[lo]+(s[hi]-s[lo])*(i-lo); };
const groups: Record<string, typeof rows> = {};
for (const r of rows) (groups[cat(r.measurement.category)] ??= []).push(r);
for (const [k, g] of Object.entries(groups)) {
  const abs = g.map(r => Math.abs(r.relativeError)); const ratio = g.map(r => 1 + r.relativeError);
  console.log(k, g.length, 'med', q(abs,.5).toFixed(3), 'p90', q(abs,.9).toFixed(3), 'bias', q(ratio,.5).toFixed(3));
}
if (process.argv[2]) for (const r of rows) console.log(r.measurement.id.padEnd(60), r.predicted.toFixed(2).padStart(10), r.measurement.measured.value, (r.relativeError*100).toFixed(1));
