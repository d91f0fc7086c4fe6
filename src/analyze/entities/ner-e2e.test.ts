/**
 * End to end through the project's NER model (src/analyze/ner): tokenise → recognise → resolve, on the demo texts.
 * Skipped when the model is not available. Assertions are limited to what survives a less-than-perfect NER: the
 * span invariant, and links the stage makes from names the model reliably finds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../util/package-root.js';
import { tokenize } from '../tokens/index.js';
import { resolveEntities, resolveMention, type Entity, type NerMentionLike } from './index.js';
import { assertSpans } from './fixtures.js';

const FILES = ['01-ledger', '02-courier', '03-globe-wire', '04-dispatch', '05-herald-syndicated', '06-other-event'];

type Recognize = (text: string, tokenized: ReturnType<typeof tokenize>) => readonly NerMentionLike[];

/** The NER stage, or undefined while its model is missing or being retrained (a format mismatch throws on load). */
async function loadNer(): Promise<Recognize | undefined> {
  try {
    const ner = await import('../ner/index.js');
    ner.recognizeEntities('Ada Marlow spoke in Paris.');
    return ner.recognizeEntities;
  } catch {
    return undefined;
  }
}

test('demo texts through the NER model', async (t) => {
  const recognizeEntities = await loadNer();
  if (!recognizeEntities) {
    t.skip('NER model not available');
    return;
  }
  const results = new Map<string, { text: string; entities: Entity[] }>();
  for (const f of FILES) {
    const text = (JSON.parse(readFileSync(join(packageRoot(), 'demo', 'expected', `${f}.json`), 'utf8')) as { text: string }).text;
    const tokenized = tokenize(text);
    const entities = resolveEntities(text, { tokenized, mentions: recognizeEntities(text, tokenized) });
    assertSpans(text, entities);
    results.set(f, { text, entities });
  }
  const courier = results.get('02-courier');
  assert.ok(courier);
  const at = (s: string): Entity | undefined => {
    const start = courier.text.indexOf(s);
    return resolveMention(courier.entities, { start, end: start + s.length });
  };
  const okafor = courier.entities.find((e) => e.name === 'Lena Okafor');
  if (okafor) assert.equal(at('she said'), okafor);
  const may = courier.entities.find((e) => e.name === 'Ivo May');
  if (may) assert.equal(at('May said that'), may);
  const other = results.get('06-other-event');
  assert.ok(other);
  const monthAt = other.text.lastIndexOf('May.');
  assert.ok(!other.entities.some((e) => e.type === 'person' && e.mentions.some((m) => m.start === monthAt)), '"in May." is the month');
});
