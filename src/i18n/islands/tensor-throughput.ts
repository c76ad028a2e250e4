import { TENSOR_FORMAT_LABEL } from '../../lib/hardware/tensorcores.ts';
import { seriesNames } from '../series-names.ts';

/** Words of the Tensor Core throughput chart. */
export const en = {
  /** Accessible name of the chart region. */
  title: 'Tensor Core throughput by card',
  formatLabel: 'Format',
  seriesLabel: 'Cards',
  allSeries: 'All cards',
  /** Product family names by series id. */
  seriesNames: seriesNames('Data-centre and workstation') as Record<string, string>,
  /** Format names by tensor format id. */
  formatNames: TENSOR_FORMAT_LABEL as Record<string, string>,
  /** Chart summary; placeholders {format}, {count}, {first}, {value}, {unit}. */
  summary: '{count} cards run {format} on Tensor Cores; the fastest is {first} at {value} {unit} dense.',
  /** Shown when no card in the chosen series supports the format; placeholder {format}. */
  noneSupported: 'No card in this selection runs {format} on Tensor Cores.',
  legendDense: 'Solid bar: dense peak',
  legendSparse: 'Dashed outline: peak with 2:4 sparsity',
  /** Bar label; placeholders {dense}, {sparse}, {unit}. */
  barSparse: '{dense} dense, {sparse} sparse {unit}',
  /** Bar label without a sparse figure; placeholders {dense}, {unit}. */
  barDense: '{dense} {unit} dense, no sparsity speed-up',
  /** Line describing the focused bar; placeholders {name}, {text}. */
  focused: '{name}: {text}',
  chartHint: 'Tab into the chart, then use the up and down arrow keys to move between cards.',
  /** Heading of the unsupported list; placeholder {format}. */
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
};

/** The shape of these words in every locale: the English table's own type. */
export type TensorThroughputWords = typeof en;
