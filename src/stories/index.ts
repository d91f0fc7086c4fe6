/**
 * Stories: near-duplicate detection and incremental story clustering.
 *
 * `StoryClusterer` is the incremental core (one `add` per arriving article, hand-made `merge`/`split`, persistence);
 * `clusterArticles` and `predictStoriesFile` are batch helpers over it.
 */

import { StoryClusterer, type ClustererOptions } from './clusterer.js';
import type { StoryDocument } from './features.js';

export { StoryClusterer, DEFAULT_OPTIONS } from './clusterer.js';
export type { Assignment, ClustererOptions, ClustererSnapshot } from './clusterer.js';
export type { StoryConstraints } from './constraints.js';
export type { StoryDocument } from './features.js';

/** Cluster documents in the given order; returns article id → story id. */
export function clusterArticles(docs: Iterable<StoryDocument>, options: Partial<ClustererOptions> = {}): Map<string, string> {
  const clusterer = new StoryClusterer(options);
  for (const doc of docs) clusterer.add(doc);
  return clusterer.assignments();
}

function optionalString(record: Record<string, unknown>, key: string, line: number): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TypeError(`stories: line ${line}: "${key}" must be a string, got ${JSON.stringify(value)}`);
  return value;
}

function optionalStrings(record: Record<string, unknown>, key: string, line: number): string[] | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new TypeError(`stories: line ${line}: "${key}" must be an array of strings`);
  }
  return value;
}

/** Parse one JSON line of `{"id", "title"?, "text", "published"?, "outlet"?, "url"?, "names"?, "dates"?}`. */
export function parseStoryDocument(json: string, line: number): StoryDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new SyntaxError(`stories: line ${line} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TypeError(`stories: line ${line} must be a JSON object`);
  }
  const record = parsed as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string' || id === '') throw new TypeError(`stories: line ${line}: "id" must be a non-empty string, got ${JSON.stringify(id)}`);
  const text = optionalString(record, 'text', line) ?? '';
  const doc: { -readonly [K in keyof StoryDocument]: StoryDocument[K] } = { id, text };
  const title = optionalString(record, 'title', line);
  const published = optionalString(record, 'published', line);
  const outlet = optionalString(record, 'outlet', line);
  const url = optionalString(record, 'url', line);
  const names = optionalStrings(record, 'names', line);
  const dates = optionalStrings(record, 'dates', line);
  if (title !== undefined) doc.title = title;
  if (published !== undefined) doc.published = published;
  if (outlet !== undefined) doc.outlet = outlet;
  if (url !== undefined) doc.url = url;
  if (names !== undefined) doc.names = names;
  if (dates !== undefined) doc.dates = dates;
  return doc;
}

/** Parse an articles.jsonl text (blank lines ignored). */
export function parseStoryDocuments(jsonl: string): StoryDocument[] {
  const docs: StoryDocument[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() !== '') docs.push(parseStoryDocument(line, i + 1));
  });
  return docs;
}

/** Cluster an articles.jsonl text in file order; returns `{articleId: storyId}` in the scorer's pred.json format. */
export function predictStoriesFile(jsonl: string, options: Partial<ClustererOptions> = {}): Record<string, string> {
  return Object.fromEntries(clusterArticles(parseStoryDocuments(jsonl), options));
}
