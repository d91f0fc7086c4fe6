/**
 * Finding the article body among a page's lines: each line has a score (positive
 * for prose, negative for chrome), and the body is the contiguous run with the
 * largest total (maximum subarray, as in BTE). Two refinements:
 * - barriers: a run never crosses a line that closes an article ("Comments",
 *   "Related stories"), however much prose lies beyond it;
 * - anchors: when the headline is known, the body is the run that starts just
 *   below it, even if a longer run (comments, a teaser list) exists elsewhere.
 */

/** Inclusive range of line indexes with its total score. */
export interface ScoredRange {
  readonly first: number;
  readonly last: number;
  readonly total: number;
  /** The headline line the range was grown from, when it was. */
  readonly anchor?: number;
}

/** How far below the headline the body may start (bylines, dates, captions, share buttons lie between). */
export const ANCHOR_WINDOW = 12;
/**
 * An anchored run is trusted when it holds at least one real paragraph's worth of
 * score or a fair share of the best run: a short article under a long comment
 * thread is still the article.
 */
const ANCHORED_MINIMUM_SHARE = 0.4;

/** Maximum-sum contiguous run that contains no barrier; `undefined` when no line scores above 0. */
export function maximumSubarray(scores: readonly number[], barriers: ReadonlySet<number>): ScoredRange | undefined {
  let best: ScoredRange | undefined;
  let runStart = 0;
  let runTotal = 0;
  for (let index = 0; index < scores.length; index++) {
    if (barriers.has(index)) {
      runTotal = 0;
      continue;
    }
    const score = scores[index] ?? 0;
    if (runTotal <= 0) {
      runStart = index;
      runTotal = score;
    } else {
      runTotal += score;
    }
    if (runTotal > 0 && (best === undefined || runTotal > best.total)) best = { first: runStart, last: index, total: runTotal };
  }
  return best;
}

/** For every line, the best run starting exactly there (used to grow a body from an anchor). */
function bestRunsFrom(scores: readonly number[], barriers: ReadonlySet<number>): { total: Float64Array; last: Int32Array } {
  const count = scores.length;
  const total = new Float64Array(count + 1);
  const last = new Int32Array(count + 1);
  for (let index = count - 1; index >= 0; index--) {
    const score = scores[index] ?? 0;
    const continuation = total[index + 1] ?? 0;
    if (!barriers.has(index) && !barriers.has(index + 1) && continuation > 0) {
      total[index] = score + continuation;
      last[index] = last[index + 1] ?? index;
    } else {
      total[index] = score;
      last[index] = index;
    }
  }
  return { total, last };
}

/**
 * The body run: grown from the first positive line below an anchor when that run is
 * substantial, else the page-wide maximum.
 */
export function selectBodyRange(scores: readonly number[], barriers: ReadonlySet<number>, anchors: readonly number[]): ScoredRange | undefined {
  const global = maximumSubarray(scores, barriers);
  if (anchors.length === 0 || global === undefined) return global;
  const runs = bestRunsFrom(scores, barriers);
  let anchored: ScoredRange | undefined;
  for (const anchor of anchors) {
    const limit = Math.min(scores.length - 1, anchor + ANCHOR_WINDOW);
    for (let index = anchor + 1; index <= limit; index++) {
      if (barriers.has(index)) break;
      if ((scores[index] ?? 0) <= 0) continue;
      const total = runs.total[index] ?? 0;
      if (anchored === undefined || total > anchored.total) anchored = { first: index, last: runs.last[index] ?? index, total, anchor };
    }
  }
  if (anchored !== undefined && anchored.total >= ANCHORED_MINIMUM_SHARE * global.total) return anchored;
  // The headline is never part of its own article: a run that swallowed it started too early.
  const inside = anchors.filter((anchor) => anchor > global.first && anchor < global.last);
  const lastInside = inside[inside.length - 1];
  if (lastInside !== undefined) {
    for (let index = lastInside + 1; index <= global.last; index++) {
      if ((scores[index] ?? 0) > 0) return { first: index, last: global.last, total: runs.total[index] ?? 0, anchor: lastInside };
    }
  }
  return global;
}
