import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datelineAt, datelinesOf } from './dateline.js';

test('datelines: place, optional state and date, optional agency, a dash', () => {
  for (const [text, rest] of [
    ['PARIS, Nov 18 (Globe Wire) - Ministers met.', 'Ministers met.'],
    ['WASHINGTON (AP) — The vote failed.', 'The vote failed.'],
    ['ARLINGTON, Va., Dec. 2 — Officials said.', 'Officials said.'],
    ['VELL — The ferry runs.', 'The ferry runs.'],
    ['NEW YORK, Dec. 2, 2026 ― Shares fell.', 'Shares fell.'],
  ] as const) {
    const d = datelineAt(text, 0);
    assert.ok(d, text);
    assert.equal(text.slice(d.end), rest, text);
  }
  const d = datelineAt('PARIS, Nov 18 (Globe Wire) - Ministers met.', 0);
  assert.deepEqual(d?.agency, { start: 15, end: 25 });
});

test('no dateline: a sentence, a capitalised name, a short capital before a dash', () => {
  for (const text of ['The ministers met in Paris.', 'Paris — the city of light.', 'A — the first option.', 'Officials said Tuesday.']) {
    assert.equal(datelineAt(text, 0), null, text);
  }
});

test('datelines of a text: one per paragraph, after a line break', () => {
  const text = 'Headline\n\nVELL, Dec. 2 (Courier) — Talks resumed.\n\nSARNOVA — The port reopened.\nNo dateline here.';
  assert.deepEqual(datelinesOf(text).map((d) => d.agency && text.slice(d.agency.start, d.agency.end)), ['Courier', undefined]);
});
