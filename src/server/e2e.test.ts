/**
 * End to end in a real headless Chromium (the system's, never a downloaded one): start the
 * server on a free port with a temp database, upload the demo reports through the Ingest
 * page, open the story, and check the timeline, a disagreement and a highlighted source
 * span. Screenshots of every page land in out/e2e/. Skipped when Chromium is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../cli/serve.js';
import { packageRoot } from '../util/package-root.js';
import type { StorySummaryT } from './schemas.js';

const CHROMIUM = process.env['TRIANGULATE_CHROMIUM'] ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Ingesting six reports, analysis included, takes a few seconds on a slow CI machine; allow for a busy one. */
const INGEST_TIMEOUT_MS = 60_000;

const root = packageRoot();
const webRoot = join(root, 'dist', 'web');
const shots = join(root, 'out', 'e2e');
const skip = process.env['TRIANGULATE_SKIP_E2E']
  ? 'TRIANGULATE_SKIP_E2E is set'
  : existsSync(CHROMIUM)
    ? false
    : `Chromium not found at ${CHROMIUM} (install it: apt-get install -y chromium, or set TRIANGULATE_CHROMIUM)`;

function ensureWebBuilt(): void {
  if (existsSync(join(webRoot, 'index.html'))) return;
  const built = spawnSync('npx', ['vite', 'build', '--config', join(root, 'web', 'vite.config.ts')], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (built.status !== 0) throw new Error(`building the web app failed (npx vite build): ${built.stderr || built.stdout}`);
}

async function numberOf(page: Page, expression: string): Promise<number> {
  return Number(await page.evaluate(expression));
}

describe('web app in Chromium', { skip, timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;

  before(async () => {
    ensureWebBuilt();
    mkdirSync(shots, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'triangulate-e2e-'));
    server = await startServer({ dbPath: join(dir, 'e2e.db'), port: 0, host: '127.0.0.1', webRoot });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ingests the demo reports by upload, then shows the story with its timeline, disagreements and highlighted sources', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // Ingest: choose the demo files, upload, watch the job finish over SSE.
    await page.goto(`${server.url}/ingest`);
    const demo = join(root, 'demo', 'reports');
    const files = readdirSync(demo).sort().map((f) => join(demo, f));
    await page.setInputFiles('#file-input', files);
    await page.getByRole('button', { name: /^Upload \d+ files$/ }).click();
    await page.locator('.status.done').waitFor({ timeout: INGEST_TIMEOUT_MS });
    const counts = (await page.locator('.job-counts').textContent()) ?? '';
    assert.match(counts, new RegExp(`${files.length} inputs processed · ${files.length} stored`), counts);
    await page.screenshot({ path: join(shots, '1-ingest.png'), fullPage: true });

    // Stories: newest first, with counts; open the one with the most disagreements.
    await page.getByRole('link', { name: 'Stories' }).click();
    await page.locator('.story-card').first().waitFor();
    await page.screenshot({ path: join(shots, '2-stories.png'), fullPage: true });
    const stories = ((await (await fetch(`${server.url}/api/stories`)).json()) as { items: StorySummaryT[] }).items;
    const story = [...stories].sort((a, b) => b.disagreementCount - a.disagreementCount || b.articleCount - a.articleCount)[0]!;
    assert.ok(story.disagreementCount > 0, 'the demo story has disagreements');
    await page.locator(`a[href="/stories/${story.id}"]`).click();

    // Dossier: the brief, a dated timeline, a disagreement with both values side by side.
    await page.locator('#timeline .tl-item').first().waitFor();
    assert.ok((await page.locator('#brief h1').textContent())!.length > 20);
    const timeline = await page.locator('#timeline .tl-date time').allTextContents();
    assert.ok(timeline.length >= 1 && timeline.every((t) => /\d{4}/.test(t)), `resolved dates: ${timeline.join(', ')}`);
    const disagreement = page.locator('.disagreement').first();
    const values = await disagreement.locator('.value-display').allTextContents();
    assert.ok(values.length >= 2, `conflicting values side by side: ${values.join(' | ')}`);
    await page.screenshot({ path: join(shots, '3-dossier.png') });
    await page.screenshot({ path: join(shots, '3-dossier-full.png'), fullPage: true });

    // Source reader: comparing the disagreement marks the words behind each side, in the text.
    await disagreement.getByRole('button', { name: 'Compare side by side' }).click();
    const marks = page.locator('#sources mark');
    await marks.first().waitFor();
    const marked = await marks.allTextContents();
    assert.ok(
      values.some((v) => marked.some((m) => m.includes(v) || v.includes(m))),
      `a highlighted span carries a disputed value: marks ${JSON.stringify(marked)} vs values ${JSON.stringify(values)}`,
    );
    const panesWithMarks = await numberOf(page, `[...document.querySelectorAll('#sources .pane')].filter(p => p.querySelector('mark')).length`);
    assert.ok(panesWithMarks >= 1);
    await page.locator('#sources').screenshot({ path: join(shots, '4-source-reader.png') });

    // A fact's support bar and its sources.
    const fact = page.locator('.fact').first();
    await fact.getByRole('button', { name: 'Show' }).click();
    await page.locator('#sources mark').first().waitFor();
    await page.locator('#facts').screenshot({ path: join(shots, '5-facts.png') });
    await page.locator('#graph').screenshot({ path: join(shots, '6-graph.png') });

    // Keyboard: the graph's nodes are reachable and selectable without a mouse.
    const node = page.locator('#graph .node').first();
    if ((await node.count()) > 0) {
      await node.focus();
      await page.keyboard.press('Enter');
      assert.equal(await node.getAttribute('aria-pressed'), 'true');
    }

    // Phone width: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(100);
    const overflow = await numberOf(page, 'document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 1, `horizontal overflow of ${overflow}px at phone width`);
    await page.screenshot({ path: join(shots, '7-dossier-phone.png'), fullPage: false });
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});
