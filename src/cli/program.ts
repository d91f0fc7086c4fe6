/**
 * The `triangulate` command line: argument parsing and printing only. Every command
 * calls the same core functions the server uses; nothing here decides anything about
 * articles.
 */
import { isStatement } from '../analyze/quotes/speech-acts.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ingestBatch } from '../batch.js';
import { DEFAULT_READ_OPTIONS, estimateCount, readInputs, type ReadOptions } from '../ingest/index.js';
import { analysisFor } from '../analysis-cache.js';
import type { ArticleAnalysis } from '../analyze/analysis.js';
import type { Article } from '../model/index.js';
import { dossierForStory } from '../dossier-service.js';
import { renderDossierHtml, renderDossierMarkdown, type Dossier } from '../fuse/index.js';
import { extractArticle } from '../pipeline.js';
import { listStories, mergeStories, reclusterStories, splitStory, updateStories, type StorySummary } from '../story-service.js';
import { renderAnalysisMarkdown, renderEntitiesTable, renderEvents, renderQuotes } from './render-analysis.js';
import { AmbiguousIdError, openSqliteStore, type Store } from '../store/index.js';
import { createProgressReporter, describeResult, withOrigin } from './progress.js';
import { renderArticle, renderStories, renderSummaryTable, type ArticleFormat } from './render.js';
import { runDataPredict, runPredict, type PredictDataTask } from './predict.js';
import { runDemo } from './demo.js';
import { registerServe } from './serve.js';

/** Everything the CLI touches in the outside world, injectable so tests run in-process. */
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
  readonly now: () => Date;
  readonly stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_DB_FILE = 'triangulate.db';

/** Exit codes: 0 all good, 1 something in the batch failed or was not found, 2 bad usage. */
export class CliExit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export function buildProgram(io: CliIO): Command {
  const program = new Command('triangulate')
    .description('Turn raw news reports from many outlets into one cross-checked story dossier.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .exitOverride();

  const dbOption = () =>
    new Option('--db <path>', 'SQLite database file').default(io.env['TRIANGULATE_DB'] ?? DEFAULT_DB_FILE, `$TRIANGULATE_DB or ./${DEFAULT_DB_FILE}`);
  const withStore = async <T>(dbPath: string, fn: (store: Store) => Promise<T>, mustExist = false): Promise<T> => {
    const path = resolve(io.cwd, dbPath);
    if (mustExist && !existsSync(path)) throw new CliExit(1, `no database at ${path}: ingest something first (triangulate ingest <files|urls…>)`);
    const store = openSqliteStore({ path });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };

  program
    .command('ingest')
    .description('ingest files, folders, URLs, feeds, WARC files or - (stdin) into the store')
    .argument('<inputs...>', 'paths (folders are walked), http(s) URLs, RSS/Atom feeds, .warc(.gz), or - for stdin')
    .addOption(dbOption())
    .option('--max-bytes <n>', 'largest page or file accepted, in bytes (suffixes k, M)', parseSize, DEFAULT_READ_OPTIONS.maxFileBytes)
    .option('--timeout <seconds>', 'network timeout per request', parsePositive, DEFAULT_READ_OPTIONS.fetch.timeoutMs / 1000)
    .option('--allow-private-network', 'allow fetching URLs on loopback or private addresses', false)
    .option('--quiet', 'print only the summary', false)
    .action(async (inputs: string[], opts: { db: string; maxBytes: number; timeout: number; allowPrivateNetwork: boolean; quiet: boolean }) => {
      const readOptions = readOptionsFrom(io, opts);
      await withStore(opts.db, async (store) => {
        const total = await estimateCount(inputs.map((i) => resolveSpec(io, i)));
        const reporter = opts.quiet
          ? undefined
          : createProgressReporter({ tty: io.isTTY, write: io.out, now: () => io.now().getTime(), ...(total === undefined ? {} : { total }) });
        const summary = await ingestBatch(readInputs(inputs.map((i) => resolveSpec(io, i)), readOptions), store, {
          now: io.now,
          onItem: (r) => reporter?.item(r),
        });
        reporter?.stop();
        if (summary.stored > 0) {
          const stories = await updateStories(store, io.now);
          io.out(`${stories.length} ${stories.length === 1 ? 'story' : 'stories'} in the store (triangulate stories)`);
        }
        io.out(`${summary.stored} stored, ${summary.unchanged} already stored, ${summary.skipped.length} skipped, ${summary.failures.length} failed`);
        if (opts.quiet || io.isTTY) for (const s of summary.skipped) io.out(`  skipped ${withOrigin(s.origin, s.message)} [${s.rule}]`);
        if (summary.failures.length > 0) {
          io.out('failures:');
          for (const f of summary.failures) io.out(`  ${withOrigin(f.origin, f.message)} [${f.rule}]`);
          throw new CliExit(1, '');
        }
      });
    });

  program
    .command('list')
    .description('list stored articles, newest first (or inputs that yielded no article, with --failures)')
    .addOption(dbOption())
    .option('--limit <n>', 'how many', parsePositive, 50)
    .option('--offset <n>', 'skip this many', parseNonNegative, 0)
    .option('--failures', 'list inputs kept without an article, with the reason', false)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { db: string; limit: number; offset: number; failures: boolean; format: 'table' | 'json' }) => {
      await withStore(
        opts.db,
        async (store) => {
          if (opts.failures) {
            const failures = await store.listFailures({ limit: opts.limit, offset: opts.offset });
            if (opts.format === 'json') io.out(JSON.stringify(failures, null, 2));
            else io.out(failures.length === 0 ? '(no failures)' : failures.map((f) => `${f.rawId.slice(0, 12)}  ${f.origin}: ${f.message} [${f.rule}]`).join('\n'));
            return;
          }
          const rows = await store.listArticles({ limit: opts.limit, offset: opts.offset });
          if (opts.format === 'json') io.out(JSON.stringify(rows, null, 2));
          else io.out(`${renderSummaryTable(rows)}\n(${rows.length} of ${await store.countArticles()} articles)`);
        },
        true,
      );
    });

  program
    .command('show')
    .description('show one stored article, with its entities, quotes and events (json, md)')
    .argument('<id>', 'article id or a unique prefix of it (at least 4 characters)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'md', 'text']).default('text'))
    .action(async (id: string, opts: { db: string; format: ArticleFormat }) => {
      await withStore(
        opts.db,
        async (store) => {
          const stored = (await store.getArticle(await resolveId(store, id)))!;
          if (opts.format === 'text') {
            io.out(renderArticle(stored.article, 'text'));
            return;
          }
          const analysis = await analysisFor(store, stored.article, io.now);
          if (opts.format === 'json') {
            const { entities, quotes, times, events, sentences, analyzer } = analysis;
            io.out(renderArticle(stored.article, 'json', { ingestedAt: stored.ingestedAt, analysis: { analyzer, sentences, entities, quotes, times, events } }));
          } else {
            io.out(renderArticle(stored.article, 'md') + '\n' + renderAnalysisMarkdown(analysis, stored.article));
          }
        },
        true,
      );
    });

  const analysisCommand = (name: string, description: string, formats: readonly string[], render: (analysis: ArticleAnalysis, article: Article, format: string) => string) =>
    program
      .command(name)
      .description(description)
      .argument('<id>', 'article id or a unique prefix of it')
      .addOption(dbOption())
      .addOption(new Option('--format <format>', 'output format').choices([...formats]).default(formats[0]))
      .action(async (id: string, opts: { db: string; format: string }) => {
        await withStore(
          opts.db,
          async (store) => {
            const stored = (await store.getArticle(await resolveId(store, id)))!;
            io.out(render(await analysisFor(store, stored.article, io.now), stored.article, opts.format));
          },
          true,
        );
      });
  analysisCommand('entities', 'people, organisations and places in an article, with roles and aliases', ['table', 'json'], (a, _article, format) =>
    format === 'json' ? JSON.stringify(a.entities, null, 2) : renderEntitiesTable(a),
  );
  analysisCommand('quotes', 'who said what in an article: quotes and reported speech with speaker, cue and channel', ['text', 'json'], (a, article, format) =>
    format === 'json' ? JSON.stringify(a.quotes.map((q) => ({ ...q, statement: isStatement(article.text, q) })), null, 2) : renderQuotes(a, article),
  );
  analysisCommand('events', 'what happened when: meetings, calls, visits, statements with date, place, format, participants', ['text', 'json'], (a, _article, format) =>
    format === 'json' ? JSON.stringify({ events: a.events, times: a.times }, null, 2) : renderEvents(a),
  );

  program
    .command('search')
    .description('full-text search over stored articles (words are ANDed; "quoted phrases" and OR work)')
    .argument('<query>', 'what to look for')
    .addOption(dbOption())
    .option('--limit <n>', 'how many hits', parsePositive, 20)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (query: string, opts: { db: string; limit: number; format: 'table' | 'json' }) => {
      await withStore(
        opts.db,
        async (store) => {
          const hits = await store.search(query, { limit: opts.limit });
          io.out(opts.format === 'json' ? JSON.stringify(hits, null, 2) : hits.length === 0 ? `no article matches "${query}"` : renderSummaryTable(hits));
        },
        true,
      );
    });

  program
    .command('extract')
    .description('extract the article from a file, URL or - (stdin) and print it, without storing anything')
    .argument('<input>', 'a path, an http(s) URL, or -')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text', 'md']).default('text'))
    .option('--max-bytes <n>', 'largest page accepted, in bytes (suffixes k, M)', parseSize, DEFAULT_READ_OPTIONS.maxFileBytes)
    .option('--timeout <seconds>', 'network timeout per request', parsePositive, DEFAULT_READ_OPTIONS.fetch.timeoutMs / 1000)
    .option('--allow-private-network', 'allow fetching URLs on loopback or private addresses', false)
    .action(async (input: string, opts: { format: ArticleFormat; maxBytes: number; timeout: number; allowPrivateNetwork: boolean }) => {
      let failed = 0;
      for await (const item of readInputs([resolveSpec(io, input)], readOptionsFrom(io, opts))) {
        if (!item.ok) {
          failed++;
          io.err(`triangulate: ${withOrigin(item.failure.origin, item.failure.message)} [${item.failure.rule}]`);
          continue;
        }
        const outcome = extractArticle(item.raw);
        if (!outcome.ok) {
          failed++;
          io.err(`triangulate: ${withOrigin(item.raw.origin, outcome.message)} [${outcome.rule}]`);
          continue;
        }
        io.out(renderArticle(outcome.article, opts.format));
      }
      if (failed > 0) throw new CliExit(1, '');
    });

  program
    .command('stories')
    .description('list the stories in the store: reports grouped by the event they cover, newest first')
    .addOption(dbOption())
    .option('--recluster', 're-cluster every stored article first (honours hand-made merges and splits)', false)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { db: string; recluster: boolean; format: 'table' | 'json' }) => {
      await withStore(
        opts.db,
        async (store) => {
          const stories = opts.recluster ? await reclusterStories(store, io.now) : await listStories(store);
          io.out(opts.format === 'json' ? JSON.stringify(stories, null, 2) : renderStories(stories));
        },
        true,
      );
    });

  const story = program.command('story').description('correct story grouping by hand; the choice survives re-clustering');
  story
    .command('merge')
    .description('merge two stories into one (the older id survives)')
    .argument('<story-a>', 'story id')
    .argument('<story-b>', 'story id')
    .addOption(dbOption())
    .action(async (a: string, b: string, opts: { db: string }) => {
      await withStore(
        opts.db,
        async (store) => {
          io.out(renderStories(await storyCommand(() => mergeStories(store, a, b, io.now))));
        },
        true,
      );
    });
  story
    .command('split')
    .description('move some articles of a story into a new story of their own')
    .argument('<story>', 'story id')
    .argument('<article-ids...>', 'ids (or unique prefixes) of the articles that leave the story')
    .addOption(dbOption())
    .action(async (storyId: string, ids: string[], opts: { db: string }) => {
      await withStore(
        opts.db,
        async (store) => {
          const full = await Promise.all(ids.map((id) => resolveId(store, id)));
          io.out(renderStories(await storyCommand(() => splitStory(store, storyId, full, io.now))));
        },
        true,
      );
    });

  program
    .command('dossier')
    .description('the cross-checked dossier of a stored story, or of every story found among the given files')
    .argument('<story-or-files...>', 'a story id from `triangulate stories`, or files/folders/URLs to ingest, cluster and report on')
    .addOption(dbOption())
    .option('--published <date>', 'publication date (YYYY-MM-DD) for files that carry no date of their own', parseDate)
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json', 'html']).default('md'))
    .action(async (targets: string[], opts: { db: string; published?: string; format: 'md' | 'json' | 'html' }) => {
      const onlyStoryId = targets.length === 1 && /^s-[0-9a-f]{4,}$/.test(targets[0]!) ? targets[0]! : undefined;
      if (onlyStoryId) {
        await withStore(
          opts.db,
          async (store) => {
            const dossier = await dossierForStory(store, onlyStoryId, io.now);
            if (!dossier) throw new CliExit(1, `no story with id "${onlyStoryId}" (try: triangulate stories)`);
            io.out(renderDossiers([dossier], opts.format, false));
          },
          true,
        );
        return;
      }
      // Files: a throw-away in-memory store, so a dossier never touches the user's database.
      const store = openSqliteStore({ path: ':memory:' });
      try {
        const summary = await ingestBatch(readInputs(targets.map((t) => resolveSpec(io, t)), readOptionsFrom(io, DEFAULT_CLI_FETCH)), store, {
          now: io.now,
          ...(opts.published ? { defaultPublished: opts.published } : {}),
        });
        for (const f of summary.failures) io.err(`triangulate: ${withOrigin(f.origin, f.message)} [${f.rule}]`);
        if (summary.stored === 0) throw new CliExit(1, 'no article could be read from the given inputs');
        const stories = await updateStories(store, io.now);
        const dossiers = [];
        for (const s of stories) {
          const dossier = await dossierForStory(store, s.id, io.now);
          if (dossier) dossiers.push(dossier);
        }
        io.out(renderDossiers(dossiers, opts.format, true));
      } finally {
        await store.close();
      }
    });

  const predict = program.command('predict').description('benchmark adapters: run one stage over a data set and write predictions');
  predict
    .command('extract-html')
    .description('extract every .html/.htm/.html.gz page in a folder; writes {id: {articleBody}}')
    .requiredOption('--input <dir>', 'folder of pages')
    .requiredOption('--out <file>', 'prediction JSON to write')
    .action(async (opts: { input: string; out: string }) => {
      io.out(await runPredict('extract-html', resolve(io.cwd, opts.input), resolve(io.cwd, opts.out)));
    });
  predict
    .command('extract-text')
    .description('extract articles from flattened page text {id: {text}}; writes {id: {articleBody}}')
    .requiredOption('--input <file>', 'JSON input')
    .requiredOption('--out <file>', 'prediction JSON to write')
    .action(async (opts: { input: string; out: string }) => {
      io.out(await runPredict('extract-text', resolve(io.cwd, opts.input), resolve(io.cwd, opts.out)));
    });

  const dataPredictions: ReadonlyArray<readonly [PredictDataTask, string, string]> = [
    ['ner', 'tag a CoNLL column file; writes the same lines with the predicted tag appended', 'CoNLL file (tokens in the first column)'],
    ['quotes', 'find quotes and attributions; input {id: {text, published?}}, output {id: {attributions}}', 'JSON input'],
    ['time', 'find and normalise time expressions; input {id: {text, dct|published}}, output {id: {timexes}}', 'JSON input'],
    ['stories', 'group articles into stories; input articles.jsonl, output {id: storyId}', 'JSON Lines input'],
  ];
  for (const [task, description, inputHelp] of dataPredictions) {
    predict
      .command(task)
      .description(description)
      .requiredOption('--input <file>', inputHelp)
      .requiredOption('--out <file>', 'prediction file to write')
      .action(async (opts: { input: string; out: string }) => {
        io.out(await runDataPredict(task, resolve(io.cwd, opts.input), resolve(io.cwd, opts.out)));
      });
  }

  program
    .command('demo')
    .description('ingest the bundled fictional reports of one story and print what was extracted')
    .option('--db <path>', 'SQLite database file for the demo', 'triangulate-demo.db')
    .action(async (opts: { db: string }) => {
      await withStore(opts.db, (store) => runDemo(store, io, opts.db));
    });

  registerServe(program, io, DEFAULT_DB_FILE);
  return program;
}

function readOptionsFrom(io: CliIO, opts: { maxBytes: number; timeout: number; allowPrivateNetwork: boolean }): Partial<ReadOptions> {
  return {
    maxFileBytes: opts.maxBytes,
    fetch: { ...DEFAULT_READ_OPTIONS.fetch, maxBytes: opts.maxBytes, timeoutMs: opts.timeout * 1000, allowPrivateNetwork: opts.allowPrivateNetwork },
    ...(io.stdin ? { stdin: io.stdin } : {}),
  };
}

/** Paths are resolved against the CLI's working folder; URLs and `-` pass through. */
function resolveSpec(io: CliIO, spec: string): string {
  return spec === '-' || /^https?:\/\//i.test(spec) ? spec : resolve(io.cwd, spec);
}

async function resolveId(store: Store, id: string): Promise<string> {
  try {
    const full = await store.resolveArticleId(id);
    if (!full) throw new CliExit(1, `no article with id "${id}" (try: triangulate list)`);
    return full;
  } catch (error) {
    if (error instanceof AmbiguousIdError) throw new CliExit(1, error.message);
    throw error;
  }
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return n;
}

function parseNonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  return n;
}

/** `25M`, `512k`, `1048576`. */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`expected a size like 25M, 512k or 1048576, got "${value}"`);
  const factor = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(match[1]) * factor);
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander but successes to the user.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliExit) {
      if (error.message) io.err(`triangulate: ${error.message}`);
      return error.code;
    }
    io.err(`triangulate: ${(error as Error).message}`);
    return 1;
  }
}

export { describeResult };

async function storyCommand(run: () => Promise<StorySummary[]>): Promise<StorySummary[]> {
  try {
    return await run();
  } catch (error) {
    throw new CliExit(1, (error as Error).message.replace(/^stories: /, ''));
  }
}


const DEFAULT_CLI_FETCH = { maxBytes: DEFAULT_READ_OPTIONS.maxFileBytes, timeout: DEFAULT_READ_OPTIONS.fetch.timeoutMs / 1000, allowPrivateNetwork: false };

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z'))) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** One story, or `{"stories": […]}` when the dossiers come from files (every story found among them). */
export function renderDossiers(dossiers: readonly Dossier[], format: 'md' | 'json' | 'html', fromFiles: boolean): string {
  if (format === 'json') return JSON.stringify(fromFiles ? { stories: dossiers } : dossiers[0], null, 2);
  if (format === 'md') return dossiers.map(renderDossierMarkdown).join('\n\n---\n\n');
  const pages = dossiers.map(renderDossierHtml);
  if (pages.length <= 1) return pages[0] ?? '';
  // Several stories: one page, the first page's head, every page's body in turn.
  const bodies = pages.map((p) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(p)?.[1] ?? p);
  return pages[0]!.replace(/<body([^>]*)>[\s\S]*<\/body>/i, (_m, attrs: string) => `<body${attrs}>${bodies.join('\n<hr>\n')}</body>`);
}
