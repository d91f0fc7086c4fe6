import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Byte chunks from a file, stdin or a decompressor. */
export type Chunks = AsyncIterable<Uint8Array>;

function toBuffer(chunk: Uint8Array | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

export interface Peeked {
  /** At least `n` bytes from the start, fewer only when the whole stream is shorter. */
  readonly head: Buffer;
  /** The whole stream, head included. */
  readonly chunks: AsyncIterable<Buffer>;
}

/** Reads the first bytes of a stream for sniffing without losing them. */
export async function peek(source: AsyncIterable<Uint8Array | string>, n: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const buffer = toBuffer(next.value);
    parts.push(buffer);
    length += buffer.length;
  }
  const head = Buffer.concat(parts, length);
  async function* all(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield toBuffer(next.value);
      }
    } finally {
      if (!ended) await iterator.return?.();
    }
  }
  return { head, chunks: all() };
}

/** Gunzips a stream; concatenated gzip members (one per WARC record in CC-NEWS) come out as one stream. */
export function gunzipChunks(source: AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  const input = Readable.from(source, { objectMode: false });
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  gunzip.on('close', () => input.destroy());
  return input.pipe(gunzip);
}

/** Collects a stream, or returns undefined as soon as it passes `maxBytes`. */
export async function collect(source: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    const buffer = toBuffer(chunk);
    length += buffer.length;
    if (length > maxBytes) return undefined;
    parts.push(buffer);
  }
  return Buffer.concat(parts, length);
}

/** Splits a stream into lines (LF or CRLF), numbered from 1; the last line may lack a newline. */
export async function* lines(source: AsyncIterable<Uint8Array>): AsyncGenerator<{ readonly number: number; readonly text: string }> {
  let pending: Buffer = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of source) {
    pending = pending.length === 0 ? toBuffer(chunk) : Buffer.concat([pending, toBuffer(chunk)]);
    let start = 0;
    for (let nl = pending.indexOf(0x0a, start); nl !== -1; nl = pending.indexOf(0x0a, start)) {
      number++;
      yield { number, text: stripCr(pending.toString('utf8', start, nl)) };
      start = nl + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length > 0) yield { number: number + 1, text: stripCr(pending.toString('utf8')) };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Pull-based reader over a chunk stream for record formats (WARC): reads header blocks
 * and exact byte counts without holding more than one record in memory.
 */
export class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  /** Bytes consumed so far, for error positions. */
  offset = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  static from(chunks: AsyncIterable<Uint8Array>): ByteReader {
    return new ByteReader(chunks[Symbol.asyncIterator]());
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const chunk = toBuffer(next.value);
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    return true;
  }

  private consume(n: number): Buffer {
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    this.offset += n;
    return out;
  }

  /** The next n bytes (fewer at end of stream) without consuming them. */
  async peek(n: number): Promise<Buffer> {
    while (this.buffer.length < n && (await this.pull()));
    return this.buffer.subarray(0, n);
  }

  /** Skips CR/LF bytes; false at end of stream. */
  async skipNewlines(): Promise<boolean> {
    for (;;) {
      let i = 0;
      while (i < this.buffer.length && (this.buffer[i] === 0x0d || this.buffer[i] === 0x0a)) i++;
      this.consume(i);
      if (this.buffer.length > 0) return true;
      if (!(await this.pull())) return false;
    }
  }

  /**
   * Reads through the first blank line (CRLF CRLF, or LF LF from sloppy writers). Returns the
   * block without the blank line, 'eof' if the stream ended first, 'too-long' past maxBytes.
   */
  async readHeaderBlock(maxBytes: number): Promise<Buffer | 'eof' | 'too-long'> {
    let searchFrom = 0;
    for (;;) {
      const crlf = this.buffer.indexOf('\r\n\r\n', searchFrom);
      const lf = this.buffer.indexOf('\n\n', searchFrom);
      const end = crlf !== -1 && (lf === -1 || crlf < lf) ? { at: crlf, length: 4 } : lf !== -1 ? { at: lf, length: 2 } : undefined;
      if (end) {
        const block = Buffer.from(this.consume(end.at));
        this.consume(end.length);
        return block;
      }
      if (this.buffer.length > maxBytes) return 'too-long';
      searchFrom = Math.max(0, this.buffer.length - 3);
      if (!(await this.pull())) return 'eof';
    }
  }

  /** Reads exactly n bytes, or undefined if the stream ends first. */
  async readExact(n: number): Promise<Buffer | undefined> {
    if (this.buffer.length >= n) return Buffer.from(this.consume(n));
    const parts: Buffer[] = [this.consume(this.buffer.length)];
    let have = parts[0]?.length ?? 0;
    while (have < n) {
      if (!(await this.pull())) return undefined;
      const take = this.consume(Math.min(n - have, this.buffer.length));
      parts.push(take);
      have += take.length;
    }
    return Buffer.concat(parts, n);
  }

  /** Skips n bytes without keeping them; false if the stream ends first. */
  async skip(n: number): Promise<boolean> {
    let left = n;
    for (;;) {
      const take = Math.min(left, this.buffer.length);
      this.consume(take);
      left -= take;
      if (left === 0) return true;
      if (!(await this.pull())) return false;
    }
  }
}
