/** Words of the backpropagation walk-through (Forward and backward propagation chapter). */
export const en = {
  /** Accessible name of the walk-through region. */
  title: 'Backpropagation walk-through',
  xLabel: 'Input x',
  /** Placeholders {max}, {limit}. */
  xHint: '1 to {max} numbers between −{limit} and {limit}, separated by commas, e.g. 0.5, -1.2',
  yLabel: 'Target y',
  /** Placeholders {max}, {limit}. */
  yHint: '1 to {max} numbers between −{limit} and {limit}, e.g. 0.8',
  lrLabel: 'Learning rate η',
  /** Placeholder {max}. */
  lrHint: 'Greater than 0 and at most {max}, e.g. 0.1',
  activationLabel: 'Hidden activation f',
  activationNames: { relu: 'ReLU: max(0, z)', tanh: 'tanh(z)' },
  seedLabel: 'Seed for the initial weights',
  /** Placeholder {max}. */
  seedHint: 'A whole number from 0 to {max}; the same seed gives the same weights',
  stageLegend: 'Show',
  stageNames: { forward: '1. Forward pass', backward: '2. Backward pass', update: '3. Update', all: 'All three' },
  stepButton: 'Take one training step',
  restartButton: 'Back to step 0',
  /** Placeholders {step}, {before}, {after}. */
  stepStatus: 'Steps already taken on this example: {step}. This step moves the loss from {before} to {after}.',
  paramsHeading: 'Parameters at the start of the step',
  forwardHeading: '1. Forward pass',
  backwardHeading: '2. Backward pass',
  updateHeading: '3. Update',
  /** Row and column labels; placeholder {n}. */
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
  /** Placeholder {loss}. */
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
  /** Placeholders {lr}. */
  updateRule: 'Every parameter moves against its gradient: θ ← θ − {lr} × ∂L/∂θ.',
  lossBeforeLabel: 'Loss before the step',
  lossAfterLabel: 'Loss after the step',
  /** Placeholder {percent}. */
  lossFell: 'The loss fell by {percent}.',
  /** Placeholder {percent}. */
  lossRose: 'The loss rose by {percent}: the step overshot. Try a smaller learning rate.',
  checkLabel: 'Gradient check: largest relative error against finite differences',
  checkAgree: 'Backpropagation and the central differences (L(θ + h) − L(θ − h)) / 2h agree.',
  checkDisagree: 'The two disagree by more than 10⁻⁶ on some parameter.',
  /** Placeholder {units}. */
  checkKink: 'ReLU unit {units} sits at its kink (z₁ ≈ 0), where the slope jumps from 0 to 1; a finite difference straddles the jump, so a mismatch there is expected, not a bug.',
  checkDetails: 'Every parameter: backpropagation against finite differences',
  paramHeader: 'Parameter',
  analyticHeader: 'Backpropagation',
  numericHeader: 'Finite difference',
  relErrorHeader: 'Relative error',
  errors: {
    empty: 'Enter at least one number.',
    /** Placeholder {token}. */
    notANumber: '“{token}” is not a number. Use digits, e.g. 0.5 or -1.2.',
    /** Placeholders {count}, {max}. */
    tooMany: '{count} numbers is more than the {max} this network takes.',
    /** Placeholders {token}, {max}. */
    outOfRange: '{token} is outside −{max} to {max}.',
    /** Placeholder {max}. */
    lrRange: 'Enter a learning rate greater than 0 and at most {max}.',
    /** Placeholder {max}. */
    seedRange: 'Enter a whole number from 0 to {max}.',
    notWhole: 'The seed must be a whole number.',
    unknownActivation: 'Choose ReLU or tanh from the list.',
    unknownStage: 'The link names an unknown stage; showing all three.',
    /** Placeholders {text}, {max}. */
    badSteps: 'The link’s step count “{text}” is not a whole number from 0 to {max}; starting from step 0.',
    /** Placeholder {step}. */
    diverged: 'At step {step} the values grew beyond 10¹²: this learning rate makes training diverge. Try a smaller one.',
  },
};

/** The shape of these words in every locale: the English table's own type. */
export type BackpropWords = typeof en;
