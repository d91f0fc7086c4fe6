import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { detectBinary } from './decode.js';
import { documentItem } from './document.js';
import { gunzipError } from './gzip.js';
import { parseContentType } from './http.js';
import { looksLikeMarkup } from './sniff.js';
import { ByteReader, type Chunks } from './stream.js';
import { fail, type IngestItem } from './types.js';
import { formatBytes } from './util.js';

/** WARC and HTTP header blocks are a few KB; anything this long is not a header block. */
const MAX_HEADER_BYTES = 256 * 1024;

/** Enough bytes to see a whole "WARC/1.1" version line. */
const MAX_VERSION_LINE = 16;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export interface HttpMessage {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/** Header lines → map with lower-case names; repeated headers are joined with ", " as HTTP allows. */
export function parseHeaderLines(lines: readonly string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }
  return headers;
}

/** Splits a WARC `response` block into status, headers and body; undefined when it is not an HTTP response. */
export function parseHttpResponse(block: Buffer): HttpMessage | undefined {
  const crlf = block.indexOf('\r\n\r\n');
  const lf = block.indexOf('\n\n');
  const end = crlf !== -1 && (lf === -1 || crlf < lf) ? { at: crlf, length: 4 } : lf !== -1 ? { at: lf, length: 2 } : undefined;
  const headText = block.toString('latin1', 0, end?.at ?? block.length);
  const [statusLine = '', ...headerLines] = headText.split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine);
  if (!status?.[1]) return undefined;
  return {
    status: Number(status[1]),
    headers: parseHeaderLines(headerLines),
    body: end ? block.subarray(end.at + end.length) : Buffer.alloc(0),
  };
}

/** Undoes `Transfer-Encoding: chunked`; undefined when the body is not in chunked form (crawlers often store it de-chunked). */
export function dechunk(body: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd === -1) return undefined;
    const sizeText = body.toString('latin1', pos, lineEnd).split(';')[0]?.trim() ?? '';
    if (!/^[0-9a-f]+$/i.test(sizeText)) return undefined;
    const size = parseInt(sizeText, 16);
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > body.length) return undefined;
    parts.push(body.subarray(start, start + size));
    pos = start + size;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
  }
}

/**
 * Undoes a Content-Encoding. Crawlers differ: some store the payload as sent, others decode it
 * but keep the header, so a payload that does not look encoded is kept as it is.
 */
function decodeContent(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer | undefined {
  const coding = encoding?.trim().toLowerCase();
  if (!coding || coding === 'identity') return body;
  try {
    if ((coding === 'gzip' || coding === 'x-gzip') && body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body, { maxOutputLength: maxBytes });
    if (coding === 'deflate') return inflateSync(body, { maxOutputLength: maxBytes });
    if (coding === 'br') return brotliDecompressSync(body, { maxOutputLength: maxBytes });
  } catch {
    // fall through: maybe the payload was stored decoded
  }
  return detectBinary(body) === undefined ? body : undefined;
}

interface WarcTally {
  total: number;
  kept: number;
  otherTypes: Map<string, number>;
  nonOk: number;
  nonHtml: number;
  tooLarge: number;
  undecodable: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(label: string, tally: WarcTally, maxBytes: number): string | undefined {
  const skipped: string[] = [];
  const others = [...tally.otherTypes.values()].reduce((a, b) => a + b, 0);
  if (others > 0) skipped.push(`${plural(others, 'non-response record')} (${[...tally.otherTypes.keys()].sort().join(', ')})`);
  if (tally.nonOk > 0) skipped.push(`${plural(tally.nonOk, 'non-200 response')}`);
  if (tally.nonHtml > 0) skipped.push(`${plural(tally.nonHtml, 'non-HTML response')}`);
  if (tally.tooLarge > 0) skipped.push(`${tally.tooLarge} over the ${formatBytes(maxBytes)} limit`);
  if (tally.undecodable > 0) skipped.push(`${tally.undecodable} with an undecodable or empty payload`);
  if (skipped.length === 0) return undefined;
  return `${label}: kept ${tally.kept} of ${plural(tally.total, 'record')}; skipped ${skipped.join(', ')}`;
}

/**
 * Streams WARC 1.0/1.1 records (already gunzipped) into HTML RawInputs: `response` records
 * with HTTP 200 and an HTML type, and `resource` records typed text/html. Skipped records
 * are counted into one info line at the end; a stream that breaks off yields what came
 * before it and then one failure.
 */
export async function* readWarc(chunks: Chunks, label: string, maxBytes: number): AsyncGenerator<IngestItem> {
  const reader = ByteReader.from(chunks);
  const tally: WarcTally = { total: 0, kept: 0, otherTypes: new Map(), nonOk: 0, nonHtml: 0, tooLarge: 0, undecodable: 0 };
  const after = (): string => `after ${plural(tally.total, 'complete record')}`;
  try {
    for (;;) {
      if (!(await reader.skipNewlines())) break;
      const recordStart = reader.offset;
      const number = tally.total + 1;
      const magic = await reader.peek(MAX_VERSION_LINE);
      const versionLine = magic.toString('latin1').split(/\r?\n/)[0] ?? '';
      if (!/^WARC\/\d+\.\d+\s*$/.test(versionLine)) {
        const found = JSON.stringify(versionLine.slice(0, 40));
        const what =
          number === 1
            ? `does not start with a WARC record header (found ${found})`
            : `has no WARC record header at byte ${recordStart} (found ${found}; ${after()})`;
        yield fail(label, number === 1 ? 'not-warc' : 'warc-parse-error', `${label} ${what}`);
        return;
      }
      const head = await reader.readHeaderBlock(MAX_HEADER_BYTES);
      if (head === 'eof') {
        yield fail(label, 'truncated-warc', `${label} ends inside the header of record ${number} (${after()})`);
        return;
      }
      if (head === 'too-long') {
        const limit = formatBytes(MAX_HEADER_BYTES);
        yield fail(label, 'warc-parse-error', `${label} record ${number} has a header block over ${limit}; stopped (${after()})`);
        return;
      }
      const headerLines = head.toString('latin1').split(/\r?\n/).slice(1);
      const headers = parseHeaderLines(headerLines);
      const lengthText = headers.get('content-length') ?? '';
      if (!/^\d+$/.test(lengthText)) {
        const found = JSON.stringify(lengthText);
        yield fail(label, 'warc-parse-error', `${label} record ${number} has no valid Content-Length (${found}); stopped (${after()})`);
        return;
      }
      const length = Number(lengthText);
      const type = (headers.get('warc-type') ?? 'unknown').toLowerCase();
      const recordType = (headers.get('content-type') ?? '').toLowerCase();
      const wanted = type === 'response' || (type === 'resource' && HTML_TYPES.has(parseContentType(recordType).mediaType ?? ''));
      // HTTP headers add a few KB on top of the payload, so allow them beyond the document limit.
      const fits = length <= maxBytes + MAX_HEADER_BYTES;
      const block = wanted && fits ? await reader.readExact(length) : (await reader.skip(length)) ? null : undefined;
      if (block === undefined) {
        yield fail(label, 'truncated-warc', `${label} ends inside record ${number} (${after()})`);
        return;
      }
      tally.total++;
      if (!wanted) {
        if (type === 'resource') tally.nonHtml++;
        else tally.otherTypes.set(type, (tally.otherTypes.get(type) ?? 0) + 1);
        continue;
      }
      if (block === null) {
        tally.tooLarge++;
        continue;
      }
      const item = warcRecordItem(block, type, headers, `${label}#record-${number}`, maxBytes, tally);
      if (item) {
        tally.kept++;
        yield item;
      }
    }
  } catch (error) {
    const gz = gunzipError(error, label);
    const rule = (error as NodeJS.ErrnoException).code?.startsWith('Z_') ? gz.rule : 'unreadable';
    const message = rule === 'unreadable' ? `cannot read ${label}: ${(error as Error).message}` : gz.message;
    yield fail(label, rule, `${message} (${after()})`);
    return;
  }
  if (tally.total === 0) {
    yield fail(label, 'empty-input', `${label} contains no WARC records`);
    return;
  }
  const line = summary(label, tally, maxBytes);
  if (line) yield fail(label, 'warc-skipped', line, 'info');
}

/** One wanted record → an item, or undefined (counted in the tally) when it is not a 200 HTML page. */
function warcRecordItem(
  block: Buffer,
  type: string,
  headers: ReadonlyMap<string, string>,
  origin: string,
  maxBytes: number,
  tally: WarcTally,
): IngestItem | undefined {
  const targetUri = headers.get('warc-target-uri')?.replace(/^<|>$/g, '');
  const hints = targetUri ? { url: targetUri } : {};
  if (type === 'resource') {
    const charset = parseContentType(headers.get('content-type') ?? null).charset;
    if (block.length === 0 || detectBinary(block)) {
      tally.undecodable++;
      return undefined;
    }
    const bytes = new Uint8Array(block);
    return documentItem({ bytes, origin, originKind: 'warc-record', format: 'html', hints, declaredCharset: charset, maxBytes });
  }
  const http = parseHttpResponse(block);
  if (!http) {
    tally.nonHtml++;
    return undefined;
  }
  if (http.status !== 200) {
    tally.nonOk++;
    return undefined;
  }
  const { mediaType, charset } = parseContentType(http.headers.get('content-type') ?? null);
  let body: Buffer | undefined = http.body;
  if (/chunked/i.test(http.headers.get('transfer-encoding') ?? '')) body = dechunk(body) ?? body;
  body = decodeContent(body, http.headers.get('content-encoding'), maxBytes);
  if (body === undefined || body.length === 0 || detectBinary(body)) {
    if (mediaType === undefined || HTML_TYPES.has(mediaType)) tally.undecodable++;
    else tally.nonHtml++;
    return undefined;
  }
  const isHtml = mediaType === undefined ? looksLikeMarkup(body) : HTML_TYPES.has(mediaType);
  if (!isHtml) {
    tally.nonHtml++;
    return undefined;
  }
  if (body.length > maxBytes) {
    tally.tooLarge++;
    return undefined;
  }
  return documentItem({ bytes: new Uint8Array(body), origin, originKind: 'warc-record', format: 'html', hints, declaredCharset: charset, maxBytes });
}
