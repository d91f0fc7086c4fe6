/**
 * The article pipeline: the order of stages, written once.
 *
 *   1. decode   bytes → text. First because it is the cheap gate: empty and binary
 *               inputs (a PDF, a PNG, a zip) are refused before any parsing.
 *   2. extract  HTML or flattened text → immutable article text, blocks, metadata.
 *               After this stage the text never changes; everything later is a span.
 *   3. hints    metadata the input carried (feed item, JSON record, WARC header) fills
 *               only what the page itself did not say: the page is the better witness.
 *   4. gate     no article text → a precise failure ('no-article'), never an empty record.
 *
 * Analysis stages (tokens → entities → quotes and time → events) run over the stored
 * article; story clustering and fusion run over many articles.
 */
import { extractHtml } from './extract/html/index.js';
import { extractMarkdown } from './extract/markdown.js';
import { extractFlattenedText } from './extract/text/index.js';
import { decodeBytes } from './ingest/decode.js';
import {
  InputError,
  type Article,
  type ArticleMetadata,
  type Diagnostic,
  type Extraction,
  type ExtractionMethod,
  type InputHints,
  type RawInput,
} from './model/index.js';

/** Bumped whenever extraction output can change, so stored records show which extractor made them. */
export const EXTRACTOR_VERSION = 'triangulate-extract@1';

export type ExtractOutcome =
  | { readonly ok: true; readonly article: Article }
  | { readonly ok: false; readonly rule: string; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

export interface ExtractOptions {
  /** Publication date for inputs that state none (e.g. `dossier --published`); the page's own date always wins. */
  readonly defaultPublished?: string;
}

export function extractArticle(raw: RawInput, options: ExtractOptions = {}): ExtractOutcome {
  let decoded;
  try {
    decoded = decodeBytes(raw.bytes, {
      ...(raw.declaredCharset === undefined ? {} : { declaredCharset: raw.declaredCharset }),
      sniffMarkup: raw.format === 'html',
    });
  } catch (error) {
    if (error instanceof InputError) return { ok: false, rule: error.rule, message: error.message, diagnostics: [] };
    throw error;
  }

  const { extraction, method } = runExtractor(raw, decoded.text);
  const diagnostics = [...decoded.diagnostics, ...extraction.diagnostics];
  if (extraction.text.trim() === '') {
    const reason = extraction.diagnostics.find((d) => d.severity === 'error');
    return {
      ok: false,
      rule: reason?.rule ?? 'no-article',
      message: reason?.message ?? 'no article text found in the page',
      diagnostics,
    };
  }

  const article: Article = {
    id: raw.id,
    rawId: raw.id,
    origin: raw.origin,
    text: extraction.text,
    blocks: extraction.blocks,
    metadata: withHints(extraction.metadata, options.defaultPublished && !raw.hints.published ? { ...raw.hints, published: options.defaultPublished } : raw.hints),
    extraction: { method, extractor: EXTRACTOR_VERSION, charset: decoded.charset, diagnostics },
  };
  return { ok: true, article };
}

function runExtractor(raw: RawInput, text: string): { extraction: Extraction; method: ExtractionMethod } {
  switch (raw.format) {
    case 'html':
      return { extraction: extractHtml(text, raw.hints.url === undefined ? {} : { url: raw.hints.url }), method: 'html' };
    case 'markdown':
      return { extraction: extractMarkdown(text, raw.hints), method: 'markdown' };
    case 'text':
      return { extraction: extractFlattenedText(text, { hints: raw.hints }), method: 'flattened-text' };
  }
}

/** Fills metadata the page did not state from what came with the input. */
export function withHints(metadata: ArticleMetadata, hints: InputHints): ArticleMetadata {
  const hinted = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : { value: value.trim(), source: 'input-hint' as const });
  const fill: { -readonly [K in keyof ArticleMetadata]?: ArticleMetadata[K] } = { ...metadata };
  if (!fill.title) assign(fill, 'title', hinted(hints.title));
  if (!fill.published) assign(fill, 'published', hinted(hints.published));
  if (!fill.outlet) assign(fill, 'outlet', hinted(hints.outlet));
  if (!fill.url) assign(fill, 'url', hinted(hints.url));
  if (!fill.language) assign(fill, 'language', hinted(hints.language));
  if (!fill.authors && hints.authors && hints.authors.length > 0) fill.authors = { value: [...hints.authors], source: 'input-hint' };
  return fill;
}

function assign<K extends keyof ArticleMetadata>(target: { -readonly [P in keyof ArticleMetadata]?: ArticleMetadata[P] }, key: K, value: ArticleMetadata[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
