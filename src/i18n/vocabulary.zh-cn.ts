/**
 * The scenario form's words in Simplified Chinese: option labels, field labels and help, and the messages a bad input earns.
 * Build-time code imports this module and passes the table to the islands of Chinese pages as a prop (see `registerWords`
 * in vocabulary.ts), so English pages' scripts do not carry it. The types make every table complete.
 */
import type { FieldKey } from '../lib/scenario/fields.ts';
import { registerWords, wordsFor, type FieldWords, type LocaleWords, type MessageTemplates, type VerdictReasonTemplates, type WordsShown, type VocabularyStrings } from './vocabulary.ts';

const zhVocabulary: VocabularyStrings = {
  workloads: { inference: '推理', pretrain: '预训练', 'full-finetune': '全参数微调', lora: 'LoRA 微调', qlora: 'QLoRA 微调' },
  weightsFormats: { fp32: 'FP32', fp16: 'FP16', bf16: 'BF16', fp8: 'FP8', int8: 'INT8', nf4: 'NF4（bitsandbytes 4 位）', int4: 'INT4（GPTQ/AWQ）' },
  trainingPrecisions: { fp32: 'FP32', 'fp16-mixed': 'FP16 混合精度', 'bf16-mixed': 'BF16 混合精度', bf16: '纯 BF16' },
  optimizers: { adamw: 'AdamW（两个 FP32 动量）', 'adamw-8bit': '8 位 AdamW（bitsandbytes）', sgd: '带动量的 SGD', adafactor: 'Adafactor（分解存储，无动量）' },
  zeroStages: { 0: 'DDP（每张显卡一份完整副本）', 1: 'ZeRO-1（切分优化器状态）', 2: 'ZeRO-2（切分优化器状态和梯度）', 3: 'ZeRO-3（全部切分）' },
  offloadModes: { none: '不卸载', optimizer: '优化器状态（ZeRO-Offload）', 'optimizer+params': '优化器状态和参数（ZeRO-Infinity）' },
  kvCacheFormats: { fp32: 'FP32', fp16: 'FP16', bf16: 'BF16', fp8: 'FP8', int8: 'INT8', int4: 'INT4' },
  engines: { 'llama.cpp': 'llama.cpp', vllm: 'vLLM', exllamav2: 'ExLlamaV2', transformers: 'Hugging Face Transformers', 'tensorrt-llm': 'TensorRT-LLM' },
  frameworks: { transformers: 'Hugging Face Transformers + PEFT', torchtune: 'torchtune', litgpt: 'LitGPT' },
  pipelineSchedules: { '1f1b': '1F1B', interleaved: '交错式 1F1B', gpipe: 'GPipe' },
  selectiveCheckpointing: { off: '关闭', attention: '只重计算注意力', layers: '每 k 个块重计算一次' },
  intraNodeLinks: { auto: '按显卡默认', nvswitch: 'NVSwitch', 'nvlink-bridge': 'NVLink 桥接器', 'pcie-p2p': 'PCIe 点对点', 'pcie-host': 'PCIe 经主机内存中转' },
  attentionKernels: { flash2: 'FlashAttention-2', flash3: 'FlashAttention-3（Hopper）', sdpa: 'PyTorch SDPA（flash 后端）', triton: 'Triton 版 FlashAttention' },
  boardVariants: { stock: '出厂版本', 'h100-sxm-96gb-500w': 'H100 SXM 96 GB，500 W' },
  verdicts: { fits: '装得下', tight: '很紧：装得下，但在估算误差之内', offload: '只有卸载才能运行', unsupported: '显卡不支持这种格式', 'does-not-fit': '装不下' },
};

/** Field labels, units and help in Chinese, one entry per manifest field (the type makes the list complete). */
const zhFields: Readonly<Record<FieldKey, FieldWords>> = {
  model: { label: '模型', help: '预设 id（例如 "llama-3.1-8b"）或一个架构对象。' },
  workload: { label: '任务类型', help: '你要用模型做什么。' },
  weightsFormat: { label: '权重格式', help: '（基座）权重的存储方式；也可以填 q4_k_m 这样的 GGUF 类型，或每个权重的比特数。' },
  engine: { label: '推理引擎', help: '运行推理的程序；它决定每步的固定开销和所用的内核。' },
  framework: { label: '微调框架', help: '负责训练的程序；你留空的字段（梯度检查点、损失计算、优化器分页）按它的配方默认值填写，它也决定利用率和 4 位量化的处理方式。' },
  trainingPrecision: { label: '训练精度', help: '训练时使用的算术精度。' },
  optimizer: { label: '优化器', help: '决定每个被训练参数的优化器状态占多少字节。' },
  batchSize: { label: '批大小', unit: '条序列', help: '每个数据并行进程每步的序列数，或并发请求数。' },
  seqLen: { label: '序列长度', unit: 'token', help: '每条训练序列的 token 数。' },
  gradientCheckpointing: { label: '梯度检查点（激活重计算）', help: '在反向传播时重新计算激活值，而不是保存它们。' },
  flashAttention: { label: 'FlashAttention', help: '融合的注意力计算，从不保存完整的注意力分数矩阵。' },
  attentionKernel: { label: '注意力内核', help: '运行哪种融合注意力内核；它决定多卡训练时注意力算多快。' },
  trainableTopLayers: { label: '可训练的顶部块数', help: '只对最上面 k 个 Transformer 块（加最终归一化层和输出头）做全参数微调；留空则训练全部块。' },
  'lora.rank': { label: 'LoRA 秩', help: '每对适配器矩阵的秩 r。' },
  doubleQuant: { label: '双重量化', help: '把 NF4 的分块缩放因子也量化（QLoRA 论文第 3 节）。' },
  pagedOptimizer: { label: '分页优化器', help: '把优化器状态放在统一内存中，可以换出到 CPU 内存。' },
  optimizerInBackward: { label: '在反向传播中更新', help: '每个梯度一算出就立即应用并释放。' },
  activationOffload: { label: '激活值卸载', help: '把保存的激活值放在 CPU 内存中。' },
  chunkedCrossEntropy: { label: '分块交叉熵', help: '按词表分块计算损失，使 FP32 的 logits 从不完整存在。' },
  compile: { label: 'torch.compile', help: '编译模型和损失函数：融合后的内核运行更快，为反向传播保存的激活值也更少。' },
  kvCacheFormat: { label: 'KV 缓存格式', help: '键和值的存储格式。' },
  promptTokens: { label: '提示词长度', unit: 'token', help: '每个请求提示词中的 token 数。' },
  outputTokens: { label: '输出长度', unit: 'token', help: '每个请求生成的 token 数。' },
  gpuCount: { label: '显卡数量', unit: '张', help: '任务使用的显卡数。' },
  zeroStage: { label: 'ZeRO 阶段', help: '0 为普通数据并行；1、2、3 依次切分优化器状态、梯度和参数。' },
  tensorParallel: { label: '张量并行度', help: '共同切分每一层矩阵的显卡数。' },
  pipelineParallel: { label: '流水线并行度', help: '各层被切分成的级数。' },
  offload: { label: '卸载到 CPU', help: '用 ZeRO-Offload 把优化器状态（以及参数）卸载到 CPU 内存。' },
  gradAccumulation: { label: '梯度累积', unit: '个微批次', help: '每个优化器步包含的微批次数。' },
  contextParallel: { label: '上下文并行度', help: '共同切分每条序列的显卡数。' },
  sequenceParallel: { label: '序列并行', help: '把归一化层和 dropout 的激活值切分到各张量并行显卡上。' },
  pipelineSchedule: { label: '流水线调度', help: '前向和反向传播在各级之间的执行顺序。' },
  virtualStages: { label: '每张显卡的层块数', help: '交错式调度时每张显卡上的层块数。' },
  selectiveCheckpointing: { label: '选择性重计算', help: '只重计算注意力，或每 k 个块重计算一次。' },
  checkpointEveryLayers: { label: '每 k 个块设一个检查点', help: '“每 k 个块”中的 k。' },
  gpusPerNode: { label: '每个节点的显卡数', unit: '张', help: '留空表示最多 8 张。' },
  intraNodeLink: { label: '节点内链路', help: '一个节点内各显卡之间的连接方式。' },
  interNodeGbps: { label: '每张显卡的网络带宽', unit: 'Gb/s', help: '每张显卡的 InfiniBand 或 RoCE 带宽；留空则用该显卡的默认值。' },
  boardVariant: { label: '板卡版本', help: '限制了功耗的板卡。' },
  trainTokens: { label: '训练 token 数', unit: 'token', help: '整次训练的 token 数；也可以写 2B、300M 或 1.4T。' },
  mfu: { label: '模型算力利用率（MFU）', help: '训练达到的稠密峰值比例：小数（0.4）或百分数（40%）；留空则用有出处的默认值。' },
  hourlyUsd: { label: '租用价格', unit: '美元/卡·小时', help: '留空则改为计算购买显卡的成本。' },
  electricityUsdPerKWh: { label: '电价', unit: '美元/千瓦时', help: '一千瓦时电的价格。' },
  amortisationYears: { label: '使用寿命', unit: '年', help: '购买的显卡按多少年折旧。' },
  busyHoursPerWeek: { label: '每周忙碌小时数', unit: '小时', help: '自有显卡每周工作多少小时；168 表示全天候运行。' },
  gpu: { label: '显卡', help: '显卡 id（例如 "rtx-4090"）或一个自定义显卡对象。' },
};

const zhMessages: MessageTemplates = {
  someInput: '输入',
  required: '请填写{label}。',
  enum: '请从列表中选择{label}。',
  conflict: '{label}与其他设置冲突：训练全部权重时请用 FP32、FP16 或 BF16 权重，量化权重请改用 LoRA 或 QLoRA；纯精度训练的权重格式必须与训练精度一致。',
  invalid: '{label}的值无效。',
  whole: '{label}必须是 {min} 到 {max} 之间的整数。',
  stops: '{label}必须是滑块上的一档，从 {min} 到 {max}。',
  realAbove: '{label}必须是大于 {min} 且不超过 {max} 的数。',
  realFrom: '{label}必须是不小于 {min} 且不超过 {max} 的数。',
  fraction: '{label}必须是 0.4 这样的小数或 40% 这样的百分数，大于 0 且不超过 1。',
  tokens: '{label}必须是 token 数，例如 2000000、2M 或 1.4T。',
  bool: '{label}只能是开或关。',
};

/** The estimator's verdict reasons in Chinese, matched on its English sentence; $1 is the card's name. */
const zhVerdictReasons: VerdictReasonTemplates = {
  'no-room': '需要的显存超过了显卡的容量',
  'paged-spill': '之所以能运行，只是因为分页的优化器状态溢出到了 CPU 内存，代价是每一步都有 PCIe 传输',
  'cpu-offload': '使用了 CPU 卸载，每一步都要经 PCIe 搬运数据',
  'within-error': '装得下，但剩余显存在估算器经验证的误差之内（第 90 百分位为 ±{percent}%）',
  'room-to-spare': '装得下，且有余量',
  'no-bf16-train': '{card} 不支持 BF16 运算（BF16 需要 Ampere 或更新的架构）：请改用 FP16 混合精度训练',
  'no-bf16-serve': '{card} 不支持 BF16 运算（BF16 需要 Ampere 或更新的架构）：请改用 FP16 或量化权重部署',
  'no-fp8': '{card} 无法运行 FP8 权重（FP8 内核需要 Ampere 或更新的架构；FP8 张量核心需要 Ada 或更新的架构）',
};

/** Every Chinese word of the scenario form. */
export const ZH_CN_WORDS: LocaleWords = { locale: 'zh-cn', numberLocale: 'zh-CN', vocabulary: zhVocabulary, fields: zhFields, messages: zhMessages, verdictReasons: zhVerdictReasons };

/**
 * The form's words for a Starlight locale when it is not English (for a page to pass to its islands), registered for
 * build-time use as well; `undefined` for English. With `fields`, only what an island showing those fields uses (`wordsFor`:
 * the field labels, verdict labels and reasons as far as `shown` says the island shows them), so the page's HTML does not carry every field of the
 * manifest.
 */
export function localeWords(locale: string | undefined, fields?: readonly FieldKey[], shown?: WordsShown): LocaleWords | undefined {
  if (locale?.toLowerCase() !== 'zh-cn') return undefined;
  registerWords(ZH_CN_WORDS);
  return fields ? wordsFor(ZH_CN_WORDS, fields, shown) : ZH_CN_WORDS;
}
