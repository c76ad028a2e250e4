/**
 * Rewrites the audit table in docs/DATA.md from the spec data (per field: values, two-source, marked, unmarked), so the
 * table is generated, never typed. `tests/data/gpus.test.ts` fails when the table and the data drift apart.
 * Usage: node scripts/data-audit.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadGpus } from '../src/loaders/load-gpus.ts';
import { ESTIMATOR_FIELDS, SOURCED_FIELDS } from '../src/lib/hardware/schema.ts';
import { auditFields } from '../src/lib/hardware/specs.ts';

const file = new URL('../docs/DATA.md', import.meta.url);
const doc = readFileSync(file, 'utf8');
const estimatorFields = new Set<string>(ESTIMATOR_FIELDS);
const rows = auditFields(loadGpus(), SOURCED_FIELDS).map(
  (r) => `| \`${r.field}\` | ${r.values} | ${r.twoSource} | ${r.singleSource} | ${r.unmarked} | ${estimatorFields.has(r.field) ? 'yes' : 'no'} |`,
);
const lines = doc.split('\n');
const first = lines.findIndex((l) => /^\| `\w+` \| \d+ \|/.test(l));
let last = first;
while (last + 1 < lines.length && /^\| `\w+` \| \d+ \|/.test(lines[last + 1]!)) last++;
if (first < 0) throw new Error('docs/DATA.md: audit table not found');
lines.splice(first, last - first + 1, ...rows);
writeFileSync(file, lines.join('\n'));
const total = auditFields(loadGpus(), SOURCED_FIELDS).reduce((a, r) => ({ v: a.v + r.values, t: a.t + r.twoSource }), { v: 0, t: 0 });
console.log(`data-audit: ${total.t} of ${total.v} values two-source (${((100 * total.t) / total.v).toFixed(1)}%)`);
