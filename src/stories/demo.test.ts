/**
 * The team's demo reports (demo/reports, fiction; see demo/expected/story-facts.md) through the real pipeline:
 * bytes → extractArticle → analyzeArticle → storyDocument → StoryClusterer. Reports 01–05 are one story (05 a
 * syndicated copy of 03, 02 and 04 filed the morning after); 06 is another meeting of the same alliance and people,
 * months earlier, and must stay apart.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeArticle } from '../analyze/analysis.js';
import type { RawFormat } from '../model/index.js';
import { extractArticle } from '../pipeline.js';
import { storyDocument } from '../story-service.js';
import { packageRoot } from '../util/package-root.js';
import { StoryClusterer, type StoryDocument } from './index.js';

const REPORTS = ['01-ledger.html', '02-courier.html', '03-globe-wire.html', '04-dispatch.txt', '05-herald-syndicated.html', '06-other-event.md'];

function formatOf(name: string): RawFormat {
  return name.endsWith('.html') ? 'html' : name.endsWith('.md') ? 'markdown' : 'text';
}

function demoDocument(name: string): StoryDocument {
  const path = join(packageRoot(), 'demo', 'reports', name);
  const bytes = new Uint8Array(readFileSync(path));
  const id = createHash('sha256').update(bytes).digest('hex');
  const outcome = extractArticle({ id, origin: path, originKind: 'file', format: formatOf(name), bytes, hints: {} });
  if (!outcome.ok) throw new Error(`demo report ${name} did not extract: ${outcome.message}`);
  // Ids carry the file name so a failure message says which report went where.
  return { ...storyDocument(outcome.article, analyzeArticle(outcome.article)), id: name.slice(0, 2) };
}

const DOCS = REPORTS.map(demoDocument);

function partition(docs: readonly StoryDocument[]): string[][] {
  const clusterer = new StoryClusterer();
  for (const doc of docs) clusterer.add(doc);
  return [...clusterer.stories().values()].map((ids) => [...ids].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

const EXPECTED = [['01', '02', '03', '04', '05'], ['06']];

test('demo: reports 01–05 form one story and 06 stays apart (ingest order)', () => {
  assert.deepEqual(partition(DOCS), EXPECTED);
});

test('demo: the same partition in reverse order', () => {
  assert.deepEqual(partition([...DOCS].reverse()), EXPECTED);
});

test('demo: without publication dates the stated event days still keep 06 apart', () => {
  const undated = DOCS.map(({ published: _published, ...rest }) => rest);
  assert.deepEqual(partition(undated), EXPECTED);
});

test('demo: 05 is found as a copy of 03', () => {
  const clusterer = new StoryClusterer();
  for (const doc of DOCS) clusterer.add(doc);
  assert.equal(clusterer.duplicateOf('05'), '03');
});
