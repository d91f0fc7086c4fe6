import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingestBatch } from './batch.js';
import { demoReportsDir } from './cli/demo.js';
import { readInputs } from './ingest/index.js';
import { openSqliteStore, type Store } from './store/index.js';
import { reclusterStories, updateStories } from './story-service.js';

const now = () => new Date('2026-11-22T12:00:00Z');
const reports = readdirSync(demoReportsDir()).sort().map((name) => join(demoReportsDir(), name));

async function ingest(store: Store, files: readonly string[]): Promise<void> {
  const summary = await ingestBatch(readInputs(files), store, { now });
  assert.equal(summary.failures.length, 0, JSON.stringify(summary.failures));
}

/** Counts article reads, to show what an update touches. */
function counting(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const wrapped = new Proxy(store, {
    get(target, key) {
      if (key === 'getArticle') {
        return async (id: string) => {
          reads++;
          return target.getArticle(id);
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, reads: () => reads };
}

describe('stories over the store', () => {
  it('adds a new batch to the saved clusterer state: same stories as a full re-cluster, only new articles read', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await ingest(store, reports.slice(0, 3));
    await updateStories(store, now);
    await ingest(store, reports.slice(3));
    const probe = counting(store);
    const incremental = await updateStories(probe.store, now);
    assert.equal(probe.reads(), reports.length - 3, 'only the articles of the new batch are read');
    const full = await reclusterStories(store, now);
    assert.deepEqual(
      incremental.map((s) => [s.id, [...s.articleIds].sort()]),
      full.map((s) => [s.id, [...s.articleIds].sort()]),
    );
    assert.equal(full.length, 2, 'the demo story and the other event');
    await store.close();
  });

  it('re-clusters everything once when the saved state is unusable', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await ingest(store, reports);
    await store.saveStorySnapshot({ format: 'from-a-future-version' }, now().toISOString());
    const stories = await updateStories(store, now);
    assert.equal(stories.length, 2);
    await store.close();
  });
});
