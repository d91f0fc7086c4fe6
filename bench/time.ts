/**
 * Time-expression benchmark (TempEval-3 Task A on TimeBank + AQUAINT, official scorer `score-time.mjs`).
 * Measures Triangulate's recogniser and, in the same run, a chrono-node-only baseline whose raw results are
 * mapped to TIMEX3 as simply as possible. Prints extent/type/value scores and throughput.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { predictTimeFile, type TimexPrediction } from '../src/analyze/time/index.js';
import { benchOutDir, repoRoot, sharedDir } from './lib/paths.js';

type Inputs = Record<string, { dct?: string; published?: string; text: string }>;
type Predictions = Record<string, { timexes: TimexPrediction[] }>;

interface Prf {
  p: number;
  r: number;
  f1: number;
}
interface Report {
  documents: number;
  goldTimexes: number;
  predictedTimexes: number;
  strict: Prf;
  relaxed: Prf;
  type: Prf;
  value: Prf;
  typeAccuracy: number;
  valueAccuracy: number;
}

/** Throughput is quoted per 600-word news article, the size the issue sets the speed target for. */
const WORDS_PER_ARTICLE = 600;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** chrono-node only: each result becomes one TIMEX3 at the finest granularity chrono says it knows. */
export function chronoBaseline(inputs: Inputs): Predictions {
  const out: Predictions = {};
  for (const [id, doc] of Object.entries(inputs)) {
    const ref = doc.dct ?? doc.published ?? '';
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ref);
    // Local noon, so the machine's time zone cannot move the reference to another day.
    const refDate = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : new Date(2000, 0, 1, 12);
    const timexes: TimexPrediction[] = [];
    for (const r of chrono.parse(doc.text, refDate)) {
      const s = r.start;
      const y = String(s.get('year') ?? 0).padStart(4, '0');
      const mo = pad2(s.get('month') ?? 1);
      const d = pad2(s.get('day') ?? 1);
      let type: TimexPrediction['type'] = 'DATE';
      let value: string;
      if (s.isCertain('hour')) {
        type = 'TIME';
        value = `${y}-${mo}-${d}T${pad2(s.get('hour') ?? 0)}:${pad2(s.get('minute') ?? 0)}`;
      } else if (s.isCertain('day') || s.isCertain('weekday')) value = `${y}-${mo}-${d}`;
      else if (s.isCertain('month')) value = `${y}-${mo}`;
      else if (s.isCertain('year')) value = y;
      else value = `${y}-${mo}-${d}`;
      timexes.push({ start: r.index, end: r.index + r.text.length, type, value });
    }
    out[id] = { timexes };
  }
  return out;
}

function timed(run: () => Predictions): { preds: Predictions; ms: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const preds = run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { preds, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function score(scorer: string, tml: string[], predFile: string, jsonFile: string): Report {
  const args = [scorer, 'score', ...tml.flatMap((t) => ['--tml', t]), '--pred', predFile, '--json', jsonFile];
  execFileSync(process.execPath, args, { cwd: repoRoot(), stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(jsonFile, 'utf8')) as Report;
}

function pct(x: number): string {
  return (100 * x).toFixed(2).padStart(6);
}

function main(): void {
  const shared = sharedDir();
  const data = join(shared, 'data', 'time', 'tempeval3', 'TBAQ-cleaned');
  const tml = [join(data, 'TimeBank'), join(data, 'AQUAINT')];
  const scorer = join(shared, 'score', 'score-time.mjs');
  const out = benchOutDir('time');
  mkdirSync(out, { recursive: true });

  const inputsFile = join(out, 'inputs.json');
  execFileSync(process.execPath, [scorer, 'inputs', ...tml.flatMap((t) => ['--tml', t]), '--out', inputsFile], { cwd: repoRoot(), stdio: ['ignore', 'ignore', 'inherit'] });
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as Inputs;
  const docs = Object.keys(inputs).length;
  const words = Object.values(inputs).reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);
  const articles = words / WORDS_PER_ARTICLE;

  // One untimed pass each first: throughput is the steady state of a long-running process, not JIT warm-up.
  predictTimeFile(inputs);
  chronoBaseline(inputs);

  const systems = [
    { name: 'triangulate', ...timed(() => predictTimeFile(inputs)) },
    { name: 'chrono-node', ...timed(() => chronoBaseline(inputs)) },
  ];

  console.log(`TempEval-3 Task A, TimeBank + AQUAINT dev: ${docs} documents, ${words} words (${articles.toFixed(1)} x ${WORDS_PER_ARTICLE}-word articles)`);
  console.log('');
  console.log('system         |     strict P/R/F1     |    relaxed P/R/F1     |  type F1 | value F1 |  docs/s | articles/s | articles/CPU-s');
  for (const s of systems) {
    const predFile = join(out, `pred-${s.name}.json`);
    writeFileSync(predFile, JSON.stringify(s.preds));
    const r = score(scorer, tml, predFile, join(out, `score-${s.name}.json`));
    const row = [
      s.name.padEnd(14),
      ` ${pct(r.strict.p)}${pct(r.strict.r)}${pct(r.strict.f1)} `,
      ` ${pct(r.relaxed.p)}${pct(r.relaxed.r)}${pct(r.relaxed.f1)} `,
      `   ${pct(r.type.f1)}`,
      `   ${pct(r.value.f1)}`,
      (docs / (s.ms / 1000)).toFixed(0).padStart(8),
      (articles / (s.ms / 1000)).toFixed(0).padStart(11),
      (articles / (s.cpuMs / 1000)).toFixed(0).padStart(15),
    ];
    console.log(row.join(' |'));
  }
  console.log('');
  console.log('articles/s: wall clock; articles/CPU-s: process CPU time (steadier on a shared machine). One thread.');
  console.log(`predictions and scorer reports: ${out}`);
}

main();
