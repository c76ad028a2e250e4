/**
 * The spec pages' words in each language: labels of the spec rows and groups, the words a text row prints, and every label of
 * the card, index, series and compare pages. The values themselves (numbers, chip names, dates, sources, notes) are the shared
 * spec data and are never translated. English reads the rows' own labels (`src/components/specs/rows.ts`).
 */
import type { GpuRecord } from '../lib/hardware/schema.ts';
import type { NullMeaning } from '../lib/hardware/specs.ts';
import { GROUPS, NULL_TEXT, SERIES_LABEL, exact, ordinal, rowHeader, type SpecRow } from '../components/specs/rows.ts';

/** The site's languages, as Starlight names them in paths ('en' for the root). */
export type SiteLocale = 'en' | 'zh-cn';

/** The site language of a page, from `Astro.currentLocale` ("en", "zh-CN"). */
export function siteLocale(astroLocale: string | undefined): SiteLocale {
  return astroLocale?.toLowerCase() === 'zh-cn' ? 'zh-cn' : 'en';
}

/**
 * A site path in a language: English paths are unchanged, Chinese ones gain the /zh-cn prefix. Downloads (/gpus.json,
 * /gpus.csv) are one file for both languages and keep their path.
 * @example localePath('/gpus/rtx-4090/', 'zh-cn') //=> "/zh-cn/gpus/rtx-4090/"
 */
export function localePath(path: string, locale: SiteLocale): string {
  if (locale === 'en' || !path.startsWith('/') || /\.(json|csv)$/.test(path.split(/[?#]/)[0] ?? '')) return path;
  return `/zh-cn${path}`;
}

/** Chinese row labels, by row anchor (every row: tests/lib/i18n.test.ts). */
export const ROW_LABEL_ZH: Readonly<Record<string, string>> = {
  series: '系列',
  architecture: '架构',
  chip: '芯片',
  'compute-capability': 'CUDA 计算能力',
  'launch-date': '发布日期',
  'launch-price': '首发价格（建议零售价）',
  'form-factor': '外形规格',
  'cuda-cores': 'CUDA 核心',
  'tensor-cores': '张量核心',
  'tensor-core-generation': '张量核心代数',
  'boost-clock': '加速频率',
  'tensor-clock': '张量数值所依据的频率',
  fp32: 'FP32（非张量）',
  fp16: 'FP16（非张量）',
  'tensor-fp16-fp16acc': '张量 FP16，FP16 累加',
  'tensor-fp16-fp32acc': '张量 FP16，FP32 累加',
  'tensor-bf16': '张量 BF16',
  'tensor-tf32': '张量 TF32',
  int8: 'INT8（张量核心，否则 DP4A）',
  'tensor-fp8': '张量 FP8',
  'tensor-fp4': '张量 FP4',
  sparsity: '2:4 稀疏使张量速率翻倍',
  memory: '显存',
  'memory-type': '显存类型',
  'memory-bus': '显存位宽',
  'memory-data-rate': '显存数据速率',
  'memory-bandwidth': '显存带宽',
  'l2-cache': 'L2 缓存',
  pcie: 'PCIe 主机链路',
  nvlink: 'NVLink',
  'board-power': '整卡功耗（TDP/TGP）',
  'recommended-psu': '建议的系统电源',
};

const UNIT_ZH: Readonly<Record<string, string>> = { count: '个', bits: '位', 'Gbit/s per pin': '每针 Gbit/s', USD: '美元' };

/** Chinese group titles, by group id. */
export const GROUP_TITLE_ZH: Readonly<Record<(typeof GROUPS)[number]['id'], string>> = {
  identity: '基本信息',
  compute: '算力（稠密，加速频率）',
  memory: '显存与 I/O',
  power: '功耗',
};

const NULL_TEXT_ZH: Readonly<Record<NullMeaning, string>> = { unsupported: '不支持', unknown: '未公布' };
const SERIES_LABEL_ZH: Readonly<Record<GpuRecord['series'], string>> = { ...SERIES_LABEL, reference: '数据中心与工作站（参考）' };
const FORM_FACTOR_ZH: Readonly<Record<GpuRecord['formFactor'], string>> = { pcie: 'PCIe 扩展卡', sxm: 'SXM 模块', mezzanine: '夹层模块' };

/** Words for a missing value in a language. */
export function nullText(meaning: NullMeaning, locale: SiteLocale): string {
  return locale === 'zh-cn' ? NULL_TEXT_ZH[meaning] : NULL_TEXT[meaning];
}

/** A series' name in a language. */
export function seriesLabel(series: GpuRecord['series'], locale: SiteLocale): string {
  return locale === 'zh-cn' ? SERIES_LABEL_ZH[series] : SERIES_LABEL[series];
}

/** A group's title in a language. */
export function groupTitle(group: (typeof GROUPS)[number], locale: SiteLocale): string {
  return locale === 'zh-cn' ? GROUP_TITLE_ZH[group.id] : group.title;
}

/** A row's label in a language. */
export function rowLabel(row: SpecRow, locale: SiteLocale): string {
  return locale === 'zh-cn' ? (ROW_LABEL_ZH[row.anchor] ?? row.label) : row.label;
}

/** A row's header (label and unit) in a language: "显存带宽（GB/s）". */
export function rowHeaderIn(row: SpecRow, locale: SiteLocale): string {
  if (locale === 'en') return rowHeader(row);
  const label = rowLabel(row, locale);
  return row.unit ? `${label}（${UNIT_ZH[row.unit] ?? row.unit}）` : label;
}

/** A card's value in a row, as a reader of the language sees it: the same number, the row's words translated. */
export function rowText(row: SpecRow, card: GpuRecord, locale: SiteLocale): string {
  if (locale === 'en') return row.text(card);
  const none = NULL_TEXT_ZH.unsupported;
  switch (row.anchor) {
    case 'series': return SERIES_LABEL_ZH[card.series];
    case 'form-factor': return FORM_FACTOR_ZH[card.formFactor];
    case 'tensor-cores': return card.tensorCores === 0 ? `0（${none}）` : exact(card.tensorCores);
    case 'tensor-core-generation': return card.tensorCoreGeneration === null ? none : `第 ${card.tensorCoreGeneration} 代`;
    case 'tensor-clock': return card.tensorClockMHz === null ? '即加速频率' : exact(card.tensorClockMHz);
    case 'sparsity': return card.sparsityDoubles ? '是' : '否';
    case 'nvlink':
      return card.nvlink === null ? none : `${exact(card.nvlink.bandwidthGBs)} GB/s（${card.nvlink.convention === 'bidirectional' ? '双向合计' : '单向'}），最多 ${card.nvlink.maxCards} 张显卡`;
    default: {
      const v = card[row.fields[0] as keyof GpuRecord];
      return v === null ? NULL_TEXT_ZH[row.nullMeans] : row.text(card);
    }
  }
}

/** "3rd" in English, "第 3 代" in Chinese. */
export function generationText(n: number, locale: SiteLocale): string {
  return locale === 'zh-cn' ? `第 ${n} 代` : `${ordinal(n)} generation`;
}

/** A Chinese plain-text reference for a card page, in the GB/T 7714 pattern for online resources ([EB/OL]). */
export function plainReferenceZh(c: { name: string; permalink: string; dataVersion: string; dataDate: string; siteTitle: string }): string {
  return `${c.siteTitle}. ${c.name}：规格与出处[EB/OL]. 规格数据版本 ${c.dataVersion}. (${c.dataDate}). ${c.permalink}`;
}
