/**
 * Stories over the store: re-clusters every stored article (in ingest order, honouring the
 * hand-made merges and splits kept in the store) and records who belongs where. Shared by
 * the CLI and the server.
 *
 * Public story ids are `s-` + the first 10 characters of the story's earliest article id,
 * so a story keeps its id when later reports join it, and a merged story keeps the older id.
 */
import type { ArticleAnalysis } from './analyze/analysis.js';
import { analysisFor } from './analysis-cache.js';
import type { Article } from './model/index.js';
import type { ArticleSummary, Store, StoryAssignment } from './store/index.js';
import { StoryClusterer, type ClustererSnapshot, type StoryConstraints, type StoryDocument } from './stories/index.js';

/** Entity types whose names identify a story (people, organisations, places), not generic misc terms. */
const NAMED_TYPES = new Set(['person', 'organisation', 'location', 'gpe']);

export function storyDocument(article: Article, analysis?: ArticleAnalysis): StoryDocument {
  const m = article.metadata;
  const names = analysis?.entities.filter((e) => NAMED_TYPES.has(e.type) && !e.plural && e.mentions.some((x) => x.kind !== 'pronoun')).map((e) => e.name);
  const dates = analysis ? [...new Set(analysis.events.flatMap((e) => (e.date && /^\d{4}/.test(e.date.value) ? [e.date.value] : [])))] : undefined;
  return {
    id: article.id,
    text: article.text,
    ...(m.title ? { title: m.title.value } : {}),
    ...(m.published ? { published: m.published.value } : {}),
    ...(m.outlet ? { outlet: m.outlet.value } : {}),
    ...((m.canonicalUrl ?? m.url) ? { url: (m.canonicalUrl ?? m.url)!.value } : {}),
    ...(names && names.length > 0 ? { names } : {}),
    ...(dates && dates.length > 0 ? { dates } : {}),
  };
}

export interface StorySummary {
  readonly id: string;
  readonly title?: string;
  readonly articleIds: readonly string[];
  /** Reports that are not copies of another report in the story. */
  readonly independentReports: number;
  readonly outlets: readonly string[];
  readonly firstPublished?: string;
  readonly lastPublished?: string;
}

interface Clustered {
  readonly clusterer: StoryClusterer;
  /** internal story id → public id, and back. */
  readonly toPublic: Map<string, string>;
  readonly toInternal: Map<string, string>;
  /** Every stored article's summary, in ingest order. */
  readonly summaries: ReadonlyMap<string, ArticleSummary>;
}

async function addArticle(store: Store, clusterer: StoryClusterer, id: string, now: () => Date): Promise<void> {
  const stored = await store.getArticle(id);
  if (stored) clusterer.add(storyDocument(stored.article, await analysisFor(store, stored.article, now)));
}

async function summariesOf(store: Store): Promise<Map<string, ArticleSummary>> {
  return new Map((await store.listArticleSummariesInIngestOrder()).map((a) => [a.id, a] as const));
}

/** Clusters every stored article from scratch, honouring the hand-made constraints. */
async function cluster(store: Store, now: () => Date): Promise<Clustered> {
  const constraints = (await store.getStoryConstraints()) as StoryConstraints | undefined;
  const clusterer = new StoryClusterer(constraints ? { constraints } : {});
  const summaries = await summariesOf(store);
  for (const id of summaries.keys()) await addArticle(store, clusterer, id, now);
  return withPublicIds(clusterer, summaries);
}

function withPublicIds(clusterer: StoryClusterer, summaries: ReadonlyMap<string, ArticleSummary>): Clustered {
  const toPublic = new Map<string, string>();
  const toInternal = new Map<string, string>();
  // `summaries` is in ingest order; a story is named after its earliest member whatever order merges left.
  const rank = new Map([...summaries.keys()].map((id, i) => [id, i] as const));
  for (const [internal, members] of clusterer.stories()) {
    const earliest = [...members].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))[0];
    const publicId = `s-${(earliest ?? internal).slice(0, 10)}`;
    toPublic.set(internal, publicId);
    toInternal.set(publicId, internal);
  }
  return { clusterer, toPublic, toInternal, summaries };
}

async function save(store: Store, clustered: Clustered, now: () => Date): Promise<StorySummary[]> {
  const { clusterer, toPublic } = clustered;
  const assignments: StoryAssignment[] = [];
  for (const [articleId, internal] of clusterer.assignments()) {
    const duplicateOf = clusterer.duplicateOf(articleId);
    assignments.push({ articleId, storyId: toPublic.get(internal) ?? internal, similarity: 1, ...(duplicateOf ? { duplicateOf } : {}) });
  }
  const at = now().toISOString();
  await store.replaceStoryAssignments(assignments, at);
  await store.saveStoryConstraints(clusterer.constraints(), at);
  await store.saveStorySnapshot(clusterer.toJSON(), at);
  return summarise(assignments, clustered.summaries);
}

/** Re-clusters everything stored and saves the assignments; returns the stories, newest first. */
export async function reclusterStories(store: Store, now: () => Date): Promise<StorySummary[]> {
  return save(store, await cluster(store, now), now);
}

/**
 * Adds the articles stored since the last update to the saved clusterer state, so a batch
 * costs what its own articles cost, however large the store. Without a usable snapshot
 * (first run, or one written by an older clusterer) it re-clusters everything once.
 */
export async function updateStories(store: Store, now: () => Date): Promise<StorySummary[]> {
  const snapshot = await store.getStorySnapshot();
  let clusterer: StoryClusterer | undefined;
  try {
    clusterer = snapshot === undefined ? undefined : StoryClusterer.fromJSON(snapshot as ClustererSnapshot);
  } catch {
    clusterer = undefined;
  }
  if (!clusterer) return reclusterStories(store, now);
  const summaries = await summariesOf(store);
  for (const id of summaries.keys()) {
    if (clusterer.storyOf(id) === undefined) await addArticle(store, clusterer, id, now);
  }
  return save(store, withPublicIds(clusterer, summaries), now);
}

export async function listStories(store: Store): Promise<StorySummary[]> {
  return summarise(await store.listStoryAssignments(), await summariesOf(store));
}

export async function mergeStories(store: Store, storyA: string, storyB: string, now: () => Date): Promise<StorySummary[]> {
  const clustered = await cluster(store, now);
  clustered.clusterer.merge(internalId(clustered, storyA), internalId(clustered, storyB));
  return save(store, withPublicIds(clustered.clusterer, clustered.summaries), now);
}

export async function splitStory(store: Store, storyId: string, articleIds: readonly string[], now: () => Date): Promise<StorySummary[]> {
  const clustered = await cluster(store, now);
  clustered.clusterer.split(internalId(clustered, storyId), articleIds);
  return save(store, withPublicIds(clustered.clusterer, clustered.summaries), now);
}

function internalId(clustered: Clustered, publicId: string): string {
  const internal = clustered.toInternal.get(publicId);
  if (!internal) throw new Error(`no story with id "${publicId}" (try: triangulate stories)`);
  return internal;
}

function summarise(assignments: readonly StoryAssignment[], summaries: ReadonlyMap<string, ArticleSummary>): StorySummary[] {
  const byStory = new Map<string, StoryAssignment[]>();
  for (const a of assignments) byStory.set(a.storyId, [...(byStory.get(a.storyId) ?? []), a]);
  const stories: StorySummary[] = [];
  for (const [id, members] of byStory) {
    const docs = members.map((m) => summaries.get(m.articleId)).filter((a): a is ArticleSummary => a !== undefined);
    const dates = docs.map((d) => d.published).filter((d): d is string => d !== undefined).sort();
    const title = docs[0]?.title;
    stories.push({
      id,
      articleIds: members.map((m) => m.articleId),
      independentReports: members.filter((m) => !m.duplicateOf).length,
      outlets: [...new Set(docs.map((d) => d.outlet).filter((o): o is string => o !== undefined))],
      ...(title ? { title } : {}),
      ...(dates[0] ? { firstPublished: dates[0] } : {}),
      ...(dates.length > 0 ? { lastPublished: dates[dates.length - 1]! } : {}),
    });
  }
  return stories.sort((a, b) => (b.lastPublished ?? '').localeCompare(a.lastPublished ?? '') || a.id.localeCompare(b.id));
}
