import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, type Tokenized } from './index.js';

function words(text: string): string[] {
  return tokenize(text).tokens.map((t) => t.text);
}

function sentences(text: string): string[] {
  const t = tokenize(text);
  return t.sentences.map((s) => text.slice(s.start, s.end));
}

function checkInvariants(text: string, result: Tokenized): void {
  let prevEnd = 0;
  for (const tok of result.tokens) {
    assert.ok(tok.end > tok.start, `empty token at ${tok.start}`);
    assert.ok(tok.start >= prevEnd, `tokens overlap or are out of order at ${tok.start}`);
    assert.equal(tok.text, text.slice(tok.start, tok.end));
    assert.equal(tok.text.trim(), tok.text, `token has whitespace: ${JSON.stringify(tok.text)}`);
    prevEnd = tok.end;
  }
  let nextToken = 0;
  for (const s of result.sentences) {
    assert.equal(s.tokenStart, nextToken, 'sentences must cover tokens contiguously');
    assert.ok(s.tokenEnd > s.tokenStart, 'empty sentence');
    assert.equal(s.start, result.tokens[s.tokenStart]?.start);
    assert.equal(s.end, result.tokens[s.tokenEnd - 1]?.end);
    nextToken = s.tokenEnd;
  }
  assert.equal(nextToken, result.tokens.length, 'sentences must cover every token');
}

test('abbreviations and titles keep their period and do not end a sentence', () => {
  const text = 'Lt. Gen. Ada Marlow of the U.S. Army met Col. Piet van Dijk and Dr. Lee at 9 a.m. on Jan. 5.';
  assert.deepEqual(sentences(text), [text]);
  const w = words(text);
  for (const abbr of ['Lt.', 'Gen.', 'U.S.', 'Col.', 'Dr.', 'a.m.', 'Jan.']) assert.ok(w.includes(abbr), abbr);
  assert.equal(w.at(-1), '.');
});

test('initials stay attached and do not split', () => {
  assert.deepEqual(words('J. R. Smith left.'), ['J.', 'R.', 'Smith', 'left', '.']);
  assert.equal(sentences('J. R. Smith left.').length, 1);
});

test('U.S. ends a sentence before a typical sentence starter only', () => {
  assert.deepEqual(sentences('He moved to the U.S. The move was costly.'), ['He moved to the U.S.', 'The move was costly.']);
  assert.deepEqual(sentences('The U.S. Senate voted.'), ['The U.S. Senate voted.']);
  assert.deepEqual(sentences('Shares of Acme Inc. rose. Acme Inc. The firm said.').length, 3);
});

test('plain periods split before capitals but not before lowercase words', () => {
  assert.deepEqual(sentences('It rained. Nobody came.'), ['It rained.', 'Nobody came.']);
  assert.deepEqual(sentences('It cost approx. five dollars.').length, 1);
  assert.deepEqual(sentences('Prices rose 5%. 20 people were hurt.').length, 2);
});

test('quotations: no split inside an open quotation, split after a closed one', () => {
  assert.deepEqual(sentences('"We will," she said.'), ['"We will," she said.']);
  assert.deepEqual(sentences('"We will fight. We will win," she said.'), ['"We will fight. We will win," she said.']);
  assert.deepEqual(sentences('“Really?” she asked.'), ['“Really?” she asked.']);
  assert.deepEqual(sentences('He said: "We will win." She left.'), ['He said: "We will win."', 'She left.']);
  assert.deepEqual(sentences('"Stop!" He ran.'), ['"Stop!"', 'He ran.']);
});

test('a stray quote mark does not swallow the paragraph', () => {
  const text = 'He said "yes. It rained. Nobody came.\n\nNext paragraph.';
  assert.equal(sentences(text).length, 4);
});

test('block breaks end sentences (headlines without punctuation)', () => {
  assert.deepEqual(sentences('Markets Rally On Rate Hopes\n\nStocks rose on Monday.'), ['Markets Rally On Rate Hopes', 'Stocks rose on Monday.']);
  assert.deepEqual(sentences('Stocks rose\non Monday.'), ['Stocks rose\non Monday.']);
});

test('datelines become their own sentence', () => {
  assert.deepEqual(sentences('BRUSSELS — The Commission said no.'), ['BRUSSELS —', 'The Commission said no.']);
  assert.deepEqual(sentences('BRUSSELS (Reuters) - The Commission said no.'), ['BRUSSELS (Reuters) -', 'The Commission said no.']);
  assert.deepEqual(sentences('WASHINGTON, March 12 (AP) — Officials said.')[0], 'WASHINGTON, March 12 (AP) —');
  // not a dateline: a normal capitalised word
  assert.equal(sentences('Brussels - the capital - said no.').length, 1);
});

test('numbers, dates and separators stay one token', () => {
  assert.deepEqual(words('1,000 and 3.5 and 10,000.50 on 2025-03-12 at 10:30'), ['1,000', 'and', '3.5', 'and', '10,000.50', 'on', '2025-03-12', 'at', '10:30']);
  assert.deepEqual(words('costs $5, 2,3'), ['costs', '$', '5', ',', '2', ',', '3']);
});

test('PTB-style clitics are split; names with apostrophes are not', () => {
  assert.deepEqual(words("Clinton's aides don't know O'Brien"), ['Clinton', "'s", 'aides', 'do', "n't", 'know', "O'Brien"]);
  assert.deepEqual(words('the firm’s CEO'), ['the', 'firm', '’s', 'CEO']);
  assert.deepEqual(words("they're here"), ['they', "'re", 'here']);
});

test('dashes, ellipses, hyphens', () => {
  assert.deepEqual(words('well-known—really… maybe... no -- yes – ok'), ['well-known', '—', 'really', '…', 'maybe', '...', 'no', '--', 'yes', '–', 'ok']);
});

test('URLs, e-mails, handles, hashtags', () => {
  assert.deepEqual(words('See https://example.org/a?b=1. Mail jo.doe@example.com, @jo_doe #Vote2024'),
    ['See', 'https://example.org/a?b=1', '.', 'Mail', 'jo.doe@example.com', ',', '@jo_doe', '#Vote2024']);
  assert.deepEqual(words('AT&T and S&P'), ['AT&T', 'and', 'S&P']);
});

test('No. before a number is an abbreviation, "no." elsewhere is a word', () => {
  assert.deepEqual(words('No. 5 seed'), ['No.', '5', 'seed']);
  assert.deepEqual(sentences('He said No. Then he left.').length, 2);
});

test('invariants hold on assorted text including unicode and emoji', () => {
  const texts = [
    '',
    '   ',
    'Zoë Ångström visited São Paulo 🎉 and Łódź.\n\n\n“Ça va?” — she said…',
    'a.b.c. ... ?!? "" \'\' `` \'s n\'t \u00a0 x',
    'BRUSSELS (Reuters) - EU rejects call.\r\n\r\nNext.',
  ];
  for (const t of texts) checkInvariants(t, tokenize(t));
});

test('linear-time behaviour on long input', () => {
  const text = 'Gen. Ada Marlow said the U.S. plan cost $1,000. "We will," she said. '.repeat(5000);
  const t0 = performance.now();
  const result = tokenize(text);
  const elapsed = performance.now() - t0;
  checkInvariants(text, result);
  assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  assert.equal(result.sentences.length, 10000);
});
