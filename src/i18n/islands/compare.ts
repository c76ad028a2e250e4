/** Words of the side-by-side card comparison on /gpus/compare/. */
export const en = {
  /** Accessible name of the comparison region. */
  title: 'Compare cards side by side',
  /** Label of the n-th card select; placeholder {n}. */
  cardLabel: 'Card {n}',
  /** Label of an optional (3rd, 4th) card select; placeholder {n}. */
  optionalCardLabel: 'Card {n} (optional)',
  /** The empty choice of an optional select. */
  none: '— none —',
  /** Header of the first column. */
  specHeader: 'Specification (unit)',
  /** Explains the winner marks. */
  legend: '✓ marks the better value in each row, in words: higher is better for throughput, memory and bandwidth; lower is better for power and price. A missing format counts as none; a price that was never published is left out.',
  /** Mark beside the better of two values. */
  higher: 'higher',
  lower: 'lower',
  /** Mark beside the best of three or four values. */
  highest: 'best (highest)',
  lowest: 'best (lowest)',
  /** Added when several cards tie for the best. */
  tie: 'tie',
  /** Unknown ids in the address; placeholders {ids} and {shown}. */
  unknownIds: 'No card has the id {ids}; showing {shown}.',
  /** The address chose fewer than two known cards; placeholder {shown}. */
  tooFew: 'The address names fewer than two known cards; showing {shown}.',
  /** The address chose more than four cards; placeholder {max}. */
  tooMany: 'At most {max} cards fit side by side; showing the first ones.',
  /** The same card was chosen twice. */
  duplicate: 'That card is already in the comparison.',
};

/** The shape of these words in every locale: the English table's own type. */
export type CompareWords = typeof en;
