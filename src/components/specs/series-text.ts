/**
 * What each series changed for deep learning: one fixed paragraph of architectural facts per series (no spec numbers),
 * plus sentences computed from the data by `factSentences`, so every number on a series page comes from the records.
 */
import type { GpuRecord } from '../../lib/hardware/schema.ts';
import type { SeriesFacts } from '../../lib/hardware/specs.ts';
import { formatNumber } from '../../lib/units.ts';
import { ARCHITECTURE_LABEL, exact, ordinal } from './rows.ts';

/** Architectural facts per series; numbers that depend on a card are left to `factSentences`. */
export const SERIES_INTRO: Record<GpuRecord['series'], string> = {
  'geforce-10':
    'Pascal GeForce cards have no Tensor Cores. Their consumer chips (GP102, GP104, GP106, GP107) run plain FP16 arithmetic at a small fraction of the FP32 rate, so half precision saves memory but not time; INT8 runs through the DP4A dot-product instruction (compute capability 6.1). There is no BF16, TF32, FP8 or FP4 in hardware: training runs in FP32.',
  'geforce-16':
    'The GeForce 16 cards use Turing chips without Tensor Cores (TU116, TU117). Unlike Pascal they run plain FP16 at twice the FP32 rate, but only with FP16 accumulation: mixed-precision training sums in FP32 and so runs at the FP32 rate. There is no tensor math, no BF16 and no TF32.',
  'geforce-20':
    'Turing brought Tensor Cores to GeForce (the second generation, after Volta): FP16 matrix math with FP16 or FP32 accumulation, plus INT8 and INT4. There is no BF16 or TF32, so mixed-precision training uses FP16 with loss scaling. GeForce Turing cards run FP16 tensor math with FP32 accumulation at half the FP16-accumulate rate; the TITAN RTX runs it at full rate.',
  'geforce-30':
    'Ampere’s third-generation Tensor Cores add BF16, which has FP32’s exponent range so mixed-precision training needs no loss scaling, and TF32, which lets FP32 code use Tensor Cores. They also add 2:4 structured sparsity, which doubles the quoted tensor rates for suitably pruned weights (the figures here are dense). GeForce Ampere still runs FP16 and BF16 tensor math with FP32 accumulation at half rate, and GDDR6X memory appears on the upper cards.',
  'geforce-40':
    'Ada’s fourth-generation Tensor Cores add FP8 (E4M3 and E5M2), twice the FP16 tensor rate, which matters mostly for quantised inference and FP8 training recipes. Ada also enlarged the L2 cache many times over Ampere, which eases the bandwidth limit on small batches. NVLink is gone from GeForce.',
  'geforce-50':
    'Blackwell’s fifth-generation Tensor Cores add FP4 (and FP6), doubling the FP8 rate again for quantised inference. Memory moves to GDDR7, raising bandwidth at every bus width, and the host link moves to PCIe 5.0.',
  reference:
    'Data-center and workstation cards that readers rent in the cloud, buy used, or compare GeForce cards against. They carry more memory (HBM on the data-center parts, with far higher bandwidth), and workstation and data-center cards generally run FP16 and BF16 tensor math with FP32 accumulation at the full rate that GeForce cards halve. Volta introduced Tensor Cores, Ampere (A100) added BF16, TF32 and sparsity, and Hopper (H100, H200) added FP8 with the Transformer Engine.',
};

/** A rate relative to FP32 as words: "1/64 of the FP32 rate", "the FP32 rate", "2× the FP32 rate". */
export function ratioText(r: number): string {
  if (Math.abs(r - 1) < 0.02) return 'the FP32 rate';
  if (r < 1) return `1/${Math.round(1 / r)} of the FP32 rate`;
  return `${formatNumber(r, 2)}× the FP32 rate`;
}

/** "No card has", "All 7 cards have", "3 of 7 cards have". */
function count(n: number, total: number, singular: string, plural: string): string {
  if (n === 0) return `No card ${singular}`;
  if (n === total) return total === 1 ? `The one card ${singular}` : `All ${total} cards ${plural}`;
  return `${n} of ${total} cards ${plural}`;
}
const names = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** Sentences computed from a series' records (empty when the series has no cards yet). */
export function factSentences(f: SeriesFacts): string[] {
  if (f.count === 0) return [];
  const out: string[] = [];
  out.push(`${f.count} ${f.count === 1 ? 'card' : 'cards'} in this database, launched from ${f.firstLaunch} to ${f.lastLaunch}; ${f.architectures.length === 1 ? 'architecture' : 'architectures'}: ${names(f.architectures.map((a) => ARCHITECTURE_LABEL[a]))}.`);
  out.push(
    f.withTensorCores === 0
      ? 'No card has Tensor Cores.'
      : `${count(f.withTensorCores, f.count, 'has', 'have')} Tensor Cores (${names(f.tensorGenerations.map(ordinal))} ${f.tensorGenerations.length === 1 ? 'generation' : 'generations'}).`,
  );
  for (const [key, label] of [['bf16', 'BF16'], ['tf32', 'TF32'], ['fp8', 'FP8'], ['fp4', 'FP4']] as const) {
    out.push(`${count(f.supporting[key], f.count, 'runs', 'run')} ${label} tensor math.`);
  }
  if (f.withTensorCores > 0) {
    out.push(`${count(f.halfRateFp32Acc, f.withTensorCores, 'with Tensor Cores runs', 'with Tensor Cores run')} tensor FP16 with FP32 accumulation at half the FP16-accumulate rate.`);
  }
  if (f.fp16ToFp32) {
    const lo = ratioText(f.fp16ToFp32.min);
    const hi = ratioText(f.fp16ToFp32.max);
    out.push(lo === hi ? `Plain (non-tensor) FP16 runs at ${lo}.` : `Plain (non-tensor) FP16 runs at anything from ${lo} to ${hi}.`);
  }
  if (f.maxMemory) {
    out.push(`Memory ranges from ${exact(f.minMemoryGB ?? f.maxMemory.value)} GB to ${exact(f.maxMemory.value)} GB (${names(f.memoryTypes)}); the most is on the ${names(f.maxMemory.names)}.`);
  }
  if (f.maxBandwidth) out.push(`The highest memory bandwidth, ${exact(f.maxBandwidth.value)} GB/s, is on the ${names(f.maxBandwidth.names)}.`);
  if (f.maxL2) out.push(`The largest L2 cache is ${exact(f.maxL2.value)} MB (${names(f.maxL2.names)}).`);
  out.push(f.withNvlink === 0 ? 'No card has NVLink.' : `${count(f.withNvlink, f.count, 'has', 'have')} NVLink.`);
  return out;
}
