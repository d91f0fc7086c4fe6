import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateRange, displayDate, displayDuration, durationsDisagree, relateDates } from './dates.js';

test('dates display as a reader writes them: day, month, and a week by its Monday', () => {
  assert.equal(displayDate('2026-12-02'), 'Wednesday 2 December 2026');
  assert.equal(displayDate('2027-01'), 'January 2027');
  assert.equal(displayDate('2026-W50'), 'the week of 7 December 2026');
  assert.equal(displayDate('2027-W01'), 'the week of 4 January 2027');
  assert.equal(displayDate('XXXX-WXX-3'), 'XXXX-WXX-3');
});

test('a week contains its days, and days three apart are near', () => {
  assert.equal(dateRange('2026-W50').grain, 'week');
  assert.equal(relateDates('2026-W50', '2026-12-09'), 'contains');
  assert.equal(relateDates('2026-12-02', '2026-12-04'), 'near');
});

test('lengths display in words and disagree only a quarter or more apart', () => {
  assert.equal(displayDuration('PT2H'), '2 hours');
  assert.equal(displayDuration('PT90M'), '90 minutes');
  assert.equal(displayDuration('P1D'), '1 day');
  assert.equal(displayDuration('PXY'), 'PXY');
  assert.ok(durationsDisagree('PT2H', 'PT3H'));
  assert.ok(!durationsDisagree('PT2H', 'PT120M'));
  assert.ok(!durationsDisagree('PT90M', 'PT100M'));
  assert.ok(!durationsDisagree('PT2H', 'PXH'), 'an unknown length disagrees with nothing');
});
