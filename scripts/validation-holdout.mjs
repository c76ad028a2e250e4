// Draws the held-out quarter of the validation measurements: a seeded shuffle of each category's ids (sorted first, so the draw
// does not depend on file order), the first quarter (rounded down) of each held out. Run once when cases are added, commit the
// list, and never tune the estimator on the ids it names. Usage: node scripts/validation-holdout.mjs > src/data/validation/holdout.json
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../src/lib/teaching/mlp-model.ts';

const SEED = 20261207;
const measurements = JSON.parse(readFileSync(new URL('../src/data/validation/measurements.json', import.meta.url), 'utf8'));

const random = mulberry32(SEED);
const byCategory = new Map();
for (const m of measurements) byCategory.set(m.category, [...(byCategory.get(m.category) ?? []), m.id]);
const heldOut = [];
for (const category of [...byCategory.keys()].sort()) {
  const ids = byCategory.get(category).slice().sort();
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  heldOut.push(...ids.slice(0, Math.floor(ids.length / 4)));
}
process.stdout.write(`${JSON.stringify({ seed: SEED, method: 'per category: sort ids, seeded Fisher-Yates shuffle (mulberry32), hold out the first quarter rounded down', ids: heldOut.sort() }, null, 1)}\n`);
