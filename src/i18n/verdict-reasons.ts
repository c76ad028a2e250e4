/**
 * The estimator's verdict reasons (src/lib/verdict.ts) in the reader's locale. Its own module, so an island that shows a
 * verdict carries only this small table.
 */

/** The estimator's verdict reasons (src/lib/verdict.ts) in Chinese, matched on the English sentence; {name} is the card. */
const REASONS_ZH: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^needs more memory than the card has$/, () => '需要的显存超过了显卡的容量'],
  [/^runs only because paged optimizer states spill to CPU memory/, () => '之所以能运行，只是因为分页的优化器状态溢出到了 CPU 内存，代价是每一步都有 PCIe 传输'],
  [/^runs with CPU offload/, () => '使用了 CPU 卸载，每一步都要经 PCIe 搬运数据'],
  [/^fits, but the spare memory is within the estimator's validated error \(±(\d+)% at the 90th percentile\)$/, (m) => `装得下，但剩余显存在估算器经验证的误差之内（第 90 百分位为 ±${m[1]}%）`],
  [/^fits with room to spare$/, () => '装得下，且有余量'],
  [/^(.+) has no BF16 arithmetic \(BF16 needs Ampere or newer\): train in FP16 mixed precision instead$/, (m) => `${m[1]} 不支持 BF16 运算（BF16 需要 Ampere 或更新的架构）：请改用 FP16 混合精度训练`],
  [/^(.+) has no BF16 arithmetic \(BF16 needs Ampere or newer\): serve FP16 or quantized weights instead$/, (m) => `${m[1]} 不支持 BF16 运算（BF16 需要 Ampere 或更新的架构）：请改用 FP16 或量化权重部署`],
  [/^(.+) cannot run FP8 weights/, (m) => `${m[1]} 无法运行 FP8 权重（FP8 内核需要 Ampere 或更新的架构；FP8 张量核心需要 Ada 或更新的架构）`],
];

/**
 * A verdict's reason in a locale: the estimator's English sentence, or its Chinese translation (a sentence the table does
 * not know stays English rather than being guessed).
 * @example verdictReason('fits with room to spare', 'zh-cn') //=> "装得下，且有余量"
 */
export function verdictReason(reason: string, locale: string | undefined): string {
  if (locale?.toLowerCase() !== 'zh-cn') return reason;
  for (const [pattern, zh] of REASONS_ZH) {
    const m = pattern.exec(reason);
    if (m) return zh(m);
  }
  return reason;
}
