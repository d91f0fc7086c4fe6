import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuotes } from './index.js';

const parts = (text: string): { source: string | null; content: string[] }[] =>
  extractQuotes(text).map((a) => ({ source: a.source ? text.slice(a.source.start, a.source.end) : null, content: a.content.map((c) => text.slice(c.start, c.end)) }));

test('"according to" a name and its apposition: the apposition belongs to the source, not to the words', () => {
  const text = 'According to Col. Piet van Dijk, a spokesman for the allied command, planners are drawing up options.';
  assert.deepEqual(parts(text), [{ source: 'Col. Piet van Dijk, a spokesman for the allied command', content: ['planners are drawing up options'] }]);
});

test('"according to" a name followed by words that are not an apposition leaves them in the content', () => {
  // No role noun: "a deal" is the start of what was said.
  const deal = 'According to Mayor Lin Oduya, a deal with the ferry company, long delayed, is now close.';
  assert.equal(parts(deal)[0]?.source, 'Mayor Lin Oduya');
  // A relative clause is not an indefinite apposition.
  const clause = 'According to Lin Oduya, an official who saw the plan said it was sound, the quay will be longer.';
  assert.equal(parts(clause)[0]?.source, 'Lin Oduya');
});

test('a "that" inside the object after "for" is a relative clause, not the start of the content', () => {
  assert.deepEqual(parts('Gen. Ada Marlow argued for a smaller first deployment that could grow over time.'), [
    { source: 'Gen. Ada Marlow', content: ['for a smaller first deployment that could grow over time'] },
  ]);
  assert.deepEqual(parts('Mayor Lin Oduya called for a pause that would last a month.')[0]?.content, ['a pause that would last a month']);
  // The complement "that" after a channel phrase still starts the content.
  assert.deepEqual(parts('Mayor Lin Oduya said in a statement that the quay would reopen.')[0]?.content, ['that the quay would reopen']);
});

test('a participle after a place phrase takes the sentence subject, not the place', () => {
  const text = 'Ada Marlow spoke out Tuesday about the closure of the ferry in Harbour Town, Vellmark, arguing that the decision was “reckless.”';
  const found = extractQuotes(text).find((a) => a.cue && text.slice(a.cue.start, a.cue.end) === 'arguing');
  assert.ok(found);
  assert.equal(found.source && text.slice(found.source.start, found.source.end), 'Ada Marlow');
});

test('a participle clause opening the sentence takes the main clause subject, and its content ends with the clause', () => {
  const text = 'After saying her ferry was “so full we could barely move,” she was sent to the harbour office.';
  const found = extractQuotes(text).find((a) => a.cue && text.slice(a.cue.start, a.cue.end) === 'saying');
  assert.ok(found);
  assert.equal(found.source && text.slice(found.source.start, found.source.end), 'she');
  assert.deepEqual(found.content.map((c) => text.slice(c.start, c.end)), ['her ferry was “so full we could barely move,”']);
});
