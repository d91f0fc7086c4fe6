import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuotes } from './index.js';

test('"they" is left unresolved rather than given to the nearest person', () => {
  const text = 'Mayor Lin Oduya met the harbour pilots on Monday. They said the new quay was too short for the ferries.';
  const they = extractQuotes(text).find((a) => a.source && text.slice(a.source.start, a.source.end) === 'They');
  assert.ok(they, 'the attribution is found');
  assert.equal(they.speaker?.via, 'pronoun');
  assert.equal(they.speaker?.resolvedTo, undefined);
});
