import type { ArticleAnalysis } from '../analyze/analysis.js';
import type { Article, RawInput } from '../model/index.js';

/**
 * The storage contract the pipeline, CLI and server use. Every method is async so a
 * networked backend (PostgreSQL) can implement it without touching callers; the
 * embedded SQLite backend simply resolves at once.
 */
export interface Store {
  /**
   * Keeps a raw input and what came of it, in one transaction: either the article
   * extracted from it or the reason none could be. Idempotent: an input already kept
   * (same content hash) is left exactly as it was, and the result says so.
   */
  saveIngest(record: IngestRecord): Promise<SaveOutcome>;
  getArticle(id: string): Promise<StoredArticle | undefined>;
  /** Full id for a unique prefix (at least 4 hex characters); throws `AmbiguousIdError` when several match. */
  resolveArticleId(idOrPrefix: string): Promise<string | undefined>;
  listArticles(query?: ListQuery): Promise<ArticleSummary[]>;
  countArticles(): Promise<number>;
  /** Full-text search over titles and article text; `query` is plain words (quoted phrases and `OR` allowed). */
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
  getRawInput(id: string): Promise<StoredRawInput | undefined>;
  /** Inputs that were kept but yielded no article, newest first. */
  listFailures(query?: ListQuery): Promise<StoredFailure[]>;
  /** Stores (or replaces) the analysis of an article; analyses are derived data. */
  saveAnalysis(analysis: ArticleAnalysis, createdAt: string): Promise<void>;
  getAnalysis(articleId: string): Promise<ArticleAnalysis | undefined>;
  /** Every article in ingest order, for re-clustering. */
  listArticleIdsInIngestOrder(): Promise<string[]>;
  /** Summaries (no text) of every article in ingest order: cheap enough to call per batch. */
  listArticleSummariesInIngestOrder(): Promise<ArticleSummary[]>;
  /** Replaces all story assignments at once (one transaction). */
  replaceStoryAssignments(assignments: readonly StoryAssignment[], updatedAt: string): Promise<void>;
  listStoryAssignments(): Promise<StoryAssignment[]>;
  getStoryConstraints(): Promise<unknown | undefined>;
  /** The story clusterer's saved state (opaque JSON), so clustering continues without replaying every article. */
  getStorySnapshot(): Promise<unknown | undefined>;
  saveStorySnapshot(snapshot: unknown, updatedAt: string): Promise<void>;
  saveStoryConstraints(constraints: unknown, updatedAt: string): Promise<void>;
  /** Feeds a server polls on an interval; kept so a restart does not forget them. */
  listFeedSubscriptions(): Promise<FeedSubscription[]>;
  /** Inserts or replaces (by id; a second subscription to the same URL replaces the first). */
  saveFeedSubscription(subscription: FeedSubscription): Promise<void>;
  deleteFeedSubscription(id: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface FeedSubscription {
  readonly id: string;
  readonly url: string;
  readonly intervalMinutes: number;
  readonly createdAt: string;
  readonly lastPolledAt?: string;
  readonly lastJobId?: string;
}

export interface StoryAssignment {
  readonly articleId: string;
  readonly storyId: string;
  readonly duplicateOf?: string;
  readonly similarity: number;
}

export interface IngestRecord {
  readonly raw: RawInput;
  /** Exactly one of `article` and `failure`. */
  readonly article?: Article;
  readonly failure?: { readonly rule: string; readonly message: string };
  /** ISO time stamp supplied by the caller: the store never reads the clock. */
  readonly ingestedAt: string;
}

export interface SaveOutcome {
  /** `new` when this content was not stored before; `existing` when it was (nothing changed). */
  readonly raw: 'new' | 'existing';
  /** The article now stored for this input, if any (new or from an earlier ingest). */
  readonly articleId?: string;
}

export interface StoredArticle {
  readonly article: Article;
  readonly ingestedAt: string;
}

export interface ArticleSummary {
  readonly id: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly published?: string;
  readonly origin: string;
  readonly words: number;
  readonly ingestedAt: string;
}

export interface SearchHit extends ArticleSummary {
  /** A short excerpt around the match, with the matched words between « and ». */
  readonly snippet: string;
}

export interface StoredRawInput {
  readonly raw: RawInput;
  readonly firstSeen: string;
}

export interface StoredFailure {
  readonly rawId: string;
  readonly origin: string;
  readonly rule: string;
  readonly message: string;
  readonly at: string;
}

export interface ListQuery {
  readonly limit?: number;
  readonly offset?: number;
}

export class AmbiguousIdError extends Error {
  readonly candidates: readonly string[];
  constructor(prefix: string, candidates: readonly string[]) {
    super(`id prefix "${prefix}" is ambiguous: it matches ${candidates.map((c) => c.slice(0, 12)).join(', ')}`);
    this.name = 'AmbiguousIdError';
    this.candidates = candidates;
  }
}

export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
