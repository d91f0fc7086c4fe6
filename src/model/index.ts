export type { Span } from './span.js';
export { spanText, isValidSpan } from './span.js';
export type { Diagnostic, Severity } from './diagnostic.js';
export { diagnostic, InputError } from './diagnostic.js';
export type { RawInput, RawFormat, OriginKind, InputHints } from './raw.js';
export type { Article, ArticleMetadata, Block, BlockKind, Extraction, ExtractionMethod, MetadataSource, Sourced } from './article.js';
