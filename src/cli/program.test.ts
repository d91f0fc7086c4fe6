import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { demoReportsDir } from './demo.js';
import { runCli, type CliIO } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'triangulate-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], stdin?: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: dir,
    env: {},
    isTTY: false,
    now: () => new Date('2026-11-22T12:00:00Z'),
    ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }),
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ARTICLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Chiefs meet by video link | The Test Ledger</title>
<meta property="og:site_name" content="The Test Ledger">
<meta property="article:published_time" content="2026-11-18T16:00:00+01:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Chiefs meet by video link</h1>
<p>The alliance's defence chiefs met by video link on Wednesday to discuss security guarantees for Veloria, officials said.</p>
<p>The meeting came a day after a smaller gathering in the capital, and a week after the presidents' summit, according to a spokeswoman.</p>
<p>"We had a frank and useful exchange," the chair of the military committee told reporters after the call, adding that work would continue.</p>
<p>Delegations from France, Spain and 19 other countries took part, while several others sent observers to follow the discussion.</p>
</article><footer>© 2026 The Test Ledger. All rights reserved.</footer></body></html>`;

const DB = 'test.db';

describe('triangulate CLI', () => {
  before(() => {
    mkdirSync(join(dir, 'good'));
    writeFileSync(join(dir, 'good', 'ledger.html'), ARTICLE_HTML);
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'empty.html'), '');
    writeFileSync(join(dir, 'bad', 'report.html'), Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.alloc(200, 7)]));
    writeFileSync(join(dir, 'bad', 'truncated.html.gz'), gzipSync(Buffer.from(ARTICLE_HTML)).subarray(0, 120));
    writeFileSync(
      join(dir, 'bad', 'home.html'),
      `<html><body><nav>${Array.from({ length: 60 }, (_, i) => `<a href="/s/${i}">Story ${i}</a>`).join(' ')}</nav></body></html>`,
    );
  });

  it('ingests a folder, is idempotent, lists, shows and searches', async () => {
    const first = await cli(['ingest', 'good', '--db', DB]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /1 stored, 0 already stored/);
    const second = await cli(['ingest', 'good', '--db', DB]);
    assert.equal(second.code, 0);
    assert.match(second.out, /0 stored, 1 already stored/);

    const list = await cli(['list', '--db', DB, '--format', 'json']);
    const rows = JSON.parse(list.out) as Array<{ id: string; title: string; outlet: string }>;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.title, 'Chiefs meet by video link');
    assert.equal(rows[0]?.outlet, 'The Test Ledger');

    const id = rows[0]!.id;
    const json = await cli(['show', id.slice(0, 8), '--db', DB, '--format', 'json']);
    assert.equal(json.code, 0, json.err);
    const article = JSON.parse(json.out) as { text: string; blocks: Array<{ start: number; end: number }>; metadata: { published: { value: string; source: string } } };
    assert.match(article.text, /^(Chiefs meet by video link\n\n)?The alliance's defence chiefs met/);
    assert.doesNotMatch(article.text, /All rights reserved|Sport/);
    assert.equal(article.metadata.published.source, 'open-graph');
    for (const b of article.blocks) assert.ok(b.start < b.end && b.end <= article.text.length);

    const md = await cli(['show', id.slice(0, 8), '--db', DB, '--format', 'md']);
    assert.match(md.out, /^# Chiefs meet by video link/);
    const text = await cli(['show', id, '--db', DB]);
    assert.match(text.out, /Outlet: The Test Ledger/);

    const search = await cli(['search', 'security guarantees', '--db', DB]);
    assert.match(search.out, new RegExp(id.slice(0, 12)));
    const none = await cli(['search', 'earthquake', '--db', DB]);
    assert.match(none.out, /no article matches/);
  });

  it('reports each bad input precisely, goes on, and leaves the store intact', async () => {
    const before = JSON.parse((await cli(['list', '--db', DB, '--format', 'json'])).out) as unknown[];
    const run = await cli(['ingest', 'bad', 'good', 'missing.html', '--db', DB]);
    assert.equal(run.code, 1, 'a batch with failures exits 1');
    const failureLines = run.out.split('\n').slice(run.out.split('\n').indexOf('failures:') + 1);
    const expectRule = (file: string, rule: RegExp) =>
      assert.ok(
        failureLines.some((l) => l.includes(file) && rule.test(l)),
        `expected a failure for ${file} matching ${rule}; got:\n${run.out}`,
      );
    expectRule('empty.html', /empty/);
    expectRule('report.html', /PDF/);
    expectRule('truncated.html.gz', /truncated|gzip/i);
    expectRule('home.html', /no-article/);
    expectRule('missing.html', /not found|no such file|ENOENT|does not exist/i);
    assert.match(run.out, /0 stored, 1 already stored/);
    for (const line of failureLines) assert.ok(!line.includes('\n'));
    const afterRows = JSON.parse((await cli(['list', '--db', DB, '--format', 'json'])).out) as unknown[];
    assert.deepEqual(afterRows, before);
    const failures = await cli(['list', '--failures', '--db', DB]);
    assert.match(failures.out, /home\.html.*no-article/);
  });

  it('refuses a page over the size limit with the size and the limit', async () => {
    const big = join(dir, 'big.html');
    writeFileSync(big, `<html><body><article>${'<p>Filler paragraph of a very large page, repeated. </p>'.repeat(1_000_000)}</article></body></html>`);
    const run = await cli(['ingest', 'big.html', '--db', DB, '--max-bytes', '25M']);
    assert.equal(run.code, 1);
    assert.match(run.out, /big\.html.*(MB|bytes).*limit|limit.*big\.html/i);
    rmSync(big);
  });

  it('decodes a Windows-1252 page mislabelled as UTF-8 and says so', async () => {
    const html = ARTICLE_HTML.replace('Veloria', 'Veloria’s café “guarantees”');
    writeFileSync(join(dir, 'cp1252.html'), iconv.encode(html, 'windows-1252'));
    const run = await cli(['extract', 'cp1252.html', '--format', 'json']);
    assert.equal(run.code, 0, run.err);
    const article = JSON.parse(run.out) as { text: string; extraction: { charset: string; diagnostics: Array<{ rule: string }> } };
    assert.match(article.text, /Veloria’s café “guarantees”/);
    assert.equal(article.extraction.charset, 'windows-1252');
    assert.ok(article.extraction.diagnostics.some((d) => d.rule === 'charset-mismatch'));
  });

  it('extracts from stdin without storing', async () => {
    const run = await cli(['extract', '-', '--format', 'text'], ARTICLE_HTML);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Chiefs meet by video link/);
    assert.match(run.out, /Delegations from France, Spain and 19 other countries/);
  });

  it('writes benchmark predictions keyed by file name', async () => {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    writeFileSync(join(pages, 'one.html'), ARTICLE_HTML);
    writeFileSync(join(pages, 'two.html.gz'), gzipSync(Buffer.from(ARTICLE_HTML)));
    const run = await cli(['predict', 'extract-html', '--input', 'pages', '--out', 'pred.json']);
    assert.equal(run.code, 0, run.err);
    const pred = JSON.parse(readFileSync(join(dir, 'pred.json'), 'utf8')) as Record<string, { articleBody: string }>;
    assert.deepEqual(Object.keys(pred).sort(), ['one', 'two']);
    assert.match(pred['two']!.articleBody, /security guarantees/);

    writeFileSync(join(dir, 'flat.json'), JSON.stringify({ a: { text: 'Home\nWorld\n\nA headline\n\nThe chiefs met on Wednesday to discuss security guarantees, officials said in a statement after the call.\n\nThe meeting followed a summit of presidents a week earlier, according to several diplomats who attended it.' } }));
    const text = await cli(['predict', 'extract-text', '--input', 'flat.json', '--out', 'pred-text.json']);
    assert.equal(text.code, 0, text.err);
    const predText = JSON.parse(readFileSync(join(dir, 'pred-text.json'), 'utf8')) as Record<string, { articleBody: string }>;
    assert.match(predText['a']!.articleBody, /The chiefs met on Wednesday/);
  });

  it('gives clear errors for unknown ids, options and missing databases', async () => {
    const unknown = await cli(['show', 'ffffffff', '--db', DB]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /no article with id "ffffffff"/);
    const badOption = await cli(['list', '--db', DB, '--colour']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.err, /unknown option '--colour'/);
    const noDb = await cli(['list', '--db', 'nowhere.db']);
    assert.equal(noDb.code, 1);
    assert.match(noDb.err, /no database at .*nowhere\.db/);
    const help = await cli(['ingest', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /--max-bytes/);
  });

  it('runs the demo on the bundled reports', async () => {
    copyFileSync(join(demoReportsDir(), '01-ledger.html'), join(dir, 'check.html'));
    const run = await cli(['demo', '--db', 'demo.db']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /stored/);
    assert.match(run.out, /0 failed/);
  });
});
