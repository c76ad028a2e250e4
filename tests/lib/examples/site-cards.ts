/** The site's whole card collection, read and validated the way the content collection does, for chapter-example tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { gpuSpecSchema, type GpuRecord } from '../../../src/lib/hardware/schema.ts';

const DIR = 'src/data/gpus';

/** Every card in the spec data, parsed by the same schema the build uses. */
export function siteCards(): GpuRecord[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => gpuSpecSchema.parse(JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'))));
}
