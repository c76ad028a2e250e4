/** 简体中文: words of the tensor-size calculator. */
import type { TensorSizeWords } from './tensor-size.ts';

export const zhCn: TensorSizeWords = {
  title: '张量大小计算器',
  shapeLabel: '形状',
  shapeHint: '用逗号分隔各维度，例如 8, 2048, 4096',
  formatLabel: '数值格式',
  rankLabel: '维数（秩）',
  elementsLabel: '元素个数',
  bytesLabel: '字节数',
  stridesLabel: '连续存储的步长（以元素计）',
  bytesFormula: '{elements} 个元素 × 每个 {bytesPerValue} 字节',
  errors: {
    empty: '请至少输入一个维度。',
    notInteger: '“{token}”不是整数。请只用数字，例如 4096。',
    notPositive: '维度 {token} 至少为 1。',
    tooManyDims: '{rank} 个维度超过了本计算器支持的 {max} 个。',
    tooLarge: '这个张量的元素超过 2^53 个，远超任何 GPU 的显存。',
    unknownFormat: '请从列表中选择一种数值格式。',
  },
};
