/** 简体中文: words of the Tensor Core throughput chart. */
import { seriesNames } from '../series-names.ts';
import type { TensorThroughputWords } from './tensor-throughput.ts';

export const zhCn: TensorThroughputWords = {
  title: '各显卡的张量核心（Tensor Core）吞吐量',
  formatLabel: '格式',
  seriesLabel: '显卡',
  allSeries: '全部显卡',
  seriesNames: seriesNames('数据中心与工作站'),
  formatNames: {
    'fp16-fp32acc': 'FP16，FP32 累加',
    'fp16-fp16acc': 'FP16，FP16 累加',
    bf16: 'BF16',
    tf32: 'TF32',
    int8: 'INT8',
    fp8: 'FP8',
    fp4: 'FP4',
  },
  summary: '{count} 张显卡能在张量核心上运行 {format}；最快的是 {first}，稠密峰值 {value} {unit}。',
  noneSupported: '所选显卡中没有一张能在张量核心上运行 {format}。',
  legendDense: '实心条：稠密峰值',
  legendSparse: '虚线框：2:4 稀疏峰值',
  barSparse: '稠密 {dense}，稀疏 {sparse} {unit}',
  barDense: '稠密 {dense} {unit}，无稀疏加速',
  focused: '{name}：{text}',
  chartHint: '用 Tab 键进入图表，再用上下方向键在显卡之间移动。',
  unsupportedHeading: '不支持（{format}）：',
  notSupported: '不支持',
  tableSummary: '图表对应的表格',
  cardHeader: '显卡',
  seriesHeader: '系列',
  denseHeader: '稠密',
  sparseHeader: '2:4 稀疏',
  errors: {
    unknownFormat: '请从列表中选择一种格式。',
    unknownSeries: '请从列表中选择一个显卡系列。',
  },
};
