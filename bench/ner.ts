/**
 * NER benchmark on CoNLL-2003 eng.testa (the development measurement set; never used for training):
 *  1. our tagger predicts the CoNLL file → official scorer (F1 overall and per type);
 *  2. throughput of tokenise + NER on the raw dev text (tokens joined by spaces, one text per document);
 *  3. the peer library compromise on the same texts: people/organizations/places → PER/ORG/LOC tags by token
 *     alignment, scored by the same scorer and timed in the same run.
 *
 *   npm run bench:ner [-- --skip-peer] [-- --repeat N]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { benchOutDir, sharedDir } from './lib/paths.js';
import { parseConll, predictConll, type ConllFile } from '../src/analyze/ner/conll.js';
import { recognizeEntities } from '../src/analyze/ner/index.js';
import { defaultTagger, loadTagger } from '../src/analyze/ner/tagger.js';
import { tokenize } from '../src/analyze/tokens/index.js';

const { values: args } = parseArgs({
  options: {
    'skip-peer': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
    // An experimental model folder (as written by `train-ner --out`) instead of the committed models/ner.
    'model-dir': { type: 'string' },
  },
});
const REPEAT = Number(args.repeat);

interface Score {
  f1: number;
  precision: number;
  recall: number;
  per_type: Record<string, { f1: number; precision: number; recall: number }>;
}

const shared = sharedDir();
const goldPath = join(shared, 'data/ner/conll2003/eng.testa');
const out = benchOutDir(args['model-dir'] ? `ner-${basename(args['model-dir'])}` : 'ner');
mkdirSync(out, { recursive: true });
const goldText = readFileSync(goldPath, 'utf8');
const gold = parseConll(goldText);

function score(predPath: string, name: string): Score {
  const jsonPath = join(out, `${name}.score.json`);
  execFileSync('node', [join(shared, 'score/score-ner.mjs'), '--gold', goldPath, '--pred', predPath, '--json', jsonPath], { stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(jsonPath, 'utf8')) as Score;
}

/** One raw text per document (tokens joined by spaces) and each token's offset in it. */
interface RawDoc {
  readonly text: string;
  readonly offsets: number[][];
}
function rawDocuments(file: ConllFile): RawDoc[] {
  return file.documents.map((d) => {
    let text = '';
    const offsets = d.sentences.map((s) =>
      s.tokens.map((tok) => {
        if (text.length > 0) text += ' ';
        const at = text.length;
        text += tok;
        return at;
      }),
    );
    return { text, offsets };
  });
}

interface Speed {
  /** Tokens per wall-clock second. */
  readonly wall: number;
  /** Tokens per second of this process's CPU time: steadier than wall time on a shared machine. */
  readonly cpu: number;
}

/** Throughput of `run` over all texts: one warm-up pass, then the best of REPEAT timed passes (wall and CPU time). */
function throughput(texts: readonly string[], tokens: number, run: (text: string) => void): Speed {
  for (const t of texts) run(t);
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < REPEAT; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const t of texts) run(t);
    const cpu = process.cpuUsage(c0);
    bestWall = Math.min(bestWall, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  return { wall: (tokens / bestWall) * 1000, cpu: (tokens / bestCpu) * 1000 };
}

const pct = (x: number): string => (100 * x).toFixed(2);
const tokenCount = gold.documents.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.tokens.length, 0), 0);
const docs = rawDocuments(gold);
const texts = docs.map((d) => d.text);

// 1. Ours on the CoNLL tokens.
const t0 = performance.now();
const tagger = args['model-dir'] ? loadTagger(args['model-dir']) : defaultTagger();
const ourPredPath = join(out, 'triangulate.conll');
writeFileSync(ourPredPath, predictConll(goldText, tagger));
const loadAndPredictMs = performance.now() - t0;
const ours = score(ourPredPath, 'triangulate');

// 2. Ours on raw text: tokenise + NER.
const ourSpeed = throughput(texts, tokenCount, (t) => void recognizeEntities(t, tokenize(t), tagger));

const rows: [string, Score, Speed][] = [['triangulate', ours, ourSpeed]];

// 3. compromise.
if (!args['skip-peer']) {
  const lines = goldText.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const predLines = lines.map((l) => (l.trim() === '' ? '' : `${l.trim().split(' ')[0] ?? ''} O`));
  gold.documents.forEach((d, di) => {
    const raw = docs[di] as RawDoc;
    const doc = nlp(raw.text);
    const spans: [number, number, string][] = [];
    for (const [type, view] of [['PER', doc.people()], ['ORG', doc.organizations()], ['LOC', doc.places()]] as const) {
      for (const m of view.json({ offset: true }) as { offset: { start: number; length: number } }[]) {
        spans.push([m.offset.start, m.offset.start + m.offset.length, type]);
      }
    }
    d.sentences.forEach((s, si) => {
      const offs = raw.offsets[si] ?? [];
      let prevType = '';
      s.tokens.forEach((tok, ti) => {
        const start = offs[ti] ?? 0;
        const end = start + tok.length;
        // A token belongs to a match lying over it; punctuation at a match's edge (compromise keeps "Paris ." ) does not.
        const hit = /[\p{L}\p{N}]/u.test(tok) ? spans.find(([a, b]) => start >= a && end <= b) : undefined;
        const lineIndex = s.lines[ti] ?? 0;
        const type = hit?.[2] ?? '';
        const begins = hit !== undefined && (prevType !== type || start === hit[0]);
        predLines[lineIndex] = `${tok} ${hit ? `${begins ? 'B' : 'I'}-${type}` : 'O'}`;
        prevType = type;
      });
    });
  });
  const peerPath = join(out, 'compromise.conll');
  writeFileSync(peerPath, predLines.join('\n') + '\n');
  const peer = score(peerPath, 'compromise');
  const peerSpeed = throughput(texts, tokenCount, (t) => {
    const d = nlp(t);
    d.people().json({ offset: true });
    d.organizations().json({ offset: true });
    d.places().json({ offset: true });
  });
  rows.push(['compromise', peer, peerSpeed]);
}

console.log(`CoNLL-2003 eng.testa: ${tokenCount} tokens, ${gold.documents.length} documents (predict incl. model load: ${(loadAndPredictMs / 1000).toFixed(1)} s)`);
console.log('| system | F1 | P | R | PER | ORG | LOC | MISC | tokens/s (wall) | tokens/s (CPU) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [name, s, speed] of rows) {
  const t = (k: string): string => (s.per_type[k] ? pct(s.per_type[k].f1) : '-');
  console.log(`| ${name} | ${pct(s.f1)} | ${pct(s.precision)} | ${pct(s.recall)} | ${t('PER')} | ${t('ORG')} | ${t('LOC')} | ${t('MISC')} | ${Math.round(speed.wall)} | ${Math.round(speed.cpu)} |`);
}
if (rows.length === 2) {
  const [a, b] = [rows[0] as [string, Score, Speed], rows[1] as [string, Score, Speed]];
  console.log(`ratio triangulate/compromise: F1 ×${(a[1].f1 / b[1].f1).toFixed(2)}, speed ×${(a[2].wall / b[2].wall).toFixed(1)} (wall), ×${(a[2].cpu / b[2].cpu).toFixed(1)} (CPU)`);
}
