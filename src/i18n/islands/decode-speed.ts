/** Words of the decode-speed calculator (Inference chapter). */
export const en = {
  /** Accessible name of the calculator region. */
  title: 'Decode speed calculator',
  formatLabel: 'Weight format',
  /** Placeholder {engine}: the engine family the estimator assumes for the format. */
  formatHint: 'Estimated as served by {engine}.',
  contextLabel: 'Context (tokens in the KV cache)',
  /** Placeholder {tokens}. */
  contextValue: '{tokens} tokens',
  batchLabel: 'Batch (sequences decoded together)',
  /** Placeholder {batch}. */
  batchValue: '{batch} at a time',
  cardsLegend: 'Cards to compare',
  cardsHint: 'Tick one or more.',
  tableCaption: 'Decode speed per card: time of each term of one step in milliseconds; the largest sets the speed.',
  cardHeader: 'Card',
  memoryHeader: 'Memory needed',
  perUserHeader: 'Tokens/s per user',
  totalHeader: 'Tokens/s, whole batch',
  weightsHeader: 'Read weights (ms)',
  kvHeader: 'Read KV cache (ms)',
  computeHeader: 'Compute (ms)',
  overheadHeader: 'Per-step overhead (ms)',
  limitHeader: 'Bound by',
  /** Placeholders {need}, {capacity}. */
  fitsCell: '{need} of {capacity} GiB',
  /** Placeholders {need}, {capacity}. */
  noFitCell: 'does not fit: {need} of {capacity} GiB',
  /** Shown instead of a speed when the model does not fit. */
  noSpeed: 'n/a',
  /** Marks the limiting term's cell in words (so colour is not the only signal). */
  limitMark: '(limit)',
  limits: { weights: 'reading the weights', 'kv-cache': 'reading the KV cache', compute: 'compute', overhead: 'per-step overhead' },
  /** Placeholders {card}, {perUser}, {total}, {limit}: one sentence under the table for the first card that fits. */
  summary: 'On the {card}, each user sees about {perUser} tokens/s and the card produces {total} tokens/s in all; the step is bound by {limit}.',
  /** When no chosen card fits. */
  summaryNone: 'The model does not fit on any of the chosen cards at this context and batch.',
};

/** The shape of these words in every locale: the English table's own type. */
export type DecodeSpeedWords = typeof en;
