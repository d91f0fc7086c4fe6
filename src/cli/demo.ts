/**
 * `triangulate demo`: ingests the bundled fictional reports of one story (HTML pages with
 * site chrome, a flattened text page with a teaser list, a syndicated copy, a report of a
 * different event) and prints what was extracted from each. Works offline.
 */
import { join } from 'node:path';
import { ingestBatch } from '../batch.js';
import { dossierForStory } from '../dossier-service.js';
import { renderDossierMarkdown } from '../fuse/index.js';
import { readInputs } from '../ingest/index.js';
import { updateStories } from '../story-service.js';
import type { Store } from '../store/index.js';
import { packageRoot } from '../util/package-root.js';
import type { CliIO } from './program.js';
import { describeResult } from './progress.js';
import { renderStories, truncate } from './render.js';

export function demoReportsDir(): string {
  return join(packageRoot(), 'demo', 'reports');
}

export async function runDemo(store: Store, io: CliIO, dbPath: string): Promise<void> {
  const dir = demoReportsDir();
  io.out(`Ingesting the demo reports from ${dir}\n`);
  const ids: string[] = [];
  const summary = await ingestBatch(readInputs([dir]), store, {
    now: io.now,
    onItem: (result) => {
      io.out(describeResult(result));
      if (result.status === 'stored') ids.push(result.id);
      if (result.status === 'unchanged' && result.articleId) ids.push(result.articleId);
    },
  });
  io.out(`\n${summary.stored} stored, ${summary.unchanged} already stored, ${summary.failures.length} failed\n`);

  for (const id of ids) {
    const stored = await store.getArticle(id);
    if (!stored) continue;
    const { article } = stored;
    const m = article.metadata;
    const origin = article.origin.startsWith(dir) ? article.origin.slice(dir.length + 1) : article.origin;
    io.out(`── ${origin}  (${article.id.slice(0, 12)})`);
    io.out(`   title:     ${m.title?.value ?? '(none)'}${m.title ? `  [${m.title.source}]` : ''}`);
    io.out(`   outlet:    ${m.outlet?.value ?? '(none)'}${m.outlet ? `  [${m.outlet.source}]` : ''}`);
    io.out(`   authors:   ${m.authors?.value.join(', ') || '(none)'}${m.authors ? `  [${m.authors.source}]` : ''}`);
    io.out(`   published: ${m.published?.value ?? '(none)'}${m.published ? `  [${m.published.source}]` : ''}`);
    const words = article.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    const kinds = new Map<string, number>();
    for (const b of article.blocks) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
    io.out(`   text:      ${words} words in ${article.blocks.length} blocks (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`);
    for (const block of article.blocks.slice(0, 2)) io.out(`              ${truncate(article.text.slice(block.start, block.end), 100)}`);
    const warnings = article.extraction.diagnostics.filter((d) => d.severity !== 'info');
    for (const d of warnings) io.out(`   ${d.severity}: ${d.message} [${d.rule}]`);
    io.out('');
  }
  const stories = await updateStories(store, io.now);
  io.out(`Stories found among them (${stories.length}):`);
  io.out(renderStories(stories));
  const main = [...stories].sort((a, b) => b.articleIds.length - a.articleIds.length)[0];
  if (main) {
    const dossier = await dossierForStory(store, main.id, io.now);
    if (dossier) {
      io.out(`\n${'═'.repeat(100)}\nThe cross-checked dossier of ${main.id}\n${'═'.repeat(100)}\n`);
      io.out(renderDossierMarkdown(dossier));
    }
    io.out(`\nOpen it in the browser (timeline, who's who, disagreements, source reader side by side):`);
    io.out(`  npx triangulate serve --db ${dbPath}      # then open http://127.0.0.1:8080/stories/${main.id}`);
    io.out(`\nOr in the terminal:`);
    io.out(`  npx triangulate dossier ${main.id} --db ${dbPath} --format html > dossier.html   # the same dossier as a page`);
    io.out(`  npx triangulate dossier ${main.id} --db ${dbPath} --format json                  # versioned JSON (docs/dossier.md)`);
  }
  io.out(`  npx triangulate show <id> --db ${dbPath} --format md      # one report with who is involved, who said what, what happened when`);
  io.out(`  npx triangulate search "security guarantees" --db ${dbPath}`);
}
