import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConstraintSet } from './constraints.js';
import { canonicalUrl, dayNumber, publicationTime, stem, textFeatures } from './features.js';
import { estimatedContainment, estimatedJaccard, minhashSignature, shingleHashes } from './minhash.js';

test('names are capitalised words that do not open a sentence, plus figures', () => {
  const f = textFeatures({
    id: 'a',
    title: 'Storm Closes Harbour In Port Ashby',
    text: 'The storm hit Port Ashby on Monday. Officials said 14 boats sank. Rosa Lindqvist called it the worst in 1998.',
  });
  const names = [...f.names.keys()].sort();
  // Headline-case titles give no names; "The"/"Officials" open sentences; "Rosa" opens one but is followed by a name.
  assert.deepEqual(names, ['#14', '#1998', 'ashby', 'lindqvist', 'port', 'rosa']);
  assert.ok(f.terms.has('storm'));
  assert.equal(f.terms.get('harbour'), 2, 'title terms count twice');
  assert.ok(!f.terms.has('the'));
});

test('given names and dates replace the proxies', () => {
  const f = textFeatures({ id: 'a', text: 'Mayor Tomas Erdel spoke.', names: ['Anna Petrosk'], dates: ['2031-03-03'] });
  assert.deepEqual([...f.names.keys()].sort(), ['@2031-03-03', 'anna', 'petrosk']);
});

test('stemming meets inflected forms', () => {
  assert.equal(stem('killed'), stem('kills'));
  assert.equal(stem('released'), stem('release'));
  assert.equal(stem('cities'), 'city');
  assert.equal(stem('1,200'), '1200');
});

test('canonical URLs ignore scheme, www, tracking parameters and trailing slashes', () => {
  assert.equal(canonicalUrl('https://www.example.com/a/b/?utm_source=x&id=3#top'), canonicalUrl('http://example.com/a/b?id=3'));
  assert.notEqual(canonicalUrl('https://example.com/a?id=3'), canonicalUrl('https://example.com/a?id=4'));
  assert.equal(canonicalUrl('not a url'), undefined);
});

test('publication days', () => {
  assert.equal(dayNumber('1970-01-02'), 1);
  assert.equal(dayNumber('2031-05-13T22:10:00+02:00'), dayNumber('2031-05-13'));
  assert.equal(dayNumber('May 13'), undefined);
  assert.equal(dayNumber(undefined), undefined);
});

test('MinHash containment sees a text inside a longer one', () => {
  const words = 'the quick brown fox jumps over the lazy dog near the quiet river bank at dawn while birds sing'.split(' ');
  const extra = 'more stories council budget approved rowing final fog warnings extended weekend traffic report'.split(' ');
  const a = shingleHashes(words);
  const b = shingleHashes([...words, ...extra]);
  const sa = minhashSignature(a);
  const sb = minhashSignature(b);
  const j = estimatedJaccard(sa, sb);
  assert.ok(j > 0.3 && j < 0.9, `Jaccard ${j}`);
  assert.ok(estimatedContainment(j, a.length, b.length) > 0.8);
  assert.deepEqual(minhashSignature(a), sa, 'deterministic');
  assert.equal(estimatedContainment(0, 0, 10), 0);
});

test('constraints: together absorbs whole groups; separate keeps both halves apart and inherits links', () => {
  const c = new ConstraintSet();
  c.together(['a', 'b']);
  c.together(['b', 'c']);
  assert.equal(c.groupOf('a'), c.groupOf('c'));
  const [left, right] = c.separate(['c'], ['a', 'b']);
  assert.ok(c.areApart(left, right));
  assert.equal(c.groupOf('c'), left);
  assert.equal(c.groupOf('a'), right);
  // Merging the split-off part with a new article keeps it apart from the rest.
  const merged = c.together(['c', 'd']);
  assert.ok(c.areApart(merged, right));
  assert.ok(!c.compatible([merged], new Set([right])));
  const json = c.toJSON();
  assert.deepEqual(json, { groups: [['a', 'b'], ['c', 'd']], apart: [[0, 1]] });
  assert.deepEqual(ConstraintSet.from(json).toJSON(), json);
  assert.throws(() => ConstraintSet.from({ groups: [['a'], ['a']], apart: [] }), /group 1 repeats an article/);
  assert.throws(() => ConstraintSet.from({ groups: [['a']], apart: [[0, 3]] }), /apart pair \[0, 3\]/);
});

test('publication instants keep the hour when stated and put a bare date at midday', () => {
  const evening = publicationTime('2026-11-18T19:42:00+01:00') ?? Number.NaN;
  const morning = publicationTime('2026-11-19T06:30:00Z') ?? Number.NaN;
  assert.ok(Math.abs(morning - evening - 0.4917) < 1e-3, `gap ${morning - evening}`);
  assert.equal(publicationTime('2026-11-19'), (dayNumber('2026-11-19') ?? 0) + 0.5);
  assert.equal(publicationTime('2026-11-18 18:42'), publicationTime('2026-11-18T19:42:00+01:00'));
  assert.equal(publicationTime('Nov 19'), undefined);
});
