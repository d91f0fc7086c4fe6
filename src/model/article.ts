import type { Diagnostic } from './diagnostic.js';
import type { Span } from './span.js';

/** Block structure of the article text; blocks are separated by a blank line in `text`. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'blockquote' | 'preformatted';

export interface Block extends Span {
  readonly kind: BlockKind;
}

/** Where a metadata value was read from, most trusted first for dates. */
export type MetadataSource =
  | 'json-ld'
  | 'open-graph'
  | 'meta'
  | 'time-element'
  | 'url'
  | 'byline-text'
  | 'title-element'
  | 'heading'
  | 'link-element'
  | 'html-lang'
  | 'text-heuristic'
  | 'detected'
  | 'input-hint';

/** A metadata value with the place it came from. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: MetadataSource;
}

export interface ArticleMetadata {
  readonly title?: Sourced<string>;
  /** Cleaned person names: no "By", no outlet glued on, no "Email the author". */
  readonly authors?: Sourced<readonly string[]>;
  /** Outlet / site name, e.g. "The Daily Ledger". */
  readonly outlet?: Sourced<string>;
  /** ISO 8601: `YYYY-MM-DD` or a full date-time with offset when the source gives one. */
  readonly published?: Sourced<string>;
  readonly modified?: Sourced<string>;
  readonly url?: Sourced<string>;
  readonly canonicalUrl?: Sourced<string>;
  /** BCP 47 primary tag, e.g. `en`, `de`. */
  readonly language?: Sourced<string>;
  readonly description?: Sourced<string>;
}

/** What an extractor (HTML or flattened text) returns: the article text, its blocks and metadata. */
export interface Extraction {
  /** The article text: blocks joined by "\n\n". Never changes afterwards. */
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly metadata: ArticleMetadata;
  readonly diagnostics: readonly Diagnostic[];
}

export type ExtractionMethod = 'html' | 'flattened-text' | 'markdown';

/**
 * The article record every later stage builds on. `id` equals the raw input's id:
 * one raw input yields at most one article.
 */
export interface Article {
  readonly id: string;
  readonly rawId: string;
  readonly origin: string;
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly metadata: ArticleMetadata;
  readonly extraction: {
    readonly method: ExtractionMethod;
    /** `name@version` of the extractor, so records made by an older one can be found. */
    readonly extractor: string;
    readonly charset: string;
    readonly diagnostics: readonly Diagnostic[];
  };
}
