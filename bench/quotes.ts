/**
 * Quote and attribution benchmark on PolNeAR (dev split), scored by the official `score-quotes.mjs`.
 *
 *   npm run bench:quotes                       build inputs, predict, score dev (all + direct), print the table and articles/s
 *   npm run bench:quotes -- --split train      the same on another split
 *   npm run bench:quotes -- --learn-lexicon    rebuild src/analyze/quotes/cue-lexicon.ts from the train split
 *
 * The lexicon is a derived artefact: per lower-cased word form, how often it lies inside a gold cue and how often it
 * occurs at all in the train texts (counts only, no text).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchOutDir, repoRoot, sharedDir } from './lib/paths.js';
import { extractQuotes, predictQuotesFile, type QuoteInputs } from '../src/analyze/quotes/index.js';
import { tokenize } from '../src/analyze/tokens/index.js';

const polnear = (): string => join(sharedDir(), 'data', 'quotes', 'polnear');
const scorer = (): string => join(sharedDir(), 'score', 'score-quotes.mjs');

/** A word form enters the lexicon only after this many gold-cue occurrences: rarer forms are noise. */
const MIN_CUE_COUNT = 3;

interface GoldCue {
  readonly start: number;
  readonly end: number;
}

/** The gold cue spans of one article (first .ann in code-unit order, as the scorer does), in UTF-16 offsets. */
function readGoldCues(split: string): Map<string, { text: string; cues: GoldCue[] }> {
  const annDir = join(split, 'attributions');
  const firstAnn = new Map<string, string>();
  for (const name of readdirSync(annDir).filter((n) => n.endsWith('.ann')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const article = name.slice(0, name.lastIndexOf('_'));
    if (!firstAnn.has(article)) firstAnn.set(article, name);
  }
  const out = new Map<string, { text: string; cues: GoldCue[] }>();
  for (const [article, ann] of firstAnn) {
    const text = readFileSync(join(split, 'text', article + '.txt'), 'utf8');
    const codePointToUtf16 = [0];
    for (const ch of text) codePointToUtf16.push((codePointToUtf16[codePointToUtf16.length - 1] ?? 0) + ch.length);
    const cueIds = new Set<string>();
    const bounds = new Map<string, GoldCue[]>();
    for (const line of readFileSync(join(annDir, ann), 'utf8').split('\n')) {
      const fields = line.split('\t');
      const id = fields[0] ?? '';
      if (/^T\d+$/.test(id)) {
        const m = /^\S+ (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
        if (!m?.[1]) throw new Error(`${ann}: bad text-bound line ${JSON.stringify(line)}`);
        bounds.set(id, m[1].split(';').map((fr) => {
          const [s, e] = fr.split(' ').map((x) => codePointToUtf16[Number(x)] ?? 0);
          return { start: s ?? 0, end: e ?? 0 };
        }));
      } else if (/^E\d+$/.test(id)) {
        for (const arg of (fields[1] ?? '').trim().split(/\s+/).slice(1)) {
          const m = /^Cue\d*:(T\d+)$/.exec(arg);
          if (m?.[1]) cueIds.add(m[1]);
        }
      }
    }
    const cues = [...cueIds].flatMap((id) => bounds.get(id) ?? []);
    out.set(article, { text, cues });
  }
  return out;
}

function learnLexicon(): void {
  const inCue = new Map<string, number>();
  const total = new Map<string, number>();
  for (const { text, cues } of readGoldCues(join(polnear(), 'train')).values()) {
    const marked = new Uint8Array(text.length);
    for (const c of cues) marked.fill(1, c.start, c.end);
    for (const t of tokenize(text).tokens) {
      if (!/^[\p{L}][\p{L}'’-]*$/u.test(t.text)) continue;
      const form = t.text.toLowerCase();
      total.set(form, (total.get(form) ?? 0) + 1);
      if (marked[t.start]) inCue.set(form, (inCue.get(form) ?? 0) + 1);
    }
  }
  const rows = [...inCue]
    .filter(([, c]) => c >= MIN_CUE_COUNT)
    .map(([form, c]) => [form, c, total.get(form) ?? c] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const body = rows.map(([f, c, t]) => `  [${JSON.stringify(f)}, ${c}, ${t}],`).join('\n');
  const file = join(repoRoot(), 'src', 'analyze', 'quotes', 'cue-lexicon.ts');
  writeFileSync(
    file,
    `/**
 * Derived artefact, do not edit: regenerate with \`npx tsx bench/quotes.ts --learn-lexicon\`.
 * Per lower-cased word form: [form, occurrences inside a gold attribution cue, occurrences in all texts], counted on the
 * PolNeAR train split (tokens of src/analyze/tokens; forms seen inside a cue fewer than ${MIN_CUE_COUNT} times are left out).
 */
export const CUE_LEXICON: readonly (readonly [form: string, inCue: number, total: number])[] = [
${body}
];
`,
  );
  console.log(`wrote ${rows.length} forms to ${file}`);
}

interface Score {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}
interface SubsetReport {
  readonly cue: { exact: Score; tokens: Score };
  readonly source: { exact: Score; tokens: Score };
  readonly content: { exact: Score; tokens: Score };
  readonly attribution: Score;
  readonly attributionExact: Score;
}
interface Report {
  readonly all: SubsetReport;
  readonly direct: SubsetReport;
  readonly counts: { gold: { attributions: number; direct: number }; pred: { attributions: number; direct: number } };
}

function pct(x: number): string {
  return (100 * x).toFixed(2).padStart(6);
}

function printTable(report: Report): void {
  const row = (name: string, s: Score): string => `${name.padEnd(22)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f1)}`;
  for (const subset of ['all', 'direct'] as const) {
    const r = report[subset];
    const g = report.counts.gold[subset === 'all' ? 'attributions' : 'direct'];
    const p = report.counts.pred[subset === 'all' ? 'attributions' : 'direct'];
    console.log(`\n${subset} (gold ${g}, predicted ${p})            P      R     F1`);
    for (const kind of ['cue', 'source', 'content'] as const) {
      console.log(row(`${kind} exact`, r[kind].exact));
      console.log(row(`${kind} overlap`, r[kind].tokens));
    }
    console.log(row('attribution (match)', r.attribution));
    console.log(row('attribution (exact)', r.attributionExact));
  }
}

function bench(splitName: string): void {
  const outDir = benchOutDir('quotes');
  mkdirSync(outDir, { recursive: true });
  const split = join(polnear(), splitName);
  const inputsFile = join(outDir, `${splitName}-inputs.json`);
  const predFile = join(outDir, `${splitName}-pred.json`);
  const reportFile = join(outDir, `${splitName}-report.json`);
  execFileSync(process.execPath, [scorer(), 'inputs', '--split', split, '--metadata', join(polnear(), 'metadata.tsv'), '--out', inputsFile], { stdio: 'inherit' });
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as QuoteInputs;
  const articles = Object.keys(inputs).length;

  // CPU time of this process, not wall time: the machine is shared, and waiting for a core is not our cost.
  const cpuSeconds = (since: NodeJS.CpuUsage): number => {
    const d = process.cpuUsage(since);
    return (d.user + d.system) / 1e6;
  };
  /** Repeat a timed pass until it has run this long, so small splits still give a stable rate. */
  const MIN_TIMED_SECONDS = 2;
  const rate = (pass: () => void): number => {
    const t = process.cpuUsage();
    let rounds = 0;
    do {
      pass();
      rounds++;
    } while (cpuSeconds(t) < MIN_TIMED_SECONDS);
    return (rounds * articles) / cpuSeconds(t);
  };
  const pred = predictQuotesFile(inputs);
  writeFileSync(predFile, JSON.stringify(pred));

  execFileSync(process.execPath, [scorer(), 'score', '--split', split, '--pred', predFile, '--json', reportFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  console.log(`PolNeAR ${splitName}: ${articles} articles`);
  printTable(report);
  const words = Object.values(inputs).reduce((n, a) => n + (a.text.match(/\S+/g)?.length ?? 0), 0);
  // The quote stage alone, as the pipeline runs it (tokens computed once upstream and passed in).
  const texts = Object.values(inputs).map((a) => a.text);
  const tokenized = texts.map((t) => tokenize(t));
  const tokenRate = rate(() => texts.forEach((t) => tokenize(t)));
  const stageRate = rate(() => {
    for (let i = 0; i < texts.length; i++) {
      const tk = tokenized[i];
      extractQuotes(texts[i] ?? '', tk ? { tokenized: tk } : {});
    }
  });
  const fullRate = rate(() => predictQuotesFile(inputs));
  console.log(`\nthroughput (CPU time, one core, ${(words / articles).toFixed(0)} words/article):`);
  console.log(`  quote stage, tokens given   ${stageRate.toFixed(0)} articles/s`);
  console.log(`  tokenizer alone             ${tokenRate.toFixed(0)} articles/s`);
  console.log(`  tokenizer + quote stage     ${fullRate.toFixed(0)} articles/s (${((fullRate * words) / articles / 1000).toFixed(0)}k words/s)`);
  console.log(`predictions ${predFile}\nreport ${reportFile}`);
}

const args = process.argv.slice(2);
if (args.includes('--learn-lexicon')) learnLexicon();
else {
  const i = args.indexOf('--split');
  bench(i >= 0 ? (args[i + 1] ?? 'dev') : 'dev');
}
