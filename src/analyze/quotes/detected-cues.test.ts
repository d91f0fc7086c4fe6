/**
 * Attributions started by the learned cue detector (cue-detector.ts): heads outside the cue lexicon whose context
 * makes them cues. Fixture sentences written for these tests.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuotes, frameTrainingCases } from './index.js';

function seen(text: string): { source: string | null; cue: string | null; content: string[] }[] {
  return extractQuotes(text).map((a) => ({
    source: a.source ? text.slice(a.source.start, a.source.end) : null,
    cue: a.cue ? text.slice(a.cue.start, a.cue.end) : null,
    content: a.content.map((c) => text.slice(c.start, c.end)),
  }));
}

test('a progressive verb of demanding or stressing before "that" reports the clause after it', () => {
  assert.deepEqual(seen('The harbour board is demanding that the ferry company publish its safety records.'), [
    { source: 'The harbour board', cue: 'is demanding', content: ['that the ferry company publish its safety records'] },
  ]);
  assert.deepEqual(seen('Ada Marlow is stressing that the new pier will open on time.'), [
    { source: 'Ada Marlow', cue: 'is stressing', content: ['that the new pier will open on time'] },
  ]);
});

test('a rare verb of dismissal or admiration with its subject and object is an attribution', () => {
  // The detector proposes the frame; whether the keep/drop model keeps a candidate this close to its margin is a
  // learned decision (kept by the weights trained before the q3 merge, dropped by the retrained ones), measured by
  // bench:quotes, not asserted here.
  const text = 'Councillor Tom Keel has pooh-poohed the idea that the fees will rise.';
  assert.deepEqual(
    frameTrainingCases(text).map((c) => ({ source: c.source ? text.slice(c.source.start, c.source.end) : null, cue: c.cue ? text.slice(c.cue.start, c.cue.end) : null, content: c.content.map((x) => text.slice(x.start, x.end)) })),
    [{ source: 'Councillor Tom Keel', cue: 'has pooh-poohed', content: ['that the fees will rise'] }],
  );
  // Likewise "openly admires" after a name: the detector proposes the frame, with or without the first name; keeping
  // it sits at the keep/drop model's margin and has flipped between retrainings, so it is measured, not asserted.
  for (const admires of ['Marlow openly admires the old lighthouse keeper as a strong leader.', 'Ada Marlow openly admires the old lighthouse keeper as a strong leader.']) {
    assert.deepEqual(
      frameTrainingCases(admires).map((c) => ({ source: c.source ? admires.slice(c.source.start, c.source.end) : null, cue: c.cue ? admires.slice(c.cue.start, c.cue.end) : null, content: c.content.map((x) => admires.slice(x.start, x.end)) })),
      [{ source: admires.slice(0, admires.indexOf(' openly')), cue: 'openly admires', content: ['the old lighthouse keeper as a strong leader'] }],
    );
  }
});

test('an adjective of criticism after "has been" takes the stance as its content', () => {
  const [a, ...rest] = seen('The harbour master has been critical of the new dredging plan since May.');
  assert.equal(rest.length, 0);
  assert.equal(a?.source, 'The harbour master');
  assert.equal(a?.cue, 'has been critical');
  assert.ok(a?.content[0]?.startsWith('of the new dredging plan'));
});

test('the same words as nouns, adjectives or plain descriptions start no attribution', () => {
  for (const text of [
    'The demanding schedule tired the crew before the storm.',
    'The trawler sank near the stressing point of the old seawall.',
    'The ferry left the harbour at noon and returned after dark.',
    'The new pier features a wide deck and two cranes.',
  ]) assert.deepEqual(seen(text), [], text);
});

test('every detected attribution is made of spans into the text', () => {
  const text = 'The harbour board is demanding that the ferry company publish its records. Marlow openly admires the keeper.';
  for (const a of extractQuotes(text)) {
    for (const s of [a.cue, a.source, ...a.content]) {
      if (!s) continue;
      assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length);
    }
  }
});
