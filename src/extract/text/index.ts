import type { Extraction, InputHints, Block } from '../../model/index.js';
import { segmentLines, countKeys } from './lines.js';
import { scoreLine, countShapes } from './score.js';
import { maximumSubarray } from './region.js';
import { findTeaserLines } from './teasers.js';
import { findTitleCandidates } from './title.js';

export interface TextExtractOptions { readonly hints?: InputHints }

const ANCHOR_WINDOW = 12;
const ANCHOR_SHARE = 0.4;

export function extractFlattenedText(text: string, options?: TextExtractOptions): Extraction {
  const lines = segmentLines(text);
  const keyCounts = countKeys(lines);
  const shapeCounts = countShapes(lines);
  const teaserLines = findTeaserLines(lines);
  const scores = lines.map((line) => scoreLine(line, { keyCounts, shapeCounts, teaserLines }));
  const global = maximumSubarray(scores);
  // best run starting exactly at j
  const n = scores.length;
  const bestFrom = new Float64Array(n + 1);
  const endFrom = new Int32Array(n + 1);
  for (let j = n - 1; j >= 0; j--) {
    const s = scores[j]!;
    if (bestFrom[j + 1]! > 0) { bestFrom[j] = s + bestFrom[j + 1]!; endFrom[j] = endFrom[j + 1]!; } else { bestFrom[j] = s; endFrom[j] = j; }
  }
  const cands = findTitleCandidates(lines, options?.hints?.title);
  let anchored: { first: number; last: number; total: number } | undefined;
  for (const c of cands) {
    for (let j = c.index + 1; j <= Math.min(n - 1, c.index + ANCHOR_WINDOW); j++) {
      if (scores[j]! > 0 && (anchored === undefined || bestFrom[j]! > anchored.total)) anchored = { first: j, last: endFrom[j]!, total: bestFrom[j]! };
    }
  }
  const region = anchored !== undefined && global !== undefined && anchored.total >= ANCHOR_SHARE * global.total ? anchored : global;
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  if (region !== undefined) {
    for (let i = region.first; i <= region.last; i++) {
      const line = lines[i]!;
      if (offset > 0) offset += 2;
      parts.push(line.content);
      blocks.push({ kind: 'paragraph', start: offset, end: offset + line.content.length });
      offset += line.content.length;
    }
  }
  return { text: parts.join('\n\n'), blocks, metadata: {}, diagnostics: [] };
}
