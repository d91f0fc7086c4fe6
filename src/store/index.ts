export type {
  Store,
  IngestRecord,
  SaveOutcome,
  StoredArticle,
  ArticleSummary,
  SearchHit,
  StoredRawInput,
  StoredFailure,
  ListQuery,
  StoryAssignment,
  FeedSubscription,
} from './store.js';
export { AmbiguousIdError, StoreError } from './store.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
