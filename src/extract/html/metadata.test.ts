import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanAuthors } from './authors.js';
import { dateFromUrl, findDateInText, normaliseDate } from './dates.js';
import { readJsonLd } from './jsonld.js';
import { stripSiteName } from './metadata.js';

test('normaliseDate keeps a stated offset and never invents one', () => {
  assert.equal(normaliseDate('2019-11-20T10:15:00Z'), '2019-11-20T10:15:00Z');
  assert.equal(normaliseDate('2019-11-20T10:15:00.000+0100'), '2019-11-20T10:15:00+01:00');
  assert.equal(normaliseDate('2019-11-20 10:15'), '2019-11-20T10:15:00');
  assert.equal(normaliseDate('2019-11-20'), '2019-11-20');
  assert.equal(normaliseDate('20191120'), '2019-11-20');
  assert.equal(normaliseDate('Tue, 19 Nov 2019 13:28:00 GMT'), '2019-11-19T13:28:00Z');
  assert.equal(normaliseDate('Tue, 19 Nov 2019 13:28:00 -0500'), '2019-11-19T13:28:00-05:00');
  assert.equal(normaliseDate('1574168580'), '2019-11-19T13:03:00Z');
});

test('normaliseDate refuses what is not a date', () => {
  for (const bad of ['', 'yesterday', '2019-13-01', '2019-02-30', '0001-01-01T00:00:00Z', 'null']) {
    assert.equal(normaliseDate(bad), undefined, bad);
  }
});

test('findDateInText reads dates people write', () => {
  assert.equal(findDateInText('Published 12 March 2025'), '2025-03-12');
  assert.equal(findDateInText('Updated: Nov. 19, 2019 at 10:15 a.m.'), '2019-11-19');
  assert.equal(findDateInText('5. Oktober 2023'), '2023-10-05');
  assert.equal(findDateInText('20 de novembro de 2019'), '2019-11-20');
  assert.equal(findDateInText('Posted by Jane'), undefined);
});

test('dateFromUrl finds path dates only', () => {
  assert.equal(dateFromUrl('https://x.example/2019/11/20/story-name/'), '2019-11-20');
  assert.equal(dateFromUrl('https://x.example/news/2019-11-20-story'), '2019-11-20');
  assert.equal(dateFromUrl('https://x.example/article/20191120/story'), '2019-11-20');
  assert.equal(dateFromUrl('https://x.example/story-608399'), undefined);
  assert.equal(dateFromUrl('not a url'), undefined);
});

test('cleanAuthors strips bylines down to person names', () => {
  assert.deepEqual(cleanAuthors(['By Jane Doe and John Roe, Reuters']), ['Jane Doe', 'John Roe']);
  assert.deepEqual(cleanAuthors(['Jane DoeReuters']), ['Jane Doe']);
  assert.deepEqual(cleanAuthors(['Jane DoeValley Post'], 'Valley Post'), ['Jane Doe']);
  assert.deepEqual(cleanAuthors(['Jane Doe, Valley Post'], 'Valley Post'), ['Jane Doe']);
  assert.deepEqual(cleanAuthors(['By Jane Doe Email the author']), ['Jane Doe']);
  assert.deepEqual(cleanAuthors(['Jane Doe @janedoe', 'jane doe']), ['Jane Doe']);
  assert.deepEqual(cleanAuthors(['Staff', 'Associated Press', 'Updated 3 hours ago']), []);
  assert.deepEqual(cleanAuthors(['Von Jonas Brenner · 5. Oktober 2023']), ['Jonas Brenner']);
  assert.deepEqual(cleanAuthors(['Ludwig van Beethoven']), ['Ludwig van Beethoven']);
  assert.deepEqual(cleanAuthors(['the best coverage of the week in one place']), []);
});

test('stripSiteName removes the site decoration, not the headline', () => {
  assert.equal(stripSiteName('Harbour bridge reopens | The Daily Ledger', 'The Daily Ledger', undefined), 'Harbour bridge reopens');
  assert.equal(stripSiteName('The Daily Ledger - Harbour bridge reopens', 'The Daily Ledger', undefined), 'Harbour bridge reopens');
  assert.equal(stripSiteName('Harbour bridge reopens - dailyledger.com', undefined, 'www.dailyledger.com'), 'Harbour bridge reopens');
  assert.equal(stripSiteName('Brexit: what happens next', 'The Daily Ledger', undefined), 'Brexit: what happens next');
  assert.equal(stripSiteName('Harbour bridge reopens after a long two-year repair | News', undefined, undefined), 'Harbour bridge reopens after a long two-year repair');
});

test('readJsonLd resolves @graph references and skips organisations as authors', () => {
  const ld = readJsonLd([
    JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'Ledger' },
        { '@type': 'Person', '@id': '#p1', name: 'Marta Kowalczyk' },
        { '@type': 'NewsArticle', headline: 'H', datePublished: '2025-03-11', author: [{ '@id': '#p1' }, { '@type': 'Organization', name: 'Ledger Staff' }], articleBody: 'Body.' },
      ],
    }),
    '{ broken json',
  ]);
  assert.equal(ld?.headline, 'H');
  assert.deepEqual(ld?.authors, ['Marta Kowalczyk']);
  assert.equal(ld?.publisher, 'Ledger');
  assert.equal(ld?.isNews, true);
  assert.equal(ld?.articleBody, 'Body.');
  assert.equal(readJsonLd(['not json at all']), undefined);
});
