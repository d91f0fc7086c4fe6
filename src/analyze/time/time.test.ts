import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { predictTimeFile, recognizeTimeExpressions, resolveTimex, type TimeExpression } from './index.js';

/** A Thursday. */
const PUBLISHED = '2026-11-19';

/** `null`: no publication date known. */
function recognise(text: string, published: string | null = PUBLISHED): TimeExpression[] {
  return recognizeTimeExpressions(text, published === null ? {} : { published });
}

/** The single expression whose text is `phrase` (fails if it is missing). */
function only(text: string, phrase: string, published?: string): TimeExpression {
  const found = recognise(text, published ?? PUBLISHED).filter((t) => t.text === phrase);
  assert.equal(found.length, 1, `expected one expression "${phrase}" in ${JSON.stringify(text)}, got ${JSON.stringify(recognise(text, published ?? PUBLISHED).map((t) => t.text))}`);
  return found[0] as TimeExpression;
}

function valueOf(text: string, phrase: string, published?: string): string {
  return only(text, phrase, published).value;
}

describe('weekdays in news tense', () => {
  it('past tense takes the latest such day on or before publication', () => {
    assert.equal(valueOf('The ministers met on Wednesday.', 'Wednesday'), '2026-11-18');
    assert.equal(valueOf('Shares fell Thursday.', 'Thursday'), '2026-11-19');
  });
  it('future verbs, "is due to" and "next" point forward', () => {
    assert.equal(valueOf('The ministers will meet on Wednesday.', 'Wednesday'), '2026-11-25');
    assert.equal(valueOf('The board is due to vote on Wednesday.', 'Wednesday'), '2026-11-25');
    assert.equal(valueOf('They meet again next Wednesday.', 'next Wednesday'), '2026-11-25');
  });
  it('modals point forward too ("can sail from Monday", "could start sailing on Wednesday")', () => {
    assert.equal(valueOf('"The ships can sail from Wednesday."', 'Wednesday'), '2026-11-25');
    assert.equal(valueOf('She said ships could start sailing on Wednesday.', 'Wednesday'), '2026-11-25');
  });
  it('"last Friday" is the Friday before publication', () => {
    assert.equal(valueOf('He resigned last Friday.', 'last Friday'), '2026-11-13');
  });
  it('a weekday with a part of day is a TIME', () => {
    const t = only('The talks ended on Monday night.', 'Monday night');
    assert.equal(t.type, 'TIME');
    assert.equal(t.value, '2026-11-16TNI');
  });
  it('an irregular participle after an auxiliary is no past tense ("will be held", "would be paid")', () => {
    assert.equal(valueOf('The talks will be held on Wednesday.', 'Wednesday'), '2026-11-25');
    assert.equal(valueOf('The dividend would be paid in January.', 'January', '1989-10-30'), '1990-01');
    assert.equal(valueOf('The dividend was paid on Wednesday.', 'Wednesday'), '2026-11-18');
  });
  it('"a plan announced" is not a future marker', () => {
    assert.equal(valueOf('The thrift announced the plan Aug. 21.', 'Aug. 21', '1989-10-27'), '1989-08-21');
  });
});

describe('anchored and relative dates', () => {
  it('"a day after" follows the last date in the text', () => {
    const all = recognise('The summit opened on Tuesday, Nov. 17. A day after the meeting, talks collapsed.');
    assert.deepEqual(
      all.map((t) => [t.text, t.value]),
      [
        ['Tuesday, Nov. 17', '2026-11-17'],
        ['A day', '2026-11-18'],
      ],
    );
    assert.deepEqual(all[1]?.anchor, { timexIndex: 0 });
    assert.equal(all[1]?.certainty, 'implied');
  });
  it('"a day after" with no date in the text is relative to publication', () => {
    const t = only('Talks collapsed a day after.', 'a day');
    assert.equal(t.value, '2026-11-20');
    assert.equal(t.anchor, 'publication');
  });
  it('"one day earlier" and "the previous week"', () => {
    assert.equal(valueOf('The deal was signed one day earlier.', 'one day earlier'), '2026-11-18');
    assert.equal(valueOf('The ceasefire began on Nov. 10. Fighting had flared the previous week.', 'the previous week'), '2026-W45');
  });
  it('"a year earlier" keeps the granularity of the period it compares with', () => {
    assert.equal(valueOf('Profit rose in the third quarter from $5 million a year earlier.', 'a year earlier', '1989-10-27'), '1988-Q3');
    assert.equal(valueOf('Profit rose in the third quarter, compared with $5 million a year ago.', 'a year ago', '1989-10-27'), '1988-Q3');
  });
  it('periods relative to publication', () => {
    assert.equal(valueOf('Earlier this month, prices rose.', 'Earlier this month'), '2026-11');
    assert.equal(valueOf('Sales rose this year.', 'this year'), '2026');
    assert.equal(valueOf('Sales fell last year.', 'last year'), '2025');
    assert.equal(valueOf('He visited last week.', 'last week'), '2026-W46');
    assert.equal(valueOf('Rain is expected this weekend.', 'this weekend'), '2026-W47-WE');
    assert.equal(valueOf('Prices rose yesterday.', 'yesterday'), '2026-11-18');
    assert.equal(valueOf('Prices rose two years ago.', 'two years ago'), '2024');
    assert.equal(valueOf('It snowed last winter.', 'last winter'), '2025-WI');
  });
  it('yearless dates take the near year, or the one the tense points to', () => {
    assert.equal(valueOf('The vote is set for Jan. 12.', 'Jan. 12'), '2027-01-12');
    assert.equal(valueOf('The treaty was signed on March 3.', 'March 3'), '2026-03-03');
    assert.equal(valueOf('He will retire in March.', 'March'), '2027-03');
  });
  it('"9/11" and "the September 11 attacks" are the 2001 attacks; a bare September 11 is a date like any other', () => {
    assert.equal(valueOf('Wray likened it to the September 11 terrorist attacks.', 'September 11'), '2001-09-11');
    assert.equal(valueOf('Since 9/11 the country has changed.', '9/11'), '2001-09-11');
    assert.equal(valueOf('The vote will be held on September 11.', 'September 11'), '2027-09-11');
  });
  it('"the week of March 8" is the week holding that day, not the current week', () => {
    assert.equal(valueOf('The next summit is planned for the week of March 8.', 'the week of March 8'), '2027-W10');
    assert.equal(valueOf('Talks in the week of June 1, 2026 failed.', 'the week of June 1, 2026'), '2026-W23');
    assert.equal(recognise('The next summit is planned for the week of March 8.').length, 1);
  });
  it('a range gives both ends', () => {
    const all = recognise('The festival ran from March 3 to 5.');
    assert.deepEqual(
      all.map((t) => [t.text, t.value]),
      [
        ['March 3', '2026-03-03'],
        ['5', '2026-03-05'],
      ],
    );
  });
  it('a clock time takes the day just mentioned', () => {
    const all = recognise('The blast happened on Tuesday at 10:30 a.m. local time.');
    assert.equal(all.find((t) => t.text.startsWith('10:30'))?.value, '2026-11-17T10:30');
  });
});

describe('stated dates, quarters, seasons, decades', () => {
  it('full dates and ISO forms', () => {
    const t = only('The law took effect on March 12, 2025.', 'March 12, 2025');
    assert.equal(t.value, '2025-03-12');
    assert.equal(t.certainty, 'stated');
    assert.equal(t.granularity, 'day');
    assert.equal(valueOf('Filed 2025-03-12.', '2025-03-12'), '2025-03-12');
    assert.equal(valueOf('Week 2025-W11 was quiet.', '2025-W11'), '2025-W11');
    assert.equal(valueOf('It happened in March 2025.', 'March 2025'), '2025-03');
    assert.equal(valueOf('It happened in 2025.', '2025'), '2025');
    const time = only('The vote closes at 2:30 p.m. on March 12, 2025.', '2:30 p.m. on March 12, 2025');
    assert.equal(time.type, 'TIME');
    assert.equal(time.value, '2025-03-12T14:30');
  });
  it('quarters, halves, fiscal years, decades, centuries, seasons', () => {
    assert.equal(valueOf('Sales in the first quarter of 2025 rose.', 'the first quarter of 2025'), '2025-Q1');
    assert.equal(valueOf('Third-quarter profit fell.', 'Third-quarter'), '2026-Q3');
    assert.equal(valueOf('Revenue for fiscal 1998 fell.', 'fiscal 1998'), '1998');
    assert.equal(valueOf('Inflation was high in the 1990s.', 'the 1990s'), '199');
    assert.equal(valueOf('It was built in the 19th century.', 'the 19th century'), '18');
    assert.equal(valueOf('They arrived in the spring of 2025.', 'the spring of 2025'), '2025-SP');
    assert.equal(valueOf('Output grew in the first half of 2024.', 'the first half of 2024'), '2024-H1');
    assert.equal(valueOf('Shops close on Christmas Day.', 'Christmas Day'), '2026-12-25');
  });

  it('reads "the new year" as the coming January\'s year, and as the current one early in January', () => {
    const at = (published: string, text: string): string | undefined =>
      recognizeTimeExpressions(text, { published }).find((t) => text.slice(t.start, t.end) === 'the new year')?.value;
    assert.equal(at('2026-12-07', 'The next round will take place early in the new year.'), '2027');
    assert.equal(at('2027-01-20', 'Talks resume in the new year.'), '2027');
  });
});

describe('durations, sets and references', () => {
  it('durations', () => {
    const war = only('The three-year war ended.', 'three-year');
    assert.equal(war.type, 'DURATION');
    assert.equal(war.value, 'P3Y');
    assert.equal(valueOf('Prices doubled over the past two years.', 'the past two years'), 'P2Y');
    assert.equal(valueOf('Talks lasted two hours.', 'two hours'), 'PT2H');
    assert.equal(valueOf('The flight took 5 1/2 hours.', '5 1/2 hours'), 'PT5H30M');
    assert.equal(valueOf('The dispute has dragged on for several years.', 'several years'), 'PXY');
  });
  it('sets', () => {
    const weekly = only('The panel meets every week.', 'every week');
    assert.equal(weekly.type, 'SET');
    assert.equal(weekly.value, 'P1W');
    assert.equal(weekly.quant, 'EVERY');
    assert.equal(valueOf('The committee meets each Wednesday.', 'each Wednesday'), 'XXXX-WXX-3');
    assert.equal(valueOf('The paper is published daily.', 'daily'), 'P1D');
  });
  it('present, past and future references', () => {
    assert.equal(valueOf('Prices are now falling.', 'now'), 'PRESENT_REF');
    assert.equal(valueOf('He is currently abroad.', 'currently'), 'PRESENT_REF');
    assert.equal(valueOf('He recently visited Kyiv.', 'recently'), 'PAST_REF');
    assert.equal(valueOf('The former minister agreed.', 'former'), 'PAST_REF');
    assert.equal(valueOf('Nobody knows what the future holds.', 'the future'), 'FUTURE_REF');
  });
  it('"former" is left out under TimeML conventions', () => {
    const timeml = recognizeTimeExpressions('The former minister agreed.', { published: PUBLISHED, conventions: 'timeml' });
    assert.deepEqual(timeml, []);
  });
});

describe('things that are not times', () => {
  const negatives = [
    'NATO sent 1,000 troops to the border.',
    'Theresa May said the plan would work.',
    'Under Article 5, allies must respond.',
    'Thousands of protesters march through the capital.',
    'The 30 member states agreed.',
    'The agency has 2000 staff.',
    'Officials may decide later.',
    'The crowd fell silent as the fall of the wall was recalled.',
    'A 6-year-old boy was rescued.',
  ];
  for (const text of negatives) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(
        recognise(text).map((t) => t.text),
        [],
      );
    });
  }
});

describe('unresolved, then resolved', () => {
  it('keeps the relative meaning without a publication date', () => {
    const [wed] = recognise('The ministers met on Wednesday.', null);
    assert.ok(wed);
    assert.equal(wed.value, 'XXXX-WXX-3');
    assert.equal(wed.anchor, undefined);
    assert.deepEqual({ weekday: wed.relative?.weekday, direction: wed.relative?.direction }, { weekday: 3, direction: 'past' });
    assert.equal(resolveTimex(wed, PUBLISHED).value, '2026-11-18');
    assert.equal(resolveTimex(wed, PUBLISHED).anchor, 'publication');
  });
  it('a day offset', () => {
    const [y] = recognise('Prices rose yesterday.', null);
    assert.ok(y);
    assert.equal(y.value, 'XXXX-XX-XX');
    assert.deepEqual({ unit: y.relative?.unit, offset: y.relative?.offset, anchor: y.relative?.anchor }, { unit: 'day', offset: -1, anchor: 'publication' });
    assert.equal(resolveTimex(y, '2026-11-19T08:00:00Z').value, '2026-11-18');
  });
  it('future weekdays and quarters', () => {
    const [wed] = recognise('The ministers will meet on Wednesday.', null);
    assert.ok(wed);
    assert.equal(resolveTimex(wed, PUBLISHED).value, '2026-11-25');
    const [q] = recognise('Sales rose in the third quarter.', null);
    assert.ok(q);
    assert.equal(q.value, 'XXXX-Q3');
    assert.equal(resolveTimex(q, '2026-11-19').value, '2026-Q3');
  });
  it('stated expressions need no resolution', () => {
    const [d] = recognise('It happened on March 12, 2025.', null);
    assert.ok(d);
    assert.equal(d.value, '2025-03-12');
    assert.equal(resolveTimex(d, PUBLISHED), d);
  });
  it('rejects a malformed publication date', () => {
    assert.throws(() => recognizeTimeExpressions('today', { published: '19/11/2026' }), /19\/11\/2026/);
    assert.throws(() => resolveTimex({ start: 0, end: 5, text: 'today', type: 'DATE', value: 'XXXX-XX-XX', granularity: 'day', certainty: 'implied', rule: 'x', relative: { anchor: 'publication', unit: 'day', offset: 0, granularity: 'day' } }, '2026-13-01'), /2026-13-01/);
  });
});

describe('spans', () => {
  const texts = [
    'The ministers met on Wednesday, Nov. 18, and will meet again next week. A year earlier, talks had failed.',
    'Revenue in the third quarter rose 5% from $3 million a year ago; profit for the first nine months fell.',
    'Since the 1990s, the three-year programme has run daily, except on Sundays, from 9 a.m. to 5 p.m. EST.',
    'Protesters said recently that the future looks bleak; they now plan to march on Friday morning.',
    '“Café” owners — in 2024 — said the “long winter” of 2023 hurt; in the winter, sales drop 20 percent.',
  ];
  it('text.slice(start, end) is the expression text, in order, without overlaps', () => {
    for (const text of texts) {
      const found = recognise(text);
      assert.ok(found.length > 0, text);
      let last = 0;
      for (const t of found) {
        assert.equal(text.slice(t.start, t.end), t.text);
        assert.ok(t.start >= last && t.start < t.end && t.end <= text.length, `${t.text} at ${t.start}`);
        assert.equal(t.text, t.text.trim(), `untrimmed "${t.text}"`);
        last = t.end;
      }
    }
  });
});

describe('predictTimeFile', () => {
  it('writes the scorer format, using dct or published as reference', () => {
    const out = predictTimeFile({
      a: { dct: '2026-11-19', text: 'The ministers met on Wednesday.' },
      b: { published: '2026-11-19', text: 'Nothing happened.' },
    });
    assert.deepEqual(out, {
      a: { timexes: [{ start: 21, end: 30, type: 'DATE', value: '2026-11-18' }] },
      b: { timexes: [] },
    });
  });
});
