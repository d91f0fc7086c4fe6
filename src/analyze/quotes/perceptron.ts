/**
 * An averaged perceptron that ranks candidates (Collins 2002): each training case is a list of candidates, each a
 * list of string features, and the index of the right one. Deterministic: cases are visited in the order given.
 */

export interface RankingCase {
  readonly candidates: readonly (readonly string[])[];
  readonly gold: number;
}

export type Weights = ReadonlyMap<string, number>;

export function scoreFeatures(weights: Weights, features: readonly string[]): number {
  let s = 0;
  for (const f of features) s += weights.get(f) ?? 0;
  return s;
}

/** Index of the best-scoring candidate; ties go to the earlier one. */
export function argmaxCandidate(weights: Weights, candidates: readonly (readonly string[])[]): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const s = scoreFeatures(weights, candidates[i] ?? []);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Train for `epochs` passes and return the averaged weights, rounded to `digits` decimals and without those that
 * round to zero (the artefact stays small and its text stable).
 */
export function trainRanker(cases: readonly RankingCase[], epochs: number, digits = 3): Map<string, number> {
  const w = new Map<string, number>();
  // Averaging by the "lazy" trick: total[f] accumulates w[f] * (steps it held), settled when w[f] changes.
  const total = new Map<string, number>();
  const stamp = new Map<string, number>();
  let step = 0;
  const bump = (f: string, delta: number): void => {
    const held = step - (stamp.get(f) ?? 0);
    total.set(f, (total.get(f) ?? 0) + held * (w.get(f) ?? 0));
    stamp.set(f, step);
    w.set(f, (w.get(f) ?? 0) + delta);
  };
  for (let e = 0; e < epochs; e++) {
    for (const c of cases) {
      step++;
      const guess = argmaxCandidate(w, c.candidates);
      if (guess === c.gold) continue;
      for (const f of c.candidates[c.gold] ?? []) bump(f, 1);
      for (const f of c.candidates[guess] ?? []) bump(f, -1);
    }
  }
  const out = new Map<string, number>();
  const scale = 10 ** digits;
  for (const [f, wf] of w) {
    const sum = (total.get(f) ?? 0) + (step - (stamp.get(f) ?? 0)) * wf;
    const avg = Math.round((sum / Math.max(1, step)) * scale) / scale;
    if (avg !== 0) out.set(f, avg);
  }
  return out;
}

/** Receives one feature: a template name and one or two values (strings the caller already holds, so cheap to hash). */
export type Emit = (template: string, a: string, b?: string) => void;

/** A feature as one string, for training and the weights artefact: template and values joined by tabs. */
export function featureKey(template: string, a: string, b?: string): string {
  return b === undefined ? `${template}\t${a}` : `${template}\t${a}\t${b}`;
}

/** A string-keyed dictionary without a prototype (so no key can collide with an inherited property). */
type Dict<T> = { [key: string]: T | undefined };
const dict = <T>(): Dict<T> => Object.create(null) as Dict<T>;

/**
 * Weights indexed template → first value → second value ('' for none), so scoring looks up strings the caller
 * already holds instead of building and hashing a new string per feature. The levels are prototype-less objects
 * rather than Maps: V8 looks string keys up in them faster (about 5% of the source ranker's time on PolNeAR dev),
 * and scoring does thousands of lookups per article.
 */
export class FeatureTable {
  /** One-value templates: template → value → weight. */
  private readonly single = dict<Dict<number>>();
  /** Two-value templates: template → first value → second value → weight. */
  private readonly pair = dict<Dict<Dict<number>>>();
  private count = 0;
  constructor(entries: Iterable<readonly [string, number]>) {
    for (const [key, w] of entries) {
      const parts = key.split('\t');
      const [t = '', a = '', b] = parts;
      this.count++;
      if (b === undefined) {
        let byA = this.single[t];
        if (!byA) this.single[t] = byA = dict();
        byA[a] = w;
        continue;
      }
      let byA = this.pair[t];
      if (!byA) this.pair[t] = byA = dict();
      let byB = byA[a];
      if (!byB) byA[a] = byB = dict();
      byB[b] = w;
    }
  }
  get size(): number {
    return this.count;
  }
  weight(template: string, a: string, b?: string): number {
    if (b === undefined) return this.single[template]?.[a] ?? 0;
    return this.pair[template]?.[a]?.[b] ?? 0;
  }
}
