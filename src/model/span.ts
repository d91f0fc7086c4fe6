/**
 * A half-open range [start, end) of UTF-16 code units into an article's text.
 * Every annotation Triangulate produces is a span; the text itself never changes
 * after extraction, so a span stays valid for the life of the article.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function isValidSpan(text: string, span: Span): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= text.length;
}
