/**
 * Reads schema.org JSON-LD blocks: finds the article node (NewsArticle first) and
 * resolves author and publisher references through `@graph` ids.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface JsonLdArticle {
  readonly headline?: string;
  readonly datePublished?: string;
  readonly dateModified?: string;
  readonly authors: readonly string[];
  readonly publisher?: string;
  readonly articleBody?: string;
  readonly description?: string;
  readonly url?: string;
  readonly inLanguage?: string;
  /** True for NewsArticle and its subtypes, whose dates are the most trusted. */
  readonly isNews: boolean;
}

const NEWS_TYPES = /NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|LiveBlogPosting/;
const ARTICLE_TYPES = /Article|BlogPosting|Report|Posting|WebPage|CreativeWork|Recipe|Review/;
const PERSON_TYPES = /Person/;
const ORG_TYPES = /Organization|NewsMediaOrganization|Corporation/;

/** Pages wrap JSON-LD in HTML comments or CDATA and leave raw newlines inside strings; undo the common damage. */
function parseLenient(raw: string): JsonValue | undefined {
  const cleaned = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim();
  if (cleaned === '') return undefined;
  try {
    return JSON.parse(cleaned) as JsonValue;
  } catch {
    try {
      // Control characters inside strings are the most frequent breakage; trailing commas the next.
      // eslint-disable-next-line no-control-regex
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')) as JsonValue;
    } catch {
      return undefined;
    }
  }
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(node: JsonObject): string {
  const t = node['@type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').join(' ');
  return '';
}

/** Every object node in the blocks, `@graph` and arrays flattened (nested values are left in place). */
function collectNodes(values: readonly JsonValue[]): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: JsonValue[] = [...values];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) {
      out.push(v);
      const graph = v['@graph'];
      if (graph !== undefined) stack.push(graph);
      const main = v['mainEntity'];
      if (isObject(main) && typesOf(main) !== '') stack.push(main);
    }
  }
  return out.reverse();
}

function stringOf(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return stringOf(v[0]);
  if (isObject(v)) return stringOf(v['@value'] ?? v['name'] ?? v['url'] ?? v['@id']);
  return undefined;
}

function namesOf(v: JsonValue | undefined, byId: ReadonlyMap<string, JsonObject>, wantPeople: boolean): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => namesOf(x, byId, wantPeople));
  if (!isObject(v)) return [];
  const id = v['@id'];
  const resolved = typeof id === 'string' && v['name'] === undefined ? (byId.get(id) ?? v) : v;
  const types = typesOf(resolved);
  if (wantPeople && ORG_TYPES.test(types) && !PERSON_TYPES.test(types)) return [];
  const name = stringOf(resolved['name']);
  return name ? [name] : [];
}

/** Parses the raw contents of the page's `application/ld+json` scripts and returns its article node, if any. */
export function readJsonLd(scripts: readonly string[]): JsonLdArticle | undefined {
  const parsed: JsonValue[] = [];
  for (const raw of scripts) {
    const v = parseLenient(raw);
    if (v !== undefined) parsed.push(v);
  }
  const nodes = collectNodes(parsed);
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) {
    const id = n['@id'];
    if (typeof id === 'string') byId.set(id, n);
  }
  let best: JsonObject | undefined;
  let bestRank = 0;
  for (const n of nodes) {
    const types = typesOf(n);
    const rank = NEWS_TYPES.test(types) ? 3 : ARTICLE_TYPES.test(types) && !/WebPage|CreativeWork/.test(types) ? 2 : /WebPage/.test(types) ? 1 : 0;
    if (rank > bestRank) {
      best = n;
      bestRank = rank;
    }
  }
  if (!best) return undefined;
  const publisherNames = namesOf(best['publisher'], byId, false);
  const body = stringOf(best['articleBody']);
  const result: {
    -readonly [K in keyof JsonLdArticle]: JsonLdArticle[K];
  } = {
    authors: namesOf(best['author'] ?? best['creator'], byId, true),
    isNews: bestRank === 3,
  };
  const headline = stringOf(best['headline']) ?? (bestRank >= 2 ? stringOf(best['name']) : undefined);
  if (headline) result.headline = headline;
  const published = stringOf(best['datePublished']) ?? stringOf(best['dateCreated']);
  if (published) result.datePublished = published;
  const modified = stringOf(best['dateModified']);
  if (modified) result.dateModified = modified;
  const publisher = publisherNames[0] ?? siteNameOf(nodes);
  if (publisher) result.publisher = publisher;
  if (body) result.articleBody = body;
  const description = stringOf(best['description']);
  if (description) result.description = description;
  const url = stringOf(best['url']) ?? stringOf(best['mainEntityOfPage']);
  if (url) result.url = url;
  const lang = stringOf(best['inLanguage']);
  if (lang) result.inLanguage = lang;
  return result;
}

/** The site's name from a WebSite or Organization node, for pages whose article node names no publisher. */
function siteNameOf(nodes: readonly JsonObject[]): string | undefined {
  for (const n of nodes) if (/WebSite/.test(typesOf(n))) return stringOf(n['name']);
  for (const n of nodes) if (ORG_TYPES.test(typesOf(n))) return stringOf(n['name']);
  return undefined;
}
