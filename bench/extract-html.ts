/**
 * HTML main-content extraction on the article-extraction-benchmark pages (../shared/data/extraction/aeb):
 * our extractHtml against @mozilla/readability on linkedom, measured in the same run, single process,
 * both including parsing. F1 comes from the official scorer; the benchmark's published outputs of
 * Readability.js, trafilatura and rs-trafilatura are scored alongside for context.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/extract/html/index.js';
import { decodeBytes } from '../src/ingest/decode.js';
import { benchOutDir, sharedDir } from './lib/paths.js';

interface Page {
  readonly id: string;
  readonly html: string;
  readonly url: string | undefined;
}

export interface ExtractionScore {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

export interface SystemResult extends ExtractionScore {
  readonly system: string;
  /** Median pages per second over the timed passes; undefined for published reference outputs. */
  readonly pagesPerSecond?: number;
}

export interface HtmlExtractionBenchmark {
  readonly pages: number;
  readonly ours: SystemResult;
  readonly readability: SystemResult;
  /** How many times faster than Readability on linkedom we are. */
  readonly speedRatio: number;
  readonly references: readonly SystemResult[];
}

const TIMED_PASSES = 3;
const REFERENCE_OUTPUTS = ['readability_js', 'trafilatura', 'rs_trafilatura'] as const;

function aebDir(): string {
  return join(sharedDir(), 'data', 'extraction', 'aeb');
}

function loadPages(): Page[] {
  const dir = aebDir();
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  const htmlDir = join(dir, 'html');
  return readdirSync(htmlDir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.html.gz'.length);
      const html = decodeBytes(gunzipSync(readFileSync(join(htmlDir, f)))).text;
      return { id, html, url: gold[id]?.url };
    });
}

function ours(page: Page): string {
  return extractHtml(page.html, page.url ? { url: page.url } : {}).text;
}

function readability(page: Page): string {
  try {
    const { document } = parseHTML(page.html);
    return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
  } catch {
    // Readability throws on a few malformed pages; scored as an empty prediction.
    return '';
  }
}

/** One warm-up pass, then TIMED_PASSES timed ones; returns the outputs of the last pass and the median pages/s. */
function timeSystem(pages: readonly Page[], run: (page: Page) => string): { outputs: Map<string, string>; pagesPerSecond: number } {
  let outputs = new Map<string, string>();
  for (const page of pages) run(page);
  const rates: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const next = new Map<string, string>();
    const start = process.hrtime.bigint();
    for (const page of pages) next.set(page.id, run(page));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(pages.length / seconds);
    outputs = next;
  }
  rates.sort((a, b) => a - b);
  return { outputs, pagesPerSecond: rates[Math.floor(rates.length / 2)]! };
}

function score(predPath: string, reportPath: string): ExtractionScore {
  const dir = aebDir();
  execFileSync(
    process.execPath,
    [join(sharedDir(), 'score', 'score-extraction.mjs'), 'aeb', '--gold', join(dir, 'ground-truth.json'), '--pred', predPath, '--json', reportPath],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as ExtractionScore;
  return { f1: report.f1, precision: report.precision, recall: report.recall };
}

function writePredictions(path: string, outputs: ReadonlyMap<string, string>): void {
  const pred: Record<string, { articleBody: string }> = {};
  for (const [id, articleBody] of outputs) pred[id] = { articleBody };
  writeFileSync(path, JSON.stringify(pred));
}

export async function runHtmlExtractionBenchmark(): Promise<HtmlExtractionBenchmark> {
  const outDir = benchOutDir('extract');
  mkdirSync(outDir, { recursive: true });
  const pages = loadPages();

  const oursRun = timeSystem(pages, ours);
  const readabilityRun = timeSystem(pages, readability);

  const oursPred = join(outDir, 'html-ours.json');
  const readabilityPred = join(outDir, 'html-readability-linkedom.json');
  writePredictions(oursPred, oursRun.outputs);
  writePredictions(readabilityPred, readabilityRun.outputs);

  const oursResult: SystemResult = {
    system: 'triangulate extractHtml',
    ...score(oursPred, join(outDir, 'html-ours.score.json')),
    pagesPerSecond: oursRun.pagesPerSecond,
  };
  const readabilityResult: SystemResult = {
    system: '@mozilla/readability + linkedom',
    ...score(readabilityPred, join(outDir, 'html-readability-linkedom.score.json')),
    pagesPerSecond: readabilityRun.pagesPerSecond,
  };
  const references = REFERENCE_OUTPUTS.map((name) => ({
    system: `${name} (published output)`,
    ...score(join(aebDir(), 'reference-outputs', `${name}.json`), join(outDir, `html-reference-${name}.score.json`)),
  }));
  return {
    pages: pages.length,
    ours: oursResult,
    readability: readabilityResult,
    speedRatio: oursRun.pagesPerSecond / readabilityRun.pagesPerSecond,
    references,
  };
}

export function formatHtmlExtractionBenchmark(result: HtmlExtractionBenchmark): string {
  const rows = [result.ours, result.readability, ...result.references];
  const lines = [
    `HTML extraction, article-extraction-benchmark (${result.pages} pages), official scorer`,
    '',
    '| system | F1 | precision | recall | pages/s | speed vs readability |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const rate = r.pagesPerSecond === undefined ? '–' : r.pagesPerSecond.toFixed(1);
    const ratio = r.pagesPerSecond === undefined || result.readability.pagesPerSecond === undefined ? '–' : `${(r.pagesPerSecond / result.readability.pagesPerSecond).toFixed(2)}×`;
    lines.push(`| ${r.system} | ${r.f1.toFixed(3)} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${rate} | ${ratio} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runHtmlExtractionBenchmark()
    .then((result) => console.log(formatHtmlExtractionBenchmark(result)))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
