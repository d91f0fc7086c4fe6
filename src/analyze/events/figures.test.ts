import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../tokens/index.js';
import { findCasualties, findTally } from './figures.js';
import { extractEvents } from './index.js';

const seen = (text: string): string[] =>
  findCasualties(text, 0, text.length).map((c) => {
    assert.equal(text.slice(c.span.start, c.span.end), c.span.text, 'the span slices back to its text');
    return `${c.kind} ${c.qualifier} ${c.value} ${c.unit}`;
  });

test('casualty counts: passive, active, "left … dead", death tolls, word numbers and qualifiers', () => {
  assert.deepEqual(seen('At least 12 people were killed and 30 others wounded.'), ['killed at-least 12 people', 'injured exact 30 people']);
  assert.deepEqual(seen('The strike killed 1,204 soldiers, wounding nearly 300 civilians.'), ['killed exact 1204 soldiers', 'injured about 300 civilians']);
  assert.deepEqual(seen('The blast left five dead and two missing.'), ['killed exact 5 people', 'missing exact 2 people']);
  assert.deepEqual(seen('The death toll rose to 40 on Sunday.'), ['killed exact 40 people']);
  assert.deepEqual(seen('A death toll of more than 100 was reported.'), ['killed more-than 100 people']);
  assert.deepEqual(seen('Three children died.'), ['killed exact 3 children']);
  assert.deepEqual(seen('He opened fire, killing one man. One soldier was wounded.'), ['killed exact 1 man', 'injured exact 1 soldier']);
});

test('no casualty count: troops sent, years, scores, killings without a number, people left somewhere', () => {
  assert.deepEqual(seen('About 1,000 troops arrived in May.'), []);
  assert.deepEqual(seen('In 2014 killed was the word of the year.'), []);
  assert.deepEqual(seen('The plan was killed by the committee.'), []);
  assert.deepEqual(seen('They left 12 people behind at the border.'), []);
  assert.deepEqual(seen('The vote passed 120 to 40.'), []);
});

test('vote tallies: "voted 120 to 40", "52-48", "by 9 votes to 6, with 3 abstentions"; not ages, years or scores', () => {
  const tally = (text: string) => {
    const t = findTally(text, 0, text.length);
    if (t) assert.equal(text.slice(t.span.start, t.span.end), t.span.text);
    return t ? [t.inFavour, t.against, t.abstentions] : undefined;
  };
  assert.deepEqual(tally('Parliament voted 120 to 40 to extend the mission.'), [120, 40, undefined]);
  assert.deepEqual(tally('The Senate voted 52-48 to confirm her.'), [52, 48, undefined]);
  assert.deepEqual(tally('The council approved the plan by 9 votes to 6, with 3 abstentions.'), [9, 6, 3]);
  assert.equal(tally('Voters aged 18-24 voted in 2014-2016.'), undefined);
  assert.equal(tally('The team won 3-1 and the fans voted it the best game.'), undefined);
  assert.equal(tally('The score was 120 to 40.'), undefined);
});

test('shootings are attacks with their casualties ("opened fire …, wounding 12")', () => {
  const text = 'Gunmen opened fire on a bus on Friday, wounding 12 passengers.';
  const events = extractEvents(text, { tokenized: tokenize(text), times: [] });
  assert.deepEqual(events.map((e) => [e.type, e.casualties?.map((c) => `${c.kind} ${c.value} ${c.unit}`)]), [['attack', ['injured 12 passengers']]]);
});

test('a tally names its vote ("the 285-120 vote was bipartisan")', () => {
  const text = 'The House passed the bill on Tuesday. The 285-120 vote was bipartisan.';
  const events = extractEvents(text, { tokenized: tokenize(text), times: [] });
  assert.deepEqual(events.map((e) => [e.type, e.tally?.inFavour, e.tally?.against]), [['vote', 285, 120]]);
});
