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

/** Scale so that the IDF-weighted vector has unit length: every article then adds the same mass to a centroid. */
export function unitLengthIdf(v: SparseVector, idf: (id: number) => number): SparseVector {
  let sum = 0;
  for (let i = 0; i < v.weights.length; i++) sum += ((v.weights[i] ?? 0) * idf(v.ids[i] ?? 0)) ** 2;
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
