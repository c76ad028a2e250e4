/** Words of the fine-tuning comparison on the Fine-tuning chapter. */
export const en = {
  /** Accessible name of the calculator region. */
  title: 'Fine-tuning methods side by side',
  topLabel: 'Top blocks to train (k)',
  topHint: 'Used by the “top k blocks” column',
  tokensLabel: 'Training tokens (millions)',
  tokensHint: 'Dataset tokens × epochs',
  /** Column names by method. */
  methods: { full: 'Full fine-tune', top: 'Top k blocks', lora: 'LoRA', qlora: 'QLoRA' },
  /** Placeholder {k}. */
  topMethod: 'Top {k} blocks',
  parts: { weightsBytes: 'Weights', gradientsBytes: 'Gradients', optimizerBytes: 'Optimizer states', activationsBytes: 'Activations', kvCacheBytes: 'KV cache', overheadBytes: 'CUDA context and slack' },
  tableCaption: 'Memory (GiB), speed and time of each method on the chosen card',
  methodHeader: 'Method',
  trainableRow: 'Trainable parameters (millions)',
  totalRow: 'Total memory',
  verdictRow: 'Fits the card?',
  speedRow: 'Training tokens per second',
  timeRow: 'Time (hours)',
  /** Words for each verdict of the estimator. */
  verdicts: {
    fits: '✓ fits',
    tight: '≈ tight',
    offload: '↷ only with offload',
    unsupported: '✗ format unsupported',
    'does-not-fit': '✗ does not fit',
  },
  /** Bar summary; placeholders {method}, {total}, {capacity}, {card}. */
  barSummary: '{method}: {total} against {capacity} on the {card}.',
  /** Placeholders {card}, {capacity}. */
  capacityLine: '{card}: {capacity}',
};

/** The shape of these words in every locale: the English table's own type. */
export type FineTuneMethodsWords = typeof en;
