/**
 * Views the API derives from the store: story summaries with dossier counts, entities across
 * all articles (from the stored analyses) and quotes. They are rebuilt only when the store
 * changes, which the server notices from its own writes and from the article count (so a
 * CLI ingest into the same database is seen too).
 */
import { createHash } from 'node:crypto';
import { analysisFor } from '../analysis-cache.js';
import type { ArticleAnalysis } from '../analyze/analysis.js';
import type { Entity, EntityType } from '../analyze/entities/types.js';
import { dossierForStory } from '../dossier-service.js';
import type { Dossier } from '../fuse/index.js';
import type { Article } from '../model/index.js';
import { listStories, type StorySummary } from '../story-service.js';
import type { Store, StoryAssignment } from '../store/index.js';
import type { EntityDetailT, EntitySummaryT, QuoteItemT, StorySummaryT } from './schemas.js';

/** Dossiers kept in memory; each is a few hundred kB for a 50-report story. */
const MAX_CACHED_DOSSIERS = 64;

/** Mention kinds that name an entity; an entity seen only as "he" or "the official" is not listed across stories. */
const NAMING_KINDS = new Set(['name', 'title-name', 'surname', 'acronym']);

export interface EntityRecord {
  summary: EntitySummaryT;
  roles: Set<string>;
  /** story id ('' for articles without a story) → article ids and mention count. */
  stories: Map<string, { articleIds: Set<string>; mentions: number }>;
}

interface Snapshot {
  readonly key: string;
  readonly stories: readonly StorySummaryT[];
  readonly storyById: ReadonlyMap<string, StorySummaryT>;
  readonly storyOfArticle: ReadonlyMap<string, string>;
  readonly entities: readonly EntityRecord[];
  readonly entityById: ReadonlyMap<string, EntityRecord>;
  readonly quotes: readonly QuoteItemT[];
}

export class DerivedViews {
  private generation = 0;
  private snapshot: Promise<Snapshot> | undefined;
  private snapshotKey = '';
  private readonly dossiers = new Map<string, Dossier>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** The store was written to: everything derived is stale. */
  invalidate(): void {
    this.generation++;
  }

  async current(): Promise<Snapshot> {
    const key = `${this.generation}:${await this.store.countArticles()}`;
    if (!this.snapshot || key !== this.snapshotKey) {
      this.snapshotKey = key;
      this.snapshot = this.build(key).catch((error: unknown) => {
        this.snapshot = undefined;
        throw error;
      });
    }
    return this.snapshot;
  }

  /** The dossier of a story, cached by the exact set of reports (and copies) it is built from. */
  async dossier(storyId: string): Promise<Dossier | undefined> {
    const members = (await this.store.listStoryAssignments()).filter((a) => a.storyId === storyId);
    if (members.length === 0) return undefined;
    const key = fingerprint(storyId, members);
    const cached = this.dossiers.get(key);
    if (cached) {
      // Re-insert so the map's order is least-recently used first.
      this.dossiers.delete(key);
      this.dossiers.set(key, cached);
      return cached;
    }
    const dossier = await dossierForStory(this.store, storyId, this.now);
    if (!dossier) return undefined;
    this.dossiers.set(key, dossier);
    while (this.dossiers.size > MAX_CACHED_DOSSIERS) this.dossiers.delete(this.dossiers.keys().next().value!);
    return dossier;
  }

  private async build(key: string): Promise<Snapshot> {
    const summaries = await listStories(this.store);
    const assignments = await this.store.listStoryAssignments();
    const storyOfArticle = new Map(assignments.map((a) => [a.articleId, a.storyId] as const));
    const articles = new Map<string, { article: Article; ingestedAt: string }>();
    for (const id of await this.store.listArticleIdsInIngestOrder()) {
      const stored = await this.store.getArticle(id);
      if (stored) articles.set(id, stored);
    }
    const stories: StorySummaryT[] = [];
    for (const s of summaries) stories.push(await this.storySummary(s, articles));
    stories.sort((a, b) => b.lastUpdate.localeCompare(a.lastUpdate) || a.id.localeCompare(b.id));

    const analyses = new Map<string, ArticleAnalysis>();
    for (const { article } of articles.values()) analyses.set(article.id, await analysisFor(this.store, article, this.now));
    const entities = collectEntities(analyses, storyOfArticle);
    const quotes = collectQuotes(analyses, articles, storyOfArticle);
    return {
      key,
      stories,
      storyById: new Map(stories.map((s) => [s.id, s] as const)),
      storyOfArticle,
      entities,
      entityById: new Map(entities.map((e) => [e.summary.id, e] as const)),
      quotes,
    };
  }

  private async storySummary(s: StorySummary, articles: ReadonlyMap<string, { article: Article; ingestedAt: string }>): Promise<StorySummaryT> {
    const dossier = await this.dossier(s.id);
    const ingested = s.articleIds.map((id) => articles.get(id)?.ingestedAt ?? '').sort();
    const lastIngested = ingested[ingested.length - 1] ?? '';
    // A story's news is as fresh as its latest report's publication; ingest time stands in only when no report is dated.
    const lastUpdate = s.lastPublished ?? lastIngested;
    return {
      id: s.id,
      ...(s.title ? { title: s.title } : {}),
      ...(dossier?.headline ? { headline: dossier.headline } : {}),
      articleIds: [...s.articleIds],
      articleCount: s.articleIds.length,
      independentReports: s.independentReports,
      outlets: [...s.outlets],
      outletCount: s.outlets.length,
      disagreementCount: dossier?.disagreements.length ?? 0,
      factCount: dossier?.facts.length ?? 0,
      ...(s.firstPublished ? { firstPublished: s.firstPublished } : {}),
      ...(s.lastPublished ? { lastPublished: s.lastPublished } : {}),
      lastUpdate,
    };
  }
}

function fingerprint(storyId: string, members: readonly StoryAssignment[]): string {
  const parts = members.map((m) => `${m.articleId}>${m.duplicateOf ?? ''}`).sort();
  return `${storyId}|${parts.join(',')}`;
}

/** Case, accents and spacing do not make a different entity. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function entityId(type: EntityType, name: string): string {
  return `e-${createHash('sha256').update(`${type}\u0000${normaliseName(name)}`).digest('hex').slice(0, 12)}`;
}

function isNamed(entity: Entity): boolean {
  return !entity.plural && entity.mentions.some((m) => NAMING_KINDS.has(m.kind));
}

function collectEntities(analyses: ReadonlyMap<string, ArticleAnalysis>, storyOfArticle: ReadonlyMap<string, string>): EntityRecord[] {
  const byId = new Map<string, EntityRecord>();
  for (const [articleId, analysis] of analyses) {
    for (const entity of analysis.entities) {
      if (!isNamed(entity)) continue;
      const id = entityId(entity.type, entity.name);
      let record = byId.get(id);
      if (!record) {
        record = {
          summary: { id, name: entity.name, type: entity.type, aliases: [], mentionCount: 0, articleCount: 0, storyCount: 0 },
          roles: new Set(),
          stories: new Map(),
        };
        byId.set(id, record);
      }
      const aliases = new Set([...record.summary.aliases, ...entity.aliases]);
      aliases.delete(record.summary.name);
      record.summary = { ...record.summary, aliases: [...aliases].sort(), mentionCount: record.summary.mentionCount + entity.mentions.length };
      for (const role of entity.roles) record.roles.add(role.title ? `${role.title} — ${role.role}` : role.role);
      const storyId = storyOfArticle.get(articleId) ?? '';
      const story = record.stories.get(storyId) ?? { articleIds: new Set<string>(), mentions: 0 };
      story.articleIds.add(articleId);
      story.mentions += entity.mentions.length;
      record.stories.set(storyId, story);
    }
  }
  const records = [...byId.values()];
  for (const r of records) {
    const articleIds = new Set([...r.stories.values()].flatMap((s) => [...s.articleIds]));
    r.summary = { ...r.summary, articleCount: articleIds.size, storyCount: [...r.stories.keys()].filter((k) => k !== '').length };
  }
  return records.sort((a, b) => b.summary.mentionCount - a.summary.mentionCount || a.summary.name.localeCompare(b.summary.name) || a.summary.id.localeCompare(b.summary.id));
}

export function entityDetail(record: EntityRecord, storyById: ReadonlyMap<string, StorySummaryT>): EntityDetailT {
  const stories = [...record.stories]
    .filter(([id]) => id !== '')
    .map(([id, s]) => {
      const title = storyById.get(id)?.title;
      return { id, ...(title ? { title } : {}), articleIds: [...s.articleIds], mentionCount: s.mentions };
    })
    .sort((a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id));
  return { ...record.summary, roles: [...record.roles].sort(), stories, articlesWithoutStory: [...(record.stories.get('')?.articleIds ?? [])] };
}

function collectQuotes(
  analyses: ReadonlyMap<string, ArticleAnalysis>,
  articles: ReadonlyMap<string, { article: Article }>,
  storyOfArticle: ReadonlyMap<string, string>,
): QuoteItemT[] {
  const quotes: QuoteItemT[] = [];
  for (const [articleId, analysis] of analyses) {
    const article = articles.get(articleId)?.article;
    if (!article) continue;
    const text = article.text;
    const local = new Map(analysis.entities.map((e) => [e.id, e] as const));
    analysis.quotes.forEach((quote, n) => {
      const speakerSpan = quote.speaker?.resolvedTo ?? quote.speaker?.mention ?? quote.source;
      const entity = quote.speakerEntityId ? local.get(quote.speakerEntityId) : undefined;
      const speaker = entity?.name ?? (speakerSpan ? text.slice(speakerSpan.start, speakerSpan.end) : undefined);
      // The analysis' entity ids are per article; the API gives the cross-article id of /api/entities.
      const speakerEntityId = entity && isNamed(entity) ? entityId(entity.type, entity.name) : undefined;
      const storyId = storyOfArticle.get(articleId);
      const outlet = article.metadata.outlet?.value;
      const published = article.metadata.published?.value;
      quotes.push({
        id: `${articleId}:${n}`,
        articleId,
        ...(storyId ? { storyId } : {}),
        ...(speaker ? { speaker } : {}),
        ...(speakerEntityId ? { speakerEntityId } : {}),
        kind: quote.kind,
        text: quote.content.map((s) => text.slice(s.start, s.end)).join(' … '),
        content: quote.content.map((s) => ({ start: s.start, end: s.end })),
        ...(quote.cue ? { cue: text.slice(quote.cue.start, quote.cue.end) } : {}),
        ...(outlet ? { outlet } : {}),
        ...(published ? { published } : {}),
      });
    });
  }
  return quotes;
}
