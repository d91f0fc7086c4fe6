import { createReadStream, type Dirent, type Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { OriginKind, RawFormat } from '../model/index.js';
import { decodeBytes, detectBinary } from './decode.js';
import { documentItem } from './document.js';
import { GunzipError, gunzipBytes } from './gzip.js';
import { jsonDocumentItems, jsonLinesFromText, jsonLinesItems, looksLikeJsonLines, summariseMissingContent } from './json-records.js';
import { isGzip, isWarc, looksLikeFeed, looksLikeMarkup } from './sniff.js';
import { collect, gunzipChunks, peek, type Chunks } from './stream.js';
import { fail, type IngestItem, type ReadOptions } from './types.js';
import { formatBytes } from './util.js';
import { readWarc } from './warc.js';
import { feedItems, type WebContext } from './web.js';

/**
 * Feed and .json files are parsed whole, so they are capped separately from single documents
 * (a JSON array of a thousand articles is legitimately far over the per-document limit) at a
 * size that still fits comfortably in memory as a string. WARC and JSON Lines are streamed and
 * have no cap of their own.
 */
export const MAX_CONTAINER_BYTES = 256 * 1024 * 1024;

/** How much of a stream is looked at to decide what it is. */
const SNIFF_BYTES = 4096;

export interface IngestContext extends WebContext {
  readonly options: ReadOptions;
}

export type FileKind =
  | { readonly kind: 'document'; readonly format: RawFormat }
  | { readonly kind: 'json' | 'jsonl' | 'feed' | 'warc' | 'sniff' }
  | { readonly kind: 'unsupported'; readonly extension: string };

const EXTENSIONS: Readonly<Record<string, FileKind>> = {
  '.html': { kind: 'document', format: 'html' },
  '.htm': { kind: 'document', format: 'html' },
  '.xhtml': { kind: 'document', format: 'html' },
  '.shtml': { kind: 'document', format: 'html' },
  '.txt': { kind: 'document', format: 'text' },
  '.text': { kind: 'document', format: 'text' },
  '.md': { kind: 'document', format: 'markdown' },
  '.markdown': { kind: 'document', format: 'markdown' },
  '.json': { kind: 'json' },
  '.jsonl': { kind: 'jsonl' },
  '.ndjson': { kind: 'jsonl' },
  '.xml': { kind: 'feed' },
  '.rss': { kind: 'feed' },
  '.atom': { kind: 'feed' },
  '.warc': { kind: 'warc' },
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

/** What a file is by its name; any supported type may also be gzipped (`.html.gz`, `.warc.gz`, `.jsonl.gz`). */
export function classifyPath(path: string): FileKind {
  const name = basename(path).toLowerCase();
  const gzipped = name.endsWith('.gz');
  const inner = gzipped ? name.slice(0, -3) : name;
  const extension = extname(inner);
  if (extension === '' && !gzipped) return { kind: 'sniff' };
  return EXTENSIONS[extension] ?? { kind: 'unsupported', extension: gzipped ? `${extension}.gz` : extension || '.gz' };
}

function statFailure(origin: string, error: unknown): IngestItem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail(origin, 'not-found', `${origin} does not exist`);
  if (code === 'EACCES' || code === 'EPERM') return fail(origin, 'unreadable', `cannot read ${origin}: permission denied`);
  if (code === 'ELOOP') return fail(origin, 'unreadable', `cannot read ${origin}: too many levels of symbolic links`);
  return fail(origin, 'unreadable', `cannot read ${origin}: ${(error as Error).message}`);
}

/** A path the user named: a file of any supported type, a folder (walked), or a pipe (sniffed like stdin). */
export async function* pathItems(path: string, ctx: IngestContext): AsyncGenerator<IngestItem> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    yield statFailure(path, error);
    return;
  }
  if (info.isDirectory()) {
    yield* folderItems(path, ctx);
    return;
  }
  if (!info.isFile()) {
    // Process substitution (`<(curl …)`), named pipes, /dev/stdin: no name to go by, so sniff.
    yield* streamItems(createReadStream(path), path, 'file', ctx);
    return;
  }
  const kind = classifyPath(path);
  if (kind.kind === 'unsupported') {
    const supported = `${SUPPORTED_EXTENSIONS.join(' ')}, optionally gzipped`;
    yield fail(path, 'unsupported-type', `${path} has an unsupported file type "${kind.extension}" (supported: ${supported})`);
    return;
  }
  yield* fileItems(path, info, kind, ctx);
}

async function* fileItems(
  path: string,
  info: Stats,
  kind: Exclude<FileKind, { kind: 'unsupported' }>,
  ctx: IngestContext,
): AsyncGenerator<IngestItem> {
  const { maxFileBytes } = ctx.options;
  if (info.size === 0) {
    yield fail(path, 'empty-input', `${path} is empty (0 bytes)`);
    return;
  }
  const parsedWhole = kind.kind === 'json' || kind.kind === 'feed';
  const cap = kind.kind === 'document' ? maxFileBytes : parsedWhole ? Math.max(maxFileBytes, MAX_CONTAINER_BYTES) : Infinity;
  if (info.size > cap) {
    yield fail(path, 'too-large', `${path} is ${formatBytes(info.size)}, over the ${formatBytes(cap)} limit`);
    return;
  }
  try {
    switch (kind.kind) {
      case 'document': {
        const bytes = await readMaybeGzip(path, maxFileBytes);
        yield bytes instanceof GunzipError
          ? fail(path, bytes.rule, bytes.message)
          : documentItem({ bytes, origin: path, originKind: 'file', format: kind.format, maxBytes: maxFileBytes });
        return;
      }
      case 'json': {
        const text = await readContainerText(path, cap);
        if (typeof text !== 'string') yield text;
        else yield* summariseMissingContent(jsonDocumentItems(text, path, maxFileBytes), path);
        return;
      }
      case 'feed': {
        const bytes = await readMaybeGzip(path, cap);
        if (bytes instanceof GunzipError) yield fail(path, bytes.rule, bytes.message);
        else yield* feedFileItems(bytes, path, ctx);
        return;
      }
      case 'jsonl':
        yield* summariseMissingContent(jsonLinesItems(await openChunks(path), path, maxFileBytes), path);
        return;
      case 'warc':
        yield* readWarc(await openChunks(path), path, maxFileBytes);
        return;
      case 'sniff':
        yield* streamItems(createReadStream(path), path, 'file', ctx);
        return;
    }
  } catch (error) {
    yield readFailure(path, error);
  }
}

/** Errors met while reading a file that stat said was fine: gzip trouble, or the file vanishing or turning unreadable. */
export function readFailure(origin: string, error: unknown): IngestItem {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_')) {
    if (code === 'Z_BUF_ERROR') return fail(origin, 'truncated-gzip', `${origin} ends before the gzip stream is complete`);
    return fail(origin, 'corrupt-gzip', `${origin} is not valid gzip data (${(error as Error).message})`);
  }
  return statFailure(origin, error);
}

async function readMaybeGzip(path: string, maxBytes: number): Promise<Uint8Array | GunzipError> {
  const bytes = new Uint8Array(await readFile(path));
  if (!isGzip(bytes)) return bytes; // named .gz but stored plain (browsers do this): fine as it is
  try {
    return gunzipBytes(bytes, path, maxBytes);
  } catch (error) {
    if (error instanceof GunzipError) return error;
    throw error;
  }
}

/** A whole text container (.json) as a string, or the failure that stops it. */
async function readContainerText(path: string, cap: number): Promise<string | IngestItem> {
  const bytes = await readMaybeGzip(path, cap);
  if (bytes instanceof GunzipError) return fail(path, bytes.rule, bytes.message);
  return containerText(bytes, path);
}

function containerText(bytes: Uint8Array, origin: string): string | IngestItem {
  if (bytes.length === 0) return fail(origin, 'empty-input', `${origin} is empty (0 bytes)`);
  const binary = detectBinary(bytes);
  if (binary) return fail(origin, 'binary-input', `${origin} is not a text file: it looks like ${binary}`);
  return decodeBytes(bytes, { sniffMarkup: false }).text;
}

async function* feedFileItems(bytes: Uint8Array, origin: string, ctx: IngestContext): AsyncGenerator<IngestItem> {
  if (bytes.length === 0) {
    yield fail(origin, 'empty-input', `${origin} is empty (0 bytes)`);
    return;
  }
  const binary = detectBinary(bytes);
  if (binary) {
    yield fail(origin, 'binary-input', `${origin} is not a feed: it looks like ${binary}`);
    return;
  }
  yield* feedItems(bytes, undefined, origin, undefined, ctx, ctx.options.maxFileBytes);
}

/** A file as a chunk stream, gunzipped when its first bytes say gzip (whatever its name). */
async function openChunks(path: string): Promise<Chunks> {
  const { head, chunks } = await peek(createReadStream(path), 2);
  return isGzip(head) ? gunzipChunks(chunks) : chunks;
}

/** Starts with `{` or `[` after whitespace: may be JSON. */
function startsLikeJson(head: Buffer): boolean {
  return /^\s*[{[]/.test(head.toString('latin1', 0, Math.min(head.length, 64)));
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Input with no name to go by (stdin, pipes, files without extension), recognised by its
 * first bytes: gzip is unwrapped, then WARC, RSS/Atom, JSON / JSON Lines records, HTML, or
 * else plain text. WARC and JSON Lines are streamed; the rest is read whole up to the limit.
 */
export async function* streamItems(
  source: AsyncIterable<Uint8Array | string>,
  origin: string,
  originKind: OriginKind,
  ctx: IngestContext,
): AsyncGenerator<IngestItem> {
  const { maxFileBytes } = ctx.options;
  try {
    let peeked = await peek(source, SNIFF_BYTES);
    if (isGzip(peeked.head)) peeked = await peek(gunzipChunks(peeked.chunks), SNIFF_BYTES);
    const { head, chunks } = peeked;
    if (head.length === 0) {
      yield fail(origin, 'empty-input', `${origin} is empty (0 bytes)`);
      return;
    }
    if (isWarc(head)) {
      yield* readWarc(chunks, origin, maxFileBytes);
      return;
    }
    const binary = detectBinary(head);
    if (binary) {
      yield fail(origin, 'binary-input', `${origin} is not a text or HTML document: it looks like ${binary}`);
      return;
    }
    const isContainer = looksLikeFeed(head) || startsLikeJson(head);
    const cap = isContainer ? Math.max(maxFileBytes, MAX_CONTAINER_BYTES) : maxFileBytes;
    const bytes = await collect(chunks, cap);
    if (bytes === undefined) {
      yield fail(origin, 'too-large', `${origin} is larger than the ${formatBytes(cap)} limit; stopped reading`);
      return;
    }
    if (looksLikeFeed(head)) {
      yield* feedItems(bytes, undefined, origin, undefined, ctx, ctx.options.maxFileBytes);
      return;
    }
    if (startsLikeJson(head)) {
      const text = bytes.toString('utf8');
      if (parsesAsJson(text)) {
        yield* summariseMissingContent(jsonDocumentItems(text, origin, maxFileBytes), origin);
        return;
      }
      if (looksLikeJsonLines(text)) {
        yield* summariseMissingContent(jsonLinesFromText(text, origin, maxFileBytes), origin);
        return;
      }
      // Not JSON after all: prose that happens to open with a bracket.
    }
    yield documentItem({ bytes, origin, originKind, format: looksLikeMarkup(head) ? 'html' : 'text', maxBytes: maxFileBytes });
  } catch (error) {
    yield readFailure(origin, error);
  }
}

interface WalkTally {
  found: number;
  skipped: Map<string, number>;
}

/** Sort by UTF-16 code units: the same order on every machine and locale. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * A folder, recursively, in sorted order, skipping hidden entries. Files of unsupported types
 * (stylesheets, images, scripts saved beside pages) are skipped without a failure each, but
 * counted into one summary line so nothing vanishes unnoticed.
 */
async function* folderItems(root: string, ctx: IngestContext): AsyncGenerator<IngestItem> {
  const tally: WalkTally = { found: 0, skipped: new Map() };
  const visited = new Set<string>();
  yield* walk(root, ctx, tally, visited);
  const skippedCount = [...tally.skipped.values()].reduce((a, b) => a + b, 0);
  const listing = [...tally.skipped.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ext, n]) => (n === 1 ? ext : `${ext} ×${n}`))
    .join(', ');
  if (tally.found === 0) {
    const skipped = skippedCount === 0 ? '' : `; skipped ${skippedCount} file${skippedCount === 1 ? '' : 's'} of unsupported types (${listing})`;
    yield fail(root, 'empty-folder', `${root} contains no supported files${skipped}`);
  } else if (skippedCount > 0) {
    const files = `${skippedCount} file${skippedCount === 1 ? '' : 's'}`;
    yield fail(root, 'skipped-unsupported', `skipped ${files} in ${root} with unsupported types (${listing})`, 'info');
  }
}

async function* walk(dir: string, ctx: IngestContext, tally: WalkTally, visited: Set<string>): AsyncGenerator<IngestItem> {
  let entries: Dirent[];
  try {
    const real = await realpath(dir);
    if (visited.has(real)) return; // a symlink loop back to a folder already walked
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield statFailure(dir, error);
    return;
  }
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let info: Stats;
    try {
      info = await stat(path); // follows symlinks, and gives the size the limit check needs
    } catch (error) {
      yield statFailure(path, error);
      continue;
    }
    if (info.isDirectory()) {
      yield* walk(path, ctx, tally, visited);
      continue;
    }
    if (!info.isFile()) continue; // sockets and pipes inside a folder are not documents anyone saved
    const kind = classifyPath(path);
    if (kind.kind === 'unsupported' || kind.kind === 'sniff') {
      const key = kind.kind === 'unsupported' ? kind.extension : '(no extension)';
      tally.skipped.set(key, (tally.skipped.get(key) ?? 0) + 1);
      continue;
    }
    tally.found++;
    yield* fileItems(path, info, kind, ctx);
  }
}

/** How many items a path will give, when that is knowable without reading files; undefined otherwise. */
export async function countPath(path: string): Promise<number | undefined> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    return 1; // one failure item
  }
  if (!info.isDirectory()) {
    if (!info.isFile()) return undefined;
    const kind = classifyPath(path).kind;
    return kind === 'document' || kind === 'unsupported' ? 1 : undefined;
  }
  let count = 0;
  const visited = new Set<string>();
  const stack = [path];
  for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
    let entries: Dirent[];
    try {
      const real = await realpath(dir);
      if (visited.has(real)) continue;
      visited.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      count++;
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(child).catch(() => undefined))?.isDirectory() === true);
      if (isDir) {
        stack.push(child);
        continue;
      }
      const kind = classifyPath(child).kind;
      if (kind === 'document') count++;
      else if (kind === 'json' || kind === 'jsonl' || kind === 'feed' || kind === 'warc') return undefined;
    }
  }
  return count;
}
