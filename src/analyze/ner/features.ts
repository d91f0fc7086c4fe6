/**
 * Feature extraction. Every feature is a 32-bit hash (template id mixed with a value hash); the model maps it to a
 * bucket of a fixed-size weight table. Word-level values are computed once per distinct word form and cached, so
 * per-token work is integer mixing only.
 */
import { hashString, mix, mix3 } from './hash.js';
import { GAZETTEER_CATEGORIES, MAX_GAZETTEER_PHRASE, type NerResources } from './resources.js';
import { NUM_LABELS, labelType } from './labels.js';

/** Capitalisation classes. */
const CAP_LOWER = 1;
const CAP_INITIAL = 2;
const CAP_ALL = 3;
const CAP_MIXED = 4;
const CAP_DIGIT = 5;
const CAP_OTHER = 6;

interface WordInfo {
  readonly lower: string;
  readonly atoms: Int32Array;
  readonly lowerHash: number;
  readonly shapeHash: number;
  readonly capClass: number;
  /** Starts with an upper-case letter. */
  readonly capitalised: boolean;
  /** Precomputed feature hashes: the word's own atoms. */
  readonly atomFeats: Int32Array;
  /**
   * Word-local features by slot (index SLOT_SELF … SLOT_NEXT2): what this word contributes to its own token and,
   * as context, to the tokens two before, one before, one after and two after it.
   */
  readonly slots: readonly Int32Array[];
  /** Longest gazetteer phrase starting with this word (0: none, or a lower-case word that never starts a match). */
  readonly gazetteerMax: number;
  /**
   * Per-word-type emission scores of the word-local features, filled lazily by the NerTagger that owns this
   * extractor (see tagger.ts); a word type's features never change, so its score vector can be summed once.
   */
  localScores: Int32Array | null;
}

// Template ids: arbitrary distinct constants.
const T_BIAS = 1;
const T_ATOM = 100; // + atom index
const T_CTX_LOWER = 200; // + offset
const T_CTX_SHAPE = 210;
const T_CTX_CLUSTER = 220;
const T_CTX_WORD_CAP = 230;
const T_CTX_FINE_CLUSTER = 240;
const T_BIGRAM_PREV = 300;
const T_BIGRAM_NEXT = 301;
const T_SHAPE3 = 302;
const T_PREV_LOWER_SHAPE = 303;
const T_SHAPE_NEXT_LOWER = 304;
const T_PREV2_BIGRAM = 305;
const T_FIRST_CAP = 400;
const T_FIRST_LOWER = 401;
const T_UPPER_SENT_CAP = 402;
const T_UPPER_SENT_LOWER = 403;
const T_GAZ = 500;
const T_GAZ_CAP = 501;
const T_GAZ_CTX = 502;
const T_DOC_LOWER_SEEN = 600;
const T_DOC_CAP_MID = 601;
const T_DOC_TITLE_VARIANT = 602;
const T_DOC_NO_TITLE_VARIANT = 603;
const T_S1_LABEL = 700; // + offset
const T_S1_DOC_TYPE = 720;
const T_S1_DOC_MAJORITY = 721;
const T_S1_DOC_MAJORITY_CAP = 722;
const T_S1_DOC_NONE = 723;
const T_S1_SPAN_TYPE_LEN = 724;
const T_S1_DOC_SUPERSTRING = 725;

const PAD_LEFT = hashString('<S>');
const PAD_RIGHT = hashString('</S>');
const UNKNOWN_CLUSTER = hashString('<unk-cluster>');

/** Short shape: character classes with repeats collapsed ("McDonald" → "XxXx", "1996-08-22" → "d-d-d"). */
function shapes(word: string): { short: string; long: string } {
  let short = '';
  let long = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] ?? '';
    const c = word.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else if (c >= 128 && ch.toLowerCase() !== ch) k = 'X';
    else if (c >= 128 && ch.toUpperCase() !== ch) k = 'x';
    else k = ch;
    if (long.length < 8) long += k;
    if (k !== last) short += k;
    last = k;
  }
  return { short, long };
}

function capClassOf(word: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] ?? '';
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) digit++;
    else if (ch.toLowerCase() !== ch) upper++;
    else if (ch.toUpperCase() !== ch) lower++;
  }
  if (digit > 0) return CAP_DIGIT;
  if (upper === 0 && lower === 0) return CAP_OTHER;
  if (upper === 0) return CAP_LOWER;
  if (lower === 0) return upper === 1 && word.length === 1 ? CAP_INITIAL : CAP_ALL;
  const first = word[0] ?? '';
  if (first.toLowerCase() !== first && word.slice(1) === word.slice(1).toLowerCase()) return CAP_INITIAL;
  return CAP_MIXED;
}

export const NUM_ATOMS = 18;

/**
 * Word-local feature slots: features that depend on one word type and its offset from the token being labelled
 * only. A token's full feature set is the union of SELF of itself, PREV2/PREV1/NEXT1/NEXT2 of its neighbours (or of
 * the sentence padding) and the residual features `extract(…, false)` returns. Because they are per word type, the
 * tagger sums their weights once per type, so word-local features cost nothing per token at run time.
 */
export const SLOT_SELF = 0;
export const SLOT_PREV2 = 1;
export const SLOT_PREV1 = 2;
export const SLOT_NEXT1 = 3;
export const SLOT_NEXT2 = 4;
export const NUM_SLOTS = 5;

/** Context slots of a word with these hashes: lower-case form, short shape, coarse (128) and fine (1024) clusters. */
function contextSlots(lowerHash: number, shapeHash: number, clusterHash: number, fineClusterHash: number): Int32Array[] {
  const at = (off: number, fine: boolean): Int32Array => {
    const feats = [mix(T_CTX_LOWER + off, lowerHash), mix(T_CTX_SHAPE + off, shapeHash), mix(T_CTX_CLUSTER + off, clusterHash)];
    if (fine) feats.push(mix(T_CTX_FINE_CLUSTER + off, fineClusterHash));
    return Int32Array.from(feats);
  };
  return [new Int32Array(0), at(-2, false), at(-1, true), at(1, true), at(2, false)];
}

/** Word-local features of the padding beyond the sentence edges: only the slots that look across that edge. */
function paddingSlots(side: 'left' | 'right'): Int32Array[] {
  const pad = side === 'left' ? PAD_LEFT : PAD_RIGHT;
  const used = side === 'left' ? [SLOT_PREV2, SLOT_PREV1] : [SLOT_NEXT1, SLOT_NEXT2];
  return contextSlots(pad, pad, pad, pad).map((f, slot) => (used.includes(slot) ? f : new Int32Array(0)));
}
const PAD_LEFT_SLOTS = paddingSlots('left');
const PAD_RIGHT_SLOTS = paddingSlots('right');

/** The word-local features of `word` in each slot (index = slot). */
export function wordLocalFeatures(word: WordInfo): readonly Int32Array[] {
  return word.slots;
}
/** The word-local features contributed by the padding before (PREV slots) or after (NEXT slots) a sentence. */
export function paddingFeatures(side: 'left' | 'right'): readonly Int32Array[] {
  return side === 'left' ? PAD_LEFT_SLOTS : PAD_RIGHT_SLOTS;
}

export type { WordInfo };

const PAD_LEFT_INFO = { slots: PAD_LEFT_SLOTS };
const PAD_RIGHT_INFO = { slots: PAD_RIGHT_SLOTS };

export class FeatureExtractor {
  private readonly cache = new Map<string, WordInfo>();
  /** One growable buffer reused by every extraction (`finish` copies out), so documents allocate little. */
  private readonly builder = new FeatureBuilder();
  /** The cache is cleared past this many word forms so long-running processes do not grow without bound. */
  private static readonly MAX_CACHE = 100_000;

  constructor(private readonly resources: NerResources) {}

  info(word: string): WordInfo {
    const hit = this.cache.get(word);
    if (hit) return hit;
    if (this.cache.size >= FeatureExtractor.MAX_CACHE) this.cache.clear();
    const lower = word.toLowerCase();
    const { short, long } = shapes(word);
    const capClass = capClassOf(word);
    const atoms = new Int32Array(NUM_ATOMS);
    atoms[0] = hashString(word);
    atoms[1] = hashString(lower);
    atoms[2] = hashString(short);
    atoms[3] = hashString(long);
    for (let k = 1; k <= 4; k++) {
      atoms[3 + k] = hashString(lower.slice(0, k));
      atoms[7 + k] = hashString(lower.slice(-k));
    }
    atoms[12] = capClass;
    atoms[13] = capClass === CAP_DIGIT ? hashString(lower.replace(/[0-9]/g, '0')) : 0;
    const clusters = this.resources.clusters.map.get(word) ?? this.resources.clusters.map.get(lower);
    for (let k = 0; k < 4; k++) atoms[14 + k] = clusters?.[k] !== undefined ? hashString(clusters[k] ?? '') : UNKNOWN_CLUSTER;
    const atomFeats = atoms.map((a, k) => mix(T_ATOM + k, a));
    const slots = contextSlots(atoms[1] ?? 0, atoms[2] ?? 0, atoms[15] ?? 0, atoms[17] ?? 0);
    slots[SLOT_SELF] = Int32Array.of(T_BIAS, ...atomFeats);
    const info: WordInfo = {
      lower,
      atoms,
      lowerHash: atoms[1] ?? 0,
      shapeHash: atoms[2] ?? 0,
      capClass,
      capitalised: capClass === CAP_INITIAL || capClass === CAP_ALL || capClass === CAP_MIXED,
      atomFeats,
      slots,
      gazetteerMax: capClass === CAP_LOWER || capClass === CAP_OTHER ? 0 : Math.min(this.resources.gazetteer.maxLength.get(lower) ?? 0, MAX_GAZETTEER_PHRASE),
      localScores: null,
    };
    this.cache.set(word, info);
    return info;
  }

  /** Word information of every token of a document (sentences of tokens). */
  infos(doc: readonly (readonly string[])[]): WordInfo[][] {
    return doc.map((s) => s.map((w) => this.info(w)));
  }

  /**
   * Features of every token of a document (sentences of tokens), flattened in reading order. Without `wordLocal`
   * only the residual features are listed (the caller adds the word-local ones from `wordLocalFeatures`).
   */
  extract(doc: readonly (readonly string[])[] | WordInfo[][], wordLocal = true): FeatureMatrix {
    const infos: WordInfo[][] = doc.map((s: readonly (string | WordInfo)[]) => s.map((w) => (typeof w === 'string' ? this.info(w) : w)));
    const docStats = documentStats(infos);
    const out = this.builder.reset();
    for (let s = 0; s < doc.length; s++) {
      const sent = infos[s] ?? [];
      const gaz = gazetteerTags(this.resources, sent);
      const upperSentence = isUpperSentence(sent);
      const n = sent.length;
      for (let i = 0; i < n; i++) {
        out.startToken();
        const w = sent[i]!;
        const p2 = i >= 2 ? sent[i - 2]! : null;
        const p1 = i >= 1 ? sent[i - 1]! : null;
        const n1 = i + 1 < n ? sent[i + 1]! : null;
        const n2 = i + 2 < n ? sent[i + 2]! : null;
        const lowerP2 = p2 ? p2.lowerHash : PAD_LEFT;
        const lowerP1 = p1 ? p1.lowerHash : PAD_LEFT;
        const lowerN1 = n1 ? n1.lowerHash : PAD_RIGHT;
        const shapeP1 = p1 ? p1.shapeHash : PAD_LEFT;
        const shapeN1 = n1 ? n1.shapeHash : PAD_RIGHT;
        if (wordLocal) {
          out.addAll(w.slots[SLOT_SELF]!);
          out.addAll((p2 ?? PAD_LEFT_INFO).slots[SLOT_PREV2]!);
          out.addAll((p1 ?? PAD_LEFT_INFO).slots[SLOT_PREV1]!);
          out.addAll((n1 ?? PAD_RIGHT_INFO).slots[SLOT_NEXT1]!);
          out.addAll((n2 ?? PAD_RIGHT_INFO).slots[SLOT_NEXT2]!);
        }
        out.add(mix(T_CTX_WORD_CAP - 1, mix(p1 ? p1.atoms[0]! : PAD_RIGHT, w.capClass)));
        out.add(mix(T_CTX_WORD_CAP + 1, mix(n1 ? n1.atoms[0]! : PAD_RIGHT, w.capClass)));
        out.add(mix3(T_BIGRAM_PREV, lowerP1, w.lowerHash));
        out.add(mix3(T_BIGRAM_NEXT, w.lowerHash, lowerN1));
        out.add(mix3(T_PREV2_BIGRAM, lowerP2, lowerP1));
        out.add(mix(T_SHAPE3, mix3(shapeP1, w.shapeHash, shapeN1)));
        out.add(mix3(T_PREV_LOWER_SHAPE, lowerP1, w.shapeHash));
        out.add(mix3(T_SHAPE_NEXT_LOWER, w.shapeHash, lowerN1));
        if (i === 0) {
          out.add(mix(T_FIRST_CAP, w.capClass));
          out.add(mix(T_FIRST_LOWER, w.lowerHash));
        }
        if (upperSentence) {
          out.add(mix(T_UPPER_SENT_CAP, w.capClass));
          out.add(mix(T_UPPER_SENT_LOWER, w.lowerHash));
        }
        const g = gaz[i] ?? 0;
        if (g !== 0) {
          for (let c = 0; c < GAZETTEER_CATEGORIES.length; c++) {
            const pos = (g >> (c * 3)) & 7;
            if (pos === 0) continue;
            const v = c * 8 + pos;
            out.add(mix(T_GAZ, v));
            out.add(mix3(T_GAZ_CAP, v, w.capClass));
            out.add(mix3(T_GAZ_CTX, v, lowerP1));
          }
        }
        // Document-level features that need no predictions.
        if (w.capitalised) {
          if (docStats.lowerSeen.has(w.lower)) out.add(T_DOC_LOWER_SEEN);
          if (docStats.capitalisedMid.has(w.lower)) out.add(mix(T_DOC_CAP_MID, w.capClass));
          if (w.capClass === CAP_ALL) {
            out.add(docStats.titleSeen.has(w.lower) ? T_DOC_TITLE_VARIANT : T_DOC_NO_TITLE_VARIANT);
          }
        }
      }
    }
    return out.finish();
  }

  /**
   * Second-stage features from first-stage BILOU labels of the same flattened tokens: the neighbouring first-stage
   * labels and what the first stage said about the same word elsewhere in the document ("extended prediction
   * history", Ratinov & Roth 2009) — this carries a name recognised in running text over to all-caps headlines and
   * to later mentions by surname.
   */
  extractStage2(doc: readonly (readonly string[])[] | WordInfo[][], stage1: Int8Array): FeatureMatrix {
    const infos: WordInfo[][] = doc.map((s: readonly (string | WordInfo)[]) => s.map((w) => (typeof w === 'string' ? this.info(w) : w)));
    const stats = stage1DocStats(infos, stage1);
    const out = this.builder.reset();
    let flat = 0;
    for (const sent of infos) {
      for (let i = 0; i < sent.length; i++) {
        out.startToken();
        addStage1Features(out, stage1, stats, flat, i, sent.length, sent[i] as WordInfo);
        flat++;
      }
    }
    return out.finish();
  }
}

/** Concatenate two feature matrices over the same tokens. */
export function mergeFeatures(a: FeatureMatrix, b: FeatureMatrix): FeatureMatrix {
  const n = a.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  const feats = new Int32Array(a.feats.length + b.feats.length);
  let k = 0;
  for (let t = 0; t < n; t++) {
    offsets[t] = k;
    for (let j = a.offsets[t] ?? 0; j < (a.offsets[t + 1] ?? 0); j++) feats[k++] = a.feats[j] ?? 0;
    for (let j = b.offsets[t] ?? 0; j < (b.offsets[t + 1] ?? 0); j++) feats[k++] = b.feats[j] ?? 0;
  }
  offsets[n] = k;
  return { offsets, feats };
}

export interface FeatureMatrix {
  /** Features of token t are feats[offsets[t]] … feats[offsets[t + 1] - 1]. */
  readonly offsets: Int32Array;
  readonly feats: Int32Array;
}

class FeatureBuilder {
  private feats = new Int32Array(4096);
  private size = 0;
  private offsets = new Int32Array(1024);
  private tokens = 0;
  reset(): this {
    this.size = 0;
    this.tokens = 0;
    return this;
  }
  startToken(): void {
    if (this.tokens + 1 >= this.offsets.length) {
      const bigger = new Int32Array(this.offsets.length * 2);
      bigger.set(this.offsets);
      this.offsets = bigger;
    }
    this.offsets[this.tokens++] = this.size;
  }
  add(h: number): void {
    if (this.size === this.feats.length) this.grow(1);
    this.feats[this.size++] = h;
  }
  addAll(hs: Int32Array): void {
    if (this.size + hs.length > this.feats.length) this.grow(hs.length);
    this.feats.set(hs, this.size);
    this.size += hs.length;
  }
  private grow(extra: number): void {
    const bigger = new Int32Array(Math.max(this.feats.length * 2, this.size + extra));
    bigger.set(this.feats);
    this.feats = bigger;
  }
  finish(): FeatureMatrix {
    this.offsets[this.tokens] = this.size;
    return { offsets: this.offsets.slice(0, this.tokens + 1), feats: this.feats.slice(0, this.size) };
  }
}

interface DocStats {
  /** Lower-case forms seen written in lower case somewhere in the document. */
  readonly lowerSeen: Set<string>;
  /** Lower-case forms seen capitalised in a non-initial sentence position (not in an all-caps sentence). */
  readonly capitalisedMid: Set<string>;
  /** Lower-case forms seen in Title case anywhere. */
  readonly titleSeen: Set<string>;
}

function documentStats(infos: WordInfo[][]): DocStats {
  const lowerSeen = new Set<string>();
  const capitalisedMid = new Set<string>();
  const titleSeen = new Set<string>();
  infos.forEach((sent) => {
    const upper = isUpperSentence(sent);
    sent.forEach((w, i) => {
      if (w.capClass === CAP_LOWER) lowerSeen.add(w.lower);
      else if (w.capClass === CAP_INITIAL) {
        titleSeen.add(w.lower);
        if (i > 0 && !upper) capitalisedMid.add(w.lower);
      }
    });
  });
  return { lowerSeen, capitalisedMid, titleSeen };
}

/** Headlines and sports tables written in capitals: capitalisation says nothing there. */
function isUpperSentence(sent: readonly WordInfo[]): boolean {
  let all = 0;
  let letters = 0;
  for (const w of sent) {
    if (w.capClass === CAP_OTHER || w.capClass === CAP_DIGIT) continue;
    letters++;
    if (w.capClass === CAP_ALL) all++;
  }
  return letters >= 2 && all * 2 > letters;
}

/**
 * Longest gazetteer match at each position, greedy left to right. Per token, 3 bits per category hold the
 * position in the matched phrase (1 B, 2 I, 3 L, 4 U; 0 none). A phrase must start with a non-lower-case token so
 * ordinary words ("may", "turkey") do not match.
 */
function gazetteerTags(resources: NerResources, sent: readonly WordInfo[]): Int32Array {
  const tags = new Int32Array(sent.length);
  const g = resources.gazetteer;
  if (g.phrases.size === 0) return tags;
  let i = 0;
  while (i < sent.length) {
    const max = (sent[i] as WordInfo).gazetteerMax;
    let matched = 0;
    let mask = 0;
    if (max > 0) {
      let key = '';
      for (let len = 1; len <= Math.min(max, sent.length - i); len++) {
        const word = (sent[i + len - 1] as WordInfo).lower;
        key = len === 1 ? word : `${key} ${word}`;
        const m = g.phrases.get(key);
        if (m !== undefined) {
          matched = len;
          mask = m;
        }
        if (!g.prefixes.has(key)) break;
      }
    }
    if (matched === 0) {
      i++;
      continue;
    }
    for (let k = 0; k < matched; k++) {
      const pos = matched === 1 ? 4 : k === 0 ? 1 : k === matched - 1 ? 3 : 2;
      let v = 0;
      for (let c = 0; c < GAZETTEER_CATEGORIES.length; c++) if (mask & (1 << c)) v |= pos << (c * 3);
      tags[i + k] = v;
    }
    i += matched;
  }
  return tags;
}

interface Stage1Stats {
  /** Lower-case form → counts per entity type (index 0..3) and O (index 4) over the document. */
  readonly counts: Map<string, Int32Array>;
  /** Lower-case form → a longer first-stage entity of each type contains this word (bit mask). */
  readonly inLongerSpan: Map<string, number>;
}

function stage1DocStats(infos: WordInfo[][], stage1: Int8Array): Stage1Stats {
  const counts = new Map<string, Int32Array>();
  const inLongerSpan = new Map<string, number>();
  const flatInfos = infos.flat();
  flatInfos.forEach((w, t) => {
    if (!w.capitalised) return;
    let c = counts.get(w.lower);
    if (!c) counts.set(w.lower, (c = new Int32Array(5)));
    const type = labelType(stage1[t] ?? 0);
    const slot = type < 0 ? 4 : type;
    c[slot] = c[slot]! + 1;
    const label = stage1[t] ?? 0;
    if (label > 0 && ((label - 1) & 3) !== 3) inLongerSpan.set(w.lower, (inLongerSpan.get(w.lower) ?? 0) | (1 << type));
  });
  return { counts, inLongerSpan };
}

function addStage1Features(out: FeatureBuilder, stage1: Int8Array, stats: Stage1Stats, flat: number, i: number, sentLength: number,
  w: WordInfo): void {
  for (const off of [-1, 0, 1]) {
    const inSentence = i + off >= 0 && i + off < sentLength;
    out.add(mix(T_S1_LABEL + off, inSentence ? (stage1[flat + off] ?? 0) : NUM_LABELS));
  }
  if (!w.capitalised) return;
  const c = stats.counts.get(w.lower);
  if (!c) return;
  const own = labelType(stage1[flat] ?? 0);
  const ownIndex = own < 0 ? 4 : own;
  let best = -1;
  let bestCount = 0;
  let others = 0;
  for (let k = 0; k < 5; k++) {
    const n = (c[k] ?? 0) - (k === ownIndex ? 1 : 0);
    others += n;
    if (n > 0 && k < 4) out.add(mix(T_S1_DOC_TYPE, k));
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  }
  if (others === 0) {
    out.add(T_S1_DOC_NONE);
    return;
  }
  out.add(mix(T_S1_DOC_MAJORITY, best));
  out.add(mix3(T_S1_DOC_MAJORITY_CAP, best, w.capClass));
  const longer = stats.inLongerSpan.get(w.lower) ?? 0;
  if (longer !== 0) out.add(mix(T_S1_DOC_SUPERSTRING, longer));
  out.add(mix3(T_S1_SPAN_TYPE_LEN, own, Math.min(others, 3)));
}
