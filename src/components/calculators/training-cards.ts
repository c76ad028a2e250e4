/**
 * The cards the training calculators of the Pre-training and Fine-tuning chapters offer: consumer cards from 12 to 32 GB and
 * the data-centre cards people rent for fine-tuning. A short list keeps the pages light (ids here, columns from the data).
 */
export const TRAINING_CARD_IDS = [
  'rtx-3060-12gb', 'rtx-4060-ti-16gb', 'rtx-3090', 'rtx-4090', 'rtx-5090', 'rtx-a6000', 'rtx-6000-ada', 'l40s', 'a100-sxm-80gb', 'h100-sxm', 'h200-sxm',
] as const;
