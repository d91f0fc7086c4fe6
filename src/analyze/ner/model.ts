/**
 * A linear sequence model: hashed feature weights per label plus label-transition weights, decoded with Viterbi
 * under BILOU constraints. Weights are stored quantised to Int16 (one scale per table) in a gzip'd binary file.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { NUM_LABELS, allowedEnd, allowedTransition } from './labels.js';
import type { FeatureMatrix } from './features.js';

const L = NUM_LABELS;
const NEG = -1e30;

/** Transition table: row `from + 1` (row 0 = sentence start), column `to`. */
export const TRANSITION_ROWS = L + 1;

/** Precomputed constraint mask shared by all models. */
const ALLOWED = (() => {
  const a = new Uint8Array(TRANSITION_ROWS * L);
  for (let from = -1; from < L; from++) for (let to = 0; to < L; to++) a[(from + 1) * L + to] = allowedTransition(from, to) ? 1 : 0;
  return a;
})();
const ALLOWED_END = Uint8Array.from({ length: L }, (_, y) => (allowedEnd(y) ? 1 : 0));

/** Dense weights, used while training. */
export interface WeightSource {
  readonly bucketBits: number;
  /** Emission weight of bucket b and label y at b * L + y. */
  readonly weights: Float32Array;
  readonly weightScale: number;
  readonly transitions: Float32Array;
}

/**
 * Sparse weights, used at run time: a perceptron leaves only a few labels non-zero per feature (about 3 of 17), so
 * each bucket's non-zero (label, weight) pairs are packed contiguously — a fraction of the dense table's memory,
 * which keeps lookups in cache and makes scoring several times faster. Only a few percent of the buckets have any
 * weight after quantisation, so the non-empty ones are found through a small open-addressing table rather than a
 * per-bucket index (16 MB at 22 bits, mostly zeros, and a cache miss per lookup).
 */
export interface SparseWeights {
  readonly bucketBits: number;
  /**
   * Linear-probing table of the non-empty buckets, two Int32 per slot: bucket + 1 (0 = empty slot), then
   * start << ENTRY_COUNT_BITS | count of its entries in `entries`. The slot of bucket b is probed from b & slotMask.
   */
  readonly slots: Int32Array;
  readonly slotMask: number;
  /** label << 16 | (quantised weight & 0xffff). */
  readonly entries: Int32Array;
  readonly weightScale: number;
  readonly transitions: Float32Array;
}

export type AnyWeights = WeightSource | SparseWeights;

/** Per-token label scores for tokens [from, to) of a feature matrix; result[(t - from) * L + y]. */
export function emissionScores(model: AnyWeights, fm: FeatureMatrix, from: number, to: number, out?: Float64Array): Float64Array {
  const n = to - from;
  const scores = out && out.length >= n * L ? out : new Float64Array(n * L);
  scores.fill(0, 0, n * L);
  const mask = (1 << model.bucketBits) - 1;
  if ('entries' in model) {
    for (let t = 0; t < n; t++) accumulateSparse(model, fm.feats, fm.offsets[from + t]!, fm.offsets[from + t + 1]!, scores, t * L);
    const scale = model.weightScale;
    for (let i = 0; i < n * L; i++) scores[i] = scores[i]! * scale;
    return scores;
  }
  const w = model.weights;
  const { offsets, feats } = fm;
  for (let t = 0; t < n; t++) {
    const base = t * L;
    const a = offsets[from + t] ?? 0;
    const b = offsets[from + t + 1] ?? 0;
    for (let k = a; k < b; k++) {
      const row = (feats[k]! & mask) * L;
      for (let y = 0; y < L; y++) scores[base + y] = scores[base + y]! + w[row + y]!;
    }
  }
  if (model.weightScale !== 1) for (let i = 0; i < n * L; i++) scores[i] = (scores[i] ?? 0) * model.weightScale;
  return scores;
}

/** For each label, the labels allowed before it (ascending), so Viterbi skips the ~2/3 of pairs BILOU forbids. */
const PREDECESSORS: readonly Int8Array[] = Array.from({ length: L }, (_, to) => {
  const from: number[] = [];
  for (let p = 0; p < L; p++) if (ALLOWED[(p + 1) * L + to]) from.push(p);
  return Int8Array.from(from);
});

const PRED_TRANSITIONS = new Float64Array(PREDECESSORS.reduce((n, p) => n + p.length, 0));

/** Viterbi tables, reused across calls (decoding is synchronous, so one pair per process suffices). */
let viterbiDelta = new Float64Array(256 * L);
let viterbiBack = new Int8Array(256 * L);

/** Best constrained label sequence for `n` tokens given emission scores. */
export function viterbi(scores: Float64Array, n: number, transitions: Float32Array, out: Int8Array, outOffset: number): void {
  if (n === 0) return;
  if (viterbiDelta.length < n * L) {
    viterbiDelta = new Float64Array(n * L * 2);
    viterbiBack = new Int8Array(n * L * 2);
  }
  const delta = viterbiDelta;
  const back = viterbiBack;
  for (let y = 0; y < L; y++) delta[y] = ALLOWED[y] ? (scores[y] ?? 0) + (transitions[y] ?? 0) : NEG;
  // Transition weights in predecessor-list order, so the inner loop reads them sequentially.
  const predTrans = PRED_TRANSITIONS;
  for (let y = 0, k = 0; y < L; y++) {
    const preds = PREDECESSORS[y]!;
    for (let j = 0; j < preds.length; j++) predTrans[k++] = transitions[(preds[j]! + 1) * L + y]!;
  }
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L;
    for (let y = 0, k0 = 0; y < L; y++) {
      const preds = PREDECESSORS[y]!;
      let best = NEG;
      let arg = 0;
      for (let k = 0; k < preds.length; k++) {
        const p = preds[k]!;
        const v = delta[prev + p]! + predTrans[k0 + k]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[t * L + y] = best + scores[t * L + y]!;
      back[t * L + y] = arg;
      k0 += preds.length;
    }
  }
  let best = NEG;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    const v = delta[(n - 1) * L + y] ?? NEG;
    if (ALLOWED_END[y] && v > best) {
      best = v;
      arg = y;
    }
  }
  for (let t = n - 1; t >= 0; t--) {
    out[outOffset + t] = arg;
    arg = back[t * L + arg] ?? 0;
  }
}

/**
 * Adds the quantised weights (not yet multiplied by `weightScale`) of features feats[from] … feats[to - 1] to
 * acc[base + y] for every label y.
 */
export function accumulateSparse(model: SparseWeights, feats: Int32Array, from: number, to: number, acc: Float64Array | Int32Array, base: number): void {
  const mask = (1 << model.bucketBits) - 1;
  const { slots, slotMask, entries } = model;
  for (let k = from; k < to; k++) {
    const row = feats[k]! & mask;
    for (let slot = row & slotMask; ; slot = (slot + 1) & slotMask) {
      const key = slots[2 * slot]!;
      if (key === 0) break;
      if (key !== row + 1) continue;
      const packed = slots[2 * slot + 1]!;
      const start = packed >>> ENTRY_COUNT_BITS;
      const end = start + (packed & ENTRY_COUNT_MASK);
      for (let j = start; j < end; j++) {
        const entry = entries[j]!;
        const y = base + (entry >>> 16);
        acc[y] = acc[y]! + ((entry << 16) >> 16);
      }
      break;
    }
  }
}

/** A bucket has at most NUM_LABELS (17) entries: 5 bits. */
const ENTRY_COUNT_BITS = 5;
const ENTRY_COUNT_MASK = (1 << ENTRY_COUNT_BITS) - 1;

/** Slot table of the non-empty buckets (see SparseWeights.slots), at most half full so probes stay short. */
function slotTable(buckets: Int32Array, starts: Int32Array, counts: Uint8Array): { slots: Int32Array; slotMask: number } {
  let size = 1024;
  while (size < 2 * buckets.length) size *= 2;
  const slots = new Int32Array(2 * size);
  const slotMask = size - 1;
  for (let r = 0; r < buckets.length; r++) {
    const bucket = buckets[r]!;
    let slot = bucket & slotMask;
    while (slots[2 * slot] !== 0) slot = (slot + 1) & slotMask;
    slots[2 * slot] = bucket + 1;
    slots[2 * slot + 1] = (starts[r]! << ENTRY_COUNT_BITS) | counts[r]!;
  }
  return { slots, slotMask };
}

export interface StoredModel {
  readonly header: Record<string, unknown>;
  readonly stages: SparseWeights[];
}

const MAGIC = 'TRINER2';

interface StageMeta {
  bucketBits: number;
  scale: number;
  rows: number;
  entries: number;
  transitions: number;
}

/**
 * Serialise models sparsely: the non-zero buckets (ascending ids, delta-coded), their entry counts, the packed
 * (label, Int16 weight) entries with one scale per stage (max |w| / 32767), and Float32 transitions; gzip'd.
 */
export function serializeModels(header: Record<string, unknown>, stages: readonly WeightSource[]): Buffer {
  const parts: Buffer[] = [];
  const stageMeta: StageMeta[] = stages.map((s) => {
    const w = s.weights;
    let max = 0;
    for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]! * s.weightScale));
    const scale = max > 0 ? max / 32767 : 1;
    const buckets = 1 << s.bucketBits;
    const rowDeltas: number[] = [];
    const counts: number[] = [];
    const entries: number[] = [];
    let lastRow = 0;
    for (let b = 0; b < buckets; b++) {
      let count = 0;
      for (let y = 0; y < L; y++) {
        const q = Math.round((w[b * L + y]! * s.weightScale) / scale);
        if (q === 0) continue;
        entries.push((y << 16) | (q & 0xffff));
        count++;
      }
      if (count === 0) continue;
      rowDeltas.push(b - lastRow);
      counts.push(count);
      lastRow = b;
    }
    const rowArr = Int32Array.from(rowDeltas);
    const countArr = Uint8Array.from(counts);
    const entryArr = Int32Array.from(entries);
    parts.push(Buffer.from(rowArr.buffer), Buffer.from(entryArr.buffer), Buffer.from(s.transitions.buffer, s.transitions.byteOffset, s.transitions.byteLength));
    parts.push(Buffer.from(countArr.buffer), Buffer.alloc((4 - (countArr.length % 4)) % 4));
    return { bucketBits: s.bucketBits, scale, rows: rowArr.length, entries: entryArr.length, transitions: s.transitions.length };
  });
  const head = Buffer.from(JSON.stringify({ magic: MAGIC, labels: L, ...header, stages: stageMeta }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const pad = Buffer.alloc((4 - ((4 + head.length) % 4)) % 4);
  return gzipSync(Buffer.concat([len, head, pad, ...parts]), { level: 9 });
}

export function deserializeModels(gz: Buffer): StoredModel {
  const buf = gunzipSync(gz);
  const headLen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headLen).toString('utf8')) as Record<string, unknown>;
  if (header['magic'] !== MAGIC) throw new Error(`NER model: bad magic ${String(header['magic'])}, expected ${MAGIC}`);
  if (header['labels'] !== L) throw new Error(`NER model: ${String(header['labels'])} labels, this code expects ${L}`);
  let offset = 4 + headLen;
  offset += (4 - (offset % 4)) % 4;
  // Copy into an aligned buffer so typed-array views are valid.
  const aligned = new Uint8Array(buf.length - offset);
  aligned.set(buf.subarray(offset));
  let pos = 0;
  const take = (bytes: number): ArrayBuffer => {
    const slice = aligned.buffer.slice(pos, pos + bytes);
    pos += bytes;
    return slice;
  };
  const stages = (header['stages'] as StageMeta[]).map((m): SparseWeights => {
    const rowDeltas = new Int32Array(take(m.rows * 4));
    const entries = new Int32Array(take(m.entries * 4));
    const transitions = new Float32Array(take(m.transitions * 4));
    const counts = new Uint8Array(take(m.rows));
    pos += (4 - (m.rows % 4)) % 4;
    const buckets = new Int32Array(m.rows);
    const starts = new Int32Array(m.rows);
    let bucket = 0;
    let start = 0;
    for (let r = 0; r < m.rows; r++) {
      bucket += rowDeltas[r]!;
      buckets[r] = bucket;
      starts[r] = start;
      start += counts[r]!;
    }
    return { bucketBits: m.bucketBits, ...slotTable(buckets, starts, counts), entries, weightScale: m.scale, transitions };
  });
  return { header, stages };
}

/** Sparse run-time form of dense training weights (what a save/load round trip gives). */
export function sparsify(model: WeightSource): SparseWeights {
  const stage = deserializeModels(serializeModels({}, [model])).stages[0];
  if (!stage) throw new Error('NER model: sparsify produced no stage');
  return stage;
}
