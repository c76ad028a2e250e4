/**
 * Fine-tuning frameworks as estimator inputs: the defaults each framework's recipes apply (recorded in the scenario's
 * assumptions, each one overridable), the hardware-FLOPs utilisation its runs reach, how it expands 4-bit weights, and what
 * it holds in memory beyond the model state. Also MFU and HFU: their definitions and the conversion between them.
 *
 * MFU (model FLOPs utilisation) counts only the FLOPs the model needs: forward, and the backward the trained weights need,
 * no recomputation (Chowdhery et al. 2022, PaLM, §4.1 and App. B). HFU (hardware FLOPs utilisation) counts every FLOP the
 * card executes, recomputed forwards included (Korthikanti et al. 2022, §5). With full activation checkpointing a step
 * executes one extra forward, so HFU = MFU x executed / model FLOPs (8N/6N = 4/3 for full fine-tuning, 6N/4N = 3/2 for LoRA).
 * The estimator divides the FLOPs a step executes by peak x HFU.
 */
import { MFU_DEFAULTS, trainingFlopsPerToken } from './compute.ts';
import type { SourcedValue } from './engines.ts';
import type { Framework, Scenario, Workload } from '../types.ts';

/** Defaults a framework's recipes apply when the reader leaves a field out. */
export interface FrameworkDefaults {
  /** Activation checkpointing (recompute each block in backward). */
  gradientCheckpointing: (workload: Workload) => boolean;
  /** Chunked cross-entropy (the fp32 logits never exist whole). */
  chunkedCrossEntropy: boolean;
  /** Paged optimizer states for QLoRA. */
  pagedOptimizer: boolean;
  /** Double quantization of the NF4 block scales for QLoRA. */
  doubleQuant: boolean;
  /** torch.compile of the model and loss. */
  compile: boolean;
}

/** One framework's model. */
export interface FrameworkProfile {
  /** Display name. */
  label: string;
  /** Recipe defaults, with their source. */
  defaults: FrameworkDefaults;
  /** Where the defaults come from. */
  defaultsSource: string;
  /** Hardware-FLOPs utilisation of full fine-tuning without torch.compile (executed FLOPs, recompute included). */
  fullHfu: SourcedValue;
  /** Hardware-FLOPs utilisation of LoRA and QLoRA without torch.compile (executed FLOPs, recompute included). */
  adapterHfu: SourcedValue;
  /** Bytes moved per weight each time a 4-bit (NF4) matrix is expanded to 16 bits before its matmul. */
  nf4DequantBytesPerWeight: SourcedValue;
  /** Copies of the 4-bit base weights alive at the memory peak. */
  quantizedWeightCopiesAtPeak: SourcedValue;
  /** 1 when the recipe drops its logits before the blocks' backward, so the loss peak and the backward working set do not add up. */
  logitsFreedBeforeBlockBackward: SourcedValue;
}

const LLM_FOUNDRY = 'mosaicml/llm-foundry benchmarking README (HFU 0.40-0.77, MPT 1B-30B on 8x A100/H100)';
// bitsandbytes dequantize_4bit: one CUDA kernel reads 4 bits plus the block's absmax and writes 16 bits (csrc/kernels.cu, kDequantizeBlockwise).
const BNB_DEQUANT: SourcedValue = { value: 0.5 + 4 / 64 + 2, source: 'bitsandbytes kDequantizeBlockwise: one kernel' };

/** The frameworks the estimator models, keyed by the scenario's `framework`. */
export const FRAMEWORK_PROFILES: Readonly<Record<Framework, FrameworkProfile>> = {
  transformers: {
    label: 'Hugging Face Transformers + PEFT',
    defaults: { gradientCheckpointing: (w) => w === 'qlora', chunkedCrossEntropy: false, pagedOptimizer: true, doubleQuant: true, compile: false },
    defaultsSource: 'Transformers TrainingArguments; PEFT prepare_model_for_kbit_training; QLoRA recipe (Dettmers et al. 2023)',
    fullHfu: { value: 0.55, source: LLM_FOUNDRY },
    adapterHfu: { value: 0.46, source: 'Hu et al. 2021, LoRA §4.2 (0.83 x the full fine-tuning HFU)' },
    nf4DequantBytesPerWeight: BNB_DEQUANT,
    quantizedWeightCopiesAtPeak: { value: 1, source: 'bitsandbytes Linear4bit (in place)' },
    logitsFreedBeforeBlockBackward: { value: 0, source: 'Transformers Trainer.training_step: logits stay referenced through the loss backward' },
  },
  torchtune: {
    label: 'torchtune',
    defaults: { gradientCheckpointing: () => true, chunkedCrossEntropy: true, pagedOptimizer: false, doubleQuant: true, compile: false },
    defaultsSource: 'torchtune recipes/configs (llama3_1/8B_lora_single_device.yaml)',
    fullHfu: { value: 0.51, source: 'torchtune README tables (0.65 compiled / compile speed-up); calibrated in-sample' },
    adapterHfu: { value: 0.51, source: 'as full fine-tuning (torchtune README tables); calibrated in-sample' },
    nf4DequantBytesPerWeight: { value: 20, source: 'torchao nf4tensor.py, get_original_weight: unpack, lookup, scale and multiply as separate ops, about five 16-bit read+write passes' },
    quantizedWeightCopiesAtPeak: { value: 1, source: 'torchtune NF4Tensor (one copy)' },
    logitsFreedBeforeBlockBackward: { value: 1, source: 'torchtune recipes (*_single_device.py): "free logits otherwise it peaks backward memory", del logits before loss.backward()' },
  },
  litgpt: {
    label: 'LitGPT',
    defaults: { gradientCheckpointing: () => false, chunkedCrossEntropy: false, pagedOptimizer: false, doubleQuant: false, compile: false },
    defaultsSource: 'LitGPT config_hub/finetune/*/lora.yaml, qlora.yaml',
    fullHfu: { value: 0.55, source: 'no LitGPT throughput published; as Transformers' },
    adapterHfu: { value: 0.46, source: 'no LitGPT throughput published; as Transformers' },
    nf4DequantBytesPerWeight: BNB_DEQUANT,
    quantizedWeightCopiesAtPeak: { value: 2, source: 'inferred from LitGPT config_hub/finetune/README.md: bnb.nf4 peaks sit one 4-bit weight copy above weights + activations (Llama 2 7B, Llama 3 8B, Mistral 7B; in-sample); no profiler trace published' },
    logitsFreedBeforeBlockBackward: { value: 0, source: 'LitGPT finetune/lora.py: fabric.backward(loss) with the logits still referenced' },
  },
};

/** Speed-up of torch.compile on a fine-tuning step: the torchtune README's "+ Compile" row, 7,075 to 8,998 tokens/s (+27.18%). */
export const COMPILE_SPEEDUP: SourcedValue = { value: 8998 / 7075, source: 'torchtune README, Optimization flags, + Compile' };

/**
 * Model FLOPs per token: what the step would execute without recomputation (forward plus the backward the trained weights need).
 * @example modelFlopsPerToken({ ...llamaFullFinetuneWithCheckpointing }) //=> 6N + attention (the 8N of the recomputing step less one forward)
 */
function modelFlopsPerToken(s: Scenario): number {
  return trainingFlopsPerToken({ ...s, gradientCheckpointing: false });
}

/**
 * Executed over model FLOPs of a scenario: 1 without recomputation, about 4/3 for full fine-tuning with full checkpointing.
 * @example recomputeFactor(llama8bLoraWithCheckpointing) //=> about 1.5
 */
export function recomputeFactor(s: Scenario): number {
  const model = modelFlopsPerToken(s);
  return model > 0 ? trainingFlopsPerToken(s) / model : 1;
}

/**
 * HFU from an MFU for a scenario: HFU = MFU x executed / model FLOPs (Korthikanti et al. 2022, §5).
 * @example hfuFromMfu(fullFinetuneWithCheckpointing, 0.45) //=> about 0.6
 */
export function hfuFromMfu(s: Scenario, mfu: number): number {
  return mfu * recomputeFactor(s);
}

/**
 * MFU from an HFU for a scenario: MFU = HFU x model / executed FLOPs.
 * @example mfuFromHfu(fullFinetuneWithCheckpointing, 0.6) //=> about 0.45
 */
export function mfuFromHfu(s: Scenario, hfu: number): number {
  return hfu / recomputeFactor(s);
}

/**
 * The framework's default hardware-FLOPs utilisation for a fine-tuning scenario, or null for pre-training and inference
 * (whose defaults live in compute.ts).
 */
function frameworkHfu(s: Scenario): SourcedValue | null {
  const p = FRAMEWORK_PROFILES[s.framework];
  const base = s.workload === 'full-finetune' ? p.fullHfu : s.workload === 'lora' || s.workload === 'qlora' ? p.adapterHfu : null;
  if (!base || !s.compile) return base;
  return { value: Math.min(0.95, base.value * COMPILE_SPEEDUP.value), source: `${base.source}; x ${COMPILE_SPEEDUP.value.toFixed(3)} for torch.compile (${COMPILE_SPEEDUP.source})` };
}

/**
 * Bytes a training step moves to expand 4-bit base weights before their matmuls: passes (forward, backward, and the recompute
 * under checkpointing) x linear weights x the framework's bytes per weight (QLoRA §3: weights are dequantized for each matmul).
 * @example nf4DequantBytesPerStep(llama8bQloraTorchtune, 7e9) //=> 3 x 7e9 x 20
 */
export function nf4DequantBytesPerStep(s: Scenario, quantizedLinearParams: number): number {
  const passes = s.gradientCheckpointing ? 3 : 2;
  return passes * quantizedLinearParams * FRAMEWORK_PROFILES[s.framework].nf4DequantBytesPerWeight.value;
}

/** The utilisation a training scenario runs at: HFU (what the step time divides by) and the MFU it implies, with the source. */
export interface TrainingUtilisation {
  /** Hardware-FLOPs utilisation: executed FLOPs (recompute included) over time x peak. */
  hfu: number;
  /** Model-FLOPs utilisation: model FLOPs (no recompute) over time x peak. */
  mfu: number;
  /** Where the figure comes from. */
  source: string;
}

/**
 * The scenario's utilisation: the reader's MFU converted to HFU by the scenario's recomputation; else the framework's sourced
 * HFU for fine-tuning; else the pre-training default of compute.ts (an MFU from runs without full recomputation, so equal to
 * their HFU). 0 for inference.
 * @example trainingUtilisation(llama8bFullFinetuneCheckpointed).mfu //=> 0.55 x 6/8 (about 0.41)
 */
export function trainingUtilisation(s: Scenario): TrainingUtilisation {
  if (s.workload === 'inference') return { hfu: 0, mfu: 0, source: 'not a training workload' };
  if (s.mfu !== null) return { hfu: hfuFromMfu(s, s.mfu), mfu: s.mfu, source: 'the MFU you gave, converted to HFU by the recomputation of this scenario' };
  const fw = frameworkHfu(s);
  if (fw) return { hfu: fw.value, mfu: mfuFromHfu(s, fw.value), source: `${FRAMEWORK_PROFILES[s.framework].label}: ${fw.source}` };
  const d = MFU_DEFAULTS[s.workload];
  return { hfu: d.value, mfu: mfuFromHfu(s, d.value), source: d.source };
}
