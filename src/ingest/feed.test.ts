import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isFullContent, parseFeed } from './feed.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { readInputs, type IngestItem } from './index.js';

const PARAGRAPHS = Array.from(
  { length: 8 },
  (_, i) => `<p>Paragraph ${i + 1}: the harbour council met on Tuesday to argue over the repair budget, and the mayor said the vote would wait.</p>`,
).join('\n');
const ARTICLE_PAGE = '<!doctype html><html><head><title>Dock strike ends</title></head><body><article><p>The strike ended at noon.</p></article></body></html>';

function rss(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Harbour Gazette</title><link>${base}/</link><language>en-GB</language>
  <item>
    <title>Council argues over repairs</title>
    <link>${base}/council</link>
    <pubDate>Tue, 04 Mar 2025 09:30:00 +0000</pubDate>
    <dc:creator>Ana Ruiz</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[${PARAGRAPHS}]]></content:encoded>
  </item>
  <item>
    <title>Dock strike ends</title>
    <link>/strike</link>
    <pubDate>Wed, 05 Mar 2025 14:00:00 GMT</pubDate>
    <author>desk@gazette.example (Tom Field)</author>
    <description>The strike ended at noon.</description>
  </item>
  <item>
    <title>Ferry delayed</title>
    <link>${base}/gone</link>
    <description>Ferry teaser.</description>
  </item>
  <item>
    <title>No link here</title>
    <description>Just a line.</description>
  </item>
</channel>
</rss>`;
}

function atom(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-DE" xml:base="/news/">
  <title>Hafenblatt</title>
  <link rel="self" href="/atom.xml"/>
  <entry>
    <title type="html">Streik &lt;b&gt;beendet&lt;/b&gt;</title>
    <link rel="self" href="/api/entry/1"/>
    <link rel="alternate" type="text/html" href="strike"/>
    <published>2025-03-05T15:00:00+01:00</published>
    <updated>2025-03-06T08:00:00+01:00</updated>
    <author><name>Jana Berg</name></author>
    <summary>Kurz.</summary>
  </entry>
  <entry>
    <title>Volltext</title>
    <link href="https://example.org/full"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${PARAGRAPHS}</div></content>
  </entry>
</feed>`;
}

let server: FixtureServer;

async function collect(specs: string[]): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(specs, { fetch: { allowPrivateNetwork: true, timeoutMs: 2000 } })) items.push(item);
  return items;
}

describe('feed parsing', () => {
  it('reads RSS items with content, authors, dates and language', () => {
    const parsed = parseFeed(rss('https://gazette.example'));
    assert.ok(parsed.ok);
    const { feed } = parsed;
    assert.equal(feed.kind, 'rss');
    assert.equal(feed.title, 'The Harbour Gazette');
    assert.equal(feed.language, 'en');
    assert.equal(feed.entries.length, 4);
    const [first, second, third, fourth] = feed.entries;
    assert.equal(first?.published, '2025-03-04T09:30:00+00:00');
    assert.deepEqual(first?.authors, ['Ana Ruiz']);
    assert.ok(first?.content && isFullContent(first.content));
    assert.deepEqual(second?.authors, ['Tom Field']);
    assert.equal(second?.published, '2025-03-05T14:00:00Z');
    assert.ok(second?.content && !isFullContent(second.content));
    assert.equal(third?.link, 'https://gazette.example/gone');
    assert.equal(fourth?.link, undefined);
  });

  it('reads Atom entries: alternate link over self, xml:base, published over updated, html titles', () => {
    const parsed = parseFeed(atom());
    assert.ok(parsed.ok);
    const [first, second] = parsed.feed.entries;
    assert.equal(parsed.feed.language, 'de');
    assert.equal(first?.title, 'Streik beendet');
    assert.equal(first?.link, 'strike'); // relative base: resolved later against the feed URL
    assert.equal(first?.published, '2025-03-05T15:00:00+01:00');
    assert.deepEqual(first?.authors, ['Jana Berg']);
    assert.ok(second?.content && isFullContent(second.content));
    assert.match(second?.content?.body ?? '', /^<p>Paragraph 1/);
  });

  it('says why a document is not a feed', () => {
    const parsed = parseFeed('<?xml version="1.0"?><urlset><url/></urlset>');
    assert.equal(parsed.ok, false);
    assert.match(parsed.ok ? '' : parsed.reason, /<urlset>/);
  });
});

describe('feeds from URLs and files', () => {
  before(async () => {
    server = await startFixtureServer({
      '/feed.xml': (_, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(rss(server.base));
      },
      '/news/atom.xml': (_, res) => {
        res.writeHead(200, { 'content-type': 'application/atom+xml' });
        res.end(atom());
      },
      '/strike': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(ARTICLE_PAGE);
      },
      '/news/strike': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(ARTICLE_PAGE);
      },
    });
  });
  after(() => server.close());

  it('takes full-content items inline, fetches teaser links, and fails broken items one by one', async () => {
    const feedUrl = `${server.base}/feed.xml`;
    const items = await collect([feedUrl]);
    assert.equal(items.length, 4);
    const [full, fetched, notFound, noLink] = items;
    assert.ok(full?.ok);
    assert.equal(full.raw.origin, `${feedUrl}#item-1`);
    assert.equal(full.raw.originKind, 'feed-item');
    assert.equal(full.raw.declaredCharset, 'utf-8');
    assert.deepEqual(full.raw.hints, {
      title: 'Council argues over repairs',
      published: '2025-03-04T09:30:00+00:00',
      authors: ['Ana Ruiz'],
      language: 'en',
      url: `${server.base}/council`,
    });
    assert.ok(fetched?.ok);
    assert.equal(fetched.raw.origin, `${server.base}/strike`);
    assert.equal(fetched.raw.hints.url, `${server.base}/strike`);
    assert.equal(fetched.raw.hints.title, 'Dock strike ends');
    assert.equal(Buffer.from(fetched.raw.bytes).toString(), ARTICLE_PAGE);
    assert.ok(notFound && !notFound.ok);
    assert.equal(notFound.failure.rule, 'http-404');
    assert.equal(notFound.failure.origin, `${feedUrl}#item-3`);
    assert.match(notFound.failure.message, /^item 3 of .*"Ferry delayed".*returned 404 Not Found$/);
    assert.ok(noLink && !noLink.ok);
    assert.equal(noLink.failure.rule, 'feed-item-no-link');
  });

  it('resolves Atom links against xml:base and the feed URL', async () => {
    const items = await collect([`${server.base}/news/atom.xml`]);
    assert.equal(items.length, 2);
    const [strike, full] = items;
    assert.ok(strike?.ok);
    assert.equal(strike.raw.hints.url, `${server.base}/news/strike`);
    assert.equal(strike.raw.hints.language, 'de');
    assert.ok(full?.ok);
    assert.equal(full.raw.hints.url, 'https://example.org/full');
  });

  it('reads a feed file, failing items whose relative links have no base', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'triangulate-feed-'));
    try {
      const path = join(dir, 'saved.rss');
      await writeFile(path, rss('').replace(/<link>\/<\/link>/, ''));
      const items = await collect([path]);
      assert.equal(items.length, 4);
      assert.ok(items[0]?.ok);
      const second = items[1];
      assert.ok(second && !second.ok);
      assert.equal(second.failure.rule, 'feed-item-bad-link');
      assert.match(second.failure.message, /relative links need the feed to be read from a URL/);
      const broken = join(dir, 'broken.xml');
      await writeFile(broken, '<html><body>not a feed</body></html>');
      const [notFeed] = await collect([broken]);
      assert.ok(notFeed && !notFeed.ok);
      assert.equal(notFeed.failure.rule, 'not-a-feed');
      assert.match(notFeed.failure.message, /root element is <html>/);
      const empty = join(dir, 'empty.xml');
      await writeFile(empty, '<rss><channel><title>Quiet</title></channel></rss>');
      const [none] = await collect([empty]);
      assert.ok(none && !none.ok);
      assert.equal(none.failure.rule, 'empty-feed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
