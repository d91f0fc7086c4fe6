/**
 * Sparse vectors as two parallel arrays sorted by term id: compact (8 bytes a term) for 100,000 stored articles
 * and merge-joined in linear time. Weights are raw (sub-linear term frequency); IDF is applied when comparing,
 * because document frequencies keep changing as articles arrive.
 */

export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0) };

export function fromEntries(entries: Iterable<readonly [number, number]>): SparseVector {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const ids = new Int32Array(sorted.length);
  const weights = new Float32Array(sorted.length);
  sorted.forEach(([id, w], i) => {
    ids[i] = id;
    weights[i] = w;
  });
  return { ids, weights };
}

/** Scale to unit length without IDF, so every article adds the same mass to a story centroid. */
export function unitLength(v: SparseVector): SparseVector {
  let sum = 0;
  for (let i = 0; i < v.weights.length; i++) sum += (v.weights[i] ?? 0) ** 2;
  if (sum === 0) return v;
  const scale = 1 / Math.sqrt(sum);
  return { ids: v.ids, weights: v.weights.map((w) => w * scale) };
}

/** a + scale·b. */
export function addScaled(a: SparseVector, b: SparseVector, scale: number): SparseVector {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  const weights = new Float32Array(a.ids.length + b.ids.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const ai = i < a.ids.length ? (a.ids[i] ?? 0) : Infinity;
    const bj = j < b.ids.length ? (b.ids[j] ?? 0) : Infinity;
    let w: number;
    let id: number;
    if (ai === bj) {
      id = ai;
      w = (a.weights[i++] ?? 0) + scale * (b.weights[j++] ?? 0);
    } else if (ai < bj) {
      id = ai;
      w = a.weights[i++] ?? 0;
    } else {
      id = bj;
      w = scale * (b.weights[j++] ?? 0);
    }
    if (Math.abs(w) > 1e-7) {
      ids[n] = id;
      weights[n] = w;
      n++;
    }
  }
  return { ids: ids.slice(0, n), weights: weights.slice(0, n) };
}

/** Keep the `max` terms with the largest weight·idf (ties: smaller term id), still sorted by id. */
export function prune(v: SparseVector, max: number, idf: (id: number) => number): SparseVector {
  if (v.ids.length <= max) return v;
  const order = Array.from(v.ids.keys());
  const score = (k: number): number => (v.weights[k] ?? 0) * idf(v.ids[k] ?? 0);
  order.sort((x, y) => score(y) - score(x) || x - y);
  const kept = order.slice(0, max).sort((x, y) => x - y);
  return { ids: Int32Array.from(kept, (k) => v.ids[k] ?? 0), weights: Float32Array.from(kept, (k) => v.weights[k] ?? 0) };
}

/** Cosine similarity with both sides weighted by IDF. */
export function idfCosine(a: SparseVector, b: SparseVector, idf: (id: number) => number): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  let i = 0;
  let j = 0;
  const na = a.ids.length;
  const nb = b.ids.length;
  while (i < na && j < nb) {
    const ai = a.ids[i] ?? 0;
    const bj = b.ids[j] ?? 0;
    if (ai === bj) {
      const w = idf(ai);
      const x = (a.weights[i] ?? 0) * w;
      const y = (b.weights[j] ?? 0) * w;
      dot += x * y;
      normA += x * x;
      normB += y * y;
      i++;
      j++;
    } else if (ai < bj) {
      const x = (a.weights[i] ?? 0) * idf(ai);
      normA += x * x;
      i++;
    } else {
      const y = (b.weights[j] ?? 0) * idf(bj);
      normB += y * y;
      j++;
    }
  }
  for (; i < na; i++) {
    const x = (a.weights[i] ?? 0) * idf(a.ids[i] ?? 0);
    normA += x * x;
  }
  for (; j < nb; j++) {
    const y = (b.weights[j] ?? 0) * idf(b.ids[j] ?? 0);
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
