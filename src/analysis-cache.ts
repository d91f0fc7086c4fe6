/**
 * Analyses are derived data: stored at ingest, recomputed on read when missing or made by an
 * older analyzer. Shared by the CLI and the server.
 */
import { ANALYZER_VERSION, analyzeArticle, type ArticleAnalysis } from './analyze/analysis.js';
import type { Article } from './model/index.js';
import type { Store } from './store/index.js';

export async function analysisFor(store: Store, article: Article, now: () => Date): Promise<ArticleAnalysis> {
  const stored = await store.getAnalysis(article.id);
  if (stored && stored.analyzer === ANALYZER_VERSION) return stored;
  const fresh = analyzeArticle(article);
  await store.saveAnalysis(fresh, now().toISOString());
  return fresh;
}
