/**
 * Node-side loader for the GPU spec records: reads every `src/data/gpus/*.json`, validates it and
 * returns the cards sorted by series then launch date. Used by the CLI, the tests and build scripts;
 * Astro reads the same files through its `gpus` content collection with the same schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gpuSpecSchema, type GpuRecord } from '../lib/hardware/schema.ts';
import { sortGpus } from '../lib/hardware/sort.ts';

/** Folder that holds one JSON file per card. */
export const GPU_DATA_DIR = fileURLToPath(new URL('../data/gpus/', import.meta.url));

/** Reads and validates every card; throws one readable error naming the file and field on a bad record. */
export function loadGpus(dir: string = GPU_DATA_DIR): GpuRecord[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const cards = files.map((file) => {
    const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const parsed = gpuSpecSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid record'}`);
    }
    if (`${parsed.data.id}.json` !== file) throw new Error(`${file}: id "${parsed.data.id}" must match the file name`);
    return parsed.data;
  });
  return sortGpus(cards);
}
