/**
 * Every word an island shows, one typed table per locale. Adding a language means adding one object that satisfies
 * `IslandStrings`; the compiler lists anything missing. Pages pick the table with `islandStrings(locale)` and pass it as a prop,
 * so every entry is plain text (props must serialise): placeholders such as `{token}` are filled with `fill()`.
 */

/**
 * Replaces `{name}` placeholders with values.
 * @example fill('{n} elements', { n: '12' }) //=> '12 elements'
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/** Words shared by every island. */
export interface CommonStrings {
  /** Button that copies a link reproducing the current inputs. */
  copyLink: string;
  /** Shown briefly after the link was copied. */
  copied: string;
  /** Shown when the clipboard is not available. */
  copyFailed: string;
  /** Button that restores the default inputs. */
  reset: string;
  /** Prefix for a message that the result shown is the last valid one. */
  keptLastGood: string;
}

/** Words of the tensor-size calculator. */
export interface TensorSizeStrings {
  /** Accessible name of the calculator region. */
  title: string;
  shapeLabel: string;
  shapeHint: string;
  formatLabel: string;
  rankLabel: string;
  elementsLabel: string;
  bytesLabel: string;
  stridesLabel: string;
  /** Explains the bytes row; placeholders {elements} and {bytesPerValue}. */
  bytesFormula: string;
  errors: {
    empty: string;
    /** Placeholder {token}. */
    notInteger: string;
    /** Placeholder {token}. */
    notPositive: string;
    /** Placeholders {rank} and {max}. */
    tooManyDims: string;
    tooLarge: string;
    unknownFormat: string;
  };
}

/** Words of the number-format explorer. */
export interface NumberFormatsStrings {
  /** Accessible name of the explorer region. */
  title: string;
  valueLabel: string;
  valueHint: string;
  /** Caption of the per-format table; placeholder {value}. */
  tableCaption: string;
  formatHeader: string;
  bitsHeader: string;
  storedHeader: string;
  errorHeader: string;
  noteHeader: string;
  /** Text labels under the bit groups. */
  signCaption: string;
  exponentCaption: string;
  mantissaCaption: string;
  /** Shown for an exact result. */
  exact: string;
  /** Notes per rounding category; {max} is the format's largest finite value. */
  notes: { subnormal: string; zero: string; underflow: string; overflowInf: string; overflowNan: string; overflowSaturate: string };
  /** Stored-value words for non-finite codes. */
  infinity: string;
  nanCode: string;
  lossTitle: string;
  gradientLabel: string;
  gradientHint: string;
  scaleLabel: string;
  scaleHint: string;
  unscaledLabel: string;
  scaledLabel: string;
  recoveredLabel: string;
  /** Verdicts; placeholders {scale}, {error}, {max}, {minSub}. */
  verdictLost: string;
  verdictKept: string;
  verdictRecovered: string;
  verdictStillLost: string;
  verdictOverflow: string;
  errors: { empty: string; notANumber: string; outOfRange: string; notPositive: string };
}

/** Words of the Tensor Core throughput chart. */
export interface TensorThroughputStrings {
  /** Accessible name of the chart region. */
  title: string;
  formatLabel: string;
  seriesLabel: string;
  allSeries: string;
  /** Product family names by series id. */
  seriesNames: Record<string, string>;
  /** Format names by tensor format id. */
  formatNames: Record<string, string>;
  /** Chart summary; placeholders {format}, {count}, {first}, {value}, {unit}. */
  summary: string;
  /** Shown when no card in the chosen series supports the format; placeholder {format}. */
  noneSupported: string;
  legendDense: string;
  legendSparse: string;
  /** Bar label; placeholders {dense}, {sparse}, {unit}. */
  barSparse: string;
  /** Bar label without a sparse figure; placeholders {dense}, {unit}. */
  barDense: string;
  /** Line describing the focused bar; placeholders {name}, {text}. */
  focused: string;
  chartHint: string;
  /** Heading of the unsupported list; placeholder {format}. */
  unsupportedHeading: string;
  notSupported: string;
  tableSummary: string;
  cardHeader: string;
  seriesHeader: string;
  denseHeader: string;
  sparseHeader: string;
  errors: { unknownFormat: string; unknownSeries: string };
}

/** Words of the GPU timeline chart (Why GPUs chapter). */
export interface GpuTimelineStrings {
  /** Accessible name of the chart region. */
  title: string;
  metricLabel: string;
  scaleLabel: string;
  scaleLog: string;
  scaleLinear: string;
  /** Metric names (with unit) by metric id. */
  metricNames: Record<string, string>;
  /** Short units by metric id. */
  metricUnits: Record<string, string>;
  /** Product family names by series id. */
  seriesNames: Record<string, string>;
  findLabel: string;
  findHint: string;
  /** Chart summary; placeholders {count}, {metric}, {first}, {firstValue}, {last}, {lastValue}, {unit}. */
  summary: string;
  /** Cards without a value for the metric; placeholder {names}. */
  missing: string;
  legendHeading: string;
  chartHint: string;
  xAxis: string;
  /** Details of the focused card; placeholders {name}, {family}, {date}, {value}, {unit}. */
  detail: string;
  detailLink: string;
  detailNone: string;
  tableSummary: string;
  cardHeader: string;
  familyHeader: string;
  dateHeader: string;
  noValue: string;
  errors: {
    unknownMetric: string;
    unknownScale: string;
    /** Placeholder {text}. */
    unknownCard: string;
    /** Placeholder {count}, {text}. */
    ambiguousCard: string;
    /** Placeholder {name}. */
    cardHasNoValue: string;
  };
}

/** Words of the roofline explorer (FLOPS chapter). */
export interface RooflineStrings {
  /** Accessible name of the explorer region. */
  title: string;
  /** Label of the n-th card select; placeholder {n}. */
  cardLabel: string;
  /** Label of an optional card select; placeholder {n}. */
  optionalCardLabel: string;
  none: string;
  formatLabel: string;
  formatNames: Record<string, string>;
  mLabel: string;
  nLabel: string;
  kLabel: string;
  mHint: string;
  nHint: string;
  kHint: string;
  presetsLabel: string;
  presetDecode: string;
  presetSmallBatch: string;
  presetTraining: string;
  /** Summary of the matmul; placeholders {m}, {n}, {k}, {flops}, {bytes}, {intensity}. */
  shapeSummary: string;
  /** Verdict per card; placeholders {name}, {format}, {intensity}, {ridge}, {attainable}, {unit}, {time}, {percent}. */
  computeBound: string;
  memoryBound: string;
  /** Added when a slower path stands in; placeholder {column}. */
  fallback: string;
  /** The card lacks the format; placeholders {name}, {format}. */
  noFormat: string;
  chartLabel: string;
  xAxis: string;
  /** Placeholder {unit}. */
  yAxis: string;
  /** Legend entry; placeholders {n}, {name}, {line}, {mark}. */
  legendItem: string;
  lineStyles: string[];
  markNames: string[];
  tableCaption: string;
  cardHeader: string;
  boundHeader: string;
  intensityHeader: string;
  ridgeHeader: string;
  attainableHeader: string;
  timeHeader: string;
  boundWords: { 'compute-bound': string; 'memory-bound': string };
  notAvailable: string;
  errors: {
    empty: string;
    /** Placeholder {token}. */
    notInteger: string;
    tooSmall: string;
    /** Placeholder {max}. */
    tooLarge: string;
    /** Placeholder {id}. */
    unknownCard: string;
    unknownFormat: string;
  };
}

/** Words of the side-by-side card comparison on /gpus/compare/. */
export interface CompareStrings {
  /** Accessible name of the comparison region. */
  title: string;
  /** Label of the n-th card select; placeholder {n}. */
  cardLabel: string;
  /** Label of an optional (3rd, 4th) card select; placeholder {n}. */
  optionalCardLabel: string;
  /** The empty choice of an optional select. */
  none: string;
  /** Header of the first column. */
  specHeader: string;
  /** Explains the winner marks. */
  legend: string;
  /** Mark beside the better of two values. */
  higher: string;
  lower: string;
  /** Mark beside the best of three or four values. */
  highest: string;
  lowest: string;
  /** Added when several cards tie for the best. */
  tie: string;
  /** Unknown ids in the address; placeholders {ids} and {shown}. */
  unknownIds: string;
  /** The address chose fewer than two known cards; placeholder {shown}. */
  tooFew: string;
  /** The address chose more than four cards; placeholder {max}. */
  tooMany: string;
  /** The same card was chosen twice. */
  duplicate: string;
}

/** Words of the memory-breakdown calculator on the VRAM chapter. */
export interface MemoryBreakdownStrings {
  /** Accessible name of the calculator region. */
  title: string;
  modelLabel: string;
  workloadLabel: string;
  weightsLabel: string;
  precisionLabel: string;
  optimizerLabel: string;
  batchLabel: string;
  batchHint: string;
  seqLabel: string;
  seqHint: string;
  /** Sequence hint for inference; the sequence is the whole context held in the KV cache. */
  seqHintInference: string;
  checkpointingLabel: string;
  flashLabel: string;
  rankLabel: string;
  rankHint: string;
  cardLabel: string;
  /** Card option and list entry for a card whose name lacks its memory; placeholders {name} and {memory}. */
  cardOption: string;
  /** Hint beside inputs the workload ignores. */
  unusedHint: string;
  /** Display names by workload id. */
  workloads: Record<string, string>;
  /** Display names by weight format id. */
  weightFormats: Record<string, string>;
  /** Display names by training precision id. */
  precisions: Record<string, string>;
  /** Display names by optimizer id. */
  optimizers: Record<string, string>;
  /** Display names of the memory parts, by result field. */
  parts: Record<'weightsBytes' | 'gradientsBytes' | 'optimizerBytes' | 'activationsBytes' | 'kvCacheBytes' | 'overheadBytes', string>;
  /** Verdicts; placeholders {total}, {capacity}, {card}, {free}, {short}, {spill}. */
  verdictFits: string;
  verdictFitsPaged: string;
  verdictNoFit: string;
  /** Chart summary; placeholders {total}, {capacity}, {card}. */
  chartSummary: string;
  /** Label of the capacity line; placeholders {card}, {capacity}. */
  capacityLine: string;
  /** Legend entry; placeholders {part}, {value}. */
  legendEntry: string;
  tableCaption: string;
  partHeader: string;
  gibHeader: string;
  shareHeader: string;
  allocatedRow: string;
  totalRow: string;
  /** Heading of the list of cards; placeholders {count}, {all}. */
  fitsOnHeading: string;
  fitsOnNone: string;
  errors: {
    empty: string;
    /** Placeholder {value}. */
    notWhole: string;
    notBoolean: string;
    unknownModel: string;
    unknownWorkload: string;
    unknownWeights: string;
    unknownPrecision: string;
    unknownOptimizer: string;
    unknownCard: string;
  };
}

/** All island strings of one locale. */
export interface IslandStrings {
  /** BCP-47 tag used for number formatting. */
  numberLocale: string;
  common: CommonStrings;
  tensorSize: TensorSizeStrings;
  numberFormats: NumberFormatsStrings;
  tensorThroughput: TensorThroughputStrings;
  memoryBreakdown: MemoryBreakdownStrings;
  gpuTimeline: GpuTimelineStrings;
  roofline: RooflineStrings;
  compare: CompareStrings;
}

const en: IslandStrings = {
  numberLocale: 'en-US',
  common: {
    copyLink: 'Copy link',
    copied: 'Link copied',
    copyFailed: 'Copy failed: the address bar has the link',
    reset: 'Reset',
    keptLastGood: 'Showing the last valid result.',
  },
  tensorSize: {
    title: 'Tensor size calculator',
    shapeLabel: 'Shape',
    shapeHint: 'Dimensions separated by commas, e.g. 8, 2048, 4096',
    formatLabel: 'Number format',
    rankLabel: 'Rank',
    elementsLabel: 'Elements',
    bytesLabel: 'Bytes',
    stridesLabel: 'Contiguous strides (elements)',
    bytesFormula: '{elements} elements × {bytesPerValue} bytes each',
    errors: {
      empty: 'Enter at least one dimension.',
      notInteger: '“{token}” is not a whole number. Use digits only, e.g. 4096.',
      notPositive: 'Dimension {token} must be at least 1.',
      tooManyDims: '{rank} dimensions is more than the {max} this calculator takes.',
      tooLarge: 'That tensor has more than 2^53 elements, far beyond any GPU’s memory.',
      unknownFormat: 'Choose a number format from the list.',
    },
  },
  numberFormats: {
    title: 'Number format explorer',
    valueLabel: 'Value',
    valueHint: 'A decimal, scientific notation or a power of two, e.g. 0.1, 3.3e-5, 2^-14',
    tableCaption: '{value} rounded to the nearest value of each format (ties to even)',
    formatHeader: 'Format',
    bitsHeader: 'Stored bits',
    storedHeader: 'Stored value',
    errorHeader: 'Relative error',
    noteHeader: 'What happened',
    signCaption: 'sign',
    exponentCaption: 'exponent',
    mantissaCaption: 'mantissa',
    exact: '0 (exact)',
    notes: {
      subnormal: 'subnormal: fewer significant bits',
      zero: 'zero',
      underflow: 'underflow: too small, stored as 0',
      overflowInf: 'overflow: above {max}, becomes infinity',
      overflowNan: 'overflow: above {max}; E4M3 has no infinity, so it becomes NaN',
      overflowSaturate: 'overflow: clamped to the largest value, {max}',
    },
    infinity: 'infinity',
    nanCode: 'NaN code',
    lossTitle: 'Loss scaling: a small gradient in FP16',
    gradientLabel: 'Gradient',
    gradientHint: 'The true gradient value, e.g. 1e-8',
    scaleLabel: 'Loss scale',
    scaleHint: 'The factor the loss is multiplied by, e.g. 1024 or 65536',
    unscaledLabel: 'Stored in FP16 without scaling',
    scaledLabel: 'Gradient × scale, stored in FP16',
    recoveredLabel: 'Divided by the scale again in FP32',
    verdictLost: 'Without scaling the gradient is below FP16’s smallest value ({minSub}) and becomes 0: this weight never learns.',
    verdictKept: 'This gradient is large enough for FP16 even without scaling.',
    verdictRecovered: 'With a loss scale of {scale} the gradient survives: relative error {error}.',
    verdictStillLost: 'A scale of {scale} is not enough: the scaled gradient still underflows. Try a larger scale.',
    verdictOverflow: 'Gradient × {scale} is above FP16’s largest value ({max}) and overflows. Dynamic loss scaling would skip this step and lower the scale.',
    errors: {
      empty: 'Enter a number.',
      notANumber: 'Not a number. Use digits, e.g. 0.1, 1e-8 or 2^-14.',
      outOfRange: 'Too large for a 64-bit double; enter a finite number.',
      notPositive: 'The loss scale must be greater than 0.',
    },
  },
  tensorThroughput: {
    title: 'Tensor Core throughput by card',
    formatLabel: 'Format',
    seriesLabel: 'Cards',
    allSeries: 'All cards',
    seriesNames: {
      'geforce-10': 'GeForce 10',
      'geforce-16': 'GeForce 16',
      'geforce-20': 'GeForce 20',
      'geforce-30': 'GeForce 30',
      'geforce-40': 'GeForce 40',
      'geforce-50': 'GeForce 50',
      reference: 'Data-centre and workstation',
    },
    formatNames: {
      'fp16-fp32acc': 'FP16, FP32 accumulate',
      'fp16-fp16acc': 'FP16, FP16 accumulate',
      bf16: 'BF16',
      tf32: 'TF32',
      int8: 'INT8',
      fp8: 'FP8',
      fp4: 'FP4',
    },
    summary: '{count} cards run {format} on Tensor Cores; the fastest is {first} at {value} {unit} dense.',
    noneSupported: 'No card in this selection runs {format} on Tensor Cores.',
    legendDense: 'Solid bar: dense peak',
    legendSparse: 'Dashed outline: peak with 2:4 sparsity',
    barSparse: '{dense} dense, {sparse} sparse {unit}',
    barDense: '{dense} {unit} dense, no sparsity speed-up',
    focused: '{name}: {text}',
    chartHint: 'Tab into the chart, then use the up and down arrow keys to move between cards.',
    unsupportedHeading: 'Not supported ({format}):',
    notSupported: 'not supported',
    tableSummary: 'Table of the chart',
    cardHeader: 'Card',
    seriesHeader: 'Family',
    denseHeader: 'Dense',
    sparseHeader: '2:4 sparse',
    errors: {
      unknownFormat: 'Choose a format from the list.',
      unknownSeries: 'Choose a card family from the list.',
    },
  },
  gpuTimeline: {
    title: 'Every card by launch date',
    metricLabel: 'Vertical axis',
    scaleLabel: 'Scale',
    scaleLog: 'Logarithmic',
    scaleLinear: 'Linear',
    metricNames: {
      fp32: 'FP32 throughput (TFLOPS, CUDA cores)',
      tensor: 'Dense tensor FP16/BF16 throughput (TFLOPS, FP32 accumulate)',
      memory: 'Memory (GB)',
      bandwidth: 'Memory bandwidth (GB/s)',
      price: 'Launch price (US dollars)',
    },
    metricUnits: { fp32: 'TFLOPS', tensor: 'TFLOPS', memory: 'GB', bandwidth: 'GB/s', price: 'USD' },
    seriesNames: {
      'geforce-10': 'GeForce 10 (Pascal)',
      'geforce-16': 'GeForce 16 (Turing, no Tensor Cores)',
      'geforce-20': 'GeForce 20 (Turing)',
      'geforce-30': 'GeForce 30 (Ampere)',
      'geforce-40': 'GeForce 40 (Ada)',
      'geforce-50': 'GeForce 50 (Blackwell)',
      reference: 'Data-centre and workstation',
    },
    findLabel: 'Find a card',
    findHint: 'Type a name such as RTX 4090 to highlight it.',
    summary: '{count} cards plotted. The earliest, {first}, has {firstValue} {unit}; the highest, {last}, has {lastValue} {unit}.',
    missing: 'Not plotted (no published value): {names}.',
    legendHeading: 'Marks by family',
    chartHint: 'Hover over a mark, or tab into the chart and use the left and right arrow keys to step through the cards by date.',
    xAxis: 'Launch date',
    detail: '{name} ({family}), launched {date}: {value} {unit}.',
    detailLink: 'Full specifications',
    detailNone: 'Hover over or focus a mark to see the card.',
    tableSummary: 'Table of the chart',
    cardHeader: 'Card',
    familyHeader: 'Family',
    dateHeader: 'Launch date',
    noValue: 'no value',
    errors: {
      unknownMetric: 'Choose a quantity from the list.',
      unknownScale: 'Choose logarithmic or linear.',
      unknownCard: 'No card matches “{text}”. Try a model number such as 3090.',
      ambiguousCard: '{count} cards match “{text}”; type more of the name.',
      cardHasNoValue: '{name} has no published value for this quantity.',
    },
  },
  roofline: {
    title: 'Roofline explorer',
    cardLabel: 'Card {n}',
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
    shapeSummary: 'C[{m} × {n}] = A[{m} × {k}] · B[{k} × {n}]: {flops} operations, at least {bytes} moved, so an arithmetic intensity of {intensity} per byte.',
    computeBound: '{name}, {format}: compute-bound. The intensity {intensity} is above the ridge point {ridge}, so the card can reach its peak of {attainable} {unit}; the multiply takes at least {time}.',
    memoryBound: '{name}, {format}: memory-bound. The intensity {intensity} is below the ridge point {ridge}, so memory bandwidth caps it at {attainable} {unit} ({percent} of peak); the multiply takes at least {time}.',
    fallback: ' This card has no tensor path for the format; its {column} figure stands in.',
    noFormat: '{name} cannot run {format} matrix multiplies in hardware (its specification lists no {format} figure). Choose another format or card.',
    chartLabel: 'Roofline chart, both axes logarithmic',
    xAxis: 'Arithmetic intensity (operations per byte)',
    yAxis: 'Attainable throughput ({unit})',
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
      notInteger: '“{token}” is not a whole number. Use digits only, e.g. 4096.',
      tooSmall: 'Must be at least 1.',
      tooLarge: 'Must be at most {max}.',
      unknownCard: 'No card has the id “{id}”. Choose one from the list.',
      unknownFormat: 'Choose a number format from the list.',
    },
  },
  compare: {
    title: 'Compare cards side by side',
    cardLabel: 'Card {n}',
    optionalCardLabel: 'Card {n} (optional)',
    none: '— none —',
    specHeader: 'Specification (unit)',
    legend: '✓ marks the better value in each row, in words: higher is better for throughput, memory and bandwidth; lower is better for power and price. A missing format counts as none; a price that was never published is left out.',
    higher: 'higher',
    lower: 'lower',
    highest: 'best (highest)',
    lowest: 'best (lowest)',
    tie: 'tie',
    unknownIds: 'No card has the id {ids}; showing {shown}.',
    tooFew: 'The address names fewer than two known cards; showing {shown}.',
    tooMany: 'At most {max} cards fit side by side; showing the first ones.',
    duplicate: 'That card is already in the comparison.',
  },
  memoryBreakdown: {
    title: 'GPU memory breakdown calculator',
    modelLabel: 'Model',
    workloadLabel: 'Workload',
    weightsLabel: 'Weights format',
    precisionLabel: 'Training precision',
    optimizerLabel: 'Optimizer',
    batchLabel: 'Batch size',
    batchHint: 'Sequences per step, or concurrent requests for inference',
    seqLabel: 'Sequence length (tokens)',
    seqHint: 'Tokens per training sequence',
    seqHintInference: 'Context held in the KV cache: prompt plus generated tokens',
    checkpointingLabel: 'Gradient checkpointing',
    flashLabel: 'FlashAttention',
    rankLabel: 'LoRA rank',
    rankHint: 'Adapters on every linear layer',
    cardLabel: 'Card',
    cardOption: '{name} ({memory} GB)',
    unusedHint: 'Not used by this workload',
    workloads: { inference: 'Inference', pretrain: 'Pre-training', 'full-finetune': 'Full fine-tune', lora: 'LoRA', qlora: 'QLoRA' },
    weightFormats: { fp32: 'FP32', fp16: 'FP16', bf16: 'BF16', fp8: 'FP8', int8: 'INT8 (LLM.int8)', nf4: 'NF4 (4-bit, QLoRA)', int4: 'INT4 (GPTQ/AWQ)' },
    precisions: { fp32: 'FP32', 'fp16-mixed': 'FP16 mixed (FP32 master)', 'bf16-mixed': 'BF16 mixed (FP32 master)', bf16: 'Pure BF16' },
    optimizers: { adamw: 'AdamW', 'adamw-8bit': '8-bit AdamW', sgd: 'SGD with momentum', adafactor: 'Adafactor' },
    parts: {
      weightsBytes: 'Weights',
      gradientsBytes: 'Gradients',
      optimizerBytes: 'Optimizer states',
      activationsBytes: 'Activations',
      kvCacheBytes: 'KV cache',
      overheadBytes: 'CUDA context and slack',
    },
    verdictFits: '✓ Fits: needs {total} of the {capacity} on the {card}, {free} to spare.',
    verdictFitsPaged: '✓ Fits with paging: needs {total}, more than the {capacity} on the {card}; {spill} of paged optimizer states spill to CPU memory, which slows the optimizer step.',
    verdictNoFit: '✗ Does not fit: needs {total}, but the {card} has {capacity} ({short} short).',
    chartSummary: 'Memory needed: {total} against {capacity} on the {card}.',
    capacityLine: '{card}: {capacity}',
    legendEntry: '{part}: {value}',
    tableCaption: 'Memory per part, in GiB',
    partHeader: 'Part',
    gibHeader: 'GiB',
    shareHeader: 'Share',
    allocatedRow: 'Tensors (what PyTorch reports as allocated)',
    totalRow: 'Total (what the card must have)',
    fitsOnHeading: 'Fits on {count} of {all} cards:',
    fitsOnNone: 'No single card on this site holds it: shrink the job or split it across cards.',
    errors: {
      empty: 'Enter a whole number.',
      notWhole: '“{value}” is not a whole number. Use digits only, e.g. 2048.',
      notBoolean: 'Use 1 (on) or 0 (off).',
      unknownModel: 'Choose a model from the list.',
      unknownWorkload: 'Choose a workload from the list.',
      unknownWeights: 'Choose a weights format from the list.',
      unknownPrecision: 'Choose a training precision from the list.',
      unknownOptimizer: 'Choose an optimizer from the list.',
      unknownCard: 'Choose a card from the list.',
    },
  },
};

const tables = { en } as const;

/** The locales islands have words for. */
export type IslandLocale = keyof typeof tables;

/** The string table for a Starlight locale (`undefined` is the root locale, English); falls back to English. */
export function islandStrings(locale: string | undefined): IslandStrings {
  return (locale !== undefined && locale in tables ? tables[locale as IslandLocale] : tables.en);
}
