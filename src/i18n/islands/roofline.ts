/** Words of the roofline explorer (Roofline chapter). */
export const en = {
  /** Accessible name of the explorer region. */
  title: 'Roofline explorer',
  /** Label of the n-th card select; placeholder {n}. */
  cardLabel: 'Card {n}',
  /** Label of an optional card select; placeholder {n}. */
  optionalCardLabel: 'Card {n} (optional)',
  none: '— none —',
  formatLabel: 'Number format',
  formatNames: { fp32: 'FP32', tf32: 'TF32', fp16: 'FP16 (FP32 accumulate)', bf16: 'BF16', fp8: 'FP8', int8: 'INT8' },
  mLabel: 'm (rows of A: tokens)',
  nLabel: 'n (columns of B: output features)',
  kLabel: 'k (inner dimension: input features)',
  mHint: 'A whole number from 1 to {max}.',
  nHint: 'A whole number from 1 to {max}.',
  kHint: 'A whole number from 1 to {max}.',
  presetsLabel: 'Try a shape:',
  presetDecode: 'Decode GEMV (m = 1)',
  presetSmallBatch: 'Small batch (m = 64)',
  presetTraining: 'Training GEMM (m = {m})',
  /** Summary of the matmul; placeholders {m}, {n}, {k}, {flops}, {bytes}, {intensity}. */
  shapeSummary: 'C[{m} × {n}] = A[{m} × {k}] · B[{k} × {n}]: {flops} operations, at least {bytes} moved, so an arithmetic intensity of {intensity} per byte.',
  /** Verdict per card; placeholders {name}, {format}, {intensity}, {ridge}, {attainable}, {unit}, {time}, {percent}. */
  computeBound: '{name}, {format}: compute-bound. The intensity {intensity} is above the ridge point {ridge}, so the card can reach its peak of {attainable} {unit}; the multiply takes at least {time}.',
  memoryBound: '{name}, {format}: memory-bound. The intensity {intensity} is below the ridge point {ridge}, so memory bandwidth caps it at {attainable} {unit} ({percent} of peak); the multiply takes at least {time}.',
  /** Added when a slower path stands in; placeholder {column}. */
  fallback: ' This card has no tensor path for the format; its {column} figure stands in.',
  /** The card lacks the format; placeholders {name}, {format}. */
  noFormat: '{name} cannot run {format} matrix multiplies in hardware (its specification lists no {format} figure). Choose another format or card.',
  chartLabel: 'Roofline chart, both axes logarithmic',
  xAxis: 'Arithmetic intensity (operations per byte)',
  /** Placeholder {unit}. */
  yAxis: 'Attainable throughput ({unit})',
  /** Legend entry; placeholders {n}, {name}, {line}, {mark}. */
  legendItem: 'Card {n}: {name}, {line} line, {mark} mark',
  lineStyles: ['solid', 'dashed', 'dotted'],
  markNames: ['circle', 'square', 'triangle'],
  tableCaption: 'Where the matmul lands on each card',
  cardHeader: 'Card',
  boundHeader: 'Limited by',
  intensityHeader: 'Intensity (op/byte)',
  ridgeHeader: 'Ridge point (op/byte)',
  attainableHeader: 'Attainable',
  timeHeader: 'Minimum time',
  boundWords: { 'compute-bound': 'compute', 'memory-bound': 'memory bandwidth' },
  notAvailable: 'format not supported',
  errors: {
    empty: 'Enter a whole number.',
    /** Placeholder {token}. */
    notInteger: '“{token}” is not a whole number. Use digits only, e.g. 4096.',
    tooSmall: 'Must be at least 1.',
    /** Placeholder {max}. */
    tooLarge: 'Must be at most {max}.',
    /** Placeholder {id}. */
    unknownCard: 'No card has the id “{id}”. Choose one from the list.',
    unknownFormat: 'Choose a number format from the list.',
  },
};

/** The shape of these words in every locale: the English table's own type. */
export type RooflineWords = typeof en;
