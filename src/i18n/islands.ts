/**
 * Every word an island shows. Each island (or small domain) has its own module under `islands/`: `<name>.ts` holds the
 * English table, whose own type is the shape of that island's words, and `<name>.zh-cn.ts` the Chinese twin typed by it, so
 * the compiler lists any key a translation lacks or adds. Pages pick one island's words with `islandWords(locale, key)` and
 * pass them as a prop, so every entry is plain text (props must serialise): placeholders such as `{token}` are filled with
 * `fill()` from `fill.ts`. Term pairs follow the glossary (`terms.ts`); `tests/lib/i18n.test.ts` checks the open-ended maps
 * and that each Chinese string keeps its `{placeholders}`.
 */
import { en as commonEn } from './islands/common.ts';
import { zhCn as commonZhCn } from './islands/common.zh-cn.ts';
import { en as tensorSizeEn } from './islands/tensor-size.ts';
import { zhCn as tensorSizeZhCn } from './islands/tensor-size.zh-cn.ts';
import { en as numberFormatsEn } from './islands/number-formats.ts';
import { zhCn as numberFormatsZhCn } from './islands/number-formats.zh-cn.ts';
import { en as tensorThroughputEn } from './islands/tensor-throughput.ts';
import { zhCn as tensorThroughputZhCn } from './islands/tensor-throughput.zh-cn.ts';
import { en as gpuTimelineEn } from './islands/gpu-timeline.ts';
import { zhCn as gpuTimelineZhCn } from './islands/gpu-timeline.zh-cn.ts';
import { en as rooflineEn } from './islands/roofline.ts';
import { zhCn as rooflineZhCn } from './islands/roofline.zh-cn.ts';
import { en as compareEn } from './islands/compare.ts';
import { zhCn as compareZhCn } from './islands/compare.zh-cn.ts';
import { en as backpropEn } from './islands/backprop.ts';
import { zhCn as backpropZhCn } from './islands/backprop.zh-cn.ts';
import { en as memoryBreakdownEn } from './islands/memory-breakdown.ts';
import { zhCn as memoryBreakdownZhCn } from './islands/memory-breakdown.zh-cn.ts';
import { en as parallelismEn } from './islands/parallelism.ts';
import { zhCn as parallelismZhCn } from './islands/parallelism.zh-cn.ts';
import { en as trainingCostEn } from './islands/training-cost.ts';
import { zhCn as trainingCostZhCn } from './islands/training-cost.zh-cn.ts';
import { en as stepTimelineEn } from './islands/step-timeline.ts';
import { zhCn as stepTimelineZhCn } from './islands/step-timeline.zh-cn.ts';
import { en as fineTuneMethodsEn } from './islands/fine-tune-methods.ts';
import { zhCn as fineTuneMethodsZhCn } from './islands/fine-tune-methods.zh-cn.ts';
import { en as decodeSpeedEn } from './islands/decode-speed.ts';
import { zhCn as decodeSpeedZhCn } from './islands/decode-speed.zh-cn.ts';

const en = {
  numberLocale: 'en-US',
  /** Path prefix of the locale's pages ('' for English, '/zh-cn' for Chinese), for links an island draws. */
  base: '',
  common: commonEn,
  tensorSize: tensorSizeEn,
  numberFormats: numberFormatsEn,
  tensorThroughput: tensorThroughputEn,
  gpuTimeline: gpuTimelineEn,
  roofline: rooflineEn,
  compare: compareEn,
  backprop: backpropEn,
  memoryBreakdown: memoryBreakdownEn,
  parallelism: parallelismEn,
  trainingCost: trainingCostEn,
  stepTimeline: stepTimelineEn,
  fineTuneMethods: fineTuneMethodsEn,
  decodeSpeed: decodeSpeedEn,
};

/** All island words of one locale. */
export type IslandStrings = typeof en;

const zhCn: IslandStrings = {
  numberLocale: 'zh-CN',
  base: '/zh-cn',
  common: commonZhCn,
  tensorSize: tensorSizeZhCn,
  numberFormats: numberFormatsZhCn,
  tensorThroughput: tensorThroughputZhCn,
  gpuTimeline: gpuTimelineZhCn,
  roofline: rooflineZhCn,
  compare: compareZhCn,
  backprop: backpropZhCn,
  memoryBreakdown: memoryBreakdownZhCn,
  parallelism: parallelismZhCn,
  trainingCost: trainingCostZhCn,
  stepTimeline: stepTimelineZhCn,
  fineTuneMethods: fineTuneMethodsZhCn,
  decodeSpeed: decodeSpeedZhCn,
};

const tables = { en, 'zh-cn': zhCn } as const;

/** The locales islands have words for. */
export type IslandLocale = keyof typeof tables;

/**
 * The words for a locale: `Astro.currentLocale` ("en", "zh-CN"; Starlight's path "zh-cn" also works, any case);
 * `undefined` or an unknown locale reads English.
 */
export function islandStrings(locale: string | undefined): IslandStrings {
  const key = locale?.toLowerCase();
  return key !== undefined && key in tables ? tables[key as IslandLocale] : tables.en;
}

/** The key of one island's own words in {@link IslandStrings}. */
export type IslandKey = Exclude<keyof IslandStrings, 'numberLocale' | 'base' | 'common'>;

/** What one island receives: the number locale, the shared words and its own words, nothing of the other islands'. */
export type IslandWords<K extends IslandKey> = Pick<IslandStrings, 'numberLocale' | 'base' | 'common' | K>;

/**
 * One island's words for a Starlight locale: its own table plus the shared ones, so a page's HTML does not carry every
 * island's words in each island's props.
 * @example Object.keys(islandWords(undefined, 'backprop')) //=> ['numberLocale', 'base', 'common', 'backprop']
 */
export function islandWords<K extends IslandKey>(locale: string | undefined, key: K): IslandWords<K> {
  const all = islandStrings(locale);
  return { numberLocale: all.numberLocale, base: all.base, common: all.common, [key]: all[key] } as IslandWords<K>;
}
