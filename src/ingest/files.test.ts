import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { estimateCount, readInputs, sha256Hex, type IngestItem, type ReadOptionsInput } from './index.js';

const PAGE = '<!doctype html><html><head><title>Storm</title></head><body><p>The storm hit the coast at night.</p></body></html>';

let dir: string;

async function collect(specs: string[], options: ReadOptionsInput = {}): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(specs, options)) items.push(item);
  return items;
}

async function one(spec: string, options?: ReadOptionsInput): Promise<IngestItem> {
  const items = await collect([spec], options);
  assert.equal(items.length, 1, JSON.stringify(items));
  return items[0] as IngestItem;
}

function failure(item: IngestItem | undefined): { rule: string; message: string; severity?: string } {
  assert.ok(item && !item.ok, `expected a failure, got ${JSON.stringify(item)}`);
  return item.failure;
}

const summarise = (items: IngestItem[]): string[] =>
  items.map((i) => (i.ok ? `ok ${i.raw.origin.slice(dir.length + 1)} ${i.raw.format}` : `${i.failure.rule} ${i.failure.origin.slice(dir.length + 1)}`));

describe('files and folders', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'triangulate-files-'));
    const site = join(dir, 'site');
    await mkdir(join(site, 'b-sub'), { recursive: true });
    await mkdir(join(site, '.git'));
    await writeFile(join(site, 'a.html'), PAGE);
    await writeFile(join(site, 'b-sub', 'c.htm.gz'), gzipSync(Buffer.from(PAGE)));
    await writeFile(join(site, 'b-sub', 'notes.md'), '# Storm\n\nNotes.');
    await writeFile(join(site, 'd.txt'), 'The storm hit the coast.');
    await writeFile(join(site, '.hidden.html'), PAGE);
    await writeFile(join(site, '.git', 'x.html'), PAGE);
    await writeFile(join(site, 'style.css'), 'body{}');
    await writeFile(join(site, 'app.js'), '1');
    await writeFile(join(site, 'more.js'), '2');
    await symlink(site, join(site, 'b-sub', 'loop')); // a loop back to the root must not recurse forever
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('walks a folder in name order, skipping hidden entries, and sums up skipped types in one line', async () => {
    const items = await collect([join(dir, 'site')]);
    assert.deepEqual(summarise(items), [
      'ok site/a.html html',
      'ok site/b-sub/c.htm.gz html',
      'ok site/b-sub/notes.md markdown',
      'ok site/d.txt text',
      'skipped-unsupported site',
    ]);
    const summary = failure(items[4]);
    assert.equal(summary.severity, 'info');
    assert.equal(summary.message, `skipped 3 files in ${join(dir, 'site')} with unsupported types (.css, .js ×2)`);
    assert.equal(await estimateCount([join(dir, 'site')]), 4);
  });

  it('gives a page the same id from .html and .html.gz (idempotent ids)', async () => {
    const items = await collect([join(dir, 'site', 'a.html'), join(dir, 'site', 'b-sub', 'c.htm.gz'), join(dir, 'site', 'a.html')]);
    const ids = items.map((i) => (i.ok ? i.raw.id : 'fail'));
    assert.deepEqual(ids, [sha256Hex(Buffer.from(PAGE)), sha256Hex(Buffer.from(PAGE)), sha256Hex(Buffer.from(PAGE))]);
  });

  it('fails a folder with nothing usable, naming what it skipped', async () => {
    const { rule, message } = failure(await one(join(dir, 'assets')));
    assert.equal(rule, 'empty-folder');
    assert.match(message, /contains no supported files; skipped 1 file of unsupported types \(\.png\)/);
  });

  it('fails precisely on missing, empty, binary, oversized and unsupported files', async () => {
    const missing = failure(await one(join(dir, 'nope.html')));
    assert.equal(missing.rule, 'not-found');
    assert.equal(missing.message, `${join(dir, 'nope.html')} does not exist`);

    await writeFile(join(dir, 'empty.html'), '');
    assert.equal(failure(await one(join(dir, 'empty.html'))).rule, 'empty-input');
    await writeFile(join(dir, 'blank.txt'), '  \n\n ');
    assert.equal(failure(await one(join(dir, 'blank.txt'))).rule, 'empty-input');

    await writeFile(join(dir, 'report.html'), '%PDF-1.7\n%binary');
    const pdf = failure(await one(join(dir, 'report.html')));
    assert.equal(pdf.rule, 'binary-input');
    assert.match(pdf.message, /looks like PDF document/);
    await writeFile(join(dir, 'archive.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    assert.match(failure(await one(join(dir, 'archive.txt'))).message, /ZIP archive/);

    await writeFile(join(dir, 'big.html'), PAGE.repeat(20));
    const big = failure(await one(join(dir, 'big.html'), { maxFileBytes: 1024 }));
    assert.equal(big.rule, 'too-large');
    assert.equal(big.message, `${join(dir, 'big.html')} is 2.2 KB, over the 1 KB limit`);
    await writeFile(join(dir, 'bomb.html.gz'), gzipSync(Buffer.from(' '.repeat(4096))));
    assert.equal(failure(await one(join(dir, 'bomb.html.gz'), { maxFileBytes: 1024 })).rule, 'too-large');

    const css = failure(await one(join(dir, 'site', 'style.css')));
    assert.equal(css.rule, 'unsupported-type');
    assert.match(css.message, /unsupported file type "\.css"/);
  });

  it('reports a truncated or corrupt .html.gz, and accepts a .html.gz stored uncompressed', async () => {
    const gz = gzipSync(Buffer.from(PAGE.repeat(10)));
    await writeFile(join(dir, 'cut.html.gz'), gz.subarray(0, gz.length - 12));
    const cut = failure(await one(join(dir, 'cut.html.gz')));
    assert.equal(cut.rule, 'truncated-gzip');
    assert.equal(cut.message, `${join(dir, 'cut.html.gz')} ends before the gzip stream is complete`);
    await writeFile(join(dir, 'bad.html.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff]));
    assert.equal(failure(await one(join(dir, 'bad.html.gz'))).rule, 'corrupt-gzip');
    await writeFile(join(dir, 'plain.html.gz'), PAGE);
    const plain = await one(join(dir, 'plain.html.gz'));
    assert.ok(plain.ok);
    assert.equal(plain.raw.id, sha256Hex(Buffer.from(PAGE)));
  });

  it('reports an unreadable file', { skip: process.getuid?.() === 0 ? 'root can read anything' : false }, async () => {
    const path = join(dir, 'locked.html');
    await writeFile(path, PAGE);
    await chmod(path, 0o000);
    const { rule, message } = failure(await one(path));
    assert.equal(rule, 'unreadable');
    assert.match(message, /permission denied/);
    await chmod(path, 0o644);
  });

  it('sniffs a file without extension', async () => {
    await writeFile(join(dir, 'README'), 'Just some notes, no markup.');
    await writeFile(join(dir, 'saved-page'), PAGE);
    const [text, html] = await collect([join(dir, 'README'), join(dir, 'saved-page')]);
    assert.ok(text?.ok && html?.ok);
    assert.equal(text.raw.format, 'text');
    assert.equal(html.raw.format, 'html');
  });
});

describe('JSON records', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'triangulate-json-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads JSON Lines with hints, and fails bad lines alone with their line number', async () => {
    const path = join(dir, 'articles.jsonl');
    await writeFile(
      path,
      [
        JSON.stringify({ id: 'a1', title: ' Storm  hits ', text: 'The storm hit.', published: '2025-03-04', outlet: 'Coast News', url: 'https://coast.example/a1' }),
        '',
        '{"text": "unterminated',
        JSON.stringify({ html: PAGE, authors: [{ name: 'Ana Ruiz' }, 'Tom Field'], date_publish: '2025-03-04 10:15:00', source: { name: 'Bay Post' }, language: 'en-US' }),
        JSON.stringify({ id: 'a4', body: 'no text field' }),
        JSON.stringify([1, 2]),
        JSON.stringify({ text: '   ' }),
        JSON.stringify({ text: 42 }),
      ].join('\n'),
    );
    const items = await collect([path]);
    assert.deepEqual(
      items.map((i) => (i.ok ? `ok ${i.raw.origin.slice(dir.length + 1)}` : `${i.failure.rule} ${i.failure.origin.slice(dir.length + 1)}`)),
      [
        'ok articles.jsonl#line-1',
        'invalid-json articles.jsonl#line-3',
        'ok articles.jsonl#line-4',
        'json-missing-content articles.jsonl#line-5',
        'json-not-record articles.jsonl#line-6',
        'empty-input articles.jsonl#line-7',
        'json-bad-field articles.jsonl#line-8',
      ],
    );
    const [first, bad, second, missing] = items;
    assert.ok(first?.ok && second?.ok);
    assert.equal(first.raw.format, 'text');
    assert.equal(first.raw.originKind, 'json-record');
    assert.deepEqual(first.raw.hints, { title: 'Storm hits', url: 'https://coast.example/a1', published: '2025-03-04', outlet: 'Coast News' });
    assert.equal(Buffer.from(first.raw.bytes).toString(), 'The storm hit.');
    assert.equal(second.raw.format, 'html');
    assert.deepEqual(second.raw.hints, { published: '2025-03-04T10:15:00', authors: ['Ana Ruiz', 'Tom Field'], outlet: 'Bay Post', language: 'en' });
    assert.match(failure(bad).message, /articles\.jsonl line 3 is not valid JSON: .*column/);
    assert.match(failure(missing).message, /has no "text" or "html" field \(its fields: id, body\)/);
  });

  it('reads a .json array, a wrapped array and an object keyed by id', async () => {
    await writeFile(join(dir, 'list.json'), JSON.stringify([{ text: 'one' }, { html: '<p>two</p>' }, { nope: 1 }]));
    await writeFile(join(dir, 'wrapped.json'), JSON.stringify({ status: 'ok', articles: [{ text: 'wrapped' }] }));
    await writeFile(join(dir, 'keyed.json'), JSON.stringify({ x1: { text: 'first' }, x2: { text: 'second' } }));
    await writeFile(join(dir, 'single.json'), JSON.stringify({ text: 'single', title: 'One' }));
    const items = await collect(['list.json', 'wrapped.json', 'keyed.json', 'single.json'].map((f) => join(dir, f)));
    assert.deepEqual(
      items.map((i) => (i.ok ? `ok ${i.raw.origin.slice(dir.length + 1)}` : `${i.failure.rule} ${i.failure.origin.slice(dir.length + 1)}`)),
      ['ok list.json#1', 'ok list.json#2', 'json-missing-content list.json#3', 'ok wrapped.json#1', 'ok keyed.json#x1', 'ok keyed.json#x2', 'ok single.json'],
    );
  });

  it('reads a .json file that holds JSON Lines, and stops a truncated .jsonl.gz after the good lines', async () => {
    await writeFile(join(dir, 'misnamed.json'), '{"text":"a"}\n{"text":"b"}\n');
    const misnamed = await collect([join(dir, 'misnamed.json')]);
    assert.deepEqual(misnamed.map((i) => (i.ok ? i.raw.origin.slice(dir.length + 1) : i.failure.rule)), ['misnamed.json#line-1', 'misnamed.json#line-2']);
    const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ text: `Report ${i} on the harbour vote.` })).join('\n');
    const gz = gzipSync(Buffer.from(lines));
    await writeFile(join(dir, 'cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length * 0.6)));
    const items = await collect([join(dir, 'cut.jsonl.gz')]);
    const last = items[items.length - 1];
    assert.ok(items.length > 2 && items.slice(0, -1).every((i) => i.ok));
    assert.equal(failure(last).rule, 'truncated-gzip');
  });

  it('says once that a JSON input has no usable records, instead of once per record', async () => {
    await writeFile(join(dir, 'truth.json'), JSON.stringify({ k1: { articleBody: 'a', url: 'u' }, k2: { articleBody: 'b', url: 'v' } }));
    const { rule, message } = failure(await one(join(dir, 'truth.json')));
    assert.equal(rule, 'json-missing-content');
    assert.equal(message, `${join(dir, 'truth.json')}: none of its 2 records has a "text" or "html" field (the first has: articleBody, url)`);
  });

  it('reports invalid JSON with a line and column', async () => {
    await writeFile(join(dir, 'broken.json'), '[\n  {"text": "a"},\n  {"text" "b"}\n]');
    const { rule, message } = failure(await one(join(dir, 'broken.json')));
    assert.equal(rule, 'invalid-json');
    assert.match(message, /broken\.json is not valid JSON: .*\(line 3, column \d+\)/);
  });
});

describe('ids', () => {
  it('depend on the bytes only: file, gzipped file, stdin and JSON give one id per content', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'triangulate-ids-'));
    try {
      const samples = ['<p>One.</p>', 'Plain words', '<html><body>Caf\u00e9 \u2014 m\u00e9t\u00e9o</body></html>', 'x'.repeat(3000)];
      for (const [i, sample] of samples.entries()) {
        const bytes = Buffer.from(sample, 'utf8');
        const expected = sha256Hex(bytes);
        assert.match(expected, /^[0-9a-f]{64}$/);
        await writeFile(join(tmp, `s${i}.html`), bytes);
        await writeFile(join(tmp, `s${i}.html.gz`), gzipSync(bytes, { level: i + 1 }));
        await writeFile(join(tmp, `s${i}.jsonl`), `${JSON.stringify({ html: sample })}\n`);
        const items = [
          ...(await collect([join(tmp, `s${i}.html`), join(tmp, `s${i}.html.gz`), join(tmp, `s${i}.jsonl`)])),
          ...(await collect(['-'], { stdin: Readable.from([bytes]) })),
        ];
        assert.deepEqual(items.map((item) => (item.ok ? item.raw.id : item.failure.message)), [expected, expected, expected, expected]);
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('stdin and specs', () => {
  it('reads stdin as HTML or text by sniffing', async () => {
    const [html] = await collect(['-'], { stdin: Readable.from([Buffer.from(PAGE)]) });
    assert.ok(html?.ok);
    assert.equal(html.raw.origin, 'stdin');
    assert.equal(html.raw.originKind, 'stdin');
    assert.equal(html.raw.format, 'html');
    assert.equal(html.raw.id, sha256Hex(Buffer.from(PAGE)));
    const [text] = await collect(['-'], { stdin: Readable.from([Buffer.from('A plain report.\n\nSecond paragraph.')]) });
    assert.ok(text?.ok);
    assert.equal(text.raw.format, 'text');
  });

  it('reads gzip, JSON Lines and binary from stdin sensibly, and stdin only once', async () => {
    const [gz] = await collect(['-'], { stdin: Readable.from([gzipSync(Buffer.from(PAGE))]) });
    assert.ok(gz?.ok);
    assert.equal(gz.raw.id, sha256Hex(Buffer.from(PAGE)));
    const jsonl = await collect(['-'], { stdin: Readable.from([Buffer.from('{"text":"a"}\n{"text":"b"}\n')]) });
    assert.deepEqual(jsonl.map((i) => (i.ok ? i.raw.origin : i.failure.rule)), ['stdin#line-1', 'stdin#line-2']);
    const [pdf] = await collect(['-'], { stdin: Readable.from([Buffer.from('%PDF-1.4 ...')]) });
    assert.equal(failure(pdf).rule, 'binary-input');
    const [empty] = await collect(['-'], { stdin: Readable.from([]) });
    assert.equal(failure(empty).rule, 'empty-input');
    const twice = await collect(['-', '-'], { stdin: Readable.from([Buffer.from('text')]) });
    assert.equal(failure(twice[1]).rule, 'stdin-reused');
    const [big] = await collect(['-'], { stdin: Readable.from([Buffer.from('x'.repeat(5000))]), maxFileBytes: 1024 });
    assert.equal(failure(big).rule, 'too-large');
  });

  it('fails unsupported schemes and empty specs, and keeps going', async () => {
    const items = await collect(['ftp://files.example/a.html', '', 'mailto:x@y.z']);
    assert.deepEqual(items.map((i) => (i.ok ? 'ok' : i.failure.rule)), ['unsupported-scheme', 'invalid-spec', 'not-found']);
    assert.equal(await estimateCount(['https://x.example/']), undefined);
  });
});
