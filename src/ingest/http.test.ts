import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { readInputs, sha256Hex, type IngestItem, type ReadOptionsInput } from './index.js';

const PAGE = '<!doctype html><html><head><title>Harbour fire</title></head><body><p>Café owners said the fire started at dawn.</p></body></html>';
const PAGE_LATIN1 = Buffer.from(PAGE, 'latin1');
const BIG = 'x'.repeat(64 * 1024);

let server: FixtureServer;
const options = (extra: ReadOptionsInput['fetch'] = {}): ReadOptionsInput => ({
  fetch: { allowPrivateNetwork: true, timeoutMs: 2000, ...extra },
});

async function all(specs: string[], opts: ReadOptionsInput = options()): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(specs, opts)) items.push(item);
  return items;
}

async function one(spec: string, opts?: ReadOptionsInput): Promise<IngestItem> {
  const items = await all([spec], opts);
  assert.equal(items.length, 1, JSON.stringify(items.map((i) => (i.ok ? i.raw.origin : i.failure.message))));
  return items[0] as IngestItem;
}

function failureOf(item: IngestItem): { rule: string; message: string } {
  assert.equal(item.ok, false, 'expected a failure');
  return item.ok ? { rule: '', message: '' } : item.failure;
}

describe('ingest from http(s) URLs', () => {
  before(async () => {
    server = await startFixtureServer({
      '/page': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
        res.end(PAGE_LATIN1);
      },
      '/r1': (_, res) => {
        res.writeHead(301, { location: '/r2' });
        res.end();
      },
      '/r2': (_, res) => {
        res.writeHead(302, { location: `${server.base}/page` });
        res.end();
      },
      '/loop': (_, res) => {
        res.writeHead(302, { location: '/loop' });
        res.end();
      },
      '/missing': (_, res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>gone</h1>');
      },
      '/broken': (_, res) => {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('oops');
      },
      '/slow': (_, res) => {
        const timer = setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(PAGE);
        }, 3000);
        res.on('close', () => clearTimeout(timer));
      },
      '/big-chunked': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write(BIG);
        res.end(BIG);
      },
      '/big-declared': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(BIG.length) });
        res.end(BIG);
      },
      '/report.pdf': (_, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4');
      },
      '/fake.html': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
      },
      '/gzipped': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1', 'content-encoding': 'gzip' });
        res.end(gzipSync(PAGE_LATIN1));
      },
      '/notes.txt': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Plain notes about the fire.');
      },
      '/empty': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end();
      },
      '/sitemap.xml': (_, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0"?><urlset><url><loc>http://x/</loc></url></urlset>');
      },
    });
  });
  after(() => server.close());

  it('reads a page, passing the Content-Type charset on and keeping the bytes undecoded', async () => {
    const item = await one(`${server.base}/page`);
    assert.ok(item.ok);
    assert.equal(item.raw.origin, `${server.base}/page`);
    assert.equal(item.raw.originKind, 'url');
    assert.equal(item.raw.format, 'html');
    assert.equal(item.raw.declaredCharset, 'ISO-8859-1');
    assert.deepEqual(Buffer.from(item.raw.bytes), PAGE_LATIN1);
    assert.equal(item.raw.id, sha256Hex(PAGE_LATIN1));
    assert.equal(item.raw.hints.url, `${server.base}/page`);
  });

  it('follows a redirect chain and records the final URL as the hint', async () => {
    const item = await one(`${server.base}/r1`);
    assert.ok(item.ok);
    assert.equal(item.raw.origin, `${server.base}/r1`);
    assert.equal(item.raw.hints.url, `${server.base}/page`);
    assert.equal(item.raw.id, sha256Hex(PAGE_LATIN1));
  });

  it('stops a redirect loop at the cap', async () => {
    const { rule, message } = failureOf(await one(`${server.base}/loop`, options({ maxRedirects: 3 })));
    assert.equal(rule, 'too-many-redirects');
    assert.match(message, /redirected more than 3 times/);
  });

  it('turns 404 and 500 into http-NNN failures that name the URL', async () => {
    const notFound = failureOf(await one(`${server.base}/missing`));
    assert.equal(notFound.rule, 'http-404');
    assert.equal(notFound.message, `GET ${server.base}/missing returned 404 Not Found`);
    const serverError = failureOf(await one(`${server.base}/broken`));
    assert.equal(serverError.rule, 'http-500');
    assert.equal(serverError.message, `GET ${server.base}/broken returned 500 Internal Server Error`);
  });

  it('times out a server that does not answer', async () => {
    const started = Date.now();
    const { rule, message } = failureOf(await one(`${server.base}/slow`, options({ timeoutMs: 150 })));
    assert.equal(rule, 'timeout');
    assert.equal(message, `no response from ${server.base}/slow within 150 ms`);
    assert.ok(Date.now() - started < 1500);
  });

  it('refuses bodies over the size cap, declared or streamed', async () => {
    const streamed = failureOf(await one(`${server.base}/big-chunked`, options({ maxBytes: 16 * 1024 })));
    assert.equal(streamed.rule, 'too-large');
    assert.match(streamed.message, /more than the 16 KB limit/);
    const declared = failureOf(await one(`${server.base}/big-declared`, options({ maxBytes: 16 * 1024 })));
    assert.equal(declared.rule, 'too-large');
    assert.match(declared.message, /is 64 KB, over the 16 KB limit/);
  });

  it('refuses non-HTML content types by name, and binary bodies served as HTML', async () => {
    const pdf = failureOf(await one(`${server.base}/report.pdf`));
    assert.equal(pdf.rule, 'unsupported-content-type');
    assert.match(pdf.message, /application\/pdf/);
    const png = failureOf(await one(`${server.base}/fake.html`));
    assert.equal(png.rule, 'binary-input');
    assert.match(png.message, /PNG image/);
  });

  it('gives a gzip-encoded response the id of the plain bytes', async () => {
    const item = await one(`${server.base}/gzipped`);
    assert.ok(item.ok);
    assert.equal(item.raw.id, sha256Hex(PAGE_LATIN1));
  });

  it('reads text/plain as text; refuses empty bodies and XML that is not a feed', async () => {
    const text = await one(`${server.base}/notes.txt`);
    assert.ok(text.ok);
    assert.equal(text.raw.format, 'text');
    assert.equal(failureOf(await one(`${server.base}/empty`)).rule, 'empty-input');
    const sitemap = failureOf(await one(`${server.base}/sitemap.xml`));
    assert.equal(sitemap.rule, 'not-a-feed');
    assert.match(sitemap.message, /<urlset>/);
  });

  it('refuses loopback URLs unless private networks are allowed', async () => {
    const { rule, message } = failureOf(await one(`${server.base}/page`, options({ allowPrivateNetwork: false })));
    assert.equal(rule, 'private-network');
    assert.match(message, /127\.0\.0\.1/);
  });

  it('reports a refused connection with its cause', async () => {
    const closed = await startFixtureServer({});
    const base = closed.base;
    await closed.close();
    const { rule, message } = failureOf(await one(`${base}/page`));
    assert.equal(rule, 'connection-refused');
    assert.match(message, /ECONNREFUSED/);
  });

  it('checks every redirect hop against the private-network rule', async () => {
    const hops: string[] = [];
    const fetchImpl = (async (input: string | URL | Request) => {
      const url = String(input);
      hops.push(url);
      return new Response(null, { status: 302, headers: { location: 'http://10.0.0.7/admin' } });
    }) as typeof fetch;
    const items = await all(['http://93.184.216.34/start'], { fetchImpl, fetch: { allowPrivateNetwork: false } });
    const { rule, message } = failureOf(items[0] as IngestItem);
    assert.equal(rule, 'private-network');
    assert.match(message, /10\.0\.0\.7/);
    assert.deepEqual(hops, ['http://93.184.216.34/start']);
  });
});
