/**
 * Benchmark adapters: the same pipeline as `ingest`, over a data set, writing predictions
 * in the formats the official scorers read. Kept separate from the store on purpose:
 * predictions must not depend on what a database already holds.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { predictConll } from '../analyze/ner/index.js';
import { predictQuotesFile } from '../analyze/quotes/index.js';
import { predictTimeFile } from '../analyze/time/index.js';
import { sha256Hex } from '../ingest/index.js';
import { predictStoriesFile } from '../stories/index.js';
import type { RawInput } from '../model/index.js';
import { extractArticle } from '../pipeline.js';
import { CliExit } from './program.js';

export type PredictTask = 'extract-html' | 'extract-text';

const HTML_FILE = /\.(html?)(\.gz)?$/i;

export async function runPredict(task: PredictTask, input: string, out: string): Promise<string> {
  const predictions: Record<string, { articleBody: string }> = {};
  let failed = 0;
  const started = performance.now();
  const inputs = task === 'extract-html' ? htmlPages(input) : flattenedTexts(input);
  for (const { id, raw } of inputs) {
    const outcome = extractArticle(raw);
    if (!outcome.ok) failed++;
    predictions[id] = { articleBody: outcome.ok ? outcome.article.text : '' };
  }
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(out, JSON.stringify(predictions));
  const n = Object.keys(predictions).length;
  return `${task}: ${n} documents in ${seconds.toFixed(2)} s (${(n / seconds).toFixed(1)}/s), ${failed} without article text; wrote ${out}`;
}

function* htmlPages(dir: string): Generator<{ id: string; raw: RawInput }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => HTML_FILE.test(n)).sort();
  } catch (error) {
    throw new CliExit(2, `cannot read folder ${dir}: ${(error as Error).message}`);
  }
  for (const name of names) {
    const file = readFileSync(join(dir, name));
    let bytes: Uint8Array;
    try {
      bytes = name.toLowerCase().endsWith('.gz') ? gunzipSync(file) : file;
    } catch (error) {
      throw new CliExit(1, `${name}: cannot gunzip: ${(error as Error).message}`);
    }
    const id = name.replace(/\.gz$/i, '').replace(/\.html?$/i, '');
    yield { id, raw: { id: sha256Hex(bytes), origin: join(dir, name), originKind: 'file', format: 'html', bytes, hints: {} } };
  }
}

function* flattenedTexts(file: string): Generator<{ id: string; raw: RawInput }> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliExit(2, `cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CliExit(2, `${file}: expected an object {id: {text}}`);
  for (const [id, value] of Object.entries(data)) {
    const text = (value as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') throw new CliExit(2, `${file}: entry "${id}" has no string "text" field`);
    const bytes = new TextEncoder().encode(text);
    yield { id, raw: { id: sha256Hex(bytes), origin: `${file}#${id}`, originKind: 'json-record', format: 'text', bytes, hints: {} } };
  }
}

export type PredictDataTask = 'ner' | 'quotes' | 'time' | 'stories';

/** The analysis adapters: one input file in the scorer's format, one prediction file out. */
export async function runDataPredict(task: PredictDataTask, input: string, out: string): Promise<string> {
  let content: string;
  try {
    content = readFileSync(input, 'utf8');
  } catch (error) {
    throw new CliExit(2, `cannot read ${input}: ${(error as Error).message}`);
  }
  const started = performance.now();
  let output: string;
  let count: number;
  try {
    switch (task) {
      case 'ner': {
        output = predictConll(content);
        count = output.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('-DOCSTART-')).length;
        break;
      }
      case 'quotes': {
        const predictions = predictQuotesFile(parseJsonObject(input, content) as Parameters<typeof predictQuotesFile>[0]);
        output = JSON.stringify(predictions);
        count = Object.keys(predictions).length;
        break;
      }
      case 'time': {
        const predictions = predictTimeFile(parseJsonObject(input, content) as Parameters<typeof predictTimeFile>[0]);
        output = JSON.stringify(predictions);
        count = Object.keys(predictions).length;
        break;
      }
      case 'stories': {
        const predictions = predictStoriesFile(content);
        output = JSON.stringify(predictions);
        count = Object.keys(predictions).length;
        break;
      }
    }
  } catch (error) {
    if (error instanceof CliExit) throw error;
    throw new CliExit(2, `${input}: ${(error as Error).message}`);
  }
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(out, output);
  const unit = task === 'ner' ? 'tokens' : task === 'stories' ? 'articles' : 'documents';
  return `${task}: ${count} ${unit} in ${seconds.toFixed(2)} s (${(count / seconds).toFixed(0)}/s); wrote ${out}`;
}

function parseJsonObject(file: string, content: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new CliExit(2, `cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CliExit(2, `${file}: expected a JSON object keyed by document id`);
  return data as Record<string, unknown>;
}
