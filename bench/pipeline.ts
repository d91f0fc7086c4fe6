/**
 * `npm run bench:pipeline`: the whole path — ingest (JSON records) → extraction → analysis
 * (tokens, NER, entities, time, quotes, events) → stories → dossiers — over the NeuS and
 * AllSides sets, single process. Prints articles/s overall, each stage's share of the time,
 * and the ratio to a bare tokenisation pass over the same text (goal: within 5×), plus the
 * story-clustering quality of this very run, scored by the official scorer.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveEntities } from '../src/analyze/entities/index.js';
import { extractEvents } from '../src/analyze/events/index.js';
import { recognizeEntities } from '../src/analyze/ner/index.js';
import { extractQuotes } from '../src/analyze/quotes/index.js';
import { recognizeTimeExpressions } from '../src/analyze/time/index.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import type { ArticleAnalysis } from '../src/analyze/analysis.js';
import { ANALYZER_VERSION } from '../src/analyze/analysis.js';
import { buildDossier } from '../src/fuse/index.js';
import { readInputs } from '../src/ingest/index.js';
import type { Article } from '../src/model/index.js';
import { extractArticle } from '../src/pipeline.js';
import { storyDocument } from '../src/story-service.js';
import { StoryClusterer } from '../src/stories/index.js';
import { benchOutDir, repoRoot, sharedDir } from './lib/paths.js';

const STAGES = ['ingest', 'extract', 'tokens', 'ner', 'entities', 'time', 'quotes', 'events', 'stories', 'dossiers'] as const;
type Stage = (typeof STAGES)[number];

interface ArticleRecord {
  id: string;
  title?: string;
  text: string;
  published?: string;
  outlet?: string;
}

/** The sets, each built by the scorer's `inputs` command on its own (NeuS train and val share ids, so they get a prefix). */
const SETS = [
  ['neus-train', 'neus', ['neus', 'train.source']],
  ['neus-val', 'neus', ['neus', 'val.source']],
  ['allsides', 'allsides', ['allsides', 'roundups.jsonl']],
] as const;

function buildInputs(out: string): { articles: ArticleRecord[]; gold: Record<string, string> } {
  const data = join(sharedDir(), 'data', 'stories');
  const articles: ArticleRecord[] = [];
  const gold: Record<string, string> = {};
  for (const [name, dataset, path] of SETS) {
    const dir = join(out, name);
    execFileSync(
      process.execPath,
      [join(sharedDir(), 'score', 'score-stories.mjs'), 'inputs', '--dataset', dataset, '--src', join(data, ...path), '--out', dir],
      { cwd: repoRoot(), stdio: ['ignore', 'ignore', 'inherit'] },
    );
    for (const line of readFileSync(join(dir, 'articles.jsonl'), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as ArticleRecord;
      articles.push({ ...record, id: `${name}/${record.id}` });
    }
    for (const [id, label] of Object.entries(JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<string, string>)) {
      gold[`${name}/${id}`] = `${name}/${label}`;
    }
  }
  return { articles, gold };
}

async function main(): Promise<void> {
  const out = benchOutDir('pipeline');
  mkdirSync(out, { recursive: true });
  const { articles: records, gold } = buildInputs(out);
  const goldFile = join(out, 'gold.json');
  writeFileSync(goldFile, JSON.stringify(gold));
  // The records become one JSON Lines file that goes through the real ingest layer (as `triangulate ingest` would read it).
  const ingestFile = join(out, 'ingest.jsonl');
  writeFileSync(ingestFile, records.map((r) => JSON.stringify({ ...r, text: r.title ? `${r.title}\n\n${r.text}` : r.text })).join('\n') + '\n');

  const time = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const timed = <T>(stage: Stage, fn: () => T): T => {
    const t0 = performance.now();
    const result = fn();
    time[stage] += performance.now() - t0;
    return result;
  };

  const started = performance.now();
  const articles: Article[] = [];
  const analyses = new Map<string, ArticleAnalysis>();
  const clusterer = new StoryClusterer();
  // Identical texts share a content hash, so (as in the store) they are one article; every record id maps to it.
  const recordIdsOf = new Map<string, string[]>();
  let repeats = 0;
  let failures = 0;
  let tokens = 0;
  const iterator = readInputs([ingestFile])[Symbol.asyncIterator]();
  let index = 0;
  for (;;) {
    const t0 = performance.now();
    const next = await iterator.next();
    time.ingest += performance.now() - t0;
    if (next.done) break;
    const item = next.value;
    if (!item.ok) {
      failures++;
      continue;
    }
    const outcome = timed('extract', () => extractArticle(item.raw));
    if (!outcome.ok) {
      failures++;
      index++;
      continue;
    }
    const article = outcome.article;
    const recordId = records[index]?.id ?? article.id;
    index++;
    const known = recordIdsOf.get(article.id);
    if (known) {
      known.push(recordId);
      repeats++;
      continue;
    }
    recordIdsOf.set(article.id, [recordId]);
    const text = article.text;
    const published = article.metadata.published?.value.slice(0, 10);
    const tokenized = timed('tokens', () => tokenize(text));
    tokens += tokenized.tokens.length;
    const mentions = timed('ner', () => recognizeEntities(text, tokenized));
    const entities = timed('entities', () => resolveEntities(text, { tokenized, mentions }));
    const times = timed('time', () => recognizeTimeExpressions(text, published ? { published } : {}));
    const quotes = timed('quotes', () => extractQuotes(text, { tokenized, entities: mentions }));
    const events = timed('events', () => extractEvents(text, { tokenized, times, entities, mentions, ...(published ? { published } : {}) }));
    const analysis: ArticleAnalysis = {
      articleId: article.id,
      analyzer: ANALYZER_VERSION,
      sentences: tokenized.sentences,
      entities,
      quotes,
      times,
      events,
      ...(published ? { published } : {}),
    };
    articles.push(article);
    analyses.set(article.id, analysis);
    timed('stories', () => clusterer.add(storyDocument(article, analysis)));
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  let dossiers = 0;
  timed('dossiers', () => {
    for (const [storyId, members] of clusterer.stories()) {
      const reports = members.map((id) => {
        const duplicateOf = clusterer.duplicateOf(id);
        return { article: byId.get(id)!, analysis: analyses.get(id)!, ...(duplicateOf ? { duplicateOf } : {}) };
      });
      buildDossier({ storyId, reports });
      dossiers++;
    }
  });
  const totalMs = performance.now() - started;

  // The yardstick: a bare tokenisation pass over the same article texts, the fastest of three (a single pass after
  // the pipeline is at the mercy of garbage collection and of other jobs; the fastest one is the strictest yardstick).
  let tokenizeMs = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    for (const a of articles) tokenize(a.text);
    tokenizeMs = Math.min(tokenizeMs, performance.now() - t0);
  }

  const prediction: Record<string, string> = {};
  for (const [articleId, storyId] of clusterer.assignments()) for (const recordId of recordIdsOf.get(articleId) ?? []) prediction[recordId] = storyId;
  const predFile = join(out, 'stories.pred.json');
  writeFileSync(predFile, JSON.stringify(prediction));
  const scoreFile = join(out, 'stories.score.json');
  execFileSync(process.execPath, [join(sharedDir(), 'score', 'score-stories.mjs'), 'score', '--gold', goldFile, '--pred', predFile, '--json', scoreFile], {
    cwd: repoRoot(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const score = JSON.parse(readFileSync(scoreFile, 'utf8')) as { bcubed: { f1: number }; pairwise: { f1: number } };

  const n = articles.length;
  console.log(`pipeline: ${n} articles (${tokens.toLocaleString('en')} tokens; ${repeats} repeated texts stored once), ${failures} failed, ${dossiers} dossiers, single process`);
  console.log(`  overall      ${(n / (totalMs / 1000)).toFixed(1)} articles/s  (${(totalMs / 1000).toFixed(1)} s)`);
  console.log(`  tokenise     ${(n / (tokenizeMs / 1000)).toFixed(1)} articles/s  (bare tokenisation pass, ${(tokenizeMs / 1000).toFixed(2)} s)`);
  console.log(`  ratio        ${(totalMs / tokenizeMs).toFixed(1)}× a bare tokenisation pass (goal ≤ 5×)`);
  console.log('  stage shares:');
  for (const stage of STAGES) console.log(`    ${stage.padEnd(9)} ${((100 * time[stage]) / totalMs).toFixed(1).padStart(5)} %  ${(time[stage] / 1000).toFixed(2)} s`);
  console.log(`  stories (this run, NeuS + AllSides mixed): B-cubed F1 ${score.bcubed.f1.toFixed(3)}, pairwise F1 ${score.pairwise.f1.toFixed(3)}`);
}

await main();
