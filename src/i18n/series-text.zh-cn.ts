/**
 * 简体中文: what each series changed for deep learning (the fixed architectural paragraph) and the sentences computed from a
 * series' records, the Chinese twin of `src/components/specs/series-text.ts`. Every number comes from the records.
 */
import type { GpuRecord } from '../lib/hardware/schema.ts';
import type { SeriesFacts } from '../lib/hardware/specs.ts';
import { formatNumber } from '../lib/units.ts';
import { ARCHITECTURE_LABEL, exact } from '../components/specs/rows.ts';

/** Architectural facts per series, in Chinese. */
export const SERIES_INTRO_ZH: Record<GpuRecord['series'], string> = {
  'geforce-10':
    'Pascal 架构的 GeForce 显卡没有张量核心（Tensor Core）。它们的消费级芯片（GP102、GP104、GP106、GP107）执行普通 FP16 运算的速度只有 FP32 的一小部分，所以半精度能省显存，却不能省时间；INT8 通过 DP4A 点积指令运行（计算能力 6.1）。硬件不支持 BF16、TF32、FP8 或 FP4：训练只能用 FP32。',
  'geforce-16':
    'GeForce 16 系列使用不带张量核心的 Turing 芯片（TU116、TU117）。与 Pascal 不同，它们执行普通 FP16 的速度是 FP32 的两倍，半精度计算确实更快；但没有张量运算，也没有 BF16 和 TF32。',
  'geforce-20':
    'Turing 把张量核心带到了 GeForce（继 Volta 之后的第二代）：FP16 矩阵运算，可用 FP16 或 FP32 累加，另支持 INT8 和 INT4。没有 BF16 和 TF32，所以混合精度训练要用 FP16 加损失缩放。GeForce Turing 显卡做 FP32 累加的 FP16 张量运算时，速度只有 FP16 累加的一半；TITAN RTX 则是全速。',
  'geforce-30':
    'Ampere 的第三代张量核心新增了 BF16 和 TF32：BF16 的指数范围与 FP32 相同，混合精度训练不再需要损失缩放；TF32 让 FP32 代码也能用上张量核心。它还新增了 2:4 结构化稀疏，对经过相应剪枝的权重，标称的张量速率翻倍（本站数值均为稠密值）。GeForce Ampere 做 FP32 累加的 FP16 和 BF16 张量运算时仍是半速；高端型号开始使用 GDDR6X 显存。',
  'geforce-40':
    'Ada 的第四代张量核心新增了 FP8（E4M3 和 E5M2），速率是 FP16 张量运算的两倍，主要用于量化推理和 FP8 训练方案。Ada 还把 L2 缓存扩大到 Ampere 的许多倍，缓解了小批量时的显存带宽瓶颈。GeForce 不再提供 NVLink。',
  'geforce-50':
    'Blackwell 的第五代张量核心新增了 FP4（以及 FP6），为量化推理把 FP8 的速率再翻一倍。显存换成 GDDR7，各种位宽下的带宽都有提升；主机链路升级到 PCIe 5.0。',
  reference:
    '读者在云上租用、二手购买，或拿来与 GeForce 对比的数据中心显卡和工作站显卡。它们的显存更大（数据中心型号使用 HBM，带宽高得多）；工作站和数据中心显卡做 FP32 累加的 FP16 和 BF16 张量运算时通常是全速，而 GeForce 只有一半。Volta 首次引入张量核心，Ampere（A100）加入了 BF16、TF32 和稀疏，Hopper（H100、H200）借助 Transformer Engine 加入了 FP8。',
};

function ratioTextZh(r: number): string {
  if (Math.abs(r - 1) < 0.02) return '与 FP32 相同的速率';
  if (r < 1) return `FP32 速率的 1/${Math.round(1 / r)}`;
  return `FP32 速率的 ${formatNumber(r, 2, 'zh-CN')} 倍`;
}

/** "没有显卡", "全部 7 张显卡都", "7 张显卡中有 3 张". */
function countZh(n: number, total: number, noun = '显卡'): string {
  if (n === 0) return `没有${noun}`;
  if (n === total) return total === 1 ? `唯一的一张${noun}` : `全部 ${total} 张${noun}都`;
  return `${total} 张${noun}中有 ${n} 张`;
}
const namesZh = (xs: string[]) => xs.join('、');

/** Sentences computed from a series' records, in Chinese (empty when the series has no cards yet). */
export function factSentencesZh(f: SeriesFacts): string[] {
  if (f.count === 0) return [];
  const out: string[] = [];
  out.push(`本数据库收录 ${f.count} 张显卡，发布于 ${f.firstLaunch} 至 ${f.lastLaunch}；架构：${namesZh(f.architectures.map((a) => ARCHITECTURE_LABEL[a]))}。`);
  out.push(f.withTensorCores === 0 ? '没有显卡带张量核心。' : `${countZh(f.withTensorCores, f.count)}带张量核心（${namesZh(f.tensorGenerations.map((g) => `第 ${g} 代`))}）。`);
  for (const [key, label] of [['bf16', 'BF16'], ['tf32', 'TF32'], ['fp8', 'FP8'], ['fp4', 'FP4']] as const) {
    out.push(`${countZh(f.supporting[key], f.count)}支持 ${label} 张量运算。`);
  }
  if (f.withTensorCores > 0) {
    out.push(`${countZh(f.halfRateFp32Acc, f.withTensorCores, '带张量核心的显卡')}以 FP16 累加速率的一半执行 FP32 累加的 FP16 张量运算。`);
  }
  if (f.fp16ToFp32) {
    const lo = ratioTextZh(f.fp16ToFp32.min);
    const hi = ratioTextZh(f.fp16ToFp32.max);
    out.push(lo === hi ? `普通（非张量）FP16 以${lo}运行。` : `普通（非张量）FP16 的速率从${lo}到${hi}不等。`);
  }
  if (f.maxMemory) {
    out.push(`显存从 ${exact(f.minMemoryGB ?? f.maxMemory.value)} GB 到 ${exact(f.maxMemory.value)} GB（${namesZh(f.memoryTypes)}）；最大的是 ${namesZh(f.maxMemory.names)}。`);
  }
  if (f.maxBandwidth) out.push(`显存带宽最高的是 ${namesZh(f.maxBandwidth.names)}，为 ${exact(f.maxBandwidth.value)} GB/s。`);
  if (f.maxL2) out.push(`L2 缓存最大为 ${exact(f.maxL2.value)} MB（${namesZh(f.maxL2.names)}）。`);
  out.push(f.withNvlink === 0 ? '没有显卡支持 NVLink。' : `${countZh(f.withNvlink, f.count)}支持 NVLink。`);
  return out;
}
