/**
 * A raw input exactly as it reached us, before any decoding or extraction.
 * Its id is the SHA-256 of its bytes (after transport decompression), so the same
 * page ingested twice, from a file or a URL, is recognised as the same input.
 */
export type RawFormat = 'html' | 'text' | 'markdown';

export type OriginKind = 'file' | 'stdin' | 'url' | 'feed-item' | 'warc-record' | 'json-record';

/** Metadata that came with the input rather than from its content (feed items, JSON records, WARC headers). */
export interface InputHints {
  readonly url?: string;
  readonly title?: string;
  readonly published?: string;
  readonly authors?: readonly string[];
  readonly outlet?: string;
  readonly language?: string;
}

export interface RawInput {
  /** Lower-case hex SHA-256 of `bytes`. */
  readonly id: string;
  /** Where it came from, in a form a person recognises: a path, a URL, `stdin`, `file.warc.gz#record-12`. */
  readonly origin: string;
  readonly originKind: OriginKind;
  readonly format: RawFormat;
  readonly bytes: Uint8Array;
  /** Charset declared by the transport (HTTP Content-Type), when there was one. */
  readonly declaredCharset?: string;
  readonly hints: InputHints;
}
