/**
 * Tokeniser and sentence splitter for English news text.
 *
 * One linear left-to-right scan over the characters produces tokens, a second linear scan over the tokens
 * produces sentences. Tokens follow Penn-Treebank conventions where it matters for NER (the CoNLL-2003 training
 * data is PTB-tokenised): possessive `'s` and clitics (`'re`, `'ll`, `n't`…) are split off, hyphenated words,
 * numbers with separators, dates, URLs, e-mails, @handles and #hashtags stay one token, and the final period
 * of a known abbreviation stays on its word ("U.S.", "Gen.", "a.m.").
 */

export interface Token {
  readonly start: number;
  readonly end: number;
  /** Always `source.slice(start, end)`. */
  readonly text: string;
}

/** A sentence: character range [start, end) and token index range [tokenStart, tokenEnd). */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface Tokenized {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
}

// ---------------------------------------------------------------------------------------------------------------
// Abbreviations

/** Titles and name-internal abbreviations: a sentence never ends after them ("Gen. Ada Marlow", "Lt. Col. Smith"). */
const TITLE_ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mme', 'Mlle', 'Dr', 'Prof', 'Rev', 'Fr', 'Sr', 'Hon', 'Pres', 'Gov', 'Sen', 'Rep',
  'Reps', 'Sens', 'Amb', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Cmdr', 'Cdr', 'Adm', 'Sgt', 'Cpl', 'Pvt', 'Brig',
  'Insp', 'Supt', 'Det', 'Atty', 'Gens', 'Lieut', 'Cmdt', 'Sec', 'Secs', 'St', 'Ste', 'Mt', 'Ft', 'Pt', 'No', 'Nos',
  'Vol', 'vol', 'Vols', 'Art', 'art', 'Fig', 'fig', 'Ch', 'ch', 'Sec', 'vs', 'v', 'cf', 'approx', 'ca', 'c', 'Jan',
  'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Ave', 'Blvd', 'Rd', 'Hwy',
  'Rt', 'Op', 'Ald', 'Mgr', 'Msgr',
]);

/**
 * Abbreviations that often end a sentence as well ("… of Acme Inc. The company said"): the period ends a sentence
 * only when the next word is a typical sentence starter.
 */
const OTHER_ABBREVIATIONS = new Set([
  'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Jr', 'Sr', 'Esq', 'Plc', 'PLC', 'Cos', 'Assn', 'Dept', 'Univ', 'Intl',
  'etc', 'al', 'Ph', 'Calif', 'Conn', 'Colo', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La', 'Md', 'Mass', 'Mich',
  'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis',
  'Wyo', 'Ariz', 'Ark', 'Del', 'Ala', 'Ida', 'Dak', 'est', 'min', 'max', 'pp', 'ft', 'oz', 'lb',
  'lbs', 'yr', 'yrs', 'mos', 'hr', 'hrs', 'ed', 'eds', 'Govt', 'Ref', 'Tel', 'tel',
]);

/** Abbreviations that are ordinary words when not followed by a number ("No. 5" vs "He said no."). */
const NUMBER_ABBREVIATIONS = new Set(['No', 'Nos', 'Art', 'art', 'Fig', 'fig', 'Vol', 'vol', 'Ch', 'ch', 'Sec', 'Op', 'Pt', 'pp', 'Rt']);

/**
 * Words that usually start a sentence; after an abbreviation that can also end one ("U.S.", "Inc.", "p.m.") a
 * period is a sentence break only before one of these, because a following capitalised name is far more often part
 * of the same sentence ("the U.S. Senate", "at 9 a.m. Monday").
 */
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'Here',
  'But', 'And', 'Or', 'So', 'Yet', 'However', 'In', 'On', 'At', 'For', 'From', 'With', 'By', 'As', 'If', 'When',
  'While', 'After', 'Before', 'Since', 'Although', 'Though', 'Because', 'Meanwhile', 'Also', 'Still', 'Then', 'Now',
  'Its', 'His', 'Her', 'Their', 'Our', 'My', 'Your', 'What', 'Who', 'Why', 'How', 'Where', 'Which', 'Some', 'Many',
  'Most', 'All', 'No', 'Not', 'One', 'Two', 'Three', 'Both', 'Each', 'Other', 'Such', 'Officials', 'Police', 'Asked',
  'According', 'Last', 'Earlier', 'Later', 'Under', 'Despite', 'Following', 'During', 'Among', 'More', 'Several',
  'Analysts', 'Shares', 'Prices', 'Sales',
]);

// ---------------------------------------------------------------------------------------------------------------
// Character classes (ASCII fast paths; Unicode via a property regex only above 0x7f)

const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;
const UNICODE_UPPER = /\p{Lu}/u;
const UNICODE_LOWER = /\p{Ll}/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isWordCode(text: string, i: number, c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  if (c >= 0xd800 && c <= 0xdfff) return UNICODE_WORD.test(String.fromCodePoint(text.codePointAt(i) ?? c));
  return UNICODE_WORD.test(text[i] ?? '');
}
function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text, i, text.charCodeAt(i));
}
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 ||
    c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x85;
}
function isUpperStart(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UNICODE_UPPER.test(s[0] ?? '');
}
function isLowerStart(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return UNICODE_LOWER.test(s[0] ?? '');
}

const APOSTROPHES = new Set([39, 0x2019]);
/** Clitics split off in PTB style, as in the CoNLL-2003 training data ("Clinton 's", "do n't"). */
const CLITICS = new Set(['s', 'S', 'm', 'M', 'd', 'D', 're', 'RE', 've', 'VE', 'll', 'LL']);

const URL_START = /^(?:https?:\/\/|www\.)/i;
const EMAIL_AT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;
const URL_TRAILING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', '"', "'", '”', '’', ')', ']', '}', '>']);

// ---------------------------------------------------------------------------------------------------------------
// Token scanner

interface ScanResult {
  tokens: Token[];
  /** Per token: a blank line ("\n\n", possibly with spaces between) precedes it. */
  blockBreakBefore: boolean[];
  /** Per token: whitespace separates it from the previous token. */
  spaceBefore: boolean[];
}

function scanTokens(text: string): ScanResult {
  const tokens: Token[] = [];
  const blockBreakBefore: boolean[] = [];
  const spaceBefore: boolean[] = [];
  const n = text.length;
  let i = 0;
  let newlines = 0;
  let sawSpace = false;
  const push = (start: number, end: number): void => {
    tokens.push({ start, end, text: text.slice(start, end) });
    blockBreakBefore.push(newlines >= 2);
    spaceBefore.push(sawSpace);
    newlines = 0;
    sawSpace = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (c === 10) newlines++;
      sawSpace = true;
      i++;
      continue;
    }
    const end = scanOne(text, i, c);
    push(i, end);
    i = end;
  }
  return { tokens, blockBreakBefore, spaceBefore };
}

/** End offset of the token starting at `i` (first code unit `c`). Always > i. */
function scanOne(text: string, i: number, c: number): number {
  const n = text.length;
  // URLs: everything up to whitespace, minus trailing sentence punctuation.
  if ((c === 104 || c === 72 || c === 119 || c === 87) && URL_START.test(text.slice(i, i + 8))) {
    let j = i;
    while (j < n && !isSpaceCode(text.charCodeAt(j))) j++;
    while (j > i + 1 && URL_TRAILING_PUNCT.has(text[j - 1] ?? '')) {
      // keep a closing parenthesis that matches one inside the URL (Wikipedia links)
      if (text[j - 1] === ')' && countChar(text, i, j - 1, '(') > countChar(text, i, j - 1, ')')) break;
      j--;
    }
    return j;
  }
  // @handles and #hashtags (not inside a word, so "AT&T" or e-mails are not affected).
  if ((c === 64 || c === 35) && isWordAt(text, i + 1) && !isWordAt(text, i - 1)) {
    let j = i + 1;
    while (j < n && (isWordAt(text, j) || text.charCodeAt(j) === 95)) j++;
    return j;
  }
  if (isWordCode(text, i, c)) return scanWord(text, i);
  // Punctuation runs that form one token.
  if (c === 46) return runOf(text, i, 46) >= 2 ? i + runOf(text, i, 46) : i + 1; // "..." ellipsis
  if (c === 45) return runOf(text, i, 45) >= 2 ? i + runOf(text, i, 45) : i + 1; // "--" dash
  if (c === 96 && text.charCodeAt(i + 1) === 96) return i + 2; // `` (PTB open quote)
  if (c === 39 && text.charCodeAt(i + 1) === 39) return i + 2; // '' (PTB close quote)
  // Clitic at token start ("'s" after a split word, or "n't").
  if (APOSTROPHES.has(c)) {
    const len = cliticLength(text, i + 1);
    if (len > 0 && isWordAt(text, i - 1)) return i + 1 + len;
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) return i + 2; // one astral code point (emoji)
  return i + 1;
}

function countChar(text: string, from: number, to: number, ch: string): number {
  let k = 0;
  for (let j = from; j < to; j++) if (text[j] === ch) k++;
  return k;
}

function runOf(text: string, i: number, code: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) === code) j++;
  return j - i;
}

/** Length of a clitic ("s", "re", "ll"…) starting at `i` and followed by a non-word character, else 0. */
function cliticLength(text: string, i: number): number {
  for (const len of [1, 2]) {
    if (CLITICS.has(text.slice(i, i + len)) && !isWordAt(text, i + len)) return len;
  }
  return 0;
}

/** Scan a word/number starting at `i`, including its internal joiners and an abbreviation's final period. */
function scanWord(text: string, start: number): number {
  const n = text.length;
  let j = start;
  for (;;) {
    while (j < n && isWordCode(text, j, text.charCodeAt(j))) j++;
    if (j >= n) break;
    const c = text.charCodeAt(j);
    const nextIsWord = isWordAt(text, j + 1);
    if (!nextIsWord) break;
    const prev = text.charCodeAt(j - 1);
    const next = text.charCodeAt(j + 1);
    if (c === 45 || c === 0x2011) { j++; continue; } // hyphenated words, ISO dates
    if (c === 46 || c === 47 || c === 95) { j++; continue; } // 3.5, U.S, example.com, 24/7, snake_case
    if ((c === 44) && isDigit(prev) && isDigit(next) && isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3)) &&
      !isDigit(text.charCodeAt(j + 4))) { j++; continue; } // 1,000 thousands separator: exactly three digits follow
    if (c === 58 && isDigit(prev) && isDigit(next)) { j++; continue; } // 10:30
    if (c === 38 && isUpperCode(prev) && isUpperCode(next)) { j++; continue; } // AT&T, S&P
    if (APOSTROPHES.has(c)) {
      // "don't" -> "do" + "n't"
      if ((next === 116 || next === 84) && (prev === 110 || prev === 78) && !isWordAt(text, j + 2) && j - 1 > start) {
        return j - 1;
      }
      if (cliticLength(text, j + 1) > 0) return j; // "Clinton's" -> "Clinton" + "'s"
      j++; // O'Brien, d'Alema
      continue;
    }
    break;
  }
  // e-mail: the word so far is the local part
  if (text.charCodeAt(j) === 64) {
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(text);
    if (m) return start + m[0].length;
  }
  if (text.charCodeAt(j) === 46 && takesFinalPeriod(text, start, j)) return j + 1;
  return j;
}

function isUpperCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Does the word text[start, end) keep the period that follows it? */
function takesFinalPeriod(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (word.length === 1) return isAsciiLetter(word.charCodeAt(0)) || isUpperStart(word); // initials "J. R. Smith"
  if (word.includes('.')) {
    // acronyms with internal periods (U.S, a.m, e.g, Ph.D): every segment one or two letters
    const parts = word.split('.');
    return parts.every((p) => p.length >= 1 && p.length <= 2 && /^[A-Za-z]+$/.test(p));
  }
  if (NUMBER_ABBREVIATIONS.has(word)) return nextNonSpaceIsDigit(text, end + 1);
  return TITLE_ABBREVIATIONS.has(word) || OTHER_ABBREVIATIONS.has(word);
}

function nextNonSpaceIsDigit(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  return isDigit(text.charCodeAt(j));
}

// ---------------------------------------------------------------------------------------------------------------
// Sentence splitter

/**
 * A quotation left open longer than this is assumed to be a stray or multi-paragraph quote mark, and the sentence
 * breaks inside it are kept; shorter quotations are never split ("We will. We must," she said → one sentence).
 */
const MAX_UNSPLIT_QUOTE_TOKENS = 80;

/** Datelines are at most this many tokens before their dash ("WASHINGTON, March 12 (Reuters) -"). */
const MAX_DATELINE_TOKENS = 10;

const DASHES = new Set(['-', '--', '—', '–', '―']);
const OPEN_DOUBLE_QUOTES = new Set(['“', '„', '«', '``']);
const CLOSE_DOUBLE_QUOTES = new Set(['”', '»', "''"]);
const CLOSERS = new Set([')', ']', '}', '’', "'"]);
const MONTHS = new Set(['Jan', 'Jan.', 'January', 'Feb', 'Feb.', 'February', 'March', 'Mar.', 'April', 'Apr.', 'May', 'June',
  'July', 'Aug.', 'August', 'Sept.', 'Sep.', 'September', 'Oct.', 'October', 'Nov.', 'November', 'Dec.', 'December']);

type Terminal = 'strong' | 'period' | 'ellipsis' | 'abbrev' | 'none';

function terminalKind(tok: string): Terminal {
  if (tok === '.') return 'period';
  if (tok === '!' || tok === '?' || tok === '?!' || tok === '!?') return 'strong';
  if (tok === '…' || /^\.{2,}$/.test(tok)) return 'ellipsis';
  if (tok.length > 1 && tok.charCodeAt(tok.length - 1) === 46) {
    const word = tok.slice(0, -1);
    if (TITLE_ABBREVIATIONS.has(word) && !OTHER_ABBREVIATIONS.has(word)) return 'none';
    if (word.length === 1 && isUpperStart(word)) return 'none'; // initial
    return 'abbrev';
  }
  return 'none';
}

function startsLikeSentence(tok: string): boolean {
  if (isLowerStart(tok)) return false;
  return true; // capitals, digits, opening quotes and brackets, symbols
}

export function tokenize(text: string): Tokenized {
  const { tokens, blockBreakBefore, spaceBefore } = scanTokens(text);
  const sentences: Sentence[] = [];
  const n = tokens.length;
  let sentStart = 0;
  const close = (end: number): void => {
    if (end <= sentStart) return;
    const first = tokens[sentStart];
    const last = tokens[end - 1];
    if (first && last) sentences.push({ start: first.start, end: last.end, tokenStart: sentStart, tokenEnd: end });
    sentStart = end;
  };

  let quoteOpenAt = -1; // token index of the open double quote, -1 when none
  let pending: number[] = []; // sentence breaks seen inside the open quote
  const commitPending = (): void => {
    for (const b of pending) close(b);
    pending = [];
  };
  const breakAt = (b: number): void => {
    if (quoteOpenAt >= 0) pending.push(b);
    else close(b);
  };

  let k = 0;
  while (k < n) {
    if (blockBreakBefore[k] && k > 0) {
      commitPending(); // a quote still open at a block break was a stray mark or a multi-paragraph quote
      quoteOpenAt = -1;
      close(k);
    }
    if (k === sentStart && (k === 0 || blockBreakBefore[k])) {
      const dash = datelineDash(tokens, blockBreakBefore, k);
      if (dash >= 0) {
        close(dash + 1);
        k = dash + 1;
        continue;
      }
    }
    const tok = tokens[k]?.text ?? '';
    updateQuote(tok, k);
    const kind = terminalKind(tok);
    if (kind === 'none') {
      k++;
      continue;
    }
    // Closing quotes and brackets glued to the terminal belong to the ending sentence.
    let j = k + 1;
    while (j < n && !blockBreakBefore[j] && !spaceBefore[j] && isCloser(tokens[j]?.text ?? '')) {
      updateQuote(tokens[j]?.text ?? '', j);
      j++;
    }
    if (j < n && !blockBreakBefore[j]) {
      const next = tokens[j]?.text ?? '';
      let isBreak = false;
      if (kind === 'strong' || kind === 'period' || kind === 'ellipsis') isBreak = startsLikeSentence(next);
      else if (kind === 'abbrev') isBreak = SENTENCE_STARTERS.has(next) || (next === '"' || OPEN_DOUBLE_QUOTES.has(next));
      if (isBreak) breakAt(j);
    }
    k = j;
  }
  commitPending();
  close(n);
  return { tokens, sentences };

  function isCloser(t: string): boolean {
    if (CLOSERS.has(t) || CLOSE_DOUBLE_QUOTES.has(t)) return true;
    return t === '"' && quoteOpenAt >= 0;
  }

  function updateQuote(t: string, index: number): void {
    const opens = OPEN_DOUBLE_QUOTES.has(t) || (t === '"' && quoteOpenAt < 0);
    const closes = CLOSE_DOUBLE_QUOTES.has(t) || (t === '"' && quoteOpenAt >= 0);
    if (opens && quoteOpenAt < 0) {
      quoteOpenAt = index;
      pending = [];
    } else if (closes && quoteOpenAt >= 0) {
      if (index - quoteOpenAt > MAX_UNSPLIT_QUOTE_TOKENS) commitPending();
      pending = [];
      quoteOpenAt = -1;
    }
  }
}

/**
 * If a dateline starts at token `k` ("BRUSSELS —", "BRUSSELS (Reuters) -", "WASHINGTON, March 12 (AP) —"), the index of
 * its dash, else -1. A dateline is kept as a sentence of its own, as in the Reuters (CoNLL) training data.
 */
function datelineDash(tokens: readonly Token[], blockBreakBefore: readonly boolean[], k: number): number {
  const first = tokens[k]?.text ?? '';
  if (!isAllCapsWord(first)) return -1;
  let inParen = false;
  for (let j = k + 1; j < tokens.length && j <= k + MAX_DATELINE_TOKENS; j++) {
    if (blockBreakBefore[j]) return -1;
    const t = tokens[j]?.text ?? '';
    if (DASHES.has(t)) return inParen ? -1 : j;
    if (t === '(') { inParen = true; continue; }
    if (t === ')') { inParen = false; continue; }
    if (inParen) continue;
    if (t === ',' || isAllCapsWord(t) || MONTHS.has(t) || /^\d{1,4}$/.test(t) || /^[A-Z]\.(?:[A-Z]\.)+$/.test(t)) continue;
    return -1;
  }
  return -1;
}

function isAllCapsWord(t: string): boolean {
  if (t.length < 2) return false;
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
    else if (c >= 128) {
      const ch = t[i] ?? '';
      if (UNICODE_LOWER.test(ch)) return false;
      if (UNICODE_UPPER.test(ch)) letters++;
    } else if (c !== 46 && c !== 45 && c !== 39) return false;
  }
  return letters >= 2;
}
