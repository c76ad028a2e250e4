import type { Verdict } from '../../lib/scenario/vocabulary.ts';

/** Words of the parallelism calculator on the Training at cluster scale chapter. */
export const en = {
  /** Accessible name of the calculator region. */
  title: 'Parallelism calculator: memory per card and communication per step',
  modelLabel: 'Model',
  workloadLabel: 'Workload',
  cardLabel: 'Card',
  /** Card option for a card whose name lacks its memory; placeholders {name} and {memory}. */
  cardOption: '{name} ({memory} GB)',
  countLabel: 'Number of cards',
  countHint: '1 to 64 cards of this type',
  zeroLabel: 'Data-parallel strategy',
  tpLabel: 'Tensor-parallel degree',
  tpHint: 'Cards that split every layer; must divide the attention heads',
  ppLabel: 'Pipeline stages',
  ppHint: 'Cards that each hold a slice of the layers',
  offloadLabel: 'CPU offload',
  batchLabel: 'Batch size per replica',
  batchHint: 'Sequences per step on each data-parallel replica',
  seqLabel: 'Sequence length (tokens)',
  seqHint: 'Tokens per training sequence',
  /** What the calculator holds fixed, in words. */
  assumptions: 'Held fixed: BF16 mixed precision with an FP32 master copy, AdamW and FlashAttention. Memory is per card.',
  /** The layout in words; placeholders {dp}, {tp}, {pp}, {count}. */
  layout: '{dp} data-parallel × {tp} tensor-parallel × {pp} pipeline = {count} cards',
  /** Display names of the memory parts, by result field. */
  parts: { weightsBytes: 'Weights', gradientsBytes: 'Gradients', optimizerBytes: 'Optimizer states', activationsBytes: 'Activations', overheadBytes: 'CUDA context and allocator slack' },
  /** Verdict sentences by verdict; placeholders {total}, {capacity}, {card}, {free}, {short}, {reason}. */
  verdicts: {
    fits: 'Fits: each {card} needs {total} of its {capacity}, leaving {free} free.',
    tight: '≈ Tight: {total} per card against the {capacity} on the {card}; the {free} to spare is inside the estimate’s error.',
    offload: '⇄ Runs only with offload: {total} per card on the {card}; it {reason}.',
    unsupported: '✗ Cannot run: the {reason}.',
    'does-not-fit': 'Does not fit: each {card} would need {total} but has {capacity}, {short} short.',
  } satisfies Record<Verdict, string>,
  /** Chart summary; placeholders {total}, {capacity}, {card}. */
  chartSummary: 'Memory per card: {total} against the {card}’s {capacity}.',
  /** Label of the capacity line; placeholders {card}, {capacity}. */
  capacityLine: '{card}: {capacity}',
  /** Legend entry; placeholders {part}, {value}. */
  legendEntry: '{part}: {value}',
  tableCaption: 'Memory on each card, in GiB',
  partHeader: 'Part',
  gibHeader: 'GiB',
  totalRow: 'Total (what each card must have)',
  commHeading: 'Communication per training step',
  commBytesLabel: 'Sent by each card',
  commTimeLabel: 'Time on the link',
  linkLabel: 'Link',
  /** Bytes and seconds; placeholders {bytes} (GB), {seconds}. */
  commBytes: '{bytes} GB',
  commTime: '{seconds} s',
  /** When nothing crosses a link. */
  commNone: 'One card and no offload: nothing crosses a link.',
  commNote: 'Gradient all-reduce, ZeRO-3 parameter gathers, tensor- and pipeline-parallel activations, and CPU offload traffic over PCIe. Part of the data-parallel traffic hides behind the backward pass.',
  throughputLabel: 'Training speed, whole job',
  /** Placeholder {value}. */
  throughput: '{value} tokens/s',
  fewestLabel: 'Fewest cards that fit',
  /** Placeholders {count}, {layout}. */
  fewest: '{count} cards with this strategy ({layout}), adding one data-parallel replica at a time',
  /** Placeholder {max}. */
  fewestNone: 'No count up to {max} cards fits with this strategy.',
  /** The estimator's own search (ZeRO-3 over power-of-two counts); placeholder {count}. */
  fewestZero3: 'In powers of two only (ZeRO-3 on 1, 2, 4, 8… cards, the counts the Parallelism chapter and the planner try): {count}.',
  /** Placeholder {max}. */
  fewestZero3None: 'The estimator’s own search (ZeRO-3) finds no count up to {max} cards.',
  /** Heading of the cluster fields. */
  clusterInputs: 'Cluster: batch, recomputation, schedule and links',
  accumLabel: 'Gradient accumulation',
  accumHint: 'Micro-batches per optimizer step; gradients are synchronised once per step',
  ckptLabel: 'Full recomputation',
  selCkptLabel: 'Selective recomputation',
  selCkptHint: 'Used when full recomputation is off',
  schedLabel: 'Pipeline schedule',
  cpLabel: 'Context-parallel degree',
  cpHint: 'Cards that split each sequence',
  spLabel: 'Sequence parallelism',
  spHint: 'Splits norm and dropout activations too',
  perNodeLabel: 'Cards per node',
  perNodeHint: 'Empty: up to 8',
  intraLabel: 'Link inside a node',
  netLabel: 'Network per card (Gb/s)',
  netHint: 'Empty: 400 (Hopper) or 200 (Ampere)',
  boardLabel: 'Board variant',
  attnLabel: 'Attention kernel',
  attnHint: 'The fused attention kernel the framework runs: Triton FlashAttention is slower than FlashAttention-2, FlashAttention-3 is faster on Hopper only (factors on the methodology page).',
  mfuLabel: 'Utilisation',
  /** Placeholders {mfu}, {hfu}. */
  mfu: '{mfu} MFU, {hfu} HFU',
  stepLabel: 'One optimizer step',
  /** Placeholders {step}, {compute}, {bubble}, {exposed} (seconds). */
  step: '{step} s: {compute} s computing, {bubble} s pipeline bubble, {exposed} s of communication not hidden',
  globalBatchLabel: 'Global batch',
  /** Placeholders {sequences}, {tokens}. */
  globalBatch: '{sequences} sequences ({tokens} tokens)',
  stagesLabel: 'Pipeline stages',
  /** Placeholders {first}, {last}, {peak}. */
  stages: 'first stage {first}, last stage {last}; the {peak} holds the most',
  stageNames: { first: 'first stage', last: 'last stage' },

};

/** The shape of these words in every locale: the English table's own type. */
export type ParallelismWords = typeof en;
