import { STATUS_CODES } from 'node:http';
import { checkPublicHost, dnsResolver, type Resolver } from './ssrf.js';
import type { FetchOptions } from './types.js';
import { formatBytes, formatSeconds } from './util.js';

/** What the server said the body is, reduced to the cases ingest treats differently. */
export type BodyKind = 'html' | 'text' | 'markdown' | 'xml' | 'unknown';

export interface FetchedDocument {
  /** The URL asked for. */
  readonly url: string;
  /** The URL the body came from, after redirects. */
  readonly finalUrl: string;
  readonly kind: BodyKind;
  readonly mediaType: string | undefined;
  readonly charset: string | undefined;
  readonly bytes: Uint8Array;
}

export type FetchResult =
  | { readonly ok: true; readonly doc: FetchedDocument }
  | { readonly ok: false; readonly rule: string; readonly message: string };

export interface FetchContext {
  readonly options: FetchOptions;
  readonly fetchImpl: typeof fetch;
  /** DNS for the SSRF check; replaceable so tests need no network. */
  readonly resolver?: Resolver;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Media types accepted, by what they are. JSON, PDF, images, audio, video and the rest are refused before the body is read. */
const MEDIA_KINDS: Readonly<Record<string, BodyKind>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/rss+xml': 'xml',
  'application/atom+xml': 'xml',
  'application/rdf+xml': 'xml',
  'application/xml': 'xml',
  'text/xml': 'xml',
  // Misconfigured servers send pages as octet-stream; the body is sniffed (and binary refused) instead.
  'application/octet-stream': 'unknown',
  'binary/octet-stream': 'unknown',
};

const ACCEPT =
  'text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/xml;q=0.8,text/plain;q=0.7,*/*;q=0.1';

export function parseContentType(header: string | null): { mediaType: string | undefined; charset: string | undefined } {
  if (!header) return { mediaType: undefined, charset: undefined };
  const [type, ...params] = header.split(';');
  const mediaType = type?.trim().toLowerCase() || undefined;
  let charset: string | undefined;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (match?.[1]) charset = match[1];
  }
  return { mediaType, charset };
}

function statusText(response: Response): string {
  return response.statusText || STATUS_CODES[response.status] || 'unknown status';
}

/**
 * GETs a URL following redirects by hand (so each hop gets the SSRF check and counts
 * against the cap), refuses unsuitable content types before reading the body, and streams
 * the body under a size cap. One deadline covers the whole exchange, body included, so a
 * server that trickles bytes cannot hold a worker forever.
 */
export async function fetchDocument(url: string, ctx: FetchContext): Promise<FetchResult> {
  const { options } = ctx;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { ok: false, rule: 'invalid-url', message: `${JSON.stringify(url)} is not a valid URL` };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let phase: 'connect' | 'body' = 'connect';
  try {
    for (let hops = 0; ; hops++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        return { ok: false, rule: 'unsupported-scheme', message: `${url} redirected to ${current.href}, which is not an http(s) URL` };
      }
      if (!options.allowPrivateNetwork) {
        // DNS cannot be aborted, so race it against the deadline rather than wait for the OS to give up.
        const check = await untilAborted(checkPublicHost(current, ctx.resolver ?? dnsResolver), controller.signal);
        if (!check.ok) return check;
      }
      phase = 'connect';
      const response = await ctx.fetchImpl(current.href, {
        method: 'GET',
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': options.userAgent, accept: ACCEPT },
      });
      const via = current.href === url ? '' : ` (redirected from ${url})`;
      if (REDIRECT_STATUSES.has(response.status)) {
        await discard(response);
        const location = response.headers.get('location');
        if (!location) {
          return { ok: false, rule: 'bad-redirect', message: `GET ${current.href} returned ${response.status} without a Location header${via}` };
        }
        if (hops >= options.maxRedirects) {
          return {
            ok: false,
            rule: 'too-many-redirects',
            message: `${url} redirected more than ${options.maxRedirects} times (last hop: ${current.href} → ${location})`,
          };
        }
        try {
          current = new URL(location, current);
        } catch {
          return { ok: false, rule: 'bad-redirect', message: `GET ${current.href} redirected to an invalid URL ${JSON.stringify(location)}` };
        }
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await discard(response);
        return {
          ok: false,
          rule: `http-${response.status}`,
          message: `GET ${current.href} returned ${response.status} ${statusText(response)}${via}`,
        };
      }
      const { mediaType, charset } = parseContentType(response.headers.get('content-type'));
      const kind: BodyKind | undefined = mediaType === undefined ? 'unknown' : MEDIA_KINDS[mediaType];
      if (kind === undefined) {
        await discard(response);
        return {
          ok: false,
          rule: 'unsupported-content-type',
          message: `${current.href} is ${mediaType}, not an HTML page, text or feed${via}`,
        };
      }
      const declaredLength = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declaredLength) && declaredLength > options.maxBytes) {
        await discard(response);
        return {
          ok: false,
          rule: 'too-large',
          message: `${current.href} is ${formatBytes(declaredLength)}, over the ${formatBytes(options.maxBytes)} limit${via}`,
        };
      }
      phase = 'body';
      const body = await readCapped(response, options.maxBytes);
      if (body === undefined) {
        controller.abort();
        return {
          ok: false,
          rule: 'too-large',
          message: `${current.href} sent more than the ${formatBytes(options.maxBytes)} limit; stopped reading${via}`,
        };
      }
      return { ok: true, doc: { url, finalUrl: current.href, kind, mediaType, charset, bytes: body } };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      const where = current.href === url ? url : `${url} (at ${current.href})`;
      return phase === 'connect'
        ? { ok: false, rule: 'timeout', message: `no response from ${where} within ${formatSeconds(options.timeoutMs)}` }
        : { ok: false, rule: 'timeout', message: `${where} did not finish sending within ${formatSeconds(options.timeoutMs)}` };
    }
    return networkFailure(current.href, error);
  } finally {
    clearTimeout(timer);
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // the body is unwanted; a failure to cancel it changes nothing
  }
}

/** Reads the body, or returns undefined as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

const NETWORK_ERRORS: Readonly<Record<string, readonly [string, string]>> = {
  ENOTFOUND: ['dns-failed', 'cannot resolve the host of'],
  EAI_AGAIN: ['dns-failed', 'temporary DNS failure resolving the host of'],
  ECONNREFUSED: ['connection-refused', 'connection refused by'],
  ECONNRESET: ['connection-reset', 'connection reset by'],
  EHOSTUNREACH: ['host-unreachable', 'no route to'],
  ENETUNREACH: ['host-unreachable', 'network unreachable for'],
  ETIMEDOUT: ['timeout', 'connection timed out to'],
  UND_ERR_CONNECT_TIMEOUT: ['timeout', 'connection timed out to'],
  UND_ERR_SOCKET: ['connection-reset', 'connection closed unexpectedly by'],
};

function errorCode(error: unknown): { code: string | undefined; message: string } {
  const err = error as { code?: string; message?: string; cause?: unknown; errors?: unknown[] } | undefined;
  const cause = (err?.cause ?? err) as { code?: string; message?: string; errors?: Array<{ code?: string; message?: string }> } | undefined;
  const inner = cause?.errors?.[0];
  return {
    code: cause?.code ?? inner?.code ?? err?.code,
    message: cause?.message || inner?.message || err?.message || String(error),
  };
}

function networkFailure(url: string, error: unknown): FetchResult {
  const { code, message } = errorCode(error);
  const known = code === undefined ? undefined : NETWORK_ERRORS[code];
  if (known) return { ok: false, rule: known[0], message: `${known[1]} ${url} (${code})` };
  if (code !== undefined && /CERT|TLS|SSL|SELF_SIGNED/i.test(code)) {
    return { ok: false, rule: 'tls-error', message: `TLS error for ${url}: ${message} (${code})` };
  }
  return { ok: false, rule: 'fetch-failed', message: `GET ${url} failed: ${message}${code ? ` (${code})` : ''}` };
}
