import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotedSegments, paragraphsOf } from './quote-marks.js';

const quoted = (text: string): string[] => findQuotedSegments(text).map((s) => text.slice(s.start, s.end));

test('curly quotes inside a straight quote stay inside it', () => {
  const text = 'Keel continued: "I will read you the question: “Is the ferry safe?” Forty-three said yes."';
  assert.deepEqual(quoted(text), ['"I will read you the question: “Is the ferry safe?” Forty-three said yes."']);
});

test('a straight mark that never closes leaves the curly quotes after it as quotes of their own', () => {
  const text = 'He said "we will go. “Next week,” Keel said.';
  assert.deepEqual(quoted(text), ['“Next week,”']);
});

test('a curly closing mark after a straight opening one closes it when nothing is nested', () => {
  assert.deepEqual(quoted('"We will go,” he said.'), ['"We will go,”']);
});

test('a block quotation left open keeps the curly quotes inside it as quotes of their own', () => {
  const text = '"Keel walked onto the quay, chanting “Ferry now! Ferry now!”\n\nThe crowd followed.';
  assert.deepEqual(quoted(text), ['“Ferry now! Ferry now!”']);
});

test('curly quotes inside a curly quote stay inside it when both close; a stray opening mark still restarts the quote', () => {
  const nested = '“I would rather live in what he calls “hell” than in his world.” ― Ada Marlow';
  assert.deepEqual(quoted(nested), ['“I would rather live in what he calls “hell” than in his world.”']);
  const stray = 'The sign read “Closed. Keel said “we reopen on Monday.”';
  assert.deepEqual(quoted(stray), ['“we reopen on Monday.”']);
});

test('a hard-wrapped line inside a sentence does not end the paragraph or the quote; a new paragraph does', () => {
  const text = '“They have focused on paid advertising that has a limited effect on getting them to participate personally\nin caucuses,” Blackwell added.\n“Next,” he said.\nlater “one\n\nnot closed';
  assert.deepEqual(
    paragraphsOf(text).map((p) => text.slice(p.start, p.end)),
    [
      '“They have focused on paid advertising that has a limited effect on getting them to participate personally\nin caucuses,” Blackwell added.',
      '“Next,” he said.',
      'later “one',
      'not closed',
    ],
  );
  assert.deepEqual(
    quoted(text).slice(0, 2),
    ['“They have focused on paid advertising that has a limited effect on getting them to participate personally\nin caucuses,”', '“Next,”'],
  );
});
