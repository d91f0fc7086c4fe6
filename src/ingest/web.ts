import type { InputHints, RawFormat } from '../model/index.js';
import { decodeBytes } from './decode.js';
import { documentItem } from './document.js';
import { isFullContent, parseFeed, type FeedEntry, type ParsedFeed } from './feed.js';
import { GunzipError, gunzipBytes } from './gzip.js';
import { fetchDocument, type FetchContext, type FetchedDocument } from './http.js';
import { isGzip, looksLikeFeed, looksLikeMarkup, rootElementName } from './sniff.js';
import { fail, type IngestItem } from './types.js';
import { quoteShort, utf8 } from './util.js';

/**
 * Feed item links fetched at once. A few in flight hide network latency on a 50-item feed
 * while staying polite to one publisher's server; results still come out in feed order.
 */
export const FEED_FETCH_CONCURRENCY = 4;

export interface WebContext {
  readonly fetch: FetchContext;
}

/** Page markup so unmistakable (doctype or <html> first) that a text/plain label is the server's mistake. */
function startsLikeHtmlDocument(bytes: Uint8Array): boolean {
  const name = rootElementName(bytes)?.toLowerCase();
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64)).toString('latin1');
  return name === 'html' || /^\s*<!doctype\s+html/i.test(head);
}

/** What a fetched body is, from its declared kind and its first bytes. */
function bodyFormat(doc: FetchedDocument, bytes: Uint8Array): RawFormat | 'feed' | { notFeed: string } {
  if (looksLikeFeed(bytes)) return 'feed';
  switch (doc.kind) {
    case 'html':
      return 'html';
    case 'markdown':
      return 'markdown';
    case 'text':
      return startsLikeHtmlDocument(bytes) ? 'html' : 'text';
    case 'xml': {
      const root = rootElementName(bytes);
      return root?.toLowerCase() === 'html' ? 'html' : { notFeed: root === undefined ? 'it has no root element' : `its root element is <${root}>` };
    }
    case 'unknown':
      return looksLikeMarkup(bytes) ? 'html' : 'text';
  }
}

/** Transport decompression fetch did not do (a .html.gz served as a file): gunzip by magic bytes. */
function unwrapGzip(bytes: Uint8Array, label: string, maxBytes: number): Uint8Array | GunzipError {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipBytes(bytes, label, maxBytes);
  } catch (error) {
    if (error instanceof GunzipError) return error;
    throw error;
  }
}

/** A URL the user named: a page → one item; a feed → its items. */
export async function* urlItems(url: string, ctx: WebContext): AsyncGenerator<IngestItem> {
  const result = await fetchDocument(url, ctx.fetch);
  if (!result.ok) {
    yield fail(url, result.rule, result.message);
    return;
  }
  const { doc } = result;
  const maxBytes = ctx.fetch.options.maxBytes;
  const bytes = unwrapGzip(doc.bytes, url, maxBytes);
  if (bytes instanceof GunzipError) {
    yield fail(url, bytes.rule, bytes.message);
    return;
  }
  if (bytes.length === 0) {
    yield fail(url, 'empty-input', `GET ${doc.finalUrl} returned an empty body`);
    return;
  }
  const format = bodyFormat(doc, bytes);
  if (format === 'feed') {
    yield* feedItems(bytes, doc.charset, url, doc.finalUrl, ctx, maxBytes);
    return;
  }
  if (typeof format === 'object') {
    yield fail(url, 'not-a-feed', `${url} is XML (${doc.mediaType}) but not an RSS or Atom feed: ${format.notFeed}`);
    return;
  }
  yield documentItem({
    bytes,
    origin: url,
    originKind: 'url',
    format,
    hints: { url: doc.finalUrl },
    declaredCharset: doc.charset,
    label: url,
    maxBytes,
  });
}

interface ItemContext {
  /** `feed.xml#item-3`: where failures are filed. */
  readonly origin: string;
  /** "item 3 of feed.xml (\"Title\")": how messages name the item. */
  readonly describe: string;
  readonly hints: InputHints;
}

/** Fetches a feed item's link; a page → one item, anything else → a failure filed under the item. */
async function fetchItemLink(url: string, ctx: WebContext, item: ItemContext): Promise<IngestItem> {
  const result = await fetchDocument(url, ctx.fetch);
  if (!result.ok) return fail(item.origin, result.rule, `${item.describe}: ${result.message}`);
  const { doc } = result;
  const maxBytes = ctx.fetch.options.maxBytes;
  const bytes = unwrapGzip(doc.bytes, url, maxBytes);
  if (bytes instanceof GunzipError) return fail(item.origin, bytes.rule, `${item.describe}: ${bytes.message}`);
  if (bytes.length === 0) return fail(item.origin, 'empty-input', `${item.describe}: GET ${doc.finalUrl} returned an empty body`);
  const format = bodyFormat(doc, bytes);
  if (format === 'feed' || typeof format === 'object') {
    return fail(item.origin, 'feed-item-not-page', `${item.describe}: its link ${url} is ${doc.mediaType ?? 'XML'}, not an article page`);
  }
  const made = documentItem({
    bytes,
    origin: url,
    originKind: 'feed-item',
    format,
    hints: { ...item.hints, url: doc.finalUrl },
    declaredCharset: doc.charset,
    label: `${item.describe}: ${url}`,
    maxBytes,
  });
  return made.ok ? made : fail(item.origin, made.failure.rule, made.failure.message);
}

function entryHints(entry: FeedEntry, feed: ParsedFeed): InputHints {
  return {
    ...(entry.title !== undefined && { title: entry.title }),
    ...(entry.published !== undefined && { published: entry.published }),
    ...(entry.authors.length > 0 && { authors: entry.authors }),
    ...(feed.language !== undefined && { language: feed.language }),
  };
}

function resolveLink(link: string, base: string | undefined): URL | undefined {
  try {
    return new URL(link, base);
  } catch {
    return undefined;
  }
}

/** Starts up to `limit` tasks ahead of the consumer and yields results in task order. */
async function* inOrder<T>(tasks: Iterable<() => Promise<T>>, limit: number): AsyncGenerator<T> {
  const iterator = tasks[Symbol.iterator]();
  const window: Array<Promise<T>> = [];
  const fill = (): void => {
    while (window.length < limit) {
      const next = iterator.next();
      if (next.done) return;
      window.push(next.value());
    }
  };
  fill();
  for (let head = window.shift(); head !== undefined; head = window.shift()) {
    const value = await head;
    fill();
    yield value;
  }
}

/**
 * A feed's items: full inline content becomes an item straight away; teasers are replaced by
 * the page at the item's link. Each broken item fails alone and the rest continue.
 * `base` resolves relative links (the feed's URL; undefined for a local file).
 */
export async function* feedItems(
  bytes: Uint8Array,
  declaredCharset: string | undefined,
  feedOrigin: string,
  base: string | undefined,
  ctx: WebContext,
  /** Limit for inline item content: the fetch limit for feeds from URLs, the file limit for local ones. */
  maxItemBytes: number,
): AsyncGenerator<IngestItem> {
  let xml: string;
  try {
    xml = decodeBytes(bytes, { ...(declaredCharset !== undefined && { declaredCharset }), sniffMarkup: true }).text;
  } catch (error) {
    yield fail(feedOrigin, 'not-a-feed', `${feedOrigin} cannot be read as a feed: ${(error as Error).message}`);
    return;
  }
  const parsed = parseFeed(xml);
  if (!parsed.ok) {
    yield fail(feedOrigin, 'not-a-feed', `${feedOrigin} is not an RSS or Atom feed: ${parsed.reason}`);
    return;
  }
  const { feed } = parsed;
  if (feed.entries.length === 0) {
    yield fail(feedOrigin, 'empty-feed', `${feedOrigin} is a valid ${feed.kind === 'atom' ? 'Atom' : 'RSS'} feed with no items`, 'warning');
    return;
  }
  // A local feed file has no URL of its own; its site link is the next best base for relative item links.
  const linkBase = base ?? (feed.link !== undefined && /^https?:\/\//i.test(feed.link) ? feed.link : undefined);
  const tasks = feed.entries.map((entry) => () => entryItem(entry, feed, feedOrigin, linkBase, ctx, maxItemBytes));
  yield* inOrder(tasks, FEED_FETCH_CONCURRENCY);
}

async function entryItem(
  entry: FeedEntry,
  feed: ParsedFeed,
  feedOrigin: string,
  base: string | undefined,
  ctx: WebContext,
  maxItemBytes: number,
): Promise<IngestItem> {
  const origin = `${feedOrigin}#item-${entry.index}`;
  const describe = `item ${entry.index} of ${feedOrigin}${entry.title !== undefined ? ` (${quoteShort(entry.title, 60)})` : ''}`;
  const hints = entryHints(entry, feed);
  const url = entry.link === undefined ? undefined : resolveLink(entry.link, base);
  const isHttp = url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:');
  if (entry.content && isFullContent(entry.content)) {
    return documentItem({
      bytes: utf8(entry.content.body),
      origin,
      originKind: 'feed-item',
      format: entry.content.format,
      hints: isHttp ? { ...hints, url: url.href } : hints,
      // The feed was decoded to a string and re-encoded, so these bytes are UTF-8 whatever the content claims.
      declaredCharset: 'utf-8',
      label: describe,
      maxBytes: maxItemBytes,
    });
  }
  const teaser = entry.content ? 'only a short summary' : 'no content';
  if (entry.link === undefined) return fail(origin, 'feed-item-no-link', `${describe} has no link and ${teaser}`);
  if (!isHttp) {
    const why = url === undefined ? 'is not a valid URL' : `is not an http(s) URL`;
    const relative = url === undefined && base === undefined ? ' (relative links need the feed to be read from a URL)' : '';
    return fail(origin, 'feed-item-bad-link', `${describe} has ${teaser} and its link ${quoteShort(entry.link)} ${why}${relative}`);
  }
  return fetchItemLink(url.href, ctx, { origin, describe, hints });
}
