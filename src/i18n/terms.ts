/**
 * The one list of English–Chinese term pairs the Chinese edition uses, and the Chinese glossary's definitions. The Chinese
 * glossary page (`src/content/docs/zh-cn/glossary.mdx`) is generated from this file, and the translated chapters use the same
 * pairs: the Chinese term, with the English in parentheses at its first use in a chapter.
 */

/** One term pair. */
export interface TermPair {
  /** The English term as the English pages write it. */
  en: string;
  /** The Chinese term the Chinese pages write. */
  zh: string;
  /** How the term is written at its first use in a chapter, where that differs from `zh` (e.g. "张量核心（Tensor Core）"). */
  firstUse?: string;
  /** A usage note, in Chinese. */
  note?: string;
}

/** Every term pair, grouped as the chapters meet them. */
export const TERM_PAIRS: readonly TermPair[] = [
  { en: 'tensor', zh: '张量' },
  { en: 'VRAM, GPU memory', zh: '显存' },
  { en: 'memory bandwidth', zh: '显存带宽' },
  { en: 'mixed precision', zh: '混合精度' },
  { en: 'FP32, FP16, BF16, FP8', zh: 'FP32、FP16、BF16、FP8', note: '格式名保留英文；可在首次出现时注明“单精度”“半精度”。' },
  { en: 'Tensor Core', zh: '张量核心', firstUse: '张量核心（Tensor Core）' },
  { en: 'CUDA core', zh: 'CUDA 核心' },
  { en: 'FLOPS (a rate)', zh: '每秒浮点运算次数', firstUse: '每秒浮点运算次数（FLOPS）' },
  { en: 'FLOPs (a count)', zh: '浮点运算量' },
  { en: 'compute, throughput', zh: '算力、吞吐量' },
  { en: 'latency', zh: '延迟' },
  { en: 'arithmetic intensity', zh: '算术强度' },
  { en: 'roofline model', zh: '屋顶线模型', firstUse: '屋顶线模型（roofline）' },
  { en: 'weights', zh: '权重' },
  { en: 'gradients', zh: '梯度' },
  { en: 'optimizer states', zh: '优化器状态' },
  { en: 'activations', zh: '激活值' },
  { en: 'forward propagation, forward pass', zh: '前向传播' },
  { en: 'backpropagation, backward pass', zh: '反向传播' },
  { en: 'chain rule', zh: '链式法则' },
  { en: 'loss', zh: '损失' },
  { en: 'learning rate', zh: '学习率' },
  { en: 'warm-up', zh: '预热' },
  { en: 'cosine decay', zh: '余弦衰减' },
  { en: 'batch size', zh: '批大小' },
  { en: 'micro-batch', zh: '微批次' },
  { en: 'gradient accumulation', zh: '梯度累积' },
  { en: 'gradient checkpointing, activation checkpointing', zh: '梯度检查点', firstUse: '梯度检查点（激活重计算）' },
  { en: 'offload', zh: '卸载' },
  { en: 'out of memory (OOM)', zh: '显存不足', firstUse: '显存不足（OOM）' },
  { en: 'pre-training', zh: '预训练' },
  { en: 'fine-tuning', zh: '微调' },
  { en: 'full fine-tuning', zh: '全参数微调' },
  { en: 'freezing', zh: '冻结' },
  { en: 'LoRA, QLoRA', zh: 'LoRA、QLoRA', note: '保留英文；首次出现时注明“低秩适配”。' },
  { en: 'adapter', zh: '适配器' },
  { en: 'quantisation', zh: '量化' },
  { en: 'inference', zh: '推理' },
  { en: 'prefill', zh: '预填充' },
  { en: 'decode', zh: '解码' },
  { en: 'KV cache', zh: 'KV 缓存' },
  { en: 'token', zh: 'token', note: '保留英文；首次出现时注明“词元”。' },
  { en: 'context length', zh: '上下文长度' },
  { en: 'data parallelism', zh: '数据并行' },
  { en: 'tensor parallelism', zh: '张量并行' },
  { en: 'pipeline parallelism', zh: '流水线并行' },
  { en: 'pipeline bubble', zh: '流水线气泡' },
  { en: 'ZeRO', zh: '零冗余优化器', firstUse: '零冗余优化器（ZeRO）' },
  { en: 'all-reduce', zh: '全归约', firstUse: '全归约（all-reduce）' },
  { en: 'interconnect', zh: '互连' },
  { en: 'NVLink, PCIe', zh: 'NVLink、PCIe', note: '保留英文。' },
  { en: 'utilisation', zh: '利用率' },
  { en: 'MFU (model FLOPs utilisation)', zh: '模型算力利用率', firstUse: '模型算力利用率（MFU）' },
  { en: 'HFU (hardware FLOPs utilisation)', zh: '硬件算力利用率', firstUse: '硬件算力利用率（HFU）' },
  { en: 'card', zh: '显卡' },
  { en: 'spec, specification', zh: '规格' },
  { en: 'data-centre card', zh: '数据中心显卡' },
  { en: 'consumer card', zh: '消费级显卡' },
  { en: 'estimator', zh: '估算器' },
  { en: 'planner', zh: '规划器' },
  { en: 'calculator', zh: '计算器' },
  { en: 'verdict', zh: '结论' },
  { en: 'fits', zh: '装得下' },
  { en: 'does not fit', zh: '装不下' },
  { en: 'power', zh: '功耗' },
  { en: 'energy', zh: '能耗' },
  { en: 'cost', zh: '成本' },
  { en: 'rent', zh: '租用' },
  { en: 'buy, own', zh: '购买、自有' },
];

/** One entry of the Chinese glossary: the term, its English, a definition and the chapters (slugs under learn/) that teach it. */
export interface GlossaryEntry {
  zh: string;
  en: string;
  definition: string;
  see: readonly string[];
}

/** The Chinese glossary (the page sorts it in pinyin order of the Chinese term). */
export const ZH_GLOSSARY: readonly GlossaryEntry[] = [
  { zh: 'AdamW', en: 'AdamW', definition: '大模型最常用的优化器；每个可训练参数保存两个动量，这是全参数微调显存的大头。', see: ['vram'] },
  { zh: 'AWQ', en: 'Activation-aware weight quantization', definition: '激活感知的权重量化：把权重量化到 4 位，同时保护激活值大的通道。', see: ['inference'] },
  { zh: 'BF16、FP16、FP8、FP32', en: 'BF16, FP16, FP8, FP32', definition: '16、8、32 位的浮点格式，在数值范围、精度与体积、速度之间取舍。', see: ['number-formats'] },
  { zh: 'GGUF 与 k-quants', en: 'GGUF and k-quants', definition: 'llama.cpp 的模型文件格式，及其按块量化的类型，例如 Q4_K_M。', see: ['inference'] },
  { zh: 'GPTQ', en: 'GPTQ', definition: '训练后 4 位量化：一次舍入一列权重，并用剩下的列修正误差。', see: ['inference'] },
  { zh: 'KV 缓存', en: 'KV cache', definition: '所有已处理 token 的键和值；保存下来，解码的每一步就不必重新计算。', see: ['vram', 'inference'] },
  { zh: 'LoRA 与 QLoRA', en: 'LoRA and QLoRA', definition: '低秩适配：冻结原有权重，只训练旁路的小型低秩适配器；QLoRA 把冻结的权重存为 4 位 NF4。', see: ['will-it-fit', 'fine-tuning'] },
  { zh: 'NF4', en: 'NF4', definition: '一种 4 位格式，16 个取值位于正态分布的分位点上。', see: ['number-formats', 'inference'] },
  { zh: 'NVLink', en: 'NVLink', definition: '显卡之间的直连链路，比 PCIe 快许多倍；近几代 GeForce 显卡已经没有。', see: ['parallelism'] },
  { zh: '步长', en: 'Strides', definition: '沿张量的每个轴前进一步，在内存中要跳过多少个元素。', see: ['tensors'] },
  { zh: '反向传播', en: 'Backpropagation', definition: '从损失出发，用链式法则把梯度逐层传回每个权重，并复用每层保存的输入。', see: ['backprop'] },
  { zh: '分组查询注意力（GQA）', en: 'Grouped-query attention', definition: '若干个查询头共用一个键值头的注意力，使 KV 缓存变小。', see: ['inference'] },
  { zh: '混合精度', en: 'Mixed precision', definition: '用 16 位计算，同时保留一份 FP32 的权重主副本。', see: ['number-formats'] },
  { zh: '激活值', en: 'Activations', definition: '前向传播的中间结果，训练时要保存下来供反向传播使用。', see: ['vram', 'backprop-cost'] },
  { zh: '解码', en: 'Decode', definition: '读完提示词之后逐个生成 token；速度受每步读取的字节数限制。', see: ['inference'] },
  { zh: '零冗余优化器（ZeRO）', en: 'ZeRO', definition: '把优化器状态（阶段 1）、梯度（阶段 2）和参数（阶段 3）切分到各个数据并行的显卡上。', see: ['parallelism'] },
  { zh: '流水线并行与流水线气泡', en: 'Pipeline parallelism and the bubble', definition: '把各层分到不同显卡上；流水线填充和排空时，显卡处于空闲，这段空闲就是气泡。', see: ['parallelism'] },
  { zh: '模型算力利用率（MFU）', en: 'Model FLOPs utilisation', definition: '训练中真正用于模型计算的浮点运算占显卡峰值算力的比例。', see: ['throughput'] },
  { zh: '梯度检查点（激活重计算）', en: 'Gradient checkpointing, activation checkpointing', definition: '只保存每层的输入，其余在反向传播时重新计算：省下显存，代价是大约多一次前向传播的计算。', see: ['vram'] },
  { zh: '每秒浮点运算次数与浮点运算量', en: 'FLOPS and FLOPs', definition: 'FLOPS 是速率（每秒多少次浮点运算），FLOPs 是数量（一共多少次）。', see: ['flops', 'throughput'] },
  { zh: '屋顶线模型（roofline）', en: 'Roofline', definition: '一个内核的速度上限取两者中较小者：显卡的峰值算力，或算术强度乘以显存带宽。', see: ['roofline'] },
  { zh: '全归约（all-reduce）', en: 'All-reduce', definition: '一种集合通信操作：结束后每张显卡上都有所有显卡张量之和；数据并行每一步对梯度做一次。', see: ['parallelism'] },
  { zh: '算术强度', en: 'Arithmetic intensity', definition: '每从显存搬运一个字节所做的浮点运算次数；它决定一个内核碰到屋顶线的哪一面。', see: ['roofline'] },
  { zh: '投机解码', en: 'Speculative decoding', definition: '由小模型先起草若干 token，大模型一次前向传播就能检验多个。', see: ['inference'] },
  { zh: '显存带宽', en: 'Memory bandwidth', definition: '显存每秒能提供的字节数；它决定解码的速度。', see: ['roofline', 'inference'] },
  { zh: '预填充', en: 'Prefill', definition: '对整段提示词一次完成前向传播；速度受算力限制。', see: ['inference'] },
  { zh: '张量', en: 'Tensor', definition: '一个有形状、有数值格式的数组。', see: ['tensors'] },
  { zh: '张量并行', en: 'Tensor parallelism', definition: '把每一层的矩阵切分到多张显卡上，代价是每层两次全归约。', see: ['parallelism'] },
  { zh: '张量核心（Tensor Core）', en: 'Tensor Core', definition: '一条指令完成一小块矩阵乘法的计算单元，比普通核心快得多。', see: ['tensor-cores'] },
  { zh: '多头潜在注意力（MLA）', en: 'Multi-head latent attention', definition: '每个 token 只缓存一个压缩后的潜在向量，而不是完整的键和值。', see: ['inference'] },
];
