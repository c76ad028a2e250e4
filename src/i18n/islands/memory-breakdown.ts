import type { Verdict } from '../../lib/scenario/vocabulary.ts';

/** Words of the memory-breakdown calculator on the Will it fit? chapter. */
export const en = {
  /** Accessible name of the calculator region. */
  title: 'GPU memory breakdown calculator',
  modelLabel: 'Model',
  workloadLabel: 'Workload',
  weightsLabel: 'Weights format',
  precisionLabel: 'Training precision',
  engineLabel: 'Serving engine',
  frameworkLabel: 'Fine-tuning framework',
  /** Hint under the framework select. */
  frameworkHint: 'Its recipe defaults fill the fields you leave out',
  optimizerLabel: 'Optimizer',
  batchLabel: 'Batch size',
  batchHint: 'Sequences per step, or concurrent requests for inference',
  seqLabel: 'Sequence length (tokens)',
  seqHint: 'Tokens per training sequence',
  /** Sequence hint for inference; the sequence is the whole context held in the KV cache. */
  seqHintInference: 'Context held in the KV cache: prompt plus generated tokens',
  checkpointingLabel: 'Gradient checkpointing',
  flashLabel: 'FlashAttention',
  rankLabel: 'LoRA rank',
  rankHint: 'Adapters on every linear layer',
  cardLabel: 'Card',
  /** Card option and list entry for a card whose name lacks its memory; placeholders {name} and {memory}. */
  cardOption: '{name} ({memory} GB)',
  /** Hint beside inputs the workload ignores. */
  unusedHint: 'Not used by this workload',
  /** Display names of the memory parts, by result field. */
  parts: {
    weightsBytes: 'Weights',
    gradientsBytes: 'Gradients',
    optimizerBytes: 'Optimizer states',
    activationsBytes: 'Activations',
    kvCacheBytes: 'KV cache',
    overheadBytes: 'CUDA context and slack',
  },
  /** Verdict sentences by verdict; placeholders {total}, {capacity}, {card}, {free}, {short}, {reason}. */
  verdicts: {
    fits: '✓ Fits: needs {total} of the {capacity} on the {card}, {free} to spare.',
    tight: '≈ Tight: needs {total} of the {capacity} on the {card}; the {free} to spare is inside the estimate’s error, so it may not fit.',
    offload: '⇄ Runs only with offload: needs {total} against the {capacity} on the {card}; it {reason}.',
    unsupported: '✗ Cannot run: the {reason}.',
    'does-not-fit': '✗ Does not fit: needs {total}, but the {card} has {capacity} ({short} short).',
  } satisfies Record<Verdict, string>,
  /** Chart summary; placeholders {total}, {capacity}, {card}. */
  chartSummary: 'Memory needed: {total} against {capacity} on the {card}.',
  /** Label of the capacity line; placeholders {card}, {capacity}. */
  capacityLine: '{card}: {capacity}',
  /** Legend entry; placeholders {part}, {value}. */
  legendEntry: '{part}: {value}',
  tableCaption: 'Memory per part, in GiB',
  partHeader: 'Part',
  gibHeader: 'GiB',
  shareHeader: 'Share',
  allocatedRow: 'Tensors (what PyTorch reports as allocated)',
  totalRow: 'Total (what the card must have)',
  /** Heading of the list of cards; placeholders {count}, {all}. */
  fitsOnHeading: 'Fits on {count} of {all} cards:',
  fitsOnNone: 'No single card on this site holds it: shrink the job or split it across cards.',
};

/** The shape of these words in every locale: the English table's own type. */
export type MemoryBreakdownWords = typeof en;
