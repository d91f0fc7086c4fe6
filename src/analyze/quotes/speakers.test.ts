import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuotes } from './index.js';
import { speakerVia } from './speakers.js';

test('"they" is left unresolved rather than given to the nearest person', () => {
  const text = 'Mayor Lin Oduya met the harbour pilots on Monday. They said the new quay was too short for the ferries.';
  const they = extractQuotes(text).find((a) => a.source && text.slice(a.source.start, a.source.end) === 'They');
  assert.ok(they, 'the attribution is found');
  assert.equal(they.speaker?.via, 'pronoun');
  assert.equal(they.speaker?.resolvedTo, undefined);
});

test('a bare "which" or "who" source stands for the phrase before its comma', () => {
  const paper = 'The debate has been shaped by a think-tank paper, "The Long Ceasefire", which argued last month that any guarantee would fail.';
  const which = extractQuotes(paper).find((a) => a.source && paper.slice(a.source.start, a.source.end) === 'which');
  assert.ok(which, 'the attribution is found');
  assert.equal(which.speaker?.via, 'relative');
  assert.equal(which.speaker?.resolvedTo && paper.slice(which.speaker.resolvedTo.start, which.speaker.resolvedTo.end), '"The Long Ceasefire"');
  const person = 'The ferry was late again for Tom Keel, who said that the timetable was a fiction.';
  const who = extractQuotes(person).find((a) => a.source && person.slice(a.source.start, a.source.end) === 'who');
  assert.ok(who, 'the attribution is found');
  assert.equal(who.speaker?.resolvedTo && person.slice(who.speaker.resolvedTo.start, who.speaker.resolvedTo.end), 'Tom Keel');
});

test('the head of "the chair of the … committee" is the role noun, so no organisation is given to it', () => {
  const text = 'Veloria sent a delegation. The chair of the alliance\'s military committee said the talks would go on.';
  const chair = extractQuotes(text).find((a) => a.source && text.slice(a.source.start, a.source.end).startsWith('The chair'));
  assert.ok(chair, 'the attribution is found');
  assert.notEqual(chair.speaker?.via, 'organisation');
  assert.equal(chair.speaker?.resolvedTo, undefined);
});

test('a numbered part of a legal text is a document even where NER reads its name as an organisation', () => {
  assert.equal(speakerVia('Article 5 of the Concord Charter', false, true), 'document');
  assert.equal(speakerVia('the charter', false, false), 'document');
  // An organisation whose name opens with a document noun stays an organisation.
  assert.equal(speakerVia('Code Pink', false, true), 'organisation');
  assert.equal(speakerVia('the chair of the military committee', false, false), 'role-noun');
});

test('an indefinite role noun is someone new, not the person named before', () => {
  const text = 'Defence Minister Piet Holm said the country needed more. A spokesperson for the alliance said the chiefs would meet again. An official said the date was open.';
  for (const opener of ['A spokesperson', 'An official']) {
    const found = extractQuotes(text).find((a) => a.source && text.slice(a.source.start, a.source.end).startsWith(opener));
    assert.ok(found, `the attribution of "${opener}" is found`);
    assert.equal(found.speaker?.resolvedTo, undefined, `"${opener}" is not resolved to Piet Holm`);
  }
});
