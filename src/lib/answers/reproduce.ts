/**
 * "Verify on your card": a self-contained PyTorch script that runs exactly a scenario (the model built from its config with
 * random weights, nothing downloaded) and prints the measured peak memory and tokens per second beside the site's prediction;
 * for GGUF inference, the matching llama-bench command. Pure string building: no DOM, no Node.
 */
import { countParams } from '../scenario/models.ts';
import type { Estimate, LoraTarget, ModelArch, Scenario } from '../types.ts';
import { GIB } from '../units.ts';

/** Why no script applies: one code per case, so a page can word it in its own language without reading the English. */
export const REPRODUCE_GAPS = ['multi-card', 'cpu-offload', 'torchtune-memory-options', 'fp8-weights', 'int4-inference', 'kv-cache-format', 'encoder-inference', 'gguf-training'] as const;
export type ReproduceGap = (typeof REPRODUCE_GAPS)[number];

/** A gap and the one value its sentence names, where it names one (the KV-cache format, the GGUF type). */
export interface ReproduceGapReason {
  code: ReproduceGap;
  value?: string;
}

/** Each gap in English: what stops the script, and what to do instead ({value} as in {@link ReproduceGapReason}). */
export const REPRODUCE_GAP_TEXT: Readonly<Record<ReproduceGap, string>> = {
  'multi-card': 'the reproducer runs on one card; set gpuCount to 1 (multi-card layouts need torchrun with FSDP or DeepSpeed)',
  'cpu-offload': 'the reproducer does not apply ZeRO CPU offload; set offload to "none"',
  'torchtune-memory-options': 'the reproducer does not apply torchtune\'s activation offloading, optimizer-in-backward or chunked cross-entropy; switch them off',
  'fp8-weights': 'fp8 weights have no portable PyTorch reproducer; measure with vLLM (--quantization fp8) instead',
  'int4-inference': 'int4 (GPTQ/AWQ) inference needs a quantized checkpoint; use nf4 for a random-weight reproduction or measure with vLLM',
  'kv-cache-format': 'a KV cache in {value} has no portable PyTorch reproducer; measure with vLLM (--kv-cache-dtype) or llama.cpp',
  'encoder-inference': 'the reproducer times decoding, which an encoder (BERT) does not do; use a training workload',
  'gguf-training': '{value} weights are a llama.cpp format, which PyTorch cannot train; use nf4 (QLoRA) instead',
};

/**
 * A gap's sentence from a table of templates (English by default).
 * @example gapText({ code: 'gguf-training', value: 'GGUF Q4_K_M' }).startsWith('GGUF Q4_K_M weights') //=> true
 */
export function gapText(gap: ReproduceGapReason, table: Readonly<Record<ReproduceGap, string>> = REPRODUCE_GAP_TEXT): string {
  return table[gap.code].replace('{value}', gap.value ?? '');
}

/** A script for the scenario, or why none applies: the gap, and its one-line English reason. */
export type Reproducer = { ok: true; kind: 'pytorch' | 'llama-bench'; fileName: string; script: string } | { ok: false; gap: ReproduceGapReason; reason: string };

const noScript = (gap: ReproduceGapReason): Reproducer => ({ ok: false, gap, reason: gapText(gap) });

/** Hugging Face module names of the LoRA targets (Llama-style naming, which the configs below produce). */
const LORA_MODULES: Record<LoraTarget, string> = { q: 'q_proj', k: 'k_proj', v: 'v_proj', o: 'o_proj', gate: 'gate_proj', up: 'up_proj', down: 'down_proj' };

/**
 * A Hugging Face config.json object with the architecture's shapes, so `AutoConfig.for_model` builds a model with the same
 * parameter count. Families are chosen by the features the architecture has (MLA: DeepSeek-V3; shared experts: Qwen2-MoE;
 * experts: Mixtral; four norms per block: Gemma 2/3; q/k/v biases: Qwen2; LayerNorm: GPT-2, GPT-NeoX or BERT; else Llama).
 * @example hfConfigOf(findModel('llama-2-7b')!).model_type //=> "llama"
 */
export function hfConfigOf(m: ModelArch): Record<string, unknown> {
  const common = {
    hidden_size: m.hiddenSize, num_hidden_layers: m.layers, num_attention_heads: m.heads, intermediate_size: m.intermediateSize,
    vocab_size: m.vocabSize, tie_word_embeddings: m.tiedEmbeddings,
  };
  if (m.encoder) return { model_type: 'bert', ...common, max_position_embeddings: m.learnedPositions || 512, type_vocab_size: 2 };
  if (m.norm === 'layernorm' && m.learnedPositions > 0) {
    return { model_type: 'gpt2', n_embd: m.hiddenSize, n_layer: m.layers, n_head: m.heads, n_inner: m.intermediateSize, n_positions: m.learnedPositions, vocab_size: m.vocabSize };
  }
  if (m.norm === 'layernorm') return { model_type: 'gpt_neox', ...common, max_position_embeddings: 131072, rotary_pct: 0.25 };
  const gqa = { ...common, num_key_value_heads: m.kvHeads, head_dim: m.headDim, max_position_embeddings: 131072, rms_norm_eps: 1e-6 };
  if (m.mla) {
    return {
      model_type: 'deepseek_v3', ...common, num_key_value_heads: m.heads, max_position_embeddings: 163840,
      q_lora_rank: m.mla.qLoraRank > 0 ? m.mla.qLoraRank : null, kv_lora_rank: m.mla.kvLoraRank, qk_nope_head_dim: m.mla.qkNopeHeadDim,
      qk_rope_head_dim: m.mla.qkRopeHeadDim, v_head_dim: m.mla.vHeadDim, n_routed_experts: m.experts, num_experts_per_tok: m.expertsPerToken,
      n_shared_experts: m.sharedExperts, moe_intermediate_size: m.moeIntermediateSize, first_k_dense_replace: m.experts > 1 ? m.denseLayers : m.layers,
      n_group: 1, topk_group: 1,
    };
  }
  if (m.experts > 1 && m.sharedExperts > 0) {
    return {
      model_type: 'qwen2_moe', ...gqa, num_experts: m.experts, num_experts_per_tok: m.expertsPerToken, moe_intermediate_size: m.moeIntermediateSize,
      shared_expert_intermediate_size: m.sharedExperts * m.moeIntermediateSize, decoder_sparse_step: 1,
      mlp_only_layers: Array.from({ length: m.denseLayers }, (_, i) => i),
    };
  }
  if (m.experts > 1) return { model_type: 'mixtral', ...gqa, num_local_experts: m.experts, num_experts_per_tok: m.expertsPerToken, intermediate_size: m.moeIntermediateSize, sliding_window: m.slidingWindow };
  if (m.normsPerLayer === 4) {
    return m.slidingWindowLayerFraction === 0.5
      ? { model_type: 'gemma2', ...gqa, sliding_window: m.slidingWindow ?? 4096, hidden_activation: 'gelu_pytorch_tanh' }
      : { model_type: 'gemma3_text', ...gqa, sliding_window: m.slidingWindow ?? 1024, hidden_activation: 'gelu_pytorch_tanh' };
  }
  if (m.biases === 'qkv') return { model_type: 'qwen2', ...gqa };
  if (m.slidingWindow !== null) return { model_type: 'mistral', ...gqa, sliding_window: m.slidingWindow };
  return { model_type: 'llama', ...gqa, attention_bias: false, mlp_bias: false, hidden_act: m.ffnKind === 'gated' ? 'silu' : 'gelu' };
}

/** Python literal of a JSON value, embedded through json.loads so true/false/null need no translation. */
const pyJson = (v: unknown): string => `json.loads(r"""${JSON.stringify(v)}""")`;
/** A comment-safe single line. */
const line = (s: string): string => s.replace(/[\r\n]+/g, ' ').slice(0, 200);
const round = (v: number, digits = 3): number => Number(v.toPrecision(digits));

/** Why no script applies, or null when one does. */
function unsupportedGap(s: Scenario): ReproduceGapReason | null {
  if (s.gpuCount > 1) return { code: 'multi-card' };
  if (s.offload !== 'none') return { code: 'cpu-offload' };
  if (s.activationOffload || s.optimizerInBackward || s.chunkedCrossEntropy) return { code: 'torchtune-memory-options' };
  const w = s.weightsFormat;
  if (w.kind === 'named' && w.name === 'fp8') return { code: 'fp8-weights' };
  if (w.kind === 'named' && w.name === 'int4' && s.workload === 'inference') return { code: 'int4-inference' };
  if (s.workload === 'inference' && !['fp16', 'bf16', 'fp32'].includes(s.kvCacheFormat)) return { code: 'kv-cache-format', value: s.kvCacheFormat };
  if (s.model.encoder && s.workload === 'inference') return { code: 'encoder-inference' };
  return null;
}

/** The llama-bench command for GGUF inference (llama.cpp's own benchmark: prompt processing and generation speeds). */
function llamaBench(s: Scenario, est: Estimate, label: string): Reproducer {
  const quant = label.replace(/^GGUF /, '').replace(/ \(.*$/, '');
  const script = [
    '#!/bin/sh',
    `# Reproduce: ${line(s.model.name)}, ${line(label)}, inference on ${line(est.gpu.name)}.`,
    '# llama-bench needs the model file: download a GGUF of this model in this quantization (for example from Hugging Face),',
    '# build llama.cpp with CUDA, then run:',
    `llama-bench -m ./${s.model.id}-${quant.toLowerCase()}.gguf -ngl 99 -fa ${s.flashAttention ? 1 : 0} -p ${s.promptTokens} -n ${s.outputTokens}${s.batchSize > 1 ? ` -b ${Math.max(2048, s.batchSize * s.promptTokens)}` : ''}`,
    '# Compare "pp" (prompt tokens/s) and "tg" (generated tokens/s, batch 1) with the prediction:',
    `#   prefill ${round(est.throughput.prefillTokensPerSecond)} tokens/s, decode ${round(est.throughput.decodeTokensPerSecond)} tokens/s,`,
    `#   memory ${round(est.memory.totalBytes / GIB)} GiB as nvidia-smi shows it (watch nvidia-smi while it runs).`,
    s.batchSize > 1 ? `# llama-bench generates one sequence at a time; the site's decode figure is for ${s.batchSize} concurrent requests (use llama-batched-bench -npl ${s.batchSize}).` : '',
    '',
  ].filter((l) => l !== '');
  return { ok: true, kind: 'llama-bench', fileName: `reproduce-${s.model.id}.sh`, script: script.join('\n') + '\n' };
}

/**
 * Builds the script that reproduces a scenario on one card, or the reason none applies.
 * @example reproduceScript(llama8bQlora, estimate(llama8bQlora, rtx3060)).ok //=> true
 */
export function reproduceScript(s: Scenario, est: Estimate, options: { hfConfig?: Record<string, unknown> } = {}): Reproducer {
  const gap = unsupportedGap(s);
  if (gap) return noScript(gap);
  const w = s.weightsFormat;
  if (w.kind === 'bits') {
    if (s.workload === 'inference') return llamaBench(s, est, w.label);
    return noScript({ code: 'gguf-training', value: w.label });
  }
  const training = s.workload !== 'inference';
  const quant = w.name === 'nf4' || w.name === 'int4' ? 4 : w.name === 'int8' ? 8 : 0;
  const full = s.workload === 'pretrain' || s.workload === 'full-finetune';
  // PyTorch AMP keeps fp32 parameters and gradients (4 + 4 + 8 bytes with AdamW): the same 16 bytes per parameter as ZeRO's mixed-precision accounting.
  const paramDtype = full
    ? (s.trainingPrecision === 'bf16' ? 'bfloat16' : 'float32')
    : w.name === 'fp32' ? 'float32' : w.name === 'fp16' ? 'float16' : 'bfloat16';
  const autocast = training && s.trainingPrecision === 'bf16-mixed' ? 'torch.bfloat16' : training && s.trainingPrecision === 'fp16-mixed' ? 'torch.float16' : 'None';
  const peft = s.workload === 'lora' || s.workload === 'qlora';
  const optimizer = {
    adamw: s.pagedOptimizer ? 'bnb.optim.PagedAdamW(params, lr=1e-5)' : 'torch.optim.AdamW(params, lr=1e-5)',
    'adamw-8bit': s.pagedOptimizer ? 'bnb.optim.PagedAdamW8bit(params, lr=1e-5)' : 'bnb.optim.AdamW8bit(params, lr=1e-5)',
    sgd: 'torch.optim.SGD(params, lr=1e-5, momentum=0.9)',
    adafactor: 'Adafactor(params, lr=1e-5, scale_parameter=False, relative_step=False)',
  }[s.optimizer];
  const needsBnb = quant > 0 || (training && (s.optimizer === 'adamw-8bit' || s.pagedOptimizer));
  const predicted = {
    peak_allocated_gib: round(est.memory.allocatedBytes / GIB),
    peak_reserved_gib: round((est.memory.allocatedBytes + Math.max(0, est.memory.totalBytes - est.memory.allocatedBytes) / 2) / GIB),
    nvidia_smi_gib: round(est.memory.totalBytes / GIB),
    prefill_tokens_per_s: round(est.throughput.prefillTokensPerSecond),
    decode_tokens_per_s: round(est.throughput.decodeTokensPerSecond),
    train_tokens_per_s: round(est.throughput.trainTokensPerSecond),
  };
  const config = options.hfConfig ?? hfConfigOf(s.model);
  const modelClass = s.model.encoder ? 'AutoModelForMaskedLM' : 'AutoModelForCausalLM';
  const targets = [...new Set(s.lora.targets.map((t) => LORA_MODULES[t]))];
  const billions = round(countParams(s.model).totalParams / 1e9);
  const requirements = ['torch>=2.3', 'transformers>=4.51', ...(peft ? ['peft>=0.11'] : []), ...(needsBnb ? ['bitsandbytes>=0.43'] : []), ...(quant > 0 ? ['safetensors', 'accelerate'] : [])];

  const py: string[] = [
    '#!/usr/bin/env python3',
    `"""Reproduce: ${line(s.model.name)} (${billions}B parameters), ${s.workload}, ${w.name} weights, on one ${line(est.gpu.name)}.`,
    '',
    'Builds the model from its config with random weights (nothing is downloaded), runs the same batch, sequence length,',
    'precision, checkpointing and optimizer as the scenario, and prints measured peak memory and tokens/s beside the prediction.',
    `Requires: pip install ${requirements.map((r) => `"${r}"`).join(' ')}`,
    quant > 0 ? `Quantized weights load through a random bf16 checkpoint written to a temporary folder (about ${round(billions * 2)} GB of disk).` : '',
    '"""',
    'import json, os, sys, tempfile, time',
    'import torch',
    `from transformers import AutoConfig, ${modelClass}${quant > 0 ? ', BitsAndBytesConfig' : ''}${s.optimizer === 'adafactor' && training ? '\nfrom transformers.optimization import Adafactor' : ''}`,
    needsBnb ? 'import bitsandbytes as bnb' : '',
    peft ? 'from peft import LoraConfig, get_peft_model' : '',
    '',
    `CONFIG = ${pyJson(config)}`,
    `PREDICTED = ${pyJson(predicted)}`,
    `BATCH, SEQ, PROMPT, OUTPUT = ${s.batchSize}, ${s.seqLen}, ${s.promptTokens}, ${s.outputTokens}`,
    `DTYPE = torch.${paramDtype}`,
    `ATTN = "${s.flashAttention ? 'sdpa' : 'eager'}"`,
    '',
    'assert torch.cuda.is_available(), "needs a CUDA GPU"',
    'torch.manual_seed(0)',
    'cfg = AutoConfig.for_model(**CONFIG)',
    '',
    'def build():',
  ];
  if (quant > 0) {
    py.push(
      '    # bitsandbytes quantizes while loading, so write a random bf16 checkpoint one tensor at a time and load it quantized.',
      '    from safetensors.torch import save_file',
      '    with torch.device("meta"):',
      `        skeleton = ${modelClass}.from_config(cfg, torch_dtype=torch.bfloat16)`,
      '    folder = tempfile.mkdtemp()',
      '    shard, size, index = {}, 0, {}',
      '    def flush():',
      '        nonlocal shard, size',
      '        if shard:',
      '            name = f"model-{len(set(index.values())):05d}.safetensors"',
      '            save_file(shard, os.path.join(folder, name), metadata={"format": "pt"})',
      '            index.update({k: name for k in shard})',
      '            shard, size = {}, 0',
      '    for key, t in skeleton.state_dict().items():',
      '        shard[key] = (torch.randn(t.shape, dtype=torch.float32) * 0.02).to(torch.bfloat16) if t.dtype.is_floating_point else torch.zeros(t.shape, dtype=t.dtype)',
      '        size += t.numel() * 2',
      '        if size > 2 * 2**30:',
      '            flush()',
      '    flush()',
      '    json.dump({"metadata": {}, "weight_map": index}, open(os.path.join(folder, "model.safetensors.index.json"), "w"))',
      '    cfg.save_pretrained(folder)',
      '    del skeleton',
      quant === 4
        ? `    q = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="${w.name === 'nf4' ? 'nf4' : 'fp4'}", bnb_4bit_use_double_quant=${s.doubleQuant ? 'True' : 'False'}, bnb_4bit_compute_dtype=torch.bfloat16)`
        : '    q = BitsAndBytesConfig(load_in_8bit=True)',
      `    return ${modelClass}.from_pretrained(folder, quantization_config=q, torch_dtype=torch.bfloat16, attn_implementation=ATTN, device_map={"": 0})`,
    );
  } else {
    py.push('    with torch.device("cuda"):', `        return ${modelClass}.from_config(cfg, torch_dtype=DTYPE, attn_implementation=ATTN)`);
  }
  py.push('', 'model = build()');
  if (training) {
    if (s.gradientCheckpointing) py.push('model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})');
    if (peft) {
      py.push(
        `model = get_peft_model(model, LoraConfig(r=${s.lora.rank}, lora_alpha=${2 * s.lora.rank}, lora_dropout=0.0, target_modules=${pyJson(targets)}, task_type="CAUSAL_LM"))`,
        'if hasattr(model, "enable_input_require_grads"):',
        '    model.enable_input_require_grads()',
      );
    }
    py.push(
      'model.train()',
      'params = [p for p in model.parameters() if p.requires_grad]',
      `opt = ${optimizer}`,
      `scaler = torch.amp.GradScaler("cuda", enabled=${autocast === 'torch.float16' ? 'True' : 'False'})`,
      'ids = torch.randint(0, cfg.vocab_size, (BATCH, SEQ), device="cuda")',
      'torch.cuda.reset_peak_memory_stats()',
      'times = []',
      'for step in range(6):',
      '    torch.cuda.synchronize(); t0 = time.perf_counter()',
      `    with torch.autocast("cuda", dtype=${autocast === 'None' ? 'torch.bfloat16' : autocast}, enabled=${autocast === 'None' ? 'False' : 'True'}):`,
      '        loss = model(input_ids=ids, labels=ids).loss',
      '    scaler.scale(loss).backward()',
      '    scaler.step(opt); scaler.update(); opt.zero_grad(set_to_none=True)',
      '    torch.cuda.synchronize(); times.append(time.perf_counter() - t0)',
      'step_s = sorted(times[2:])[len(times[2:]) // 2]',
      'measured = {"train_tokens_per_s": BATCH * SEQ / step_s}',
    );
  } else {
    py.push(
      'model.eval()',
      'ids = torch.randint(0, cfg.vocab_size, (BATCH, PROMPT), device="cuda")',
      'with torch.inference_mode():',
      '    model(input_ids=ids[:, :16], use_cache=True)  # warm-up',
      '    torch.cuda.reset_peak_memory_stats()',
      '    torch.cuda.synchronize(); t0 = time.perf_counter()',
      '    out = model(input_ids=ids, use_cache=True)',
      '    torch.cuda.synchronize(); prefill_s = time.perf_counter() - t0',
      '    past, tok = out.past_key_values, out.logits[:, -1:].argmax(-1)',
      '    t0 = time.perf_counter()',
      '    for _ in range(OUTPUT):',
      '        out = model(input_ids=tok, past_key_values=past, use_cache=True)',
      '        past, tok = out.past_key_values, out.logits[:, -1:].argmax(-1)',
      '    torch.cuda.synchronize(); decode_s = time.perf_counter() - t0',
      'measured = {"prefill_tokens_per_s": BATCH * PROMPT / prefill_s, "decode_tokens_per_s": BATCH * OUTPUT / max(decode_s, 1e-9)}',
    );
  }
  py.push(
    'free, total = torch.cuda.mem_get_info()',
    'measured.update({',
    '    "peak_allocated_gib": torch.cuda.max_memory_allocated() / 2**30,',
    '    "peak_reserved_gib": torch.cuda.max_memory_reserved() / 2**30,',
    '    "nvidia_smi_gib": (total - free) / 2**30,  # now, not the peak; includes the CUDA context',
    '})',
    'print(f"{torch.cuda.get_device_name()}  torch {torch.__version__}")',
    'print(f"{\'quantity\':<24}{\'measured\':>12}{\'predicted\':>12}")',
    'for key, value in measured.items():',
    '    print(f"{key:<24}{value:>12.3g}{PREDICTED[key]:>12.3g}")',
    training ? '' : 'print("The site models a serving engine; a plain transformers decode loop is usually slower than vLLM or llama.cpp.")',
  );
  const script = py.filter((l, i, all) => l !== '' || (all[i - 1] ?? '') !== '').join('\n').trimEnd() + '\n';
  return { ok: true, kind: 'pytorch', fileName: `reproduce-${s.model.id}-${s.workload}.py`, script };
}
