import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../../model/index.js';
import * as api from './index.js';
import { extractHtml, type HtmlExtractOptions } from './index.js';

/** Fixtures stay in src/ (tsc does not copy them), so find them from the repo root whether run from src/ or dist/. */
function fixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('extract-html.test: cannot find package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return join(dir, 'src', 'extract', 'html', 'fixtures');
}

const UPDATE = process.env['UPDATE'] === '1';
const FIXTURES = fixturesDir();
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Cases that must come out as "no article" (empty text and a `no-article` error). */
const NEGATIVE_CASES = new Set(['listing-page', 'empty-body', 'nav-only']);

function runCase(name: string): Extraction {
  const dir = join(FIXTURES, name);
  const html = readFileSync(join(dir, 'source.html'), 'utf8');
  const optionsPath = join(dir, 'options.json');
  const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as HtmlExtractOptions) : {};
  return extractHtml(html, options);
}

function assertInvariants(result: Extraction, label: string): void {
  const { text, blocks } = result;
  assert.equal(text, blocks.map((b) => text.slice(b.start, b.end)).join('\n\n'), `${label}: text is the blocks joined by a blank line`);
  let previousEnd = -1;
  for (const b of blocks) {
    assert.ok(Number.isInteger(b.start) && Number.isInteger(b.end), `${label}: integer offsets`);
    assert.ok(b.start >= 0 && b.start < b.end && b.end <= text.length, `${label}: block [${b.start}, ${b.end}) within text`);
    assert.ok(b.start > previousEnd, `${label}: blocks in order and not overlapping`);
    const slice = text.slice(b.start, b.end);
    assert.equal(slice, slice.trim(), `${label}: block has no leading or trailing whitespace`);
    assert.ok(!slice.includes('\n\n'), `${label}: no blank line inside a block`);
    previousEnd = b.end;
  }
}

for (const name of CASES) {
  test(`fixture ${name}`, () => {
    const dir = join(FIXTURES, name);
    const result = runCase(name);
    assertInvariants(result, name);
    const metadataJson = JSON.stringify(result.metadata, null, 2) + '\n';
    if (UPDATE) {
      writeFileSync(join(dir, 'expected.txt'), result.text === '' ? '' : result.text + '\n');
      writeFileSync(join(dir, 'expected-metadata.json'), metadataJson);
      return;
    }
    const expectedText = readFileSync(join(dir, 'expected.txt'), 'utf8').replace(/\n$/, '');
    assert.equal(result.text, expectedText);
    assert.deepEqual(result.metadata, JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')));
    const noArticle = result.diagnostics.find((d) => d.rule === 'no-article');
    if (NEGATIVE_CASES.has(name)) {
      assert.equal(result.text, '');
      assert.ok(noArticle && noArticle.severity === 'error', `${name}: expected a no-article error`);
    } else {
      assert.equal(noArticle, undefined, `${name}: unexpected ${noArticle?.message}`);
    }
  });
}

test('boilerplate never reaches the article text', () => {
  const text = runCase('jsonld-news-article').text;
  for (const junk of ['cookies', 'Share on', 'Ferry timetable', 'newsletter', 'Transport', 'About time too', 'All rights reserved', 'Photo: Ledger']) {
    assert.ok(!text.includes(junk), `article text contains boilerplate "${junk}"`);
  }
  assert.ok(!text.startsWith('Harbour bridge reopens'), 'the headline is metadata, not article text');
  assert.ok(text.includes('Traders relieved'), 'subheadings are kept');
});

test('block kinds follow the markup', () => {
  const result = runCase('jsonld-news-article');
  const kinds = new Map(result.blocks.map((b) => [result.text.slice(b.start, b.end), b.kind]));
  assert.equal(kinds.get('Traders relieved'), 'heading');
  assert.equal(kinds.get('We expect the bridge to need no major work for another forty years.'), 'blockquote');
  const listResult = runCase('time-element-only');
  assert.ok(listResult.blocks.some((b) => b.kind === 'list-item' && listResult.text.slice(b.start, b.end) === 'Sonntag: 13 bis 17 Uhr'));
});

test('no-article message says what the page looks like', () => {
  const listing = runCase('listing-page').diagnostics.find((d) => d.rule === 'no-article');
  assert.match(listing?.message ?? '', /^no article found: page looks like a listing \(\d+ links, \d+ words outside links\)$/);
  const empty = runCase('empty-body').diagnostics.find((d) => d.rule === 'no-article');
  assert.equal(empty?.message, 'no article found: the page has no visible text');
});

test('garbage and edge inputs never throw', () => {
  for (const html of ['', '<', '<<<>>>', '<html><body><p>unterminated', '\u0000\u0001binary', '<script>var a = "</p>";</script>', '<table><tr><td>x']) {
    const result = extractHtml(html);
    assertInvariants(result, JSON.stringify(html));
  }
});

test('a deeply nested page does not overflow the stack', () => {
  const depth = 15_000;
  const paragraph = '<p>' + 'The committee met again on Friday and agreed, after a long debate, to publish its findings in full. '.repeat(3) + '</p>';
  const html = '<div>'.repeat(depth) + paragraph.repeat(3) + '</div>'.repeat(depth);
  const result = extractHtml(html);
  assertInvariants(result, 'deep');
  assert.ok(result.text.includes('The committee met again'));
});

test('a large page (5 MB) is extracted in linear time with a sane result', () => {
  const nav = '<nav>' + Array.from({ length: 50 }, (_, i) => `<a href="/s/${i}">Section ${i}</a>`).join(' ') + '</nav>';
  const teaser = '<div class="related"><a href="/x">Another headline that links elsewhere on the site</a></div>';
  // Distinct sentences (a seeded generator), so no paragraph reads as a repeat of another.
  const words = ['council', 'budget', 'housing', 'transport', 'schools', 'mayor', 'review', 'session', 'amendment', 'river', 'bridge', 'harbour', 'library', 'market', 'station', 'approved', 'delayed', 'funded', 'opened', 'closed'];
  let seed = 42;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const paragraph = (i: number): string =>
    `<p>Paragraph ${i}: ` + Array.from({ length: 28 }, () => words[next() % words.length]).join(' ') + ', the clerk said.</p>';
  const parts: string[] = ['<html><head><title>Budget approved</title></head><body>', nav, '<article>'];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const chunk = paragraph(i) + (i % 20 === 0 ? teaser : '');
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push('</article></body></html>');
  const html = parts.join('');
  const started = Date.now();
  const result = extractHtml(html);
  const seconds = (Date.now() - started) / 1000;
  assertInvariants(result, 'large');
  assert.ok(result.text.startsWith('Paragraph 0:'), 'starts with the first paragraph');
  assert.ok(!result.text.includes('Another headline'), 'teasers dropped');
  assert.ok(seconds < 20, `took ${seconds}s`);
});

test('public API is exactly extractHtml', () => {
  assert.deepEqual(Object.keys(api).sort(), ['extractHtml']);
});

test('short news paragraphs around teaser labels stay in the article: the lead before "READ MORE", the closing line', () => {
  const html = `<html><head><title>Chiefs agree air-defence plan</title></head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
<main><h1>Chiefs agree air-defence plan</h1><div class="content">
<p>Allied defence chiefs agreed on Wednesday to send two more air-defence batteries to Karvia, officials said.</p>
<p><strong>READ MORE: KARVIA FRONT LINE SHIFTS AFTER WINTER OFFENSIVE</strong></p>
<p>The decision was taken at a video conference chaired by Gen. Ada Marlow. "The batteries will be in place before the end of the month," Marlow said.</p>
<p>A Kremlin spokesman said the move would "escalate the conflict".</p>
<p>RELATED: EU MINISTERS SPLIT OVER AID</p>
<p>The chiefs will meet again in January.</p>
</div><div class="share">Share on Facebook</div></main>
<aside><h3>Latest News</h3><ul><li><a href="/a">Storm hits coast as thousands lose power</a></li></ul></aside></body></html>`;
  const { text } = extractHtml(html);
  assert.match(text, /^Allied defence chiefs agreed/);
  assert.match(text, /The chiefs will meet again in January\.$/);
  assert.doesNotMatch(text, /READ MORE|RELATED|Latest News|Share on/);
});
