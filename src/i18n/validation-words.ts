/** The words the validation cases are shown with, per locale: each metric's name and unit (methodology pages, the every-case table). */
import type { ValidationRow } from '../lib/validation/validation.ts';
import type { PerLocale } from './build-words.ts';

/** A measured quantity, e.g. "decodeTokensPerSecond". */
export type Metric = ValidationRow['measurement']['measured']['metric'];

interface ValidationWords {
  /** Unit of each metric. */
  unit: Record<Metric, string>;
  /** Short name of each metric. */
  metric: Record<Metric, string>;
  /** The every-case table's column headers, then what an error outside its tolerance is marked with (a known miss, or not). */
  table: { headers: readonly [string, string, string, string, string, string, string]; outsideKnown: string; outside: string; caption: (count: number) => string };
}

export const VALIDATION_WORDS: PerLocale<ValidationWords> = {
  en: {
    unit: { peakAllocatedGiB: 'GiB', peakReservedGiB: 'GiB', nvidiaSmiGiB: 'GiB', decodeTokensPerSecond: 'tokens/s', prefillTokensPerSecond: 'tokens/s', trainTokensPerSecond: 'tokens/s' },
    metric: { peakAllocatedGiB: 'peak allocated', peakReservedGiB: 'peak reserved', nvidiaSmiGiB: 'nvidia-smi', decodeTokensPerSecond: 'decode', prefillTokensPerSecond: 'prefill', trainTokensPerSecond: 'training' },
    table: { headers: ['Case', 'Metric', 'Measured', 'Predicted', 'Error', 'Tolerance', 'Source'], outsideKnown: ' (outside: known miss)', outside: ' (outside)', caption: (count) => `All ${count} validation cases, as the data file lists them` },
  },
  'zh-cn': {
    unit: { peakAllocatedGiB: 'GiB', peakReservedGiB: 'GiB', nvidiaSmiGiB: 'GiB', decodeTokensPerSecond: 'token/秒', prefillTokensPerSecond: 'token/秒', trainTokensPerSecond: 'token/秒' },
    metric: { peakAllocatedGiB: '已分配峰值', peakReservedGiB: '已保留峰值', nvidiaSmiGiB: 'nvidia-smi', decodeTokensPerSecond: '解码', prefillTokensPerSecond: '预填充', trainTokensPerSecond: '训练' },
    table: { headers: ['案例', '指标', '实测', '预测', '误差', '容差', '出处'], outsideKnown: '（超出：已知偏差）', outside: '（超出）', caption: (count) => `全部 ${count} 个验证案例，按数据文件中的顺序排列` },
  },
};
