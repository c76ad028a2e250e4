/**
 * The estimator's vocabulary: model architectures, workloads, scenarios, cards and results.
 * Types only (no runtime code), so every page, island, test and the CLI can share them.
 */
import type { GpuPeaks } from './estimator/peaks.ts';
import type { VerdictWhy } from './estimator/verdict.ts';
import type { PipelineSchedule } from './cluster/pipeline.ts';
import type { SelectiveCheckpointing } from './cluster/recompute.ts';
import type { BoardVariant, IntraNodeLink } from './cluster/topology.ts';
import type { AttentionKernel, Engine, Framework, KvCacheFormat, LoraTarget, OffloadMode, OptimizerName, TrainingPrecision, Verdict, WeightsFormatName, Workload, ZeroStage } from './scenario/vocabulary.ts';

export type { Engine, Framework, KvCacheFormat, LoraTarget, OffloadMode, OptimizerName, TrainingPrecision, Verdict, WeightsFormatName, Workload, ZeroStage };

/** Feed-forward block kind: `gated` (SwiGLU/GeGLU, three matrices), `gelu` or `relu` (two matrices). */
export type FfnKind = 'gated' | 'gelu' | 'relu';

/** Normalisation layer kind; RMSNorm implementations upcast their input to fp32 and keep it for backward. */
export type NormKind = 'rmsnorm' | 'layernorm';

/** Which projections carry bias vectors: none (Llama), q/k/v only (Qwen2), or every linear layer (GPT-2, BERT). */
export type BiasKind = 'none' | 'qkv' | 'all';

/** Multi-head latent attention (DeepSeek-V2/V3): low-rank query and key-value compression. */
export interface MlaConfig {
  /** Rank of the query down-projection (q_lora_rank). */
  qLoraRank: number;
  /** Rank of the joint key-value compression (kv_lora_rank); the KV cache stores this latent per token. */
  kvLoraRank: number;
  /** Per-head query/key dimension without rotary position (qk_nope_head_dim). */
  qkNopeHeadDim: number;
  /** Per-head decoupled rotary dimension (qk_rope_head_dim), shared by all heads in the cache. */
  qkRopeHeadDim: number;
  /** Per-head value dimension (v_head_dim). */
  vHeadDim: number;
}

/** A transformer architecture, complete enough to count parameters, FLOPs and memory. */
export interface ModelArch {
  /** Stable id (kebab case), e.g. "llama-2-7b"; "custom" for a reader's own architecture. */
  id: string;
  /** Display name. */
  name: string;
  /** Transformer blocks. */
  layers: number;
  /** Model (residual stream) width. */
  hiddenSize: number;
  /** Query heads. */
  heads: number;
  /** Key-value heads (fewer than `heads` under grouped-query attention). */
  kvHeads: number;
  /** Per-head dimension (hiddenSize / heads unless the model says otherwise). */
  headDim: number;
  /** Feed-forward inner width of a dense layer. */
  intermediateSize: number;
  /** Feed-forward kind. */
  ffnKind: FfnKind;
  /** Vocabulary size. */
  vocabSize: number;
  /** Whether the output projection shares the input embedding matrix. */
  tiedEmbeddings: boolean;
  /** Routed experts per MoE layer (1 for a dense model). */
  experts: number;
  /** Routed experts each token uses. */
  expertsPerToken: number;
  /** Always-on shared experts per MoE layer (DeepSeek). */
  sharedExperts: number;
  /** Inner width of one expert (equals intermediateSize unless the model says otherwise). */
  moeIntermediateSize: number;
  /** Leading layers that stay dense in an MoE model (DeepSeek-V3: 3). */
  denseLayers: number;
  /** Sliding-window length of local-attention layers; null when every layer attends globally. */
  slidingWindow: number | null;
  /** Fraction of layers that use the sliding window (Gemma 2: 0.5; Mistral 7B v0.1: 1). */
  slidingWindowLayerFraction: number;
  /** Multi-head latent attention, or null for ordinary (grouped-query) attention. */
  mla: MlaConfig | null;
  /** Learned absolute position embeddings (GPT-2, BERT): their count; 0 for rotary models. */
  learnedPositions: number;
  /** Normalisation kind. */
  norm: NormKind;
  /** Norm layers per block (2 pre-norms; Gemma 2 adds two post-norms: 4). */
  normsPerLayer: number;
  /** Which linear layers carry biases. */
  biases: BiasKind;
  /** Bidirectional encoder with token-type embeddings and a pooler (BERT). */
  encoder: boolean;
  /** Whether training applies dropout (GPT-2, BERT), which stores masks (Korthikanti et al. 2022, §4.1). */
  dropout: boolean;
  /** Total parameter count the authors publish, for checking the derived count; null for custom models. */
  publishedParams: number | null;
  /** Parameters active per token that the authors publish (MoE only); null otherwise. */
  publishedActiveParams: number | null;
  /** Where the architecture numbers come from. */
  source: string;
}

/** Weight storage: a named format, or GGUF-style bits per weight averaged over the whole file. */
export type WeightsFormat = { kind: 'named'; name: WeightsFormatName } | { kind: 'bits'; bitsPerWeight: number; label: string };

/** The columns of a card the estimator reads; a validated GpuRecord satisfies it, and so does a custom card. */
export interface GpuSpec extends GpuPeaks {
  /** Card id ("custom" for a reader's card). */
  id: string;
  /** Display name. */
  name: string;
  /** Memory capacity in GB as marketed (binary: GB = GiB). */
  memoryGB: number;
  /** Board power in watts. */
  boardPowerW: number;
  /** Launch price in US dollars, or null. */
  launchPriceUsd: number | null;
  /** PCIe generation of the host link. */
  pcieGen: number;
  /** PCIe lanes of the host link. */
  pcieLanes: number;
  /** NVLink, or null. */
  nvlink: { bandwidthGBs: number; convention: 'per-direction' | 'bidirectional'; maxCards: number } | null;
  /** Form factor; PCIe boards run power-capped below boost under dense matmul load. */
  formFactor: 'pcie' | 'sxm' | 'mezzanine';
}

/** A scenario after validation, with every default filled in. */
export interface Scenario {
  /** The architecture. */
  model: ModelArch;
  /** The workload. */
  workload: Workload;
  /** Weight storage format of the (base) model. */
  weightsFormat: WeightsFormat;
  /** Serving engine of an inference run (defaulted from the weights format); sets per-step overheads and kernels. */
  engine: Engine;
  /** Fine-tuning framework of a training run (default transformers); sets recipe defaults, utilisation and 4-bit handling. */
  framework: Framework;
  /** Whether the training step is compiled with torch.compile (fused pointwise kernels; fewer saved activations). */
  compile: boolean;
  /** Training arithmetic (ignored for inference). */
  trainingPrecision: TrainingPrecision;
  /** Optimizer (ignored for inference). */
  optimizer: OptimizerName;
  /** Sequences per step (per data-parallel rank) or concurrent inference requests. */
  batchSize: number;
  /** Training sequence length in tokens. */
  seqLen: number;
  /** Full activation recomputation (checkpoint every block). */
  gradientCheckpointing: boolean;
  /** Fused attention that never stores the s x s score matrix (FlashAttention, PyTorch SDPA). */
  flashAttention: boolean;
  /** Which fused attention kernel runs when flashAttention is on: sets attention's speed in the multi-card step model. */
  attentionKernel: AttentionKernel;
  /** Full fine-tuning of only the top k transformer blocks (plus final norm and untied head); null trains every block. */
  trainableTopLayers: number | null;
  /** LoRA rank and targets (used by lora and qlora). */
  lora: { rank: number; targets: LoraTarget[] };
  /** NF4 double quantization of the block scales (QLoRA §3). */
  doubleQuant: boolean;
  /** Optimizer states in CUDA unified memory that can page out to CPU (bitsandbytes paged optimizers). */
  pagedOptimizer: boolean;
  /** Optimizer step fused into backward, freeing each gradient as soon as it is used (torchtune optimizer_in_bwd). */
  optimizerInBackward: boolean;
  /** Saved activations offloaded to CPU memory (torchtune enable_activation_offloading). */
  activationOffload: boolean;
  /** Cross-entropy computed over vocabulary chunks so the fp32 logits never exist whole (torchtune CEWithChunkedOutputLoss). */
  chunkedCrossEntropy: boolean;
  /** KV cache format. */
  kvCacheFormat: KvCacheFormat;
  /** Prompt tokens per request (inference). */
  promptTokens: number;
  /** Generated tokens per request (inference). */
  outputTokens: number;
  /** Cards in the job. */
  gpuCount: number;
  /** ZeRO stage 0 (plain DDP) to 3. */
  zeroStage: ZeroStage;
  /** Tensor-parallel degree. */
  tensorParallel: number;
  /** Pipeline-parallel degree. */
  pipelineParallel: number;
  /** CPU offload of ZeRO partitions. */
  offload: OffloadMode;
  /** Training token budget. */
  trainTokens: number;
  /** Model-FLOPs utilisation override (fraction of dense peak); null to use the sourced default. */
  mfu: number | null;
  /** Rental price per card-hour in US dollars; null to amortise the purchase price. */
  hourlyUsd: number | null;
  /** Electricity price per kWh in US dollars. */
  electricityUsdPerKWh: number;
  /** Years over which a bought card is written off. */
  amortisationYears: number;
  /** Hours a week an owned card is busy (168: around the clock); fewer busy hours carry more of its price each. */
  busyHoursPerWeek: number;
  /** Cards per node; null for min(cards, 8). */
  gpusPerNode: number | null;
  /** Link between the cards of a node. */
  intraNodeLink: IntraNodeLink;
  /** Network bandwidth per card between nodes in Gb/s; null for the card's default (400 Gb/s Hopper, 200 Gb/s Ampere SXM). */
  interNodeGbps: number | null;
  /** Micro-batches accumulated per optimizer step (global batch = batchSize x this x data-parallel degree). */
  gradAccumulation: number;
  /** Pipeline schedule. */
  pipelineSchedule: PipelineSchedule;
  /** Layer chunks per card under the interleaved schedule. */
  virtualStages: number;
  /** Selective activation recomputation (full recomputation is gradientCheckpointing). */
  selectiveCheckpointing: SelectiveCheckpointing;
  /** k of "checkpoint every k-th block". */
  checkpointEveryLayers: number;
  /** Context-parallel degree: cards that split each sequence. */
  contextParallel: number;
  /** Megatron sequence parallelism alongside tensor parallelism (shards norms and dropout by t). */
  sequenceParallel: boolean;
  /** Board variant (e.g. a power-capped H100). */
  boardVariant: BoardVariant;
  /** The defaults the validator chose, in words. */
  assumptions: string[];
}

/** The derivation of one number: its formula, the values put in, and where the formula comes from. */
export interface ExplainTerm {
  /** The value, in `unit`. */
  value: number;
  /** Unit of `value` (bytes, FLOP, tokens/s, s, kWh, USD). */
  unit: string;
  /** The formula in words and symbols. */
  formula: string;
  /** Values substituted into the formula. */
  inputs: Record<string, number | string | boolean>;
  /** Paper and section, or documentation page. */
  source: string;
}

/** Per-card memory, split by what holds it. */
export interface MemoryBreakdown {
  /** Model weights (base model plus adapters), per card. */
  weightsBytes: number;
  /** Gradients of trainable parameters (plus DDP bucket copies), per card. */
  gradientsBytes: number;
  /** Optimizer states including an fp32 master copy in mixed precision, per card. */
  optimizerBytes: number;
  /** Saved activations, logits and working buffers at the peak, per card. */
  activationsBytes: number;
  /** Key-value cache, per card. */
  kvCacheBytes: number;
  /** CUDA context plus caching-allocator slack, per card. */
  overheadBytes: number;
  /** Tensors only: comparable to torch.cuda.max_memory_allocated(). */
  allocatedBytes: number;
  /** What the card must have: comparable to nvidia-smi. */
  totalBytes: number;
}

/** The result of one estimate; every number is finite. */
export interface Estimate {
  /** The card it ran on. */
  gpu: { id: string; name: string; memoryBytes: number };
  /** The model. */
  model: { id: string; name: string };
  /** The workload. */
  workload: Workload;
  /** Parameter counts. */
  params: { total: number; trainable: number; activePerToken: number };
  /** Per-card memory. */
  memory: MemoryBreakdown;
  /** Whether totalBytes fits the card (paged optimizer states may spill to CPU). */
  fits: boolean;
  /** What the estimator concludes: fits, tight, offload, unsupported or does-not-fit. */
  verdict: Verdict;
  /** The verdict's reason in one English sentence. */
  verdictReason: string;
  /** The verdict's reason as a code and its values, for pages to word in their own language. */
  verdictWhy: VerdictWhy;
  /** Throughputs for the whole job (all cards). */
  throughput: { prefillTokensPerSecond: number; decodeTokensPerSecond: number; trainTokensPerSecond: number };
  /** Training FLOPs per token (forward + backward, plus recompute), or forward FLOPs per token for inference. */
  flopsPerToken: number;
  /** Training time for the token budget, or the time to serve one batch of requests. */
  timeSeconds: number;
  /** Energy over timeSeconds for every card. */
  energyKWh: number;
  /** Cost over timeSeconds: rental, or amortised purchase plus electricity. */
  costUsd: number;
  /** Communication per training step per card. */
  communication: { bytesPerStep: number; timeSecondsPerStep: number; link: string };
  /** Defaults chosen, in words. */
  assumptions: string[];
  /** Derivation of each number, keyed by result path. */
  explain: Record<string, ExplainTerm>;
}
