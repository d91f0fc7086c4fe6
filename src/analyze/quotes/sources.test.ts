import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuotes } from './index.js';
import { sourceCandidates } from './source-model.js';

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

test('a capitalised "May" after a first name or title is a surname, not the modal or the month', () => {
  assert.equal(parts('Prime Minister Ada May said that the ferry would stop.')[0]?.source, 'Prime Minister Ada May');
  assert.equal(parts('Mrs. May told reporters that the vote was over.')[0]?.source, 'Mrs. May');
  // The month after a preposition stays a date.
  assert.equal(parts('In May, Tom Keel said that the quay was closed.')[0]?.source, 'Tom Keel');
});

test('an -ly noun before the cue stays in the source; an -ly adverb joins the cue', () => {
  const seen = extractQuotes("Keel's family urged people to stay calm. The harbour family said the quay was safe. Mayor Lin Oduya repeatedly said the plan was sound.");
  const text = "Keel's family urged people to stay calm. The harbour family said the quay was safe. Mayor Lin Oduya repeatedly said the plan was sound.";
  assert.deepEqual(seen.map((a) => [a.source && text.slice(a.source.start, a.source.end), a.cue && text.slice(a.cue.start, a.cue.end)]), [
    ["Keel's family", 'urged'],
    ['The harbour family', 'said'],
    ['Mayor Lin Oduya', 'repeatedly said'],
  ]);
});

test('adverbs and a verb of the clause before the cue are not part of the source', () => {
  assert.equal(parts('Tom Keel further argued that the plan was sound.')[0]?.source, 'Tom Keel');
  assert.equal(parts('Lin Oduya went on to say that the quay would reopen.')[0]?.source, 'Lin Oduya');
});

test('an inverted source may keep its apposition and relative clause up to the end of the sentence', () => {
  // The ranker chooses; the candidates hold the whole stretch after the cue.
  const texts = ['"', 'Wall', 'Street', 'is', 'cynical', ',', '"', 'said', 'Tim', 'Roe', ',', 'a', 'developer', 'in', 'Vell', ',', 'who', 'introduced', 'Keel', 'to', 'his', 'bankers', '.'];
  const cue = texts.indexOf('said');
  const v = { texts, lower: texts.map((t) => t.toLowerCase()), blocked: (i: number) => i < 0 || i >= texts.length || i <= cue, classes: [], flags: new Uint16Array(texts.length) };
  const q = { first: 0, last: texts.length, cueStart: cue, cueEnd: cue + 1, rule: 'quote-then-cue-inverted', ruleSource: null };
  const words = sourceCandidates(v, q).flatMap((c) => (c ? [texts.slice(c[0], c[1]).join(' ')] : []));
  assert.ok(words.includes('Tim Roe , a developer in Vell , who introduced Keel to his bankers'), JSON.stringify(words));
});

test('a participle or adjunct set off after the name is not part of the source; an apposition is', () => {
  assert.equal(parts('Tom Keel, speaking at the harbour, said that the ferry would stop.')[0]?.source, 'Tom Keel');
  assert.equal(parts('Mayor Lin Oduya, in a statement on Friday, said that the quay would reopen.')[0]?.source, 'Mayor Lin Oduya');
  assert.equal(parts('Tom Keel, the harbour master, said that the ferry would stop.')[0]?.source, 'Tom Keel, the harbour master');
});

test('the first interrupting participle after the name ends the source, even when commas follow inside it; a relative clause keeps its commas', () => {
  const tusk = '"It was a sad moment," said Council President Ada Tusk, summing up talks on security, migration and trade.';
  assert.equal(parts(tusk)[0]?.source, 'Council President Ada Tusk');
  const fowler = '"Now is the time," said Tom Fowler, who led the party from 1995 to 1997, during the war, and backs Keel.';
  assert.match(parts(fowler)[0]?.source ?? '', /^Tom Fowler, who led the party from 1995 to 1997, during the war/);
  assert.equal(parts('On Tuesday, after winning the primary, Gov. Ada Marlow said the pier was safe.')[0]?.source, 'Gov. Ada Marlow');
});

test('the subject taken for a coordinated cue keeps its apposition', () => {
  const text = 'Tim Vane, a former party chairman, became a delegate and said he is leaning toward Keel.';
  assert.equal(parts(text).find((a) => a.content[0] === 'he is leaning toward Keel')?.source, 'Tim Vane, a former party chairman');
});

test('source candidates: the whole run before the cue (a long apposition with a relative clause), no start at a party tag', () => {
  const texts = ['Sen.', 'Tom', 'Roe', ',', 'R-Vell', ',', 'a', 'former', 'harbour', 'master', 'who', 'ran', 'the', 'port', 'for', 'years', ',', 'said', 'it', 'failed', '.'];
  const cue = texts.indexOf('said');
  const v = { texts, lower: texts.map((t) => t.toLowerCase()), blocked: (i: number) => i < 0 || i >= texts.length || i >= cue, classes: [], flags: new Uint16Array(texts.length) };
  const q = { first: 0, last: texts.length, cueStart: cue, cueEnd: cue + 1, rule: 'cue-then-reported', ruleSource: null };
  const words = sourceCandidates(v, q).flatMap((c) => (c ? [texts.slice(c[0], c[1]).join(' ')] : []));
  assert.ok(words.includes('Sen. Tom Roe , R-Vell , a former harbour master who ran the port for years'), JSON.stringify(words));
  assert.ok(!words.some((w) => w.startsWith('for ') || w.startsWith('R-Vell')), JSON.stringify(words));
});

test('a capitalised modal right before a finite cue is a name ("May said"), a modal before a base form is not', () => {
  const text = 'The minister spoke first. May said that a presence of 1,000 troops would be "a start, not an answer".';
  const may = extractQuotes(text).find((a) => a.content.some((c) => text.slice(c.start, c.end).startsWith('that a presence')));
  assert.ok(may);
  assert.equal(may.source && text.slice(may.source.start, may.source.end), 'May');
  assert.equal(may.cue && text.slice(may.cue.start, may.cue.end), 'said');
  const modal = 'The ferry company may say that the quay is too short.';
  const found = extractQuotes(modal)[0];
  assert.equal(found?.source && modal.slice(found.source.start, found.source.end), 'The ferry company');
});

test('a time adjunct before the cue is never the source ("…, who came one day earlier, said")', () => {
  const text = 'The general, who attended a meeting in Paris one day earlier, said most countries had come with offers.';
  const [found] = extractQuotes(text);
  assert.ok(found?.source);
  assert.match(text.slice(found.source.start, found.source.end), /^The general/);
  const friday = 'Last Friday, she said the quay would reopen.';
  assert.equal(parts(friday)[0]?.source, 'she');
});

test('a participle between a determiner and its noun is no cue ("the newly appointed commander")', () => {
  const text = 'Adm. Rosa Ferri, the newly appointed commander of the naval forces, said escorts could begin within weeks.';
  const found = extractQuotes(text);
  assert.deepEqual(found.map((a) => a.cue && text.slice(a.cue.start, a.cue.end)), ['said']);
});

test('a wire dateline opening the paragraph stays out of the reported words', () => {
  const text = 'PARIS, Nov 18 (Globe Wire) - Defence chiefs held a video conference on Wednesday, officials said.\n\nWASHINGTON (AP) — Officials said the quay would reopen.';
  assert.deepEqual(parts(text), [
    { source: 'officials', content: ['Defence chiefs held a video conference on Wednesday'] },
    { source: 'Officials', content: ['the quay would reopen'] },
  ]);
  // Nor is it part of a source that opens the paragraph.
  assert.equal(parts('PARIS, Nov 18 (Globe Wire) - Defence chiefs of the Concord said the talks were useful.')[0]?.source, 'Defence chiefs of the Concord');
  // Capitals inside a paragraph are not a dateline.
  assert.deepEqual(parts('Officials said NATO - and its allies - would meet.')[0]?.content, ['NATO - and its allies - would meet']);
});

test('the subject of "met … and agreed" ends before the irregular past verb', () => {
  const text = 'Defence chiefs from all 30 member states met by video link on Wednesday and agreed that the alliance could offer guarantees.';
  assert.equal(parts(text)[0]?.source, 'Defence chiefs from all 30 member states');
});

test('a quantifier after a bare noun starts the source of a relative clause without "that"', () => {
  const text = 'Members must help one another, a commitment several governments have said they are not ready to extend.';
  assert.equal(parts(text).find((a) => a.content[0]?.startsWith('they'))?.source, 'several governments');
  // After a determiner or an adjective-like word the quantifier stays inside the phrase.
  assert.equal(parts('The many officials who came said the quay was too short.')[0]?.source?.startsWith('The many officials'), true);
});

test('a long inverted source keeps its roles: "adviser to the … family", "a campaign to stop …"', () => {
  const text = 'The first ad could run this week, said Lin Oduya, a longtime adviser to the Keel family who leads the group\'s late campaign to stop the ferry sale.';
  assert.deepEqual(parts(text), [{
    source: 'Lin Oduya, a longtime adviser to the Keel family who leads the group\'s late campaign to stop the ferry sale',
    content: ['The first ad could run this week'],
  }]);
  // "to" before a name inside an appositive between quote and cue is the role's too.
  const quoted = '“The port is safe,” Ada Marlow, a former envoy to Vellmark and an adviser to the Harbour Board, said.';
  assert.equal(parts(quoted)[0]?.source, 'Ada Marlow, a former envoy to Vellmark and an adviser to the Harbour Board');
});

test('an infinitive after a cue is content, not an inverted speaker; a participle has no inverted speaker', () => {
  const plans = 'The mayor\'s deputy, Ada Marlow, plans to release her own report soon.';
  assert.deepEqual(parts(plans), [{ source: 'The mayor\'s deputy, Ada Marlow', content: ['to release her own report soon'] }]);
  const citing = 'The court blocked the sale of the ferry, citing a threat to public safety.';
  assert.ok(!parts(citing).some((p) => p.source === 'a threat to public safety'));
});

test('source candidates: none ends in an article, a preposition or "than", none opens with "there" or "given"', () => {
  const texts = ['Given', 'the', 'criticism', 'of', 'the', 'plan', ',', 'there', 'are', 'critics', 'rather', 'than', 'fans', 'who', 'said', 'it', 'failed', '.'];
  const cue = texts.indexOf('said');
  const v = { texts, lower: texts.map((t) => t.toLowerCase()), blocked: (i: number) => i < 0 || i >= texts.length || i >= cue, classes: [], flags: new Uint16Array(texts.length) };
  const q = { first: 0, last: texts.length, cueStart: cue, cueEnd: cue + 1, rule: 'cue-then-reported', ruleSource: [1, 2] as const };
  const words = sourceCandidates(v, q).flatMap((c) => (c ? [texts.slice(c[0], c[1]).join(' ')] : []));
  assert.ok(words.length > 0);
  for (const w of words) assert.ok(!/^(?:there|given)\b/i.test(w) && !/\b(?:the|of|than)$/.test(w), `${w} in ${JSON.stringify(words)}`);
});

test('a speech verb opening a source is an inverted cue, not part of the name; one in its relative clause goes with the clause', () => {
  assert.deepEqual(parts('“We won,” said Ellis. Said Keel: “We lost.”').map((p) => p.source), ['Ellis', 'Keel']);
  assert.equal(parts('“It is over,” said the official who told him about the plan.')[0]?.source, 'the official');
});

test('an opening time phrase or conjunction is not part of the source', () => {
  assert.deepEqual(parts('Last week Keel said the pier was safe. Two days ago the ministry said it would close. And Marlow said it would not.').map((p) => p.source), ['Keel', 'the ministry', 'Marlow']);
});
