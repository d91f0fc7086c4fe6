import type { BlockKind } from '../../model/index.js';
import type { Document, Element } from './dom.js';
import { FURNITURE_LINE, FURNITURE_PREFIX } from './patterns.js';
import { findPruneCandidates, segment, type PruneReason, type RawBlock, type Segmentation } from './segment.js';

/** What a block looks like on its own, before its neighbours are considered (after jusText's classes). */
export type Quality = 'good' | 'near' | 'short' | 'bad' | 'heading';

export interface ContentBlock {
  readonly text: string;
  readonly kind: BlockKind;
}

export interface ContentResult {
  readonly blocks: readonly ContentBlock[];
  /** Which pruning attempt produced the result, for diagnostics. */
  readonly attempt: string;
  /** The container the article was found in (undefined when none was). */
  readonly container: Element | undefined;
}

export interface ContentOptions {
  /** The page title, so a repeated headline inside the article container is not taken as text. */
  readonly title?: string;
}

/** A paragraph this long (CJK characters counting double) with few links is article prose by itself. */
const GOOD_BLOCK_LENGTH = 120;
/** A sentence-like block this long is prose when a neighbour is. */
const NEAR_BLOCK_LENGTH = 40;
/** Above this share of characters in links a block is navigation, a teaser or a tag list. */
const MAX_LINK_DENSITY = 0.5;
/** Good blocks may still carry some inline links (citations), up to this share. */
const GOOD_LINK_DENSITY = 0.35;
/** Cost of a short non-prose line inside a container (dates, labels, buttons) when choosing the container. */
const SHORT_BLOCK_COST = 10;
/** Containers marked as the article body by class/itemprop win ties with unnamed wrappers. */
const POSITIVE_CONTAINER_BONUS = 1.1;
/** An attempt yielding this much text is accepted without trying more relaxed pruning (Readability's charThreshold). */
const ENOUGH_TEXT = 500;

const SENTENCE_END = /[.!?…。！？।"”»’)\]]$/;

/** Pruning attempts, strictest first: Readability's "relax one heuristic at a time, keep the best". */
const ATTEMPTS: ReadonlyArray<{ readonly name: string; readonly prune: ReadonlySet<PruneReason> }> = [
  { name: 'strict', prune: new Set<PruneReason>(['hidden', 'caption', 'chrome', 'class']) },
  { name: 'keep-classed', prune: new Set<PruneReason>(['hidden', 'caption', 'chrome']) },
  { name: 'keep-chrome', prune: new Set<PruneReason>(['hidden', 'caption']) },
];

/** Length with CJK characters counted double: one Chinese character carries about as much as two Latin letters. */
export function weightedLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) n++;
  }
  return n;
}

export function isFurniture(text: string): boolean {
  return text.length < 120 && (FURNITURE_LINE.test(text) || FURNITURE_PREFIX.test(text));
}

export function classify(block: RawBlock): Quality {
  const density = block.linkChars / block.text.length;
  if (isFurniture(block.text)) return 'bad';
  if (block.kind === 'heading') return density > MAX_LINK_DENSITY ? 'bad' : 'heading';
  if (density > MAX_LINK_DENSITY) return 'bad';
  const length = weightedLength(block.text);
  if (block.suspect) return length >= GOOD_BLOCK_LENGTH && density < GOOD_LINK_DENSITY ? 'near' : 'bad';
  if (length >= GOOD_BLOCK_LENGTH && density < GOOD_LINK_DENSITY) return 'good';
  if (length >= NEAR_BLOCK_LENGTH && SENTENCE_END.test(block.text)) return 'near';
  return 'short';
}

function blockScore(block: RawBlock, quality: Quality): number {
  const length = weightedLength(block.text);
  const prose = length - block.linkChars;
  switch (quality) {
    case 'good':
      return prose;
    case 'near':
      return prose * 0.5;
    case 'heading':
      return 0;
    case 'short':
      return -SHORT_BLOCK_COST;
    case 'bad':
      return -SHORT_BLOCK_COST - block.linkChars;
  }
}

interface Attempt {
  readonly name: string;
  readonly blocks: ContentBlock[];
  readonly container: Element | undefined;
  readonly length: number;
}

/**
 * Finds the article: segments the page into blocks, picks the element whose
 * blocks add up to the most prose (link text and short lines counting against),
 * then keeps the blocks inside it that read like the article.
 */
export function extractContent(doc: Document, options: ContentOptions = {}): ContentResult {
  const candidates = findPruneCandidates(doc);
  let best: Attempt | undefined;
  for (const attempt of ATTEMPTS) {
    const seg = segment(doc, candidates, { prune: attempt.prune });
    const result = runAttempt(attempt.name, seg, options);
    if (!best || result.length > best.length) best = result;
    if (best.length >= ENOUGH_TEXT) break;
  }
  return { blocks: best?.blocks ?? [], attempt: best?.name ?? 'none', container: best?.container };
}

function runAttempt(name: string, seg: Segmentation, options: ContentOptions): Attempt {
  const { blocks, ranges } = seg;
  if (blocks.length === 0) return { name, blocks: [], container: undefined, length: 0 };
  const quality = blocks.map(classify);
  const prefix = new Float64Array(blocks.length + 1);
  for (let i = 0; i < blocks.length; i++) prefix[i + 1] = prefix[i]! + blockScore(blocks[i]!, quality[i]!);

  let bestScore = 0;
  let bestRange: { first: number; end: number; el: Element } | undefined;
  // Ranges are listed children first, so on equal scores the innermost element wins.
  for (const range of ranges) {
    let score = prefix[range.end]! - prefix[range.first]!;
    if (range.positive && score > 0) score *= POSITIVE_CONTAINER_BONUS;
    if (score > bestScore) {
      bestScore = score;
      bestRange = range;
    }
  }
  if (!bestRange) return { name, blocks: [], container: undefined, length: 0 };
  const kept = keepArticleBlocks(blocks, quality, bestRange.first, bestRange.end, options);
  let length = 0;
  for (const b of kept) length += weightedLength(b.text);
  return { name, blocks: kept, container: bestRange.el, length };
}

type Side = 'good' | 'bad' | 'edge';

/**
 * jusText's context rule inside the chosen container: short and medium lines are
 * kept when the prose around them is kept, dropped when boilerplate surrounds them.
 */
function keepArticleBlocks(
  blocks: readonly RawBlock[],
  quality: readonly Quality[],
  first: number,
  end: number,
  options: ContentOptions,
): ContentBlock[] {
  const title = options.title ? normaliseForCompare(options.title) : undefined;
  const sideBefore = (i: number): Side => {
    for (let j = i - 1; j >= first; j--) {
      const q = quality[j]!;
      if (q === 'good') return 'good';
      if (q === 'bad') return 'bad';
    }
    return 'edge';
  };
  const sideAfter = (i: number): Side => {
    for (let j = i + 1; j < end; j++) {
      const q = quality[j]!;
      if (q === 'good') return 'good';
      if (q === 'bad') return 'bad';
    }
    return 'edge';
  };
  let firstGood = -1;
  for (let i = first; i < end; i++) {
    if (quality[i] === 'good') {
      firstGood = i;
      break;
    }
  }
  const out: ContentBlock[] = [];
  for (let i = first; i < end; i++) {
    const block = blocks[i]!;
    const q = quality[i]!;
    let keep = false;
    if (q === 'good') keep = true;
    else if (q === 'near') keep = sideBefore(i) === 'good' || sideAfter(i) === 'good';
    else if (q === 'short') keep = sideBefore(i) === 'good' && sideAfter(i) === 'good';
    else if (q === 'heading') {
      const isTitle = block.headingLevel === 1 || (title !== undefined && normaliseForCompare(block.text) === title);
      keep = !isTitle && firstGood !== -1 && i > firstGood && sideAfter(i) === 'good';
    }
    if (keep) out.push({ text: block.text, kind: block.kind });
  }
  return out;
}

function normaliseForCompare(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}
