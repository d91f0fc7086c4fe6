import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../util/package-root.js';

const MAIN = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');

function run(args: readonly string[], closeStdoutAtOnce: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (closeStdoutAtOnce) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('a reader that closes the pipe early ("| head") neither crashes the CLI nor stops its work', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-pipe-'));
  try {
    const db = join(dir, 'store.db');
    const inputs = [1, 2, 3].map((n) => {
      const file = join(dir, `report-${n}.txt`);
      writeFileSync(file, `Report number ${n} on the harbour\n\nThe harbour board met on Monday for the ${n}th time and said the quay would be rebuilt by spring.\n`);
      return file;
    });
    const ingest = await run(['ingest', ...inputs, '--db', db], true);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.doesNotMatch(ingest.stderr, /EPIPE|Unhandled/);
    const list = await run(['list', '--db', db, '--format', 'json'], false);
    assert.equal(list.code, 0, list.stderr);
    const listed = JSON.parse(list.stdout) as { articles?: unknown[] } | unknown[];
    assert.equal((Array.isArray(listed) ? listed : listed.articles ?? []).length, 3, 'every input was stored');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
