/**
 * Why the planner cannot write a reproduction script, in the reader's language: the lib names the gap by code
 * (`src/lib/answers/reproduce.ts`), English words it there, and each other locale words every code here (a missing code
 * fails the type check). Loaded with the script writer, only when a reader asks for a script.
 */
import { gapText, REPRODUCE_GAP_TEXT, type ReproduceGap, type ReproduceGapReason } from '../lib/answers/reproduce.ts';

const ZH_CN: Readonly<Record<ReproduceGap, string>> = {
  'multi-card': '复现脚本只在一张卡上运行；请把 gpuCount 设为 1（多卡布局需要用 torchrun 配合 FSDP 或 DeepSpeed）',
  'cpu-offload': '复现脚本不支持 ZeRO CPU 卸载；请把 offload 设为 "none"',
  'torchtune-memory-options': '复现脚本不支持 torchtune 的激活值卸载、在反向传播中更新优化器（optimizer-in-backward）和分块交叉熵；请把它们关掉',
  'fp8-weights': 'FP8 权重没有可移植的 PyTorch 复现脚本；请改用 vLLM（--quantization fp8）实测',
  'int4-inference': 'int4（GPTQ/AWQ）推理需要已量化的检查点；用随机权重复现请选 nf4，或用 vLLM 实测',
  'kv-cache-format': '{value} 格式的 KV 缓存没有可移植的 PyTorch 复现脚本；请用 vLLM（--kv-cache-dtype）或 llama.cpp 实测',
  'encoder-inference': '复现脚本测的是解码，而编码器（BERT）不做解码；请改用训练类任务',
  'gguf-training': '{value} 权重是 llama.cpp 的格式，PyTorch 无法训练；请改用 nf4（QLoRA）',
};

/**
 * A gap's sentence in a page's locale ('zh-cn' or English).
 * @example reproduceGapText({ code: 'multi-card' }, 'zh-cn').startsWith('复现脚本') //=> true
 */
export function reproduceGapText(gap: ReproduceGapReason, locale: string | undefined): string {
  return gapText(gap, locale?.toLowerCase() === 'zh-cn' ? ZH_CN : REPRODUCE_GAP_TEXT);
}
