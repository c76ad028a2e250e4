/**
 * Reads a Hugging Face `config.json` object (as published beside a checkpoint) into the estimator's ModelArch, so a reader
 * can bring any Llama, Mistral, Mixtral, Qwen, Gemma, Phi, DeepSeek, GPT-2, GPT-NeoX or BERT checkpoint without typing shapes.
 * Key names and defaults follow the `transformers` configuration classes of each `model_type`.
 */
import { defineModel, type ModelArchInput } from './models.ts';
import type { ModelArch } from '../types.ts';

/** One problem with a config, tied to the key it concerns. */
export interface ConfigIssue {
  /** The config key (dotted for nested keys, e.g. "text_config.hidden_size"); "config" for the object itself. */
  field: string;
  /** What is wrong: not an object, unsupported model_type, a missing key, or a value out of range. */
  code: 'not-object' | 'unsupported' | 'missing' | 'invalid';
  /** One sentence for the reader, naming the key. */
  message: string;
}

/** A parsed config: the architecture plus the defaults and simplifications taken, or every problem found. */
export type HfConfigResult = { ok: true; model: ModelArch; notes: string[] } | { ok: false; errors: ConfigIssue[] };

/** The `model_type` values the parser reads. */
const HF_MODEL_TYPES = [
  'llama', 'mistral', 'mixtral', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'gemma', 'gemma2', 'gemma3', 'gemma3_text', 'phi3',
  'deepseek_v2', 'deepseek_v3', 'gpt2', 'gpt_neox', 'bert',
] as const;

/** A model_type the parser reads. */
export type HfModelType = (typeof HF_MODEL_TYPES)[number];

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a value looks like a Hugging Face config (an object with a string `model_type`), as opposed to the estimator's own
 * architecture object.
 * @example isHfConfig({ model_type: 'llama', hidden_size: 4096 }) //=> true
 */
export function isHfConfig(v: unknown): v is Raw {
  return isObject(v) && typeof v['model_type'] === 'string';
}

/** Reads numbers from one config object, collecting every problem instead of stopping at the first. */
class Reader {
  readonly errors: ConfigIssue[] = [];
  constructor(private readonly cfg: Raw, private readonly prefix: string) {}

  private path(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  has(key: string): boolean {
    return this.cfg[key] !== undefined && this.cfg[key] !== null;
  }

  raw(key: string): unknown {
    return this.cfg[key];
  }

  /** A whole number from 1 (or `min`) to `max`; the first key present among `keys` wins; `fallback` when none is given. */
  whole(keys: string | string[], fallback?: number, min = 1, max = 10_000_000): number {
    const list = Array.isArray(keys) ? keys : [keys];
    const key = list.find((k) => this.has(k));
    if (key === undefined) {
      if (fallback !== undefined) return fallback;
      this.errors.push({ field: this.path(list[0] ?? ''), code: 'missing', message: `The config has no "${this.path(list[0] ?? '')}", which this architecture needs.` });
      return min;
    }
    const v = this.cfg[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.errors.push({ field: this.path(key), code: 'invalid', message: `"${this.path(key)}" must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.` });
      return min;
    }
    return v;
  }

  /** A boolean, or `fallback` when absent. */
  flag(key: string, fallback: boolean): boolean {
    const v = this.cfg[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') {
      this.errors.push({ field: this.path(key), code: 'invalid', message: `"${this.path(key)}" must be true or false.` });
      return fallback;
    }
    return v;
  }

  /** A non-negative number, or `fallback` when absent. */
  real(key: string, fallback: number): number {
    const v = this.cfg[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      this.errors.push({ field: this.path(key), code: 'invalid', message: `"${this.path(key)}" must be a number of at least 0.` });
      return fallback;
    }
    return v;
  }
}

/** Share of layers that attend through a sliding window, from `layer_types` when the config lists them. */
function slidingFractionFromLayerTypes(r: Reader, layers: number): number | null {
  const types = r.raw('layer_types');
  if (!Array.isArray(types) || types.length !== layers) return null;
  return types.filter((t) => t === 'sliding_attention').length / layers;
}

/** Families whose configs leave `tie_word_embeddings` out because their class default is true. */
const TIED_BY_DEFAULT = new Set<string>(['gemma', 'gemma2', 'gemma3', 'gemma3_text', 'gpt2', 'bert']);

/**
 * Parses a Hugging Face config.json object into a ModelArch (every expert counted; vision towers left out with a note).
 * @example parseHfConfig({ model_type: 'llama', hidden_size: 4096, ... }).ok //=> true
 */
export function parseHfConfig(raw: unknown, name?: string): HfConfigResult {
  if (!isObject(raw)) return { ok: false, errors: [{ field: 'config', code: 'not-object', message: 'A config.json must be a JSON object like {"model_type": "llama", ...}.' }] };
  const type = raw['model_type'];
  if (typeof type !== 'string') return { ok: false, errors: [{ field: 'model_type', code: 'missing', message: 'The config has no "model_type", so its architecture is unknown.' }] };
  if (!(HF_MODEL_TYPES as readonly string[]).includes(type)) {
    return { ok: false, errors: [{ field: 'model_type', code: 'unsupported', message: `model_type "${type.slice(0, 60)}" is not supported; supported: ${HF_MODEL_TYPES.join(', ')}.` }] };
  }
  const notes: string[] = [];
  // Gemma 3 multimodal checkpoints nest the language model under text_config (Gemma3Config in transformers).
  let cfg: Raw = raw;
  let prefix = '';
  if (type === 'gemma3') {
    const text = raw['text_config'];
    if (!isObject(text)) return { ok: false, errors: [{ field: 'text_config', code: 'missing', message: 'A gemma3 config needs a "text_config" object with the language model.' }] };
    cfg = text;
    prefix = 'text_config';
    if (raw['vision_config'] !== undefined) notes.push('config: the vision encoder (vision_config) is not counted; the estimate covers the language model');
  }
  const r = new Reader(cfg, prefix);
  const family = type as HfModelType;
  const gpt2 = family === 'gpt2';
  const gemma = family.startsWith('gemma');
  const layers = r.whole(gpt2 ? 'n_layer' : 'num_hidden_layers', undefined, 1, 1000);
  const hiddenSize = r.whole(gpt2 ? 'n_embd' : 'hidden_size', undefined, 1, 1_000_000);
  const heads = r.whole(gpt2 ? 'n_head' : 'num_attention_heads', undefined, 1, 10_000);
  // Gemma3TextConfig defaults vocab_size to 262,208; the 4B-27B checkpoints rely on it.
  const vocabDefault = family === 'gemma3' ? 262_208 : undefined;
  if (vocabDefault !== undefined && !r.has('vocab_size')) notes.push(`config: vocab_size not given: ${vocabDefault.toLocaleString('en-US')} (the Gemma 3 default)`);
  const vocabSize = r.whole('vocab_size', vocabDefault, 1, 10_000_000);
  const ffnDefault = gpt2 ? 4 * hiddenSize : undefined;
  const intermediateSize = r.whole(gpt2 ? 'n_inner' : 'intermediate_size', ffnDefault, 1, 10_000_000);
  const mlaFamily = family === 'deepseek_v2' || family === 'deepseek_v3';
  const kvHeads = gpt2 || family === 'gpt_neox' || family === 'bert' || mlaFamily ? heads : r.whole('num_key_value_heads', heads, 1, 10_000);
  const headDim = r.has('head_dim') ? r.whole('head_dim', undefined, 1, 100_000) : gemma && family !== 'gemma3' && family !== 'gemma3_text' ? 256 : hiddenSize / heads;
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  if (heads % kvHeads !== 0) return { ok: false, errors: [{ field: `${prefix ? prefix + '.' : ''}num_key_value_heads`, code: 'invalid', message: `"num_key_value_heads" (${kvHeads}) must divide "num_attention_heads" (${heads}).` }] };
  if (!Number.isInteger(headDim)) return { ok: false, errors: [{ field: `${prefix ? prefix + '.' : ''}head_dim`, code: 'missing', message: `"hidden_size" (${hiddenSize}) is not a multiple of "num_attention_heads" (${heads}), so the config must give "head_dim".` }] };

  const input: ModelArchInput = {
    id: 'hf-config',
    name: name ?? (typeof raw['_name_or_path'] === 'string' && raw['_name_or_path'] ? String(raw['_name_or_path']).slice(0, 100) : `${type} from config.json`),
    layers, hiddenSize, heads, kvHeads, headDim, intermediateSize, vocabSize,
    tiedEmbeddings: r.flag('tie_word_embeddings', raw['tie_word_embeddings'] === undefined ? TIED_BY_DEFAULT.has(family) : raw['tie_word_embeddings'] === true),
  };

  if (gpt2 || family === 'gpt_neox' || family === 'bert') {
    input.ffnKind = 'gelu';
    input.norm = 'layernorm';
    input.biases = 'all';
    if (gpt2) {
      input.learnedPositions = r.whole('n_positions', 1024, 1, 1_048_576);
      input.dropout = r.real('resid_pdrop', 0.1) > 0;
    } else if (family === 'bert') {
      input.learnedPositions = r.whole('max_position_embeddings', 512, 1, 1_048_576);
      input.encoder = true;
      input.dropout = r.real('hidden_dropout_prob', 0.1) > 0;
      const typeVocab = r.whole('type_vocab_size', 2, 0, 1000);
      if (typeVocab !== 2) notes.push(`config: type_vocab_size ${typeVocab} counted as 2 token types`);
    } else {
      input.dropout = r.real('hidden_dropout', r.real('hidden_dropout_prob', 0)) > 0;
    }
  }
  if (family === 'qwen2' || family === 'qwen2_moe') input.biases = 'qkv';
  if ((family === 'llama' || family === 'qwen3' || family === 'qwen3_moe') && r.flag('attention_bias', false)) input.biases = 'qkv';
  if (family === 'gemma2' || family === 'gemma3' || family === 'gemma3_text') input.normsPerLayer = 4;

  // Sliding-window attention: which layers use it.
  const window = r.has('sliding_window') ? r.whole('sliding_window', undefined, 1, 100_000_000) : null;
  const context = r.has('max_position_embeddings') ? r.whole('max_position_embeddings', undefined, 1, 100_000_000) : Infinity;
  const listed = slidingFractionFromLayerTypes(r, layers);
  if (family === 'gemma2') {
    input.slidingWindow = window ?? 4096;
    input.slidingWindowLayerFraction = listed ?? 0.5;
  } else if (family === 'gemma3' || family === 'gemma3_text') {
    const pattern = r.whole('sliding_window_pattern', 6, 1, 1000);
    input.slidingWindow = window ?? 4096;
    input.slidingWindowLayerFraction = listed ?? Math.floor(layers - Math.floor(layers / pattern)) / layers;
  } else if (family === 'qwen2' || family === 'qwen2_moe' || family === 'qwen3' || family === 'qwen3_moe') {
    if (r.flag('use_sliding_window', false) && window !== null) {
      input.slidingWindow = window;
      input.slidingWindowLayerFraction = listed ?? Math.max(0, layers - r.whole('max_window_layers', layers, 0, 1000)) / layers;
    }
  } else if ((family === 'mistral' || family === 'mixtral' || family === 'phi3') && window !== null && window < context) {
    input.slidingWindow = window;
    input.slidingWindowLayerFraction = listed ?? 1;
  }

  // Mixture of experts.
  if (family === 'mixtral') {
    input.experts = r.whole('num_local_experts', 8, 1, 100_000);
    input.expertsPerToken = r.whole('num_experts_per_tok', 2, 1, 100_000);
  } else if (family === 'qwen2_moe' || family === 'qwen3_moe') {
    input.experts = r.whole('num_experts', undefined, 1, 100_000);
    input.expertsPerToken = r.whole('num_experts_per_tok', undefined, 1, 100_000);
    input.moeIntermediateSize = r.whole('moe_intermediate_size', undefined, 1, 10_000_000);
    const step = r.whole('decoder_sparse_step', 1, 1, 1000);
    const mlpOnly = r.raw('mlp_only_layers');
    const denseSet = new Set(Array.isArray(mlpOnly) ? mlpOnly.filter((n): n is number => typeof n === 'number') : []);
    for (let i = 0; i < layers; i++) if ((i + 1) % step !== 0) denseSet.add(i);
    input.denseLayers = denseSet.size;
    if (family === 'qwen2_moe') {
      // Qwen2-MoE's shared expert is one FFN of shared_expert_intermediate_size; counted as that many expert widths.
      const shared = r.whole('shared_expert_intermediate_size', 0, 0, 10_000_000);
      if (shared > 0) {
        const moe = input.moeIntermediateSize;
        input.sharedExperts = Math.round(shared / moe);
        if (shared % moe !== 0) notes.push(`config: shared expert of width ${shared} counted as ${input.sharedExperts} experts of width ${moe}`);
      }
    }
  } else if (mlaFamily) {
    const routed = r.has('n_routed_experts') ? r.whole('n_routed_experts', undefined, 1, 100_000) : 1;
    if (routed > 1) {
      input.experts = routed;
      input.expertsPerToken = r.whole('num_experts_per_tok', undefined, 1, 100_000);
      input.sharedExperts = r.whole('n_shared_experts', 0, 0, 100_000);
      input.moeIntermediateSize = r.whole('moe_intermediate_size', undefined, 1, 10_000_000);
      input.denseLayers = r.whole('first_k_dense_replace', 0, 0, 1000);
      if (r.whole('moe_layer_freq', 1, 1, 1000) !== 1) notes.push('config: moe_layer_freq above 1 read as every layer after the dense ones being MoE');
    }
    const qLora = r.raw('q_lora_rank');
    const nope = r.whole('qk_nope_head_dim', undefined, 1, 100_000);
    const rope = r.whole('qk_rope_head_dim', undefined, 1, 100_000);
    input.mla = {
      qLoraRank: qLora === null || qLora === undefined ? 0 : r.whole('q_lora_rank', undefined, 1, 1_000_000),
      kvLoraRank: r.whole('kv_lora_rank', undefined, 1, 1_000_000),
      qkNopeHeadDim: nope,
      qkRopeHeadDim: rope,
      vHeadDim: r.whole('v_head_dim', undefined, 1, 100_000),
    };
    input.headDim = nope + rope;
    if (family === 'deepseek_v3' && r.whole('num_nextn_predict_layers', 0, 0, 100) > 0) notes.push('config: the multi-token-prediction module is not counted (inference and fine-tuning skip it)');
  }
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  if ((input.expertsPerToken ?? 1) > (input.experts ?? 1)) {
    return { ok: false, errors: [{ field: `${prefix ? prefix + '.' : ''}num_experts_per_tok`, code: 'invalid', message: `"num_experts_per_tok" (${input.expertsPerToken}) must be at most the number of experts (${input.experts}).` }] };
  }
  return { ok: true, model: defineModel(input, null, `Hugging Face config.json (model_type ${type})`), notes };
}
