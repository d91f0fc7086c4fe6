/**
 * Story clustering benchmark: quality on ECB+ (event level), AllSides roundups and NeuS val through the official
 * `score-stories.mjs`, then throughput and memory at scale.
 *
 *   npm run bench:stories                   quality on the three dev sets + the scale run (NeuS + 100,000-article stream)
 *   npm run bench:stories -- --no-scale     quality only
 *   npm run bench:stories -- --articles N   length of the synthetic stream (default 100000)
 *   npm run bench:stories -- --orders N     also score N reshuffled arrival orders per set (mean ± sd, see below)
 *
 * Scale: first the 8,277 NeuS articles (train + val) as one stream, then a synthetic stream made from them: every
 * NeuS story is re-issued once per 60-day "epoch" (same place in each epoch, so its copies lie 60 days apart, far
 * outside the 7-day story window), with 15 % of words dropped, the outlet changed and each article up to a day late.
 * Re-issues must form new stories, so the stream's gold story is (epoch, NeuS story); it is scored by the official
 * scorer too. Per-article cost is the mean time of the 1,000 articles before each checkpoint (1k, 10k, 100k); memory
 * is process.memoryUsage() sampled every 1,000 articles (peak).
 *
 * Orders: the clusterer is incremental, so one early wrong join can merge two whole events, and the file order (undated
 * articles sorted by a hash of their id) decides which joins come first. On ECB+ the B-cubed F1 of one order varies by
 * about ±0.01 between orders, more than most changes worth measuring. `--orders N` re-runs each set in N seeded
 * orders (dated articles keep their day order and are shuffled within a day; undated ones are shuffled) and prints the
 * mean and standard deviation over the file order and the N others.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchOutDir, sharedDir } from './lib/paths.js';
import { StoryClusterer, parseStoryDocuments, type StoryDocument } from '../src/stories/index.js';
import { seededRandom } from '../src/util/random.js';

const scorer = (): string => join(sharedDir(), 'score', 'score-stories.mjs');
const storyData = (): string => join(sharedDir(), 'data', 'stories');

/** Days between a story's re-issues in the synthetic stream: far beyond the clustering window. */
const EPOCH_DAYS = 60;
/** Share of words dropped from each re-issued article. */
const WORD_DROPOUT = 0.15;
/** Outlet names cycled through by re-issued articles. */
const SYNTHETIC_OUTLETS = 40;
const COST_WINDOW = 1000;
const CHECKPOINTS = [1_000, 10_000, 100_000];
/** Limits from the issue: the 100k stream within 2 minutes, per-article cost at 100k within 1.5× that at 1k. */
const MAX_STREAM_SECONDS = 120;
const MAX_COST_RATIO = 1.5;

interface ScoreReport {
  readonly documents: number;
  readonly gold_clusters: number;
  readonly pred_clusters: number;
  readonly pairwise: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly bcubed: { readonly precision: number; readonly recall: number; readonly f1: number };
}

interface Args {
  readonly scale: boolean;
  readonly articles: number;
  readonly orders: number;
}

function parseArgs(argv: readonly string[]): Args {
  let scale = true;
  let articles = 100_000;
  let orders = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue; // `node dist/bench/stories.js -- --no-scale` passes the separator through
    else if (arg === '--no-scale') scale = false;
    else if (arg === '--articles') {
      articles = Number(argv[++i]);
      if (!Number.isInteger(articles) || articles < 1000) throw new Error(`bench:stories: --articles needs an integer ≥ 1000, got ${argv[i]}`);
    } else if (arg === '--orders') {
      orders = Number(argv[++i]);
      if (!Number.isInteger(orders) || orders < 0) throw new Error(`bench:stories: --orders needs a non-negative integer, got ${argv[i]}`);
    } else throw new Error(`bench:stories: unknown argument ${arg}`);
  }
  return { scale, articles, orders };
}

function buildInputs(dataset: string, src: string, out: string): void {
  execFileSync(process.execPath, [scorer(), 'inputs', '--dataset', dataset, '--src', src, '--out', out], { stdio: 'ignore' });
}

function score(gold: string, pred: string, report: string): ScoreReport {
  execFileSync(process.execPath, [scorer(), 'score', '--gold', gold, '--pred', pred, '--json', report], { stdio: 'ignore' });
  return JSON.parse(readFileSync(report, 'utf8')) as ScoreReport;
}

function cluster(docs: readonly StoryDocument[]): { pred: Record<string, string>; seconds: number } {
  const started = process.hrtime.bigint();
  const clusterer = new StoryClusterer();
  for (const doc of docs) clusterer.add(doc);
  const pred = Object.fromEntries(clusterer.assignments());
  return { pred, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function formatRow(name: string, r: ScoreReport, rate: number): string {
  const f = (x: number): string => x.toFixed(4);
  return (
    `${name.padEnd(22)} ${String(r.documents).padStart(7)} ${String(r.gold_clusters).padStart(6)} ${String(r.pred_clusters).padStart(6)}  ` +
    `${f(r.bcubed.precision)} ${f(r.bcubed.recall)} ${f(r.bcubed.f1)}   ${f(r.pairwise.precision)} ${f(r.pairwise.recall)} ${f(r.pairwise.f1)}  ${rate.toFixed(0).padStart(7)}`
  );
}

const HEADER =
  `${'set'.padEnd(22)} ${'docs'.padStart(7)} ${'gold'.padStart(6)} ${'pred'.padStart(6)}  B3-P   B3-R   B3-F1    pair-P pair-R pair-F1  art/s`;

/** A seeded arrival order: publication days keep their order, articles within a day (or undated) are shuffled. */
function reshuffled(docs: readonly StoryDocument[], seed: number): StoryDocument[] {
  const random = seededRandom(seed);
  return docs
    .map((doc) => ({ doc, day: doc.published?.slice(0, 10) ?? '', key: random() }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.key - b.key))
    .map((x) => x.doc);
}

function meanAndSd(values: readonly number[]): string {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const sd = values.length < 2 ? 0 : Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1));
  return `${mean.toFixed(4)} ± ${sd.toFixed(4)}`;
}

function orderSpread(name: string, docs: readonly StoryDocument[], dir: string, first: ScoreReport, orders: number): string {
  const bcubed = [first.bcubed.f1];
  const pairwise = [first.pairwise.f1];
  for (let k = 1; k <= orders; k++) {
    const { pred } = cluster(reshuffled(docs, 7919 * k));
    writeFileSync(join(dir, 'pred-order.json'), JSON.stringify(pred));
    const report = score(join(dir, 'gold.json'), join(dir, 'pred-order.json'), join(dir, 'report-order.json'));
    bcubed.push(report.bcubed.f1);
    pairwise.push(report.pairwise.f1);
  }
  return `${name.padEnd(22)} ${String(orders + 1).padStart(6)} orders  B3-F1 ${meanAndSd(bcubed)}   pair-F1 ${meanAndSd(pairwise)}`;
}

function quality(out: string, orders: number): void {
  const sets: { name: string; dataset: string; src: string; target?: number }[] = [
    { name: 'ECB+ (event level)', dataset: 'ecbplus', src: join(storyData(), 'ecbplus', 'docs'), target: 0.9 },
    { name: 'AllSides roundups', dataset: 'allsides', src: join(storyData(), 'allsides', 'roundups.jsonl'), target: 0.95 },
    { name: 'NeuS val', dataset: 'neus', src: join(storyData(), 'neus', 'val.source') },
  ];
  console.log('Quality (official score-stories.mjs; articles in file order, one configuration for all sets)');
  console.log(HEADER);
  const spreads: string[] = [];
  for (const set of sets) {
    const dir = join(out, set.dataset);
    buildInputs(set.dataset, set.src, dir);
    const docs = parseStoryDocuments(readFileSync(join(dir, 'articles.jsonl'), 'utf8'));
    const { pred, seconds } = cluster(docs);
    writeFileSync(join(dir, 'pred.json'), JSON.stringify(pred));
    const report = score(join(dir, 'gold.json'), join(dir, 'pred.json'), join(dir, 'report.json'));
    const target = set.target === undefined ? '' : `   target B3-F1 ≥ ${set.target}: ${report.bcubed.f1 >= set.target ? 'met' : 'NOT met'}`;
    console.log(formatRow(set.name, report, docs.length / seconds) + target);
    if (orders > 0) spreads.push(orderSpread(set.name, docs, dir, report, orders));
  }
  if (spreads.length > 0) {
    console.log('\nArrival-order spread (file order + seeded reshuffles; mean ± sd)');
    for (const line of spreads) console.log(line);
  }
}


function dropWords(text: string, random: () => number): string {
  return text
    .split('\n\n')
    .map((block) => block.split(' ').filter(() => random() >= WORD_DROPOUT).join(' '))
    .join('\n\n');
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

interface Labelled {
  readonly doc: StoryDocument;
  readonly label: string;
}

/** NeuS train + val as labelled documents, stories in file order. */
function neusArticles(out: string): Labelled[] {
  const all: Labelled[] = [];
  for (const split of ['train', 'val']) {
    const dir = join(out, `neus-${split}`);
    buildInputs('neus', join(storyData(), 'neus', `${split}.source`), dir);
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<string, string>;
    for (const doc of parseStoryDocuments(readFileSync(join(dir, 'articles.jsonl'), 'utf8'))) {
      const label = gold[doc.id];
      if (label === undefined) throw new Error(`bench:stories: ${doc.id} has no gold story in ${dir}`);
      // Train and val reuse ids, so each is prefixed with its split (a new key; the id itself is not parsed).
      all.push({ doc: { ...doc, id: `${split}/${doc.id}` }, label: `${split}:${label}` });
    }
  }
  return all;
}

function syntheticStream(base: readonly Labelled[], size: number): Labelled[] {
  const stories = [...new Set(base.map((b) => b.label))];
  const slot = new Map(stories.map((label, i) => [label, Math.floor((i * EPOCH_DAYS) / stories.length)]));
  const random = seededRandom(20240601);
  const epochs = Math.ceil(size / base.length);
  const start = Math.floor(Date.UTC(2030, 0, 1) / 86_400_000);
  const stream: { item: Labelled; day: number; order: number }[] = [];
  let order = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { doc, label } of base) {
      const day = start + epoch * EPOCH_DAYS + (slot.get(label) ?? 0) + (random() < 0.3 ? 1 : 0);
      const copy: StoryDocument = {
        id: `syn-${epoch}-${order}`,
        title: epoch === 0 ? (doc.title ?? '') : dropWords(doc.title ?? '', random),
        text: epoch === 0 ? doc.text : dropWords(doc.text, random),
        published: isoDay(day),
        outlet: `Outlet ${(order * 7 + epoch) % SYNTHETIC_OUTLETS}`,
      };
      stream.push({ item: { doc: copy, label: `${epoch}|${label}` }, day, order: order++ });
    }
  }
  stream.sort((a, b) => a.day - b.day || a.order - b.order);
  return stream.slice(0, size).map((s) => s.item);
}

interface StreamStats {
  readonly seconds: number;
  readonly costs: Map<number, number>;
  /** Peak RSS / heap used seen up to each checkpoint. */
  readonly memoryAt: Map<number, { rss: number; heap: number }>;
  readonly peakRss: number;
  readonly peakHeap: number;
  readonly pred: Record<string, string>;
}

function runStream(items: readonly Labelled[]): StreamStats {
  const clusterer = new StoryClusterer();
  const costs = new Map<number, number>();
  const memoryAt = new Map<number, { rss: number; heap: number }>();
  let peakRss = 0;
  let peakHeap = 0;
  let windowStart = process.hrtime.bigint();
  const started = windowStart;
  items.forEach(({ doc }, i) => {
    clusterer.add(doc);
    const n = i + 1;
    if (n % COST_WINDOW === 0) {
      const now = process.hrtime.bigint();
      costs.set(n, Number(now - windowStart) / 1e6 / COST_WINDOW);
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      peakHeap = Math.max(peakHeap, memory.heapUsed);
      memoryAt.set(n, { rss: peakRss, heap: peakHeap });
      windowStart = process.hrtime.bigint();
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, costs, memoryAt, peakRss, peakHeap, pred: Object.fromEntries(clusterer.assignments()) };
}

function scoreStream(name: string, items: readonly Labelled[], pred: Record<string, string>, out: string): ScoreReport {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'gold.json'), JSON.stringify(Object.fromEntries(items.map((i) => [i.doc.id, i.label]))));
  writeFileSync(join(dir, 'pred.json'), JSON.stringify(pred));
  return score(join(dir, 'gold.json'), join(dir, 'pred.json'), join(dir, 'report.json'));
}

function scale(out: string, size: number): void {
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const base = neusArticles(out);
  console.log(`\nScale (one process, one core; per-article cost = mean over the ${COST_WINDOW} articles before the checkpoint)`);
  const neus = runStream(base);
  const neusReport = scoreStream('neus-stream', base, neus.pred, out);
  console.log(HEADER);
  console.log(formatRow('NeuS train+val stream', neusReport, base.length / neus.seconds));

  const items = syntheticStream(base, size);
  const stream = runStream(items);
  const report = scoreStream('synthetic-stream', items, stream.pred, out);
  console.log(formatRow(`synthetic ${size}`, report, items.length / stream.seconds));
  console.log(`\n${'articles'.padStart(9)}  ms/article  peak RSS  peak heap used`);
  for (const n of CHECKPOINTS.filter((c) => c <= size)) {
    const memory = stream.memoryAt.get(n);
    const at = memory ? `${mb(memory.rss).padStart(8)}  ${mb(memory.heap).padStart(14)}` : '';
    console.log(`${String(n).padStart(9)}  ${(stream.costs.get(n) ?? Number.NaN).toFixed(3).padStart(10)}  ${at}`);
  }
  const first = stream.costs.get(CHECKPOINTS[0] ?? 1000) ?? Number.NaN;
  const last = stream.costs.get(Math.floor(size / COST_WINDOW) * COST_WINDOW) ?? Number.NaN;
  const ratio = last / first;
  console.log(
    `cost ratio last/first window: ${ratio.toFixed(2)} (limit ${MAX_COST_RATIO}: ${ratio <= MAX_COST_RATIO ? 'met' : 'NOT met'})`,
  );
  console.log(
    `stream of ${size}: ${stream.seconds.toFixed(1)} s, ${(size / stream.seconds).toFixed(0)} articles/s ` +
      `(limit ${MAX_STREAM_SECONDS} s: ${stream.seconds <= MAX_STREAM_SECONDS ? 'met' : 'NOT met'}); ` +
      `peak RSS ${mb(stream.peakRss)}, peak heap used ${mb(stream.peakHeap)}`,
  );
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const out = benchOutDir('stories');
  mkdirSync(out, { recursive: true });
  quality(out, args.orders);
  if (args.scale) scale(out, args.articles);
}

main();
