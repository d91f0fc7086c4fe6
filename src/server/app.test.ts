import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { openSqliteStore, type Store } from '../store/index.js';
import { createService, type AppOptions, type TriangulateService } from './app.js';
import { ROUTES } from './openapi.js';
import * as S from './schemas.js';
import type { Timers } from './subscriptions.js';

const NOW = new Date('2026-11-20T08:00:00Z');
const now = () => NOW;

// Two short fictional reports of one meeting that disagree on how many ministers attended.
const REPORT_A = `Harbour ministers meet in Tallinn to discuss ferry safety

Transport ministers from 12 countries met in Tallinn on Tuesday to discuss new safety rules for Baltic ferries, officials said.

"Every crossing must be as safe as the safest one," said Marta Kivi, the Estonian transport minister, who chaired the meeting.

The ministers agreed to draft common inspection rules by the spring, according to a statement released after the talks.

Kivi said the rules would cover lifeboats, crew training and weather limits for sailing.`;

const REPORT_B = `Baltic ferry rules on the table as ministers gather in Tallinn

Transport ministers from nine countries gathered in Tallinn on Tuesday for talks on ferry safety.

Marta Kivi, Estonia's transport minister, told reporters: "Every crossing must be as safe as the safest one."

The meeting ended with a promise to draft common inspection rules by the spring, officials said.

Jonas Berg, a Swedish ferry operator, said the industry welcomed the plan but warned about costs.`;

const UPLOAD_HTML = `<!doctype html><html lang="en"><head><title>Port strike ends after two days</title>
<meta property="og:site_name" content="Coastal Gazette"><meta property="article:published_time" content="2026-11-19T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Port strike ends after two days</h1>
<p>Dock workers in Gdansk returned to work on Thursday after a two-day strike over pay, the port authority said.</p>
<p>"We reached a fair agreement," said Piotr Nowak, the union leader, adding that wages would rise by six percent next year.</p>
<p>The port authority said cargo handling would be back to normal by the weekend.</p></article></body></html>`;

const FEED_XML = `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>http://feeds.test/</link>
<item><title>Port strike ends after two days</title><link>http://feeds.test/strike</link><pubDate>Thu, 19 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`;

/** A fetch that serves the feed and its one article, so no test touches the network. */
const fakeFetch: typeof fetch = async (input) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url === 'http://feeds.test/rss') return new Response(FEED_XML, { headers: { 'content-type': 'application/rss+xml' } });
  if (url === 'http://feeds.test/strike') return new Response(UPLOAD_HTML, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  return new Response('not here', { status: 404, headers: { 'content-type': 'text/plain' } });
};

const manualTimers = (): Timers & { fire: () => void; active: number } => {
  const fns = new Set<() => void>();
  return {
    every: (_ms, fn) => {
      fns.add(fn);
      return () => fns.delete(fn);
    },
    fire: () => fns.forEach((f) => f()),
    get active() {
      return fns.size;
    },
  };
};

function makeService(extra: Partial<AppOptions> = {}): { service: TriangulateService; store: Store } {
  const store = openSqliteStore({ path: ':memory:' });
  let n = 0;
  const service = createService({ store, now, newId: () => `id-${++n}`, timers: manualTimers(), ...extra });
  return { service, store };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function waitForJob(app: Hono, id: string): Promise<S.JobT> {
  for (let i = 0; i < 500; i++) {
    const job = S.Job.parse(await (await app.request(`/api/jobs/${id}`)).json());
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`job ${id} did not finish`);
}

async function errorOf(response: Response): Promise<S.ErrorBodyT['error']> {
  return S.ErrorBody.parse(await response.json()).error;
}

describe('API over a store with two reports of one meeting', () => {
  let service: TriangulateService;
  let store: Store;
  let app: Hono;
  let storyId = '';
  let articleIds: string[] = [];

  before(async () => {
    ({ service, store } = makeService());
    app = service.app;
    const res = await app.request(
      '/api/ingest',
      json({
        texts: [
          { text: REPORT_A, published: '2026-11-18', outlet: 'Baltic Times Online' },
          { text: REPORT_B, published: '2026-11-18', outlet: 'Nordic Wire' },
        ],
      }),
    );
    assert.equal(res.status, 202);
    const accepted = S.JobAccepted.parse(await res.json());
    assert.equal(accepted.links.events, `/api/jobs/${accepted.job.id}/events`);
    const job = await waitForJob(app, accepted.job.id);
    assert.equal(job.status, 'done', JSON.stringify(job));
    assert.equal(job.stored, 2);
    assert.equal(job.items.length, 2);
    assert.ok(job.storyIds.length >= 1);
    articleIds = job.items.map((i) => i.id!);
  });
  after(async () => {
    await service.close();
    await store.close();
  });

  it('lists stories newest first with counts, and finds them by search', async () => {
    const res = await app.request('/api/stories');
    assert.equal(res.status, 200);
    const page = S.StoryPage.parse(await res.json());
    assert.ok(page.total >= 1);
    const story = page.items.find((s) => s.articleCount === 2) ?? page.items[0]!;
    storyId = story.id;
    assert.match(story.id, /^s-[0-9a-f]{10}$/);
    assert.ok(story.lastUpdate.length > 0);
    const found = S.StoryPage.parse(await (await app.request('/api/stories?q=tallinn')).json());
    assert.ok(found.items.some((s) => s.id === storyId));
    const none = S.StoryPage.parse(await (await app.request('/api/stories?q=zzzzzz')).json());
    assert.equal(none.total, 0);
  });

  it('serves one story and its dossier as JSON, Markdown and HTML', async () => {
    const summary = S.StorySummary.parse(await (await app.request(`/api/stories/${storyId}`)).json());
    assert.equal(summary.id, storyId);
    const res = await app.request(`/api/stories/${storyId}/dossier`);
    assert.equal(res.status, 200);
    const dossier = S.DossierSchema.parse(await res.json());
    assert.equal(dossier.storyId, storyId);
    assert.ok(dossier.articles.length >= 1);
    const md = await app.request(`/api/stories/${storyId}/dossier?format=md`);
    assert.match(md.headers.get('content-type') ?? '', /text\/markdown/);
    assert.ok((await md.text()).length > 50);
    const html = await app.request(`/api/stories/${storyId}/dossier?format=html`);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.match(html.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(await html.text(), /<html/i);
  });

  it('refuses an unknown story and a bad dossier format', async () => {
    const res = await app.request('/api/stories/s-0000000000');
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).code, 'not-found');
    assert.equal((await app.request('/api/stories/s-0000000000/dossier')).status, 404);
    const bad = await app.request(`/api/stories/${storyId}/dossier?format=pdf`);
    assert.equal(bad.status, 400);
    assert.equal((await errorOf(bad)).issues?.[0]?.path, 'format');
  });

  it('answers ETags with 304 when nothing changed', async () => {
    const first = await app.request(`/api/stories/${storyId}/dossier`);
    const tag = first.headers.get('etag');
    assert.ok(tag && /^"[A-Za-z0-9_-]+"$/.test(tag));
    const again = await app.request(`/api/stories/${storyId}/dossier`, { headers: { 'If-None-Match': tag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const other = await app.request(`/api/stories/${storyId}/dossier`, { headers: { 'If-None-Match': '"something-else"' } });
    assert.equal(other.status, 200);
    const list = await app.request('/api/articles', { headers: { 'If-None-Match': `W/${tag}, ${(await app.request('/api/articles')).headers.get('etag')}` } });
    assert.equal(list.status, 304);
  });

  it('lists, pages, gets (by prefix) and searches articles', async () => {
    const page = S.ArticlePage.parse(await (await app.request('/api/articles?limit=1')).json());
    assert.equal(page.total, 2);
    assert.equal(page.items.length, 1);
    assert.equal(page.nextOffset, 1);
    const second = S.ArticlePage.parse(await (await app.request('/api/articles?limit=1&offset=1')).json());
    assert.equal(second.nextOffset, undefined);
    assert.notEqual(second.items[0]!.id, page.items[0]!.id);

    const id = articleIds[0]!;
    const detail = S.ArticleDetail.parse(await (await app.request(`/api/articles/${id.slice(0, 8)}`)).json());
    assert.equal(detail.id, id);
    assert.equal(detail.published?.slice(0, 10), '2026-11-18');
    for (const block of detail.blocks) assert.ok(block.end <= detail.text.length);

    const hits = S.SearchResult.parse(await (await app.request('/api/articles/search?q=lifeboats')).json());
    assert.equal(hits.items.length, 1);
    assert.match(hits.items[0]!.snippet, /lifeboats/i);
  });

  it('refuses bad article queries', async () => {
    assert.equal((await app.request('/api/articles/ffffffffffff')).status, 404);
    assert.equal((await app.request('/api/articles/not-hex')).status, 404);
    for (const query of ['limit=0', 'limit=1000', 'offset=-1', 'limit=abc']) {
      const res = await app.request(`/api/articles?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal((await errorOf(res)).code, 'bad-request');
    }
    const noQ = await app.request('/api/articles/search');
    assert.equal(noQ.status, 400);
    assert.equal((await errorOf(noQ)).issues?.[0]?.path, 'q');
    const weird = await app.request('/api/articles/search?q=' + encodeURIComponent('"unbalanced AND ('));
    assert.ok(weird.status === 200 || weird.status === 400, `status ${weird.status}`);
  });

  it('lists entities across stories and gives every story of one', async () => {
    const page = S.EntityPage.parse(await (await app.request('/api/entities?limit=200')).json());
    const kivi = page.items.find((e) => /Kivi/.test(e.name));
    assert.ok(kivi, page.items.map((e) => e.name).join(', '));
    assert.equal(kivi.type, 'person');
    assert.equal(kivi.articleCount, 2);
    const people = S.EntityPage.parse(await (await app.request('/api/entities?type=person&q=kivi')).json());
    assert.deepEqual(people.items.map((e) => e.id), [kivi.id]);
    const detail = S.EntityDetail.parse(await (await app.request(`/api/entities/${kivi.id}`)).json());
    assert.ok(detail.stories.some((s) => s.id === storyId) || detail.stories.length >= 1);
    assert.equal((await app.request('/api/entities/e-000000000000')).status, 404);
    assert.equal((await app.request('/api/entities?type=alien')).status, 400);
  });

  it('searches quotes by speaker and by words, with spans into the article text', async () => {
    const bySpeaker = S.QuotePage.parse(await (await app.request('/api/quotes?speaker=kivi')).json());
    assert.ok(bySpeaker.total >= 1, 'a quote by Kivi');
    const byWords = S.QuotePage.parse(await (await app.request('/api/quotes?q=' + encodeURIComponent('as safe as'))).json());
    assert.ok(byWords.total >= 1);
    const quote = byWords.items[0]!;
    const article = S.ArticleDetail.parse(await (await app.request(`/api/articles/${quote.articleId}`)).json());
    assert.ok(quote.text.includes(article.text.slice(quote.content[0]!.start, quote.content[0]!.end)));
    const none = S.QuotePage.parse(await (await app.request('/api/quotes?speaker=nobody-at-all')).json());
    assert.equal(none.total, 0);
  });

  it('streams job progress as server-sent events', async () => {
    const res = await app.request('/api/ingest', json({ texts: [{ text: REPORT_A, published: '2026-11-18' }] }));
    const { job } = S.JobAccepted.parse(await res.json());
    const events = await app.request(`/api/jobs/${job.id}/events`);
    assert.equal(events.status, 200);
    assert.match(events.headers.get('content-type') ?? '', /text\/event-stream/);
    const text = await events.text();
    assert.match(text, /event: snapshot/);
    assert.match(text, /event: done/);
    const done = JSON.parse(/event: done\ndata: (.*)\n/.exec(text)![1]!) as S.JobT;
    assert.equal(done.unchanged, 1, 'the same text again is recognised');
    // A finished job still streams: its snapshot, then done at once.
    const replay = await (await app.request(`/api/jobs/${job.id}/events`)).text();
    assert.match(replay, /event: snapshot[\s\S]*event: done/);
    assert.equal((await app.request('/api/jobs/nope/events')).status, 404);
    const list = S.JobList.parse(await (await app.request('/api/jobs')).json());
    assert.equal(list.items[0]!.id, job.id);
  });
});

describe('ingest input checks', () => {
  let service: TriangulateService;
  let store: Store;
  before(() => {
    ({ service, store } = makeService({ maxJsonBytes: 64 * 1024 }));
  });
  after(async () => {
    await service.close();
    await store.close();
  });

  it('refuses a body that is not JSON, or not valid JSON', async () => {
    const wrongType = await service.app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    assert.equal(wrongType.status, 415);
    const broken = await service.app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"urls": [' });
    assert.equal(broken.status, 400);
    assert.equal((await errorOf(broken)).code, 'invalid-json');
  });

  it('names each bad field', async () => {
    const empty = await service.app.request('/api/ingest', json({}));
    assert.equal(empty.status, 400);
    assert.match((await errorOf(empty)).message, /at least one/);
    const badUrl = await service.app.request('/api/ingest', json({ urls: ['ftp://example.org/x', 'not a url'] }));
    const issues = (await errorOf(badUrl)).issues ?? [];
    assert.deepEqual(issues.map((i) => i.path), ['urls.0', 'urls.1']);
    const badDate = await service.app.request('/api/ingest', json({ texts: [{ text: 'x', published: '18/11/2026' }] }));
    assert.equal((await errorOf(badDate)).issues?.[0]?.path, 'texts.0.published');
    const tooMany = await service.app.request('/api/ingest', json({ urls: Array.from({ length: 101 }, (_, i) => `https://example.org/${i}`) }));
    assert.equal(tooMany.status, 400);
  });

  it('refuses loopback and private hosts unless the operator allows them', async () => {
    for (const url of ['http://127.0.0.1/admin', 'http://localhost:8080/', 'http://[::1]/', 'http://10.0.0.5/feed', 'http://169.254.169.254/latest/meta-data']) {
      const res = await service.app.request('/api/ingest', json({ urls: [url] }));
      assert.equal(res.status, 400, url);
      assert.equal((await errorOf(res)).code, 'private-network', url);
    }
    const sub = await service.app.request('/api/subscriptions', json({ url: 'http://192.168.1.1/rss' }));
    assert.equal(sub.status, 400);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await service.app.request('/api/ingest', json({ texts: [{ text: 'x'.repeat(100 * 1024), published: '2026-11-18' }] }));
    assert.equal(res.status, 413);
    assert.equal((await errorOf(res)).code, 'payload-too-large');
  });

  it('refuses uploads that are not multipart or hold no file', async () => {
    const notMultipart = await service.app.request('/api/ingest/files', json({ files: [] }));
    assert.equal(notMultipart.status, 415);
    const form = new FormData();
    form.append('defaultPublished', '2026-11-18');
    const noFiles = await service.app.request('/api/ingest/files', { method: 'POST', body: form });
    assert.equal(noFiles.status, 400);
    assert.equal((await errorOf(noFiles)).code, 'no-files');
    const badDate = new FormData();
    badDate.append('files', new File(['hello'], 'a.txt'));
    badDate.append('defaultPublished', 'yesterday');
    const res = await service.app.request('/api/ingest/files', { method: 'POST', body: badDate });
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).issues?.[0]?.path, 'defaultPublished');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await service.app.request('/api/nothing-here');
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).code, 'route-not-found');
    assert.equal((await service.app.request('/api/jobs/unknown')).status, 404);
  });
});

describe('uploads, feeds and subscriptions', () => {
  it('ingests uploaded files, naming them upload:<name>, and reports bad ones', async () => {
    const { service, store } = makeService();
    const form = new FormData();
    form.append('files', new File([UPLOAD_HTML], 'strike.html', { type: 'text/html' }));
    form.append('files', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], '../../etc/picture.png'));
    const res = await service.app.request('/api/ingest/files', { method: 'POST', body: form });
    assert.equal(res.status, 202);
    const job = await waitForJob(service.app, S.JobAccepted.parse(await res.json()).job.id);
    assert.equal(job.stored, 1, JSON.stringify(job.items));
    assert.ok(job.items.some((i) => i.status === 'stored' && i.origin === 'upload:strike.html'));
    assert.ok(job.items.every((i) => !i.origin.includes('triangulate-upload-')), 'temp paths never leak');
    assert.ok(job.items.some((i) => i.status !== 'stored' && i.origin.startsWith('upload:picture.png')), JSON.stringify(job.items));
    const article = S.ArticleDetail.parse(await (await service.app.request(`/api/articles/${job.items[0]!.id}`)).json());
    assert.equal(article.outlet, 'Coastal Gazette');
    await service.close();
    await store.close();
  });

  it('ingests a feed, and polls subscriptions on their interval', async () => {
    const timers = manualTimers();
    const { service, store } = makeService({ allowPrivateNetwork: true, readOptions: { fetchImpl: fakeFetch }, timers });
    const res = await service.app.request('/api/ingest', json({ feeds: ['http://feeds.test/rss'] }));
    const job = await waitForJob(service.app, S.JobAccepted.parse(await res.json()).job.id);
    assert.equal(job.stored, 1, JSON.stringify(job.items));

    const created = await service.app.request('/api/subscriptions', json({ url: 'http://feeds.test/rss', intervalMinutes: 30 }));
    assert.equal(created.status, 201);
    const sub = S.Subscription.parse(await created.json());
    assert.equal(sub.intervalMinutes, 30);
    assert.ok(sub.lastJobId, 'polled at once');
    const firstPoll = await waitForJob(service.app, sub.lastJobId);
    assert.equal(firstPoll.unchanged, 1);
    timers.fire();
    const list = S.SubscriptionList.parse(await (await service.app.request('/api/subscriptions')).json());
    assert.notEqual(list.items[0]!.lastJobId, sub.lastJobId, 'the interval started another poll');
    await waitForJob(service.app, list.items[0]!.lastJobId!);
    assert.equal((await service.app.request(`/api/subscriptions/${sub.id}`, { method: 'DELETE' })).status, 204);
    assert.equal(timers.active, 0);
    assert.equal((await service.app.request(`/api/subscriptions/${sub.id}`, { method: 'DELETE' })).status, 404);
    await service.close();
    await store.close();
  });

  it('keeps subscriptions across a restart and polls them again', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const first = createService({ store, now, newId: () => 'sub-1', timers: manualTimers(), allowPrivateNetwork: true, readOptions: { fetchImpl: fakeFetch } });
    assert.equal((await first.app.request('/api/subscriptions', json({ url: 'http://feeds.test/rss', intervalMinutes: 15 }))).status, 201);
    await first.close();

    const timers = manualTimers();
    let n = 0;
    const second = createService({ store, now, newId: () => `job-${++n}`, timers, allowPrivateNetwork: true, readOptions: { fetchImpl: fakeFetch } });
    assert.equal(await second.subscriptions.restore(), 1);
    assert.equal(timers.active, 1, 'polling resumed');
    const list = S.SubscriptionList.parse(await (await second.app.request('/api/subscriptions')).json());
    assert.deepEqual(list.items.map((s) => [s.id, s.url, s.intervalMinutes]), [['sub-1', 'http://feeds.test/rss', 15]]);
    await waitForJob(second.app, list.items[0]!.lastJobId!);
    assert.equal((await second.app.request('/api/subscriptions/sub-1', { method: 'DELETE' })).status, 204);
    assert.deepEqual(await store.listFeedSubscriptions(), []);
    await second.close();
    await store.close();
  });

  it('reports a failed fetch as a failed item, not a failed request', async () => {
    const { service, store } = makeService({ allowPrivateNetwork: true, readOptions: { fetchImpl: fakeFetch } });
    const res = await service.app.request('/api/ingest', json({ urls: ['http://feeds.test/missing'] }));
    const job = await waitForJob(service.app, S.JobAccepted.parse(await res.json()).job.id);
    assert.equal(job.status, 'done');
    assert.equal(job.failed, 1);
    assert.equal(job.items[0]!.rule, 'http-404');
    await service.close();
    await store.close();
  });
});

describe('token for writes', () => {
  it('needs the Bearer token for writes but not for reads', async () => {
    const { service, store } = makeService({ token: 's3cret' });
    const body = { texts: [{ text: REPORT_B, published: '2026-11-18' }] };
    const anonymous = await service.app.request('/api/ingest', json(body));
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /Bearer/);
    assert.equal((await service.app.request('/api/ingest', json(body, { authorization: 'Bearer wrong' }))).status, 401);
    assert.equal((await service.app.request('/api/stories/recluster', { method: 'POST' })).status, 401);
    assert.equal((await service.app.request('/api/subscriptions/x', { method: 'DELETE' })).status, 401);
    const ok = await service.app.request('/api/ingest', json(body, { authorization: 'Bearer s3cret' }));
    assert.equal(ok.status, 202);
    await waitForJob(service.app, S.JobAccepted.parse(await ok.json()).job.id);
    assert.equal((await service.app.request('/api/articles')).status, 200);
    await service.close();
    await store.close();
  });
});

describe('stories by hand', () => {
  it('splits a story and merges it back', async () => {
    const { service, store } = makeService();
    const res = await service.app.request('/api/ingest', json({ texts: [{ text: REPORT_A, published: '2026-11-18' }, { text: REPORT_B, published: '2026-11-18' }] }));
    const job = await waitForJob(service.app, S.JobAccepted.parse(await res.json()).job.id);
    const stories = S.StoryPage.parse(await (await service.app.request('/api/stories')).json()).items;
    const both = stories.find((s) => s.articleCount === 2);
    assert.ok(both, 'the two reports of the meeting form one story');
    {
      const split = await service.app.request(`/api/stories/${both.id}/split`, json({ articleIds: [job.items[1]!.id!.slice(0, 10)] }));
      assert.equal(split.status, 200);
      const after = S.StoryList.parse(await split.json()).items;
      assert.equal(after.length, stories.length + 1);
      const [a, b] = after.filter((s) => s.articleIds.some((id) => job.items.some((i) => i.id === id)));
      const merged = await service.app.request('/api/stories/merge', json({ a: a!.id, b: b!.id }));
      assert.equal(S.StoryList.parse(await merged.json()).items.length, stories.length);
    }
    assert.equal((await service.app.request('/api/stories/merge', json({ a: 's-0000000000', b: 's-1111111111' }))).status, 404);
    assert.equal((await service.app.request('/api/stories/merge', json({ a: 's-1' }))).status, 400);
    assert.equal((await service.app.request('/api/stories/s-0000000000/split', json({ articleIds: ['ffffffffff'] }))).status, 404);
    const reclustered = await service.app.request('/api/stories/recluster', { method: 'POST' });
    assert.equal(reclustered.status, 200);
    await service.close();
    await store.close();
  });
});

describe('OpenAPI document and web app', () => {
  it('documents every route the app serves', async () => {
    const { service, store } = makeService();
    const res = await service.app.request('/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.openapi, '3.1.0');
    for (const name of ['Job', 'Dossier', 'StorySummary', 'IngestRequest', 'Error']) assert.ok(doc.components.schemas[name], name);
    for (const route of ROUTES) {
      assert.ok(doc.paths[route.path]?.[route.method], `${route.method} ${route.path}`);
      const path = route.path.replace(/\{id\}/g, 'x');
      const served = await service.app.request(path, { method: route.method.toUpperCase() });
      if (served.status === 404) assert.notEqual((await errorOf(served)).code, 'route-not-found', `${route.method} ${route.path} is served`);
    }
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of refs) assert.ok(doc.components.schemas[ref.split('/').pop()!], `dangling ${ref}`);
    await service.close();
    await store.close();
  });

  it('serves the built app, its assets, and index.html for app routes, never files outside the root', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'triangulate-web-'));
    const root = join(dir, 'web');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    const { service, store } = makeService({ webRoot: root });
    const index = await service.app.request('/');
    assert.equal(index.status, 200);
    assert.match(await index.text(), /<title>app/);
    assert.match(index.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const asset = await service.app.request('/assets/app-1234.js');
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.match(await (await service.app.request('/stories/s-123')).text(), /<title>app/);
    for (const sneaky of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      assert.doesNotMatch(await (await service.app.request(sneaky)).text(), /secret/, sneaky);
    }
    await service.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
});
