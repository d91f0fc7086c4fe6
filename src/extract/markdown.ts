/**
 * Markdown reports often start with YAML front matter (`---` … `---`) that states the
 * metadata outright. It is read here, before the flattened-text extractor sees the body,
 * and its values win over anything guessed from the text.
 */
import { parse as parseYaml } from 'yaml';
import { diagnostic, type ArticleMetadata, type Diagnostic, type Extraction, type InputHints } from '../model/index.js';
import { extractFlattenedText } from './text/index.js';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export interface FrontMatter {
  readonly body: string;
  readonly fields: Record<string, unknown>;
  readonly diagnostics: readonly Diagnostic[];
}

export function splitFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text, fields: {}, diagnostics: [] };
  const body = text.slice(match[0].length);
  try {
    const parsed: unknown = parseYaml(match[1] ?? '');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { body, fields: parsed as Record<string, unknown>, diagnostics: [] };
    return { body, fields: {}, diagnostics: [diagnostic('warning', 'front-matter-not-a-mapping', 'front matter is not a list of key: value pairs; ignored')] };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? 'unreadable';
    return { body, fields: {}, diagnostics: [diagnostic('warning', 'front-matter-invalid', `front matter is not valid YAML (${reason}); ignored`)] };
  }
}

/** Front-matter keys people use, by the metadata field they mean. */
const KEYS = {
  title: ['title', 'headline'],
  authors: ['authors', 'author', 'byline', 'by'],
  outlet: ['outlet', 'publisher', 'source', 'site', 'site_name'],
  published: ['published', 'date', 'datePublished', 'published_at', 'pubdate'],
  url: ['url', 'link', 'canonical', 'canonical_url'],
  language: ['language', 'lang', 'locale'],
  description: ['description', 'summary', 'excerpt'],
} as const;

export function extractMarkdown(text: string, hints: InputHints): Extraction {
  const { body, fields, diagnostics } = splitFrontMatter(text);
  const extraction = extractFlattenedText(body, { hints });
  const pick = (keys: readonly string[]): unknown => keys.map((k) => fields[k]).find((v) => v !== undefined && v !== null && v !== '');
  const asString = (v: unknown): string | undefined =>
    v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined;
  const sourced = (v: string | undefined) => (v === undefined ? undefined : { value: v, source: 'meta' as const });

  const authorsValue = pick(KEYS.authors);
  const authors = (Array.isArray(authorsValue) ? authorsValue : authorsValue === undefined ? [] : [authorsValue])
    .map(asString)
    .filter((a): a is string => a !== undefined)
    .map((a) => a.replace(/^by\s+/i, ''));

  const stated: ArticleMetadata = Object.fromEntries(
    Object.entries({
      title: sourced(asString(pick(KEYS.title))),
      outlet: sourced(asString(pick(KEYS.outlet))),
      published: sourced(asString(pick(KEYS.published))),
      url: sourced(asString(pick(KEYS.url))),
      language: sourced(asString(pick(KEYS.language))?.toLowerCase().split(/[-_]/)[0]),
      description: sourced(asString(pick(KEYS.description))),
      authors: authors.length > 0 ? { value: authors, source: 'meta' as const } : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  return { ...extraction, metadata: { ...extraction.metadata, ...stated }, diagnostics: [...diagnostics, ...extraction.diagnostics] };
}
