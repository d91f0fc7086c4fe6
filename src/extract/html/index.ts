import { diagnostic, type Block, type Diagnostic, type Extraction } from '../../model/index.js';
import { extractContent, weightedLength, type ContentBlock } from './content.js';
import { isElement, parseHtml, type AnyNode, type Document, type Text } from './dom.js';
import { extractMetadata } from './metadata.js';
import { NEVER_TEXT_TAGS } from './patterns.js';

export interface HtmlExtractOptions {
  /** The page's URL when known: used for URL dates, as the canonical fallback and for the outlet fallback. */
  readonly url?: string;
}

/** Less article text than this (CJK counting double) is a stub, a teaser or a listing, not an article. */
const MIN_ARTICLE_LENGTH = 200;

/**
 * Extracts the main article text, its block structure and its metadata from an HTML page.
 * Never throws on bad markup: a page without an article yields empty text and a
 * `no-article` error diagnostic saying what the page looked like instead.
 */
export function extractHtml(html: string, options: HtmlExtractOptions = {}): Extraction {
  const doc = parseHtml(html);
  const { metadata, articleBodyHint } = extractMetadata(doc, options.url);
  const diagnostics: Diagnostic[] = [];
  const content = extractContent(doc, {
    ...(metadata.title ? { title: metadata.title.value } : {}),
    ...(articleBodyHint ? { bodyHint: articleBodyHint } : {}),
  });
  let length = 0;
  for (const b of content.blocks) length += weightedLength(b.text);
  if (length < MIN_ARTICLE_LENGTH) {
    diagnostics.push(diagnostic('error', 'no-article', `no article found: ${describePage(doc, length)}`));
    return { text: '', blocks: [], metadata, diagnostics };
  }
  const { text, blocks } = assemble(content.blocks);
  if (!content.attempt.startsWith('strict')) {
    diagnostics.push(diagnostic('info', 'relaxed-pruning', `article found only after relaxing boilerplate pruning (attempt "${content.attempt}")`));
  }
  return { text, blocks, metadata, diagnostics };
}

/** Joins blocks with a blank line and records each block's span in the joined text. */
function assemble(contentBlocks: readonly ContentBlock[]): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  for (const b of contentBlocks) {
    if (parts.length > 0) offset += 2;
    parts.push(b.text);
    blocks.push({ kind: b.kind, start: offset, end: offset + b.text.length });
    offset += b.text.length;
  }
  return { text: parts.join('\n\n'), blocks };
}

/** Counts links and words outside links, to say why a page has no article. */
function describePage(doc: Document, articleLength: number): string {
  let links = 0;
  let wordsInLinks = 0;
  let wordsOutside = 0;
  const nodes: AnyNode[] = [doc];
  const inLink: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const linked = inLink.pop()!;
    if (node.type === 'text') {
      const words = countWords((node as Text).data);
      if (linked) wordsInLinks += words;
      else wordsOutside += words;
      continue;
    }
    if (isElement(node)) {
      if (NEVER_TEXT_TAGS.has(node.name)) continue;
      if (node.name === 'a') links++;
    } else if (node.type !== 'root') continue;
    const children = (node as Document).children;
    const childLinked = linked || (isElement(node) && node.name === 'a');
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!);
      inLink.push(childLinked);
    }
  }
  if (wordsInLinks + wordsOutside === 0) return 'the page has no visible text';
  if (links >= 10 && wordsInLinks >= wordsOutside / 2) {
    return `page looks like a listing (${links} links, ${wordsOutside} words outside links)`;
  }
  return `no block of prose long enough (${articleLength} characters of article-like text, ${wordsOutside} words outside links, ${links} links)`;
}

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
