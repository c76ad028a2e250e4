import type { FitAdvice } from '../../lib/estimator/verdict.ts';
import type { Verdict } from '../../lib/scenario/vocabulary.ts';

/** Words of the training time, energy and cost calculator. */
export const en = {
  /** Accessible name of the calculator region. */
  title: 'Training time, energy and cost calculator',
  modelLabel: 'Model',
  workloadLabel: 'Workload',
  tokensLabel: 'Training tokens',
  tokensHint: 'Digits, or with a suffix: 100M, 10B, 1.4T',
  cardLabel: 'Card',
  /** Card option; placeholders {name}, {memory}. */
  cardOption: '{name} ({memory} GB)',
  countLabel: 'Cards',
  countHint: 'Several cards split the model states (ZeRO-3)',
  frameworkLabel: 'Fine-tuning framework',
  /** Hint under the framework select. */
  frameworkHint: 'Sets recipe defaults, utilisation and 4-bit handling',
  batchLabel: 'Batch size (sequences per card)',
  seqLabel: 'Sequence length (tokens)',
  checkpointingLabel: 'Gradient checkpointing',
  mfuLabel: 'Utilisation (MFU)',
  /** Hint with the default; placeholders {default}, {workload}. */
  mfuHint: 'A fraction (0.4) or a percent (40%); empty: the estimator’s default, {default}% for {workload}',
  electricityLabel: 'Electricity (USD per kWh)',
  electricityHint: 'Your tariff',
  hourlyLabel: 'Rental price (USD per card-hour)',
  hourlyHint: 'Your quote; empty: no rental comparison',
  priceLabel: 'Purchase price per card (USD)',
  /** Placeholder {price}: the launch price, or the words for none. */
  priceHint: 'Empty: launch price ({price}); type a used or street price',
  noLaunchPrice: 'none published',
  /** Verdict sentences by verdict; placeholders {total}, {capacity}, {card}, {count}, {reason}. */
  verdicts: {
    fits: '✓ Fits: {total} per card of the {capacity} on {count} × {card}.',
    tight: '≈ Tight: {total} per card of the {capacity} on {count} × {card}; the margin is inside the estimate’s error.',
    offload: '⇄ Runs only with offload on {count} × {card}: it {reason}.',
    unsupported: '✗ Cannot run: the {reason}.',
    'does-not-fit': '✗ Does not fit: needs {total} per card, but the {card} has {capacity}.',
  } satisfies Record<Verdict, string>,
  /** What to change, by advice id; joined into `adviceLead`'s {advice}. */
  advice: {
    'add-cards': 'add cards',
    checkpointing: 'switch on gradient checkpointing',
    'optimizer-8bit': 'use 8-bit AdamW',
    lora: 'train LoRA adapters instead',
    qlora: 'use QLoRA',
    'fp16-mixed': 'train in FP16 mixed precision',
  } satisfies Record<FitAdvice, string>,
  adviceLead: 'To make it run: {advice}.',
  /** Shown instead of a price, time or speed for a job that does not run. */
  notPriced: 'Not priced: the job does not run on this card as set up.',
  notRun: 'not estimated: the job does not run as set up (see above)',
  busyLabel: 'Busy hours per week',
  busyHint: 'How much an owned card works; 168 is around the clock',
  /** Break-even sentences; placeholder {hours}. */
  breakEven: 'Owning beats this rental price once the card is busy more than {hours} hours a week.',
  breakEvenNever: 'At this rental price owning never wins: the electricity alone costs more.',
  breakEvenAbove: 'At this rental price owning never wins within a 168-hour week.',
  throughputLabel: 'Throughput',
  /** Placeholders {tokens}. */
  throughputValue: '{tokens} tokens/s',
  timeLabel: 'Time',
  /** Placeholders {hours}, {days}. */
  timeValue: '{hours} h ({days} days)',
  cardHoursLabel: 'Card-hours',
  energyLabel: 'Energy',
  /** Placeholder {kwh}. */
  energyValue: '{kwh} kWh',
  /** Sentence comparing buying and renting; placeholders {buy}, {rent}, {diff}. */
  buyCheaper: 'Owning is cheaper for this run: {buy} against {rent} to rent ({diff} less).',
  rentCheaper: 'Renting is cheaper for this run: {rent} against {buy} for an owned card’s share of its price plus electricity ({diff} less).',
  same: 'Owning and renting cost the same for this run: {buy}.',
  /** Sentence when no hourly price is given; placeholder {buy}. */
  noRent: 'An owned card’s share of its price plus electricity: {buy}. Type a rental price to compare.',
  /** Added when the card has no launch price; placeholder {card}. */
  noPriceNote: 'The {card} has no published launch price, so owning counts electricity only; type a purchase price.',
  /** Placeholder {hours}: busy hours per week. */
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

};

/** The shape of these words in every locale: the English table's own type. */
export type TrainingCostWords = typeof en;
