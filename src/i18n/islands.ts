/**
 * Every word an island shows, one typed table per locale. Adding a language means adding one object that satisfies
 * `IslandStrings`; the compiler lists anything missing. Pages pick the table with `islandStrings(locale)` and pass it as a prop,
 * so every entry is plain text (props must serialise): placeholders such as `{token}` are filled with `fill()`.
 */
import type { FitAdvice } from '../lib/verdict.ts';
import type { Verdict } from '../lib/vocabulary.ts';
import { zhCn } from './islands.zh-cn.ts';

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
  /** Shown until a scenario calculator hydrates (and for good without JavaScript). */
  defaultShown: string;
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
  engineLabel: string;
  frameworkLabel: string;
  /** Hint under the framework select. */
  frameworkHint: string;
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
  /** Display names of the memory parts, by result field. */
  parts: Record<'weightsBytes' | 'gradientsBytes' | 'optimizerBytes' | 'activationsBytes' | 'kvCacheBytes' | 'overheadBytes', string>;
  /** Verdict sentences by verdict; placeholders {total}, {capacity}, {card}, {free}, {short}, {reason}. */
  verdicts: Record<Verdict, string>;
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
}

/** Words of the parallelism calculator on the Parallelism chapter. */
export interface ParallelismStrings {
  /** Accessible name of the calculator region. */
  title: string;
  modelLabel: string;
  workloadLabel: string;
  cardLabel: string;
  /** Card option for a card whose name lacks its memory; placeholders {name} and {memory}. */
  cardOption: string;
  countLabel: string;
  countHint: string;
  zeroLabel: string;
  tpLabel: string;
  tpHint: string;
  ppLabel: string;
  ppHint: string;
  offloadLabel: string;
  batchLabel: string;
  batchHint: string;
  seqLabel: string;
  seqHint: string;
  /** What the calculator holds fixed, in words. */
  assumptions: string;
  /** The layout in words; placeholders {dp}, {tp}, {pp}, {count}. */
  layout: string;
  /** Display names of the memory parts, by result field. */
  parts: Record<'weightsBytes' | 'gradientsBytes' | 'optimizerBytes' | 'activationsBytes' | 'overheadBytes', string>;
  /** Verdict sentences by verdict; placeholders {total}, {capacity}, {card}, {free}, {short}, {reason}. */
  verdicts: Record<Verdict, string>;
  /** Chart summary; placeholders {total}, {capacity}, {card}. */
  chartSummary: string;
  /** Label of the capacity line; placeholders {card}, {capacity}. */
  capacityLine: string;
  /** Legend entry; placeholders {part}, {value}. */
  legendEntry: string;
  tableCaption: string;
  partHeader: string;
  gibHeader: string;
  totalRow: string;
  commHeading: string;
  commBytesLabel: string;
  commTimeLabel: string;
  linkLabel: string;
  /** Bytes and seconds; placeholders {bytes} (GB), {seconds}. */
  commBytes: string;
  commTime: string;
  /** When nothing crosses a link. */
  commNone: string;
  commNote: string;
  throughputLabel: string;
  /** Placeholder {value}. */
  throughput: string;
  fewestLabel: string;
  /** Placeholders {count}, {layout}. */
  fewest: string;
  /** Placeholder {max}. */
  fewestNone: string;
  /** The estimator's own search (ZeRO-3 over power-of-two counts); placeholder {count}. */
  fewestZero3: string;
  /** Placeholder {max}. */
  fewestZero3None: string;
  /** Heading of the cluster fields. */
  clusterInputs: string;
  accumLabel: string;
  accumHint: string;
  ckptLabel: string;
  selCkptLabel: string;
  selCkptHint: string;
  schedLabel: string;
  cpLabel: string;
  cpHint: string;
  spLabel: string;
  spHint: string;
  perNodeLabel: string;
  perNodeHint: string;
  intraLabel: string;
  netLabel: string;
  netHint: string;
  boardLabel: string;
  mfuLabel: string;
  /** Placeholders {mfu}, {hfu}. */
  mfu: string;
  stepLabel: string;
  /** Placeholders {step}, {compute}, {bubble}, {exposed} (seconds). */
  step: string;
  globalBatchLabel: string;
  /** Placeholders {sequences}, {tokens}. */
  globalBatch: string;
  stagesLabel: string;
  /** Placeholders {first}, {last}, {peak}. */
  stages: string;
  stageNames: Record<'first' | 'last', string>;

}

/** Words of the backpropagation walk-through (Forward and backward propagation chapter). */
export interface BackpropStrings {
  /** Accessible name of the walk-through region. */
  title: string;
  xLabel: string;
  /** Placeholders {max}, {limit}. */
  xHint: string;
  yLabel: string;
  /** Placeholders {max}, {limit}. */
  yHint: string;
  lrLabel: string;
  /** Placeholder {max}. */
  lrHint: string;
  activationLabel: string;
  activationNames: { relu: string; tanh: string };
  seedLabel: string;
  /** Placeholder {max}. */
  seedHint: string;
  stageLegend: string;
  stageNames: { forward: string; backward: string; update: string; all: string };
  stepButton: string;
  restartButton: string;
  /** Placeholders {step}, {before}, {after}. */
  stepStatus: string;
  paramsHeading: string;
  forwardHeading: string;
  backwardHeading: string;
  updateHeading: string;
  /** Row and column labels; placeholder {n}. */
  unit: string;
  output: string;
  fromInput: string;
  fromUnit: string;
  bias: string;
  w1Caption: string;
  w2Caption: string;
  hiddenCaption: string;
  outputCaption: string;
  z1Header: string;
  a1Header: string;
  z2Header: string;
  yHeader: string;
  errorHeader: string;
  /** Placeholder {loss}. */
  lossLine: string;
  dz2Header: string;
  dw2Caption: string;
  da1Header: string;
  slopeHeader: string;
  dz1Header: string;
  dw1Caption: string;
  outputGradCaption: string;
  hiddenGradCaption: string;
  newW1Caption: string;
  newW2Caption: string;
  /** Placeholders {lr}. */
  updateRule: string;
  lossBeforeLabel: string;
  lossAfterLabel: string;
  /** Placeholder {percent}. */
  lossFell: string;
  /** Placeholder {percent}. */
  lossRose: string;
  checkLabel: string;
  checkAgree: string;
  checkDisagree: string;
  /** Placeholder {units}. */
  checkKink: string;
  checkDetails: string;
  paramHeader: string;
  analyticHeader: string;
  numericHeader: string;
  relErrorHeader: string;
  errors: {
    empty: string;
    /** Placeholder {token}. */
    notANumber: string;
    /** Placeholders {count}, {max}. */
    tooMany: string;
    /** Placeholders {token}, {max}. */
    outOfRange: string;
    /** Placeholder {max}. */
    lrRange: string;
    /** Placeholder {max}. */
    seedRange: string;
    notWhole: string;
    unknownActivation: string;
    unknownStage: string;
    /** Placeholders {text}, {max}. */
    badSteps: string;
    /** Placeholder {step}. */
    diverged: string;
  };
}

/** Words of the training time, energy and cost calculator. */
export interface TrainingCostStrings {
  /** Accessible name of the calculator region. */
  title: string;
  modelLabel: string;
  workloadLabel: string;
  tokensLabel: string;
  tokensHint: string;
  cardLabel: string;
  /** Card option; placeholders {name}, {memory}. */
  cardOption: string;
  countLabel: string;
  countHint: string;
  frameworkLabel: string;
  /** Hint under the framework select. */
  frameworkHint: string;
  batchLabel: string;
  seqLabel: string;
  checkpointingLabel: string;
  mfuLabel: string;
  /** Hint with the default; placeholders {default}, {workload}. */
  mfuHint: string;
  electricityLabel: string;
  electricityHint: string;
  hourlyLabel: string;
  hourlyHint: string;
  priceLabel: string;
  /** Placeholder {price}: the launch price, or the words for none. */
  priceHint: string;
  noLaunchPrice: string;
  /** Verdict sentences by verdict; placeholders {total}, {capacity}, {card}, {count}, {reason}. */
  verdicts: Record<Verdict, string>;
  /** What to change, by advice id; joined into `adviceLead`'s {advice}. */
  advice: Record<FitAdvice, string>;
  adviceLead: string;
  /** Shown instead of a price, time or speed for a job that does not run. */
  notPriced: string;
  notRun: string;
  busyLabel: string;
  busyHint: string;
  /** Break-even sentences; placeholder {hours}. */
  breakEven: string;
  breakEvenNever: string;
  breakEvenAbove: string;
  fitsLabel: string;
  memoryLabel: string;
  throughputLabel: string;
  /** Placeholders {tokens}. */
  throughputValue: string;
  timeLabel: string;
  /** Placeholders {hours}, {days}. */
  timeValue: string;
  cardHoursLabel: string;
  energyLabel: string;
  /** Placeholder {kwh}. */
  energyValue: string;
  /** Sentence comparing buying and renting; placeholders {buy}, {rent}, {diff}. */
  buyCheaper: string;
  rentCheaper: string;
  same: string;
  /** Sentence when no hourly price is given; placeholder {buy}. */
  noRent: string;
  /** Added when the card has no launch price; placeholder {card}. */
  noPriceNote: string;
  /** Placeholder {hours}: busy hours per week. */
  costCaption: string;
  costItemHeader: string;
  usdHeader: string;
  purchaseRow: string;
  electricityRow: string;
  buyTotalRow: string;
  rentRow: string;
  notGiven: string;
  cheapestCaption: string;
  cheapestNone: string;
  sortBy: string;
  cardHeader: string;
  countHeader: string;
  priceHeader: string;
  timeHeader: string;
  energyHeader: string;
  runCostHeader: string;
  sortedAscending: string;
  sortedDescending: string;

}

/** Words of the step memory-timeline calculator on the Pre-training chapter. */
export interface StepTimelineStrings {
  /** Accessible name of the calculator region. */
  title: string;
  modelLabel: string;
  workloadLabel: string;
  batchLabel: string;
  seqLabel: string;
  checkpointingLabel: string;
  cardLabel: string;
  /** Label of the slider that picks one moment of the step. */
  momentLabel: string;
  /** Display names by workload id. */
  workloads: Record<string, string>;
  /** Names of the stacked parts. */
  parts: Record<'weightsBytes' | 'optimizerBytes' | 'gradientsBytes' | 'activationsBytes' | 'overheadBytes', string>;
  /** A moment in words; placeholders {layer}, {layers}. */
  moments: Record<'start' | 'forward' | 'loss' | 'backward' | 'optimizer' | 'end', string>;
  /** Headline; placeholders {peak}, {moment}, {capacity}, {card}, {budget}. */
  peakFits: string;
  peakNoFit: string;
  /** Chart summary; placeholders {peak}, {moment}, {capacity}, {card}. */
  chartSummary: string;
  /** Phase labels drawn over the chart. */
  forwardPhase: string;
  backwardPhase: string;
  stepPhase: string;
  /** Readout of the chosen moment; placeholders {moment}, {total}. */
  readout: string;
  /** Placeholders {card}, {capacity}. */
  capacityLine: string;
  peakMark: string;
  tableCaption: string;
  momentHeader: string;
  totalHeader: string;
  errors: { empty: string; notWhole: string; notBoolean: string; unknownModel: string; unknownWorkload: string; unknownCard: string };
}

/** Words of the fine-tuning comparison on the Fine-tuning chapter. */
export interface FineTuneMethodsStrings {
  /** Accessible name of the calculator region. */
  title: string;
  modelLabel: string;
  cardLabel: string;
  seqLabel: string;
  batchLabel: string;
  topLabel: string;
  topHint: string;
  rankLabel: string;
  tokensLabel: string;
  tokensHint: string;
  checkpointingLabel: string;
  /** Column names by method. */
  methods: Record<'full' | 'top' | 'lora' | 'qlora', string>;
  /** Placeholder {k}. */
  topMethod: string;
  parts: Record<'weightsBytes' | 'gradientsBytes' | 'optimizerBytes' | 'activationsBytes' | 'kvCacheBytes' | 'overheadBytes', string>;
  tableCaption: string;
  methodHeader: string;
  trainableRow: string;
  totalRow: string;
  verdictRow: string;
  speedRow: string;
  timeRow: string;
  /** Words for each verdict of the estimator. */
  verdicts: Record<'fits' | 'tight' | 'offload' | 'unsupported' | 'does-not-fit', string>;
  /** Bar summary; placeholders {method}, {total}, {capacity}, {card}. */
  barSummary: string;
  /** Placeholders {card}, {capacity}. */
  capacityLine: string;
  /** Placeholders {part}, {value}. */
  legendEntry: string;
  errors: { empty: string; notWhole: string; notBoolean: string; unknownModel: string; unknownCard: string };
}

/** Words of the decode-speed calculator (Inference chapter). */
export interface DecodeSpeedStrings {
  /** Accessible name of the calculator region. */
  title: string;
  modelLabel: string;
  formatLabel: string;
  /** Placeholder {engine}: the engine family the estimator assumes for the format. */
  formatHint: string;
  contextLabel: string;
  /** Placeholder {tokens}. */
  contextValue: string;
  batchLabel: string;
  /** Placeholder {batch}. */
  batchValue: string;
  cardsLegend: string;
  cardsHint: string;
  /** Placeholder {name}, {memory}: a card without its memory in the name. */
  cardOption: string;
  tableCaption: string;
  cardHeader: string;
  memoryHeader: string;
  perUserHeader: string;
  totalHeader: string;
  weightsHeader: string;
  kvHeader: string;
  computeHeader: string;
  overheadHeader: string;
  limitHeader: string;
  /** Placeholders {need}, {capacity}. */
  fitsCell: string;
  /** Placeholders {need}, {capacity}. */
  noFitCell: string;
  /** Shown instead of a speed when the model does not fit. */
  noSpeed: string;
  /** Marks the limiting term's cell in words (so colour is not the only signal). */
  limitMark: string;
  limits: { weights: string; 'kv-cache': string; compute: string; overhead: string };
  /** Placeholders {card}, {perUser}, {total}, {limit}: one sentence under the table for the first card that fits. */
  summary: string;
  /** When no chosen card fits. */
  summaryNone: string;
  errors: {
    unknownModel: string;
    unknownFormat: string;
    /** Placeholders {min}, {max}. */
    badContext: string;
    /** Placeholders {min}, {max}. */
    badBatch: string;
    noCards: string;
    unknownCard: string;
  };
}

/** All island strings of one locale. */
export interface IslandStrings {
  /** BCP-47 tag used for number formatting. */
  numberLocale: string;
  /** Path prefix of the locale's pages ('' for English, '/zh-cn' for Chinese), for links an island draws. */
  base: string;
  common: CommonStrings;
  tensorSize: TensorSizeStrings;
  numberFormats: NumberFormatsStrings;
  tensorThroughput: TensorThroughputStrings;
  memoryBreakdown: MemoryBreakdownStrings;
  parallelism: ParallelismStrings;
  gpuTimeline: GpuTimelineStrings;
  roofline: RooflineStrings;
  compare: CompareStrings;
  trainingCost: TrainingCostStrings;
  backprop: BackpropStrings;
  stepTimeline: StepTimelineStrings;
  fineTuneMethods: FineTuneMethodsStrings;
  decodeSpeed: DecodeSpeedStrings;
}

const en: IslandStrings = {
  numberLocale: 'en-US',
  base: '',
  common: {
    copyLink: 'Copy link',
    copied: 'Link copied',
    copyFailed: 'Copy failed: the address bar has the link',
    reset: 'Reset',
    keptLastGood: 'Showing the last valid result.',
    defaultShown: 'Showing the default example. The inputs work once the page’s script has loaded.',
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
  backprop: {
    title: 'Backpropagation walk-through',
    xLabel: 'Input x',
    xHint: '1 to {max} numbers between −{limit} and {limit}, separated by commas, e.g. 0.5, -1.2',
    yLabel: 'Target y',
    yHint: '1 to {max} numbers between −{limit} and {limit}, e.g. 0.8',
    lrLabel: 'Learning rate η',
    lrHint: 'Greater than 0 and at most {max}, e.g. 0.1',
    activationLabel: 'Hidden activation f',
    activationNames: { relu: 'ReLU: max(0, z)', tanh: 'tanh(z)' },
    seedLabel: 'Seed for the initial weights',
    seedHint: 'A whole number from 0 to {max}; the same seed gives the same weights',
    stageLegend: 'Show',
    stageNames: { forward: '1. Forward pass', backward: '2. Backward pass', update: '3. Update', all: 'All three' },
    stepButton: 'Take one training step',
    restartButton: 'Back to step 0',
    stepStatus: 'Steps already taken on this example: {step}. This step moves the loss from {before} to {after}.',
    paramsHeading: 'Parameters at the start of the step',
    forwardHeading: '1. Forward pass',
    backwardHeading: '2. Backward pass',
    updateHeading: '3. Update',
    unit: 'h{n}',
    output: 'o{n}',
    fromInput: 'from x{n}',
    fromUnit: 'from h{n}',
    bias: 'bias',
    w1Caption: 'W₁ and b₁: one row per hidden unit',
    w2Caption: 'W₂ and b₂: one row per output',
    hiddenCaption: 'Hidden layer',
    outputCaption: 'Output layer',
    z1Header: 'z₁ = W₁x + b₁',
    a1Header: 'a₁ = f(z₁)',
    z2Header: 'prediction z₂ = W₂a₁ + b₂',
    yHeader: 'target y',
    errorHeader: 'z₂ − y',
    lossLine: 'Loss L = mean of (z₂ − y)² = {loss}',
    dz2Header: '∂L/∂z₂ = 2(z₂ − y)/outputs (also ∂L/∂b₂)',
    dw2Caption: '∂L/∂W₂ = ∂L/∂z₂ · a₁ᵀ (bias column: ∂L/∂b₂)',
    da1Header: '∂L/∂a₁ = W₂ᵀ · ∂L/∂z₂',
    slopeHeader: 'f′(z₁)',
    dz1Header: '∂L/∂z₁ = ∂L/∂a₁ × f′(z₁) (also ∂L/∂b₁)',
    dw1Caption: '∂L/∂W₁ = ∂L/∂z₁ · xᵀ (bias column: ∂L/∂b₁)',
    outputGradCaption: 'Gradient at the output',
    hiddenGradCaption: 'Gradient through the hidden layer',
    newW1Caption: 'New W₁ and b₁',
    newW2Caption: 'New W₂ and b₂',
    updateRule: 'Every parameter moves against its gradient: θ ← θ − {lr} × ∂L/∂θ.',
    lossBeforeLabel: 'Loss before the step',
    lossAfterLabel: 'Loss after the step',
    lossFell: 'The loss fell by {percent}.',
    lossRose: 'The loss rose by {percent}: the step overshot. Try a smaller learning rate.',
    checkLabel: 'Gradient check: largest relative error against finite differences',
    checkAgree: 'Backpropagation and the central differences (L(θ + h) − L(θ − h)) / 2h agree.',
    checkDisagree: 'The two disagree by more than 10⁻⁶ on some parameter.',
    checkKink: 'ReLU unit {units} sits at its kink (z₁ ≈ 0), where the slope jumps from 0 to 1; a finite difference straddles the jump, so a mismatch there is expected, not a bug.',
    checkDetails: 'Every parameter: backpropagation against finite differences',
    paramHeader: 'Parameter',
    analyticHeader: 'Backpropagation',
    numericHeader: 'Finite difference',
    relErrorHeader: 'Relative error',
    errors: {
      empty: 'Enter at least one number.',
      notANumber: '“{token}” is not a number. Use digits, e.g. 0.5 or -1.2.',
      tooMany: '{count} numbers is more than the {max} this network takes.',
      outOfRange: '{token} is outside −{max} to {max}.',
      lrRange: 'Enter a learning rate greater than 0 and at most {max}.',
      seedRange: 'Enter a whole number from 0 to {max}.',
      notWhole: 'The seed must be a whole number.',
      unknownActivation: 'Choose ReLU or tanh from the list.',
      unknownStage: 'The link names an unknown stage; showing all three.',
      badSteps: 'The link’s step count “{text}” is not a whole number from 0 to {max}; starting from step 0.',
      diverged: 'At step {step} the values grew beyond 10¹²: this learning rate makes training diverge. Try a smaller one.',
    },
  },
  memoryBreakdown: {
    title: 'GPU memory breakdown calculator',
    modelLabel: 'Model',
    workloadLabel: 'Workload',
    weightsLabel: 'Weights format',
    precisionLabel: 'Training precision',
    engineLabel: 'Serving engine',
    frameworkLabel: 'Fine-tuning framework',
    frameworkHint: 'Its recipe defaults fill the fields you leave out',
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
    parts: {
      weightsBytes: 'Weights',
      gradientsBytes: 'Gradients',
      optimizerBytes: 'Optimizer states',
      activationsBytes: 'Activations',
      kvCacheBytes: 'KV cache',
      overheadBytes: 'CUDA context and slack',
    },
    verdicts: {
      fits: '✓ Fits: needs {total} of the {capacity} on the {card}, {free} to spare.',
      tight: '≈ Tight: needs {total} of the {capacity} on the {card}; the {free} to spare is inside the estimate’s error, so it may not fit.',
      offload: '⇄ Runs only with offload: needs {total} against the {capacity} on the {card}; it {reason}.',
      unsupported: '✗ Cannot run: the {reason}.',
      'does-not-fit': '✗ Does not fit: needs {total}, but the {card} has {capacity} ({short} short).',
    },
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
  },
  parallelism: {
    title: 'Parallelism calculator: memory per card and communication per step',
    modelLabel: 'Model',
    workloadLabel: 'Workload',
    cardLabel: 'Card',
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
    assumptions: 'Held fixed: BF16 mixed precision with an FP32 master copy, AdamW and FlashAttention. Memory is per card.',
    layout: '{dp} data-parallel × {tp} tensor-parallel × {pp} pipeline = {count} cards',
    parts: { weightsBytes: 'Weights', gradientsBytes: 'Gradients', optimizerBytes: 'Optimizer states', activationsBytes: 'Activations', overheadBytes: 'CUDA context and allocator slack' },
    verdicts: {
      fits: 'Fits: each {card} needs {total} of its {capacity}, leaving {free} free.',
      tight: '≈ Tight: {total} per card against the {capacity} on the {card}; the {free} to spare is inside the estimate’s error.',
      offload: '⇄ Runs only with offload: {total} per card on the {card}; it {reason}.',
      unsupported: '✗ Cannot run: the {reason}.',
      'does-not-fit': 'Does not fit: each {card} would need {total} but has {capacity}, {short} short.',
    },
    chartSummary: 'Memory per card: {total} against the {card}’s {capacity}.',
    capacityLine: '{card}: {capacity}',
    legendEntry: '{part}: {value}',
    tableCaption: 'Memory on each card, in GiB',
    partHeader: 'Part',
    gibHeader: 'GiB',
    totalRow: 'Total (what each card must have)',
    commHeading: 'Communication per training step',
    commBytesLabel: 'Sent by each card',
    commTimeLabel: 'Time on the link',
    linkLabel: 'Link',
    commBytes: '{bytes} GB',
    commTime: '{seconds} s',
    commNone: 'One card and no offload: nothing crosses a link.',
    commNote: 'Gradient all-reduce, ZeRO-3 parameter gathers, tensor- and pipeline-parallel activations, and CPU offload traffic over PCIe. Part of the data-parallel traffic hides behind the backward pass.',
    throughputLabel: 'Training speed, whole job',
    throughput: '{value} tokens/s',
    fewestLabel: 'Fewest cards that fit',
    fewest: '{count} cards with this strategy ({layout}), adding one data-parallel replica at a time',
    fewestNone: 'No count up to {max} cards fits with this strategy.',
    fewestZero3: 'In powers of two only (ZeRO-3 on 1, 2, 4, 8… cards, the counts the chapter’s text and the planner try): {count}.',
    fewestZero3None: 'The estimator’s own search (ZeRO-3) finds no count up to {max} cards.',
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
    mfuLabel: 'Utilisation',
    mfu: '{mfu} MFU, {hfu} HFU',
    stepLabel: 'One optimizer step',
    step: '{step} s: {compute} s computing, {bubble} s pipeline bubble, {exposed} s of communication not hidden',
    globalBatchLabel: 'Global batch',
    globalBatch: '{sequences} sequences ({tokens} tokens)',
    stagesLabel: 'Pipeline stages',
    stages: 'first stage {first}, last stage {last}; the {peak} holds the most',
    stageNames: { first: 'first stage', last: 'last stage' },

  },
  trainingCost: {
    title: 'Training time, energy and cost calculator',
    modelLabel: 'Model',
    workloadLabel: 'Workload',
    tokensLabel: 'Training tokens',
    tokensHint: 'Digits, or with a suffix: 100M, 10B, 1.4T',
    cardLabel: 'Card',
    cardOption: '{name} ({memory} GB)',
    countLabel: 'Cards',
    countHint: 'Several cards split the model states (ZeRO-3)',
    frameworkLabel: 'Fine-tuning framework',
    frameworkHint: 'Sets recipe defaults, utilisation and 4-bit handling',
    batchLabel: 'Batch size (sequences per card)',
    seqLabel: 'Sequence length (tokens)',
    checkpointingLabel: 'Gradient checkpointing',
    mfuLabel: 'Utilisation (MFU)',
    mfuHint: 'A fraction (0.4) or a percent (40%); empty: the estimator’s default, {default}% for {workload}',
    electricityLabel: 'Electricity (USD per kWh)',
    electricityHint: 'Your tariff',
    hourlyLabel: 'Rental price (USD per card-hour)',
    hourlyHint: 'Your quote; empty: no rental comparison',
    priceLabel: 'Purchase price per card (USD)',
    priceHint: 'Empty: launch price ({price}); type a used or street price',
    noLaunchPrice: 'none published',
    verdicts: {
      fits: '✓ Fits: {total} per card of the {capacity} on {count} × {card}.',
      tight: '≈ Tight: {total} per card of the {capacity} on {count} × {card}; the margin is inside the estimate’s error.',
      offload: '⇄ Runs only with offload on {count} × {card}: it {reason}.',
      unsupported: '✗ Cannot run: the {reason}.',
      'does-not-fit': '✗ Does not fit: needs {total} per card, but the {card} has {capacity}.',
    },
    advice: {
      'add-cards': 'add cards',
      checkpointing: 'switch on gradient checkpointing',
      'optimizer-8bit': 'use 8-bit AdamW',
      lora: 'train LoRA adapters instead',
      qlora: 'use QLoRA',
      'fp16-mixed': 'train in FP16 mixed precision',
    },
    adviceLead: 'To make it run: {advice}.',
    notPriced: 'Not priced: the job does not run on this card as set up.',
    notRun: 'not estimated: the job does not run as set up (see above)',
    busyLabel: 'Busy hours per week',
    busyHint: 'How much an owned card works; 168 is around the clock',
    breakEven: 'Owning beats this rental price once the card is busy more than {hours} hours a week.',
    breakEvenNever: 'At this rental price owning never wins: the electricity alone costs more.',
    breakEvenAbove: 'At this rental price owning never wins within a 168-hour week.',
    fitsLabel: 'Fits?',
    memoryLabel: 'Memory per card',
    throughputLabel: 'Throughput',
    throughputValue: '{tokens} tokens/s',
    timeLabel: 'Time',
    timeValue: '{hours} h ({days} days)',
    cardHoursLabel: 'Card-hours',
    energyLabel: 'Energy',
    energyValue: '{kwh} kWh',
    buyCheaper: 'Owning is cheaper for this run: {buy} against {rent} to rent ({diff} less).',
    rentCheaper: 'Renting is cheaper for this run: {rent} against {buy} for an owned card’s share of its price plus electricity ({diff} less).',
    same: 'Owning and renting cost the same for this run: {buy}.',
    noRent: 'An owned card’s share of its price plus electricity: {buy}. Type a rental price to compare.',
    noPriceNote: 'The {card} has no published launch price, so owning counts electricity only; type a purchase price.',
    costCaption: 'Cost of this run, in US dollars (owned card busy {hours} hours a week)',
    costItemHeader: 'Item',
    usdHeader: 'USD',
    purchaseRow: 'Owned: share of the purchase price (3-year life, at your busy hours)',
    electricityRow: 'Owned: electricity',
    buyTotalRow: 'Owned: total',
    rentRow: 'Rented: card-hours × hourly price',
    notGiven: 'not given',
    cheapestCaption: 'The 8 cheapest cards that run this job (launch price of the cards needed)',
    cheapestNone: 'No card on this site runs this job within 64 cards.',
    sortBy: 'Sort by {column}',
    cardHeader: 'Card',
    countHeader: 'Cards',
    priceHeader: 'Launch price (USD)',
    timeHeader: 'Time (h)',
    energyHeader: 'Energy (kWh)',
    runCostHeader: 'Owned run cost (USD)',
    sortedAscending: 'sorted ascending',
    sortedDescending: 'sorted descending',

  },
  stepTimeline: {
    title: 'Memory timeline of one training step',
    modelLabel: 'Model',
    workloadLabel: 'Workload',
    batchLabel: 'Batch size (sequences)',
    seqLabel: 'Sequence length (tokens)',
    checkpointingLabel: 'Gradient checkpointing',
    cardLabel: 'Card',
    momentLabel: 'Moment in the step',
    workloads: { pretrain: 'Pre-training (every weight)', 'full-finetune': 'Full fine-tune', lora: 'LoRA (BF16 base)', qlora: 'QLoRA (NF4 base)' },
    parts: { weightsBytes: 'Weights', optimizerBytes: 'Optimizer states', gradientsBytes: 'Gradients', activationsBytes: 'Activations and logits', overheadBytes: 'CUDA context and slack' },
    moments: {
      start: 'Start of the step',
      forward: 'Forward, after block {layer} of {layers}',
      loss: 'Loss (logits computed)',
      backward: 'Backward, after block {layer}',
      optimizer: 'Optimizer step',
      end: 'After zero_grad',
    },
    peakFits: '✓ Peak {peak} at “{moment}”: fits the {capacity} of the {card}. The estimator budgets {budget}, adding every term at its own peak.',
    peakNoFit: '✗ Peak {peak} at “{moment}”: more than the {capacity} of the {card}. The estimator budgets {budget}.',
    chartSummary: 'Memory through one training step: peak {peak} at {moment}, against {capacity} on the {card}.',
    forwardPhase: 'forward',
    backwardPhase: 'backward',
    stepPhase: 'step',
    readout: '{moment}: {total}',
    capacityLine: '{card}: {capacity}',
    peakMark: 'peak',
    tableCaption: 'Memory at key moments of the step, in GiB',
    momentHeader: 'Moment',
    totalHeader: 'Total',
    errors: {
      empty: 'Enter a number.',
      notWhole: '“{value}” is not a whole number. Use digits only, e.g. 2048.',
      notBoolean: 'Use 1 (on) or 0 (off).',
      unknownModel: 'Choose a model from the list.',
      unknownWorkload: 'Choose a training workload from the list.',
      unknownCard: 'Choose a card from the list.',
    },
  },
  fineTuneMethods: {
    title: 'Fine-tuning methods side by side',
    modelLabel: 'Model',
    cardLabel: 'Card',
    seqLabel: 'Sequence length (tokens)',
    batchLabel: 'Batch size (sequences)',
    topLabel: 'Top blocks to train (k)',
    topHint: 'Used by the “top k blocks” column',
    rankLabel: 'LoRA rank',
    tokensLabel: 'Training tokens (millions)',
    tokensHint: 'Dataset tokens × epochs',
    checkpointingLabel: 'Gradient checkpointing',
    methods: { full: 'Full fine-tune', top: 'Top k blocks', lora: 'LoRA', qlora: 'QLoRA' },
    topMethod: 'Top {k} blocks',
    parts: { weightsBytes: 'Weights', gradientsBytes: 'Gradients', optimizerBytes: 'Optimizer states', activationsBytes: 'Activations', kvCacheBytes: 'KV cache', overheadBytes: 'CUDA context and slack' },
    tableCaption: 'Memory (GiB), speed and time of each method on the chosen card',
    methodHeader: 'Method',
    trainableRow: 'Trainable parameters (millions)',
    totalRow: 'Total memory',
    verdictRow: 'Fits the card?',
    speedRow: 'Training tokens per second',
    timeRow: 'Time (hours)',
    verdicts: {
      fits: '✓ fits',
      tight: '≈ tight',
      offload: '↷ only with offload',
      unsupported: '✗ format unsupported',
      'does-not-fit': '✗ does not fit',
    },
    barSummary: '{method}: {total} against {capacity} on the {card}.',
    capacityLine: '{card}: {capacity}',
    legendEntry: '{part}: {value}',
    errors: {
      empty: 'Enter a number.',
      notWhole: '“{value}” is not a whole number. Use digits only, e.g. 2048.',
      notBoolean: 'Use 1 (on) or 0 (off).',
      unknownModel: 'Choose a model from the list.',
      unknownCard: 'Choose a card from the list.',
    },
  },
  decodeSpeed: {
    title: 'Decode speed calculator',
    modelLabel: 'Model',
    formatLabel: 'Weight format',
    formatHint: 'Estimated as served by {engine}.',
    contextLabel: 'Context (tokens in the KV cache)',
    contextValue: '{tokens} tokens',
    batchLabel: 'Batch (sequences decoded together)',
    batchValue: '{batch} at a time',
    cardsLegend: 'Cards to compare',
    cardsHint: 'Tick one or more.',
    cardOption: '{name} ({memory} GB)',
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
    fitsCell: '{need} of {capacity} GiB',
    noFitCell: 'does not fit: {need} of {capacity} GiB',
    noSpeed: 'n/a',
    limitMark: '(limit)',
    limits: { weights: 'reading the weights', 'kv-cache': 'reading the KV cache', compute: 'compute', overhead: 'per-step overhead' },
    summary: 'On the {card}, each user sees about {perUser} tokens/s and the card produces {total} tokens/s in all; the step is bound by {limit}.',
    summaryNone: 'The model does not fit on any of the chosen cards at this context and batch.',
    errors: {
      unknownModel: 'Choose a model from the list.',
      unknownFormat: 'Choose a weight format from the list.',
      badContext: 'Use a context from {min} to {max} tokens (a slider step).',
      badBatch: 'Use a batch from {min} to {max} (a slider step).',
      noCards: 'Tick at least one card.',
      unknownCard: 'The link names a card that is not offered here: tick cards from the list.',
    },
  },
};

const tables = { en, 'zh-cn': zhCn } as const;

/** The locales islands have words for. */
export type IslandLocale = keyof typeof tables;

/**
 * The string table for a locale: `Astro.currentLocale` ("en", "zh-CN"; Starlight's path "zh-cn" also works, any case);
 * `undefined` or an unknown locale reads English.
 */
export function islandStrings(locale: string | undefined): IslandStrings {
  const key = locale?.toLowerCase();
  return key !== undefined && key in tables ? tables[key as IslandLocale] : tables.en;
}

/** The key of one island's own words in {@link IslandStrings}. */
export type IslandKey = Exclude<keyof IslandStrings, 'numberLocale' | 'common'>;

/** What one island receives: the number locale, the shared words and its own words, nothing of the other islands'. */
export type IslandWords<K extends IslandKey> = Pick<IslandStrings, 'numberLocale' | 'base' | 'common' | K>;

/**
 * One island's words for a Starlight locale: its own table plus the shared ones, so a page's HTML does not carry every
 * island's words in each island's props.
 * @example Object.keys(islandWords(undefined, 'backprop')) //=> ['numberLocale', 'base', 'common', 'backprop']
 */
export function islandWords<K extends IslandKey>(locale: string | undefined, key: K): IslandWords<K> {
  const all = islandStrings(locale);
  return { numberLocale: all.numberLocale, base: all.base, common: all.common, [key]: all[key] } as IslandWords<K>;
}
