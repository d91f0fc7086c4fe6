import { parseDocument } from 'htmlparser2';
import { isTag, type Element } from 'domhandler';
import { getElementsByTagName, getInnerHTML, textContent } from 'domutils';
import { cleanAuthors, cleanTitle, normaliseDate, normaliseLanguage } from './hints.js';

/**
 * Feed items whose inline content has this much text are taken as the article itself
 * rather than a teaser: news articles run well past 1,500 characters, while feed
 * summaries are a sentence or two.
 */
export const FULL_CONTENT_MIN_CHARS = 1500;
/** …or this many real paragraphs: a short article published in full still has several. */
export const FULL_CONTENT_MIN_PARAGRAPHS = 5;
/** A `<p>` counts as a paragraph only with this much text, so "Read more" and empty spacers do not. */
const MIN_PARAGRAPH_CHARS = 40;

export interface FeedEntry {
  /** 1-based position in the feed. */
  readonly index: number;
  readonly title?: string;
  /** The item link as written, resolved against xml:base when there is one (not yet against the feed URL). */
  readonly link?: string;
  readonly published?: string;
  readonly authors: readonly string[];
  /** The longest inline content (full content or summary), with what it is. */
  readonly content?: { readonly body: string; readonly format: 'html' | 'text' };
}

export interface ParsedFeed {
  readonly kind: 'rss' | 'atom' | 'rdf';
  readonly title?: string;
  /** The site the feed belongs to (RSS channel link, Atom alternate link): the base for relative item links. */
  readonly link?: string;
  readonly language?: string;
  readonly entries: readonly FeedEntry[];
}

export type FeedParse = { readonly ok: true; readonly feed: ParsedFeed } | { readonly ok: false; readonly reason: string };

function child(parent: Element, name: string): Element | undefined {
  return getElementsByTagName(name, parent.children, false, 1)[0];
}

function childrenNamed(parent: Element, name: string): Element[] {
  return getElementsByTagName(name, parent.children, false);
}

function text(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  const value = textContent(element).trim();
  return value === '' ? undefined : value;
}

/** Resolves `href` against an xml:base chain; leaves it as is when that is impossible (relative without base). */
function resolveAgainst(href: string, base: string | undefined): string {
  if (!base) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

function xmlBase(element: Element, inherited: string | undefined): string | undefined {
  const own = element.attribs['xml:base'];
  return own ? resolveAgainst(own, inherited) : inherited;
}

/** Parses RSS 2.0, RSS 1.0 (RDF) or Atom. Never throws: a document without a feed root gives a reason. */
export function parseFeed(xml: string): FeedParse {
  const document = parseDocument(xml, { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const root = document.children.find(isTag);
  if (!root) return { ok: false, reason: 'it contains no XML element' };
  if (root.name === 'feed') return { ok: true, feed: atomFeed(root) };
  if (root.name === 'rss' || root.name === 'rdf:rdf') return { ok: true, feed: rssFeed(root) };
  return { ok: false, reason: `its root element is <${root.name}>, not <rss>, <feed> or <rdf:RDF>` };
}

function rssFeed(root: Element): ParsedFeed {
  const channel = child(root, 'channel');
  const items = getElementsByTagName('item', root.children, true);
  const title = cleanTitle(text(channel && child(channel, 'title')));
  const language = normaliseLanguage(text(channel && (child(channel, 'language') ?? child(channel, 'dc:language'))));
  const link = text(channel && child(channel, 'link'));
  return {
    kind: root.name === 'rss' ? 'rss' : 'rdf',
    ...(title !== undefined && { title }),
    ...(link !== undefined && { link }),
    ...(language !== undefined && { language }),
    entries: items.map((item, i) => rssEntry(item, i + 1)),
  };
}

function rssEntry(item: Element, index: number): FeedEntry {
  const guid = child(item, 'guid');
  const guidLink = guid && guid.attribs['ispermalink'] !== 'false' && /^https?:\/\//i.test(text(guid) ?? '') ? text(guid) : undefined;
  const link = text(child(item, 'feedburner:origlink')) ?? text(child(item, 'link')) ?? guidLink ?? item.attribs['rdf:about'];
  const title = cleanTitle(text(child(item, 'title')));
  const published = normaliseDate(text(child(item, 'pubdate')) ?? text(child(item, 'dc:date')));
  const authors = cleanAuthors([...childrenNamed(item, 'dc:creator'), ...childrenNamed(item, 'author')].map((e) => text(e)));
  const candidates = [text(child(item, 'content:encoded')), text(child(item, 'description'))];
  const content = longest(candidates.filter((c): c is string => c !== undefined).map((body) => ({ body, format: 'html' as const })));
  return {
    index,
    ...(title !== undefined && { title }),
    ...(link !== undefined && { link }),
    ...(published !== undefined && { published }),
    authors,
    ...(content !== undefined && { content }),
  };
}

function atomFeed(root: Element): ParsedFeed {
  const base = xmlBase(root, undefined);
  const title = cleanTitle(text(child(root, 'title')));
  const language = normaliseLanguage(root.attribs['xml:lang']);
  const href = atomLink(root);
  const link = href === undefined ? undefined : resolveAgainst(href, base);
  return {
    kind: 'atom',
    ...(title !== undefined && { title }),
    ...(link !== undefined && { link }),
    ...(language !== undefined && { language }),
    entries: childrenNamed(root, 'entry').map((entry, i) => atomEntry(entry, i + 1, base)),
  };
}

/** The entry's (or feed's) page: rel="alternate" (the default rel) preferred, HTML types first; self/edit/replies links are feed plumbing. */
function atomLink(element: Element): string | undefined {
  const links = childrenNamed(element, 'link').filter((l) => l.attribs['href']);
  const alternates = links.filter((l) => (l.attribs['rel'] ?? 'alternate') === 'alternate');
  const html = alternates.find((l) => /html/i.test(l.attribs['type'] ?? 'text/html'));
  return (html ?? alternates[0])?.attribs['href'];
}

function atomText(element: Element | undefined): { body: string; format: 'html' | 'text' } | undefined {
  if (!element || element.attribs['src']) return undefined;
  const type = (element.attribs['type'] ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const div = getElementsByTagName('div', element.children, false, 1)[0];
    const body = getInnerHTML(div ?? element).trim();
    return body === '' ? undefined : { body, format: 'html' };
  }
  const body = text(element);
  if (body === undefined) return undefined;
  return { body, format: type === 'html' || type.includes('html') ? 'html' : 'text' };
}

function atomEntry(entry: Element, index: number, feedBase: string | undefined): FeedEntry {
  const base = xmlBase(entry, feedBase);
  const href = atomLink(entry);
  const link = href === undefined ? undefined : resolveAgainst(href, base);
  const titleContent = atomText(child(entry, 'title'));
  const title = cleanTitle(titleContent?.format === 'html' ? stripTags(titleContent.body) : titleContent?.body);
  const published = normaliseDate(text(child(entry, 'published')) ?? text(child(entry, 'updated')));
  const authors = cleanAuthors(childrenNamed(entry, 'author').map((a) => text(child(a, 'name'))));
  const content = longest([atomText(child(entry, 'content')), atomText(child(entry, 'summary'))].filter((c) => c !== undefined));
  return {
    index,
    ...(title !== undefined && { title }),
    ...(link !== undefined && { link }),
    ...(published !== undefined && { published }),
    authors,
    ...(content !== undefined && { content }),
  };
}

function longest<T extends { body: string }>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const c of candidates) if (!best || c.body.length > best.body.length) best = c;
  return best;
}

function stripTags(html: string): string {
  return textContent(parseDocument(html).children);
}

/** Whether an item's inline content is the full article (see FULL_CONTENT_MIN_CHARS / _PARAGRAPHS). */
export function isFullContent(content: { body: string; format: 'html' | 'text' }): boolean {
  if (content.format === 'text') {
    const paragraphs = content.body.split(/\n\s*\n/).filter((p) => p.trim().length >= MIN_PARAGRAPH_CHARS).length;
    return content.body.replace(/\s+/g, ' ').trim().length >= FULL_CONTENT_MIN_CHARS || paragraphs >= FULL_CONTENT_MIN_PARAGRAPHS;
  }
  const document = parseDocument(content.body);
  const chars = textContent(document.children).replace(/\s+/g, ' ').trim().length;
  if (chars >= FULL_CONTENT_MIN_CHARS) return true;
  const paragraphs = getElementsByTagName('p', document.children, true).filter(
    (p) => textContent(p).replace(/\s+/g, ' ').trim().length >= MIN_PARAGRAPH_CHARS,
  ).length;
  return paragraphs >= FULL_CONTENT_MIN_PARAGRAPHS;
}

