/**
 * Words a reader types into search for a page, where the page's own text uses other words ("how much VRAM" for a chapter
 * that says "GPU memory"). The PageTitle override writes them into an attribute of the page's h1 that Pagefind indexes,
 * at the h1's weight; nothing is shown. Keep each list short and true to the page: a keyword the page does not answer
 * makes search worse.
 */
import type { GpuRecord } from '../../lib/schema.ts';

/** Keywords by page path (with trailing slash). */
export const PAGE_KEYWORDS: Readonly<Record<string, string>> = {
  '/learn/vram/': 'how much VRAM, GPU memory needed, memory for Llama 7B 8B 13B 70B, out of memory, OOM, ZeRO sharding',
  '/learn/parallelism/': 'ZeRO, ZeRO-1, ZeRO-2, ZeRO-3, FSDP, DeepSpeed, multi-GPU, tensor parallel, pipeline parallel, NVLink',
  '/learn/training-cost/': 'training time, cost, electricity, rent vs buy, ZeRO-3, LoRA, QLoRA, fine-tuning cost',
  '/learn/number-formats/': 'FP32, FP16, BF16, FP8, FP4, INT8, mixed precision, quantization',
  '/gpus/compare/': 'compare, vs, versus, side by side, RTX 3090 vs 4090, RTX 4090 vs 5090, A100 vs H100',
  '/gpus/': 'all GPUs, spec table, specifications, TFLOPS per dollar, GB per dollar, price',
};

/**
 * A card's model number as readers type it: "4090" and "RTX 4090" for the GeForce RTX 4090, "4090D" for the 4090 D,
 * so the plain number ranks the card that carries exactly that name first.
 */
export function cardKeywords(card: Pick<GpuRecord, 'name'>): string {
  const m = /^(?:GeForce |NVIDIA |Tesla )?(?:(RTX|GTX) )?(.+)$/.exec(card.name);
  const model = m?.[2] ?? card.name;
  const short = m?.[1] ? `${m[1]} ${model}` : model;
  return [short, model.replace(/ (D|Ti|SUPER)$/i, '$1'), `${model} specs`].join(', ');
}
