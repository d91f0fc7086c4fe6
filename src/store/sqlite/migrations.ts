/**
 * Versioned schema. Each migration runs once, in order, inside a transaction, and is
 * recorded in `schema_migrations`; a database written by a newer Triangulate (higher
 * version than we know) is refused rather than half-understood.
 * Never edit a released migration: add a new one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'raw inputs, articles, failures, full-text index',
    sql: `
      CREATE TABLE raw_inputs (
        id               TEXT PRIMARY KEY,
        origin           TEXT NOT NULL,
        origin_kind      TEXT NOT NULL,
        format           TEXT NOT NULL,
        declared_charset TEXT,
        hints            TEXT NOT NULL,
        size             INTEGER NOT NULL,
        -- raw bytes, gzip-compressed: the page exactly as received, for re-extraction later
        content_gz       BLOB NOT NULL,
        first_seen       TEXT NOT NULL
      );

      CREATE TABLE articles (
        id          TEXT PRIMARY KEY REFERENCES raw_inputs(id),
        origin      TEXT NOT NULL,
        title       TEXT,
        outlet      TEXT,
        published   TEXT,
        language    TEXT,
        words       INTEGER NOT NULL,
        text        TEXT NOT NULL,
        -- the whole Article record as JSON (blocks, sourced metadata, diagnostics)
        record      TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles(published);
      CREATE INDEX articles_ingested ON articles(ingested_at);

      CREATE TABLE ingest_failures (
        raw_id  TEXT PRIMARY KEY REFERENCES raw_inputs(id),
        rule    TEXT NOT NULL,
        message TEXT NOT NULL,
        at      TEXT NOT NULL
      );

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'article analyses, story assignments and hand-made story constraints',
    sql: `
      -- Derived data: recomputable from the article, so replaced when the analyzer changes.
      CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        analyzer   TEXT NOT NULL,
        record     TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE article_stories (
        article_id   TEXT PRIMARY KEY REFERENCES articles(id),
        story_id     TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(id),
        similarity   REAL NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX article_stories_story ON article_stories(story_id);

      -- A person's merges and splits, kept apart from the assignments so re-clustering honours them.
      CREATE TABLE story_constraints (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        record     TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'feed subscriptions',
    sql: `
      CREATE TABLE feed_subscriptions (
        id               TEXT PRIMARY KEY,
        url              TEXT NOT NULL UNIQUE,
        interval_minutes INTEGER NOT NULL,
        created_at       TEXT NOT NULL,
        last_polled_at   TEXT,
        last_job_id      TEXT
      );
    `,
  },
  {
    version: 4,
    name: 'story clusterer snapshot',
    sql: `
      -- The clusterer's whole state after the last update, so a new batch only adds its own articles.
      CREATE TABLE story_snapshot (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        record     TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
