/**
 * The planner's inputs as strings (what the form shows and the URL holds, under the field manifest's URL keys), and their
 * evaluation into a scenario and one row per card. Pure: the island, the page's server render and the unit tests share it.
 */
import { fieldFromText, fieldSpec, setRaw, type FieldKey } from '../../lib/scenario/fields.ts';
import { isHfConfig } from '../../lib/scenario/hfconfig.ts';
import { countParams } from '../../lib/scenario/models.ts';
import { filterRows, planRows, PLAN_SORTS, sortRows, type PlannerCard, type PlanRow, type PlanSort } from '../../lib/answers/planner.ts';
import { parseScenario } from '../../lib/scenario/scenario.ts';
import type { Scenario } from '../../lib/types.ts';
import { issueMessage } from '../../i18n/vocabulary.ts';

/** Scenario fields the planner shows, by manifest key. */
export const PLAN_FIELDS = [
  'model', 'workload', 'weightsFormat', 'engine', 'promptTokens', 'outputTokens', 'seqLen', 'batchSize', 'gpuCount', 'hourlyUsd',
  'gradientCheckpointing', 'flashAttention', 'pagedOptimizer', 'doubleQuant', 'activationOffload', 'optimizerInBackward', 'chunkedCrossEntropy',
] as const satisfies readonly FieldKey[];

/** The memory savers, shown as checkboxes. */
export const SAVERS = ['gradientCheckpointing', 'flashAttention', 'pagedOptimizer', 'doubleQuant', 'activationOffload', 'optimizerInBackward', 'chunkedCrossEntropy'] as const;

/** Planner controls that are not scenario fields: the pasted config, the order, the filters and the reader's card. */
export const VIEW_KEYS = ['config', 'sort', 'series', 'budget', 'vram', 'runs', 'gpu'] as const;

/** Every input, keyed by its URL key, as text. */
export type PlanInputs = Record<string, string>;

/** URL key of a scenario field. */
export const urlKey = (key: FieldKey): string => fieldSpec(key).url;

/** The default job: QLoRA of Llama 3.1 8B on an RTX 4090, cheapest cards first. */
export const PLAN_DEFAULTS: PlanInputs = {
  model: 'llama-3.1-8b', workload: 'qlora', weights: '', engine: '', prompt: '1024', output: '256', seq: '2048', batch: '1', count: '1', hourly: '',
  ckpt: '', flash: '', paged: '', dq: '', actoff: '', optbwd: '', chunkce: '',
  config: '', sort: 'cheapest', series: '', budget: '', vram: '', runs: '0', gpu: 'rtx-4090',
};

/** Every URL key the planner reads and writes (absolute: the planner owns its page's query string). */
export const PLAN_URL_KEYS: readonly string[] = Object.keys(PLAN_DEFAULTS);

/**
 * The query string that reproduces these inputs: only what differs from `defaults`, and the pasted config only while it is
 * the model.
 * @example planQuery({ ...PLAN_DEFAULTS, batch: '4' }) //=> "batch=4"
 */
export function planQuery(inputs: PlanInputs, defaults: PlanInputs = PLAN_DEFAULTS): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(inputs)) if (v !== defaults[k] && !(k === 'config' && inputs['model'] !== 'config')) params.set(k, v);
  return params.toString();
}

/** Fields left empty to take the scenario's default (weights format, engine and the savers follow the workload). */
const EMPTY_MEANS_DEFAULT = new Set(['weights', 'engine', 'hourly', 'ckpt', 'flash', 'paged', 'dq', 'actoff', 'optbwd', 'chunkce']);

/** The evaluation: the rows to show, or messages keyed by URL key. */
export type PlanEvaluation =
  | { ok: true; scenario: Scenario; rows: PlanRow[]; shown: PlanRow[]; modelName: string; modelParams: number; configNote: string | null }
  | { ok: false; errors: Record<string, string> };

/** Reads the pasted config: the object, or a message. */
function readConfig(text: string, zh = false): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: false, message: zh ? '请粘贴 config.json 文件的内容。' : 'Paste the contents of a config.json file.' };
  try {
    const v: unknown = JSON.parse(text);
    if (!isHfConfig(v)) return { ok: false, message: zh ? '这段 JSON 没有 "model_type"，所以不是 Hugging Face 的 config.json。' : 'This JSON has no "model_type", so it is not a Hugging Face config.json.' };
    return { ok: true, value: v };
  } catch (e) {
    return { ok: false, message: `${zh ? '不是有效的 JSON：' : 'Not valid JSON: '}${(e instanceof Error ? e.message : String(e)).slice(0, 120)}` };
  }
}

/** A whole number or empty (for the filters). */
const optionalNumber = (text: string): number | null | 'bad' => {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : 'bad';
};

/**
 * Turns the inputs into a scenario and every card's row, sorted and filtered; or a message for each bad input, in the
 * reader's locale ("zh-cn" for Chinese; English by default).
 * @example evaluatePlan(PLAN_DEFAULTS, cards).ok //=> true
 */
export function evaluatePlan(inputs: PlanInputs, cards: readonly PlannerCard[], locale?: string): PlanEvaluation {
  const zh = locale?.toLowerCase() === 'zh-cn';
  const errors: Record<string, string> = {};
  const raw: Record<string, unknown> = {};
  const training = inputs['workload'] !== 'inference';
  for (const key of PLAN_FIELDS) {
    const url = urlKey(key);
    const text = inputs[url] ?? '';
    if (key === 'model' && text === 'config') continue;
    if (EMPTY_MEANS_DEFAULT.has(url) && text.trim() === '') continue;
    if ((key === 'promptTokens' || key === 'outputTokens' || key === 'engine') && training) continue;
    if (key === 'seqLen' && !training) continue;
    const read = fieldFromText(fieldSpec(key), text);
    if (!read.ok) errors[url] = issueMessage({ field: key, code: read.code, message: read.message }, locale);
    else setRaw(raw, key, read.value);
  }
  if (inputs['model'] === 'config') {
    const c = readConfig(inputs['config'] ?? '', zh);
    if (c.ok) raw['model'] = c.value;
    else errors['config'] = c.message;
  }
  const parsed = Object.keys(errors).length === 0 ? parseScenario(raw) : null;
  if (parsed && !parsed.ok) {
    for (const issue of parsed.errors) {
      const target = issue.field.startsWith('model.') || (issue.field === 'model' && inputs['model'] === 'config') ? 'config' : issue.field ? (fieldSpec(issue.field as FieldKey)?.url ?? 'general') : 'general';
      errors[target] ??= issueMessage(issue, locale);
    }
  }
  const sort = inputs['sort'] ?? 'cheapest';
  if (!(PLAN_SORTS as readonly string[]).includes(sort)) errors['sort'] = zh ? `排序方式必须是 ${PLAN_SORTS.join('、')} 之一` : `Sort must be one of ${PLAN_SORTS.join(', ')}`;
  const budget = optionalNumber(inputs['budget'] ?? '');
  if (budget === 'bad') errors['budget'] = zh ? '预算必须是以美元计的数字，或留空' : 'Budget must be a number of US dollars, or empty';
  const vram = optionalNumber(inputs['vram'] ?? '');
  if (vram === 'bad') errors['vram'] = zh ? '显存必须是以 GB 计的数字，或留空' : 'Memory must be a number of GB, or empty';
  if (!parsed || !parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  const s = parsed.scenario;
  const rows = sortRows(planRows(s, cards), sort as PlanSort);
  const shown = filterRows(rows, { series: inputs['series'] ?? '', budgetUsd: budget as number | null, minMemoryGB: vram as number | null, runsOnly: inputs['runs'] === '1' });
  const params = countParams(s.model).totalParams;
  const configNote = inputs['model'] === 'config' ? s.model.name : null;
  return { ok: true, scenario: s, rows, shown, modelName: s.model.name, modelParams: params, configNote };
}
