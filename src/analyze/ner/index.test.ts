import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictConll, recognizeEntities, tagTokens, type NamedEntityMention } from './index.js';
import { tokenize } from '../tokens/index.js';
import { allowedTransition, bilouFromChunks, chunksFromBilou, chunksFromIob, iob2FromBilou } from './labels.js';

// All sentences below are fictional, written for these tests.

function entities(text: string): string[] {
  return recognizeEntities(text).map((m) => `${m.type}:${m.text}`);
}

function checkSpans(text: string, mentions: readonly NamedEntityMention[]): void {
  const { tokens } = tokenize(text);
  let prevEnd = 0;
  for (const m of mentions) {
    assert.equal(m.text, text.slice(m.start, m.end));
    assert.ok(m.start >= prevEnd, 'mentions are ordered and do not overlap');
    assert.equal(m.start, tokens[m.tokenStart]?.start);
    assert.equal(m.end, tokens[m.tokenEnd - 1]?.end);
    prevEnd = m.end;
  }
}

test('unseen person names are found from context (titles, "said")', () => {
  assert.ok(entities('Gen. Ada Marlow said on Tuesday that the troops would stay.').includes('PER:Ada Marlow'));
  assert.ok(entities('Col. Piet van Dijk, a spokesman for the army, declined to comment.').includes('PER:Piet van Dijk'));
  const e = entities('French Foreign Minister Jean Arnaud arrived in Brussels on Monday.');
  assert.ok(e.includes('PER:Jean Arnaud'), e.join(', '));
  assert.ok(e.includes('MISC:French'), e.join(', '));
  assert.ok(e.includes('LOC:Brussels'), e.join(', '));
});

test('organisations and places', () => {
  const e = entities('Shares of Norvale Holdings Inc. fell 4 percent in New York after the company cut its forecast.');
  assert.ok(e.some((x) => x.startsWith('ORG:Norvale Holdings')), e.join(', '));
  assert.ok(e.includes('LOC:New York'), e.join(', '));
});

test('a later surname-only mention keeps the type', () => {
  const text = 'Tomas Velder, the mayor, met protesters on Friday. Velder said the plan would change.';
  const e = entities(text);
  assert.ok(e.includes('PER:Tomas Velder'), e.join(', '));
  assert.ok(e.includes('PER:Velder'), e.join(', '));
});

test('negative cases: capitalised sentence starts and the month May', () => {
  assert.deepEqual(entities('However, the talks stalled. Nobody expected a deal.'), []);
  const may = recognizeEntities('In May, prices rose by 3 percent, the report said.');
  assert.ok(!may.some((m) => m.text === 'May'), JSON.stringify(may));
});

test('a Title-Case headline is not read as one long name', () => {
  const e = entities('Markets Rally As Investors Shrug Off Rate Fears\n\nStocks rose on Monday.');
  assert.ok(!e.some((x) => x.includes('Markets Rally')), e.join(', '));
  assert.deepEqual(entities('Storm Hits Coastal Towns In Portugal'), ['LOC:Portugal']);
});

test('spans are exact and consistent with the tokenisation', () => {
  const text = '“We will not leave,” said Gen. Ada Marlow of the U.S. Army in Kabul.\n\nNATO OFFICIALS MEET IN BRUSSELS';
  const mentions = recognizeEntities(text);
  assert.ok(mentions.length >= 2);
  checkSpans(text, mentions);
  const tokenized = tokenize(text);
  assert.deepEqual(recognizeEntities(text, tokenized), mentions);
  assert.deepEqual(recognizeEntities(''), []);
});

test('tagTokens returns one IOB2 tag per token', () => {
  const sentences = [['Ada', 'Marlow', 'visited', 'Paris', '.'], ['She', 'left', '.']];
  const tags = tagTokens(sentences);
  assert.equal(tags.length, 2);
  tags.forEach((t, i) => assert.equal(t.length, sentences[i]?.length));
  for (const t of tags.flat()) assert.match(t, /^(O|[BI]-(PER|ORG|LOC|MISC))$/);
  assert.deepEqual(tags[0], ['B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
});

test('predictConll appends a tag column and keeps blank and -DOCSTART- lines', () => {
  const input = '-DOCSTART- -X- O O\n\nAda NNP I-NP I-PER\nMarlow NNP I-NP I-PER\nspoke VBD I-VP O\n\n';
  const out = predictConll(input).split('\n');
  assert.equal(out[0], '-DOCSTART- -X- O O O');
  assert.equal(out[1], '');
  assert.match(out[2] ?? '', /^Ada NNP I-NP I-PER [BI]-PER$/);
  assert.match(out[4] ?? '', /^spoke VBD I-VP O O$/);
});

test('label conversions round-trip', () => {
  const iob1 = ['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-MISC', 'O'];
  const chunks = chunksFromIob(iob1);
  assert.deepEqual(chunks.map((c) => [c.start, c.end]), [[0, 2], [3, 4], [4, 5], [5, 6]]);
  const bilou = bilouFromChunks(iob1.length, chunks);
  assert.deepEqual(chunksFromBilou(bilou), chunks);
  assert.deepEqual(iob2FromBilou(bilou), ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'B-MISC', 'O']);
  assert.equal(allowedTransition(1, 0), false); // B-PER cannot be followed by O
  assert.equal(allowedTransition(-1, 2), false); // a sentence cannot start inside an entity
});
