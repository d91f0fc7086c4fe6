/**
 * Flattened-text extraction benchmark on the AEB pages (already flattened to plain
 * text with all their chrome): our extractor against two baselines, scored by the
 * official `score-extraction.mjs aeb`.
 *
 *   npx tsx bench/extract-text.ts            (or node dist/bench/extract-text.js)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractFlattenedText } from '../src/extract/text/index.js';
import { benchOutDir, sharedDir } from './lib/paths.js';

export interface TextSystemResult {
  readonly system: string;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly pagesPerSecond: number;
  readonly predictionsPath: string;
  readonly reportPath: string;
}

export interface TextExtractionBenchmark {
  readonly pages: number;
  readonly systems: readonly TextSystemResult[];
}

type Extractor = (text: string) => string;

/** Passes timed after the warm-up; the median is reported so one slow pass (a busy machine) does not count. */
const TIMED_PASSES = 3;
/** The line-length baseline keeps lines at least this long: roughly "a sentence or more". */
const BASELINE_MINIMUM_LINE = 80;

/** Keep-everything baseline: the flattened page itself. */
function keepEverything(text: string): string {
  return text;
}

/** Line-length baseline: every line of at least BASELINE_MINIMUM_LINE characters. */
function lineLengthFilter(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= BASELINE_MINIMUM_LINE)
    .join('\n\n');
}

function triangulate(text: string): string {
  return extractFlattenedText(text).text;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeSystem(pages: ReadonlyMap<string, string>, extract: Extractor): { predictions: Record<string, { articleBody: string }>; pagesPerSecond: number } {
  const predictions: Record<string, { articleBody: string }> = {};
  for (const [id, text] of pages) predictions[id] = { articleBody: extract(text) };
  const rates: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const started = process.hrtime.bigint();
    for (const text of pages.values()) extract(text);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(pages.size / seconds);
  }
  return { predictions, pagesPerSecond: median(rates) };
}

interface ScorerReport {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

function isScorerReport(value: unknown): value is ScorerReport {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['f1'] === 'number' && typeof record['precision'] === 'number' && typeof record['recall'] === 'number';
}

function score(shared: string, goldPath: string, predictionsPath: string, reportPath: string): ScorerReport {
  execFileSync(process.execPath, [join(shared, 'score', 'score-extraction.mjs'), 'aeb', '--gold', goldPath, '--pred', predictionsPath, '--json', reportPath], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const report: unknown = JSON.parse(readFileSync(reportPath, 'utf8'));
  if (!isScorerReport(report)) throw new Error(`extract-text bench: scorer report ${reportPath} lacks numeric f1/precision/recall`);
  return report;
}

function readPages(path: string): Map<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`extract-text bench: ${path} is not a JSON object`);
  const pages = new Map<string, string>();
  for (const [id, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const text = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['text'] : undefined;
    if (typeof text !== 'string') throw new Error(`extract-text bench: page ${id} in ${path} has no string "text"`);
    pages.set(id, text);
  }
  return pages;
}

export async function runTextExtractionBenchmark(): Promise<TextExtractionBenchmark> {
  const shared = sharedDir();
  const dataDir = join(shared, 'data', 'extraction', 'aeb');
  const goldPath = join(dataDir, 'ground-truth.json');
  const pages = readPages(join(dataDir, 'flattened.json'));
  const outDir = benchOutDir('extract');
  mkdirSync(outDir, { recursive: true });
  const systems: [string, string, Extractor][] = [
    ['triangulate text', 'text-triangulate', triangulate],
    ['keep everything', 'text-keep-everything', keepEverything],
    [`lines >= ${BASELINE_MINIMUM_LINE} chars`, 'text-line-length', lineLengthFilter],
  ];
  const results: TextSystemResult[] = [];
  for (const [system, file, extract] of systems) {
    const { predictions, pagesPerSecond } = timeSystem(pages, extract);
    const predictionsPath = join(outDir, `${file}.pred.json`);
    const reportPath = join(outDir, `${file}.score.json`);
    writeFileSync(predictionsPath, JSON.stringify(predictions));
    const report = score(shared, goldPath, predictionsPath, reportPath);
    results.push({ system, f1: report.f1, precision: report.precision, recall: report.recall, pagesPerSecond, predictionsPath, reportPath });
  }
  return { pages: pages.size, systems: results };
}

export function formatTextExtractionTable(result: TextExtractionBenchmark): string {
  const rows = [`AEB flattened text, ${result.pages} pages (official scorer, aeb mode)`, `${'system'.padEnd(22)} ${'F1'.padStart(6)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'pages/s'.padStart(9)}`];
  for (const system of result.systems) {
    rows.push(
      `${system.system.padEnd(22)} ${system.f1.toFixed(3).padStart(6)} ${system.precision.toFixed(3).padStart(6)} ${system.recall.toFixed(3).padStart(6)} ${system.pagesPerSecond.toFixed(0).padStart(9)}`,
    );
  }
  return rows.join('\n');
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  runTextExtractionBenchmark()
    .then((result) => {
      console.log(formatTextExtractionTable(result));
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
