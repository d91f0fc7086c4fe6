import type { BlockKind } from '../../model/index.js';
import { idAndClass, isElement, type AnyNode, type Document, type Element, type Text } from './dom.js';
import {
  ARTICLE_BODY_CLASS,
  BLOCK_TAGS,
  BOILERPLATE_CLASS,
  BOILERPLATE_TOKEN,
  CAPTION_TAGS,
  CELL_TAGS,
  CHROME_TAGS,
  HEADING_TAGS,
  NEVER_TEXT_TAGS,
} from './patterns.js';

/** One line of visible text as the browser would lay it out, before any judgement. */
export interface RawBlock {
  readonly text: string;
  readonly kind: BlockKind;
  /** Characters of the text inside links. */
  readonly linkChars: number;
  /** Characters of link text before the first unlinked word: a teaser starts with its headline's link. */
  readonly leadingLinkChars: number;
  /** Innermost block-level tag around the text (`p`, `div`, `li`, `h2` …). */
  readonly tag: string;
  /** Inside a container whose class/id says boilerplate, kept only because pruning was relaxed. */
  readonly suspect: boolean;
  /** Heading level 1-6, 0 for other blocks. */
  readonly headingLevel: number;
}

/** A block-level element and the blocks [first, end) its subtree produced. */
export interface ElementRange {
  readonly el: Element;
  readonly first: number;
  readonly end: number;
  /** Class/id or itemprop says this is the article body. */
  readonly positive: boolean;
}

export interface Segmentation {
  readonly blocks: readonly RawBlock[];
  readonly ranges: readonly ElementRange[];
}

/** Why an element may be pruned before its text is read. */
export type PruneReason = 'hidden' | 'caption' | 'chrome' | 'class';

export interface PruneCandidate {
  readonly reason: PruneReason;
  /** Holds so much of the page's prose that it must be the article's wrapper, whatever its name says. */
  readonly protected: boolean;
}

export interface SegmentOptions {
  /** Reasons for which candidates are dropped; other candidates are read but marked suspect (class) or kept. */
  readonly prune: ReadonlySet<PruneReason>;
  /** Whether a class-named candidate holding most of the page's prose is spared (off in the strictest attempt). */
  readonly protectClassed: boolean;
}

/** An element holding this share of the page's prose is a wrapper, not boilerplate (sites name wrappers oddly). */
const PROTECT_PROSE_SHARE = 0.4;
/** A text node this long is prose even outside a <p> (sites that lay out articles with <div> and <br>). */
const LONG_TEXT_NODE = 100;

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function pruneReason(el: Element): PruneReason | undefined {
  const a = el.attribs;
  if (a['hidden'] !== undefined || a['aria-hidden'] === 'true') return 'hidden';
  const style = a['style'];
  if (style !== undefined && HIDDEN_STYLE.test(style)) return 'hidden';
  if (CAPTION_TAGS.has(el.name)) return 'caption';
  if (CHROME_TAGS.has(el.name)) return 'chrome';
  if (el.name === 'body' || el.name === 'html' || el.name === 'main') return undefined;
  if (isPositive(el)) return undefined;
  const names = idAndClass(el);
  if (names !== '' && (BOILERPLATE_CLASS.test(names) || BOILERPLATE_TOKEN.test(names))) return 'class';
  const role = a['role'];
  if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner') return 'chrome';
  return undefined;
}

export function isPositive(el: Element): boolean {
  const itemprop = el.attribs['itemprop'];
  if (itemprop !== undefined && itemprop.toLowerCase().includes('articlebody')) return true;
  const names = idAndClass(el);
  return names !== '' && ARTICLE_BODY_CLASS.test(names);
}

/**
 * One post-order pass that finds every element that may be pruned and measures
 * the prose under it, so a badly named wrapper around the whole article is kept.
 */
export function findPruneCandidates(doc: Document): Map<Element, PruneCandidate> {
  const reasons = new Map<Element, PruneReason>();
  const prose = new Map<Element, number>();
  let total = 0;
  // Post-order without recursion: each element is pushed once to enter and once to leave.
  const nodes: AnyNode[] = [doc];
  const leaving: boolean[] = [false];
  const sums: number[] = [];
  let pDepth = 0;
  let linkDepth = 0;
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const leave = leaving.pop()!;
    if (node.type === 'text') {
      if (linkDepth === 0) {
        const len = (node as Text).data.trim().length;
        if (pDepth > 0 || len >= LONG_TEXT_NODE) {
          total += len;
          if (sums.length > 0) sums[sums.length - 1]! += len;
        }
      }
      continue;
    }
    if (!isElement(node)) {
      if (node.type === 'root') pushChildren(node, nodes, leaving);
      continue;
    }
    if (NEVER_TEXT_TAGS.has(node.name)) continue;
    if (!leave) {
      const reason = pruneReason(node);
      if (reason) reasons.set(node, reason);
      if (node.name === 'p') pDepth++;
      if (node.name === 'a') linkDepth++;
      sums.push(0);
      nodes.push(node);
      leaving.push(true);
      pushChildren(node, nodes, leaving);
    } else {
      if (node.name === 'p') pDepth--;
      if (node.name === 'a') linkDepth--;
      const own = sums.pop()!;
      if (sums.length > 0) sums[sums.length - 1]! += own;
      if (reasons.has(node)) prose.set(node, own);
    }
  }
  const out = new Map<Element, PruneCandidate>();
  for (const [el, reason] of reasons) {
    const mine = prose.get(el) ?? 0;
    out.set(el, { reason, protected: total > 0 && mine >= PROTECT_PROSE_SHARE * total });
  }
  return out;
}

function pushChildren(node: AnyNode, nodes: AnyNode[], leaving: boolean[]): void {
  if (!('children' in node)) return;
  const children = node.children;
  for (let i = children.length - 1; i >= 0; i--) {
    nodes.push(children[i]!);
    leaving.push(false);
  }
}

const KIND_OF_TAG: Readonly<Record<string, BlockKind>> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'list-item', dt: 'list-item', dd: 'list-item', blockquote: 'blockquote', pre: 'preformatted',
};

const SPACE_RUN = /[\s\u200b\u2060\ufeff]+/g;
const SPACES_AROUND_NEWLINE = / *\n */g;
const DOUBLE_SPACE = / {2,}/g;
const NEWLINE_RUN = /\n{2,}/g;

/**
 * Walks the body once, turning it into blocks of visible text (one per paragraph,
 * heading, list item …) and recording which blocks each block-level element spans.
 * Two `<br>` in a row end a paragraph, as they do on the screen; a single one is kept as "\n".
 */
export function segment(doc: Document, candidates: ReadonlyMap<Element, PruneCandidate>, options: SegmentOptions): Segmentation {
  const blocks: RawBlock[] = [];
  const ranges: ElementRange[] = [];
  const rangeStarts: number[] = [];

  let pieces: string[] = [];
  let linkChars = 0;
  let leadingLinkChars = 0;
  let leadDone = false;
  let lastWasBreak = false;
  let linkDepth = 0;
  let preDepth = 0;
  let suspectDepth = 0;
  const kindStack: BlockKind[] = [];
  const tagStack: string[] = [];
  const headingStack: number[] = [];
  const suspectMarks = new Set<Element>();

  const flush = (): void => {
    if (pieces.length === 0) return;
    let text = pieces.join('');
    pieces = [];
    lastWasBreak = false;
    const links = linkChars;
    const leading = leadingLinkChars;
    linkChars = 0;
    leadingLinkChars = 0;
    leadDone = false;
    if (preDepth > 0) {
      text = text
        .split('\n')
        .map((line) => line.replace(/\s+$/, ''))
        .filter((line) => line.trim() !== '')
        .join('\n');
      text = text.replace(/^\s+/, '');
    } else {
      text = text.replace(SPACES_AROUND_NEWLINE, '\n').replace(DOUBLE_SPACE, ' ').replace(NEWLINE_RUN, '\n').trim();
    }
    if (text === '') return;
    blocks.push({
      text,
      kind: kindStack[kindStack.length - 1] ?? 'paragraph',
      linkChars: Math.min(links, text.length),
      leadingLinkChars: Math.min(leading, text.length),
      tag: tagStack[tagStack.length - 1] ?? 'body',
      suspect: suspectDepth > 0,
      headingLevel: headingStack[headingStack.length - 1] ?? 0,
    });
  };

  const nodes: AnyNode[] = [doc];
  const leaving: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const leave = leaving.pop()!;
    if (node.type === 'text') {
      const data = (node as Text).data;
      if (preDepth > 0) {
        pieces.push(data);
        if (linkDepth > 0) linkChars += data.length;
        if (data.trim() !== '') lastWasBreak = false;
        continue;
      }
      const piece = data.replace(SPACE_RUN, ' ');
      if (piece === ' ' || piece === '') {
        if (pieces.length > 0) pieces.push(' ');
        continue;
      }
      pieces.push(piece);
      lastWasBreak = false;
      if (linkDepth > 0) {
        const n = piece.trim().length;
        linkChars += n;
        if (!leadDone) leadingLinkChars += n;
      } else leadDone = true;
      continue;
    }
    if (!isElement(node)) {
      if (node.type === 'root') pushChildren(node, nodes, leaving);
      continue;
    }
    const name = node.name;
    if (!leave) {
      if (NEVER_TEXT_TAGS.has(name)) continue;
      if (name === 'br') {
        if (lastWasBreak) flush();
        else if (pieces.length > 0) {
          pieces.push('\n');
          lastWasBreak = true;
        }
        continue;
      }
      if (name === 'hr') {
        flush();
        continue;
      }
      const candidate = candidates.get(node);
      let suspect = false;
      if (candidate && !(candidate.protected && (options.protectClassed || candidate.reason !== 'class'))) {
        if (options.prune.has(candidate.reason)) continue;
        suspect = candidate.reason === 'class' || candidate.reason === 'chrome';
      }
      const isBlock = BLOCK_TAGS.has(name);
      if (isBlock) {
        flush();
        tagStack.push(name);
        rangeStarts.push(blocks.length);
      } else if (CELL_TAGS.has(name)) {
        if (pieces.length > 0) pieces.push(' ');
      }
      const kind = KIND_OF_TAG[name];
      if (kind) kindStack.push(preDepth > 0 ? 'preformatted' : kind);
      if (HEADING_TAGS.has(name)) headingStack.push(name.charCodeAt(1) - 48);
      if (name === 'pre') preDepth++;
      if (name === 'a') linkDepth++;
      if (suspect) suspectDepth++;
      nodes.push(node);
      leaving.push(true);
      if (suspect) suspectMarks.add(node);
      pushChildren(node, nodes, leaving);
    } else {
      const isBlock = BLOCK_TAGS.has(name);
      if (isBlock) flush();
      if (KIND_OF_TAG[name]) kindStack.pop();
      if (HEADING_TAGS.has(name)) headingStack.pop();
      if (name === 'pre') preDepth--;
      if (name === 'a') linkDepth--;
      if (suspectMarks.has(node)) {
        suspectDepth--;
        suspectMarks.delete(node);
      }
      if (isBlock) {
        tagStack.pop();
        const first = rangeStarts.pop()!;
        if (blocks.length > first) ranges.push({ el: node, first, end: blocks.length, positive: isPositive(node) });
      }
    }
  }
  flush();
  return { blocks, ranges };
}
