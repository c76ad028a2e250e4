/**
 * Sentences the estimator writes in English (verdict reasons, validated error bands, multi-card layouts) in the reader's
 * locale. Kept apart from the form's words (vocabulary.ts) so each island's script carries only what it shows.
 */
import { describeAccuracy, type CategoryAccuracy } from '../lib/validation/accuracy.ts';
import type { CardPlan } from '../lib/answers/inverse.ts';
import { layoutText } from '../lib/answers/planner.ts';

const isZh = (locale: string | undefined): boolean => locale?.toLowerCase() === 'zh-cn' || locale?.toLowerCase() === 'zh';

const pctText = (p: number): string => (p >= 1 ? `${Math.round(p)}%` : `${Math.round(p * 10) / 10}%`);

/**
 * A validated error band in words, in a locale: the estimator's own English sentence, or its Chinese equivalent.
 * @example accuracyText({ medianPct: 8.6, p90Pct: 27.5, cases: 24 }, 'zh-cn') //=> "通常在 ±9% 以内，十次中有九次在 ±28% 以内（24 次实测）"
 */
export function accuracyText(a: CategoryAccuracy, locale: string | undefined): string {
  if (!isZh(locale)) return describeAccuracy(a);
  if (a.cases < 3) return `仅与 ${a.cases} 次实测对照过（误差在 ±${pctText(a.p90Pct)} 以内）`;
  return `通常在 ±${pctText(a.medianPct)} 以内，十次中有九次在 ±${pctText(a.p90Pct)} 以内（${a.cases} 次实测）`;
}

/**
 * A multi-card layout in words, in a locale ("2 cards, tensor parallel 2" / "2 张显卡，张量并行 2").
 * @example layoutIn({ gpuCount: 2, tensorParallel: 2, pipelineParallel: 1, zeroStage: 0 }, 'zh-cn') //=> "2 张显卡，张量并行 2"
 */
export function layoutIn(p: CardPlan, locale: string | undefined): string {
  if (!isZh(locale)) return layoutText(p);
  const parts: string[] = [];
  if (p.tensorParallel > 1) parts.push(`张量并行 ${p.tensorParallel}`);
  if (p.pipelineParallel > 1) parts.push(`流水线并行 ${p.pipelineParallel}`);
  const dp = p.gpuCount / (p.tensorParallel * p.pipelineParallel);
  if (dp > 1) parts.push(p.zeroStage > 0 ? `ZeRO-${p.zeroStage} 数据并行 ${dp}` : `数据并行 ${dp}`);
  return `${p.gpuCount} 张显卡${parts.length ? `，${parts.join('，')}` : ''}`;
}
