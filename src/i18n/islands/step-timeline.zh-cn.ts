/** 简体中文: words of the step memory-timeline calculator on the Training loop chapter. */
import type { StepTimelineWords } from './step-timeline.ts';

export const zhCn: StepTimelineWords = {
  title: '一个训练步中的显存变化',
  momentLabel: '训练步中的时刻',
  parts: { weightsBytes: '权重', optimizerBytes: '优化器状态', gradientsBytes: '梯度', activationsBytes: '激活值与 logits', overheadBytes: 'CUDA 上下文与余量' },
  moments: {
    start: '训练步开始',
    forward: '前向传播，第 {layer}/{layers} 个块之后',
    loss: '损失（已算出 logits）',
    backward: '反向传播，第 {layer} 个块之后',
    optimizer: '优化器更新',
    end: 'zero_grad 之后',
  },
  peakFits: '✓ 峰值 {peak}，出现在“{moment}”：{card} 的 {capacity} 装得下。估算器的预算是 {budget}，即把每一项按各自的峰值相加。',
  peakNoFit: '✗ 峰值 {peak}，出现在“{moment}”：超过了 {card} 的 {capacity}。估算器的预算是 {budget}。',
  chartSummary: '一个训练步中的显存：峰值 {peak}，出现在{moment}；{card} 有 {capacity}。',
  forwardPhase: '前向',
  backwardPhase: '反向',
  stepPhase: '更新',
  readout: '{moment}：{total}',
  capacityLine: '{card}：{capacity}',
  peakMark: '峰值',
  tableCaption: '训练步关键时刻的显存（GiB）',
  momentHeader: '时刻',
  totalHeader: '合计',
};
