import type { ArticleMetadata, MetadataSource, Sourced } from '../../model/index.js';
import { cleanAuthors } from './authors.js';
import { dateFromUrl, findDateInText, normaliseDate } from './dates.js';
import { collapseWhitespace, forEachElement, idAndClass, rawTextOf, textOf, type Document, type Element } from './dom.js';
import { readJsonLd, type JsonLdArticle } from './jsonld.js';

/** Everything metadata is read from, gathered in one walk over the page. */
interface PageFacts {
  /** meta property/name/itemprop (lower-cased) → first non-empty content. */
  readonly metas: Map<string, string>;
  readonly jsonLdScripts: string[];
  canonical?: string;
  titleElement?: string;
  htmlLang?: string;
  firstH1?: string;
  readonly times: Array<{ readonly datetime: string; readonly role: 'published' | 'modified' | 'plain' }>;
  readonly bylines: string[];
  readonly dateLines: string[];
}

const BYLINE_CLASS = /byline|author|writer|reporter|contributor|autor|auteur/;
const NOT_BYLINE_CLASS = /bio|about|avatar|image|img|photo|desc|more|other|related|social|follow|box|card/;
const DATE_CLASS = /date|time|publish|posted|dateline|meta|byline/;
/** Byline and date elements are short; longer ones are bios or whole article headers. */
const MAX_BYLINE_TEXT = 150;
const MAX_BYLINES = 8;
const MAX_DATE_LINES = 8;

function gatherFacts(doc: Document): PageFacts {
  const facts: PageFacts = { metas: new Map(), jsonLdScripts: [], times: [], bylines: [], dateLines: [] };
  forEachElement(doc, (el) => {
    const a = el.attribs;
    switch (el.name) {
      case 'html':
        if (a['lang'] && facts.htmlLang === undefined) facts.htmlLang = a['lang'];
        break;
      case 'meta': {
        const key = (a['property'] ?? a['name'] ?? a['itemprop'] ?? a['http-equiv'])?.toLowerCase().trim();
        const content = a['content']?.trim();
        if (key && content && !facts.metas.has(key)) facts.metas.set(key, content);
        return;
      }
      case 'link': {
        const rel = a['rel']?.toLowerCase() ?? '';
        if (rel.split(/\s+/).includes('canonical') && a['href'] && facts.canonical === undefined) facts.canonical = a['href'].trim();
        return;
      }
      case 'title':
        if (facts.titleElement === undefined && !isInSvg(el)) facts.titleElement = textOf(el);
        return;
      case 'script':
        if (a['type']?.toLowerCase().includes('ld+json')) facts.jsonLdScripts.push(rawTextOf(el));
        return;
      case 'h1':
        if (facts.firstH1 === undefined) {
          const t = textOf(el);
          if (t !== '') facts.firstH1 = t;
        }
        break;
      case 'time': {
        const datetime = a['datetime'] ?? a['content'];
        if (datetime) {
          const hint = `${a['itemprop'] ?? ''} ${idAndClass(el)} ${a['pubdate'] !== undefined ? 'pubdate' : ''}`.toLowerCase();
          const role = /modif|updat/.test(hint) ? 'modified' : /publish|pubdate|created|posted/.test(hint) ? 'published' : 'plain';
          facts.times.push({ datetime, role });
        }
        break;
      }
    }
    const itemprop = a['itemprop']?.toLowerCase();
    if (itemprop !== undefined && el.name !== 'meta') {
      const content = a['content'] ?? a['datetime'];
      if (content && !facts.metas.has(itemprop)) facts.metas.set(itemprop, content.trim());
      if (itemprop === 'author' || itemprop === 'creator') pushByline(facts, el);
    }
    if (a['rel']?.toLowerCase() === 'author') pushByline(facts, el);
    const names = idAndClass(el);
    if (names !== '') {
      if (BYLINE_CLASS.test(names) && !NOT_BYLINE_CLASS.test(names)) pushByline(facts, el);
      if (DATE_CLASS.test(names) && facts.dateLines.length < MAX_DATE_LINES) {
        const t = textOf(el);
        if (t !== '' && t.length <= MAX_BYLINE_TEXT) facts.dateLines.push(t);
      }
    }
  });
  return facts;
}

function isInSvg(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.type === 'tag' && (p as Element).name === 'svg') return true;
  return false;
}

function pushByline(facts: PageFacts, el: Element): void {
  if (facts.bylines.length >= MAX_BYLINES) return;
  const t = textOf(el);
  if (t !== '' && t.length <= MAX_BYLINE_TEXT) facts.bylines.push(t);
}

function sourced<T>(value: T, source: MetadataSource): Sourced<T> {
  return { value, source };
}

/** meta keys for the publication date, most specific first; the ones that start `og:`/`article:` are Open Graph. */
const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article:published', 'published_time',
  'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'parsely-pub-date',
  'sailthru.date', 'article.published', 'article_date_original', 'original-publish-date', 'cxenseparse:recs:publishtime',
  'dc.date.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.created', 'citation_publication_date',
  'citation_date', 'date', 'og:pubdate', 'release_date', 'created', 'displaydate', 'timestamp',
];
const MODIFIED_KEYS = [
  'article:modified_time', 'og:updated_time', 'og:article:modified_time', 'datemodified', 'article.updated',
  'last-modified', 'dc.date.modified', 'dcterms.modified', 'lastmod', 'modified', 'updated',
];

function dateFromMetas(metas: ReadonlyMap<string, string>, keys: readonly string[]): Sourced<string> | undefined {
  for (const key of keys) {
    const raw = metas.get(key);
    if (raw === undefined) continue;
    const value = normaliseDate(raw);
    if (value) return sourced(value, key.startsWith('og:') || key.startsWith('article:') ? 'open-graph' : 'meta');
  }
  return undefined;
}

const PUBLISHED_WORDS = /\b(?:published|posted|updated|publicado|publié|veröffentlicht|pubblicato|on)\b|\d{4}/i;

function publishedDate(facts: PageFacts, ld: JsonLdArticle | undefined, url: string | undefined): Sourced<string> | undefined {
  if (ld?.datePublished && ld.isNews) {
    const v = normaliseDate(ld.datePublished);
    if (v) return sourced(v, 'json-ld');
  }
  const fromMeta = dateFromMetas(facts.metas, PUBLISHED_KEYS);
  if (fromMeta) return fromMeta;
  if (ld?.datePublished) {
    const v = normaliseDate(ld.datePublished);
    if (v) return sourced(v, 'json-ld');
  }
  const times = [...facts.times.filter((t) => t.role === 'published'), ...facts.times.filter((t) => t.role === 'plain')];
  for (const t of times) {
    const v = normaliseDate(t.datetime);
    if (v) return sourced(v, 'time-element');
  }
  if (url) {
    const v = dateFromUrl(url);
    if (v) return sourced(v, 'url');
  }
  for (const line of facts.dateLines) {
    if (!PUBLISHED_WORDS.test(line)) continue;
    const v = findDateInText(line);
    if (v) return sourced(v, 'byline-text');
  }
  return undefined;
}

function modifiedDate(facts: PageFacts, ld: JsonLdArticle | undefined): Sourced<string> | undefined {
  if (ld?.dateModified) {
    const v = normaliseDate(ld.dateModified);
    if (v) return sourced(v, 'json-ld');
  }
  const fromMeta = dateFromMetas(facts.metas, MODIFIED_KEYS);
  if (fromMeta) return fromMeta;
  for (const t of facts.times) {
    if (t.role !== 'modified') continue;
    const v = normaliseDate(t.datetime);
    if (v) return sourced(v, 'time-element');
  }
  return undefined;
}

const TITLE_SEPARATORS = /\s+[|\-–—:·•»/]\s+|\s*\|\s*|\s+::\s+/;
/** A title segment this short beside a much longer one is a site name or section, not part of the headline. */
const MAX_SITE_SEGMENT_WORDS = 4;

/** Removes a " | Site Name" (or "Site Name - ") decoration from a page title. */
export function stripSiteName(title: string, siteName: string | undefined, host: string | undefined): string {
  const parts = title.split(TITLE_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return title.trim();
  const site = siteName?.toLowerCase();
  const hostCore = host?.replace(/^www\./, '').split('.')[0]?.toLowerCase();
  const isSite = (p: string): boolean => {
    const l = p.toLowerCase();
    const squeezed = l.replace(/[^\p{L}\p{N}]/gu, '');
    return (site !== undefined && (l === site || squeezed === site.replace(/[^\p{L}\p{N}]/gu, ''))) || (hostCore !== undefined && squeezed === hostCore) || (hostCore !== undefined && l.includes(hostCore + '.'));
  };
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSite(parts[end - 1]!)) end--;
  while (end - start > 1 && isSite(parts[start]!)) start++;
  if (start === 0 && end === parts.length) {
    // No segment names the site: drop a short trailing segment after a long headline ("Headline | News").
    const last = parts[parts.length - 1]!;
    const rest = parts.slice(0, -1).join(' ');
    if (last.split(/\s+/).length <= MAX_SITE_SEGMENT_WORDS && rest.split(/\s+/).length >= 3 * last.split(/\s+/).length && /\s[|\-–—]\s/.test(title)) end--;
  }
  if (start === 0 && end === parts.length) return title.trim();
  // Rebuild from the original string to keep the headline's own punctuation (a colon inside it).
  const first = parts[start]!;
  const lastKept = parts[end - 1]!;
  const from = title.indexOf(first);
  const to = title.lastIndexOf(lastKept) + lastKept.length;
  return from >= 0 && to > from ? title.slice(from, to).trim() : parts.slice(start, end).join(' ');
}

/** A byline inside a date/meta line starts with "By" in one of the languages news is written in. */
const BYLINE_LEAD = /^(?:by|von|por|par|door|di|av|af)\s+\p{Lu}/iu;
const SITE_SUFFIX = /\s+[|\-–—]\s+([^|\-–—]+)$/;

/** "Headline | Site Name": the short last segment of the page title, when nothing better names the outlet. */
function siteNameFromTitle(title: string): string | undefined {
  const m = SITE_SUFFIX.exec(title);
  if (!m) return undefined;
  const suffix = m[1]!.trim();
  const words = suffix.split(/\s+/).length;
  const headlineWords = title.slice(0, m.index).split(/\s+/).length;
  return words <= MAX_SITE_SEGMENT_WORDS && headlineWords > words ? suffix : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function resolveUrl(href: string, base: string | undefined): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

function primaryLanguage(tag: string): string | undefined {
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

export interface PageMetadata {
  readonly metadata: ArticleMetadata;
  /** JSON-LD `articleBody`, a guide for finding the visible article (not used as the text itself). */
  readonly articleBodyHint?: string;
}

/** Reads title, authors, outlet, dates, URLs, language and description from the page, recording where each came from. */
export function extractMetadata(doc: Document, pageUrl: string | undefined): PageMetadata {
  const facts = gatherFacts(doc);
  const ld = readJsonLd(facts.jsonLdScripts);
  const metas = facts.metas;
  const m: { -readonly [K in keyof ArticleMetadata]: ArticleMetadata[K] } = {};

  const siteName = metas.get('og:site_name');
  if (siteName) m.outlet = sourced(collapseWhitespace(siteName), 'open-graph');
  else if (ld?.publisher) m.outlet = sourced(collapseWhitespace(ld.publisher), 'json-ld');
  else if (metas.get('application-name')) m.outlet = sourced(collapseWhitespace(metas.get('application-name')!), 'meta');

  if (pageUrl) m.url = sourced(pageUrl, 'input-hint');
  if (facts.canonical) {
    const v = resolveUrl(facts.canonical, pageUrl);
    if (v) m.canonicalUrl = sourced(v, 'link-element');
  }
  if (!m.canonicalUrl && metas.get('og:url')) {
    const v = resolveUrl(metas.get('og:url')!, pageUrl);
    if (v) m.canonicalUrl = sourced(v, 'open-graph');
  }
  const host = hostOf(pageUrl ?? m.canonicalUrl?.value);
  if (!m.outlet && facts.titleElement) {
    const suffix = siteNameFromTitle(collapseWhitespace(facts.titleElement));
    if (suffix) m.outlet = sourced(suffix, 'title-element');
  }
  if (!m.outlet && host) m.outlet = sourced(host.replace(/^www\./, ''), 'url');

  const outletName = m.outlet?.source === 'url' ? undefined : m.outlet?.value;
  const titleCandidates: Array<[string | undefined, MetadataSource]> = [
    [metas.get('og:title'), 'open-graph'],
    [ld?.headline, 'json-ld'],
    [metas.get('twitter:title'), 'meta'],
    [facts.firstH1, 'heading'],
    [facts.titleElement, 'title-element'],
  ];
  for (const [raw, source] of titleCandidates) {
    if (!raw) continue;
    const clean = stripSiteName(collapseWhitespace(raw), outletName, host);
    if (clean !== '') {
      m.title = sourced(clean, source);
      break;
    }
  }

  const authorSources: Array<[readonly string[], MetadataSource]> = [
    [ld?.authors ?? [], 'json-ld'],
    [[metas.get('author'), metas.get('article:author'), metas.get('parsely-author'), metas.get('sailthru.author'), metas.get('dc.creator')].filter((x): x is string => x !== undefined && !/^https?:/.test(x)), 'meta'],
    [[...facts.bylines, ...facts.dateLines.filter((line) => BYLINE_LEAD.test(line))], 'byline-text'],
  ];
  for (const [raw, source] of authorSources) {
    const names = cleanAuthors(raw, outletName);
    if (names.length > 0) {
      m.authors = sourced(names, source);
      break;
    }
  }

  const published = publishedDate(facts, ld, pageUrl ?? m.canonicalUrl?.value);
  if (published) m.published = published;
  const modified = modifiedDate(facts, ld);
  if (modified) m.modified = modified;

  const languageCandidates: Array<[string | undefined, MetadataSource]> = [
    [facts.htmlLang, 'html-lang'],
    [metas.get('og:locale'), 'open-graph'],
    [metas.get('content-language') ?? metas.get('language') ?? metas.get('dc.language'), 'meta'],
    [ld?.inLanguage, 'json-ld'],
  ];
  for (const [raw, source] of languageCandidates) {
    const v = raw ? primaryLanguage(raw) : undefined;
    if (v) {
      m.language = sourced(v, source);
      break;
    }
  }

  const description = metas.get('description') ?? undefined;
  if (description) m.description = sourced(collapseWhitespace(description), 'meta');
  else if (metas.get('og:description')) m.description = sourced(collapseWhitespace(metas.get('og:description')!), 'open-graph');
  else if (ld?.description) m.description = sourced(collapseWhitespace(ld.description), 'json-ld');

  return ld?.articleBody ? { metadata: m, articleBodyHint: ld.articleBody } : { metadata: m };
}
