/** Words of the GPU timeline chart (Why GPUs chapter). */
export const en = {
  /** Accessible name of the chart region. */
  title: 'Every card by launch date',
  metricLabel: 'Vertical axis',
  scaleLabel: 'Scale',
  scaleLog: 'Logarithmic',
  scaleLinear: 'Linear',
  /** Metric names (with unit) by metric id. */
  metricNames: {
    fp32: 'FP32 throughput (TFLOPS, CUDA cores)',
    tensor: 'Dense tensor FP16/BF16 throughput (TFLOPS, FP32 accumulate)',
    memory: 'Memory (GB)',
    bandwidth: 'Memory bandwidth (GB/s)',
    price: 'Launch price (US dollars)',
  } as Record<string, string>,
  /** Short units by metric id. */
  metricUnits: { fp32: 'TFLOPS', tensor: 'TFLOPS', memory: 'GB', bandwidth: 'GB/s', price: 'USD' },
  /** Product family names by series id. */
  seriesNames: {
    'geforce-10': 'GeForce 10 (Pascal)',
    'geforce-16': 'GeForce 16 (Turing, no Tensor Cores)',
    'geforce-20': 'GeForce 20 (Turing)',
    'geforce-30': 'GeForce 30 (Ampere)',
    'geforce-40': 'GeForce 40 (Ada)',
    'geforce-50': 'GeForce 50 (Blackwell)',
    reference: 'Data-centre and workstation',
  } as Record<string, string>,
  findLabel: 'Find a card',
  findHint: 'Type a name such as RTX 4090 to highlight it.',
  /** Chart summary; placeholders {count}, {metric}, {first}, {firstValue}, {last}, {lastValue}, {unit}. */
  summary: '{count} cards plotted. The earliest, {first}, has {firstValue} {unit}; the highest, {last}, has {lastValue} {unit}.',
  /** Cards without a value for the metric; placeholder {names}. */
  missing: 'Not plotted (no published value): {names}.',
  legendHeading: 'Marks by family',
  chartHint: 'Hover over a mark, or tab into the chart and use the left and right arrow keys to step through the cards by date.',
  xAxis: 'Launch date',
  /** Details of the focused card; placeholders {name}, {family}, {date}, {value}, {unit}. */
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
    /** Placeholder {text}. */
    unknownCard: 'No card matches “{text}”. Try a model number such as 3090.',
    /** Placeholder {count}, {text}. */
    ambiguousCard: '{count} cards match “{text}”; type more of the name.',
    /** Placeholder {name}. */
    cardHasNoValue: '{name} has no published value for this quantity.',
  },
};

/** The shape of these words in every locale: the English table's own type. */
export type GpuTimelineWords = typeof en;
