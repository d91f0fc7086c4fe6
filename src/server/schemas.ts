/**
 * Request and response schemas of the HTTP API. The same zod objects validate requests,
 * type the handlers, and generate the OpenAPI document (`/openapi.json`), so the
 * documentation cannot drift from what the server accepts.
 */
import { z } from 'zod';
import { DOSSIER_SCHEMA_VERSION } from '../fuse/types.js';

/** Largest page a list endpoint returns: big enough for a screen of stories, small enough to stay fast on SQLite. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** URLs and feeds per ingest request: a batch, not a crawl. */
export const MAX_URLS_PER_REQUEST = 100;
/** Pasted texts per ingest request. */
export const MAX_TEXTS_PER_REQUEST = 50;
/** One pasted article: long-form pieces are ~50 kB; 2 MB leaves room while refusing dumps. */
export const MAX_TEXT_CHARS = 2_000_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export const IsoDate = z
  .string()
  .regex(ISO_DATE, 'expected an ISO 8601 date such as 2026-11-18 or 2026-11-18T09:30:00Z')
  .refine((v) => !Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)), 'not a real calendar date')
  .meta({ example: '2026-11-18' });

export const HttpUrl = z
  .string()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'expected an absolute http(s) URL')
  .meta({ example: 'https://news.example.org/world/2026/11/18/talks' });

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'stable kebab-case id, e.g. `bad-request`, `not-found`, `payload-too-large`' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int(),
      limit: z.number().int(),
      offset: z.number().int(),
      nextOffset: z.number().int().optional().meta({ description: 'offset of the next page; absent on the last page' }),
    })
    .meta({ id });

export const ArticleSummary = z
  .object({
    id: z.string().meta({ description: 'SHA-256 of the raw input bytes: stable across re-ingests' }),
    title: z.string().optional(),
    outlet: z.string().optional(),
    published: z.string().optional(),
    origin: z.string(),
    words: z.number().int(),
    ingestedAt: z.string(),
    storyId: z.string().optional(),
  })
  .meta({ id: 'ArticleSummary' });
export const ArticlePage = pageOf(ArticleSummary, 'ArticlePage');

export const SearchHit = ArticleSummary.extend({ snippet: z.string() }).meta({ id: 'SearchHit' });
export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'give a search query in q').max(500),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export const SearchResult = z.object({ query: z.string(), items: z.array(SearchHit) }).meta({ id: 'SearchResult' });

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const ArticleDetail = z
  .object({
    id: z.string(),
    origin: z.string(),
    title: z.string().optional(),
    outlet: z.string().optional(),
    authors: z.array(z.string()),
    published: z.string().optional(),
    url: z.string().optional(),
    language: z.string().optional(),
    ingestedAt: z.string(),
    storyId: z.string().optional(),
    text: z.string().meta({ description: 'the article text (plain text; every span in the API indexes into it)' }),
    blocks: z.array(SpanSchema.extend({ kind: z.string() })),
    extraction: z.object({ method: z.string(), extractor: z.string(), charset: z.string() }),
    diagnostics: z.array(z.object({ severity: z.string(), rule: z.string(), message: z.string() })),
  })
  .meta({ id: 'ArticleDetail' });

export const IdParam = z.object({ id: z.string().min(1).max(128) });

export const StoryQuery = Pagination.extend({ q: z.string().trim().max(200).optional() });

export const StorySummary = z
  .object({
    id: z.string(),
    title: z.string().optional(),
    headline: z.string().optional(),
    articleIds: z.array(z.string()),
    articleCount: z.number().int(),
    independentReports: z.number().int(),
    outlets: z.array(z.string()),
    outletCount: z.number().int(),
    disagreementCount: z.number().int(),
    factCount: z.number().int(),
    firstPublished: z.string().optional(),
    lastPublished: z.string().optional(),
    lastUpdate: z.string().meta({ description: 'publication time of the latest report (its ingest time when no report is dated)' }),
  })
  .meta({ id: 'StorySummary' });
export const StoryPage = pageOf(StorySummary, 'StoryPage');

export const DossierFormatQuery = z.object({ format: z.enum(['json', 'md', 'html']).default('json') });

/** The dossier is documented field by field in docs/dossier.md and docs/dossier.schema.json; here only its outline. */
export const DossierSchema = z
  .looseObject({
    schemaVersion: z.string(),
    generator: z.string(),
    storyId: z.string(),
    headline: z.string(),
    summary: z.array(z.string()),
    articles: z.array(z.looseObject({ id: z.string(), ref: z.string() })),
    entities: z.array(z.looseObject({ id: z.string(), name: z.string() })),
    events: z.array(z.looseObject({ id: z.string() })),
    timeline: z.array(z.looseObject({ date: z.string(), eventId: z.string() })),
    quotes: z.array(z.looseObject({ id: z.string() })),
    facts: z.array(z.looseObject({ id: z.string() })),
    disagreements: z.array(z.looseObject({ id: z.string() })),
  })
  .meta({ id: 'Dossier', description: `The cross-checked dossier (schema ${DOSSIER_SCHEMA_VERSION}); see docs/dossier.md for every field.` });

export const EntityType = z.enum(['person', 'organisation', 'location', 'gpe', 'misc']);
export const EntityQuery = Pagination.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'name or alias contains these characters (case-insensitive)' }),
  type: EntityType.optional(),
});

export const EntitySummary = z
  .object({
    id: z.string().meta({ description: '`e-` + a hash of type and normalised name: the same entity keeps its id' }),
    name: z.string(),
    type: EntityType,
    aliases: z.array(z.string()),
    mentionCount: z.number().int(),
    articleCount: z.number().int(),
    storyCount: z.number().int(),
  })
  .meta({ id: 'EntitySummary' });
export const EntityPage = pageOf(EntitySummary, 'EntityPage');

export const EntityDetail = EntitySummary.extend({
  roles: z.array(z.string()),
  stories: z.array(
    z.object({
      id: z.string(),
      title: z.string().optional(),
      articleIds: z.array(z.string()),
      mentionCount: z.number().int(),
    }),
  ),
  articlesWithoutStory: z.array(z.string()),
}).meta({ id: 'EntityDetail' });

export const QuoteQuery = Pagination.extend({
  speaker: z.string().trim().max(200).optional().meta({ description: 'speaker name contains these characters (case-insensitive)' }),
  q: z.string().trim().max(500).optional().meta({ description: 'quoted words contain these characters (case-insensitive)' }),
  storyId: z.string().max(64).optional(),
});

export const QuoteItem = z
  .object({
    id: z.string().meta({ description: '`<articleId>:<n>`: the n-th quote the analysis found in the article' }),
    articleId: z.string(),
    storyId: z.string().optional(),
    speaker: z.string().optional(),
    speakerEntityId: z.string().optional(),
    kind: z.enum(['direct', 'reported', 'mixed']),
    text: z.string(),
    content: z.array(SpanSchema),
    cue: z.string().optional(),
    outlet: z.string().optional(),
    published: z.string().optional(),
  })
  .meta({ id: 'Quote' });
export const QuotePage = pageOf(QuoteItem, 'QuotePage');

export const TextInput = z.object({
  text: z.string().min(1).max(MAX_TEXT_CHARS),
  published: IsoDate.meta({ description: 'publication date of the pasted report (relative dates resolve against it)' }),
  title: z.string().max(1000).optional(),
  outlet: z.string().max(300).optional(),
  url: HttpUrl.optional(),
  format: z.enum(['text', 'markdown', 'html']).default('text'),
});

export const IngestRequest = z
  .object({
    urls: z.array(HttpUrl).max(MAX_URLS_PER_REQUEST).default([]).meta({ description: 'article pages or feeds (a feed yields its items)' }),
    feeds: z.array(HttpUrl).max(MAX_URLS_PER_REQUEST).default([]),
    texts: z.array(TextInput).max(MAX_TEXTS_PER_REQUEST).default([]),
    defaultPublished: IsoDate.optional().meta({ description: 'publication date for inputs that state none' }),
  })
  .refine((r) => r.urls.length + r.feeds.length + r.texts.length > 0, 'give at least one of urls, feeds or texts')
  .meta({ id: 'IngestRequest' });

export const JobStatus = z.enum(['queued', 'running', 'done', 'failed']);
export const JobItem = z
  .object({
    status: z.enum(['stored', 'unchanged', 'failed', 'skipped']),
    origin: z.string(),
    id: z.string().optional(),
    title: z.string().optional(),
    rule: z.string().optional(),
    message: z.string().optional(),
  })
  .meta({ id: 'JobItem' });

export const Job = z
  .object({
    id: z.string(),
    kind: z.enum(['urls', 'files', 'texts', 'subscription']),
    label: z.string(),
    status: JobStatus,
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    processed: z.number().int(),
    stored: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    items: z.array(JobItem).meta({ description: 'per-input results, newest last (the first 1000 kept)' }),
    storyIds: z.array(z.string()).meta({ description: 'stories the stored articles belong to, once the job is done' }),
    error: z.string().optional(),
  })
  .meta({ id: 'Job' });
export const JobAccepted = z.object({ job: Job, links: z.object({ self: z.string(), events: z.string() }) }).meta({ id: 'JobAccepted' });
export const JobList = z.object({ items: z.array(Job) }).meta({ id: 'JobList' });

export const SubscriptionRequest = z
  .object({
    url: HttpUrl,
    intervalMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
  })
  .meta({ id: 'SubscriptionRequest' });
export const Subscription = z
  .object({
    id: z.string(),
    url: z.string(),
    intervalMinutes: z.number().int(),
    createdAt: z.string(),
    lastPolledAt: z.string().optional(),
    lastJobId: z.string().optional(),
  })
  .meta({ id: 'Subscription' });
export const SubscriptionList = z.object({ items: z.array(Subscription) }).meta({ id: 'SubscriptionList' });

export const MergeRequest = z.object({ a: z.string().min(1).max(64), b: z.string().min(1).max(64) }).meta({ id: 'MergeRequest' });
export const SplitRequest = z.object({ articleIds: z.array(z.string().min(4).max(64)).min(1).max(500) }).meta({ id: 'SplitRequest' });
export const StoryList = z.object({ items: z.array(StorySummary) }).meta({ id: 'StoryList' });

export const Health = z.object({ ok: z.literal(true), articles: z.number().int(), version: z.string() }).meta({ id: 'Health' });

export type ErrorBodyT = z.infer<typeof ErrorBody>;
export type IngestRequestT = z.infer<typeof IngestRequest>;
export type JobT = z.infer<typeof Job>;
export type JobItemT = z.infer<typeof JobItem>;
export type StorySummaryT = z.infer<typeof StorySummary>;
export type EntitySummaryT = z.infer<typeof EntitySummary>;
export type EntityDetailT = z.infer<typeof EntityDetail>;
export type QuoteItemT = z.infer<typeof QuoteItem>;
export type SubscriptionT = z.infer<typeof Subscription>;
export type ArticleDetailT = z.infer<typeof ArticleDetail>;
