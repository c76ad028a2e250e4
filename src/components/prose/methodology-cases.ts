/**
 * The methodology page's numbers, computed once for both languages (`src/content/docs/methodology.mdx` and
 * `src/content/docs/zh-cn/methodology.mdx`): every validation case against the estimator, and the two reference runs whose
 * derivations make the formula table.
 */
import { getCollection } from 'astro:content';
import measurementsJson from '../../data/validation/measurements.json';
import { estimate } from '../../lib/estimate.ts';
import { findGpu, parseScenario } from '../../lib/scenario.ts';
import { parseMeasurements, validateMeasurement } from '../../lib/validation.ts';

/** The validation rows, the two reference runs and the formula terms they explain. */
export async function methodologyCases() {
  const cards = (await getCollection('gpus')).map((entry) => entry.data);
  const rows = parseMeasurements(measurementsJson).map((m) => validateMeasurement(m, cards));
  const reference = (raw: Record<string, unknown>) => {
    const parsed = parseScenario(raw);
    if (!parsed.ok || parsed.gpu.kind !== 'id') throw new Error('methodology reference scenario is invalid');
    const card = findGpu(parsed.gpu.id, cards);
    if (!card) throw new Error('methodology reference card is missing');
    return estimate(parsed.scenario, card);
  };
  const training = reference({ model: 'llama-3.1-8b', workload: 'full-finetune', batchSize: 1, seqLen: 2048, gpu: 'a100-sxm-80gb' });
  const inference = reference({ model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'bf16', promptTokens: 2048, outputTokens: 256, gpu: 'rtx-4090' });
  const terms = Object.entries({ ...training.explain, ...Object.fromEntries(Object.entries(inference.explain).filter(([key]) => key.startsWith('throughput.prefill') || key.startsWith('throughput.decode') || key === 'memory.kvCacheBytes')) });
  return { rows, training, inference, terms };
}
