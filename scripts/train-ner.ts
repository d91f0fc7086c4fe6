/**
 * Trains Triangulate's named-entity recogniser and writes models/ner/:
 *   gazetteer.tsv.gz  name lists (WikiANN English train+dev entity strings, world-countries names/capitals/demonyms)
 *   clusters.tsv.gz   word clusters from unlabelled text (see ner-clusters.ts)
 *   model.bin.gz      two-stage averaged perceptron weights
 *
 *   npm run train:ner   (= node dist/scripts/train-ner.js; or npx tsx scripts/train-ner.ts)
 *     [--epochs 12] [--runs 3] [--bits 22] [--folds 5] [--seed N] [--stage1-only] [--skip-resources] [--no-clusters]
 *     [--out DIR]   write an experimental model to DIR instead of models/ner (bench it with `bench/ner.ts --model-dir DIR`)
 *
 * Labels come from CoNLL-2003 eng.train only (never eng.testa, the measurement set). Stage 1 is trained `--folds`
 * times on the other folds to label each held-out fold (the stage-2 training input); the official scorer's F1 of
 * those held-out labels is logged, a measure for choosing settings that never looks at eng.testa. Each model is the
 * mean of `--runs` averaged perceptrons with different shuffling seeds. Deterministic: fixed seeds and iteration
 * orders, so a rerun reproduces the same bytes. About 15 minutes on one core with the defaults.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { benchOutDir, sharedDir } from '../bench/lib/paths.js';
import { parseConll } from '../src/analyze/ner/conll.js';
import { FeatureExtractor, mergeFeatures, type FeatureMatrix } from '../src/analyze/ner/features.js';
import { bilouFromChunks, chunksFromIob, ENTITY_TYPES, iob2FromBilou } from '../src/analyze/ner/labels.js';
import { serializeModels, type WeightSource } from '../src/analyze/ner/model.js';
import { CLUSTERS_FILE, GAZETTEER_FILE, Gazetteer, WordClusters, loadResources, type GazetteerCategory } from '../src/analyze/ner/resources.js';
import { MODEL_FILE, NerTagger, modelDir } from '../src/analyze/ner/tagger.js';
import { trainPerceptron, type TrainingDocument } from '../src/analyze/ner/train.js';
import { tokenize } from '../src/analyze/tokens/index.js';
import { buildClusters } from './ner-clusters.js';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    runs: { type: 'string', default: '3' },
    bits: { type: 'string', default: '22' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20250312' },
    'stage1-only': { type: 'boolean', default: false },
    'skip-resources': { type: 'boolean', default: false },
    'no-clusters': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const EPOCHS = Number(args.epochs);
const RUNS = Number(args.runs);
const BITS = Number(args.bits);
const FOLDS = Number(args.folds);
const SEED = Number(args.seed);

const log = (m: string): void => console.log(`[train-ner ${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const t0 = performance.now();
const shared = sharedDir();
// --out writes an experimental model elsewhere (with a copy of the committed resources when they are not rebuilt).
const outDir = args.out ?? modelDir();
mkdirSync(outDir, { recursive: true });
if (args['skip-resources'] && outDir !== modelDir()) {
  for (const f of [GAZETTEER_FILE, CLUSTERS_FILE]) copyFileSync(join(modelDir(), f), join(outDir, f));
}

// ---------------------------------------------------------------------------------------------------------------
// Resources

function buildGazetteer(): Gazetteer {
  const g = new Gazetteer();
  const phraseTokens = (s: string): string[] => tokenize(s).tokens.map((t) => t.text);
  const add = (cat: GazetteerCategory, s: string): void => {
    if (!/\p{Lu}/u.test(s.charAt(0))) return;
    g.add(cat, phraseTokens(s));
  };
  // WikiANN silver entities (train + dev: neither is the CoNLL measurement set).
  const firstNames = new Map<string, number>();
  const lastNames = new Map<string, number>();
  for (const split of ['train', 'dev']) {
    const text = readFileSync(join(shared, 'data/ner/wikiann_en', split), 'utf8');
    let toks: string[] = [];
    let tags: string[] = [];
    const flush = (): void => {
      for (const c of chunksFromIob(tags)) {
        const words = toks.slice(c.start, c.end);
        if (!words.every((w) => /[\p{L}\p{N}]/u.test(w))) continue;
        const first = words[0] ?? '';
        if (!/^\p{Lu}/u.test(first)) continue;
        const type = ENTITY_TYPES[c.type] as GazetteerCategory;
        g.add(type, words);
        if (type === 'PER' && words.length >= 2 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) {
          firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
          const last = words[words.length - 1] ?? '';
          lastNames.set(last, (lastNames.get(last) ?? 0) + 1);
        }
      }
      toks = [];
      tags = [];
    };
    for (const line of text.split('\n')) {
      if (line.trim() === '') {
        flush();
        continue;
      }
      const [tok, tag] = line.split('\t');
      toks.push((tok ?? '').replace(/^en:/, ''));
      tags.push((tag ?? 'O').trim());
    }
    flush();
  }
  // A name part counts once it has been seen twice: single sightings are too often noise in silver data.
  const MIN_NAME_PART_COUNT = 2;
  for (const [w, n] of firstNames) if (n >= MIN_NAME_PART_COUNT) g.add('FIRST', [w]);
  for (const [w, n] of lastNames) if (n >= MIN_NAME_PART_COUNT) g.add('LAST', [w]);
  // Countries, capitals, demonyms.
  const countries = createRequire(import.meta.url)('world-countries/countries.json') as {
    name: { common: string; official: string };
    altSpellings: string[];
    capital: string[];
    demonyms?: Record<string, { m: string; f: string }>;
  }[];
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3)]) {
      add('COUNTRY', n);
      add('LOC', n);
    }
    for (const cap of c.capital) add('LOC', cap);
    const dem = c.demonyms?.['eng'];
    if (dem) {
      add('DEMONYM', dem.m);
      add('DEMONYM', dem.f);
    }
  }
  return g;
}

/** Unlabelled text for word clusters: every shared text set except the CoNLL measurement set. */
function* unlabelledSentences(): Generator<string[]> {
  const conll = parseConll(readFileSync(join(shared, 'data/ner/conll2003/eng.train'), 'utf8'));
  for (const d of conll.documents) for (const s of d.sentences) yield s.tokens;
  for (const split of ['train', 'dev']) {
    let toks: string[] = [];
    for (const line of readFileSync(join(shared, 'data/ner/wikiann_en', split), 'utf8').split('\n')) {
      if (line.trim() === '') {
        if (toks.length) yield toks;
        toks = [];
      } else toks.push((line.split('\t')[0] ?? '').replace(/^en:/, ''));
    }
  }
  const rawTexts: string[] = [];
  for (const split of ['train', 'dev']) {
    const dir = join(shared, 'data/quotes/polnear', split, 'text');
    for (const f of readdirSync(dir).sort()) rawTexts.push(readFileSync(join(dir, f), 'utf8'));
  }
  for (const f of ['train.source', 'val.source']) {
    for (const line of readFileSync(join(shared, 'data/stories/neus', f), 'utf8').split('\n')) {
      rawTexts.push(line.replace(/\[SEP\]/g, '\n\n').replace(/(TITLE|ARTICLE)=>/g, '\n\n'));
    }
  }
  for (const line of readFileSync(join(shared, 'data/stories/allsides/roundups.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    collectStrings(JSON.parse(line) as unknown, rawTexts);
  }
  const flat = JSON.parse(readFileSync(join(shared, 'data/extraction/aeb/flattened.json'), 'utf8')) as Record<string, { text: string }>;
  for (const k of Object.keys(flat).sort()) rawTexts.push(flat[k]?.text ?? '');
  for (const text of rawTexts) {
    const t = tokenize(text);
    for (const s of t.sentences) yield t.tokens.slice(s.tokenStart, s.tokenEnd).map((x) => x.text);
  }
}
function collectStrings(v: unknown, out: string[]): void {
  if (typeof v === 'string') {
    if (v.length > 200) out.push(v);
  } else if (Array.isArray(v)) v.forEach((x) => collectStrings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => collectStrings(x, out));
}

if (!args['skip-resources']) {
  const gaz = buildGazetteer();
  writeFileSync(join(outDir, GAZETTEER_FILE), gzipSync(gaz.serialize(), { level: 9 }));
  log(`gazetteer: ${gaz.phrases.size} phrases`);
  if (!args['no-clusters']) {
    const clusters: WordClusters = buildClusters(unlabelledSentences(), { seed: SEED, log });
    writeFileSync(join(outDir, CLUSTERS_FILE), gzipSync(clusters.serialize(), { level: 9 }));
    log(`clusters: ${clusters.map.size} words`);
  }
}
const resources = loadResources(outDir);

// ---------------------------------------------------------------------------------------------------------------
// Training data

interface Doc {
  readonly sentences: string[][];
  readonly gold: Int8Array;
  readonly ranges: [number, number][];
  features: FeatureMatrix;
}

const extractor = new FeatureExtractor(resources);
const train = parseConll(readFileSync(join(shared, 'data/ner/conll2003/eng.train'), 'utf8'));
const docs: Doc[] = train.documents.map((d) => {
  const sentences = d.sentences.map((s) => s.tokens);
  const gold = new Int8Array(sentences.reduce((n, s) => n + s.length, 0));
  const ranges: [number, number][] = [];
  let from = 0;
  for (const s of d.sentences) {
    gold.set(bilouFromChunks(s.tokens.length, chunksFromIob(s.lastColumn)), from);
    ranges.push([from, from + s.tokens.length]);
    from += s.tokens.length;
  }
  return { sentences, gold, ranges, features: extractor.extract(sentences) };
});
log(`train: ${docs.length} documents, ${docs.reduce((n, d) => n + d.gold.length, 0)} tokens; features extracted`);

/**
 * The official scorer's F1 of out-of-fold stage-1 labels on eng.train: a measure for choosing training settings
 * that never looks at eng.testa. Writes the predictions under out/ner-train-cv/.
 */
function crossValidatedScore(labels: readonly Int8Array[]): string {
  const goldPath = join(shared, 'data/ner/conll2003/eng.train');
  const lines = train.lines.map((l) => (l.trim() === '' ? '' : `${l.trim().split(/[ \t]+/)[0] ?? ''} O`));
  train.documents.forEach((d, di) => {
    let from = 0;
    for (const s of d.sentences) {
      const tags = iob2FromBilou((labels[di] as Int8Array).subarray(from, from + s.tokens.length));
      s.lines.forEach((line, t) => (lines[line] = `${s.tokens[t] ?? ''} ${tags[t] ?? 'O'}`));
      from += s.tokens.length;
    }
  });
  const dir = benchOutDir('ner-train-cv');
  mkdirSync(dir, { recursive: true });
  const predPath = join(dir, 'stage1.conll');
  const jsonPath = join(dir, 'stage1.score.json');
  writeFileSync(predPath, lines.join('\n') + '\n');
  execFileSync('node', [join(shared, 'score/score-ner.mjs'), '--gold', goldPath, '--pred', predPath, '--json', jsonPath], { stdio: 'ignore' });
  const score = JSON.parse(readFileSync(jsonPath, 'utf8')) as { f1: number; per_type: Record<string, { f1: number }> };
  const pct = (x: number | undefined): string => (100 * (x ?? 0)).toFixed(2);
  return `F1 ${pct(score.f1)} (${Object.entries(score.per_type).map(([k, v]) => `${k} ${pct(v.f1)}`).join(', ')})`;
}

const asTraining = (d: Doc, features: FeatureMatrix = d.features): TrainingDocument => ({ features, gold: d.gold, sentences: d.ranges });
const quiet = { epochs: EPOCHS, runs: RUNS, bucketBits: BITS, seed: SEED };
const options = { ...quiet, log };

let stage2: WeightSource | null = null;
if (!args['stage1-only']) {
  // Jackknife: stage-1 labels for each training document come from a model that never saw it, so stage 2 learns how
  // far to trust stage 1 on unseen text rather than on its own memorised training data.
  const stage1Labels: Int8Array[] = new Array<Int8Array>(docs.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainPerceptron(docs.filter((_, i) => i % FOLDS !== fold).map((d) => asTraining(d)), quiet);
    const tagger = new NerTagger(resources, model, null);
    docs.forEach((d, i) => {
      if (i % FOLDS === fold) stage1Labels[i] = tagger.tagStage1(d.sentences, d.features);
    });
    log(`jackknife fold ${fold + 1}/${FOLDS} done`);
  }
  log(`stage 1, ${FOLDS}-fold cross-validated on eng.train: ${crossValidatedScore(stage1Labels)}`);
  const stage2Docs = docs.map((d, i) => asTraining(d, mergeFeatures(d.features, extractor.extractStage2(d.sentences, stage1Labels[i] as Int8Array))));
  log('training stage 2');
  stage2 = trainPerceptron(stage2Docs, { ...options, seed: SEED + 1 });
}
log('training stage 1 on all documents');
const stage1 = trainPerceptron(docs.map((d) => asTraining(d)), options);

const header = { trainedOn: 'CoNLL-2003 eng.train', epochs: EPOCHS, runs: RUNS, bits: BITS, folds: FOLDS, seed: SEED };
const buf = serializeModels(header, stage2 ? [stage1, stage2] : [stage1]);
writeFileSync(join(outDir, MODEL_FILE), buf);
log(`wrote ${join(outDir, MODEL_FILE)} (${(buf.length / 1e6).toFixed(2)} MB)`);
