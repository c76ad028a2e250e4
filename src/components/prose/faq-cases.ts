/**
 * The FAQ's worked cases, computed once from the estimator and the card data for both languages' FAQ pages
 * (`src/content/docs/faq.mdx`, `src/content/docs/zh-cn/faq.mdx`), so the two can never show different numbers.
 */
import { getCollection } from 'astro:content';
import { estimate, estimatorCard } from '../../lib/estimator/estimate.ts';
import { minGpuCount } from '../../lib/answers/inverse.ts';
import { resolveTopology } from '../../lib/cluster/topology.ts';
import { parseScenario } from '../../lib/scenario/scenario.ts';
import type { GpuRecord } from '../../lib/hardware/schema.ts';

/** Every number the FAQ quotes. */
export async function faqCases() {
  const records: GpuRecord[] = (await getCollection('gpus')).map((e) => e.data);
  const card = (id: string) => {
    const r = records.find((c) => c.id === id);
    if (!r) throw new Error(`FAQ card ${id} is missing`);
    return estimatorCard(r);
  };
  const scen = (raw: Record<string, unknown>) => {
    const r = parseScenario(raw);
    if (!r.ok) throw new Error(`FAQ scenario is invalid: ${JSON.stringify(r.errors)}`);
    return r.scenario;
  };
  const run = (raw: Record<string, unknown>, id: string) => estimate(scen(raw), card(id), { explain: false });
  const chat8b = { model: 'llama-3.1-8b', workload: 'inference', weightsFormat: 'q4_k_m', promptTokens: 4096, outputTokens: 0 };
  const qlora8b = { model: 'llama-3.1-8b', workload: 'qlora', seqLen: 2048, gradientCheckpointing: true };
  const lora8b = { model: 'llama-3.1-8b', workload: 'lora', weightsFormat: 'bf16', seqLen: 2048, gradientCheckpointing: true };
  const chat70b = { model: 'llama-3.1-70b', workload: 'inference', weightsFormat: 'q4_k_m', promptTokens: 4096, outputTokens: 0 };
  const small = run(chat8b, 'rtx-4060');
  const smallQlora = run(qlora8b, 'rtx-4060');
  const l3090 = run(lora8b, 'rtx-3090');
  const l4090 = run(lora8b, 'rtx-4090');
  const big = run(chat70b, 'rtx-4090');
  const bigPlan = minGpuCount(scen(chat70b), card('rtx-4090'));
  const c3060 = run(chat8b, 'rtx-3060-12gb');
  const c4090 = run(chat8b, 'rtx-4090');
  const pairLink = (c: ReturnType<typeof card>) => resolveTopology({ gpuCount: 2, gpusPerNode: null, intraNodeLink: 'auto', interNodeGbps: null }, c).intra;
  const pcie = pairLink(card('rtx-4090'));
  const nvl = pairLink(card('rtx-3090'));
  const maxGeforce = Math.max(...records.filter((c) => c.series.startsWith('geforce')).map((c) => c.memoryGB));
  const full8b = run({ model: 'llama-3.1-8b', workload: 'full-finetune', seqLen: 2048, gradientCheckpointing: true }, 'rtx-4090');
  return { records, chat8b, qlora8b, lora8b, chat70b, small, smallQlora, l3090, l4090, big, bigPlan, c3060, c4090, pcie, nvl, maxGeforce, full8b };
}
