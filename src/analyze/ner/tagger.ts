/**
 * The two-stage tagger: stage 1 labels a document from local and document-statistics features; stage 2 relabels it
 * adding features built from stage 1's labels of the same words elsewhere in the document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FeatureExtractor, mergeFeatures, type FeatureMatrix } from './features.js';
import { NUM_LABELS, iob2FromBilou } from './labels.js';
import { deserializeModels, emissionScores, viterbi, type AnyWeights } from './model.js';
import { loadResources, type NerResources } from './resources.js';

export const MODEL_FILE = 'model.bin.gz';

export class NerTagger {
  readonly extractor: FeatureExtractor;
  private scratch = new Float64Array(256 * NUM_LABELS);

  constructor(
    readonly resources: NerResources,
    readonly stage1: AnyWeights,
    readonly stage2: AnyWeights | null,
  ) {
    this.extractor = new FeatureExtractor(resources);
  }

  /** BILOU labels of a document's flattened tokens; `base` may pass precomputed stage-1 features. */
  tagDocument(doc: readonly (readonly string[])[], base?: FeatureMatrix): Int8Array {
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
