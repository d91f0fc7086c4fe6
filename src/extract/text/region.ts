/**
 * Finding the article body among a page's lines: each line gets a score (positive
 * for prose, negative for chrome), the body is the contiguous run with the largest
 * total (maximum subarray, as in BTE), and its borders are then refined.
 */
import type { TextLine } from './lines.js';

export interface LineScore {
  readonly score: number;
}

/** Inclusive range of line indexes. */
export interface LineRange {
  readonly first: number;
  readonly last: number;
}

/** Maximum-sum contiguous run; `undefined` when every score is <= 0. */
export function maximumSubarray(scores: readonly number[]): (LineRange & { readonly total: number }) | undefined {
  let best: (LineRange & { total: number }) | undefined;
  let runStart = 0;
  let runTotal = 0;
  for (let index = 0; index < scores.length; index++) {
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

export type { TextLine };
