/**
 * Choosing an attribution's source with a learned ranker: candidate noun phrases around the cue in its sentence
 * (to the left ending at the cue, a comma, a relative pronoun or a verb; to the right starting at the cue, for
 * inverted sources), plus "no source", each described by features of position, shape and context; the averaged
 * perceptron weights in source-weights.ts (learned from PolNeAR train by `npm run train:quotes`)
 * pick one. The rule-based choice is one of the features, so the model learns when to overrule it.
 */
import { PARTY_TAG } from '../party-tag.js';
import { FeatureTable, featureKey, type Emit } from './perceptron.js';
import { CUE_MODIFIERS, DETERMINERS, IRREGULAR_PAST, LY_NOUNS, ORGANISATION_NOUNS, PRONOUNS, ROLE_NOUNS, SOURCE_STOPS, cueHeadScore } from './lexicon.js';

export interface SourceTokens {
  readonly texts: readonly string[];
  readonly lower: readonly string[];
  /** Tokens no source may contain: quoted text, the attribution's content, its cue. */
  readonly blocked: (i: number) => boolean;
  /**
   * Memos of token classes and flags by token index, filled as features are computed; share them across the frames
   * of one text (arrays as long as the text's tokens: flags 0 = not computed yet).
   */
  readonly classes: (string | undefined)[];
  readonly flags: Uint16Array;
}

export interface SourceQuery {
  /** Token range of the sentence [first, last). */
  readonly first: number;
  readonly last: number;
  /** Token range of the cue [cueStart, cueEnd). */
  readonly cueStart: number;
  readonly cueEnd: number;
  /** The rule that built the attribution, and the source it chose (token range), if any. */
  readonly rule: string;
  readonly ruleSource: readonly [number, number] | null;
}

export type SourceCandidate = readonly [number, number] | null;

/** Farthest a left candidate may start from the cue ("Dean Roe, a salesman from Sumter, South Carolina, who …, said"). */
const MAX_LEFT_TOKENS = 36;
/** Farthest a right candidate may end from the cue ("…," said Ada Marlow, the ministry's chief spokeswoman). */
const MAX_RIGHT_TOKENS = 28;
/** Longest candidate: longer stretches are clauses. */
const MAX_CANDIDATE_TOKENS = 28;
/** Most ends tried on each side, nearest to the cue first: farther ends are rarely sources and cost time. */
const MAX_ENDS = 4;
/** Most starts tried per end, nearest first: the ranker's cost grows with the candidates. */
const MAX_STARTS = 7;

/** Candidates scored in full after a first pass without the joint features (8 scored as well as 12 on train, in less time). */
const MAX_FULLY_SCORED = 8;

const WORD = /^[\p{L}\p{N}]/u;
const CAP = /^\p{Lu}/u;
const PREPOSITIONS = new Set([
  'in', 'at', 'on', 'during', 'after', 'before', 'for', 'with', 'from', 'by', 'as', 'of', 'to', 'about', 'under', 'into',
  'over', 'against', 'like', 'among', 'through', 'via', 'despite', 'without', 'within', 'including', 'than', 'per',
]);
const FUNCTION_WORDS = new Set([
  ...DETERMINERS, ...PRONOUNS, ...SOURCE_STOPS, ...PREPOSITIONS, 'and', 'or', 'nor', 'both', 'either', 'not', 'who', 'whom',
  'which', 'that', 'also', 'then', 'however', 'said', 'says', 'told', 'according', 'him', 'them', 'us', 'me', 'many',
  'most', 'some', 'several', 'few', 'other', 'others', 'all', 'both', 'more', 'one', 'two', 'three', 'former', 'top',
]);

const DANGLING_ENDS = new Set(['and', 'or', 'but', 'nor', 'of', 'the', 'a', 'an', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom', 'whose']);
const NO_SOURCE_OPENERS = new Set(['there', 'given', 'rather', 'following', 'despite', 'if', 'unless', 'whether', 'although', 'though',
  // An adjunct of place, time or channel is no noun phrase ("in an interview with RT he blasted …": the source is
  // "he"). "about", "at" and "by" stay: "about 20 people said", "at least three aides said".
  'in', 'on', 'during', 'after', 'before', 'with', 'from', 'to', 'for', 'through', 'via', 'under', 'over', 'into', 'within',
  'without', 'against', 'since']);

// Word and capital tests read the per-token flags memo (flags() below): candidate generation asks about the same
// tokens for every frame of a sentence, and the Unicode patterns cost far more than a memo read.
const isWord = (v: SourceTokens, i: number): boolean => (flags(v, i) & F_WORD) !== 0;
const isCapital = (v: SourceTokens, i: number): boolean => (flags(v, i) & F_CAP) !== 0;
/** /^\d/ without the pattern (\d is ASCII digits only). */
const startsWithDigit = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/** A coarse class of token i (memoised per view: every candidate asks for the same few tokens). */
function cls(v: SourceTokens, i: number, q: SourceQuery): string {
  if (i < q.first) return 'BOS';
  if (i >= q.last) return 'EOS';
  const known = v.classes[i];
  if (known !== undefined) return known;
  const c = tokenClass(v, i);
  v.classes[i] = c;
  return c;
}

/** The word itself when it is a function word or punctuation, else its shape. */
function tokenClass(v: SourceTokens, i: number): string {
  const t = v.texts[i] ?? '';
  const l = v.lower[i] ?? '';
  if (!WORD.test(t)) return t.length <= 2 ? t : 'P';
  if (FUNCTION_WORDS.has(l)) return l;
  if (ROLE_NOUNS.has(l)) return CAP.test(t) ? 'ROLE-C' : 'ROLE';
  if (ORGANISATION_NOUNS.has(l)) return CAP.test(t) ? 'ORG-C' : 'ORG';
  if (/^\d/.test(t)) return 'NUM';
  if (CAP.test(t)) return t.length > 1 && isUpperCase(t) ? 'CAPS' : 'Cap';
  if (cueHeadScore(l) > 0) return 'CUE';
  if (l.endsWith('ing')) return 'ing';
  if (l.endsWith('ed')) return 'ed';
  if (l.endsWith('ly') && !LY_NOUNS.has(l)) return 'ly';
  if (l.endsWith('s')) return 's';
  return 'low';
}

/** `t === t.toUpperCase()`, without the conversion (a runtime call and a new string) for ASCII words. */
function isUpperCase(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128) return t === t.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

function bucket(n: number): string {
  return n <= 3 ? String(n) : n <= 5 ? '4-5' : n <= 8 ? '6-8' : n <= 12 ? '9-12' : n <= 20 ? '13-20' : '21+';
}

/** Quantifiers open a noun phrase of their own ("a commitment | several governments have said they …"). */
const QUANTIFIERS = new Set(['several', 'many', 'most', 'few', 'both', 'all', 'two', 'three', 'four', 'five', 'dozens', 'hundreds']);

/** Can a source start at token i (given the token before it)? */
function plausibleStart(v: SourceTokens, i: number, lo: number): boolean {
  if (!isWord(v, i)) return false;
  const t = v.texts[i] ?? '';
  // A party and state tag follows a name ("Sen. Tom Roe, R-Vell,"): it starts no source.
  if (PARTY_TAG.test(t)) return false;
  if (i === lo) return true;
  const l = v.lower[i] ?? '';
  if (isCapital(v, i) || startsWithDigit(t) || DETERMINERS.has(l) || PRONOUNS.has(l) || QUANTIFIERS.has(l)) return true;
  const prev = v.lower[i - 1] ?? '';
  return !isWord(v, i - 1) || FUNCTION_WORDS.has(prev);
}

/** Can a source end before token e (exclusive), seen from the cue side? */
function plausibleLeftEnd(v: SourceTokens, e: number, q: SourceQuery): boolean {
  if (e === q.cueStart) return true;
  const t = v.texts[e] ?? '';
  const l = v.lower[e] ?? '';
  if (t === ',' || t === '—' || t === '–' || t === '―' || t === '(' || t === '-') return true;
  if (l === 'who' || l === 'which' || l === 'that') return true;
  if (CUE_MODIFIERS.has(l) || SOURCE_STOPS.has(l) || PREPOSITIONS.has(l) || IRREGULAR_PAST.has(l)) return true;
  return !isCapital(v, e) && isWord(v, e) && /(?:ed|ing|s)$/.test(l);
}

/** Words of a time adjunct ("one day earlier", "last Friday", "two weeks ago"): a stretch of them alone is no source. */
const TIME_UNITS = new Set([
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'minute', 'minutes', 'morning',
  'afternoon', 'evening', 'night', 'weekend', 'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday',
]);
const TIME_MODIFIERS = new Set([
  'a', 'an', 'the', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'several',
  'last', 'next', 'this', 'that', 'earlier', 'later', 'ago', 'before', 'after', 'previous', 'following', 'same', 'on',
]);

/** Is tokens [a, b) a time adjunct: time words and numbers only, with at least one unit or weekday ("one day")? */
function isTimeAdjunct(v: SourceTokens, a: number, b: number): boolean {
  let unit = false;
  for (let k = a; k < b; k++) {
    const l = v.lower[k] ?? '';
    if (TIME_UNITS.has(l)) unit = true;
    else if (isWord(v, k) && !TIME_MODIFIERS.has(l) && !startsWithDigit(l)) return false;
  }
  return unit;
}

/** The candidate sources of an attribution, the "no source" option first. */
export function sourceCandidates(v: SourceTokens, q: SourceQuery): SourceCandidate[] {
  const out: SourceCandidate[] = [null];
  const seen = new Set<number>();
  const push = (a: number, b: number): void => {
    const key = a * 100003 + b;
    if (seen.has(key) || isTimeAdjunct(v, a, b)) return;
    // No noun phrase ends in an article, a preposition or a conjunction ("the", "Rather than"), nor opens with an
    // existential "there" or a clause opener ("Given the …", "Following initial …").
    if (DANGLING_ENDS.has(v.lower[b - 1] ?? '') || v.lower[b - 1] === 'than' || NO_SOURCE_OPENERS.has(v.lower[a] ?? '')) return;
    seen.add(key);
    out.push([a, b]);
  };
  if (q.ruleSource) push(q.ruleSource[0], q.ruleSource[1]);
  // Left of the cue: the run of free tokens that ends at the cue.
  let lo = q.cueStart;
  while (lo - 1 >= q.first && q.cueStart - lo < MAX_LEFT_TOKENS && !v.blocked(lo - 1)) lo--;
  let ends = 0;
  for (let e = q.cueStart; e > lo && ends < MAX_ENDS; e--) {
    if (!plausibleLeftEnd(v, e, q)) continue;
    let b = e;
    while (b > lo && !isWord(v, b - 1) && v.texts[b - 1] !== ')') b--;
    // A noun phrase does not end in a conjunction, preposition or article ("… for a decision and thanked them").
    if (b <= lo || DANGLING_ENDS.has(v.lower[b - 1] ?? '')) continue;
    ends++;
    let starts = 0;
    // A bare "who" is a source ("…, who said"); a longer phrase does not end in one ("Ferri, who | also said").
    const relativeEnd = RELATIVE_PRONOUNS.has(v.lower[b - 1] ?? '');
    for (let a = b - 1; a >= lo && b - a <= MAX_CANDIDATE_TOKENS && starts < MAX_STARTS; a--) {
      if (!plausibleStart(v, a, lo) || (relativeEnd && a < b - 1)) continue;
      starts++;
      push(a, b);
    }
    // The whole free run as well, past the nearest starts: a name with a long apposition or relative clause
    // ("Dean Roe, a salesman from Sumter who …, said").
    // (Not from an opening preposition: "In a message to supporters, Keel said" is no noun phrase.)
    let far = lo;
    while (far < b && !isWord(v, far)) far++;
    // Nor when a verb of its own comes before any relative pronoun: that is a clause before the source ("that gap has
    // taken on new urgency after leaked documents | show").
    if (far < b && !relativeEnd && b - far <= MAX_CANDIDATE_TOKENS && !PREPOSITIONS.has(v.lower[far] ?? '') && !hasClauseVerb(v, far, b)) push(far, b);
  }
  // Right of the cue: inverted sources start at the cue or just after a hearer or time word.
  let hi = q.cueEnd;
  while (hi < q.last && hi - q.cueEnd < MAX_RIGHT_TOKENS && !v.blocked(hi)) hi++;
  for (let a = q.cueEnd; a < hi && a - q.cueEnd < 4; a++) {
    // "…,” said Kunin, who has been critical: a relative pronoun after the cue refers back to the speaker.
    // Nor does a preposition start one ("… beamed Tom Keel | of Vell").
    if (!plausibleStart(v, a, q.cueEnd) || RELATIVE_PRONOUNS.has(v.lower[a] ?? '') || PREPOSITIONS.has(v.lower[a] ?? '')) continue;
    let endsHere = 0;
    for (let e = a + 1; e <= hi && endsHere < MAX_ENDS && e - a <= MAX_CANDIDATE_TOKENS; e++) {
      const boundary = e === hi || !isWord(v, e) || FUNCTION_WORDS.has(v.lower[e] ?? '') || cueHeadScore(v.lower[e] ?? '') > 0;
      if (!boundary || !(isWord(v, e - 1) || v.texts[e - 1] === ')')) continue;
      endsHere++;
      push(a, e);
    }
  }
  // And the inverted source up to the end of the free run ("…," said Tim Roe, a developer, who introduced him to his bankers.).
  let end = hi;
  while (end > q.cueEnd && !isWord(v, end - 1) && v.texts[end - 1] !== ')') end--;
  if (end > q.cueEnd && plausibleStart(v, q.cueEnd, q.cueEnd) && !RELATIVE_PRONOUNS.has(v.lower[q.cueEnd] ?? '') && end - q.cueEnd <= MAX_CANDIDATE_TOKENS) push(q.cueEnd, end);
  return out;
}


/** Does tokens [a, b) hold an auxiliary or a past form before any relative pronoun (a clause's own verb)? */
function hasClauseVerb(v: SourceTokens, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const f = flags(v, k);
    if (f & F_REL) return false;
    if (f & (F_AUX | F_PAST)) return true;
  }
  return false;
}

/** Templates per direction, as constant strings, so no feature name is built per candidate. */
const TEMPLATES = {
  L: {
    dir: 'L', dist: 'L.dist', len: 'L.len', distLen: 'L.dist.len', first: 'L.first', last: 'L.last', prev: 'L.prev', next: 'L.next',
    firstLast: 'L.first.last', prevFirst: 'L.prev.first', lastNext: 'L.last.next', gapComma: 'L.gapComma', gapCue: 'L.gapCue',
    gapVerb: 'L.gapVerb', gapWho: 'L.gapWho', commas: 'L.commas', capShare: 'L.capShare', cueInside: 'L.cueInside',
    verbInside: 'L.verbInside', prepInside: 'L.prepInside', and: 'L.and', rule: 'L.rule', head: 'L.head', match: 'L.match',
    matchRule: 'L.match.rule', start: 'L.sentenceStart', startGapVerb: 'L.sentenceStart.gapVerb', clauseVerb: 'L.clauseVerb',
    afterComma: 'L.afterComma', opener: 'L.opener', endsTime: 'L.endsTime', nameVerb: 'L.nameVerb',
  },
  R: {
    dir: 'R', dist: 'R.dist', len: 'R.len', distLen: 'R.dist.len', first: 'R.first', last: 'R.last', prev: 'R.prev', next: 'R.next',
    firstLast: 'R.first.last', prevFirst: 'R.prev.first', lastNext: 'R.last.next', gapComma: 'R.gapComma', gapCue: 'R.gapCue',
    gapVerb: 'R.gapVerb', gapWho: 'R.gapWho', commas: 'R.commas', capShare: 'R.capShare', cueInside: 'R.cueInside',
    verbInside: 'R.verbInside', prepInside: 'R.prepInside', and: 'R.and', rule: 'R.rule', head: 'R.head', match: 'R.match',
    matchRule: 'R.match.rule', start: 'R.sentenceStart', startGapVerb: 'R.sentenceStart.gapVerb', clauseVerb: 'R.clauseVerb',
    afterComma: 'R.afterComma', opener: 'R.opener', endsTime: 'R.endsTime', nameVerb: 'R.nameVerb',
  },
} as const;
const yn = (x: boolean): string => (x ? 'y' : 'n');
const SMALL_COUNTS = ['0', '1', '2', '3'] as const;

// Per-token flags, memoised on the view: the feature loops then test bits instead of running regular expressions.
const F_WORD = 1;
const F_CAP = 2;
const F_COMMA = 4;
const F_WHO = 8;
/** A lower-case cue word. */
const F_CUE = 16;
/** A lower-case -ed/-ing word that is not a function word: a verb, most likely. */
const F_VERB = 32;
/** A preposition other than "of". */
const F_PREP = 64;
const F_AND = 128;
/** Set on every computed entry, so a memo of 0 means "not computed yet". */
const F_KNOWN = 256;
/** A finite auxiliary or modal ("has", "were", "would"): in a candidate, outside a relative clause, a clause's verb. */
const F_AUX = 512;
/** A relative pronoun ("who", "which", "that", "whom", "whose"). */
const F_REL = 1024;
/** An irregular past form ("met", "spoke"): like an auxiliary, a clause's verb outside a relative clause. */
const F_PAST = 2048;
const AUXILIARIES = new Set(['is', 'was', 'were', 'are', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do']);

function flags(v: SourceTokens, k: number): number {
  const known = v.flags[k] ?? 0;
  if (known !== 0) return known;
  const t = v.texts[k] ?? '';
  const l = v.lower[k] ?? '';
  let f = 0;
  if (WORD.test(t)) f |= F_WORD;
  if (CAP.test(t)) f |= F_CAP;
  if (t === ',') f |= F_COMMA;
  if (l === 'who' || l === 'which') f |= F_WHO;
  if (!(f & F_CAP) && cueHeadScore(l) > 0) f |= F_CUE;
  if (!(f & F_CAP) && /(?:ed|ing)$/.test(l) && !FUNCTION_WORDS.has(l)) f |= F_VERB;
  if (PREPOSITIONS.has(l) && l !== 'of') f |= F_PREP;
  if (l === 'and' || l === 'or') f |= F_AND;
  if (AUXILIARIES.has(l)) f |= F_AUX;
  if (RELATIVE_PRONOUNS.has(l)) f |= F_REL;
  if (!(f & F_CAP) && IRREGULAR_PAST.has(l)) f |= F_PAST;
  f |= F_KNOWN;
  v.flags[k] = f;
  return f;
}

/*
 * Features come in four groups, so that scoring can reuse the sums of the groups that do not change between
 * candidates: per side (direction, rule, cue head), per start, per end (with the gap to the cue), and joint.
 */

function emitSide(q: SourceQuery, v: SourceTokens, left: boolean, emit: Emit): void {
  const T = left ? TEMPLATES.L : TEMPLATES.R;
  emit(T.dir, '');
  emit(T.rule, q.rule);
  emit(T.head, v.lower[q.cueEnd - 1] ?? '');
}

function emitStart(v: SourceTokens, q: SourceQuery, left: boolean, a: number, emit: Emit): void {
  const T = left ? TEMPLATES.L : TEMPLATES.R;
  const first = cls(v, a, q);
  const prev = cls(v, a - 1, q);
  emit(T.first, first);
  emit(T.prev, prev);
  emit(T.prevFirst, prev, first);
  emit(T.start, startsSentence(v, q, a));
  // "Meanwhile Trump", "Last week Stumpf": a sentence adverb or time word opens the clause, not the source.
  const l = v.lower[a] ?? '';
  emit(T.opener, OPENERS.has(l) ? l : '-');
}

/** Words that open a clause before its subject; a closed list, so the ranker learns each without memorising names. */
const OPENERS = new Set([
  'meanwhile', 'last', 'yet', 'still', 'however', 'now', 'then', 'also', 'more', 'recently', 'earlier', 'later', 'today',
  'yesterday', 'instead', 'separately', 'similarly', 'indeed', 'but', 'and', 'so', 'since', 'when', 'while', 'after',
  'before', 'as', 'if', 'though', 'although', 'because', 'given', 'following', 'by', 'in', 'on', 'at',
  'for', 'with', 'without', 'during', 'this', 'next', 'previously', 'finally', 'first', 'second', 'again', 'even',
]);
/** Month names and their abbreviations, and "ago": words that end a time adjunct. */
const TIME_END_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec', 'ago',
]);
/** Does the candidate end in a time word ("… in April", "… in 2001", "… on Friday", "… last month")? */
function endsInTime(v: SourceTokens, b: number): boolean {
  const l = v.lower[b - 1] ?? '';
  return TIME_END_WORDS.has(l) || TIME_UNITS.has(l) || /^(?:1[89]|20)\d\d$/.test(l);
}

function startsSentence(v: SourceTokens, q: SourceQuery, a: number): string {
  return yn(a === q.first || (a === q.first + 1 && !isWord(v, q.first)));
}

/** Gap flags between a candidate and the cue: a left candidate's end or a right candidate's start. */
function gapFlags(v: SourceTokens, q: SourceQuery, left: boolean, edge: number): number {
  let g = 0;
  const from = left ? edge : q.cueEnd;
  const to = left ? q.cueStart : edge;
  for (let k = from; k < to; k++) {
    const f = flags(v, k);
    if (f & F_COMMA) g |= F_COMMA;
    else if (f & F_WHO) g |= F_WHO;
    else if (f & F_CUE) g |= F_CUE;
    else if (f & F_VERB) g |= F_VERB;
  }
  return g;
}

function emitEnd(v: SourceTokens, q: SourceQuery, left: boolean, b: number, emit: Emit): void {
  const T = left ? TEMPLATES.L : TEMPLATES.R;
  const last = cls(v, b - 1, q);
  const next = cls(v, b, q);
  emit(T.last, last);
  emit(T.next, next);
  emit(T.lastNext, last, next);
  emit(T.endsTime, yn(endsInTime(v, b)));
  if (left) emitGap(v, q, left, b, emit);
}

function emitGap(v: SourceTokens, q: SourceQuery, left: boolean, edge: number, emit: Emit): void {
  const T = left ? TEMPLATES.L : TEMPLATES.R;
  const g = gapFlags(v, q, left, edge);
  emit(T.dist, bucket(left ? q.cueStart - edge : edge - q.cueEnd));
  emit(T.gapComma, yn((g & F_COMMA) !== 0));
  emit(T.gapCue, yn((g & F_CUE) !== 0));
  emit(T.gapVerb, yn((g & F_VERB) !== 0));
  emit(T.gapWho, yn((g & F_WHO) !== 0));
}

function emitJoint(v: SourceTokens, q: SourceQuery, left: boolean, a: number, b: number, emit: Emit): void {
  const T = left ? TEMPLATES.L : TEMPLATES.R;
  if (!left) emitGap(v, q, left, a, emit);
  let commas = 0;
  let caps = 0;
  let words = 0;
  let inside = 0;
  let clauseVerb = false;
  let afterComma = 'none';
  let nameVerb = false;
  for (let k = a; k < b; k++) {
    const f = flags(v, k);
    if (f & F_COMMA) {
      commas++;
      // What follows a comma inside the candidate: an apposition ("Dean, a medical doctor,") or an adjunct ("Clinton, at
      // Monday's debate", "Trump, speaking to veterans").
      afterComma = k + 1 < b ? cls(v, k + 1, q) : 'end';
    }
    // A name right before a verb form is a clause's subject and verb ("Trump unleashed a series of tweets").
    if (k + 1 < b && f & F_CAP && !(f & F_COMMA) && (flags(v, k + 1) & (F_VERB | F_PAST)) !== 0) nameVerb = true;
    if (!(f & F_WORD)) continue;
    words++;
    if (f & F_CAP) caps++;
    // An auxiliary before any relative pronoun of the candidate is its own clause's verb ("Trump has been targeting X").
    if (f & (F_AUX | F_PAST) && !(inside & F_REL)) clauseVerb = true;
    inside |= f;
  }
  const rs = q.ruleSource;
  const len = bucket(b - a);
  const dist = bucket(left ? q.cueStart - b : a - q.cueEnd);
  const match = rs ? (rs[0] === a && rs[1] === b ? 'same' : rs[0] < b && a < rs[1] ? 'overlap' : 'other') : 'none';
  emit(T.len, len);
  emit(T.distLen, dist, len);
  emit(T.firstLast, cls(v, a, q), cls(v, b - 1, q));
  emit(T.commas, SMALL_COUNTS[Math.min(commas, 3)] ?? '3');
  emit(T.capShare, SMALL_COUNTS[words === 0 ? 0 : Math.min(3, Math.round((3 * caps) / words))] ?? '0');
  emit(T.cueInside, yn((inside & F_CUE) !== 0));
  emit(T.verbInside, yn((inside & F_VERB) !== 0));
  emit(T.prepInside, yn((inside & F_PREP) !== 0));
  emit(T.and, yn((inside & F_AND) !== 0));
  emit(T.clauseVerb, yn(clauseVerb));
  emit(T.afterComma, afterComma);
  emit(T.nameVerb, yn(nameVerb));
  emit(T.match, match);
  emit(T.matchRule, match, q.rule);
  emit(T.startGapVerb, startsSentence(v, q, a), yn((gapFlags(v, q, left, left ? b : a) & F_VERB) !== 0));
}

function emitNull(v: SourceTokens, q: SourceQuery, emit: Emit): void {
  emit('NULL', '');
  emit('NULL.rule', q.rule);
  emit('NULL.ruleSource', yn(q.ruleSource !== null));
  emit('NULL.head', v.lower[q.cueEnd - 1] ?? '');
  emit('NULL.prev', cls(v, q.cueStart - 1, q));
  emit('NULL.next', cls(v, q.cueEnd, q));
  emit('NULL.first', cls(v, q.first, q));
}

/** All features of one candidate (null: no source), passed to `emit`. */
export function emitSourceFeatures(v: SourceTokens, q: SourceQuery, c: SourceCandidate, emit: Emit): void {
  if (!c) {
    emitNull(v, q, emit);
    return;
  }
  const [a, b] = c;
  const left = b <= q.cueStart;
  emitSide(q, v, left, emit);
  emitStart(v, q, left, a, emit);
  emitEnd(v, q, left, b, emit);
  emitJoint(v, q, left, a, b, emit);
}

/** Features of one candidate as strings (training). */
export function sourceFeatures(v: SourceTokens, q: SourceQuery, c: SourceCandidate): string[] {
  const out: string[] = [];
  emitSourceFeatures(v, q, c, (t, a, b) => out.push(featureKey(t, a, b)));
  return out;
}

/** The highest-scoring candidate under `weights` (ties: the earlier candidate, "no source" first). */
export function chooseSource(v: SourceTokens, q: SourceQuery, weights: FeatureTable): SourceCandidate {
  // One running sum and one emitter for every group: scoring a group allocates nothing. (The sum is an object
  // field, not a captured variable: V8 updates a double field in place, but boxes a captured double on each write.)
  const acc = { sum: 0 };
  const add: Emit = (t, a, b) => {
    acc.sum += weights.weight(t, a, b);
  };
  acc.sum = 0;
  emitSide(q, v, true, add);
  const leftSide = acc.sum;
  acc.sum = 0;
  emitSide(q, v, false, add);
  const rightSide = acc.sum;
  // Start and end sums are cached per index (an index is on one side of the cue only), in arrays over the sentence's
  // token positions [first, last], NaN for "not computed yet". Plain arrays: a Float64Array costs about a
  // microsecond to create, more than the scoring of several candidates.
  const span = q.last - q.first + 1;
  const startScore = new Array<number>(span).fill(NaN);
  const endScore = new Array<number>(span).fill(NaN);
  // First pass: the cached per-side, per-start and per-end sums; the joint features only for the best of those,
  // kept in a small array sorted by partial score (ties: the earlier candidate first).
  const top: { c: readonly [number, number]; left: boolean; score: number; i: number }[] = [];
  let i = 0;
  for (const c of sourceCandidates(v, q)) {
    if (!c) continue;
    const [a, b] = c;
    const left = b <= q.cueStart;
    let sa = a >= q.first && a <= q.last ? startScore[a - q.first] ?? NaN : NaN;
    if (Number.isNaN(sa)) {
      acc.sum = 0;
      emitStart(v, q, left, a, add);
      sa = acc.sum;
      if (a >= q.first && a <= q.last) startScore[a - q.first] = sa;
    }
    let sb = b >= q.first && b <= q.last ? endScore[b - q.first] ?? NaN : NaN;
    if (Number.isNaN(sb)) {
      acc.sum = 0;
      emitEnd(v, q, left, b, add);
      sb = acc.sum;
      if (b >= q.first && b <= q.last) endScore[b - q.first] = sb;
    }
    const score = (left ? leftSide : rightSide) + sa + sb;
    i++;
    const n = top.length;
    if (n === MAX_FULLY_SCORED && score <= (top[n - 1]?.score ?? -Infinity)) continue;
    let at = n;
    while (at > 0 && (top[at - 1]?.score ?? Infinity) < score) at--;
    // Insert at `at` by shifting the tail (dropping the last entry when full): what splice + pop did, without them.
    for (let k = n < MAX_FULLY_SCORED ? n : n - 1; k > at; k--) top[k] = top[k - 1] as (typeof top)[number];
    top[at] = { c, left, score, i };
  }
  // Back to candidate order (insertion sort: at most MAX_FULLY_SCORED entries, distinct i).
  for (let k = 1; k < top.length; k++) {
    const x = top[k] as (typeof top)[number];
    let j = k;
    for (; j > 0 && (top[j - 1] as (typeof top)[number]).i > x.i; j--) top[j] = top[j - 1] as (typeof top)[number];
    top[j] = x;
  }
  let best: SourceCandidate = null;
  acc.sum = 0;
  emitNull(v, q, add);
  let bestScore = acc.sum;
  for (const { c, left, score } of top) {
    acc.sum = 0;
    emitJoint(v, q, left, c[0], c[1], add);
    const full = score + acc.sum;
    if (full > bestScore) {
      best = c;
      bestScore = full;
    }
  }
  return best;
}
