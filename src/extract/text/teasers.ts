/**
 * Teaser lists ("Latest News": headline, first line, headline, first line, ...).
 * Their snippets are prose-like, so a length-based score would take them for the
 * article. What gives them away, in any language, is the rhythm: prose lines at a
 * fixed period of 2-3 lines with a label line between, and snippets cut to the
 * same length or ending in an ellipsis.
 */
import type { TextLine } from './lines.js';
import { MEDIUM_LINE } from './score.js';

/** Fewer snippets than this in a row is just an article with short subheadings. */
const MINIMUM_TEASERS = 4;
/** Snippets cut by a template have nearly equal length; article paragraphs rarely do. */
const UNIFORM_LENGTH_RATIO = 1.3;
/** Share of snippets ending in "..." / "…" that marks a list of truncated teasers. */
const ELLIPSIS_SHARE = 0.75;
const ELLIPSIS_END = /(?:\.\.\.|\u2026|\[\u2026\]|\[\.\.\.\])\s*["'\u201d\u2019»)]?$/u;

/** Indexes of every line belonging to a teaser run. Linear in the number of lines. */
export function findTeaserLines(lines: readonly TextLine[]): Set<number> {
  const teasers = new Set<number>();
  const prose: number[] = [];
  for (const line of lines) if (line.weight >= MEDIUM_LINE) prose.push(line.index);
  let runStart = 0;
  while (runStart < prose.length - 1) {
    const first = prose[runStart] ?? 0;
    const period = (prose[runStart + 1] ?? 0) - first;
    let runEnd = runStart + 1;
    if (period === 2 || period === 3) {
      while (runEnd + 1 < prose.length && (prose[runEnd + 1] ?? 0) - (prose[runEnd] ?? 0) === period) runEnd++;
    }
    const count = runEnd - runStart + 1;
    if ((period === 2 || period === 3) && count >= MINIMUM_TEASERS) {
      const snippets = prose.slice(runStart, runEnd + 1).map((index) => lines[index]).filter((line): line is TextLine => line !== undefined);
      if (looksTemplated(snippets)) {
        const last = prose[runEnd] ?? first;
        for (let index = Math.max(0, first - period + 1); index <= last; index++) teasers.add(index);
      }
    }
    runStart = runEnd;
  }
  return teasers;
}

function looksTemplated(snippets: readonly TextLine[]): boolean {
  let ellipses = 0;
  let shortest = Infinity;
  let longest = 0;
  for (const snippet of snippets) {
    if (ELLIPSIS_END.test(snippet.content)) ellipses++;
    shortest = Math.min(shortest, snippet.weight);
    longest = Math.max(longest, snippet.weight);
  }
  return ellipses >= ELLIPSIS_SHARE * snippets.length || longest <= UNIFORM_LENGTH_RATIO * shortest;
}
