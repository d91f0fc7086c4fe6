/**
 * Article extraction from text that reached us already flattened: an HTML page
 * turned into plain text with its menus, teasers, comments and footers, or a .txt /
 * .md file. Works line by line with language-neutral signals (length, punctuation,
 * repetition, rhythm, position below the headline) plus a few English and European
 * phrase lists as a bonus. Linear in the input length.
 */
import type { ArticleMetadata, Block, BlockKind, Diagnostic, Extraction, InputHints, Sourced } from '../../model/index.js';
import { diagnostic } from '../../model/index.js';
import { countKeys, segmentLines, type TextLine } from './lines.js';
import { findPublishedDate, outletOfByline, parseBareByline, parseByline } from './metadata.js';
import { selectBodyRange, type ScoredRange } from './region.js';
import { countShapes, isBoilerplatePhrase, isDiscussionMarker, isOtherStoriesMarker, LONG_LINE, scoreLine } from './score.js';
import { findTeaserLines } from './teasers.js';
import { findRepeatedHeadline, findTitleCandidates, headlineOfPageTitle } from './title.js';

export interface TextExtractOptions {
  /** Metadata that came with the input (e.g. a feed's title), used to find the headline line. */
  readonly hints?: InputHints;
}

export { segmentLines } from './lines.js';
export type { TextLine } from './lines.js';
export { parseByline, parseBareByline, parseDate } from './metadata.js';

/**
 * Lines inside the body scoring this low are chrome the body merely ran across
 * ("Share this", "Advertisement", a "Related" heading): dropped from the text.
 */
const INSIDE_CHROME_SCORE = -3;
/** Header lines searched for a byline or date above the body when no headline was found. */
const HEADER_LOOKBACK = 10;
/** Body lines also searched, since some sites print the byline under the first paragraph. */
const HEADER_LOOKAHEAD = 2;
/** A short, unpunctuated line standing alone between paragraphs reads as a subheading. */
const SUBHEADING_MAXIMUM_WEIGHT = 80;
/** A page title longer than this is a paragraph, not a headline. */
const MAXIMUM_TITLE_WEIGHT = 250;

export function extractFlattenedText(text: string, options: TextExtractOptions = {}): Extraction {
  const hints = options.hints ?? {};
  const lines = segmentLines(text);
  if (lines.length === 0) {
    return noArticle(hints, `no article-like text found: the input has no non-blank line (${text.length} characters)`);
  }
  const keyCounts = countKeys(lines);
  const context = { keyCounts, shapeCounts: countShapes(lines), teaserLines: findTeaserLines(lines) };
  const scores = lines.map((line) => scoreLine(line, context));
  const barriers = new Set<number>();
  for (const line of lines) if (isDiscussionMarker(line)) barriers.add(line.index);
  const candidates = findTitleCandidates(lines, hints.title).map((candidate) => candidate.index);
  const firstLine = lines[0];
  if (firstLine !== undefined && firstLine.headingLevel > 0) candidates.unshift(firstLine.index);
  let range = selectBodyRange(scores, barriers, candidates);
  if (range === undefined) {
    const longest = lines.reduce((best, line) => Math.max(best, line.content.length), 0);
    return noArticle(
      hints,
      `no article-like text found: none of the ${lines.length} lines forms a run of prose (longest line ${longest} characters, a paragraph needs about ${LONG_LINE})`,
    );
  }
  range = extendOverShortParagraphs(range, lines, scores, barriers);
  const kept: TextLine[] = [];
  for (let index = range.first; index <= range.last; index++) {
    const line = lines[index];
    if (line === undefined) continue;
    if ((scores[index] ?? 0) <= INSIDE_CHROME_SCORE || (keyCounts.get(line.key) ?? 1) > 1) continue;
    kept.push(line);
  }
  const { text: articleText, blocks } = buildBlocks(kept);
  const titleIndex = chooseTitleLine(range, candidates);
  const metadata = collectMetadata(lines, range, titleIndex, hints);
  const diagnostics: Diagnostic[] = [];
  if (blocks.length === 0) {
    return noArticle(hints, `no article-like text found: the best run of prose (lines ${range.first + 1}-${range.last + 1}) holds only repeated or boilerplate lines`);
  }
  return { text: articleText, blocks, metadata, diagnostics };
}

const CAPTION_LABEL = /^(?:media caption|image caption|caption|pictured|photo|image|illustration)\b/i;

/** Most furniture lines in a row ("Advertisement", "READ MORE: …") the body is extended across. */
const MAX_SKIPPED_FURNITURE = 2;
/** Fewer words than this are a label or a credit more often than a sentence of the article. */
const MIN_SENTENCE_WORDS = 5;

/**
 * News in short paragraphs ("The chiefs will meet again in January.") scores too little to pay for a teaser label
 * between them, so the best run can stop a paragraph early or start one late. The run grows over neighbouring lines
 * that read as sentences of the article, across at most a couple of furniture lines, and never across a barrier,
 * a teaser, a repeated line or a non-sentence (a byline, a date, a headline, a share bar).
 */
function extendOverShortParagraphs(range: ScoredRange, lines: readonly TextLine[], scores: readonly number[], barriers: ReadonlySet<number>): ScoredRange {
  const sentence = (i: number): boolean => {
    const line = lines[i];
    return line !== undefined && !barriers.has(i) && (scores[i] ?? -1) >= 0 && line.endsSentence && line.headingLevel === 0 &&
      line.words >= MIN_SENTENCE_WORDS && /^["“‘']?\p{Lu}/u.test(line.content) &&
      // A question standing alone is a headline; a byline ends with "a.m." as a sentence does; a caption says so.
      !/\?["”’']?$/u.test(line.content) && parseByline(line.content).length === 0 && !CAPTION_LABEL.test(line.content);
  };
  const furniture = (i: number): boolean => {
    const line = lines[i];
    return line !== undefined && !barriers.has(i) && !isOtherStoriesMarker(line) && isBoilerplatePhrase(line);
  };
  const grow = (from: number, step: 1 | -1): number => {
    let edge = from;
    let i = from + step;
    while (i >= 0 && i < lines.length) {
      let skipped = 0;
      while (skipped < MAX_SKIPPED_FURNITURE && furniture(i)) { i += step; skipped++; }
      if (!sentence(i)) break;
      edge = i;
      i += step;
    }
    return edge;
  };
  const first = grow(range.first, -1);
  const last = grow(range.last, 1);
  return first === range.first && last === range.last ? range : { ...range, first, last };
}

function noArticle(hints: InputHints, message: string): Extraction {
  return { text: '', blocks: [], metadata: hintMetadata(hints), diagnostics: [diagnostic('error', 'no-article', message)] };
}

function buildBlocks(kept: readonly TextLine[]): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  kept.forEach((line, position) => {
    if (parts.length > 0) offset += 2;
    parts.push(line.content);
    blocks.push({ kind: blockKind(line, kept[position + 1]), start: offset, end: offset + line.content.length });
    offset += line.content.length;
  });
  return { text: parts.join('\n\n'), blocks };
}

function blockKind(line: TextLine, next: TextLine | undefined): BlockKind {
  if (line.headingLevel > 0) return 'heading';
  if (line.listItem) return 'list-item';
  const standsAlone = line.blankBefore && line.blankAfter && !line.wrapped;
  if (standsAlone && next !== undefined && line.weight < SUBHEADING_MAXIMUM_WEIGHT && !line.endsSentence && next.weight > line.weight) {
    return 'heading';
  }
  return 'paragraph';
}

/** The headline line: the anchor the body grew from, else the last candidate above the body. */
function chooseTitleLine(range: ScoredRange, candidates: readonly number[]): number | undefined {
  if (range.anchor !== undefined) return range.anchor;
  let best: number | undefined;
  for (const candidate of candidates) if (candidate < range.first) best = candidate;
  return best;
}

function collectMetadata(lines: readonly TextLine[], range: ScoredRange, titleIndex: number | undefined, hints: InputHints): ArticleMetadata {
  const fromHints = hintMetadata(hints);
  let title: Sourced<string> | undefined;
  const headlineIndex = titleIndex ?? findRepeatedHeadline(lines, range.first);
  const titleLine = headlineIndex === undefined ? undefined : lines[headlineIndex];
  const firstLine = lines[0];
  if (titleLine !== undefined) {
    title = { value: titleLine.content, source: 'text-heuristic' };
  } else if (firstLine !== undefined && range.first > 0 && firstLine.weight <= MAXIMUM_TITLE_WEIGHT) {
    title = { value: firstLine.headingLevel > 0 ? firstLine.content : headlineOfPageTitle(firstLine.content), source: 'text-heuristic' };
  } else if (fromHints.title !== undefined) {
    title = fromHints.title;
  }
  const headerFrom = Math.max(0, titleIndex ?? range.first - HEADER_LOOKBACK);
  const headerTo = Math.min(lines.length - 1, range.first + HEADER_LOOKAHEAD);
  const header: string[] = [];
  for (let index = headerFrom; index <= headerTo; index++) {
    if (index !== titleIndex) header.push(lines[index]?.content ?? '');
  }
  let authors: string[] = [];
  let outlet: string | undefined;
  for (const line of header) {
    authors = parseByline(line, hints.outlet);
    if (authors.length === 0) authors = parseBareByline(line);
    if (authors.length > 0) {
      outlet = outletOfByline(line, authors);
      break;
    }
  }
  const published = findPublishedDate(header);
  return {
    ...fromHints,
    ...(title === undefined ? {} : { title }),
    ...(authors.length > 0 ? { authors: { value: authors, source: 'byline-text' as const } } : {}),
    ...(outlet === undefined || fromHints.outlet !== undefined ? {} : { outlet: { value: outlet, source: 'byline-text' as const } }),
    ...(published === undefined ? {} : { published: { value: published, source: 'text-heuristic' as const } }),
  };
}

/** Metadata known from the input's hints, used when the text does not state it. */
function hintMetadata(hints: InputHints): ArticleMetadata {
  return {
    ...(hints.title === undefined ? {} : { title: { value: hints.title, source: 'input-hint' as const } }),
    ...(hints.authors === undefined || hints.authors.length === 0 ? {} : { authors: { value: hints.authors, source: 'input-hint' as const } }),
    ...(hints.published === undefined ? {} : { published: { value: hints.published, source: 'input-hint' as const } }),
    ...(hints.outlet === undefined ? {} : { outlet: { value: hints.outlet, source: 'input-hint' as const } }),
    ...(hints.url === undefined ? {} : { url: { value: hints.url, source: 'input-hint' as const } }),
    ...(hints.language === undefined ? {} : { language: { value: hints.language, source: 'input-hint' as const } }),
  };
}
