/**
 * The OpenAPI 3.1 document, generated from the zod schemas the handlers validate with and
 * the route table below (which the tests check against the routes the app really serves).
 */
import { z } from 'zod';
import * as S from './schemas.js';

export interface RouteDoc {
  readonly method: 'get' | 'post' | 'delete';
  /** OpenAPI path template, e.g. `/api/articles/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** Needs the Bearer token when the server runs with one. */
  readonly write?: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: { readonly contentType: string; readonly schema: z.ZodType | Record<string, unknown> };
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType; readonly contentType?: string }>>;
}

const ok = (schema: z.ZodType, description = 'OK') => ({ 200: { description, schema } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, { description: ERROR_DESCRIPTIONS[code] ?? 'error', schema: S.ErrorBody }]));
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'the request is malformed; `issues` says which field and why',
  401: 'a write endpoint was called without the right Bearer token',
  404: 'nothing with that id',
  409: 'the id prefix is ambiguous',
  413: 'the body is over the size limit',
  415: 'wrong Content-Type',
};
const notModified = { 304: { description: 'unchanged since the ETag given in If-None-Match' } };

export const ROUTES: readonly RouteDoc[] = [
  { method: 'get', path: '/api/health', summary: 'liveness and article count', tag: 'meta', responses: ok(S.Health) },
  {
    method: 'post',
    path: '/api/ingest',
    summary: 'ingest URLs, feeds and pasted texts in the background; returns a job at once',
    tag: 'ingest',
    write: true,
    body: { contentType: 'application/json', schema: S.IngestRequest },
    responses: { 202: { description: 'accepted; poll the job or follow its events', schema: S.JobAccepted }, ...errors(400, 401, 413, 415) },
  },
  {
    method: 'post',
    path: '/api/ingest/files',
    summary: 'ingest uploaded files (HTML, text, Markdown, JSON records, feeds, WARC; gzip accepted) in the background',
    tag: 'ingest',
    write: true,
    body: {
      contentType: 'multipart/form-data',
      schema: {
        type: 'object',
        properties: {
          files: { type: 'array', items: { type: 'string', format: 'binary' } },
          defaultPublished: { type: 'string', description: 'YYYY-MM-DD for files that state no publication date' },
        },
        required: ['files'],
      },
    },
    responses: { 202: { description: 'accepted', schema: S.JobAccepted }, ...errors(400, 401, 413, 415) },
  },
  { method: 'get', path: '/api/jobs', summary: 'recent ingest jobs, newest first', tag: 'ingest', responses: ok(S.JobList) },
  { method: 'get', path: '/api/jobs/{id}', summary: 'one job and its progress', tag: 'ingest', params: S.IdParam, responses: { ...ok(S.Job), ...errors(404) } },
  {
    method: 'get',
    path: '/api/jobs/{id}/events',
    summary: 'job progress as server-sent events: `snapshot` first, then `item` per input, then `done`',
    tag: 'ingest',
    params: S.IdParam,
    responses: { 200: { description: 'an event stream', contentType: 'text/event-stream' }, ...errors(404) },
  },
  { method: 'get', path: '/api/subscriptions', summary: 'feeds polled on an interval', tag: 'ingest', responses: ok(S.SubscriptionList) },
  {
    method: 'post',
    path: '/api/subscriptions',
    summary: 'subscribe to a feed: polled now and then every intervalMinutes',
    tag: 'ingest',
    write: true,
    body: { contentType: 'application/json', schema: S.SubscriptionRequest },
    responses: { 201: { description: 'created', schema: S.Subscription }, ...errors(400, 401, 415) },
  },
  {
    method: 'delete',
    path: '/api/subscriptions/{id}',
    summary: 'stop polling a feed',
    tag: 'ingest',
    write: true,
    params: S.IdParam,
    responses: { 204: { description: 'removed' }, ...errors(401, 404) },
  },
  {
    method: 'get',
    path: '/api/articles',
    summary: 'stored articles, newest first',
    tag: 'articles',
    query: S.Pagination,
    responses: { ...ok(S.ArticlePage), ...notModified, ...errors(400) },
  },
  {
    method: 'get',
    path: '/api/articles/search',
    summary: 'full-text search over titles and text (words ANDed; "phrases" and OR work)',
    tag: 'articles',
    query: S.SearchQuery,
    responses: { ...ok(S.SearchResult), ...notModified, ...errors(400) },
  },
  {
    method: 'get',
    path: '/api/articles/{id}',
    summary: 'one article with its text and blocks (id or a unique prefix of at least 4 characters)',
    tag: 'articles',
    params: S.IdParam,
    responses: { ...ok(S.ArticleDetail), ...notModified, ...errors(404, 409) },
  },
  {
    method: 'get',
    path: '/api/stories',
    summary: 'stories, newest first, with outlet, disagreement and fact counts',
    tag: 'stories',
    query: S.StoryQuery,
    responses: { ...ok(S.StoryPage), ...notModified, ...errors(400) },
  },
  { method: 'get', path: '/api/stories/{id}', summary: 'one story summary', tag: 'stories', params: S.IdParam, responses: { ...ok(S.StorySummary), ...notModified, ...errors(404) } },
  {
    method: 'get',
    path: '/api/stories/{id}/dossier',
    summary: 'the cross-checked dossier as JSON, Markdown or a self-contained HTML page',
    tag: 'stories',
    params: S.IdParam,
    query: S.DossierFormatQuery,
    responses: { ...ok(S.DossierSchema, 'the dossier (text/markdown or text/html for format=md|html)'), ...notModified, ...errors(400, 404) },
  },
  { method: 'post', path: '/api/stories/recluster', summary: 're-cluster every stored article', tag: 'stories', write: true, responses: { ...ok(S.StoryList), ...errors(401) } },
  {
    method: 'post',
    path: '/api/stories/merge',
    summary: 'merge two stories (the older id survives); survives re-clustering',
    tag: 'stories',
    write: true,
    body: { contentType: 'application/json', schema: S.MergeRequest },
    responses: { ...ok(S.StoryList), ...errors(400, 401, 404, 415) },
  },
  {
    method: 'post',
    path: '/api/stories/{id}/split',
    summary: 'move some articles of a story into a new story',
    tag: 'stories',
    write: true,
    params: S.IdParam,
    body: { contentType: 'application/json', schema: S.SplitRequest },
    responses: { ...ok(S.StoryList), ...errors(400, 401, 404, 415) },
  },
  {
    method: 'get',
    path: '/api/entities',
    summary: 'people, organisations and places across all articles, most mentioned first',
    tag: 'entities',
    query: S.EntityQuery,
    responses: { ...ok(S.EntityPage), ...notModified, ...errors(400) },
  },
  {
    method: 'get',
    path: '/api/entities/{id}',
    summary: 'one entity with every story it appears in',
    tag: 'entities',
    params: S.IdParam,
    responses: { ...ok(S.EntityDetail), ...notModified, ...errors(404) },
  },
  {
    method: 'get',
    path: '/api/quotes',
    summary: 'quotes and reported speech, searchable by speaker or words',
    tag: 'quotes',
    query: S.QuoteQuery,
    responses: { ...ok(S.QuotePage), ...notModified, ...errors(400) },
  },
];

type JsonObject = Record<string, unknown>;

function strip(schema: JsonObject): JsonObject {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** A schema inline in input mode (defaults make fields optional), unwrapping the `$defs` a registered schema lands in. */
function inputSchema(schema: z.ZodType): JsonObject {
  const json = strip(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject);
  const ref = typeof json['$ref'] === 'string' ? /^#\/\$defs\/(.+)$/.exec(json['$ref'])?.[1] : undefined;
  const defs = json['$defs'] as Record<string, JsonObject> | undefined;
  return ref && defs?.[ref] ? { ...defs[ref] } : json;
}

function refOrInline(schema: z.ZodType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : inputSchema(schema);
}

function parameters(shape: z.ZodObject | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!shape) return [];
  const json = inputSchema(shape);
  const properties = (json['properties'] ?? {}) as Record<string, JsonObject>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: where, required: where === 'path' || required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

export function buildOpenApiDocument(options: { version: string; tokenRequired: boolean }): JsonObject {
  const components = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, io: 'output', unrepresentable: 'any' });
  const schemas = Object.fromEntries(Object.entries(components.schemas).map(([id, s]) => [id, strip(s as JsonObject)]));
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of ROUTES) {
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([code, r]) => [
        code,
        {
          description: r.description,
          ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: refOrInline(r.schema) } } } : r.contentType ? { content: { [r.contentType]: {} } } : {}),
        },
      ]),
    );
    const body = route.body
      ? {
          requestBody: {
            required: true,
            content: { [route.body.contentType]: { schema: route.body.schema instanceof z.ZodType ? inputSchema(route.body.schema) : route.body.schema } },
          },
        }
      : {};
    const params = [...parameters(route.params, 'path'), ...parameters(route.query, 'query')];
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(params.length > 0 ? { parameters: params } : {}),
      ...body,
      responses,
      ...(route.write ? { security: [{ bearer: [] }] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Triangulate',
      version: options.version,
      description:
        'Turns raw news reports from many outlets into cross-checked story dossiers. GET responses carry an ETag; send it back in If-None-Match to get 304. ' +
        (options.tokenRequired ? 'Write endpoints need `Authorization: Bearer <token>`.' : 'This server runs without a token: write endpoints are open.'),
    },
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
