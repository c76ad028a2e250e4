/** 简体中文: words of the side-by-side card comparison on /gpus/compare/. */
import type { CompareWords } from './compare.ts';

export const zhCn: CompareWords = {
  title: '并排对比显卡',
  cardLabel: '显卡 {n}',
  optionalCardLabel: '显卡 {n}（可选）',
  none: '— 无 —',
  specHeader: '规格（单位）',
  legend: '✓ 标出每一行中更好的值，并附文字说明：吞吐量、显存和带宽越高越好；功耗和价格越低越好。不支持的格式按“无”计；从未公布的价格不参与比较。',
  higher: '更高',
  lower: '更低',
  highest: '最佳（最高）',
  lowest: '最佳（最低）',
  tie: '持平',
  unknownIds: '没有 id 为 {ids} 的显卡；显示 {shown}。',
  tooFew: '地址中已知的显卡不足两张；显示 {shown}。',
  tooMany: '最多只能并排 {max} 张显卡；显示前几张。',
  duplicate: '这张显卡已经在对比中了。',
};
