/**
 * Model architectures: presets with their published configurations, custom architectures, and parameter counts
 * derived from the shapes (every expert for memory, active experts for per-token FLOPs and bytes).
 */
import type { LoraTarget, ModelArch } from '../types.ts';

/** The fields a reader gives for a custom architecture; the rest take Llama-style defaults. */
export interface ModelArchInput {
  /** Transformer blocks. */
  layers: number;
  /** Model width. */
  hiddenSize: number;
  /** Query heads. */
  heads: number;
  /** Key-value heads (defaults to heads). */
  kvHeads?: number;
  /** Per-head dimension (defaults to hiddenSize / heads). */
  headDim?: number;
  /** FFN inner width. */
  intermediateSize: number;
  /** Vocabulary size. */
  vocabSize: number;
  /** Tied input and output embeddings (default false). */
  tiedEmbeddings?: boolean;
  /** FFN kind (default gated). */
  ffnKind?: ModelArch['ffnKind'];
  /** Routed experts (default 1: dense). */
  experts?: number;
  /** Routed experts per token (default 1, or 2 when experts > 1). */
  expertsPerToken?: number;
  /** Shared experts (default 0). */
  sharedExperts?: number;
  /** Expert width (default intermediateSize). */
  moeIntermediateSize?: number;
  /** Leading dense layers in an MoE model (default 0). */
  denseLayers?: number;
  /** Sliding window in tokens (default none). */
  slidingWindow?: number | null;
  /** Fraction of layers that use the sliding window (default 1 when a window is given). */
  slidingWindowLayerFraction?: number;
  /** Multi-head latent attention (default none). */
  mla?: ModelArch['mla'];
  /** Learned absolute positions (default 0). */
  learnedPositions?: number;
  /** Norm kind (default rmsnorm). */
  norm?: ModelArch['norm'];
  /** Norms per block (default 2). */
  normsPerLayer?: number;
  /** Bias vectors (default none). */
  biases?: ModelArch['biases'];
  /** BERT-style encoder (default false). */
  encoder?: boolean;
  /** Dropout during training (default false). */
  dropout?: boolean;
  /** Id (default "custom"). */
  id?: string;
  /** Name (default "Custom model"). */
  name?: string;
}

/**
 * Fills the defaults of a custom architecture.
 * @example defineModel({ layers: 2, hiddenSize: 64, heads: 4, intermediateSize: 256, vocabSize: 1000 }).headDim //=> 16
 */
export function defineModel(input: ModelArchInput, published: number | null = null, source = 'reader-supplied architecture', publishedActive: number | null = null): ModelArch {
  const experts = input.experts ?? 1;
  return {
    id: input.id ?? 'custom',
    name: input.name ?? 'Custom model',
    layers: input.layers,
    hiddenSize: input.hiddenSize,
    heads: input.heads,
    kvHeads: input.kvHeads ?? input.heads,
    headDim: input.headDim ?? input.hiddenSize / input.heads,
    intermediateSize: input.intermediateSize,
    ffnKind: input.ffnKind ?? 'gated',
    vocabSize: input.vocabSize,
    tiedEmbeddings: input.tiedEmbeddings ?? false,
    experts,
    expertsPerToken: Math.min(experts, input.expertsPerToken ?? (experts > 1 ? 2 : 1)),
    sharedExperts: input.sharedExperts ?? 0,
    moeIntermediateSize: input.moeIntermediateSize ?? input.intermediateSize,
    denseLayers: experts > 1 ? Math.min(input.layers, input.denseLayers ?? 0) : input.layers,
    slidingWindow: input.slidingWindow ?? null,
    slidingWindowLayerFraction: input.slidingWindow ? (input.slidingWindowLayerFraction ?? 1) : 0,
    mla: input.mla ?? null,
    learnedPositions: input.learnedPositions ?? 0,
    norm: input.norm ?? 'rmsnorm',
    normsPerLayer: input.normsPerLayer ?? 2,
    biases: input.biases ?? 'none',
    encoder: input.encoder ?? false,
    dropout: input.dropout ?? false,
    publishedParams: published,
    publishedActiveParams: publishedActive,
    source,
  };
}

const GPT2 = { ffnKind: 'gelu', tiedEmbeddings: true, vocabSize: 50257, learnedPositions: 1024, norm: 'layernorm', biases: 'all', dropout: true } as const;
const BERT = { ffnKind: 'gelu', tiedEmbeddings: true, vocabSize: 30522, learnedPositions: 512, norm: 'layernorm', biases: 'all', dropout: true, encoder: true } as const;
const HF = (repo: string): string => `Hugging Face ${repo}, config.json and model card`;

/**
 * Qwen3 dense sizes (HF config.json; counts from the model cards): size, layers, width, heads, FFN width, tied embeddings, published count.
 * 1.7B is left out: its card rounds 1.72B to 1.7B, outside the 1% the presets are held to.
 */
const QWEN3: readonly [string, number, number, number, number, boolean, number][] = [
  ['0.6B', 28, 1024, 16, 3072, true, 0.6e9], ['4B', 36, 2560, 32, 9728, true, 4.0e9],
  ['8B', 36, 4096, 32, 12288, false, 8.2e9], ['14B', 40, 5120, 40, 17408, false, 14.8e9], ['32B', 64, 5120, 64, 25600, false, 32.8e9],
];
/** Gemma 3 sizes (HF config.json text_config): size, layers, width, heads, kv heads, FFN width, vocabulary, local window, published language-model count. */
const GEMMA3: readonly [string, number, number, number, number, number, number, number, number][] = [
  ['1B', 26, 1152, 4, 1, 6912, 262144, 512, 1.0e9], ['4B', 34, 2560, 8, 4, 10240, 262208, 1024, 3.884e9],
  ['12B', 48, 3840, 16, 8, 15360, 262208, 1024, 11.771e9], ['27B', 62, 5376, 32, 16, 21504, 262208, 1024, 27.016e9],
];

/** Every preset, in the order the site lists them. */
export const MODEL_PRESETS: readonly ModelArch[] = [
  // Radford et al. 2019, "Language Models are Unsupervised Multitask Learners", Table 2; counts from the HF checkpoints.
  defineModel({ id: 'gpt2', name: 'GPT-2 124M', layers: 12, hiddenSize: 768, heads: 12, intermediateSize: 3072, ...GPT2 }, 124.44e6, HF('openai-community/gpt2')),
  defineModel({ id: 'gpt2-medium', name: 'GPT-2 355M', layers: 24, hiddenSize: 1024, heads: 16, intermediateSize: 4096, ...GPT2 }, 354.8e6, HF('openai-community/gpt2-medium')),
  defineModel({ id: 'gpt2-large', name: 'GPT-2 774M', layers: 36, hiddenSize: 1280, heads: 20, intermediateSize: 5120, ...GPT2 }, 774.0e6, HF('openai-community/gpt2-large')),
  defineModel({ id: 'gpt2-xl', name: 'GPT-2 1.5B', layers: 48, hiddenSize: 1600, heads: 25, intermediateSize: 6400, ...GPT2 }, 1557.6e6, HF('openai-community/gpt2-xl')),
  // Devlin et al. 2019, BERT §3 (L=12, H=768, A=12: 110M; L=24, H=1024, A=16: 340M, which the HF checkpoint counts as 335M).
  defineModel({ id: 'bert-base', name: 'BERT base', layers: 12, hiddenSize: 768, heads: 12, intermediateSize: 3072, ...BERT }, 110e6, 'Devlin et al. 2019, BERT, §3'),
  defineModel({ id: 'bert-large', name: 'BERT large', layers: 24, hiddenSize: 1024, heads: 16, intermediateSize: 4096, ...BERT }, 335.1e6, `Devlin et al. 2019, BERT, §3; ${HF('google-bert/bert-large-uncased')}`),
  // Brown et al. 2020, "Language Models are Few-Shot Learners", Table 2.1.
  defineModel({ id: 'gpt-3-175b', name: 'GPT-3 175B', layers: 96, hiddenSize: 12288, heads: 96, intermediateSize: 49152, ...GPT2, learnedPositions: 2048 }, 175e9, 'Brown et al. 2020, GPT-3, Table 2.1'),
  // Touvron et al. 2023, Llama 2, Table 1 and the HF configs.
  defineModel({ id: 'llama-2-7b', name: 'Llama 2 7B', layers: 32, hiddenSize: 4096, heads: 32, intermediateSize: 11008, vocabSize: 32000 }, 6.738e9, HF('meta-llama/Llama-2-7b-hf')),
  defineModel({ id: 'llama-2-13b', name: 'Llama 2 13B', layers: 40, hiddenSize: 5120, heads: 40, intermediateSize: 13824, vocabSize: 32000 }, 13.016e9, HF('meta-llama/Llama-2-13b-hf')),
  defineModel({ id: 'llama-2-70b', name: 'Llama 2 70B', layers: 80, hiddenSize: 8192, heads: 64, kvHeads: 8, intermediateSize: 28672, vocabSize: 32000 }, 68.977e9, HF('meta-llama/Llama-2-70b-hf')),
  // Llama Team 2024, "The Llama 3 Herd of Models", Table 3, and the HF configs.
  defineModel({ id: 'llama-3.1-8b', name: 'Llama 3.1 8B', layers: 32, hiddenSize: 4096, heads: 32, kvHeads: 8, intermediateSize: 14336, vocabSize: 128256 }, 8.03e9, HF('meta-llama/Llama-3.1-8B')),
  defineModel({ id: 'llama-3.1-70b', name: 'Llama 3.1 70B', layers: 80, hiddenSize: 8192, heads: 64, kvHeads: 8, intermediateSize: 28672, vocabSize: 128256 }, 70.55e9, HF('meta-llama/Llama-3.1-70B')),
  defineModel({ id: 'llama-3.1-405b', name: 'Llama 3.1 405B', layers: 126, hiddenSize: 16384, heads: 128, kvHeads: 8, intermediateSize: 53248, vocabSize: 128256 }, 405e9, 'Llama Team 2024, The Llama 3 Herd of Models, Table 3'),
  defineModel({ id: 'llama-3.2-1b', name: 'Llama 3.2 1B', layers: 16, hiddenSize: 2048, heads: 32, kvHeads: 8, headDim: 64, intermediateSize: 8192, vocabSize: 128256, tiedEmbeddings: true }, 1.236e9, HF('meta-llama/Llama-3.2-1B')),
  defineModel({ id: 'llama-3.2-3b', name: 'Llama 3.2 3B', layers: 28, hiddenSize: 3072, heads: 24, kvHeads: 8, headDim: 128, intermediateSize: 8192, vocabSize: 128256, tiedEmbeddings: true }, 3.213e9, HF('meta-llama/Llama-3.2-3B')),
  // Jiang et al. 2023, Mistral 7B, Table 1 (sliding window 4096 in v0.1).
  defineModel({ id: 'mistral-7b', name: 'Mistral 7B', layers: 32, hiddenSize: 4096, heads: 32, kvHeads: 8, intermediateSize: 14336, vocabSize: 32000, slidingWindow: 4096 }, 7.24e9, 'Jiang et al. 2023, Mistral 7B, Table 1'),
  // Jiang et al. 2024, Mixtral of Experts, §2 (46.7B total, 12.9B active).
  defineModel({ id: 'mixtral-8x7b', name: 'Mixtral 8x7B', layers: 32, hiddenSize: 4096, heads: 32, kvHeads: 8, intermediateSize: 14336, vocabSize: 32000, experts: 8, expertsPerToken: 2 }, 46.7e9, 'Jiang et al. 2024, Mixtral of Experts, §2', 12.9e9),
  // Qwen Team 2024, Qwen2.5 Technical Report, Table 1, and the HF configs (bias on q, k, v).
  defineModel({ id: 'qwen2.5-0.5b', name: 'Qwen2.5 0.5B', layers: 24, hiddenSize: 896, heads: 14, kvHeads: 2, intermediateSize: 4864, vocabSize: 151936, tiedEmbeddings: true, biases: 'qkv' }, 0.494e9, HF('Qwen/Qwen2.5-0.5B')),
  defineModel({ id: 'qwen2.5-1.5b', name: 'Qwen2.5 1.5B', layers: 28, hiddenSize: 1536, heads: 12, kvHeads: 2, intermediateSize: 8960, vocabSize: 151936, tiedEmbeddings: true, biases: 'qkv' }, 1.54e9, HF('Qwen/Qwen2.5-1.5B')),
  defineModel({ id: 'qwen2.5-3b', name: 'Qwen2.5 3B', layers: 36, hiddenSize: 2048, heads: 16, kvHeads: 2, intermediateSize: 11008, vocabSize: 151936, tiedEmbeddings: true, biases: 'qkv' }, 3.09e9, HF('Qwen/Qwen2.5-3B')),
  defineModel({ id: 'qwen2.5-7b', name: 'Qwen2.5 7B', layers: 28, hiddenSize: 3584, heads: 28, kvHeads: 4, intermediateSize: 18944, vocabSize: 152064, biases: 'qkv' }, 7.61e9, HF('Qwen/Qwen2.5-7B')),
  defineModel({ id: 'qwen2.5-14b', name: 'Qwen2.5 14B', layers: 48, hiddenSize: 5120, heads: 40, kvHeads: 8, intermediateSize: 13824, vocabSize: 152064, biases: 'qkv' }, 14.7e9, HF('Qwen/Qwen2.5-14B')),
  defineModel({ id: 'qwen2.5-32b', name: 'Qwen2.5 32B', layers: 64, hiddenSize: 5120, heads: 40, kvHeads: 8, intermediateSize: 27648, vocabSize: 152064, biases: 'qkv' }, 32.5e9, HF('Qwen/Qwen2.5-32B')),
  defineModel({ id: 'qwen2.5-72b', name: 'Qwen2.5 72B', layers: 80, hiddenSize: 8192, heads: 64, kvHeads: 8, intermediateSize: 29568, vocabSize: 152064, biases: 'qkv' }, 72.7e9, HF('Qwen/Qwen2.5-72B')),
  // Gemma Team 2024, Gemma 2, Table 1 (local 4096-token window on every other layer, pre- and post-norms).
  defineModel({ id: 'gemma-2-2b', name: 'Gemma 2 2B', layers: 26, hiddenSize: 2304, heads: 8, kvHeads: 4, headDim: 256, intermediateSize: 9216, vocabSize: 256000, tiedEmbeddings: true, normsPerLayer: 4, slidingWindow: 4096, slidingWindowLayerFraction: 0.5 }, 2.614e9, 'Gemma Team 2024, Gemma 2, Table 1'),
  defineModel({ id: 'gemma-2-9b', name: 'Gemma 2 9B', layers: 42, hiddenSize: 3584, heads: 16, kvHeads: 8, headDim: 256, intermediateSize: 14336, vocabSize: 256000, tiedEmbeddings: true, normsPerLayer: 4, slidingWindow: 4096, slidingWindowLayerFraction: 0.5 }, 9.242e9, 'Gemma Team 2024, Gemma 2, Table 1'),
  defineModel({ id: 'gemma-2-27b', name: 'Gemma 2 27B', layers: 46, hiddenSize: 4608, heads: 32, kvHeads: 16, headDim: 128, intermediateSize: 36864, vocabSize: 256000, tiedEmbeddings: true, normsPerLayer: 4, slidingWindow: 4096, slidingWindowLayerFraction: 0.5 }, 27.227e9, 'Gemma Team 2024, Gemma 2, Table 1'),
  // Abdin et al. 2024, Phi-3 Technical Report, §2 (3.8B).
  defineModel({ id: 'phi-3-mini', name: 'Phi-3 mini', layers: 32, hiddenSize: 3072, heads: 32, intermediateSize: 8192, vocabSize: 32064 }, 3.821e9, 'Abdin et al. 2024, Phi-3 Technical Report, §2'),
  // DeepSeek-AI 2024, DeepSeek-V3 Technical Report, §4.2 (671B total, 37B active; MLA; 1 shared + 256 routed experts, 8 active).
  defineModel(
    {
      id: 'deepseek-v3', name: 'DeepSeek-V3', layers: 61, hiddenSize: 7168, heads: 128, intermediateSize: 18432, vocabSize: 129280,
      experts: 256, expertsPerToken: 8, sharedExperts: 1, moeIntermediateSize: 2048, denseLayers: 3,
      mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 }, headDim: 192,
    },
    671e9, 'DeepSeek-AI 2024, DeepSeek-V3 Technical Report, §4.2', 37e9,
  ),
  // The 2025 generation, each from its published config.json (the parser in hfconfig.ts reads the same files; tests/lib/fixtures/hf-configs).
  defineModel({ id: 'llama-3.3-70b', name: 'Llama 3.3 70B', layers: 80, hiddenSize: 8192, heads: 64, kvHeads: 8, intermediateSize: 28672, vocabSize: 128256 }, 70.6e9, HF('meta-llama/Llama-3.3-70B-Instruct')),
  ...QWEN3.map(([size, layers, hiddenSize, heads, intermediateSize, tied, published]) =>
    defineModel({ id: `qwen3-${size.toLowerCase()}`, name: `Qwen3 ${size}`, layers, hiddenSize, heads, kvHeads: 8, headDim: 128, intermediateSize, vocabSize: 151936, tiedEmbeddings: tied }, published, HF(`Qwen/Qwen3-${size}`))),
  defineModel({ id: 'qwen3-30b-a3b', name: 'Qwen3 30B-A3B', layers: 48, hiddenSize: 2048, heads: 32, kvHeads: 4, headDim: 128, intermediateSize: 6144, vocabSize: 151936, experts: 128, expertsPerToken: 8, moeIntermediateSize: 768 }, 30.5e9, HF('Qwen/Qwen3-30B-A3B'), 3.3e9),
  defineModel({ id: 'qwen3-235b-a22b', name: 'Qwen3 235B-A22B', layers: 94, hiddenSize: 4096, heads: 64, kvHeads: 4, headDim: 128, intermediateSize: 12288, vocabSize: 151936, experts: 128, expertsPerToken: 8, moeIntermediateSize: 1536 }, 235e9, HF('Qwen/Qwen3-235B-A22B'), 22e9),
  // Gemma Team 2025, Gemma 3 Technical Report, Table 1: the language model (embedding + non-embedding); the 417M-parameter vision encoder of 4B-27B is not counted. Five local (sliding) layers to one global.
  ...GEMMA3.map(([size, layers, hiddenSize, heads, kvHeads, intermediateSize, vocabSize, window, published]) =>
    defineModel({ id: `gemma-3-${size.toLowerCase()}`, name: `Gemma 3 ${size}`, layers, hiddenSize, heads, kvHeads, headDim: size === '27B' ? 128 : 256, intermediateSize, vocabSize, tiedEmbeddings: true, normsPerLayer: 4, slidingWindow: window, slidingWindowLayerFraction: (layers - Math.floor(layers / 6)) / layers }, published, `Gemma Team 2025, Gemma 3 Technical Report, Table 1; ${HF(`google/gemma-3-${size.toLowerCase()}-it`)}`)),
  defineModel({ id: 'phi-4', name: 'Phi-4 14B', layers: 40, hiddenSize: 5120, heads: 40, kvHeads: 10, intermediateSize: 17920, vocabSize: 100352 }, 14.7e9, HF('microsoft/phi-4')),
  defineModel({ id: 'phi-4-mini', name: 'Phi-4-mini 3.8B', layers: 32, hiddenSize: 3072, heads: 24, kvHeads: 8, intermediateSize: 8192, vocabSize: 200064, tiedEmbeddings: true }, 3.84e9, HF('microsoft/Phi-4-mini-instruct')),
  defineModel({ id: 'mistral-small-3-24b', name: 'Mistral Small 3 24B', layers: 40, hiddenSize: 5120, heads: 32, kvHeads: 8, headDim: 128, intermediateSize: 32768, vocabSize: 131072 }, 23.6e9, HF('mistralai/Mistral-Small-24B-Base-2501')),
  // DeepSeek-AI 2025, DeepSeek-R1, §2.4: the distilled models keep their base model's architecture (Qwen2.5-Math-7B, Llama-3.1-8B, Qwen2.5-32B).
  defineModel({ id: 'deepseek-r1-distill-qwen-7b', name: 'DeepSeek-R1-Distill-Qwen 7B', layers: 28, hiddenSize: 3584, heads: 28, kvHeads: 4, intermediateSize: 18944, vocabSize: 152064, biases: 'qkv' }, 7.62e9, HF('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B')),
  defineModel({ id: 'deepseek-r1-distill-llama-8b', name: 'DeepSeek-R1-Distill-Llama 8B', layers: 32, hiddenSize: 4096, heads: 32, kvHeads: 8, intermediateSize: 14336, vocabSize: 128256 }, 8.03e9, HF('deepseek-ai/DeepSeek-R1-Distill-Llama-8B')),
  defineModel({ id: 'deepseek-r1-distill-qwen-32b', name: 'DeepSeek-R1-Distill-Qwen 32B', layers: 64, hiddenSize: 5120, heads: 40, kvHeads: 8, intermediateSize: 27648, vocabSize: 152064, biases: 'qkv' }, 32.8e9, HF('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B')),
];

/** Lower-case letters and digits only, so "Llama-2-7b-hf" and "llama 2 7b" compare equal. */
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const ALIASES: Record<string, string> = {
  gpt2small: 'gpt2', gpt2124m: 'gpt2', gpt2355m: 'gpt2-medium', gpt2774m: 'gpt2-large', gpt215b: 'gpt2-xl', gpt3: 'gpt-3-175b', gpt3175b: 'gpt-3-175b',
  bertbaseuncased: 'bert-base', bertbasecased: 'bert-base', bertlargeuncased: 'bert-large', bertlargecased: 'bert-large',
  llama318b: 'llama-3.1-8b', llama38b: 'llama-3.1-8b', llama370b: 'llama-3.1-70b', phi3mini4k: 'phi-3-mini', phi3mini128k: 'phi-3-mini',
  phi3mini: 'phi-3-mini', phi4mini: 'phi-4-mini', phi4miniinstruct: 'phi-4-mini', mistralsmall24bbase2501: 'mistral-small-3-24b', mistralsmall24binstruct2501: 'mistral-small-3-24b', mistralsmall324b: 'mistral-small-3-24b', llama3370b: 'llama-3.3-70b', mixtral8x7bv01: 'mixtral-8x7b', mistral7bv01: 'mistral-7b', deepseekv3base: 'deepseek-v3',
};
const PRESET_BY_KEY = new Map(MODEL_PRESETS.map((m) => [squash(m.id), m]));

/**
 * Finds a preset by id, Hugging Face repo name or a loose spelling; null when none matches.
 * @example findModel('meta-llama/Llama-2-7b-hf')?.id //=> "llama-2-7b"
 */
export function findModel(name: string): ModelArch | null {
  const lookup = (key: string): ModelArch | null => {
    const alias = ALIASES[key];
    return PRESET_BY_KEY.get(key) ?? (alias !== undefined ? PRESET_BY_KEY.get(squash(alias)) : undefined) ?? null;
  };
  const key = squash(name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name);
  return lookup(key) ?? lookup(key.replace(/^meta/, '').replace(/(hf|instruct|chat|it|base|v01|v03)+$/, ''));
}

/** One kind of linear layer in a block: its shape and how many exist. */
export interface LinearShape {
  /** What it is (a LoRA target where it is one). */
  name: LoraTarget | 'router' | 'q_a' | 'q_b' | 'kv_a' | 'kv_b' | 'shared_gate' | 'shared_up' | 'shared_down';
  /** Input features. */
  inFeatures: number;
  /** Output features. */
  outFeatures: number;
  /** Copies across the whole model (layers x experts). */
  count: number;
  /** Copies used per token (layers x active experts). */
  activeCount: number;
}

/** Parameter counts derived from an architecture. */
export interface ParamCounts {
  /** Every parameter, every expert. */
  totalParams: number;
  /** Parameters a token touches (active experts only). */
  activeParams: number;
  /** Parameters of the linear layers inside the blocks (what bitsandbytes/GPTQ/AWQ quantize). */
  blockLinearParams: number;
  /** Block linear parameters a token uses (active experts only). */
  activeLinearParams: number;
  /** Input embedding table (token, position and token-type embeddings). */
  embeddingParams: number;
  /** Parameters in matrix multiplies per token: active block linears plus the output projection (for FLOPs). */
  matmulParamsPerToken: number;
  /** Parameters read from memory per decoded token at batch 1: all but the embedding table, which is a lookup. */
  decodeReadParams: number;
  /** The largest single tensor, in parameters (the gradient that optimizer-in-backward must still hold). */
  largestTensorParams: number;
  /** The largest linear matrix inside a block, in parameters. */
  largestLinearParams: number;
  /** Parameters of one block (the largest), every expert. */
  largestLayerParams: number;
  /** The linear layers of the blocks. */
  linears: LinearShape[];
}

function linearsOf(m: ModelArch): LinearShape[] {
  const h = m.hiddenSize;
  const L = m.layers;
  const out: LinearShape[] = [];
  const add = (name: LinearShape['name'], inF: number, outF: number, count: number, activeCount = count) => {
    if (count > 0) out.push({ name, inFeatures: inF, outFeatures: outF, count, activeCount });
  };
  if (m.mla) {
    // DeepSeek-V2 §2.1.2 / V3 §2.1.1: q = W_UQ W_DQ h, [c_KV, k_R] = W_DKV h, [k_C, v] = W_UKV c_KV, o = W_O v.
    const a = m.heads;
    const qk = m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim;
    if (m.mla.qLoraRank > 0) {
      add('q_a', h, m.mla.qLoraRank, L);
      add('q_b', m.mla.qLoraRank, a * qk, L);
    } else add('q', h, a * qk, L);
    add('kv_a', h, m.mla.kvLoraRank + m.mla.qkRopeHeadDim, L);
    add('kv_b', m.mla.kvLoraRank, a * (m.mla.qkNopeHeadDim + m.mla.vHeadDim), L);
    add('o', a * m.mla.vHeadDim, h, L);
  } else {
    add('q', h, m.heads * m.headDim, L);
    add('k', h, m.kvHeads * m.headDim, L);
    add('v', h, m.kvHeads * m.headDim, L);
    add('o', m.heads * m.headDim, h, L);
  }
  const dense = m.experts > 1 ? m.denseLayers : L;
  const moe = L - dense;
  const ffn = (width: number, count: number, activeCount: number, shared: boolean) => {
    if (m.ffnKind === 'gated') add(shared ? 'shared_gate' : 'gate', h, width, count, activeCount);
    add(shared ? 'shared_up' : 'up', h, width, count, activeCount);
    add(shared ? 'shared_down' : 'down', width, h, count, activeCount);
  };
  ffn(m.intermediateSize, dense, dense, false);
  if (moe > 0) {
    ffn(m.moeIntermediateSize, moe * m.experts, moe * m.expertsPerToken, false);
    ffn(m.moeIntermediateSize, moe * m.sharedExperts, moe * m.sharedExperts, true);
    add('router', h, m.experts, moe);
  }
  return out;
}

const cache = new WeakMap<ModelArch, ParamCounts>();

/**
 * Counts the parameters of an architecture (cached per object).
 * @example countParams(findModel('llama-2-7b')!).totalParams //=> 6738415616
 */
export function countParams(m: ModelArch): ParamCounts {
  const hit = cache.get(m);
  if (hit) return hit;
  const h = m.hiddenSize;
  const linears = linearsOf(m);
  let blockLinearParams = 0;
  let activeLinearParams = 0;
  let largestLinear = 0;
  for (const l of linears) {
    blockLinearParams += l.inFeatures * l.outFeatures * l.count;
    activeLinearParams += l.inFeatures * l.outFeatures * l.activeCount;
    largestLinear = Math.max(largestLinear, l.inFeatures * l.outFeatures);
  }
  // Biases and norm weights: small, counted so the totals match the checkpoints.
  const normWidth = m.norm === 'layernorm' ? 2 * h : h;
  let vectorParams = m.layers * m.normsPerLayer * normWidth;
  if (m.mla) vectorParams += m.layers * (m.mla.qLoraRank + m.mla.kvLoraRank);
  if (m.biases !== 'none') vectorParams += m.layers * (m.heads * m.headDim + 2 * m.kvHeads * m.headDim);
  if (m.biases === 'all') {
    vectorParams += m.layers * h; // output projection bias
    for (const l of linears) if (l.name === 'gate' || l.name === 'up' || l.name === 'down') vectorParams += l.outFeatures * l.count;
  }
  const embeddingParams = m.vocabSize * h + m.learnedPositions * h + (m.encoder ? 2 * h : 0);
  const headParams = m.tiedEmbeddings ? 0 : m.vocabSize * h;
  // BERT: embedding LayerNorm and a pooler (dense h x h with bias); decoders: one final norm.
  const outerParams = m.encoder ? 2 * h + h * h + h : normWidth;
  const totalParams = blockLinearParams + vectorParams + embeddingParams + headParams + outerParams;
  const activeParams = totalParams - blockLinearParams + activeLinearParams;
  const counts: ParamCounts = {
    totalParams,
    activeParams,
    blockLinearParams,
    activeLinearParams,
    embeddingParams,
    matmulParamsPerToken: activeLinearParams + m.vocabSize * h,
    decodeReadParams: activeParams - embeddingParams + (m.tiedEmbeddings ? m.vocabSize * h : 0),
    largestTensorParams: Math.max(largestLinear, m.vocabSize * h),
    largestLinearParams: largestLinear,
    largestLayerParams: (blockLinearParams + vectorParams) / m.layers,
    linears,
  };
  cache.set(m, counts);
  return counts;
}

/** Maps the LoRA target names onto the block's linear layers (MLA projections count as q/k/v). */
function loraMatches(name: LinearShape['name'], targets: readonly LoraTarget[]): boolean {
  switch (name) {
    case 'q_a': case 'q_b': return targets.includes('q');
    case 'kv_a': case 'kv_b': return targets.includes('k') || targets.includes('v');
    case 'shared_gate': return targets.includes('gate');
    case 'shared_up': return targets.includes('up');
    case 'shared_down': return targets.includes('down');
    case 'router': return false;
    default: return targets.includes(name);
  }
}

/**
 * LoRA adapter parameters: r x (in + out) for every adapted matrix (Hu et al. 2021, LoRA §4.1).
 * @example loraParams(findModel('llama-2-7b')!, 8, ['q', 'v']) //=> 4194304
 */
export function loraParams(m: ModelArch, rank: number, targets: readonly LoraTarget[]): number {
  let n = 0;
  // LoRA §4.1: W0 + BA with B in R^{d x r}, A in R^{r x k}, so r (d + k) trainable values per adapted matrix.
  for (const l of countParams(m).linears) if (loraMatches(l.name, targets)) n += rank * (l.inFeatures + l.outFeatures) * l.count;
  return n;
}

/** Sum of rows + columns over every matrix: the size of Adafactor's factored second moment (Shazeer & Stern 2018, §3). */
export function factoredStateValues(m: ModelArch): number {
  let n = 0;
  for (const l of countParams(m).linears) n += (l.inFeatures + l.outFeatures) * l.count;
  return n + 2 * (m.vocabSize + m.hiddenSize);
}

/** Values one token adds to the KV cache in one full-attention layer: 2 kvHeads headDim, or the MLA latent (DeepSeek-V2 §2.1.2). */
export function kvValuesPerTokenPerLayer(m: ModelArch): number {
  return m.mla ? m.mla.kvLoraRank + m.mla.qkRopeHeadDim : 2 * m.kvHeads * m.headDim;
}

/** Query-key and value widths summed over heads, for the attention FLOPs (QK^T uses qk, PV uses v). */
export function attentionWidths(m: ModelArch): { qkWidth: number; vWidth: number } {
  if (m.mla) return { qkWidth: m.heads * (m.mla.qkNopeHeadDim + m.mla.qkRopeHeadDim), vWidth: m.heads * m.mla.vHeadDim };
  return { qkWidth: m.heads * m.headDim, vWidth: m.heads * m.headDim };
}

/** Average attended context over layers, when sliding-window layers cap it at their window. */
export function effectiveContext(m: ModelArch, contextTokens: number): number {
  if (m.slidingWindow === null) return contextTokens;
  const f = m.slidingWindowLayerFraction;
  return (1 - f) * contextTokens + f * Math.min(contextTokens, m.slidingWindow);
}
