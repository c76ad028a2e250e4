/** Words of the tensor-size calculator. */
export const en = {
  /** Accessible name of the calculator region. */
  title: 'Tensor size calculator',
  shapeLabel: 'Shape',
  shapeHint: 'Dimensions separated by commas, e.g. 8, 2048, 4096',
  formatLabel: 'Number format',
  rankLabel: 'Rank',
  elementsLabel: 'Elements',
  bytesLabel: 'Bytes',
  stridesLabel: 'Contiguous strides (elements)',
  /** Explains the bytes row; placeholders {elements} and {bytesPerValue}. */
  bytesFormula: '{elements} elements × {bytesPerValue} bytes each',
  errors: {
    empty: 'Enter at least one dimension.',
    /** Placeholder {token}. */
    notInteger: '“{token}” is not a whole number. Use digits only, e.g. 4096.',
    /** Placeholder {token}. */
    notPositive: 'Dimension {token} must be at least 1.',
    /** Placeholders {rank} and {max}. */
    tooManyDims: '{rank} dimensions is more than the {max} this calculator takes.',
    tooLarge: 'That tensor has more than 2^53 elements, far beyond any GPU’s memory.',
    unknownFormat: 'Choose a number format from the list.',
  },
};

/** The shape of these words in every locale: the English table's own type. */
export type TensorSizeWords = typeof en;
