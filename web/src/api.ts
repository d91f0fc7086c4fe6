/** Thin client for the Triangulate API; the types come from the server's own schemas and the dossier contract. */
import type { Dossier } from '../../src/fuse/types.js';
import type { ArticleDetailT, JobT, StorySummaryT } from '../../src/server/schemas.js';

export type { Dossier, ArticleDetailT, JobT, StorySummaryT };
export type {
  Citation,
  DossierArticle,
  DossierEntity,
  DossierEvent,
  DossierQuote,
  Disagreement,
  Fact,
  SpanRef,
  Support,
  TimelineEntry,
} from '../../src/fuse/types.js';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  nextOffset?: number;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'triangulate.token';
export const tokenStore = {
  get: (): string => localStorage.getItem(TOKEN_KEY) ?? '',
  set: (value: string): void => (value ? localStorage.setItem(TOKEN_KEY, value) : localStorage.removeItem(TOKEN_KEY)),
};

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = tokenStore.get();
  const headers = new Headers(init.headers);
  if (token && init.method && init.method !== 'GET') headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiFailure(res.status, message);
  }
  return (await res.json()) as T;
}

export const api = {
  stories: (q: string, offset = 0, limit = 50) =>
    request<Page<StorySummaryT>>(`/api/stories?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(offset), limit: String(limit) })}`),
  story: (id: string) => request<StorySummaryT>(`/api/stories/${encodeURIComponent(id)}`),
  dossier: (id: string) => request<Dossier>(`/api/stories/${encodeURIComponent(id)}/dossier`),
  article: (id: string) => request<ArticleDetailT>(`/api/articles/${encodeURIComponent(id)}`),
  job: (id: string) => request<JobT>(`/api/jobs/${encodeURIComponent(id)}`),
  ingest: (body: unknown) =>
    request<{ job: JobT; links: { self: string; events: string } }>('/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  upload: (files: readonly File[], defaultPublished: string) => {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    if (defaultPublished) form.append('defaultPublished', defaultPublished);
    return request<{ job: JobT; links: { self: string; events: string } }>('/api/ingest/files', { method: 'POST', body: form });
  },
};

/** Article texts are immutable (id = content hash), so one fetch per article is enough for the session. */
const articleCache = new Map<string, Promise<ArticleDetailT>>();
export function loadArticle(id: string): Promise<ArticleDetailT> {
  let p = articleCache.get(id);
  if (!p) {
    p = api.article(id);
    p.catch(() => articleCache.delete(id));
    articleCache.set(id, p);
  }
  return p;
}
