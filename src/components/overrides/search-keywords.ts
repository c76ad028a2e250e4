/**
 * Words a reader types into search for a page, where the page's own text uses other words ("how much VRAM" for a chapter
 * that says "GPU memory"). The PageTitle override writes them into an attribute of the page's h1 that Pagefind indexes,
 * at the h1's weight; nothing is shown. Keep each list short and true to the page: a keyword the page does not answer
 * makes search worse.
 */
import type { GpuRecord } from '../../lib/hardware/schema.ts';

/** Keywords by page path (with trailing slash). */
export const PAGE_KEYWORDS: Readonly<Record<string, string>> = {
  '/learn/vram/': 'how much VRAM, GPU memory needed, memory for Llama 7B 8B 13B 70B, 16 bytes per parameter, ZeRO sharding',
  '/learn/will-it-fit/': 'out of memory, OOM, CUDA out of memory, does it fit, LoRA vs QLoRA memory, memory calculator',
  '/learn/parallelism/': 'ZeRO, ZeRO-1, ZeRO-2, ZeRO-3, FSDP, DeepSpeed, multi-GPU, tensor parallel, pipeline parallel, NVLink',
  '/learn/cluster-training/': 'multi-node, cluster, Megatron, 1F1B, interleaved pipeline, MFU, gradient accumulation, context parallel',
  '/learn/training-cost/': 'training time, cost, electricity, rent vs buy, ZeRO-3, LoRA, QLoRA, fine-tuning cost',
  '/learn/number-formats/': 'FP32, FP16, BF16, FP8, FP4, INT8, mixed precision, quantization',
  '/gpus/compare/': 'compare, vs, versus, side by side, RTX 3090 vs 4090, RTX 4090 vs 5090, A100 vs H100',
  '/gpus/': 'all GPUs, spec table, specifications, TFLOPS per dollar, GB per dollar, price',
  // The Chinese pages: words a Chinese reader types (Pagefind indexes each language on its own).
  '/zh-cn/learn/vram/': '需要多少显存, 显存占用, Llama 7B 8B 13B 70B 显存, 每个参数 16 字节, ZeRO 分片',
  '/zh-cn/learn/will-it-fit/': '显存不足, 爆显存, OOM, 装得下吗, 显存计算器',
  '/zh-cn/learn/fine-tuning/': 'QLoRA 需要多少显存, QLoRA 显存需求, QLoRA 微调需要多少显存, LoRA 显存, 微调显存, 全参数微调, 4-bit 量化微调',
  '/zh-cn/learn/parallelism/': 'ZeRO, ZeRO-3, FSDP, DeepSpeed, 多卡, 多 GPU, 张量并行, 流水线并行, NVLink',
  '/zh-cn/learn/cluster-training/': '多机训练, 多节点, 集群, Megatron, 1F1B, 交错流水线, MFU, 梯度累积, 上下文并行',
  '/zh-cn/learn/training-cost/': '训练时间, 训练成本, 电费, 租用还是购买, 微调成本, 训练要多久',
  '/zh-cn/learn/number-formats/': 'FP32, FP16, BF16, FP8, FP4, INT8, 混合精度, 量化, 数值格式',
  '/zh-cn/gpus/compare/': '对比, 比较, 3090 和 4090 哪个好, 4090 对比 5090, A100 对比 H100',
  '/zh-cn/gpus/': '全部显卡, 显卡规格, 规格表, 显存, 价格, 每美元算力',
};

/**
 * A card's model number as readers type it: "4090" and "RTX 4090" for the GeForce RTX 4090, "4090D" for the 4090 D,
 * so the plain number ranks the card that carries exactly that name first. On Chinese pages the same, with 显存 and 规格.
 */
export function cardKeywords(card: Pick<GpuRecord, 'name'>, locale: 'en' | 'zh-cn' = 'en'): string {
  const m = /^(?:GeForce |NVIDIA |Tesla )?(?:(RTX|GTX) )?(.+)$/.exec(card.name);
  const model = m?.[2] ?? card.name;
  const short = m?.[1] ? `${m[1]} ${model}` : model;
  // Chinese readers pair the number with 显存 (memory) or 规格 (specs). No run-together "4090D" there: Pagefind's Chinese index
  // prefix-matches "4090" into it, which ranked the 4090 D above the 4090 for "显存 4090".
  // The bare number once more for the card that carries exactly it, as the English keywords do.
  if (locale === 'zh-cn') return [short, ...(/ (D|Ti|SUPER)$/i.test(model) ? [] : [model]), `${short} 显存`, `${short} 规格`].join(', ');
  return [short, model.replace(/ (D|Ti|SUPER)$/i, '$1'), `${model} specs`].join(', ');
}
