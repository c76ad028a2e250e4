import { PLAN_SORT_LABELS, type PlanSort } from '../lib/planner.ts';

/** Every word the planner island shows; each other locale is a table of the same shape (`PlannerStrings`, checked by the compiler). */
const en = {
  locale: 'en',
  base: '',
  results: 'Results',
  everyCard: 'Every card',
  methodology: 'Methodology',
  defaultForWorkload: 'Default for the workload',
  tokensPerSecond: '{value} tokens/s',
  promptSpeed: ' (prompt {value})',
  cardsPrice: ' (cards {price})',
  seconds: '{n} s',
  minutes: '{n} min',
  hours: '{n} h',
  days: '{n} days',
  quickTitle: 'Will it fit, and how fast?',
  quickSubmit: 'Plan it on every card',
  quickMore: 'Or paste a Hugging Face config.json on the {link}.',
  quickMoreLink: 'planner',
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

const zhCn: PlannerStrings = {
  locale: 'zh-cn',
  base: '/zh-cn',
  results: '结果',
  everyCard: '全部显卡',
  methodology: '方法',
  defaultForWorkload: '按任务类型的默认值',
  tokensPerSecond: '{value} token/秒',
  promptSpeed: '（预填充 {value}）',
  cardsPrice: '（显卡 {price}）',
  seconds: '{n} 秒',
  minutes: '{n} 分钟',
  hours: '{n} 小时',
  days: '{n} 天',
  quickTitle: '装得下吗？有多快？',
  quickSubmit: '在每张显卡上规划',
  quickMore: '也可以在{link}里粘贴 Hugging Face 的 config.json。',
  quickMoreLink: '规划器',
  formLabel: '描述任务',
  model: '模型',
  ownConfig: '使用你自己的 config.json…',
  configLabel: '粘贴 Hugging Face 的 config.json',
  configHelp: '在你的浏览器中解析：Llama、Mistral、Mixtral、Qwen2/2.5/3（含 MoE）、Gemma 1/2/3、Phi-3/4、DeepSeek-V2/V3、GPT-2、GPT-NeoX、BERT。',
  configOk: '已读取 {name}：{params} 个参数。',
  workload: '任务类型',
  weights: '权重格式',
  engine: '推理引擎',
  prompt: '提示词长度（token）',
  output: '输出长度（token）',
  seq: '序列长度（token）',
  batch: '批大小',
  count: '显卡数量',
  hourly: '租用价格（美元/卡·小时，留空表示自有）',
  savers: '省显存的选项',
  yourCard: '你的显卡',
  cardFilter: '筛选显卡',
  sort: '排序方式',
  series: '系列',
  allSeries: '全部系列',
  budget: '预算（美元，留空表示不限）',
  vram: '每张显卡至少这么多显存（GB）',
  runsOnly: '只显示能运行的显卡',
  precision: '可信程度：',
  memoryAcc: '显存{text}',
  speedAcc: '{what}{text}',
  decodeWord: '解码速度',
  trainWord: '训练速度',
  caption: '{model}，{workload}：显示 {total} 张显卡中的 {shown} 张',
  colCard: '显卡',
  colVerdict: '结论',
  colMemory: '每张显卡所需显存',
  colSpeed: '速度',
  colTime: '时间',
  colCost: '成本',
  colFewest: '一张不够时',
  noneFit: '列表中没有显卡能运行这个任务。请放宽筛选条件或增加显卡数量。',
  fewestNone: '超过 64 张显卡',
  download: '下载脚本，在你的显卡上验证',
  noScript: '这个场景没有脚本：{reason}。',
  loading: '规划器正在加载；在此之前显示的是默认任务。',
  workTitle: '查看 {card} 的计算过程',
  lastGood: '显示的是上一次有效的结果。',
};

const tables: Readonly<Record<string, PlannerStrings>> = { en, 'zh-cn': zhCn };

/** The planner's words in a locale (`Astro.currentLocale`, e.g. "zh-CN", any case; `undefined` is English). */
export function plannerStrings(locale?: string): PlannerStrings {
  return tables[locale?.toLowerCase() ?? 'en'] ?? en;
}

/** Every locale's planner table, for the completeness test. */
export const PLANNER_TABLES = tables;

/**
 * Fills `{placeholders}` in a string.
 * @example fillIn('Read {name}', { name: 'x' }) //=> "Read x"
 */
export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

const PLAN_SORT_LABELS_ZH: Readonly<Record<PlanSort, string>> = { cheapest: '装得下的最便宜', fastest: '最快', 'per-dollar': '每美元 token 最多', 'per-watt': '每瓦 token 最多' };

/** The planner's sort orders in a locale. */
export function planSortLabels(locale?: string): Readonly<Record<PlanSort, string>> {
  return locale?.toLowerCase() === 'zh-cn' ? PLAN_SORT_LABELS_ZH : PLAN_SORT_LABELS;
}
