/**
 * CLI: `npm run -s estimate -- scenario.json` (or `-` for stdin) prints one JSON estimate with its validated accuracy;
 * `--gpu all` runs the scenario on every card and prints an array; `--gpu <id>` overrides the scenario's card; `--reproduce`
 * prints a script that measures the scenario on a real card instead. The model may be a Hugging Face config.json object.
 * Bad input: exit code 1, one line on stderr, nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { loadAccuracyTable } from '../src/loaders/load-accuracy.ts';
import { loadGpus } from '../src/loaders/load-gpus.ts';
import { accuracyFor } from '../src/lib/validation/accuracy.ts';
import { isHfConfig } from '../src/lib/scenario/hfconfig.ts';
import { reproduceScript } from '../src/lib/answers/reproduce.ts';
import { estimate, type EstimateGpu } from '../src/lib/estimator/estimate.ts';
import { parseScenario } from '../src/lib/scenario/scenario.ts';
import { findGpu } from '../src/lib/scenario/scenario-refs.ts';
import type { GpuRecord } from '../src/lib/hardware/schema.ts';

/** A failure the user caused: printed as one line. */
class InputError extends Error {}

/** Every card; a broken record is a data bug and fails loudly rather than silently shrinking `--gpu all`. */
function cards(): GpuRecord[] {
  try {
    return loadGpus();
  } catch (error) {
    throw new InputError(`the GPU data is invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseArgs(argv: string[]): { input: string; gpu: string | null; explain: boolean; reproduce: boolean } {
  let input: string | null = null;
  let gpu: string | null = null;
  let explain = true;
  let reproduce = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--gpu') {
      const v = argv[++i];
      if (!v) throw new InputError('--gpu needs a card id or "all"');
      gpu = v;
    } else if (a.startsWith('--gpu=')) gpu = a.slice(6);
    else if (a === '--no-explain') explain = false;
    else if (a === '--reproduce') reproduce = true;
    else if (a === '--help' || a === '-h') throw new InputError('usage: estimate <scenario.json | -> [--gpu <id> | --gpu all] [--no-explain] [--reproduce]');
    else if (a.startsWith('--')) throw new InputError(`unknown option ${a}`);
    else if (input === null) input = a;
    else throw new InputError(`unexpected argument ${a}`);
  }
  if (input === null) throw new InputError('usage: estimate <scenario.json | -> [--gpu <id> | --gpu all]');
  return { input, gpu, explain, reproduce };
}

function readInput(input: string): unknown {
  let text: string;
  try {
    text = input === '-' ? readFileSync(0, 'utf8') : readFileSync(input, 'utf8');
  } catch {
    throw new InputError(`cannot read ${input === '-' ? 'stdin' : input}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`scenario is not valid JSON: ${(e as Error).message.split('\n')[0] ?? ''}`);
  }
}

function main(argv: string[]): string {
  const args = parseArgs(argv);
  const raw = readInput(args.input);
  const parsed = parseScenario(raw);
  // One line naming every wrong field: "engine: Serving engine must be one of ...; seqLen: ...".
  if (!parsed.ok) throw new InputError(parsed.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '));
  const { scenario } = parsed;
  const opts = { explain: args.explain };
  const accuracy = () => accuracyFor(scenario.workload, loadAccuracyTable(cards()));
  if (args.gpu === 'all') {
    if (args.reproduce) throw new InputError('--reproduce needs one card: use --gpu <id> instead of --gpu all');
    const all = cards();
    if (all.length === 0) throw new InputError('no GPU records found in src/data/gpus');
    const acc = accuracy();
    return JSON.stringify(all.map((g) => ({ ...estimate(scenario, g, opts), accuracy: acc })), null, 2);
  }
  let gpu: EstimateGpu;
  const ref = args.gpu !== null ? { kind: 'id' as const, id: args.gpu } : parsed.gpu;
  if (ref.kind === 'custom') gpu = ref.spec;
  else {
    const all = cards();
    const id = ref.kind === 'id' ? ref.id : 'rtx-4090';
    const found = findGpu(id, all) ?? (ref.kind === 'none' ? (all[0] ?? null) : null);
    if (!found) throw new InputError(`gpu "${id}" is not a known card; use one of ${all.map((g) => g.id).join(', ')}, or a custom card {memoryGb, bandwidthGBs, tensorTflops}`);
    if (ref.kind === 'none') scenario.assumptions.push(`gpu not given: ${found.id}`);
    gpu = found;
  }
  const result = estimate(scenario, gpu, opts);
  if (args.reproduce) {
    const model = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['model'] : undefined;
    const r = reproduceScript(scenario, result, isHfConfig(model) ? { hfConfig: model } : {});
    if (!r.ok) throw new InputError(`no reproducer: ${r.reason}`);
    return r.script.trimEnd();
  }
  return JSON.stringify({ ...result, accuracy: accuracy() }, null, 2);
}

try {
  process.stdout.write(main(process.argv.slice(2)) + '\n');
} catch (e) {
  const message = e instanceof InputError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
  process.stderr.write(message.replace(/\s*\n\s*/g, ' ') + '\n');
  process.exitCode = 1;
}
