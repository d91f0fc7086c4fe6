import type { RawInput, Severity } from '../model/index.js';

/**
 * Why an input (or part of one) could not become a RawInput. `message` is one line that
 * names the file or URL and what was wrong, so adapters can print `rule: message` as is.
 */
export interface IngestFailure {
  readonly origin: string;
  /** Stable kebab-case id, e.g. `not-found`, `http-404`, `truncated-gzip`. */
  readonly rule: string;
  readonly message: string;
  /**
   * `error` (absent means error) for inputs that were lost; `warning` for something the user
   * should look at though nothing they named was lost; `info` for summaries of what a folder
   * walk or a WARC file skipped on purpose.
   */
  readonly severity?: Severity;
}

export type IngestItem = { readonly ok: true; readonly raw: RawInput } | { readonly ok: false; readonly failure: IngestFailure };

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Allow URLs resolving to loopback, private or link-local addresses (off for the server, to stop SSRF). */
  allowPrivateNetwork: boolean;
}

export interface ReadOptions {
  fetch: FetchOptions;
  /** Largest single document accepted from a file, stdin, a JSON record or a WARC record. */
  maxFileBytes: number;
  /** Where `-` reads from; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream;
  /** Replaces the global fetch (tests, proxies). */
  fetchImpl?: typeof fetch;
}

/** What readInputs accepts: any subset of ReadOptions, with `fetch` mergeable field by field. */
export type ReadOptionsInput = Partial<Omit<ReadOptions, 'fetch'>> & { fetch?: Partial<FetchOptions> };

export function ok(raw: RawInput): IngestItem {
  return { ok: true, raw };
}

/** Builds a failure item; the message is forced onto one line so a stray newline from an OS error cannot break log output. */
export function fail(origin: string, rule: string, message: string, severity: Severity = 'error'): IngestItem {
  return { ok: false, failure: { origin, rule, message: oneLine(message), severity } };
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
