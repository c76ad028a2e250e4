/** Words of the step memory-timeline calculator on the Training loop chapter. */
export const en = {
  /** Accessible name of the calculator region. */
  title: 'Memory timeline of one training step',
  /** Label of the slider that picks one moment of the step. */
  momentLabel: 'Moment in the step',
  /** Names of the stacked parts. */
  parts: { weightsBytes: 'Weights', optimizerBytes: 'Optimizer states', gradientsBytes: 'Gradients', activationsBytes: 'Activations and logits', overheadBytes: 'CUDA context and slack' },
  /** A moment in words; placeholders {layer}, {layers}. */
  moments: {
    start: 'Start of the step',
    forward: 'Forward, after block {layer} of {layers}',
    loss: 'Loss (logits computed)',
    backward: 'Backward, after block {layer}',
    optimizer: 'Optimizer step',
    end: 'After zero_grad',
  },
  /** Headline; placeholders {peak}, {moment}, {capacity}, {card}, {budget}. */
  peakFits: '✓ Peak {peak} at “{moment}”: fits the {capacity} of the {card}. The estimator budgets {budget}, adding every term at its own peak.',
  peakNoFit: '✗ Peak {peak} at “{moment}”: more than the {capacity} of the {card}. The estimator budgets {budget}.',
  /** Chart summary; placeholders {peak}, {moment}, {capacity}, {card}. */
  chartSummary: 'Memory through one training step: peak {peak} at {moment}, against {capacity} on the {card}.',
  /** Phase labels drawn over the chart. */
  forwardPhase: 'forward',
  backwardPhase: 'backward',
  stepPhase: 'step',
  /** Readout of the chosen moment; placeholders {moment}, {total}. */
  readout: '{moment}: {total}',
  /** Placeholders {card}, {capacity}. */
  capacityLine: '{card}: {capacity}',
  peakMark: 'peak',
  tableCaption: 'Memory at key moments of the step, in GiB',
  momentHeader: 'Moment',
  totalHeader: 'Total',
};

/** The shape of these words in every locale: the English table's own type. */
export type StepTimelineWords = typeof en;
