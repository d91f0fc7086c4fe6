/**
 * The two-stage tagger: stage 1 labels a document from local and document-statistics features; stage 2 relabels it
 * adding features built from stage 1's labels of the same words elsewhere in the document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FeatureExtractor, NUM_SLOTS, SLOT_NEXT1, SLOT_NEXT2, SLOT_PREV1, SLOT_PREV2, SLOT_SELF, mergeFeatures, paddingFeatures, wordLocalFeatures,
  type FeatureMatrix, type WordInfo,
} from './features.js';
import { NUM_LABELS, iob2FromBilou } from './labels.js';
import { accumulateSparse, deserializeModels, emissionScores, viterbi, type AnyWeights, type SparseWeights } from './model.js';
import { loadResources, type NerResources } from './resources.js';

export const MODEL_FILE = 'model.bin.gz';

export class NerTagger {
  readonly extractor: FeatureExtractor;
  private scratch = new Float64Array(256 * NUM_LABELS);
  /** The run-time (sparse) stages, when both are: only those take the fast path below. */
  private readonly sparseStages: readonly SparseWeights[] | null;
  /** Score vectors of the sentence padding, laid out like `WordInfo.localScores`. */
  private readonly padLeft: Int32Array;
  private readonly padRight: Int32Array;

  constructor(
    readonly resources: NerResources,
    readonly stage1: AnyWeights,
    readonly stage2: AnyWeights | null,
  ) {
    this.extractor = new FeatureExtractor(resources);
    const stages = stage2 ? [stage1, stage2] : [stage1];
    this.sparseStages = stages.every((s): s is SparseWeights => 'entries' in s) ? (stages as SparseWeights[]) : null;
    this.padLeft = this.slotScores(paddingFeatures('left'));
    this.padRight = this.slotScores(paddingFeatures('right'));
  }

  /** BILOU labels of a document's flattened tokens; `base` may pass precomputed stage-1 features. */
  tagDocument(doc: readonly (readonly string[])[], base?: FeatureMatrix): Int8Array {
    if (!base && this.sparseStages) return this.tagFast(doc, this.sparseStages);
    const features = base ?? this.extractor.extract(doc);
    const first = this.decode(this.stage1, features, doc);
    if (!this.stage2) return first;
    const extra = this.extractor.extractStage2(doc, first);
    return this.decode(this.stage2, mergeFeatures(features, extra), doc);
  }

  /** Stage-1 labels only (used to build second-stage training data). */
  tagStage1(doc: readonly (readonly string[])[], features: FeatureMatrix): Int8Array {
    return this.decode(this.stage1, features, doc);
  }

  private decode(model: AnyWeights, features: FeatureMatrix, doc: readonly (readonly string[])[]): Int8Array {
    const out = new Int8Array(features.offsets.length - 1);
    let from = 0;
    for (const sent of doc) {
      const n = sent.length;
      if (this.scratch.length < n * NUM_LABELS) this.scratch = new Float64Array(n * NUM_LABELS * 2);
      const scores = emissionScores(model, features, from, from + n, this.scratch);
      viterbi(scores, n, model.transitions, out, from);
      from += n;
    }
    return out;
  }

  /**
   * The same labels as the generic path, computed faster: the word-local features (33 of a token's ~45) are
   * summed once per word type and slot into `WordInfo.localScores` (680 bytes per type for two stages), so a token
   * adds five cached vectors and looks up only its residual features. Quantised weights are integers, so the sums are exact and the order does not matter.
   */
  private tagFast(doc: readonly (readonly string[])[], stages: readonly SparseWeights[]): Int8Array {
    const infos = this.extractor.infos(doc);
    const residual = this.extractor.extract(infos, false);
    const first = this.decodeFast(infos, stages, 0, residual, null);
    if (stages.length === 1) return first;
    return this.decodeFast(infos, stages, 1, residual, this.extractor.extractStage2(infos, first));
  }

  private decodeFast(infos: WordInfo[][], stages: readonly SparseWeights[], stage: number, residual: FeatureMatrix,
    extra: FeatureMatrix | null): Int8Array {
    const L = NUM_LABELS;
    const model = stages[stage]!;
    const out = new Int8Array(residual.offsets.length - 1);
    const slot = (k: number): number => (stage * NUM_SLOTS + k) * L;
    const self = slot(SLOT_SELF);
    const prev2 = slot(SLOT_PREV2);
    const prev1 = slot(SLOT_PREV1);
    const next1 = slot(SLOT_NEXT1);
    const next2 = slot(SLOT_NEXT2);
    let flat = 0;
    for (const sent of infos) {
      const n = sent.length;
      if (this.scratch.length < n * L) this.scratch = new Float64Array(n * L * 2);
      const scores = this.scratch;
      const vectors = sent.map((w) => this.localScores(w));
      for (let t = 0; t < n; t++) {
        const base = t * L;
        const v0 = vectors[t]!;
        const vp2 = t >= 2 ? vectors[t - 2]! : this.padLeft;
        const vp1 = t >= 1 ? vectors[t - 1]! : this.padLeft;
        const vn1 = t + 1 < n ? vectors[t + 1]! : this.padRight;
        const vn2 = t + 2 < n ? vectors[t + 2]! : this.padRight;
        for (let y = 0; y < L; y++) {
          scores[base + y] = v0[self + y]! + vp2[prev2 + y]! + vp1[prev1 + y]! + vn1[next1 + y]! + vn2[next2 + y]!;
        }
        const token = flat + t;
        accumulateSparse(model, residual.feats, residual.offsets[token]!, residual.offsets[token + 1]!, scores, base);
        if (extra) accumulateSparse(model, extra.feats, extra.offsets[token]!, extra.offsets[token + 1]!, scores, base);
      }
      const scale = model.weightScale;
      for (let i = 0; i < n * L; i++) scores[i] = scores[i]! * scale;
      viterbi(scores, n, model.transitions, out, flat);
      flat += n;
    }
    return out;
  }

  /** The word type's cached word-local score vectors for every stage and slot. */
  private localScores(word: WordInfo): Int32Array {
    if (word.localScores) return word.localScores;
    word.localScores = this.slotScores(wordLocalFeatures(word));
    return word.localScores;
  }

  /** Quantised score vectors of per-slot feature lists, index (stage * NUM_SLOTS + slot) * NUM_LABELS + label. */
  private slotScores(perSlot: readonly Int32Array[]): Int32Array {
    const stages = this.sparseStages ?? [];
    const vector = new Int32Array(Math.max(1, stages.length) * NUM_SLOTS * NUM_LABELS);
    stages.forEach((model, stage) => {
      perSlot.forEach((feats, slot) => accumulateSparse(model, feats, 0, feats.length, vector, (stage * NUM_SLOTS + slot) * NUM_LABELS));
    });
    return vector;
  }
}

/** The repository root: the nearest folder above this module holding package.json (works from src/ and dist/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`NER: cannot find package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export function modelDir(): string {
  return join(repoRoot(), 'models', 'ner');
}

export function loadTagger(dir: string = modelDir()): NerTagger {
  const path = join(dir, MODEL_FILE);
  if (!existsSync(path)) throw new Error(`NER: model file ${path} is missing; run \`npx tsx scripts/train-ner.ts\` to train it`);
  const { stages } = deserializeModels(readFileSync(path));
  const [stage1, stage2] = stages;
  if (!stage1) throw new Error(`NER: model file ${path} has no stages`);
  return new NerTagger(loadResources(dir), stage1, stage2 ?? null);
}

let shared: NerTagger | null = null;

/** The committed model, loaded once per process. */
export function defaultTagger(): NerTagger {
  shared ??= loadTagger();
  return shared;
}

/** IOB2 tags for documents of pre-tokenised sentences. */
export function tagDocuments(docs: readonly (readonly (readonly string[])[])[], tagger: NerTagger = defaultTagger()): string[][][] {
  return docs.map((doc) => {
    const labels = tagger.tagDocument(doc);
    const out: string[][] = [];
    let from = 0;
    for (const sent of doc) {
      out.push(iob2FromBilou(labels.subarray(from, from + sent.length)));
      from += sent.length;
    }
    return out;
  });
}
