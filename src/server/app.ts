/**
 * The HTTP API (and the web app's static files) as a Hono app. A thin adapter: every
 * answer comes from the same core functions the CLI uses (store, ingestBatch, stories,
 * dossiers); this file only validates, authorises, paginates and serialises. The clock
 * is read only through `now`, so tests drive it.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import { renderDossierHtml, renderDossierMarkdown } from '../fuse/index.js';
import { DEFAULT_READ_OPTIONS, type ReadOptionsInput } from '../ingest/index.js';
import { mergeStories, reclusterStories, splitStory } from '../story-service.js';
import { AmbiguousIdError, type Store } from '../store/index.js';
import { DerivedViews, entityDetail, normaliseName } from './derived.js';
import { JobQueue, type JobEvent } from './jobs.js';
import { buildOpenApiDocument } from './openapi.js';
import * as S from './schemas.js';
import { literalPrivateHost, textItems, uploadItems, urlItems, type UploadedFile } from './sources.js';
import { serveWebApp } from './static.js';
import { realTimers, Subscriptions, type Timers } from './subscriptions.js';

const MB = 1024 * 1024;
/** JSON bodies: 50 pasted articles of typical length fit with a wide margin. */
export const DEFAULT_MAX_JSON_BYTES = 8 * MB;
/** Multipart uploads per request: a folder of saved pages or one mid-sized WARC. */
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * MB;

export interface AppOptions {
  readonly store: Store;
  readonly now: () => Date;
  /** Bearer token required by write endpoints; open when absent. */
  readonly token?: string;
  /** Let ingest fetch loopback and private addresses (off: the server must not be aimed at its own network). */
  readonly allowPrivateNetwork?: boolean;
  /** Extra ingest options (tests inject `fetch.fetchImpl`-style replacements here). */
  readonly readOptions?: ReadOptionsInput;
  /** Folder holding the built web app (index.html + assets); no web app is served when absent. */
  readonly webRoot?: string;
  readonly maxJsonBytes?: number;
  readonly maxUploadBytes?: number;
  readonly newId?: () => string;
  readonly timers?: Timers;
  readonly version?: string;
}

export interface TriangulateService {
  readonly app: Hono;
  readonly jobs: JobQueue;
  readonly subscriptions: Subscriptions;
  /** Stops feed polling and waits for running jobs. */
  close(): Promise<void>;
}

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 415 | 500,
    readonly code: string,
    message: string,
    readonly issues?: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

export function createApp(options: AppOptions): Hono {
  return createService(options).app;
}

export function createService(options: AppOptions): TriangulateService {
  const { store, now } = options;
  const newId = options.newId ?? (() => randomUUID());
  const readOptions: ReadOptionsInput = {
    ...options.readOptions,
    fetch: { ...options.readOptions?.fetch, allowPrivateNetwork: options.allowPrivateNetwork ?? false },
  };
  const maxDocBytes = readOptions.maxFileBytes ?? DEFAULT_READ_OPTIONS.maxFileBytes;
  const derived = new DerivedViews(store, now);
  const jobs = new JobQueue({ store, now, newId, onStoreChanged: () => derived.invalidate() });
  const subscriptions = new Subscriptions({
    now,
    newId,
    timers: options.timers ?? realTimers,
    poll: (url) => jobs.submit({ kind: 'subscription', label: `feed ${url}`, items: urlItems([url], readOptions) }),
    store,
  });
  let openApi: Record<string, unknown> | undefined;

  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof AmbiguousIdError) return errorResponse(c, new ApiError(409, 'ambiguous-id', error.message));
    return errorResponse(c, new ApiError(500, 'internal-error', `internal error: ${error.message}`));
  });
  app.notFound((c) => errorResponse(c, new ApiError(404, 'route-not-found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`)));

  app.use('*', securityHeaders);
  app.use('/api/*', requireToken(options.token));
  app.use('/api/*', etags);

  const jsonLimit = limit(options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES);

  app.get('/openapi.json', (c) => c.json((openApi ??= buildOpenApiDocument({ version: options.version ?? '0.1.0', tokenRequired: options.token !== undefined }))));

  app.get('/api/health', async (c) => c.json({ ok: true as const, articles: await store.countArticles(), version: options.version ?? '0.1.0' }));

  // ---- ingest --------------------------------------------------------------------------------------------------
  app.post('/api/ingest', jsonLimit, async (c) => {
    const body = parse(S.IngestRequest, await jsonBody(c));
    const urls = [...body.urls, ...body.feeds];
    for (const url of urls) refusePrivate(url, options.allowPrivateNetwork ?? false);
    const texts = body.texts;
    const produce = textItems(texts, maxDocBytes);
    const fromUrls = urlItems(urls, readOptions);
    const kind = urls.length === 0 ? 'texts' : 'urls';
    const label = describeBatch(urls.length, texts.length);
    const job = jobs.submit({
      kind,
      label,
      items: async function* () {
        yield* produce();
        if (urls.length > 0) yield* fromUrls();
      },
      ...(body.defaultPublished ? { defaultPublished: body.defaultPublished } : {}),
    });
    return c.json(accepted(job), 202);
  });

  app.post('/api/ingest/files', limit(options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES), async (c) => {
    requireContentType(c, 'multipart/form-data');
    let form: Record<string, string | File | Array<string | File>>;
    try {
      form = (await c.req.parseBody({ all: true })) as Record<string, string | File | Array<string | File>>;
    } catch (error) {
      throw new ApiError(400, 'bad-multipart', `the multipart body could not be read: ${(error as Error).message}`);
    }
    const files: UploadedFile[] = [];
    let defaultPublished: string | undefined;
    for (const [field, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === 'string') {
          if (field === 'defaultPublished' && v.trim() !== '') defaultPublished = parse(S.IsoDate, v.trim(), 'defaultPublished');
          continue;
        }
        files.push({ name: v.name || 'upload', bytes: new Uint8Array(await v.arrayBuffer()) });
      }
    }
    if (files.length === 0) throw new ApiError(400, 'no-files', 'the form holds no files: send them as multipart fields named "files"');
    const { items, cleanup } = await uploadItems(files, readOptions);
    const job = jobs.submit({
      kind: 'files',
      label: files.length === 1 ? `file ${files[0]!.name}` : `${files.length} files`,
      items,
      cleanup,
      ...(defaultPublished ? { defaultPublished } : {}),
    });
    return c.json(accepted(job), 202);
  });

  app.get('/api/jobs', (c) => c.json({ items: jobs.list() }));
  app.get('/api/jobs/:id', (c) => c.json(jobOr404(jobs, c.req.param('id'))));
  app.get('/api/jobs/:id/events', (c) => {
    const id = c.req.param('id');
    jobOr404(jobs, id);
    return streamSSE(c, async (stream) => {
      const pending: JobEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = jobs.subscribe(id, (event) => {
        pending.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      try {
        const snapshot = jobs.get(id)!;
        await stream.writeSSE({ event: 'snapshot', data: JSON.stringify(snapshot) });
        if (snapshot.status === 'done' || snapshot.status === 'failed') {
          await stream.writeSSE({ event: 'done', data: JSON.stringify(snapshot) });
          return;
        }
        while (!stream.aborted) {
          if (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          for (const event of pending.splice(0)) {
            const data = event.type === 'item' ? { item: event.item, job: summaryOf(event.job) } : event.job;
            await stream.writeSSE({ event: event.type, data: JSON.stringify(data) });
            if (event.type === 'done') return;
          }
        }
      } finally {
        unsubscribe();
      }
    });
  });

  app.get('/api/subscriptions', (c) => c.json({ items: subscriptions.list() }));
  app.post('/api/subscriptions', jsonLimit, async (c) => {
    const body = parse(S.SubscriptionRequest, await jsonBody(c));
    refusePrivate(body.url, options.allowPrivateNetwork ?? false);
    return c.json(await subscriptions.add(body.url, body.intervalMinutes), 201);
  });
  app.delete('/api/subscriptions/:id', async (c) => {
    if (!(await subscriptions.remove(c.req.param('id')))) throw new ApiError(404, 'not-found', `no subscription with id "${c.req.param('id')}"`);
    return c.body(null, 204);
  });

  // ---- articles ------------------------------------------------------------------------------------------------
  app.get('/api/articles', async (c) => {
    const { limit, offset } = parse(S.Pagination, c.req.query());
    const [rows, total, assignments] = await Promise.all([store.listArticles({ limit, offset }), store.countArticles(), store.listStoryAssignments()]);
    const storyOf = new Map(assignments.map((a) => [a.articleId, a.storyId] as const));
    const items = rows.map((r) => withStory(r, storyOf.get(r.id)));
    return c.json(page(items, total, limit, offset));
  });

  app.get('/api/articles/search', async (c) => {
    const { q, limit } = parse(S.SearchQuery, c.req.query());
    let hits;
    try {
      hits = await store.search(q, { limit });
    } catch (error) {
      throw new ApiError(400, 'bad-query', `cannot search for ${JSON.stringify(q)}: ${(error as Error).message}`);
    }
    const storyOf = new Map((await store.listStoryAssignments()).map((a) => [a.articleId, a.storyId] as const));
    return c.json({ query: q, items: hits.map((h) => withStory(h, storyOf.get(h.id))) });
  });

  app.get('/api/articles/:id', async (c) => {
    const { id } = parse(S.IdParam, { id: c.req.param('id') });
    const full = await store.resolveArticleId(id);
    const stored = full ? await store.getArticle(full) : undefined;
    if (!stored) throw new ApiError(404, 'not-found', `no article with id "${id}"`);
    const { article } = stored;
    const m = article.metadata;
    const storyId = (await store.listStoryAssignments()).find((a) => a.articleId === article.id)?.storyId;
    const detail: S.ArticleDetailT = {
      id: article.id,
      origin: article.origin,
      ...(m.title ? { title: m.title.value } : {}),
      ...(m.outlet ? { outlet: m.outlet.value } : {}),
      authors: [...(m.authors?.value ?? [])],
      ...(m.published ? { published: m.published.value } : {}),
      ...((m.canonicalUrl ?? m.url) ? { url: (m.canonicalUrl ?? m.url)!.value } : {}),
      ...(m.language ? { language: m.language.value } : {}),
      ingestedAt: stored.ingestedAt,
      ...(storyId ? { storyId } : {}),
      text: article.text,
      blocks: article.blocks.map((b) => ({ start: b.start, end: b.end, kind: b.kind })),
      extraction: { method: article.extraction.method, extractor: article.extraction.extractor, charset: article.extraction.charset },
      diagnostics: article.extraction.diagnostics.map((d) => ({ severity: d.severity, rule: d.rule, message: d.message })),
    };
    return c.json(detail);
  });

  // ---- stories -------------------------------------------------------------------------------------------------
  app.get('/api/stories', async (c) => {
    const { limit, offset, q } = parse(S.StoryQuery, c.req.query());
    const { stories } = await derived.current();
    const needle = q ? normaliseName(q) : '';
    const matching = needle
      ? stories.filter((s) => normaliseName([s.title ?? '', s.headline ?? '', ...s.outlets, s.id].join(' ')).includes(needle))
      : stories;
    return c.json(page(matching.slice(offset, offset + limit), matching.length, limit, offset));
  });

  app.post('/api/stories/recluster', async (c) => {
    await reclusterStories(store, now);
    return c.json({ items: await freshStories() });
  });

  app.post('/api/stories/merge', jsonLimit, async (c) => {
    const { a, b } = parse(S.MergeRequest, await jsonBody(c));
    await storyChange(() => mergeStories(store, a, b, now));
    return c.json({ items: await freshStories() });
  });

  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    const story = (await derived.current()).storyById.get(id);
    if (!story) throw new ApiError(404, 'not-found', `no story with id "${id}"`);
    return c.json(story);
  });

  app.post('/api/stories/:id/split', jsonLimit, async (c) => {
    const { articleIds } = parse(S.SplitRequest, await jsonBody(c));
    const full: string[] = [];
    for (const id of articleIds) {
      const resolved = await store.resolveArticleId(id);
      if (!resolved) throw new ApiError(404, 'not-found', `no article with id "${id}"`);
      full.push(resolved);
    }
    await storyChange(() => splitStory(store, c.req.param('id'), full, now));
    return c.json({ items: await freshStories() });
  });

  app.get('/api/stories/:id/dossier', async (c) => {
    const id = c.req.param('id');
    const { format } = parse(S.DossierFormatQuery, c.req.query());
    const dossier = await derived.dossier(id);
    if (!dossier) throw new ApiError(404, 'not-found', `no story with id "${id}"`);
    if (format === 'md') return c.body(renderDossierMarkdown(dossier), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    if (format === 'html') {
      // The page is self-contained; nothing in it may run or load anything.
      return c.body(renderDossierHtml(dossier), 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
      });
    }
    return c.json(dossier);
  });

  // ---- entities and quotes -------------------------------------------------------------------------------------
  app.get('/api/entities', async (c) => {
    const { limit, offset, q, type } = parse(S.EntityQuery, c.req.query());
    const { entities } = await derived.current();
    const needle = q ? normaliseName(q) : '';
    const matching = entities.filter(
      (e) => (!type || e.summary.type === type) && (!needle || [e.summary.name, ...e.summary.aliases].some((n) => normaliseName(n).includes(needle))),
    );
    return c.json(page(matching.slice(offset, offset + limit).map((e) => e.summary), matching.length, limit, offset));
  });

  app.get('/api/entities/:id', async (c) => {
    const id = c.req.param('id');
    const snapshot = await derived.current();
    const record = snapshot.entityById.get(id);
    if (!record) throw new ApiError(404, 'not-found', `no entity with id "${id}"`);
    return c.json(entityDetail(record, snapshot.storyById));
  });

  app.get('/api/quotes', async (c) => {
    const { limit, offset, speaker, q, storyId } = parse(S.QuoteQuery, c.req.query());
    const { quotes } = await derived.current();
    const who = speaker ? normaliseName(speaker) : '';
    const words = q ? q.toLowerCase() : '';
    const matching = quotes.filter(
      (x) => (!who || normaliseName(x.speaker ?? '').includes(who)) && (!words || x.text.toLowerCase().includes(words)) && (!storyId || x.storyId === storyId),
    );
    return c.json(page(matching.slice(offset, offset + limit), matching.length, limit, offset));
  });

  app.all('/api/*', (c) => errorResponse(c, new ApiError(404, 'route-not-found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`)));

  if (options.webRoot) app.get('*', serveWebApp(options.webRoot));

  async function freshStories(): Promise<S.StorySummaryT[]> {
    derived.invalidate();
    return [...(await derived.current()).stories];
  }

  return {
    app,
    jobs,
    subscriptions,
    close: async () => {
      subscriptions.close();
      await jobs.idle();
    },
  };
}

// ---- helpers -------------------------------------------------------------------------------------------------------

function errorResponse(c: Context, error: ApiError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
  return c.json(body, error.status);
}

/** Validates against a schema, turning zod's issues into a 400 that names each bad field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, field?: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: [field, ...i.path.map(String)].filter(Boolean).join('.') || '(body)', message: i.message }));
  throw new ApiError(400, 'bad-request', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

function requireContentType(c: Context, wanted: string): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== wanted) throw new ApiError(415, 'unsupported-media-type', `expected Content-Type ${wanted}, got ${type ? JSON.stringify(type) : 'none'}`);
}

async function jsonBody(c: Context): Promise<unknown> {
  requireContentType(c, 'application/json');
  try {
    return await c.req.json();
  } catch (error) {
    throw new ApiError(400, 'invalid-json', `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function limit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => errorResponse(c, new ApiError(413, 'payload-too-large', `the request body is over the ${Math.round(maxSize / 1024)} kB limit`)),
  });
}

function refusePrivate(url: string, allowed: boolean): void {
  if (allowed) return;
  const host = literalPrivateHost(url);
  if (host) {
    throw new ApiError(400, 'private-network', `refused ${url}: ${host} is a loopback or private address (the operator can allow it with --allow-private-network)`);
  }
}

function describeBatch(urls: number, texts: number): string {
  const parts = [urls > 0 ? `${urls} URL${urls === 1 ? '' : 's'}` : '', texts > 0 ? `${texts} text${texts === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' and ');
}

function accepted(job: S.JobT): z.infer<typeof S.JobAccepted> {
  return { job, links: { self: `/api/jobs/${job.id}`, events: `/api/jobs/${job.id}/events` } };
}

function jobOr404(jobs: JobQueue, id: string): S.JobT {
  const job = jobs.get(id);
  if (!job) throw new ApiError(404, 'not-found', `no job with id "${id}" (jobs are kept in memory until the server restarts)`);
  return job;
}

/** A job without its item list, for events that already carry the item. */
function summaryOf(job: S.JobT): Omit<S.JobT, 'items'> {
  const { items: _items, ...rest } = job;
  return rest;
}

function withStory<T extends { id: string }>(row: T, storyId: string | undefined): T & { storyId?: string } {
  return storyId ? { ...row, storyId } : row;
}

function page<T>(items: readonly T[], total: number, limit: number, offset: number) {
  const next = offset + items.length;
  return { items: [...items], total, limit, offset, ...(next < total && items.length > 0 ? { nextOffset: next } : {}) };
}

async function storyChange(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = (error as Error).message;
    if (/no story with id/.test(message)) throw new ApiError(404, 'not-found', message);
    throw new ApiError(400, 'bad-request', message);
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Reads are open; anything that changes the store needs the token when one is set. */
function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token && c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      if (!given || !constantTimeEqual(given, token)) {
        c.header('WWW-Authenticate', 'Bearer realm="triangulate"');
        return errorResponse(c, new ApiError(401, 'unauthorized', 'this server needs a token for writes: send Authorization: Bearer <token>'));
      }
    }
    await next();
  };
}

/** Strong ETag = hash of the body; If-None-Match that matches turns a 200 into a bodiless 304. */
const etags: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || c.res.status !== 200) return;
  if ((c.res.headers.get('content-type') ?? '').startsWith('text/event-stream')) return;
  const body = new Uint8Array(await c.res.clone().arrayBuffer());
  const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const wanted = (c.req.header('if-none-match') ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter(Boolean);
  if (wanted.includes(tag) || wanted.includes('*')) {
    c.res = new Response(null, { status: 304, headers: { ETag: tag, 'Cache-Control': 'no-cache' } });
    return;
  }
  c.res.headers.set('ETag', tag);
  c.res.headers.set('Cache-Control', 'no-cache');
};

const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('X-Frame-Options', 'DENY');
  if (!h.has('Content-Security-Policy')) {
    // The web app loads only its own bundle; article text is rendered as text, never as HTML.
    h.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  }
};
