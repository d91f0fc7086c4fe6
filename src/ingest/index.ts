/**
 * Ingest: turns what a user points at (files, folders, `-` for stdin, URLs, feeds, JSON
 * records, WARC archives) into RawInput records, or one-line failures that say what was
 * wrong with which input. Nothing here throws for a bad input.
 */
import { fileURLToPath } from 'node:url';
import { countPath, pathItems, streamItems, type IngestContext } from './files.js';
import { fail, type IngestItem, type ReadOptions, type ReadOptionsInput } from './types.js';
import { urlItems } from './web.js';

export type { IngestFailure, IngestItem, FetchOptions, ReadOptions, ReadOptionsInput } from './types.js';
export { sha256Hex } from './util.js';
export { FULL_CONTENT_MIN_CHARS, FULL_CONTENT_MIN_PARAGRAPHS } from './feed.js';
export { MAX_CONTAINER_BYTES, SUPPORTED_EXTENSIONS } from './files.js';
export { isPrivateAddress } from './ssrf.js';

const MB = 1024 * 1024;

export const DEFAULT_READ_OPTIONS: ReadOptions = Object.freeze({
  fetch: Object.freeze({
    // Long enough for a slow news site on a bad connection, short enough that one dead host does not stall a batch.
    timeoutMs: 15_000,
    // Article pages, images excluded, stay well under this; a bigger body is a download, not a page.
    maxBytes: 10 * MB,
    // Browsers allow ~20; real articles need 1–3 (http→https, canonical slug); more is a loop or a tracker chain.
    maxRedirects: 5,
    userAgent: 'Mozilla/5.0 (compatible; Triangulate/0.1; news cross-checking)',
    // Off unless the caller opts in, so a server running ingest for others cannot be aimed at its own network.
    allowPrivateNetwork: false,
  }),
  // Saved pages are rarely over 5 MB; 25 MB leaves room for inline images and scripts without letting a stray dump through.
  maxFileBytes: 25 * MB,
}) as ReadOptions;

function resolveOptions(options: ReadOptionsInput = {}): ReadOptions {
  return {
    ...DEFAULT_READ_OPTIONS,
    ...options,
    fetch: { ...DEFAULT_READ_OPTIONS.fetch, ...options.fetch },
  };
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

type SpecKind = { kind: 'stdin' } | { kind: 'url'; url: string } | { kind: 'path'; path: string } | { kind: 'bad'; rule: string; message: string };

function classifySpec(spec: string): SpecKind {
  if (spec === '-') return { kind: 'stdin' };
  if (spec.trim() === '') return { kind: 'bad', rule: 'invalid-spec', message: 'an empty input name was given' };
  if (!URL_SCHEME.test(spec)) return { kind: 'path', path: spec };
  const scheme = spec.slice(0, spec.indexOf(':')).toLowerCase();
  if (scheme === 'http' || scheme === 'https') return { kind: 'url', url: spec };
  if (scheme === 'file') {
    try {
      return { kind: 'path', path: fileURLToPath(spec) };
    } catch (error) {
      return { kind: 'bad', rule: 'invalid-url', message: `${spec} is not a usable file URL: ${(error as Error).message}` };
    }
  }
  const message = `${spec} uses the unsupported scheme "${scheme}:" (only http, https and file URLs can be read)`;
  return { kind: 'bad', rule: 'unsupported-scheme', message };
}

/** Runs one spec's reader, turning anything unexpected into a failure so one input cannot end the run. */
async function* guarded(origin: string, items: AsyncIterable<IngestItem>): AsyncGenerator<IngestItem> {
  try {
    yield* items;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield fail(origin, 'internal-error', `reading ${origin} failed unexpectedly: ${message}`);
  }
}

/**
 * Expands input specs (paths, folders, `-`, URLs) into raw inputs, lazily, in a stable order:
 * specs in the order given, folders depth-first by name, records in file order, feed items
 * in feed order. Never throws for a bad item: each becomes a failure and the rest continue.
 */
export async function* readInputs(specs: readonly string[], options?: ReadOptionsInput): AsyncGenerator<IngestItem> {
  const resolved = resolveOptions(options);
  const ctx: IngestContext = {
    options: resolved,
    fetch: { options: resolved.fetch, fetchImpl: resolved.fetchImpl ?? globalThis.fetch },
  };
  let stdinRead = false;
  for (const spec of specs) {
    const kind = classifySpec(spec);
    switch (kind.kind) {
      case 'bad':
        yield fail(spec, kind.rule, kind.message);
        break;
      case 'stdin':
        if (stdinRead) {
          yield fail('stdin', 'stdin-reused', `"-" was given more than once; stdin can only be read once`);
          break;
        }
        stdinRead = true;
        yield* guarded('stdin', streamItems(resolved.stdin ?? process.stdin, 'stdin', 'stdin', ctx));
        break;
      case 'url':
        yield* guarded(spec, urlItems(kind.url, ctx));
        break;
      case 'path':
        yield* guarded(spec, pathItems(kind.path, ctx));
        break;
    }
  }
}

/**
 * How many items readInputs will yield, when that is cheap to know (files and folders of
 * single documents), for a progress bar; undefined when unknown (URLs, stdin, feeds, JSON,
 * WARC). Summary lines (skipped files) are not counted.
 */
export async function estimateCount(specs: readonly string[]): Promise<number | undefined> {
  let total = 0;
  for (const spec of specs) {
    const kind = classifySpec(spec);
    if (kind.kind === 'bad') total++;
    else if (kind.kind !== 'path') return undefined;
    else {
      const count = await countPath(kind.path);
      if (count === undefined) return undefined;
      total += count;
    }
  }
  return total;
}
