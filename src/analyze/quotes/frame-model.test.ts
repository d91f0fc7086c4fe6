import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameFeatures, type FrameFacts } from './frame-model.js';

const facts = (kind: FrameFacts['kind'], quotedWordCount: number): FrameFacts => ({
  rule: 'cue-then-reported', kind, cueWords: ['called'], sourceWords: ['Marlow'], sourceBeforeCue: true,
  contentWords: ['the', 'plan'], contentWordCount: 8, quotedWordCount, fragments: 1, holdsOtherCue: false,
  overlapsOther: false, cueInsideOther: false, beforeSource: '', cueOpensSentence: false, cueClosesSentence: false, beforeCue: 'marlow', afterCue: 'the', weak: false, cueScore: Number.NaN,
});

test('mixed content is described by how much of it is quoted; other kinds are not', () => {
  const mixed = frameFeatures(facts('mixed', 2));
  assert.ok(mixed.includes('mixed.quoted\t2'));
  assert.ok(mixed.includes('mixed.quotedShare\t1'));
  assert.ok(mixed.includes('mixed.quoted.rule\t2\tcue-then-reported'));
  assert.ok(!frameFeatures(facts('reported', 0)).some((f) => f.startsWith('mixed.')));
});
