/** 简体中文: words of the fine-tuning comparison on the Fine-tuning chapter. */
import type { FineTuneMethodsWords } from './fine-tune-methods.ts';

export const zhCn: FineTuneMethodsWords = {
  title: '微调方法并排对比',
  topLabel: '训练最上面的块数（k）',
  topHint: '用于“最上面 k 个块”一列',
  tokensLabel: '训练 token 数（百万）',
  tokensHint: '数据集 token 数 × 轮数',
  methods: { full: '全参数微调', top: '最上面 k 个块', lora: 'LoRA', qlora: 'QLoRA' },
  topMethod: '最上面 {k} 个块',
  parts: { weightsBytes: '权重', gradientsBytes: '梯度', optimizerBytes: '优化器状态', activationsBytes: '激活值', kvCacheBytes: 'KV 缓存', overheadBytes: 'CUDA 上下文与余量' },
  tableCaption: '各方法在所选显卡上的显存（GiB）、速度和时间',
  methodHeader: '方法',
  trainableRow: '可训练参数（百万）',
  totalRow: '显存合计',
  verdictRow: '显卡装得下吗？',
  speedRow: '每秒训练 token 数',
  timeRow: '时间（小时）',
  verdicts: {
    fits: '✓ 装得下',
    tight: '≈ 很紧',
    offload: '↷ 只有卸载才行',
    unsupported: '✗ 格式不支持',
    'does-not-fit': '✗ 装不下',
  },
  barSummary: '{method}：需要 {total}，{card} 有 {capacity}。',
  capacityLine: '{card}：{capacity}',
};
