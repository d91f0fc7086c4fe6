import type { BlockKind } from '../../model/index.js';
import type { Document, Element } from './dom.js';
import { FURNITURE_LINE, FURNITURE_PREFIX } from './patterns.js';
import { findPruneCandidates, segment, type ElementRange, type PruneReason, type RawBlock, type Segmentation } from './segment.js';

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
  /**
   * The article text the page declares (JSON-LD `articleBody`): a guide to which visible
   * blocks are the article, used only when the page really shows that text.
   */
  readonly bodyHint?: string;
}

/** A paragraph this long (CJK characters counting double) with few links is article prose by itself. */
const GOOD_BLOCK_LENGTH = 120;
/** A sentence-like block this long is prose when a neighbour is. */
const NEAR_BLOCK_LENGTH = 40;
/** Above this share of characters in links a block is navigation, a teaser or a tag list. */
const MAX_LINK_DENSITY = 0.5;
/** Good blocks may still carry some inline links (citations), up to this share. */
const GOOD_LINK_DENSITY = 0.35;
/** A block opening with a linked headline this long, followed by unlinked text, is a teaser (headline + standfirst). */
const TEASER_HEADLINE_CHARS = 40;
/** …and at least this share of the block, so a paragraph opening with a linked name stays prose. */
const TEASER_HEADLINE_SHARE = 0.2;
/** Cost of a short non-prose line inside a container (dates, labels, buttons) when choosing the container. */
const SHORT_BLOCK_COST = 10;
/** Short lines without links are often the article's own (list items, subheads, one-line paragraphs): they cost less. */
const SHORT_PLAIN_BLOCK_COST = 3;
/** Containers marked as the article body by class/itemprop win ties with unnamed wrappers. */
const POSITIVE_CONTAINER_BONUS = 1.1;
/** An attempt yielding this much text is accepted without trying more relaxed pruning (Readability's charThreshold). */
const ENOUGH_TEXT = 500;

const SENTENCE_END = /[.!?…。！？।"”»’)\]]$/;

/** Pruning attempts, strictest first: Readability's "relax one heuristic at a time, keep the best". */
const ATTEMPTS: ReadonlyArray<{ readonly name: string; readonly prune: ReadonlySet<PruneReason>; readonly protectClassed: boolean }> = [
  { name: 'strict', prune: new Set<PruneReason>(['hidden', 'caption', 'chrome', 'class']), protectClassed: false },
  { name: 'protect-wrappers', prune: new Set<PruneReason>(['hidden', 'caption', 'chrome', 'class']), protectClassed: true },
  { name: 'keep-classed', prune: new Set<PruneReason>(['hidden', 'caption', 'chrome']), protectClassed: true },
  { name: 'keep-chrome', prune: new Set<PruneReason>(['hidden', 'caption']), protectClassed: true },
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
  if (block.leadingLinkChars >= TEASER_HEADLINE_CHARS && block.leadingLinkChars >= TEASER_HEADLINE_SHARE * block.text.length) return 'bad';
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
      return block.linkChars === 0 ? -SHORT_PLAIN_BLOCK_COST : -SHORT_BLOCK_COST;
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
  const hint = options.bodyHint ? shingles(tokenize(options.bodyHint)) : undefined;
  let best: Attempt | undefined;
  let strictSeg: Segmentation | undefined;
  for (const attempt of ATTEMPTS) {
    const seg = segment(doc, candidates, attempt);
    strictSeg ??= seg;
    let result = runAttempt(attempt.name, seg, options, undefined);
    if (hint && hint.size >= MIN_HINT_SHINGLES && hintIsVisible(seg, hint, result)) {
      result = runAttempt(attempt.name + '+json-ld', seg, options, hint);
    }
    if (!best || result.length > best.length) best = result;
    if (best.length >= ENOUGH_TEXT) break;
  }
  if (strictSeg && (!best || best.length < FALLBACK_BELOW)) {
    const fallback = namedArticleFallback(strictSeg, options);
    if (fallback && fallback.length > (best?.length ?? 0)) best = fallback;
  }
  return { blocks: best?.blocks ?? [], attempt: best?.name ?? 'none', container: best?.container };
}

/** A declared article body shorter than this (in word pairs) is a summary, too thin to judge blocks by. */
const MIN_HINT_SHINGLES = 40;
/** Share of the declared body's word pairs that must be on the page before it is trusted as a guide. */
const HINT_VISIBLE_SHARE = 0.8;
/** The declared body must be at least this long compared with what the page alone suggests (not a teaser of it). */
const HINT_LENGTH_SHARE = 0.6;
/** A block sharing less than this share of its word pairs with the declared body is not the article. */
const HINT_BLOCK_MIN = 0.5;
/** A block sharing this share of its word pairs with the declared body is the article, however short. */
const HINT_BLOCK_MATCH = 0.9;

const WORD = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Word pairs (single words for one-word texts): far more telling than words for "is this the same text". */
export function shingles(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (tokens.length === 1) out.add(tokens[0]!);
  for (let i = 0; i + 1 < tokens.length; i++) out.add(tokens[i]! + ' ' + tokens[i + 1]!);
  return out;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
}

function hintIsVisible(seg: Segmentation, hint: ReadonlySet<string>, plain: Attempt): boolean {
  const page = new Set<string>();
  for (const b of seg.blocks) for (const s of shingles(tokenize(b.text))) page.add(s);
  if (overlap(hint, page) < HINT_VISIBLE_SHARE) return false;
  let plainShingles = 0;
  for (const b of plain.blocks) plainShingles += Math.max(0, tokenize(b.text).length - 1);
  return hint.size >= HINT_LENGTH_SHARE * plainShingles;
}

/** Below this much text the scored result is a fragment; a container the page names as its article may do better. */
const FALLBACK_BELOW = 300;

/**
 * Last resort for articles made of short lines (lists, captions, one-line paragraphs) that no
 * block scores as prose: the page's own `<article>` / article-body container, minus boilerplate lines.
 */
function namedArticleFallback(seg: Segmentation, options: ContentOptions): Attempt | undefined {
  const { blocks, ranges } = seg;
  const quality = blocks.map(classify);
  let best: ElementRange | undefined;
  let bestLength = 0;
  for (const range of ranges) {
    if (!range.positive && range.el.name !== 'article') continue;
    let length = 0;
    for (let i = range.first; i < range.end; i++) if (quality[i] !== 'bad') length += weightedLength(blocks[i]!.text);
    if (length > bestLength) {
      best = range;
      bestLength = length;
    }
  }
  if (!best) return undefined;
  const title = options.title ? normaliseForCompare(options.title) : undefined;
  const kept: ContentBlock[] = [];
  for (let i = best.first; i < best.end; i++) {
    const b = blocks[i]!;
    if (quality[i] === 'bad') continue;
    if (b.kind === 'heading' && (b.headingLevel === 1 || normaliseForCompare(b.text) === title)) continue;
    kept.push({ text: b.text, kind: b.kind });
  }
  let length = 0;
  for (const b of kept) length += weightedLength(b.text);
  return { name: 'named-article', blocks: kept, container: best.el, length };
}

function runAttempt(name: string, seg: Segmentation, options: ContentOptions, hint: ReadonlySet<string> | undefined): Attempt {
  const { blocks, ranges } = seg;
  if (blocks.length === 0) return { name, blocks: [], container: undefined, length: 0 };
  const quality = blocks.map(classify);
  if (hint) {
    for (let i = 0; i < blocks.length; i++) {
      const share = overlap(shingles(tokenize(blocks[i]!.text)), hint);
      const q = quality[i]!;
      if (share < HINT_BLOCK_MIN) quality[i] = 'bad';
      else if (share >= HINT_BLOCK_MATCH && (q === 'short' || q === 'near') && blocks[i]!.kind !== 'heading') quality[i] = 'good';
    }
  }
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
  // A container named as the article body around the winner is the article, if it is not mostly worse text.
  for (const range of ranges) {
    if (!range.positive || range.first > bestRange.first || range.end < bestRange.end) continue;
    if (range.first === bestRange.first && range.end === bestRange.end) continue;
    const score = prefix[range.end]! - prefix[range.first]!;
    if (score >= PROMOTE_SHARE * bestScore) bestRange = range;
    break;
  }
  const kept = dropRepeats(keepArticleBlocks(blocks, quality, bestRange.first, bestRange.end, options));
  let length = 0;
  for (const b of kept) length += weightedLength(b.text);
  return { name, blocks: kept, container: bestRange.el, length };
}

/** A named article-body container around the best-scoring element is taken whole if it scores at least this share of it. */
const PROMOTE_SHARE = 0.5;
/**
 * jusText's context rule, loosened for recall inside the chosen container: everything
 * between the first and the last prose paragraph is kept unless it is boilerplate
 * by itself; a medium line just outside that span is kept when it borders prose.
 */
function keepArticleBlocks(
  blocks: readonly RawBlock[],
  quality: readonly Quality[],
  first: number,
  end: number,
  options: ContentOptions,
): ContentBlock[] {
  const title = options.title ? normaliseForCompare(options.title) : undefined;
  // Nearest decided (good or bad) neighbour on each side, computed in two linear sweeps. A teaser label or an ad
  // line inside the article ("READ MORE: …", "Advertisement") decides nothing: the paragraphs around it still border
  // each other.
  const decides = (i: number): boolean => quality[i] === 'good' || (quality[i] === 'bad' && !isInlineFurniture(blocks[i]!));
  const goodBefore = new Uint8Array(end - first);
  const goodAfter = new Uint8Array(end - first);
  let last: Quality | undefined;
  for (let i = first; i < end; i++) {
    goodBefore[i - first] = last === 'good' ? 1 : 0;
    if (decides(i)) last = quality[i];
  }
  last = undefined;
  for (let i = end - 1; i >= first; i--) {
    goodAfter[i - first] = last === 'good' ? 1 : 0;
    if (decides(i)) last = quality[i];
  }
  let firstGood = -1;
  let lastGood = -1;
  for (let i = first; i < end; i++) {
    if (quality[i] !== 'good') continue;
    if (firstGood === -1) firstGood = i;
    lastGood = i;
  }
  const out: ContentBlock[] = [];
  // Was the nearest block before (teaser labels aside) kept? A short closing sentence continues the article then
  // ("The chiefs will meet again in January.").
  let previousKept = false;
  for (let i = first; i < end; i++) {
    const block = blocks[i]!;
    const q = quality[i]!;
    const inside = i > firstGood && i < lastGood;
    let keep = false;
    if (q === 'good') keep = true;
    else if (q === 'near') keep = inside || goodBefore[i - first] === 1 || goodAfter[i - first] === 1;
    else if (q === 'short') keep = inside || (previousKept && i > lastGood && lastGood >= 0 && isClosingSentence(block));
    else if (q === 'heading') {
      const isTitle = block.headingLevel === 1 || (title !== undefined && normaliseForCompare(block.text) === title);
      keep = inside && !isTitle;
    }
    if (keep) out.push({ text: block.text, kind: block.kind });
    if (!isInlineFurniture(block)) previousKept = keep;
  }
  return out;
}

/** A plain sentence of a few words: capitalised, ended, without links ("The chiefs will meet again in January."). */
function isClosingSentence(block: RawBlock): boolean {
  return block.kind === 'paragraph' && block.linkChars === 0 && /^["“‘']?\p{Lu}/u.test(block.text) && SENTENCE_END.test(block.text) &&
    block.text.split(/\s+/).length >= MIN_CLOSING_WORDS;
}

/** Fewer words than this are a label or a credit more often than a closing sentence. */
const MIN_CLOSING_WORDS = 5;

/** A furniture line with no links (a teaser label, "Advertisement") sitting between paragraphs. */
function isInlineFurniture(block: RawBlock): boolean {
  return block.linkChars === 0 && block.kind !== 'heading' && isFurniture(block.text);
}

function normaliseForCompare(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Share of a block's word pairs already said by earlier blocks above which it is a repeat (a pull quote, a duplicated teaser). */
const REPEAT_SHARE = 0.8;
/** Blocks with fewer word pairs are left alone: short lines repeat legitimately (table cells, refrains). */
const MIN_REPEAT_SHINGLES = 6;

function dropRepeats(blocks: readonly ContentBlock[]): ContentBlock[] {
  const seen = new Set<string>();
  const out: ContentBlock[] = [];
  for (const b of blocks) {
    const own = shingles(tokenize(b.text));
    if (own.size >= MIN_REPEAT_SHINGLES && overlap(own, seen) >= REPEAT_SHARE) continue;
    for (const s of own) seen.add(s);
    out.push(b);
  }
  return out;
}
