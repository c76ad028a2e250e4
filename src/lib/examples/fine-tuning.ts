/**
 * Worked examples of the Fine-tuning chapter: the recipe, the four methods on Llama 3.1 8B, LoRA's algebra, ULMFiT and SGDR,
 * computed from the estimator and the spec data passed in. Pure: nothing is computed until the function is called.
 */
import { trainingFlopsPerToken } from '../estimator/compute.ts';
import { estimate, type EstimateGpu } from '../estimator/estimate.ts';
import { compareFineTuneMethods, discriminativeRates, doraMagnitudeParams, sgdrRate, type FineTuneSettings } from '../teaching/finetuning.ts';
import { weightLayout } from '../estimator/memory.ts';
import { countParams, loraParams } from '../scenario/models.ts';
import { card, mustParse as parse, preset } from './chapter-inputs.ts';

const mustParse = (raw: Record<string, unknown>) => parse('fine-tuning', raw);

/** The Fine-tuning chapter's numbers: the recipe, the four methods on Llama 3.1 8B, LoRA's algebra, ULMFiT and SGDR. */
export function fineTuningChapter(cards: readonly EstimateGpu[]) {
  const m = preset('llama-3.1-8b');
  const c = countParams(m);
  const settings: FineTuneSettings = { model: m.id, seqLen: 2048, batchSize: 1, topLayers: 4, rank: 16, gradientCheckpointing: true, trainTokens: 30e6 };
  const compare = (gpu: EstimateGpu) => {
    const r = compareFineTuneMethods(settings, gpu);
    if (!r.ok) throw new Error(r.message);
    // runsAtAll: the method runs on this card in some form, offload included (the time column is blank otherwise).
    const rows = r.rows.map((row) => ({ ...row, runsAtAll: row.verdict !== 'does-not-fit' && row.verdict !== 'unsupported' }));
    return Object.fromEntries(rows.map((row) => [row.method, row])) as Record<'full' | 'top' | 'lora' | 'qlora', (typeof rows)[number]>;
  };
  const on4090 = compare(card(cards, 'rtx-4090'));
  const onH100 = compare(card(cards, 'h100-sxm'));
  // How many of the site's cards each method runs on as given (verdict fits or tight), and the smallest of them.
  const fitsOn = { full: [] as EstimateGpu[], top: [] as EstimateGpu[], lora: [] as EstimateGpu[], qlora: [] as EstimateGpu[] };
  for (const gpu of cards) {
    const rows = compare(gpu);
    for (const k of ['full', 'top', 'lora', 'qlora'] as const) if (rows[k].runs) fitsOn[k].push(gpu);
  }
  const smallest = (list: EstimateGpu[]) => [...list].sort((a, b) => a.memoryGB - b.memoryGB || a.name.localeCompare(b.name))[0] ?? null;
  const d = m.hiddenSize;
  const rank = settings.rank;
  const rates = discriminativeRates(2e-5, m.layers);
  const sgdr = { maxRate: 2e-5, minRate: 0, firstCycleSteps: 100, mult: 2 };
  const restarts: number[] = [];
  for (let step = 1; step <= 1500 && restarts.length < 4; step++) if (sgdrRate(step, sgdr) > sgdrRate(step - 1, sgdr)) restarts.push(step);
  const allTargets = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'] as const;
  const fullScenario = mustParse({ model: m.id, workload: 'full-finetune', seqLen: 2048, gradientCheckpointing: true });
  const top4 = mustParse({ model: m.id, workload: 'full-finetune', seqLen: 2048, gradientCheckpointing: true, trainableTopLayers: 4 });
  return {
    model: m,
    params: c.totalParams,
    settings,
    recipe: { promptTokens: 300, responseTokens: 200, lossFraction: 200 / 500, classes: 2, headParams: d * 2 + 2 },
    on4090,
    onH100,
    fitsOn: { full: fitsOn.full.length, top: fitsOn.top.length, lora: fitsOn.lora.length, qlora: fitsOn.qlora.length },
    smallestFit: { full: smallest(fitsOn.full), top: smallest(fitsOn.top), lora: smallest(fitsOn.lora), qlora: smallest(fitsOn.qlora) },
    cardCount: cards.length,
    card4090: card(cards, 'rtx-4090'),
    cardH100: card(cards, 'h100-sxm'),
    top: {
      k: settings.topLayers,
      fullFlops: trainingFlopsPerToken(fullScenario),
      topFlops: trainingFlopsPerToken(top4),
      bytesPerParamFull: 16,
      embeddingParams: c.embeddingParams,
    },
    lora: {
      d,
      rank,
      matrixParams: d * d,
      adapterParams: rank * (d + d),
      modelAdapterParams: loraParams(m, rank, allTargets),
      qvAdapterParams: loraParams(m, rank, ['q', 'v']),
    },
    nf4BitsPerWeight: weightLayout({ kind: 'named', name: 'nf4' }, true).linearBitsPerParam,
    doraExtraParams: doraMagnitudeParams(m, allTargets),
    ulmfit: { top: rates.at(-1)!, below: rates.at(-2)!, bottom: rates[0]!, layers: m.layers, bottomRatio: rates.at(-1)! / rates[0]! },
    sgdr: { ...sgdr, restarts },
    estimateFull4090: estimate(fullScenario, card(cards, 'rtx-4090'), { explain: false }),
  };
}
