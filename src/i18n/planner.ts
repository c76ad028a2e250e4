/** Every word the planner island shows, English only; other locales would add a table of the same shape (`typeof en`). */
const en = {
  formLabel: 'Describe the job',
  model: 'Model',
  ownConfig: 'Your own config.json…',
  configLabel: 'Paste a Hugging Face config.json',
  configHelp: 'Parsed in your browser: Llama, Mistral, Mixtral, Qwen2/2.5/3 (incl. MoE), Gemma 1/2/3, Phi-3/4, DeepSeek-V2/V3, GPT-2, GPT-NeoX, BERT.',
  configOk: 'Read {name}: {params} parameters.',
  workload: 'Workload',
  weights: 'Weights format',
  engine: 'Serving engine',
  prompt: 'Prompt length (tokens)',
  output: 'Output length (tokens)',
  seq: 'Sequence length (tokens)',
  batch: 'Batch size',
  count: 'Number of cards',
  hourly: 'Rental price (USD per card-hour, empty to own)',
  savers: 'Memory savers',
  yourCard: 'Your card',
  cardFilter: 'Filter cards',
  sort: 'Sort by',
  series: 'Series',
  allSeries: 'All series',
  budget: 'Budget (USD, empty for any)',
  vram: 'At least this much memory per card (GB)',
  runsOnly: 'Only cards that can run it',
  precision: 'How far to trust this:',
  memoryAcc: 'memory {text}',
  speedAcc: '{what} {text}',
  decodeWord: 'decode speed',
  trainWord: 'training speed',
  caption: '{shown} of {total} cards for {model}, {workload}',
  colCard: 'Card',
  colVerdict: 'Verdict',
  colMemory: 'Memory needed / card',
  colSpeed: 'Speed',
  colTime: 'Time',
  colCost: 'Cost',
  colFewest: 'If one is too small',
  noneFit: 'No card in this list runs the job. Widen the filters or add cards.',
  fewestNone: 'more than 64 cards',
  download: 'Download a script to verify on your card',
  noScript: 'No script for this scenario: {reason}.',
  loading: 'The planner is loading; until then it shows the default job.',
  workTitle: 'Show the work for {card}',
  lastGood: 'Showing the last valid result.',
  moreInPlanner: 'Every one of the {n} cards, with filters and sorting, in the planner',
  limitedCaption: 'The first {shown} of {matching} matching cards ({total} in all) for {model}, {workload}',
  clustersTitle: 'On a cluster',
  clustersIntro: 'The same training job on ready-made setups, each with the fastest layout that fits, for {tokens} tokens.',
  clusterSetup: 'Setup',
  clusterLayout: 'Layout that fits',
  clusterTime: 'Time to train',
  clusterMfu: 'MFU',
  clusterExposed: 'Exposed communication',
  clusterMemory: 'Memory per card (GiB)',
  clusterLayoutText: '{dp} data × {tp} tensor × {pp} pipeline, ZeRO-{zero}, {accum} micro-batches per step{recompute}',
  clusterRecompute: ', full recomputation',
  clusterMemoryText: '{used} of {capacity}',
  clusterNone: 'No layout fits: the model state is larger than all the cards together (try offload or more cards).',
  clustersNote: 'Tensor parallelism stays inside a node; the search tries pipeline stages up to 32 and ZeRO-1 or ZeRO-3, and aims for 4M-token steps when pre-training (256k when fine-tuning). The 4090 setups send traffic through host memory: GeForce 40 cards have no peer-to-peer.',
} as const;

/** The planner's words. */
export type PlannerStrings = { readonly [K in keyof typeof en]: string };

/** The planner's words in a locale (English for now). */
export function plannerStrings(_locale?: string): PlannerStrings {
  return en;
}

/**
 * Fills `{placeholders}` in a string.
 * @example fillIn('Read {name}', { name: 'x' }) //=> "Read x"
 */
export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
