import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Article, RawInput } from '../../model/index.js';
import { AmbiguousIdError, StoreError } from '../store.js';
import { openSqliteStore, toFtsQuery } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'triangulate-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function raw(content: string, origin = 'test.html'): RawInput {
  const bytes = new TextEncoder().encode(content);
  return { id: createHash('sha256').update(bytes).digest('hex'), origin, originKind: 'file', format: 'html', bytes, hints: {} };
}

function article(input: RawInput, text: string, title = 'Defence chiefs meet by video link'): Article {
  return {
    id: input.id,
    rawId: input.id,
    origin: input.origin,
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    metadata: { title: { value: title, source: 'open-graph' }, published: { value: '2026-11-18', source: 'json-ld' } },
    extraction: { method: 'html', extractor: 'test', charset: 'utf-8', diagnostics: [] },
  };
}

const NOW = '2026-11-22T10:00:00.000Z';

describe('SqliteStore', () => {
  it('stores an article with its raw input and reads both back', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const input = raw('<p>The chiefs met on Wednesday.</p>');
    const outcome = await store.saveIngest({ raw: input, article: article(input, 'The chiefs met on Wednesday.'), ingestedAt: NOW });
    assert.deepEqual(outcome, { raw: 'new', articleId: input.id });
    const stored = await store.getArticle(input.id);
    assert.equal(stored?.article.text, 'The chiefs met on Wednesday.');
    assert.equal(stored?.ingestedAt, NOW);
    const back = await store.getRawInput(input.id);
    assert.deepEqual(Buffer.from(back!.raw.bytes), Buffer.from(input.bytes));
    assert.equal(await store.countArticles(), 1);
    await store.close();
  });

  it('is idempotent: the same input twice leaves one row and changes nothing', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const input = raw('<p>same page</p>');
    await store.saveIngest({ raw: input, article: article(input, 'same page', 'First title'), ingestedAt: NOW });
    const again = await store.saveIngest({ raw: input, article: article(input, 'same page', 'Other title'), ingestedAt: '2027-01-01T00:00:00Z' });
    assert.deepEqual(again, { raw: 'existing', articleId: input.id });
    assert.equal(await store.countArticles(), 1);
    const stored = await store.getArticle(input.id);
    assert.equal(stored?.article.metadata.title?.value, 'First title');
    assert.equal(stored?.ingestedAt, NOW);
    await store.close();
  });

  it('keeps an input that yielded no article, with the reason', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const input = raw('<ul><li><a href="/a">A</a></li></ul>', 'home.html');
    const outcome = await store.saveIngest({ raw: input, failure: { rule: 'no-article', message: 'no article found: page looks like a listing' }, ingestedAt: NOW });
    assert.deepEqual(outcome, { raw: 'new' });
    assert.equal(await store.countArticles(), 0);
    const failures = await store.listFailures();
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.origin, 'home.html');
    assert.equal(failures[0]?.rule, 'no-article');
    await store.close();
  });

  it('writes nothing when a save fails half-way (transaction)', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const input = raw('<p>half</p>');
    const broken = article(input, 'half') as Article & { extra?: unknown };
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    // JSON.stringify throws after the raw row is inserted: the whole ingest must roll back.
    await assert.rejects(store.saveIngest({ raw: input, article: { ...broken, extra: cycle } as Article, ingestedAt: NOW }));
    assert.equal(await store.getRawInput(input.id), undefined);
    assert.equal(await store.countArticles(), 0);
    await store.close();
  });

  it('refuses a record with both or neither of article and failure', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const input = raw('<p>x</p>');
    await assert.rejects(store.saveIngest({ raw: input, ingestedAt: NOW }), StoreError);
    await store.close();
  });

  it('searches titles and text, ranking title hits first, with a snippet', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const a = raw('a');
    const b = raw('b');
    await store.saveIngest({ raw: a, article: article(a, 'The alliance discussed security guarantees for Veloria.', 'Chiefs meet'), ingestedAt: NOW });
    await store.saveIngest({ raw: b, article: article(b, 'A bakery festival opened in the old town.', 'Security guarantees on the table'), ingestedAt: NOW });
    const hits = await store.search('security guarantees');
    assert.equal(hits.length, 2);
    assert.equal(hits[0]?.id, b.id);
    assert.match(hits[1]!.snippet, /«security» «guarantees»/i);
    assert.deepEqual(await store.search('Veloria OR bakery').then((h) => h.length), 2);
    assert.deepEqual(await store.search('"guarantees for Veloria"').then((h) => h.map((x) => x.id)), [a.id]);
    assert.deepEqual(await store.search('U.S. "unbalanced'), []);
    assert.deepEqual(await store.search('   '), []);
    await store.close();
  });

  it('resolves unique id prefixes and reports ambiguous ones', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const inputs = Array.from({ length: 40 }, (_, i) => raw(`page ${i}`));
    for (const input of inputs) await store.saveIngest({ raw: input, article: article(input, `text ${input.id}`), ingestedAt: NOW });
    const first = inputs[0]!;
    assert.equal(await store.resolveArticleId(first.id), first.id);
    assert.equal(await store.resolveArticleId(first.id.slice(0, 12).toUpperCase()), first.id);
    assert.equal(await store.resolveArticleId('abc'), undefined, 'too short');
    assert.equal(await store.resolveArticleId('not-hex'), undefined);
    const twin = (id: string): RawInput => ({ ...raw(id), id });
    for (const id of ['abcd' + '1'.repeat(60), 'abcd' + '2'.repeat(60)]) {
      await store.saveIngest({ raw: twin(id), article: article(twin(id), 'twin'), ingestedAt: NOW });
    }
    await assert.rejects(store.resolveArticleId('abcd'), AmbiguousIdError);
    assert.equal(await store.resolveArticleId('abcd1'), 'abcd' + '1'.repeat(60));
    await store.close();
  });

  it('lists newest first with paging', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    for (const [i, date] of ['2026-11-10', '2026-11-18', '2026-11-12'].entries()) {
      const input = raw(`p${i}`);
      const a = article(input, `text ${i}`);
      await store.saveIngest({ raw: input, article: { ...a, metadata: { ...a.metadata, published: { value: date, source: 'meta' } } }, ingestedAt: NOW });
    }
    const all = await store.listArticles();
    assert.deepEqual(all.map((r) => r.published), ['2026-11-18', '2026-11-12', '2026-11-10']);
    const page = await store.listArticles({ limit: 1, offset: 1 });
    assert.deepEqual(page.map((r) => r.published), ['2026-11-12']);
    await store.close();
  });

  it('migrates a file once, reopens it, and refuses a database from a newer version', async () => {
    const path = join(dir, 'store.db');
    const input = raw('<p>persisted</p>');
    const first = openSqliteStore({ path });
    await first.saveIngest({ raw: input, article: article(input, 'persisted'), ingestedAt: NOW });
    await first.close();
    const second = openSqliteStore({ path });
    assert.equal(await second.countArticles(), 1);
    await second.close();
    const db = new Database(path);
    assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all(), [{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    db.prepare(`INSERT INTO schema_migrations VALUES (999, 'future', ?)`).run(NOW);
    db.close();
    assert.throws(() => openSqliteStore({ path }), /schema version 999 is newer/);
  });

  it('refuses a file that is not a database with a clear error', () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'this is a text file, not SQLite, and long enough to have a header page of its own.'.repeat(20));
    assert.throws(() => openSqliteStore({ path }), /not a usable Triangulate database|cannot open database/);
  });
});

describe('toFtsQuery', () => {
  it('quotes words, keeps phrases and OR, drops FTS syntax', () => {
    assert.equal(toFtsQuery('security guarantees'), '"security" "guarantees"');
    assert.equal(toFtsQuery('"frank and useful" OR exchange'), '"frank and useful" OR "exchange"');
    assert.equal(toFtsQuery('U.S. co-operation NEAR( *'), '"U S" "co operation" "NEAR"');
    assert.equal(toFtsQuery('OR alone OR'), '"alone"');
  });
});
