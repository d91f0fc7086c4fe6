/**
 * A learned cue detector over every token: an averaged perceptron that scores how likely a word outside quotation
 * marks heads an attribution cue here ("criticism of", "support for", "took to Twitter to say", "is expected to"),
 * from the word, its suffix, its neighbours and its shape. Trained on the heads of PolNeAR train's gold cues
 * (`npx tsx bench/quotes.ts --learn-cues`, weights in cue-detector-weights.ts). The quote stage uses its score twice:
 * words the lexicon does not list but the detector scores high start weak candidate attributions (judged by the
 * keep/drop model like the others), and every frame's keep/drop features include its head's score.
 */
import { CUE_MODIFIERS, DETERMINERS } from './lexicon.js';
import { featureKey, FeatureTable, type Emit } from './perceptron.js';
import { findQuotedSegments } from './quote-marks.js';
import type { Tokenized } from '../tokens/index.js';

/** The token arrays the detector reads: lower-cased and written forms, and the quoted segment of each token (-1). */
export interface CueTokens {
  readonly lower: readonly string[];
  readonly texts: readonly string[];
  readonly segOf: Int32Array;
}

/** The detector's view of a tokenized text, as the quote stage builds it (for training). */
export function cueTokensOf(text: string, tokenized: Tokenized): CueTokens {
  const tokens = tokenized.tokens;
  const segments = findQuotedSegments(text);
  const segOf = new Int32Array(tokens.length).fill(-1);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    while (s < segments.length && (segments[s]?.end ?? 0) <= t.start) s++;
    const seg = segments[s];
    if (seg && seg.start <= t.start && t.end <= seg.end) segOf[i] = s;
  }
  return { lower: tokens.map((t) => t.text.toLowerCase()), texts: tokens.map((t) => t.text), segOf };
}

const UPPER_FIRST = /^\p{Lu}/u;
const LETTER_FIRST = /^\p{L}/u;

function shape(w: string): string {
  if (w === '') return '^';
  const c = w.charCodeAt(0);
  if (c >= 97 && c <= 122) return 'a';
  if (c >= 48 && c <= 57) return '0';
  if ((c >= 65 && c <= 90) || UPPER_FIRST.test(w)) return 'A';
  if (LETTER_FIRST.test(w)) return 'a';
  return w.length === 1 ? w : 'p';
}

/** Can token i head a cue at all: a word outside quotation marks, not an auxiliary, adverb or determiner? */
export function isCueCandidate(t: CueTokens, i: number): boolean {
  if ((t.segOf[i] ?? -1) >= 0) return false;
  const w = t.lower[i] ?? '';
  if (w.length < 2 || !LETTER_FIRST.test(w)) return false;
  return !CUE_MODIFIERS.has(w) && !DETERMINERS.has(w) && !/^[a-z]{3,}ly$/.test(w);
}

/** Does a quotation mark or quoted segment lie within `span` tokens on the given side of token i? */
function quoteNear(t: CueTokens, i: number, step: number, span: number): boolean {
  for (let k = i + step, n = 0; n < span && k >= 0 && k < t.lower.length; k += step, n++) if ((t.segOf[k] ?? -1) >= 0) return true;
  return false;
}

/** The detector's features of token i, passed to `emit`. */
export function emitCueFeatures(t: CueTokens, i: number, emit: Emit): void {
  const w = t.lower[i] ?? '';
  const p1 = i > 0 ? (t.lower[i - 1] ?? '') : '';
  const n1 = t.lower[i + 1] ?? '';
  const written = t.texts[i] ?? '';
  emit('BIAS', '');
  emit('w', w);
  emit('suf3', w.length > 4 ? w.slice(-3) : w);
  emit('shape', shape(written));
  emit('p1', p1);
  emit('n1', n1);
  emit('w.n1', w, n1);
  emit('p1.w', p1, w);
  emit('sp1.w', shape(t.texts[i - 1] ?? ''), w);
  emit('w.sn1', w, shape(t.texts[i + 1] ?? ''));
  emit('sp1.sp2.suf', shape(t.texts[i - 1] ?? '') + shape(t.texts[i - 2] ?? ''), w.length > 4 ? w.slice(-2) : w);
  emit('quote.w', (quoteNear(t, i, -1, 3) ? 'L' : '') + (quoteNear(t, i, 1, 3) ? 'R' : ''), w);
}

const MAX_MEMO_FORMS = 100_000;
/** Room for rounding in the detector's early bounds (its weights have two decimals). */
const BOUND_SLACK = 1e-6;

/** A string-keyed dictionary without a prototype: V8 looks strings up in these faster than in Maps (perceptron.ts). */
type Dict<T> = { [key: string]: T | undefined };
const dict = <T>(): Dict<T> => Object.create(null) as Dict<T>;

/** Templates whose second value is the word itself (first value for `w.n1`, `w.sn1`): their best weight per word. */
const PAIRS_BY_WORD_SECOND = ['p1.w', 'sp1.w', 'quote.w'];
const PAIRS_BY_WORD_FIRST = ['w.n1', 'w.sn1'];

/**
 * The detector at prediction time: scores a token as emitCueFeatures would, after a cheap test of whether it could
 * exceed a threshold at all (the word's own weights and its neighbours', plus the best weight each remaining feature
 * could add), which spares the full score for most words.
 */
export class CueDetector {
  private readonly table: FeatureTable;
  /** Per word: the best weight of each template keyed by the word, summed. */
  private readonly bestByWord = dict<number>();
  /** Per two-letter suffix: the best weight of `sp1.sp2.suf`. */
  private readonly bestBySuffix = dict<number>();
  /** Per word: the best weight of `w.n1` and of `p1.w` (part of bestByWord), replaced by the actual ones first. */
  private readonly bestWn1 = dict<number>();
  private readonly bestP1w = dict<number>();
  /** Per word: the best weights of `sp1.w`, `w.sn1` and `quote.w`, replaced by the actual ones one by one. */
  private readonly bestSp1w = dict<number>();
  private readonly bestWsn1 = dict<number>();
  private readonly bestQuotew = dict<number>();
  /** Memoised per word form (see FormInfo). */
  private forms = dict<FormInfo>();
  private formCount = 0;
  /** Weights of the neighbour words' own features. */
  private readonly p1 = dict<number>();
  private readonly n1 = dict<number>();
  /** The best weights of p1 and n1 together. */
  private readonly bestContext: number;
  constructor(entries: readonly (readonly [string, number])[]) {
    this.table = new FeatureTable(entries);
    const bestOf = new Map<string, number>();
    let bestP1 = 0;
    let bestN1 = 0;
    for (const [key, w] of entries) {
      const [t = '', a = '', b] = key.split('\t');
      if (t === 'p1') {
        this.p1[a] = w;
        bestP1 = Math.max(bestP1, w);
      } else if (t === 'n1') {
        this.n1[a] = w;
        bestN1 = Math.max(bestN1, w);
      }
      if (b === undefined) continue;
      if (t === 'sp1.sp2.suf') this.bestBySuffix[b] = Math.max(this.bestBySuffix[b] ?? 0, w);
      else if (PAIRS_BY_WORD_SECOND.includes(t) || PAIRS_BY_WORD_FIRST.includes(t)) {
        const k = `${t}\t${PAIRS_BY_WORD_FIRST.includes(t) ? a : b}`;
        bestOf.set(k, Math.max(bestOf.get(k) ?? 0, w));
      }
    }
    this.bestContext = bestP1 + bestN1;
    for (const [k, w] of bestOf) {
      const word = k.slice(k.indexOf('\t') + 1);
      this.bestByWord[word] = (this.bestByWord[word] ?? 0) + w;
      if (k.startsWith('w.n1\t')) this.bestWn1[word] = w;
      else if (k.startsWith('p1.w\t')) this.bestP1w[word] = w;
      else if (k.startsWith('sp1.w\t')) this.bestSp1w[word] = w;
      else if (k.startsWith('w.sn1\t')) this.bestWsn1[word] = w;
      else if (k.startsWith('quote.w\t')) this.bestQuotew[word] = w;
    }
  }
  get size(): number {
    return this.table.size;
  }
  /** The score of token i, as cueScore sums it (same features, same order), without its callback. */
  score(t: CueTokens, i: number): number {
    const table = this.table;
    const w = t.lower[i] ?? '';
    const p1 = i > 0 ? (t.lower[i - 1] ?? '') : '';
    const n1 = t.lower[i + 1] ?? '';
    const sp1 = shape(t.texts[i - 1] ?? '');
    return 0 + table.weight('BIAS', '') + table.weight('w', w) + table.weight('suf3', w.length > 4 ? w.slice(-3) : w) +
      table.weight('shape', shape(t.texts[i] ?? '')) + table.weight('p1', p1) + table.weight('n1', n1) + table.weight('w.n1', w, n1) +
      table.weight('p1.w', p1, w) + table.weight('sp1.w', sp1, w) + table.weight('w.sn1', w, shape(t.texts[i + 1] ?? '')) +
      table.weight('sp1.sp2.suf', sp1 + shape(t.texts[i - 2] ?? ''), w.length > 4 ? w.slice(-2) : w) +
      table.weight('quote.w', (quoteNear(t, i, -1, 3) ? 'L' : '') + (quoteNear(t, i, 1, 3) ? 'R' : ''), w);
  }
  /** What the detector's bounds need of a word form, memoised. */
  private form(t: CueTokens, i: number): FormInfo {
    const w = t.lower[i] ?? '';
    let f = this.forms[w];
    if (f) return f;
    const table = this.table;
    // The quote test is per token, not per form: the others hold for every use of the form.
    const candidate = LETTER_FIRST.test(w) && w.length >= 2 && !CUE_MODIFIERS.has(w) && !DETERMINERS.has(w) && !/^[a-z]{3,}ly$/.test(w);
    const base = candidate ? table.weight('BIAS', '') + table.weight('w', w) + table.weight('suf3', w.length > 4 ? w.slice(-3) : w) : 0;
    f = {
      candidate,
      base,
      best: base + (this.bestByWord[w] ?? 0) + (this.bestBySuffix[w.length > 4 ? w.slice(-2) : w] ?? 0),
      bestPairs: (this.bestWn1[w] ?? 0) + (this.bestP1w[w] ?? 0),
      asP1: this.p1[w] ?? 0,
      asN1: this.n1[w] ?? 0,
    };
    // Word forms are many but finite; a long-running process still keeps the memo bounded.
    if (++this.formCount > MAX_MEMO_FORMS) {
      this.forms = dict();
      this.formCount = 1;
    }
    this.forms[w] = f;
    return f;
  }

  /** Does token i score above `threshold` (false unless it is a candidate head, isCueCandidate)? */
  exceeds(t: CueTokens, i: number, threshold: number): boolean {
    if ((t.segOf[i] ?? -1) >= 0) return false;
    const own = this.form(t, i);
    if (!own.candidate || own.best <= threshold - this.bestContext) return false;
    const p1 = i > 0 ? this.form(t, i - 1).asP1 : (this.p1[''] ?? 0);
    const n1 = i + 1 < t.lower.length ? this.form(t, i + 1).asN1 : (this.n1[''] ?? 0);
    return this.passes(t, i, own, p1, n1, threshold);
  }

  /**
   * The tokens of a text that score above `threshold` (1) or not (0), as exceeds would say of each; with
   * `lowerCaseOnly`, only words that do not open with an ASCII capital, and only words of at least `minLength`
   * characters (cheap tests, so the others cost nothing).
   */
  detect(t: CueTokens, threshold: number, lowerCaseOnly = false, minLength = 0): Uint8Array {
    const n = t.lower.length;
    const out = new Uint8Array(n);
    const floor = threshold - this.bestContext;
    for (let i = 0; i < n; i++) {
      if ((t.segOf[i] ?? -1) >= 0 || (t.lower[i] ?? '').length < minLength) continue;
      if (lowerCaseOnly) {
        const c = (t.texts[i] ?? '').charCodeAt(0);
        if (c < 97 || (c > 122 && c < 128)) continue;
      }
      const own = this.form(t, i);
      if (!own.candidate || own.best <= floor) continue;
      const p1 = i > 0 ? this.form(t, i - 1).asP1 : (this.p1[''] ?? 0);
      const n1 = i + 1 < n ? this.form(t, i + 1).asN1 : (this.n1[''] ?? 0);
      if (this.passes(t, i, own, p1, n1, threshold)) out[i] = 1;
    }
    return out;
  }

  /**
   * The rest of the test of token i, its word's memo and its neighbours' weights given. The bounds stop early with a
   * little slack for rounding; the verdict is the score summed in emitCueFeatures' order, as cueScore sums it.
   */
  private passes(t: CueTokens, i: number, own: FormInfo, p1Weight: number, n1Weight: number, threshold: number): boolean {
    const context = p1Weight + n1Weight;
    const floor = threshold - BOUND_SLACK;
    if (own.best + context <= floor) return false;
    const w = t.lower[i] ?? '';
    const p1 = i > 0 ? (t.lower[i - 1] ?? '') : '';
    const n1 = t.lower[i + 1] ?? '';
    // The word's pairs with its neighbours, in place of their best weights.
    const table = this.table;
    const wn1 = table.weight('w.n1', w, n1);
    const p1w = table.weight('p1.w', p1, w);
    const pairs = wn1 + p1w;
    if (own.best + context - own.bestPairs + pairs <= floor) return false;
    // The rest of emitCueFeatures' features one by one, each in place of its best weight, while the bound can still pass.
    const shapeWeight = table.weight('shape', shape(t.texts[i] ?? ''));
    let bound = own.best + context - own.bestPairs + pairs + shapeWeight;
    const sp1 = shape(t.texts[i - 1] ?? '');
    const sp1w = table.weight('sp1.w', sp1, w);
    bound += sp1w - (this.bestSp1w[w] ?? 0);
    if (bound <= floor) return false;
    const wsn1 = table.weight('w.sn1', w, shape(t.texts[i + 1] ?? ''));
    bound += wsn1 - (this.bestWsn1[w] ?? 0);
    if (bound <= floor) return false;
    const suffix = w.length > 4 ? w.slice(-2) : w;
    const suf = table.weight('sp1.sp2.suf', sp1 + shape(t.texts[i - 2] ?? ''), suffix);
    bound += suf - (this.bestBySuffix[suffix] ?? 0);
    if (bound <= floor) return false;
    const quote = table.weight('quote.w', (quoteNear(t, i, -1, 3) ? 'L' : '') + (quoteNear(t, i, 1, 3) ? 'R' : ''), w);
    return own.base + shapeWeight + p1Weight + n1Weight + wn1 + p1w + sp1w + wsn1 + suf + quote > threshold;
  }
}

/**
 * A word form as the detector's bounds see it: can it head a cue (isCueCandidate but for the quote test), its own
 * weights (base: BIAS, `w`, `suf3`), base plus the best weights of its pair features and suffix (best), the best
 * weights of `w.n1` and `p1.w` (bestPairs), and its weights as a neighbour (`p1`, `n1` features of the words beside it).
 */
interface FormInfo {
  readonly candidate: boolean;
  readonly base: number;
  readonly best: number;
  readonly bestPairs: number;
  readonly asP1: number;
  readonly asN1: number;
}

/** The detector's score of token i (its margin over "not a cue"); 0 without weights. */
export function cueScore(table: FeatureTable, t: CueTokens, i: number): number {
  const acc = { score: 0 };
  emitCueFeatures(t, i, (tpl, a, b) => {
    acc.score += table.weight(tpl, a, b);
  });
  return acc.score;
}

/** A score as a coarse feature value for the keep/drop model. */
export function scoreBucket(s: number): string {
  return s <= -8 ? '<-8' : s <= -4 ? '-8..-4' : s <= -2 ? '-4..-2' : s <= 0 ? '-2..0' : s <= 2 ? '0..2' : s <= 5 ? '2..5' : s <= 10 ? '5..10' : '10+';
}

/** One article for training: its tokens and, per token, whether it heads a gold cue. */
export interface CueTrainingDoc {
  readonly tokens: CueTokens;
  readonly heads: Uint8Array;
}

/**
 * Train the detector as a binary averaged perceptron over the candidate tokens (isCueCandidate) of the documents, in
 * the order given, for `epochs` passes, on the features seen at least `minCount` times; weights rounded to `digits` decimals, those below `minWeight` in magnitude
 * left out (the artefact stays small). Deterministic.
 */
export function trainCueDetector(docs: readonly CueTrainingDoc[], epochs: number, minCount: number, digits = 2, minWeight = 0.1): Map<string, number> {
  // Features as integer ids, computed once; those seen fewer than minCount times are left out (rare words' features
  // only memorise the train annotations).
  const ids = new Map<string, number>();
  const names: string[] = [];
  const counts: number[] = [];
  const raw: { feats: number[]; gold: boolean }[] = [];
  for (const d of docs) {
    for (let i = 0; i < d.tokens.lower.length; i++) {
      if (!isCueCandidate(d.tokens, i)) continue;
      const fs: number[] = [];
      emitCueFeatures(d.tokens, i, (t, a, b) => {
        const key = featureKey(t, a, b);
        let id = ids.get(key);
        if (id === undefined) {
          id = names.length;
          ids.set(key, id);
          names.push(key);
          counts.push(0);
        }
        counts[id] = (counts[id] ?? 0) + 1;
        fs.push(id);
      });
      raw.push({ feats: fs, gold: d.heads[i] === 1 });
    }
  }
  const cases = raw.map((c) => ({ feats: Int32Array.from(c.feats.filter((f) => (counts[f] ?? 0) >= minCount)), gold: c.gold }));
  const w = new Float64Array(names.length);
  const total = new Float64Array(names.length);
  const stamp = new Float64Array(names.length);
  let step = 0;
  const bump = (f: number, delta: number): void => {
    total[f] = (total[f] ?? 0) + (step - (stamp[f] ?? 0)) * (w[f] ?? 0);
    stamp[f] = step;
    w[f] = (w[f] ?? 0) + delta;
  };
  for (let e = 0; e < epochs; e++) {
    for (const c of cases) {
      step++;
      let s = 0;
      for (const f of c.feats) s += w[f] ?? 0;
      // Ties count as "no cue", so the first case of a feature still moves it.
      const guess = s > 0;
      if (guess === c.gold) continue;
      const delta = c.gold ? 1 : -1;
      for (const f of c.feats) bump(f, delta);
    }
  }
  const out = new Map<string, number>();
  const scale = 10 ** digits;
  for (let f = 0; f < names.length; f++) {
    const sum = (total[f] ?? 0) + (step - (stamp[f] ?? 0)) * (w[f] ?? 0);
    const avg = Math.round((sum / Math.max(1, step)) * scale) / scale;
    if (Math.abs(avg) >= minWeight) out.set(names[f] ?? '', avg);
  }
  return out;
}

