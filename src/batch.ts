/**
 * Ingesting a batch: every input the ingest layer yields goes through the pipeline and
 * into the store, one transaction per input. A bad item is reported and the batch goes
 * on; the summary lists every failure with its reason. Shared by the CLI and the server.
 */
import { analyzeArticle } from './analyze/analysis.js';
import type { IngestItem } from './ingest/index.js';
import type { Article } from './model/index.js';
import { extractArticle } from './pipeline.js';
import type { Store } from './store/index.js';

export type BatchItemResult =
  | { readonly status: 'stored'; readonly origin: string; readonly id: string; readonly title?: string; readonly warning?: string }
  | { readonly status: 'unchanged'; readonly origin: string; readonly id: string; readonly articleId?: string }
  | { readonly status: 'failed'; readonly origin: string; readonly rule: string; readonly message: string; readonly id?: string }
  /** Something skipped on purpose (unsupported files in a folder walk, non-page WARC records): reported, not a failure. */
  | { readonly status: 'skipped'; readonly origin: string; readonly rule: string; readonly message: string };

export interface BatchSummary {
  readonly stored: number;
  readonly unchanged: number;
  readonly skipped: ReadonlyArray<Extract<BatchItemResult, { status: 'skipped' }>>;
  readonly failures: ReadonlyArray<Extract<BatchItemResult, { status: 'failed' }>>;
}

export interface BatchOptions {
  /** Supplies the ingest time stamp; the core never reads the clock itself. */
  readonly now: () => Date;
  /** Run the analysis stages (entities, quotes, time, events) on each new article; default true. */
  readonly analyze?: boolean;
  /** Publication date for inputs that state none. */
  readonly defaultPublished?: string;
  readonly onItem?: (result: BatchItemResult) => void;
}

export async function ingestBatch(items: AsyncIterable<IngestItem>, store: Store, options: BatchOptions): Promise<BatchSummary> {
  let stored = 0;
  let unchanged = 0;
  const failures: Array<Extract<BatchItemResult, { status: 'failed' }>> = [];
  const skipped: Array<Extract<BatchItemResult, { status: 'skipped' }>> = [];
  for await (const item of items) {
    const result = await ingestItem(item, store, options);
    if (result.status === 'stored') stored++;
    else if (result.status === 'unchanged') unchanged++;
    else if (result.status === 'skipped') skipped.push(result);
    else failures.push(result);
    options.onItem?.(result);
  }
  return { stored, unchanged, skipped, failures };
}

async function ingestItem(item: IngestItem, store: Store, options: BatchOptions): Promise<BatchItemResult> {
  const analyze = options.analyze ?? true;
  if (!item.ok) {
    const { origin, rule, message, severity } = item.failure;
    return severity === 'info' || severity === 'warning' ? { status: 'skipped', origin, rule, message } : { status: 'failed', origin, rule, message };
  }
  const raw = item.raw;
  let outcome;
  try {
    outcome = extractArticle(raw, options.defaultPublished ? { defaultPublished: options.defaultPublished } : {});
  } catch (error) {
    // An extractor bug must not end the batch; it is reported like any other bad item.
    return { status: 'failed', origin: raw.origin, rule: 'internal-error', message: `extraction crashed: ${(error as Error).message}` };
  }
  // Inputs that decode but hold no article are kept raw (a better extractor may find one later);
  // inputs that are not text at all (empty, binary) are refused and not kept.
  if (!outcome.ok && (outcome.rule === 'empty-input' || outcome.rule === 'binary-input')) {
    return { status: 'failed', origin: raw.origin, rule: outcome.rule, message: outcome.message };
  }
  try {
    const ingestedAt = options.now().toISOString();
    const saved = outcome.ok
      ? await store.saveIngest({ raw, article: outcome.article, ingestedAt })
      : await store.saveIngest({ raw, failure: { rule: outcome.rule, message: outcome.message }, ingestedAt });
    if (saved.raw === 'existing') {
      return { status: 'unchanged', origin: raw.origin, id: raw.id, ...(saved.articleId ? { articleId: saved.articleId } : {}) };
    }
    if (outcome.ok) {
      const title = outcome.article.metadata.title?.value;
      const warning = analyze ? await storeAnalysis(outcome.article, store, ingestedAt) : undefined;
      return { status: 'stored', origin: raw.origin, id: raw.id, ...(title === undefined ? {} : { title }), ...(warning ? { warning } : {}) };
    }
    return { status: 'failed', origin: raw.origin, rule: outcome.rule, message: outcome.message, id: raw.id };
  } catch (error) {
    return { status: 'failed', origin: raw.origin, rule: 'store-error', message: `not stored: ${(error as Error).message}` };
  }
}

/**
 * Analyses a newly stored article. The article is already safe in the store; an analysis
 * that fails is reported as a warning and can be recomputed later, never losing the article.
 */
async function storeAnalysis(article: Article, store: Store, at: string): Promise<string | undefined> {
  try {
    await store.saveAnalysis(analyzeArticle(article), at);
    return undefined;
  } catch (error) {
    return `stored without analysis: ${(error as Error).message}`;
  }
}
