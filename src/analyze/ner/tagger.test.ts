import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultTagger } from './tagger.js';

// Fictional sentences written for this test.
const DOC = [
  ['Ada', 'Marlow', ',', 'chief', 'of', 'Norvale', 'Holdings', 'Inc', '.', ',', 'flew', 'to', 'New', 'York', '.'],
  ['NORVALE', 'SHARES', 'FALL', 'IN', 'LONDON'],
  ['Marlow', 'said', 'the', 'French', 'unit', 'would', 'be', 'sold', 'to', 'Kestrel', 'Group', 'by', 'June', '.'],
  ['x'],
];

test('the cached word-type scoring gives exactly the labels of the generic feature path', () => {
  const tagger = defaultTagger();
  const fast = tagger.tagDocument(DOC);
  const generic = tagger.tagDocument(DOC, tagger.extractor.extract(DOC));
  assert.deepEqual(Array.from(fast), Array.from(generic));
  // A second call hits the per-type cache and must not change anything.
  assert.deepEqual(Array.from(tagger.tagDocument(DOC)), Array.from(fast));
});
