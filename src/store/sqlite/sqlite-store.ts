import Database from 'better-sqlite3';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ArticleAnalysis } from '../../analyze/analysis.js';
import type { Article, InputHints, RawInput } from '../../model/index.js';
import {
  AmbiguousIdError,
  StoreError,
  type ArticleSummary,
  type IngestRecord,
  type ListQuery,
  type SaveOutcome,
  type SearchHit,
  type Store,
  type StoredArticle,
  type StoredFailure,
  type StoredRawInput,
  type StoryAssignment,
  type FeedSubscription,
} from '../store.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';

export interface SqliteStoreOptions {
  /** Database file; `:memory:` for a throw-away store (tests). */
  readonly path: string;
  readonly readonly?: boolean;
}

/** Shortest id prefix accepted, so that a typo does not silently pick some article. */
const MIN_ID_PREFIX = 4;
const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 1000;

interface ArticleRow {
  id: string;
  origin: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  words: number;
  ingested_at: string;
}

interface RawRow {
  id: string;
  origin: string;
  origin_kind: RawInput['originKind'];
  format: RawInput['format'];
  declared_charset: string | null;
  hints: string;
  content_gz: Buffer;
  first_seen: string;
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  return new SqliteStore(options);
}

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #statements: ReturnType<typeof prepareStatements>;

  constructor(options: SqliteStoreOptions) {
    try {
      this.#db = new Database(options.path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    } catch (error) {
      throw new StoreError(`cannot open database ${options.path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      this.#db.pragma('foreign_keys = ON');
      if (!options.readonly) {
        // WAL keeps readers (list/search/serve) unblocked while a batch writes, and makes
        // a crash mid-batch lose at most the transaction in flight.
        if (options.path !== ':memory:') this.#db.pragma('journal_mode = WAL');
        this.#db.pragma('synchronous = NORMAL');
        migrate(this.#db);
      } else {
        checkVersion(this.#db);
      }
    } catch (error) {
      this.#db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`${options.path} is not a usable Triangulate database: ${(error as Error).message}`, { cause: error });
    }
    this.#statements = prepareStatements(this.#db);
  }

  async saveIngest(record: IngestRecord): Promise<SaveOutcome> {
    const { raw, article, failure, ingestedAt } = record;
    if ((article === undefined) === (failure === undefined)) {
      throw new StoreError('saveIngest needs exactly one of article and failure');
    }
    if (article && article.rawId !== raw.id) throw new StoreError(`article ${article.id} does not belong to raw input ${raw.id}`);
    const s = this.#statements;
    const save = this.#db.transaction((): SaveOutcome => {
      const inserted = s.insertRaw.run({
        id: raw.id,
        origin: raw.origin,
        origin_kind: raw.originKind,
        format: raw.format,
        declared_charset: raw.declaredCharset ?? null,
        hints: JSON.stringify(raw.hints),
        size: raw.bytes.byteLength,
        content_gz: gzipSync(raw.bytes, { level: 6 }),
        first_seen: ingestedAt,
      });
      if (inserted.changes === 0) {
        const existing = s.articleIdForRaw.get(raw.id) as { id: string } | undefined;
        return existing ? { raw: 'existing', articleId: existing.id } : { raw: 'existing' };
      }
      if (article) {
        const m = article.metadata;
        s.insertArticle.run({
          id: article.id,
          origin: article.origin,
          title: m.title?.value ?? null,
          outlet: m.outlet?.value ?? null,
          published: m.published?.value ?? null,
          language: m.language?.value ?? null,
          words: countWords(article.text),
          text: article.text,
          record: JSON.stringify(article),
          ingested_at: ingestedAt,
        });
        return { raw: 'new', articleId: article.id };
      }
      s.insertFailure.run({ raw_id: raw.id, rule: failure!.rule, message: failure!.message, at: ingestedAt });
      return { raw: 'new' };
    });
    return save();
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const row = this.#statements.getArticle.get(id) as { record: string; ingested_at: string } | undefined;
    if (!row) return undefined;
    return { article: JSON.parse(row.record) as Article, ingestedAt: row.ingested_at };
  }

  async resolveArticleId(idOrPrefix: string): Promise<string | undefined> {
    const prefix = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]+$/.test(prefix)) return undefined;
    if (prefix.length === 64) return this.#statements.getArticle.get(prefix) ? prefix : undefined;
    if (prefix.length < MIN_ID_PREFIX) return undefined;
    // Hex ids sort like strings, so a prefix is the range [prefix, prefix + 'g').
    const rows = this.#statements.idsWithPrefix.all(prefix, prefix + 'g') as Array<{ id: string }>;
    if (rows.length > 1) throw new AmbiguousIdError(prefix, rows.map((r) => r.id));
    return rows[0]?.id;
  }

  async listArticles(query: ListQuery = {}): Promise<ArticleSummary[]> {
    const rows = this.#statements.listArticles.all(clampLimit(query.limit), Math.max(0, query.offset ?? 0)) as ArticleRow[];
    return rows.map(toSummary);
  }

  async countArticles(): Promise<number> {
    return (this.#statements.countArticles.get() as { n: number }).n;
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const match = toFtsQuery(query);
    if (match === '') return [];
    const rows = this.#statements.search.all(match, clampLimit(options.limit)) as Array<ArticleRow & { snippet: string }>;
    return rows.map((row) => ({ ...toSummary(row), snippet: row.snippet }));
  }

  async getRawInput(id: string): Promise<StoredRawInput | undefined> {
    const row = this.#statements.getRaw.get(id) as RawRow | undefined;
    if (!row) return undefined;
    const raw: RawInput = {
      id: row.id,
      origin: row.origin,
      originKind: row.origin_kind,
      format: row.format,
      bytes: new Uint8Array(gunzipSync(row.content_gz)),
      hints: JSON.parse(row.hints) as InputHints,
      ...(row.declared_charset === null ? {} : { declaredCharset: row.declared_charset }),
    };
    return { raw, firstSeen: row.first_seen };
  }

  async listFailures(query: ListQuery = {}): Promise<StoredFailure[]> {
    const rows = this.#statements.listFailures.all(clampLimit(query.limit), Math.max(0, query.offset ?? 0)) as Array<{
      raw_id: string;
      origin: string;
      rule: string;
      message: string;
      at: string;
    }>;
    return rows.map((r) => ({ rawId: r.raw_id, origin: r.origin, rule: r.rule, message: r.message, at: r.at }));
  }

  async saveAnalysis(analysis: ArticleAnalysis, createdAt: string): Promise<void> {
    this.#statements.upsertAnalysis.run(analysis.articleId, analysis.analyzer, JSON.stringify(analysis), createdAt);
  }

  async getAnalysis(articleId: string): Promise<ArticleAnalysis | undefined> {
    const row = this.#statements.getAnalysis.get(articleId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as ArticleAnalysis) : undefined;
  }

  async listArticleIdsInIngestOrder(): Promise<string[]> {
    return (this.#statements.idsInIngestOrder.all() as Array<{ id: string }>).map((r) => r.id);
  }

  async listArticleSummariesInIngestOrder(): Promise<ArticleSummary[]> {
    return (this.#statements.summariesInIngestOrder.all() as ArticleRow[]).map(toSummary);
  }

  async replaceStoryAssignments(assignments: readonly StoryAssignment[], updatedAt: string): Promise<void> {
    const s = this.#statements;
    this.#db.transaction(() => {
      s.deleteAssignments.run();
      for (const a of assignments) s.insertAssignment.run(a.articleId, a.storyId, a.duplicateOf ?? null, a.similarity, updatedAt);
    })();
  }

  async listStoryAssignments(): Promise<StoryAssignment[]> {
    const rows = this.#statements.listAssignments.all() as Array<{ article_id: string; story_id: string; duplicate_of: string | null; similarity: number }>;
    return rows.map((r) => ({
      articleId: r.article_id,
      storyId: r.story_id,
      similarity: r.similarity,
      ...(r.duplicate_of === null ? {} : { duplicateOf: r.duplicate_of }),
    }));
  }

  async getStoryConstraints(): Promise<unknown | undefined> {
    const row = this.#statements.getConstraints.get() as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as unknown) : undefined;
  }

  async saveStoryConstraints(constraints: unknown, updatedAt: string): Promise<void> {
    this.#statements.upsertConstraints.run(JSON.stringify(constraints), updatedAt);
  }

  async getStorySnapshot(): Promise<unknown | undefined> {
    const row = this.#statements.getSnapshot.get() as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as unknown) : undefined;
  }

  async saveStorySnapshot(snapshot: unknown, updatedAt: string): Promise<void> {
    this.#statements.upsertSnapshot.run(JSON.stringify(snapshot), updatedAt);
  }

  async listFeedSubscriptions(): Promise<FeedSubscription[]> {
    const rows = this.#statements.listSubscriptions.all() as Array<{
      id: string;
      url: string;
      interval_minutes: number;
      created_at: string;
      last_polled_at: string | null;
      last_job_id: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      url: r.url,
      intervalMinutes: r.interval_minutes,
      createdAt: r.created_at,
      ...(r.last_polled_at === null ? {} : { lastPolledAt: r.last_polled_at }),
      ...(r.last_job_id === null ? {} : { lastJobId: r.last_job_id }),
    }));
  }

  async saveFeedSubscription(sub: FeedSubscription): Promise<void> {
    const s = this.#statements;
    this.#db.transaction(() => {
      s.deleteSubscriptionByUrl.run(sub.url, sub.id);
      s.upsertSubscription.run(sub.id, sub.url, sub.intervalMinutes, sub.createdAt, sub.lastPolledAt ?? null, sub.lastJobId ?? null);
    })();
  }

  async deleteFeedSubscription(id: string): Promise<boolean> {
    return this.#statements.deleteSubscription.run(id).changes > 0;
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

function prepareStatements(db: Database.Database) {
  return {
    insertRaw: db.prepare(
      `INSERT OR IGNORE INTO raw_inputs (id, origin, origin_kind, format, declared_charset, hints, size, content_gz, first_seen)
       VALUES (@id, @origin, @origin_kind, @format, @declared_charset, @hints, @size, @content_gz, @first_seen)`,
    ),
    insertArticle: db.prepare(
      `INSERT INTO articles (id, origin, title, outlet, published, language, words, text, record, ingested_at)
       VALUES (@id, @origin, @title, @outlet, @published, @language, @words, @text, @record, @ingested_at)`,
    ),
    insertFailure: db.prepare(`INSERT INTO ingest_failures (raw_id, rule, message, at) VALUES (@raw_id, @rule, @message, @at)`),
    articleIdForRaw: db.prepare(`SELECT id FROM articles WHERE id = ?`),
    getArticle: db.prepare(`SELECT record, ingested_at FROM articles WHERE id = ?`),
    idsWithPrefix: db.prepare(`SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 10`),
    listArticles: db.prepare(
      `SELECT id, origin, title, outlet, published, words, ingested_at FROM articles
       ORDER BY coalesce(published, ingested_at) DESC, id LIMIT ? OFFSET ?`,
    ),
    countArticles: db.prepare(`SELECT count(*) AS n FROM articles`),
    search: db.prepare(
      `SELECT a.id, a.origin, a.title, a.outlet, a.published, a.words, a.ingested_at,
              snippet(articles_fts, 1, '«', '»', '…', 16) AS snippet
       FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ?`,
    ),
    getRaw: db.prepare(`SELECT * FROM raw_inputs WHERE id = ?`),
    upsertAnalysis: db.prepare(
      `INSERT INTO analyses (article_id, analyzer, record, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(article_id) DO UPDATE SET analyzer = excluded.analyzer, record = excluded.record, created_at = excluded.created_at`,
    ),
    getAnalysis: db.prepare(`SELECT record FROM analyses WHERE article_id = ?`),
    idsInIngestOrder: db.prepare(`SELECT id FROM articles ORDER BY rowid`),
    summariesInIngestOrder: db.prepare(`SELECT id, origin, title, outlet, published, words, ingested_at FROM articles ORDER BY rowid`),
    deleteAssignments: db.prepare(`DELETE FROM article_stories`),
    insertAssignment: db.prepare(
      `INSERT INTO article_stories (article_id, story_id, duplicate_of, similarity, updated_at) VALUES (?, ?, ?, ?, ?)`,
    ),
    listAssignments: db.prepare(
      `SELECT s.article_id, s.story_id, s.duplicate_of, s.similarity FROM article_stories s JOIN articles a ON a.id = s.article_id ORDER BY a.rowid`,
    ),
    getConstraints: db.prepare(`SELECT record FROM story_constraints WHERE id = 1`),
    getSnapshot: db.prepare(`SELECT record FROM story_snapshot WHERE id = 1`),
    upsertSnapshot: db.prepare(
      `INSERT INTO story_snapshot (id, record, updated_at) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at`,
    ),
    listSubscriptions: db.prepare(`SELECT * FROM feed_subscriptions ORDER BY created_at, id`),
    deleteSubscriptionByUrl: db.prepare(`DELETE FROM feed_subscriptions WHERE url = ? AND id <> ?`),
    upsertSubscription: db.prepare(
      `INSERT INTO feed_subscriptions (id, url, interval_minutes, created_at, last_polled_at, last_job_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET url = excluded.url, interval_minutes = excluded.interval_minutes,
         last_polled_at = excluded.last_polled_at, last_job_id = excluded.last_job_id`,
    ),
    deleteSubscription: db.prepare(`DELETE FROM feed_subscriptions WHERE id = ?`),
    upsertConstraints: db.prepare(
      `INSERT INTO story_constraints (id, record, updated_at) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at`,
    ),
    listFailures: db.prepare(
      `SELECT f.raw_id, r.origin, f.rule, f.message, f.at FROM ingest_failures f JOIN raw_inputs r ON r.id = f.raw_id
       ORDER BY f.at DESC, f.raw_id LIMIT ? OFFSET ?`,
    ),
  };
}

function migrate(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = checkVersion(db);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // The schema version is bookkeeping, not article data, so the wall clock is fine here.
      db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`).run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
}

function checkVersion(db: Database.Database): number {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!hasTable) return 0;
  const row = db.prepare(`SELECT max(version) AS v FROM schema_migrations`).get() as { v: number | null };
  const version = row.v ?? 0;
  if (version > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      `database schema version ${version} is newer than this Triangulate understands (${LATEST_SCHEMA_VERSION}); upgrade Triangulate`,
    );
  }
  return version;
}

function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    origin: row.origin,
    words: row.words,
    ingestedAt: row.ingested_at,
    ...(row.title === null ? {} : { title: row.title }),
    ...(row.outlet === null ? {} : { outlet: row.outlet }),
    ...(row.published === null ? {} : { published: row.published }),
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIST_LIMIT;
  return Math.min(MAX_LIST_LIMIT, Math.max(1, Math.floor(limit)));
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/**
 * Turns what a person types into an FTS5 query without letting FTS5 syntax errors
 * through: words are quoted (so `U.S.` or `co-operation` work), "quoted phrases"
 * stay phrases, and a bare OR between words keeps its meaning; everything else is AND.
 */
export function toFtsQuery(input: string): string {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const phrase = match[1];
    const word = match[2];
    if (word === 'OR') {
      // An operator needs a left-hand side; a leading or doubled OR is dropped.
      if (parts.length > 0 && parts[parts.length - 1] !== 'OR') parts.push('OR');
      continue;
    }
    const terms = (phrase ?? word ?? '').match(/[\p{L}\p{N}]+/gu);
    if (!terms) continue;
    parts.push('"' + terms.join(' ') + '"');
  }
  while (parts[parts.length - 1] === 'OR') parts.pop();
  return parts.join(' ');
}
