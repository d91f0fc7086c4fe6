/**
 * Cheap distributional word clusters for the NER model (a stand-in for Brown clusters): each frequent word gets a
 * vector of PPMI-weighted left/right neighbour counts over the most frequent context words, randomly projected to a
 * dense vector, then spherical k-means at several granularities assigns cluster ids (coarse → fine).
 */
import { WordClusters } from '../src/analyze/ner/resources.js';
import { seededRandom } from '../src/analyze/ner/train.js';

export interface ClusterOptions {
  readonly seed: number;
  readonly log?: (m: string) => void;
}

/** Words seen fewer times have too little context to cluster reliably. */
const MIN_COUNT = 3;
const MAX_VOCAB = 60_000;
/** Context vocabulary: the most frequent (lower-cased) words. */
const CONTEXT_WORDS = 1500;
const DIMENSIONS = 96;
const GRANULARITIES = [32, 128, 512, 1024];
const KMEANS_ITERATIONS = 8;

export function buildClusters(sentences: Iterable<string[]>, options: ClusterOptions): WordClusters {
  const corpus: string[][] = [];
  const freq = new Map<string, number>();
  const lowerFreq = new Map<string, number>();
  let tokens = 0;
  for (const s of sentences) {
    corpus.push(s);
    for (const w of s) {
      freq.set(w, (freq.get(w) ?? 0) + 1);
      const l = w.toLowerCase();
      lowerFreq.set(l, (lowerFreq.get(l) ?? 0) + 1);
      tokens++;
    }
  }
  options.log?.(`clusters: corpus ${corpus.length} sentences, ${tokens} tokens, ${freq.size} word forms`);
  const byFreq = (m: Map<string, number>): string[] =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w);
  const vocab = byFreq(freq).filter((w) => (freq.get(w) ?? 0) >= MIN_COUNT).slice(0, MAX_VOCAB);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const context = byFreq(lowerFreq).slice(0, CONTEXT_WORDS);
  const contextIndex = new Map(context.map((w, i) => [w, i]));
  const C = 2 * (CONTEXT_WORDS + 2); // left and right; +2 for sentence boundary and "other"
  const BOUNDARY = CONTEXT_WORDS;
  const OTHER = CONTEXT_WORDS + 1;

  // Sparse co-occurrence counts per vocabulary word.
  const counts: Map<number, number>[] = vocab.map(() => new Map());
  const colTotals = new Float64Array(C);
  let total = 0;
  for (const s of corpus) {
    for (let i = 0; i < s.length; i++) {
      const v = vocabIndex.get(s[i] ?? '');
      if (v === undefined) continue;
      const left = i === 0 ? BOUNDARY : contextIndex.get((s[i - 1] ?? '').toLowerCase()) ?? OTHER;
      const right = i === s.length - 1 ? BOUNDARY : contextIndex.get((s[i + 1] ?? '').toLowerCase()) ?? OTHER;
      const row = counts[v] as Map<number, number>;
      for (const col of [left, CONTEXT_WORDS + 2 + right]) {
        row.set(col, (row.get(col) ?? 0) + 1);
        colTotals[col] = (colTotals[col] ?? 0) + 1;
        total++;
      }
    }
  }
  // PPMI + random projection (a fixed seeded Gaussian-ish ±1 matrix).
  const random = seededRandom(options.seed);
  const projection = new Float32Array(C * DIMENSIONS);
  for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;
  const vectors = new Float32Array(vocab.length * DIMENSIONS);
  counts.forEach((row, v) => {
    let rowTotal = 0;
    for (const n of row.values()) rowTotal += n;
    const base = v * DIMENSIONS;
    for (const [col, n] of row) {
      const pmi = Math.log((n * total) / (rowTotal * (colTotals[col] ?? 1)));
      if (pmi <= 0) continue;
      for (let d = 0; d < DIMENSIONS; d++) vectors[base + d] = (vectors[base + d] ?? 0) + pmi * (projection[col * DIMENSIONS + d] ?? 0);
    }
    normalise(vectors, base);
  });
  options.log?.(`clusters: ${vocab.length} word vectors`);

  const assignments = GRANULARITIES.map((k) => {
    const a = sphericalKMeans(vectors, vocab.length, k, random);
    options.log?.(`clusters: k-means k=${k} done`);
    return a;
  });
  const clusters = new WordClusters(GRANULARITIES.length);
  vocab.forEach((w, v) => clusters.map.set(w, assignments.map((a, level) => `${level}:${a[v] ?? 0}`)));
  return clusters;
}

function normalise(vectors: Float32Array, base: number): void {
  let norm = 0;
  for (let d = 0; d < DIMENSIONS; d++) norm += (vectors[base + d] ?? 0) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIMENSIONS; d++) vectors[base + d] = (vectors[base + d] ?? 0) / norm;
}

function sphericalKMeans(vectors: Float32Array, n: number, k: number, random: () => number): Int32Array {
  const centroids = new Float32Array(k * DIMENSIONS);
  // Seed centroids with k distinct words spread over the frequency ranking (frequent words first is deterministic
  // and avoids many clusters of rare junk).
  for (let c = 0; c < k; c++) {
    const v = Math.floor(random() * Math.min(n, k * 20));
    centroids.set(vectors.subarray(v * DIMENSIONS, (v + 1) * DIMENSIONS), c * DIMENSIONS);
  }
  const assign = new Int32Array(n);
  for (let iter = 0; iter < KMEANS_ITERATIONS; iter++) {
    for (let v = 0; v < n; v++) {
      let best = -Infinity;
      let arg = 0;
      const vb = v * DIMENSIONS;
      for (let c = 0; c < k; c++) {
        const cb = c * DIMENSIONS;
        let dot = 0;
        for (let d = 0; d < DIMENSIONS; d++) dot += vectors[vb + d]! * centroids[cb + d]!;
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assign[v] = arg;
    }
    centroids.fill(0);
    for (let v = 0; v < n; v++) {
      const cb = (assign[v] ?? 0) * DIMENSIONS;
      for (let d = 0; d < DIMENSIONS; d++) centroids[cb + d] = (centroids[cb + d] ?? 0) + (vectors[v * DIMENSIONS + d] ?? 0);
    }
    for (let c = 0; c < k; c++) normalise(centroids, c * DIMENSIONS);
  }
  return assign;
}
