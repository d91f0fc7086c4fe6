import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputs, sha256Hex, type IngestItem } from './index.js';
import { dechunk, parseHttpResponse } from './warc.js';

const PAGE_A = '<html><head><title>Bridge reopens</title></head><body><p>The bridge reopened on Monday.</p></body></html>';
const PAGE_B = '<html><body><p>Caf\u00e9 prices rose again.</p></body></html>';
const PAGE_C = '<html><body><p>A stored resource page.</p></body></html>';

function record(type: string, headers: Record<string, string>, block: Buffer | string): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block, 'latin1') : block;
  const head = [
    'WARC/1.1',
    `WARC-Type: ${type}`,
    'WARC-Date: 2025-03-04T10:00:00Z',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${body.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body, Buffer.from('\r\n\r\n')]);
}

function httpResponse(status: string, headers: Record<string, string>, body: Buffer): Buffer {
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]);
}

function chunked(body: Buffer): Buffer {
  const half = Math.floor(body.length / 2);
  const parts = [body.subarray(0, half), body.subarray(half)];
  return Buffer.concat([
    ...parts.flatMap((p) => [Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')]),
    Buffer.from('0\r\n\r\n'),
  ]);
}

const RECORDS = [
  record('warcinfo', { 'Content-Type': 'application/warc-fields' }, 'software: test\r\n'),
  record('request', { 'WARC-Target-URI': 'https://news.example/a', 'Content-Type': 'application/http; msgtype=request' }, 'GET /a HTTP/1.1\r\n\r\n'),
  // 3: 200 HTML, gzip Content-Encoding and chunked transfer, as a crawler that stores the raw exchange writes it
  record(
    'response',
    { 'WARC-Target-URI': '<https://news.example/a>', 'Content-Type': 'application/http; msgtype=response' },
    httpResponse(
      '200 OK',
      { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' },
      chunked(gzipSync(Buffer.from(PAGE_A))),
    ),
  ),
  // 4: a 404
  record('response', { 'WARC-Target-URI': 'https://news.example/missing' }, httpResponse('404 Not Found', { 'Content-Type': 'text/html' }, Buffer.from('<p>nope</p>'))),
  // 5: an image
  record('response', { 'WARC-Target-URI': 'https://news.example/logo.png' }, httpResponse('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]))),
  // 6: 200 HTML in windows-1252, headers keep a charset
  record(
    'response',
    { 'WARC-Target-URI': 'https://news.example/b' },
    httpResponse('200 OK', { 'Content-Type': 'text/html; charset=windows-1252' }, Buffer.from(PAGE_B, 'latin1')),
  ),
  // 7: a resource record with text/html
  record('resource', { 'WARC-Target-URI': 'https://news.example/c', 'Content-Type': 'text/html' }, PAGE_C),
  record('metadata', { 'WARC-Target-URI': 'https://news.example/a' }, 'fetchTimeMs: 12\r\n'),
];

let dir: string;

async function collect(specs: string[], maxFileBytes?: number): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(specs, maxFileBytes === undefined ? {} : { maxFileBytes })) items.push(item);
  return items;
}

describe('WARC files', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'triangulate-warc-'));
    // CC-NEWS style: one gzip member per record, concatenated.
    await writeFile(join(dir, 'crawl.warc.gz'), Buffer.concat(RECORDS.map((r) => gzipSync(r))));
    await writeFile(join(dir, 'crawl.warc'), Buffer.concat(RECORDS));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('keeps 200 HTML responses and HTML resources from a multi-member gzip, and counts the rest', async () => {
    const path = join(dir, 'crawl.warc.gz');
    const items = await collect([path]);
    assert.equal(items.length, 4);
    const [a, b, c, summary] = items;
    assert.ok(a?.ok && b?.ok && c?.ok);
    assert.equal(a.raw.origin, `${path}#record-3`);
    assert.equal(a.raw.originKind, 'warc-record');
    assert.equal(a.raw.format, 'html');
    assert.equal(Buffer.from(a.raw.bytes).toString(), PAGE_A);
    assert.equal(a.raw.id, sha256Hex(Buffer.from(PAGE_A)));
    assert.equal(a.raw.hints.url, 'https://news.example/a');
    assert.equal(a.raw.declaredCharset, 'utf-8');
    assert.equal(b.raw.origin, `${path}#record-6`);
    assert.equal(b.raw.declaredCharset, 'windows-1252');
    assert.deepEqual(Buffer.from(b.raw.bytes), Buffer.from(PAGE_B, 'latin1'));
    assert.equal(c.raw.origin, `${path}#record-7`);
    assert.equal(c.raw.hints.url, 'https://news.example/c');
    assert.ok(summary && !summary.ok);
    assert.equal(summary.failure.rule, 'warc-skipped');
    assert.equal(summary.failure.severity, 'info');
    assert.equal(
      summary.failure.message,
      `${path}: kept 3 of 8 records; skipped 3 non-response records (metadata, request, warcinfo), 1 non-200 response, 1 non-HTML response`,
    );
  });

  it('gives the same records from the uncompressed file', async () => {
    const plain = await collect([join(dir, 'crawl.warc')]);
    const gz = await collect([join(dir, 'crawl.warc.gz')]);
    assert.deepEqual(
      plain.filter((i) => i.ok).map((i) => (i.ok ? i.raw.id : '')),
      gz.filter((i) => i.ok).map((i) => (i.ok ? i.raw.id : '')),
    );
  });

  it('yields the records before a truncated gzip member, then one failure', async () => {
    const whole = Buffer.concat(RECORDS.slice(0, 6).map((r) => gzipSync(r)));
    const path = join(dir, 'cut.warc.gz');
    await writeFile(path, whole.subarray(0, whole.length - 20));
    const items = await collect([path]);
    const ok = items.filter((i) => i.ok);
    assert.equal(ok.length, 1); // record 3; record 6 is in the cut member
    const last = items[items.length - 1];
    assert.ok(last && !last.ok);
    assert.equal(last.failure.rule, 'truncated-gzip');
    assert.match(last.failure.message, /cut\.warc\.gz ends before the gzip stream is complete \(after 5 complete records\)/);
  });

  it('reports a WARC cut inside a record block', async () => {
    const whole = Buffer.concat(RECORDS.slice(0, 4));
    const path = join(dir, 'cut.warc');
    await writeFile(path, whole.subarray(0, whole.length - 30));
    const items = await collect([path]);
    assert.equal(items.filter((i) => i.ok).length, 1);
    const last = items[items.length - 1];
    assert.ok(last && !last.ok);
    assert.equal(last.failure.rule, 'truncated-warc');
    assert.match(last.failure.message, /ends inside record 4 \(after 3 complete records\)/);
  });

  it('refuses a file that is not a WARC, and counts records over the size limit', async () => {
    const path = join(dir, 'fake.warc');
    await writeFile(path, '<html>not a warc</html>');
    const [item] = await collect([path]);
    assert.ok(item && !item.ok);
    assert.equal(item.failure.rule, 'not-warc');
    const small = await collect([join(dir, 'crawl.warc.gz')], 32);
    const summary = small[small.length - 1];
    assert.ok(summary && !summary.ok);
    assert.match(summary.failure.message, /over the 32 bytes limit/);
  });

  it('parses HTTP responses and de-chunks bodies, leaving unchunked bodies alone', () => {
    const message = parseHttpResponse(httpResponse('200 OK', { 'Content-Type': 'text/html' }, Buffer.from('<p>x</p>')));
    assert.equal(message?.status, 200);
    assert.equal(message?.headers.get('content-type'), 'text/html');
    assert.equal(message?.body.toString(), '<p>x</p>');
    assert.equal(parseHttpResponse(Buffer.from('not http')), undefined);
    assert.equal(dechunk(chunked(Buffer.from('hello world')))?.toString(), 'hello world');
    assert.equal(dechunk(Buffer.from('<html>')), undefined);
  });
});
