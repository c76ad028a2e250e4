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
import type { Framework, Scenario, Workload } from './types.ts';

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

const LLM_FOUNDRY = 'mosaicml/llm-foundry scripts/train/benchmarking/README.md (HFU 0.60-0.77 on 8x A100 80GB, 0.40-0.59 on 8x H100, MPT 1B-30B, 1k-8k tokens): midpoint for one node';
// bitsandbytes dequantize_4bit: one CUDA kernel reads 4 bits plus the block's absmax and writes 16 bits (csrc/kernels.cu, kDequantizeBlockwise).
const BNB_DEQUANT: SourcedValue = { value: 0.5 + 4 / 64 + 2, source: 'bitsandbytes kDequantizeBlockwise (csrc/kernels.cu): read 4 bits and one fp32 absmax per 64 weights, write 16 bits, one kernel' };

/** The frameworks the estimator models, keyed by the scenario's `framework`. */
export const FRAMEWORK_PROFILES: Readonly<Record<Framework, FrameworkProfile>> = {
  transformers: {
    label: 'Hugging Face Transformers + PEFT',
    defaults: { gradientCheckpointing: (w) => w === 'qlora', chunkedCrossEntropy: false, pagedOptimizer: true, doubleQuant: true, compile: false },
    defaultsSource: 'Transformers TrainingArguments (gradient_checkpointing False, torch_compile False); PEFT prepare_model_for_kbit_training (use_gradient_checkpointing True); the QLoRA recipe (Dettmers et al. 2023: paged AdamW, double quantization)',
    fullHfu: { value: 0.55, source: LLM_FOUNDRY },
    adapterHfu: { value: 0.46, source: 'Hu et al. 2021, LoRA §4.2 (25% faster than full fine-tuning for 1.5x fewer executed FLOPs: 0.83 x the full fine-tuning HFU of 0.55); agrees with the in-sample Qwen PEFT LoRA runs' },
    nf4DequantBytesPerWeight: BNB_DEQUANT,
    quantizedWeightCopiesAtPeak: { value: 1, source: 'bitsandbytes Linear4bit quantizes in place when the layer moves to the GPU' },
    logitsFreedBeforeBlockBackward: { value: 0, source: 'Transformers Trainer.training_step: the model output (logits, upcast to fp32 in the loss) stays referenced through the loss backward' },
  },
  torchtune: {
    label: 'torchtune',
    defaults: { gradientCheckpointing: () => true, chunkedCrossEntropy: true, pagedOptimizer: false, doubleQuant: true, compile: false },
    defaultsSource: 'torchtune recipes/configs (e.g. llama3_1/8B_lora_single_device.yaml): enable_activation_checkpointing True, loss CEWithChunkedOutputLoss, compile False, torch AdamW (fused), torchao NF4Tensor with double-quantized scales',
    fullHfu: { value: 0.51, source: 'torchtune README "Optimization flags" (Llama 3.2 3B on an A100): tokens/s x executed FLOPs per token over the BF16 peak, 0.65 compiled, divided by the published compile speed-up; calibrated on the in-sample torchtune rows' },
    adapterHfu: { value: 0.51, source: 'as full fine-tuning: a LoRA step runs the same kernels over fewer FLOPs (torchtune README "Memory and training speed" and "Optimization flags"); calibrated on the in-sample torchtune rows' },
    nf4DequantBytesPerWeight: { value: 20, source: 'torchao NF4Tensor.get_original_weight (torchao/dtypes/nf4tensor.py): unpacking the two nibbles, the 16-entry lookup, the double-quantized scale and the multiply run as separate PyTorch ops, about five passes that read and write 16-bit values (2 + 2 bytes each) after reading the 4-bit data' },
    quantizedWeightCopiesAtPeak: { value: 1, source: 'torchtune quantizes the checkpoint on load into NF4Tensor parameters (one copy)' },
    logitsFreedBeforeBlockBackward: { value: 1, source: 'torchtune recipes/lora_finetune_single_device.py and full_finetune_single_device.py: "# free logits otherwise it peaks backward memory; del logits" before loss.backward(), with the chunked loss compiled' },
  },
  litgpt: {
    label: 'LitGPT',
    defaults: { gradientCheckpointing: () => false, chunkedCrossEntropy: false, pagedOptimizer: false, doubleQuant: false, compile: false },
    defaultsSource: 'LitGPT config_hub/finetune/*/lora.yaml and qlora.yaml: no activation checkpointing, plain cross-entropy, torch.optim.AdamW, quantize bnb.nf4 (no double quantization), no compile',
    fullHfu: { value: 0.55, source: `no published LitGPT throughput in tokens per second; as Transformers (${LLM_FOUNDRY})` },
    adapterHfu: { value: 0.46, source: 'no published LitGPT throughput in tokens per second; as Transformers (Hu et al. 2021, LoRA §4.2)' },
    nf4DequantBytesPerWeight: BNB_DEQUANT,
    quantizedWeightCopiesAtPeak: { value: 2, source: 'LitGPT config_hub/finetune/README.md peak memory: the bnb.nf4 rows sit one 4-bit copy of the base weights (0.56 bytes per weight) above weights + activations for Llama 2 7B, Llama 3 8B and Mistral 7B, in-sample; inferred from the published peaks (the model is built quantized, then the checkpoint is quantized again on load), no profiler trace published' },
    logitsFreedBeforeBlockBackward: { value: 0, source: 'LitGPT finetune/lora.py: loss = chunked_cross_entropy(logits, ...); fabric.backward(loss) with the logits still referenced' },
  },
};

/** Speed-up of torch.compile on a fine-tuning step: the torchtune README's "+ Compile" row, 7,075 to 8,998 tokens/s (+27.18%). */
export const COMPILE_SPEEDUP: SourcedValue = { value: 8998 / 7075, source: 'torchtune README "Optimization flags", row "+ Compile" (Llama 3.2 3B, A100: 7,075 to 8,998 tokens/s)' };

/**
 * Model FLOPs per token: what the step would execute without recomputation (forward plus the backward the trained weights need).
 * @example modelFlopsPerToken({ ...llamaFullFinetuneWithCheckpointing }) //=> 6N + attention (the 8N of the recomputing step less one forward)
 */
export function modelFlopsPerToken(s: Scenario): number {
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
export function frameworkHfu(s: Scenario): SourcedValue | null {
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
