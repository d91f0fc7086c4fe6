/**
 * Averaged structured perceptron (Collins 2002) over hashed features with BILOU Viterbi decoding.
 * Deterministic: sentence order is shuffled by a seeded PRNG, so a given seed reproduces the same weights.
 */
import { NUM_LABELS } from './labels.js';
import { TRANSITION_ROWS, emissionScores, viterbi, type WeightSource } from './model.js';
import type { FeatureMatrix } from './features.js';
import { seededRandom } from '../../util/random.js';

export { seededRandom };

const L = NUM_LABELS;

export interface TrainingDocument {
  readonly features: FeatureMatrix;
  /** Gold BILOU labels of the document's flattened tokens. */
  readonly gold: Int8Array;
  /** Sentence token ranges [from, to) in the flattened document. */
  readonly sentences: readonly (readonly [number, number])[];
}

export interface TrainOptions {
  readonly epochs: number;
  /**
   * Independent runs with different shuffling seeds whose averaged weights are averaged again: a single perceptron
   * depends on its example order, and the mean of a few orders generalises a little better (1 = a single run).
   */
  readonly runs?: number;
  readonly bucketBits: number;
  readonly seed: number;
  readonly log?: (message: string) => void;
}


/** Seed of run `r`: far apart so runs never share a shuffling stream. */
const RUN_SEED_STRIDE = 7919;

export function trainPerceptron(docs: readonly TrainingDocument[], options: TrainOptions): WeightSource {
  const runs = options.runs ?? 1;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`NER training: runs must be a positive integer, got ${runs}`);
  const first = trainOneRun(docs, options);
  for (let r = 1; r < runs; r++) {
    const next = trainOneRun(docs, { ...options, seed: options.seed + r * RUN_SEED_STRIDE });
    for (let i = 0; i < first.weights.length; i++) first.weights[i] = first.weights[i]! + next.weights[i]!;
    for (let i = 0; i < first.transitions.length; i++) first.transitions[i] = first.transitions[i]! + next.transitions[i]!;
  }
  if (runs > 1) {
    for (let i = 0; i < first.weights.length; i++) first.weights[i] = first.weights[i]! / runs;
    for (let i = 0; i < first.transitions.length; i++) first.transitions[i] = first.transitions[i]! / runs;
  }
  return first;
}

function trainOneRun(docs: readonly TrainingDocument[], options: TrainOptions): WeightSource {
  const buckets = 1 << options.bucketBits;
  const mask = buckets - 1;
  const weights = new Float32Array(buckets * L);
  const acc = new Float64Array(buckets * L);
  const transitions = new Float32Array(TRANSITION_ROWS * L);
  const transAcc = new Float64Array(TRANSITION_ROWS * L);
  const model: WeightSource = { bucketBits: options.bucketBits, weights, weightScale: 1, transitions };
  const order: [number, number][] = [];
  docs.forEach((d, di) => d.sentences.forEach((_, si) => order.push([di, si])));
  const random = seededRandom(options.seed);
  let step = 1;
  let scratch = new Float64Array(256 * L);
  let pred = new Int8Array(256);

  const update = (fm: FeatureMatrix, t: number, y: number, delta: number): void => {
    const a = fm.offsets[t] ?? 0;
    const b = fm.offsets[t + 1] ?? 0;
    for (let k = a; k < b; k++) {
      const idx = ((fm.feats[k] ?? 0) & mask) * L + y;
      weights[idx] = (weights[idx] ?? 0) + delta;
      acc[idx] = (acc[idx] ?? 0) + step * delta;
    }
  };
  const updateTransition = (from: number, to: number, delta: number): void => {
    const idx = (from + 1) * L + to;
    transitions[idx] = (transitions[idx] ?? 0) + delta;
    transAcc[idx] = (transAcc[idx] ?? 0) + step * delta;
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i] as [number, number];
      order[i] = order[j] as [number, number];
      order[j] = tmp;
    }
    let errors = 0;
    let tokens = 0;
    for (const [di, si] of order) {
      const doc = docs[di] as TrainingDocument;
      const [from, to] = doc.sentences[si] as readonly [number, number];
      const n = to - from;
      if (scratch.length < n * L) scratch = new Float64Array(n * L * 2);
      if (pred.length < n) pred = new Int8Array(n * 2);
      const scores = emissionScores(model, doc.features, from, to, scratch);
      viterbi(scores, n, transitions, pred, 0);
      let wrong = false;
      for (let t = 0; t < n; t++) {
        const g = doc.gold[from + t] ?? 0;
        const p = pred[t] ?? 0;
        if (g !== p) {
          wrong = true;
          errors++;
          update(doc.features, from + t, g, 1);
          update(doc.features, from + t, p, -1);
        }
      }
      if (wrong) {
        for (let t = 0; t < n; t++) {
          const gPrev = t === 0 ? -1 : (doc.gold[from + t - 1] ?? 0);
          const pPrev = t === 0 ? -1 : (pred[t - 1] ?? 0);
          const g = doc.gold[from + t] ?? 0;
          const p = pred[t] ?? 0;
          if (gPrev !== pPrev || g !== p) {
            updateTransition(gPrev, g, 1);
            updateTransition(pPrev, p, -1);
          }
        }
      }
      tokens += n;
      step++;
    }
    options.log?.(`epoch ${epoch + 1}/${options.epochs}: ${errors} token errors / ${tokens} (${((100 * errors) / tokens).toFixed(2)}%)`);
  }
  // Averaged weights: w_avg = w - acc / step.
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) - (acc[i] ?? 0) / step;
  for (let i = 0; i < transitions.length; i++) transitions[i] = (transitions[i] ?? 0) - (transAcc[i] ?? 0) / step;
  return model;
}
