import type { InputHints, RawFormat } from '../model/index.js';
import { documentItem } from './document.js';
import { cleanAuthors, cleanTitle, isRecord, normaliseDate, normaliseLanguage } from './hints.js';
import { lines, type Chunks } from './stream.js';
import { fail, type IngestItem } from './types.js';
import { quoteShort, utf8 } from './util.js';

/** Fields holding the document, in order of preference: HTML keeps the structure and metadata the extractor uses. */
const CONTENT_FIELDS: ReadonlyArray<readonly [string, RawFormat]> = [
  ['html', 'html'],
  ['markdown', 'markdown'],
  ['text', 'text'],
];

/** Field names for each hint, as common news datasets and scrapers (news-please, NewsAPI, our own exports) spell them. */
const HINT_FIELDS = {
  title: ['title', 'headline'],
  url: ['url', 'link', 'canonical_url', 'canonicalUrl', 'source_url'],
  published: ['published', 'date_publish', 'datePublished', 'publishedAt', 'published_at', 'pubDate', 'date'],
  authors: ['authors', 'author', 'byline'],
  outlet: ['outlet', 'source', 'site_name', 'siteName', 'publisher', 'source_domain'],
  language: ['language', 'lang'],
} as const;

/** A top-level JSON object wrapping the records in one of these arrays is unwrapped (NewsAPI uses `articles`). */
const WRAPPER_FIELDS = ['articles', 'items', 'records', 'documents', 'data', 'results'];

function first(record: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (record[name] !== undefined && record[name] !== null) return record[name];
  return undefined;
}

function nameOf(value: unknown): unknown {
  return isRecord(value) ? value['name'] : value;
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function recordHints(record: Record<string, unknown>): InputHints {
  const title = cleanTitle(first(record, HINT_FIELDS.title));
  const url = httpUrl(first(record, HINT_FIELDS.url));
  const published = normaliseDate(first(record, HINT_FIELDS.published));
  const rawAuthors = first(record, HINT_FIELDS.authors);
  const authors = cleanAuthors(Array.isArray(rawAuthors) ? rawAuthors : rawAuthors === undefined ? [] : [rawAuthors]);
  const outlet = cleanTitle(nameOf(first(record, HINT_FIELDS.outlet)));
  const language = normaliseLanguage(first(record, HINT_FIELDS.language));
  return {
    ...(title !== undefined && { title }),
    ...(url !== undefined && { url }),
    ...(published !== undefined && { published }),
    ...(authors.length > 0 && { authors }),
    ...(outlet !== undefined && { outlet }),
    ...(language !== undefined && { language }),
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** One JSON record → one item: the first content field that holds a non-empty string, with hints from the other fields. */
export function recordItem(record: unknown, origin: string, maxBytes: number): IngestItem {
  if (!isRecord(record)) {
    return fail(origin, 'json-not-record', `${origin} is ${describe(record)}, expected an object with a "text" or "html" field`);
  }
  let emptyField: string | undefined;
  for (const [field, format] of CONTENT_FIELDS) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      return fail(origin, 'json-bad-field', `${origin} has a "${field}" field that is ${describe(value)}, expected a string`);
    }
    if (value.trim() === '') {
      emptyField ??= field;
      continue;
    }
    return documentItem({
      bytes: utf8(value),
      origin,
      originKind: 'json-record',
      format,
      hints: recordHints(record),
      // The bytes are UTF-8 by construction, whatever a <meta charset> inside the HTML claims.
      declaredCharset: 'utf-8',
      label: `the "${field}" field of ${origin}`,
      maxBytes,
    });
  }
  if (emptyField !== undefined) return fail(origin, 'empty-input', `${origin} has an empty "${emptyField}" field`);
  const keys = Object.keys(record);
  const fields = keys.length === 0 ? 'it has no fields' : `its fields: ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}`;
  return fail(origin, 'json-missing-content', `${origin} has no "text" or "html" field (${fields})`);
}

/** "…at position 17" in V8's JSON errors → line and column, which people can find in an editor. */
export function jsonErrorMessage(error: unknown, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position?.[1]) return message;
  const offset = Number(position[1]);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}

/**
 * A .json document: one record, an array of records (`file.json#3`, counted from 1), an object
 * wrapping such an array (`{"articles": [...]}`), or an object of records keyed by id (`file.json#key`).
 */
export function* jsonDocumentItems(source: string, label: string, maxBytes: number): Generator<IngestItem> {
  let value: unknown;
  try {
    value = JSON.parse(stripBom(source));
  } catch (error) {
    if (looksLikeJsonLines(source)) yield* jsonLinesFromText(source, label, maxBytes);
    else yield fail(label, 'invalid-json', `${label} is not valid JSON: ${jsonErrorMessage(error, source)}`);
    return;
  }
  const object = isRecord(value) ? value : undefined;
  if (object && !CONTENT_FIELDS.some(([field]) => field in object)) {
    const wrapper = WRAPPER_FIELDS.find((field) => Array.isArray(object[field]));
    if (wrapper !== undefined) value = object[wrapper];
    else if (Object.keys(object).length > 0 && Object.values(object).every(isRecord)) {
      for (const [key, record] of Object.entries(object)) yield recordItem(record, `${label}#${key}`, maxBytes);
      return;
    }
  }
  if (Array.isArray(value)) {
    if (value.length === 0) yield fail(label, 'empty-input', `${label} is an empty JSON array`, 'warning');
    for (let i = 0; i < value.length; i++) yield recordItem(value[i], `${label}#${i + 1}`, maxBytes);
    return;
  }
  yield recordItem(value, label, maxBytes);
}

/** One line of a JSON Lines input → an item (or a failure naming the line). */
function lineItem(text: string, number: number, label: string, maxBytes: number): IngestItem {
  const origin = `${label}#line-${number}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Positions in V8's message count from the start of this line: say "column" so people look in the right place.
    const raw = error instanceof Error ? error.message : String(error);
    const reason = raw.replace(/at position (\d+)/, (_, n: string) => `at column ${Number(n) + 1}`);
    return fail(origin, 'invalid-json', `${label} line ${number} is not valid JSON: ${reason} (line starts ${quoteShort(text, 40)})`);
  }
  return recordItem(value, origin, maxBytes);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON Lines: one record per line, `file.jsonl#line-12`; blank lines are allowed, a bad line fails alone. */
export async function* jsonLinesItems(chunks: Chunks, label: string, maxBytes: number): AsyncGenerator<IngestItem> {
  let records = 0;
  for await (const line of lines(chunks)) {
    const text = line.number === 1 ? stripBom(line.text) : line.text;
    if (text.trim() === '') continue;
    records++;
    yield lineItem(text, line.number, label, maxBytes);
  }
  if (records === 0) yield fail(label, 'empty-input', `${label} has no JSON lines`);
}

/** JSON Lines already in memory (stdin, or a .json file that turns out to hold one record per line). */
export function* jsonLinesFromText(source: string, label: string, maxBytes: number): Generator<IngestItem> {
  const all = stripBom(source).split('\n');
  for (let i = 0; i < all.length; i++) {
    const text = (all[i] ?? '').replace(/\r$/, '');
    if (text.trim() !== '') yield lineItem(text, i + 1, label, maxBytes);
  }
}

/** True when the text is several lines, each (of the first few) a JSON object: JSON Lines under another name. */
export function looksLikeJsonLines(source: string): boolean {
  const nonEmpty = stripBom(source).split('\n').filter((l) => l.trim() !== '');
  if (nonEmpty.length < 2) return false;
  return nonEmpty.slice(0, JSONL_PROBE_LINES).every((line) => {
    if (!/^\s*\{/.test(line)) return false;
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  });
}

/** Lines checked before calling a document JSON Lines; a stray bad line later still fails alone. */
const JSONL_PROBE_LINES = 3;

/**
 * When not one record of an input has a content field, the file is not in a format we read
 * (a ground-truth map, a config): say so once instead of once per record. Failures are held
 * back only until the first usable record, and at most MAX_HELD_FAILURES of them.
 */
const MAX_HELD_FAILURES = 1000;

/** "the first has: id, body" from a held record failure's "(its fields: id, body)". */
function firstFields(item: IngestItem | undefined): string {
  const fields = item && !item.ok ? /\(its fields: ([^)]*)\)$/.exec(item.failure.message)?.[1] : undefined;
  return fields === undefined ? 'the first has no fields' : `the first has: ${fields}`;
}

export async function* summariseMissingContent(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, label: string): AsyncGenerator<IngestItem> {
  const held: IngestItem[] = [];
  let passing = false;
  for await (const item of items) {
    if (passing) {
      yield item;
      continue;
    }
    if (!item.ok && item.failure.rule === 'json-missing-content') {
      held.push(item);
      if (held.length >= MAX_HELD_FAILURES) {
        const message = `${label}: the first ${held.length} records have no "text" or "html" field (${firstFields(held[0])}); stopped reading`;
        yield fail(label, 'json-missing-content', message);
        return;
      }
      continue;
    }
    passing = true;
    yield* held;
    yield item;
  }
  if (passing) return;
  if (held.length <= 1) yield* held;
  else {
    const message = `${label}: none of its ${held.length} records has a "text" or "html" field (${firstFields(held[0])})`;
    yield fail(label, 'json-missing-content', message);
  }
}
