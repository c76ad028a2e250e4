/**
 * The reader-facing words of the scenario vocabulary and the field manifest in each locale: option labels (workloads,
 * formats, optimizers, verdicts…), field labels and help, and the messages a bad input earns. English is the manifest's own
 * text (`src/lib/scenario/vocabulary.ts`, `src/lib/scenario/fields.ts`); every other locale is a table here whose type lists every key, so a
 * missing word is a compile error. The estimator stays English and pure; only what a reader sees is translated.
 */
import type { Issue } from '../lib/scenario/check.ts';
import { FIELDS, fieldSpec, type FieldKey, type FieldSpec } from '../lib/scenario/fields.ts';
import { PIPELINE_SCHEDULE_LABELS, type PipelineSchedule } from '../lib/cluster/pipeline.ts';
import { SELECTIVE_CHECKPOINTING_LABELS, type SelectiveCheckpointing } from '../lib/cluster/recompute.ts';
import { BOARD_VARIANT_LABELS, INTRA_NODE_LINK_LABELS, type BoardVariant, type IntraNodeLink } from '../lib/cluster/topology.ts';
import {
  ATTENTION_KERNEL_LABELS, ENGINE_LABELS, FRAMEWORK_LABELS, KV_CACHE_FORMAT_LABELS, OFFLOAD_LABELS, OPTIMIZER_LABELS, TRAINING_PRECISION_LABELS, VERDICT_LABELS,
  WEIGHTS_FORMAT_LABELS, WORKLOAD_LABELS, ZERO_STAGE_LABELS,
  type AttentionKernel, type Engine, type Framework, type KvCacheFormat, type OffloadMode, type OptimizerName, type TrainingPrecision, type Verdict,
  type WeightsFormatName, type Workload, type ZeroStage,
} from '../lib/scenario/vocabulary.ts';

/** Option labels of every enum the reader picks from, in one locale. */
export interface VocabularyStrings {
  workloads: Readonly<Record<Workload, string>>;
  weightsFormats: Readonly<Record<WeightsFormatName, string>>;
  trainingPrecisions: Readonly<Record<TrainingPrecision, string>>;
  optimizers: Readonly<Record<OptimizerName, string>>;
  zeroStages: Readonly<Record<ZeroStage, string>>;
  offloadModes: Readonly<Record<OffloadMode, string>>;
  kvCacheFormats: Readonly<Record<KvCacheFormat, string>>;
  engines: Readonly<Record<Engine, string>>;
  frameworks: Readonly<Record<Framework, string>>;
  pipelineSchedules: Readonly<Record<PipelineSchedule, string>>;
  selectiveCheckpointing: Readonly<Record<SelectiveCheckpointing, string>>;
  intraNodeLinks: Readonly<Record<IntraNodeLink, string>>;
  boardVariants: Readonly<Record<BoardVariant, string>>;
  attentionKernels: Readonly<Record<AttentionKernel, string>>;
  verdicts: Readonly<Record<Verdict, string>>;
}

/** A field's label, unit and help in one locale. */
export interface FieldWords {
  label: string;
  unit?: string;
  help: string;
}

const enVocabulary: VocabularyStrings = {
  workloads: WORKLOAD_LABELS,
  weightsFormats: WEIGHTS_FORMAT_LABELS,
  trainingPrecisions: TRAINING_PRECISION_LABELS,
  optimizers: OPTIMIZER_LABELS,
  zeroStages: ZERO_STAGE_LABELS,
  offloadModes: OFFLOAD_LABELS,
  kvCacheFormats: KV_CACHE_FORMAT_LABELS,
  engines: ENGINE_LABELS,
  frameworks: FRAMEWORK_LABELS,
  pipelineSchedules: PIPELINE_SCHEDULE_LABELS,
  selectiveCheckpointing: SELECTIVE_CHECKPOINTING_LABELS,
  intraNodeLinks: INTRA_NODE_LINK_LABELS,
  boardVariants: BOARD_VARIANT_LABELS,
  attentionKernels: ATTENTION_KERNEL_LABELS,
  verdicts: VERDICT_LABELS,
};



/** The messages a bad input earns, as templates with {label}, {min} and {max}, one per issue code or field kind. */
export interface MessageTemplates {
  /** What a field without a manifest entry is called. */
  someInput: string;
  required: string;
  enum: string;
  conflict: string;
  invalid: string;
  whole: string;
  /** A slider's value that is not one of its steps. */
  stops: string;
  realAbove: string;
  realFrom: string;
  fraction: string;
  tokens: string;
  bool: string;
}

/** Every reader-facing word of the scenario form in one locale other than English. */
export interface LocaleWords {
  /** The locale, lower case (`zh-cn`). */
  locale: string;
  /** BCP-47 tag for the numbers in messages. */
  numberLocale: string;
  vocabulary: VocabularyStrings;
  fields: Readonly<Record<FieldKey, FieldWords>>;
  messages: MessageTemplates;
  /**
   * The estimator's verdict reasons (src/lib/estimator/verdict.ts), matched on its English sentence: [pattern source, template with
   * $1 for the first group]. A sentence no pattern matches stays English rather than being guessed.
   */
  verdictReasons: readonly (readonly [string, string])[];
}

/**
 * The locales whose words have been handed in. Other locales' tables live in their own modules (vocabulary.zh-cn.ts), which
 * only build-time code imports; a page in that language passes its table to its islands as a prop and they register it,
 * so an English page's scripts never carry another language's words.
 */
const registered = new Map<string, LocaleWords>();

/** Makes a locale's words available to the functions below (idempotent). */
export function registerWords(words: LocaleWords | undefined): void {
  if (words) registered.set(words.locale, words);
}

/** The words handed in for a locale, if any. */
export function registeredWords(locale: string | undefined): LocaleWords | undefined {
  return locale ? registered.get(locale.toLowerCase()) : undefined;
}
const wordsOf = registeredWords;

/** Option labels in a locale (Starlight's `Astro.currentLocale`: `undefined` or `en` is English). */
export function vocabulary(locale: string | undefined): VocabularyStrings {
  return wordsOf(locale)?.vocabulary ?? enVocabulary;
}

/**
 * A field's label, unit and help in a locale.
 * @example fieldWords('seqLen', 'zh-cn').label //=> "序列长度"
 */
export function fieldWords(key: FieldKey, locale: string | undefined): FieldWords {
  const words = wordsOf(locale);
  if (words) return words.fields[key];
  const spec: FieldSpec = fieldSpec(key);
  return spec.unit === undefined ? { label: spec.label, help: spec.help } : { label: spec.label, unit: spec.unit, help: spec.help };
}

/**
 * The label and unit a field entry shows in a locale: a manifest field's words in that locale (a calculator's narrowing keeps
 * them), or a calculator's own field's English words.
 * @example specWords(narrowField('seqLen', { max: 4096 }), 'zh-cn').label //=> "序列长度"
 */
export function specWords(spec: FieldSpec, locale: string | undefined): FieldWords {
  const words = wordsOf(locale);
  return (words && FIELDS.some((f) => f.key === spec.key) ? words.fields[spec.key as FieldKey] : undefined) ?? spec;
}

/** An enum field's options as [value, label] in a locale (the manifest's English labels, or the locale's). */
export function fieldOptions(key: FieldKey, locale: string | undefined): [string, string][] {
  return specOptions(fieldSpec(key), locale);
}

/**
 * The options of a field entry as [value, label] in a locale: a calculator's narrowed entry keeps its own list, and an enum's
 * labels follow the locale.
 * @example specOptions(narrowField('workload', { options: [{ value: 'lora', label: 'LoRA fine-tuning' }] }), 'zh-cn') //=> [['lora', 'LoRA 微调']]
 */
export function specOptions(spec: FieldSpec, locale: string | undefined): [string, string][] {
  const v = vocabulary(locale);
  const byKey: Partial<Record<FieldKey, Readonly<Record<string, string>>>> = {
    workload: v.workloads, weightsFormat: v.weightsFormats, engine: v.engines, trainingPrecision: v.trainingPrecisions,
    optimizer: v.optimizers, zeroStage: v.zeroStages, offload: v.offloadModes, kvCacheFormat: v.kvCacheFormats,
    framework: v.frameworks, pipelineSchedule: v.pipelineSchedules, selectiveCheckpointing: v.selectiveCheckpointing,
    intraNodeLink: v.intraNodeLinks, boardVariant: v.boardVariants, attentionKernel: v.attentionKernels,
  };
  const labels = byKey[spec.key as FieldKey];
  return (spec.options ?? []).map((o) => [o.value, labels?.[o.value] ?? o.label]);
}

/**
 * The message for a bad input in the reader's locale. English keeps the validator's own sentence; another locale builds it
 * from the issue's code and the field's entry (range, stops, kind), so no English sentence is shown on its pages. A calculator
 * passes the entry it validated with (narrowed, or its own field) and, for a field outside the manifest or one it renames,
 * the label it shows.
 * @example issueMessage({ field: 'seqLen', code: 'range', message: '…' }, 'zh-cn') //=> "序列长度必须是 1 到 1,048,576 之间的整数。"
 */
export function issueMessage(issue: Issue, locale: string | undefined, entry?: FieldSpec, label?: string): string {
  const words = wordsOf(locale);
  if (!words) return issue.message;
  const t = words.messages;
  const manifest = FIELDS.find((f) => f.key === issue.field) as FieldSpec | undefined;
  const spec = entry ?? manifest;
  const own = manifest && (!entry || entry.label === manifest.label) ? words.fields[manifest.key as FieldKey].label : undefined;
  const num = (n: number | undefined): string => (n === undefined ? '' : new Intl.NumberFormat(words.numberLocale, { maximumFractionDigits: 6 }).format(n));
  const say = (template: string): string => template.replace('{label}', own ?? label ?? (issue.field || t.someInput)).replace('{min}', num(spec?.stops?.[0] ?? spec?.min)).replace('{max}', num(spec?.stops?.at(-1) ?? spec?.max));
  if (issue.code === 'required') return say(t.required);
  if (issue.code === 'enum') return say(t.enum);
  if (issue.code === 'conflict') return say(t.conflict);
  if (!spec) return say(t.invalid);
  if (spec.stops) return say(t.stops);
  switch (spec.kind) {
    case 'whole': return say(t.whole);
    case 'real': return say(spec.minExclusive ? t.realAbove : t.realFrom);
    case 'fraction': return say(t.fraction);
    case 'tokens': return say(t.tokens);
    case 'bool': return say(t.bool);
    default: return say(t.invalid);
  }
}
