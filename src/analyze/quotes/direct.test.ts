import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuotes } from './index.js';

const slice = (text: string, s: { start: number; end: number } | null | undefined): string | null => (s ? text.slice(s.start, s.end) : null);

function run(text: string): { cue: string | null; source: string | null; content: string[]; kind: string }[] {
  return extractQuotes(text).map((a) => ({
    cue: slice(text, a.cue),
    source: slice(text, a.source),
    content: a.content.map((c) => text.slice(c.start, c.end)),
    kind: a.kind,
  }));
}

test('reported content ends at ", while" after a closing quotation mark when a second speaker starts there', () => {
  const text = 'Keel still refers to the mayor, his rival for a decade, as “Mr. Marlow,” while Marlow refers to the director as “Tom.”';
  const seen = run(text);
  const keel = seen.find((a) => a.source === 'Keel');
  assert.ok(keel, JSON.stringify(seen));
  assert.deepEqual(keel.content, ['to the mayor, his rival for a decade, as “Mr. Marlow,”']);
  const marlow = seen.find((a) => a.source === 'Marlow');
  assert.ok(marlow, JSON.stringify(seen));
  assert.equal(marlow.cue, 'refers');
  assert.deepEqual(marlow.content, ['to the director as “Tom.”']);
});

test('no cut at ", while" after a quotation when no attribution follows', () => {
  const text = 'Keel described the plan as “reckless,” while the ferry stayed in port for a week.';
  const seen = run(text);
  assert.equal(seen.length, 1, JSON.stringify(seen));
  assert.deepEqual(seen[0]?.content, ['the plan as “reckless,” while the ferry stayed in port for a week']);
});

test('a split quote resumed in lower case joins its second piece across a longer adjunct', () => {
  const text = '“I think the moderator will be very fair,” Keel said during a rally in Harbour Town, N.C., “but a lot of people are going to be watching to see if that is true.”';
  const seen = run(text);
  assert.equal(seen.length, 1, JSON.stringify(seen));
  assert.equal(seen[0]?.source, 'Keel');
  assert.equal(seen[0]?.content.length, 2);
});

test('a transcript turn opened by a quotation mark gives the capitalised label as speaker, every turn', () => {
  const text = [
    '"MARLOW: Let’s start with the ferry. Why did the council close it?',
    '"KEEL: Well, look, the council thinks this is an episode of “Harbour Games.” But this is a serious business, Ada.',
    '"MARLOW: Do you really see those two as equivalent?',
  ].join('\n\n');
  const turns = run(text).filter((a) => a.cue === ':');
  assert.deepEqual(turns.map((a) => a.source), ['MARLOW', 'KEEL', 'MARLOW'], JSON.stringify(run(text)));
  assert.ok(turns[1]?.content[0]?.startsWith('Well, look'));
});

test('a question closing its quote, then a short subject and a verb outside the lexicon: the verb is the cue', () => {
  const seen = run('“Why is this not proof that the bank is too big to manage?” Keel demanded. The vote is on Friday.');
  assert.equal(seen.length, 1, JSON.stringify(seen));
  assert.equal(seen[0]?.cue, 'demanded');
  assert.equal(seen[0]?.source, 'Keel');
  assert.equal(seen[0]?.kind, 'direct');
});

test('a sentence of a name and an unknown verb after a plain statement frames nothing', () => {
  assert.deepEqual(run('The ferry stayed in port. Keel waited.'), []);
});

test('a clause of the narrative after a quote closed by its comma is not part of the quote', () => {
  const seen = run('Keel told reporters, “We will reopen the port,” when the mayor left the room.');
  const keel = seen.find((a) => a.source === 'Keel');
  assert.ok(keel, JSON.stringify(seen));
  assert.deepEqual(keel.content, ['“We will reopen the port,”']);
  assert.equal(keel.kind, 'direct');
});

test('a programme of an outlet after "told" is the hearer, not the start of the content', () => {
  const seen = run('Keel told Harbour TV\'s "Morning Tide" that nobody would question the plan.');
  assert.equal(seen.length, 1, JSON.stringify(seen));
  assert.deepEqual(seen[0]?.content, ['that nobody would question the plan']);
});

test('a pronoun\'s remark between two quotations of a paragraph leaves the second to the quoted speaker', () => {
  const text = '"We have had problems with intrusions from abroad," Marlow said after the meeting. She did not suggest sanctions. "Our goal is to set some rules that everybody keeps."';
  const marlow = run(text).find((a) => a.source === 'Marlow');
  assert.ok(marlow);
  assert.equal(marlow.content.length, 2, JSON.stringify(marlow));
});

test('a quotation resuming in lower case after a subordinate clause and its speaker takes the clause as well', () => {
  const text = 'So when the council said it would sell the ferry, Mr. Keel said, "we were floored."';
  const keel = run(text).find((a) => a.source === 'Mr. Keel');
  assert.ok(keel, JSON.stringify(run(text)));
  assert.deepEqual(keel.content, ['So when the council said it would sell the ferry', '"we were floored."']);
  // A time phrase before the speaker is not part of what was said.
  const monday = run('On Monday, Mr. Keel said, "we were floored."');
  assert.deepEqual(monday[0]?.content, ['"we were floored."']);
});

test('"X reports:" before a quoted paragraph frames it, with the verb outside the lexicon', () => {
  const text = 'The Harbour Gazette reports:\n\n"Just 24 percent of the contributors to the campaign so far have given $200 or less."';
  const seen = run(text);
  assert.equal(seen.length, 1, JSON.stringify(seen));
  assert.equal(seen[0]?.source, 'The Harbour Gazette');
  assert.equal(seen[0]?.kind, 'direct');
});
