/**
 * The reader-facing words of the scenario vocabulary and the field manifest in each locale: option labels (workloads,
 * formats, optimizers, verdicts…), field labels and help, and the messages a bad input earns. English is the manifest's own
 * text (`src/lib/scenario/vocabulary.ts`, `src/lib/scenario/fields.ts`); every other locale is a table here whose type lists every key, so a
 * missing word is a compile error. The estimator stays English and pure; only what a reader sees is translated.
 */
import type { Issue } from '../lib/scenario/check.ts';
import type { VerdictWhyCode } from '../lib/estimator/verdict.ts';
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

/** A field's words as an island is handed them: label and unit; the help only in the whole table (islands write their own hints). */
export type FieldLabel = Omit<FieldWords, 'help'> & { help?: string };

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

/**
 * The reader-facing words of the scenario form in one locale other than English: every word (the locale's table), or the
 * part one island uses (`wordsFor`), so that a page's HTML carries only the words its islands show.
 */
export interface LocaleWords {
  /** The locale, lower case (`zh-cn`). */
  locale: string;
  /** BCP-47 tag for the numbers in messages. */
  numberLocale: string;
  /** Option labels, by enum; an enum left out is one no field of the island offers. */
  vocabulary: Partial<VocabularyStrings>;
  /** Field labels (and help, in the whole table); a field left out is one the island does not show. */
  fields: Readonly<Partial<Record<FieldKey, FieldLabel>>>;
  messages: MessageTemplates;
  /**
   * The estimator's verdict reasons by code (src/lib/estimator/verdict.ts), with {card} and {percent}: every code in the whole
   * table (typed {@link VerdictReasonTemplates} there), the codes an island can state in its words.
   */
  verdictReasons?: Readonly<Partial<Record<VerdictWhyCode, string>>>;
}

/** A locale's sentence for each verdict reason code, with {card} and {percent} where the reason's values go; every code is required. */
export type VerdictReasonTemplates = Readonly<Record<VerdictWhyCode, string>>;

/** What an island shows beyond its fields' options: the table's field labels, the verdict labels, verdict reasons. */
export interface WordsShown {
  /**
   * The fields' labels and units from the table (default true). An island that labels every field itself (`formFields`)
   * leaves them out: its messages name the label it shows.
   */
  fieldLabels?: boolean;
  /** The vocabulary's verdict labels (an island with its own verdict words leaves them out). */
  verdictLabels?: boolean;
  /** The verdict reasons the island can state: their sentences travel, no others. */
  verdictReasons?: readonly VerdictWhyCode[];
}

/**
 * The locales whose words have been handed in. Other locales' tables live in their own modules (vocabulary.zh-cn.ts), which
 * only build-time code imports; a page in that language passes its table to its islands as a prop and they register it,
 * so an English page's scripts never carry another language's words.
 */
const registered = new Map<string, LocaleWords>();

/**
 * Makes a locale's words available to the functions below (idempotent). Words handed in by several islands of one page add
 * up, so each island finds its own whatever order they hydrate in.
 */
export function registerWords(words: LocaleWords | undefined): void {
  if (!words) return;
  const before = registered.get(words.locale);
  if (!before) {
    registered.set(words.locale, words);
    return;
  }
  // Field by field, so a label handed in later does not drop the help the whole table brought.
  const fields: Partial<Record<FieldKey, FieldLabel>> = { ...before.fields };
  for (const [key, w] of Object.entries(words.fields) as [FieldKey, FieldLabel][]) fields[key] = { ...fields[key], ...w };
  // Each island brings only the reasons it can state: they add up, code by code.
  const verdictReasons = before.verdictReasons || words.verdictReasons ? { ...before.verdictReasons, ...words.verdictReasons } : undefined;
  const merged: LocaleWords = { ...words, vocabulary: { ...before.vocabulary, ...words.vocabulary }, fields };
  registered.set(words.locale, verdictReasons ? { ...merged, verdictReasons } : merged);
}

/** The words handed in for a locale, if any. */
export function registeredWords(locale: string | undefined): LocaleWords | undefined {
  return locale ? registered.get(locale.toLowerCase()) : undefined;
}
const wordsOf = registeredWords;

/**
 * Option labels in a locale (Starlight's `Astro.currentLocale`: `undefined` or `en` is English). An enum whose words were not
 * handed in stays English rather than missing.
 */
export function vocabulary(locale: string | undefined): VocabularyStrings {
  const words = wordsOf(locale);
  return words ? { ...enVocabulary, ...words.vocabulary } : enVocabulary;
}

/** The enum whose labels each option field shows. */
const OPTION_WORDS: Partial<Record<FieldKey, keyof VocabularyStrings>> = {
  workload: 'workloads', weightsFormat: 'weightsFormats', engine: 'engines', trainingPrecision: 'trainingPrecisions',
  optimizer: 'optimizers', zeroStage: 'zeroStages', offload: 'offloadModes', kvCacheFormat: 'kvCacheFormats',
  framework: 'frameworks', pipelineSchedule: 'pipelineSchedules', selectiveCheckpointing: 'selectiveCheckpointing',
  intraNodeLink: 'intraNodeLinks', boardVariant: 'boardVariants', attentionKernel: 'attentionKernels',
};

/**
 * The part of a locale's words that an island showing `fields` uses: those fields' labels and units (not their help: islands
 * write their own hints; none where the island labels them itself), the option labels of their enums, every message
 * template (a message can name any field), and the verdict labels and reasons only as far as `shown` says the island shows
 * them.
 * @example Object.keys(wordsFor(words, ['workload', 'batchSize']).fields) //=> ['workload', 'batchSize']
 */
export function wordsFor(words: LocaleWords, fields: readonly FieldKey[], shown: WordsShown = {}): LocaleWords {
  const vocabularyOf: Partial<Record<keyof VocabularyStrings, unknown>> = shown.verdictLabels ? { verdicts: words.vocabulary.verdicts } : {};
  for (const key of fields) {
    const table = OPTION_WORDS[key];
    if (table) vocabularyOf[table] = words.vocabulary[table];
  }
  const { verdictReasons: all, ...rest } = words;
  const codes = shown.verdictReasons ?? [];
  const verdictReasons = all && codes.length > 0 ? (Object.fromEntries(codes.map((c) => [c, all[c]])) as Partial<VerdictReasonTemplates>) : undefined;
  const labelled = shown.fieldLabels === false ? [] : fields;
  return { ...rest, ...(verdictReasons ? { verdictReasons } : {}), vocabulary: vocabularyOf as Partial<VocabularyStrings>, fields: Object.fromEntries(labelled.flatMap((key) => {
    const w = words.fields[key];
    return w ? [[key, w.unit === undefined ? { label: w.label } : { label: w.label, unit: w.unit }]] : [];
  })) };
}

/**
 * A field's label, unit and help in a locale; a field (or a help) whose words were not handed in is the manifest's English.
 * @example fieldWords('seqLen', 'zh-cn').label //=> "序列长度"
 */
export function fieldWords(key: FieldKey, locale: string | undefined): FieldWords {
  const words = wordsOf(locale)?.fields[key];
  const spec: FieldSpec = fieldSpec(key);
  if (words) return { ...words, help: words.help ?? spec.help };
  return spec.unit === undefined ? { label: spec.label, help: spec.help } : { label: spec.label, unit: spec.unit, help: spec.help };
}

/**
 * The label and unit a field entry shows in a locale: a manifest field's words in that locale (a calculator's narrowing keeps
 * them), or a calculator's own field's English words.
 * @example specWords(narrowField('seqLen', { max: 4096 }), 'zh-cn').label //=> "序列长度"
 */
export function specWords(spec: FieldSpec, locale: string | undefined): FieldLabel {
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
  const table = OPTION_WORDS[spec.key as FieldKey];
  const labels: Readonly<Record<string, string>> | undefined = table ? vocabulary(locale)[table] : undefined;
  return (spec.options ?? []).map((o) => [o.value, labels?.[o.value] ?? o.label]);
}

/**
 * The message for a bad input in the reader's locale. English keeps the validator's own sentence; another locale builds it
 * from the issue's code and the field's entry (range, stops, kind), so no English sentence is shown on its pages. A calculator
 * passes the entry it validated with (narrowed, or its own field) and the label it shows: a manifest field keeps the table's
 * name where the island was handed it, and otherwise (a field outside the manifest, one it renames, or one it labels itself
 * and was handed no table label for) the message names the label it shows.
 * @example issueMessage({ field: 'seqLen', code: 'range', message: '…' }, 'zh-cn') //=> "序列长度必须是 1 到 1,048,576 之间的整数。"
 */
export function issueMessage(issue: Issue, locale: string | undefined, entry?: FieldSpec, label?: string): string {
  const words = wordsOf(locale);
  if (!words) return issue.message;
  const t = words.messages;
  const manifest = FIELDS.find((f) => f.key === issue.field) as FieldSpec | undefined;
  const spec = entry ?? manifest;
  const unrenamed = manifest && (!entry || entry.label === manifest.label);
  // The table's label of a manifest field the calculator did not rename; where the island was not handed it (it labels the
  // field itself), the label it shows, and English only when neither is known.
  const own = unrenamed ? words.fields[manifest.key as FieldKey]?.label : undefined;
  const fallback = unrenamed ? manifest.label : undefined;
  const num = (n: number | undefined): string => (n === undefined ? '' : new Intl.NumberFormat(words.numberLocale, { maximumFractionDigits: 6 }).format(n));
  const say = (template: string): string => template.replace('{label}', own ?? label ?? fallback ?? (issue.field || t.someInput)).replace('{min}', num(spec?.stops?.[0] ?? spec?.min)).replace('{max}', num(spec?.stops?.at(-1) ?? spec?.max));
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
