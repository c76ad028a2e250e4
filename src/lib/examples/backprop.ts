/**
 * The worked examples of the two Backprop chapters (Forward and backward propagation; What backpropagation costs): one
 * seeded step of a 2-3-1 perceptron (ReLU, and tanh for contrast), the same step at a learning rate that overshoots, its
 * FLOPs, square-root checkpointing for Llama 3.1 8B's layers, softmax cross-entropy on three logits, and what the logits
 * of one 2,048-token sequence cost in memory. Computed on call.
 */
import { softmaxCrossEntropy } from '../teaching/losses.ts';
import { trainingActivations } from '../estimator/memory.ts';
import { mlpMatmulFlops, sqrtCheckpointing } from '../teaching/mlp-cost.ts';
import type { Activation } from '../teaching/mlp-model.ts';
import { backpropWalk } from '../teaching/mlp.ts';
import { parseScenario } from '../scenario/scenario.ts';
import { tensorBytes } from '../teaching/tensor.ts';
import { flopsPerTokenTraining } from './shared.ts';
import { llamaDims } from './tensors.ts';

/** The chapter's network and its one training example. */
const DEMO = { x: [0.5, -1.2], y: [0.8], seed: 1, learningRate: 0.1, hidden: 3 } as const;

/** Everything the two Backprop chapters print; each page takes the part it needs. */
export function backpropChapter() {
  const demo = { x: [...DEMO.x], y: [...DEMO.y], seed: DEMO.seed, learningRate: DEMO.learningRate, hidden: DEMO.hidden };
  const step = (activation: Activation, learningRate: number, what: string) => {
    const w = backpropWalk({ sample: { x: demo.x, y: demo.y }, activation, hiddenSize: demo.hidden, seed: demo.seed, learningRate, steps: 0 });
    if (!w.ok) throw new Error(`backprop chapter: the ${what} diverged`);
    return w;
  };
  const walk = step('relu', demo.learningRate, 'worked example');
  const dims = llamaDims();
  // Softmax cross-entropy on three logits, true class 0 (the chapter's small example).
  const ce = softmaxCrossEntropy([2, 1, 0], 0);
  const parsed = parseScenario({ model: 'llama-3.1-8b', workload: 'full-finetune', trainingPrecision: 'bf16-mixed', batchSize: 1, seqLen: 2048, gradientCheckpointing: true, flashAttention: true });
  if (!parsed.ok) throw new Error(`backprop chapter: ${parsed.error}`);
  const ceS = parsed.scenario;
  const ceAct = trainingActivations(ceS, { tensorParallel: 1, pipelineParallel: 1 });
  const ceTokens = ceS.batchSize * ceS.seqLen;
  // Exercises: 6N for an 8.03B model, and the saved input of one 2,048 x 4,096 linear layer in BF16.
  const exParams = 8.03e9;
  return {
    demo,
    walk,
    tanhWalk: step('tanh', demo.learningRate, 'tanh example'),
    overshoot: step('relu', 2, 'overshoot example'),
    f: walk.forward,
    g: walk.gradients,
    p: walk.params,
    /** Hidden units (1-based) that ReLU switches off in the worked example. */
    offUnits: walk.forward.z1.flatMap((z, h) => (z <= 0 ? [h + 1] : [])),
    fl: mlpMatmulFlops({ inputSize: demo.x.length, hiddenSize: demo.hidden, outputSize: demo.y.length }),
    /** Llama 3.1 8B: its layers (checkpointing) and one MLP up projection's shapes for a 2,048-token sequence (an exercise). */
    llama: { modelName: dims.modelName, layers: dims.layers, tokens: dims.seq, hidden: dims.hidden, ffn: dims.ffn },
    plan: sqrtCheckpointing(dims.layers),
    /** How much the step lowered the loss, as a fraction of the loss before it. */
    lossDrop: -walk.relativeLossChange,
    ceEx: ce,
    ceS,
    ceAct,
    ceTokens,
    /** Bytes the estimator charges per logit. */
    cePerLogit: ceAct.logitsBytes / (ceTokens * ceS.model.vocabSize),
    exercises: { params: exParams, sixN: flopsPerTokenTraining(exParams), savedBytes: tensorBytes([2048, 4096], 'bf16') },
  };
}
