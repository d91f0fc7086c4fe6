/**
 * Direct-quote detection at character level: pairs double quotation marks (straight, curly, guillemets, and the
 * doubled apostrophe some newspapers use) inside paragraphs, and joins the paragraphs of a quote that runs on
 * (an opening mark at the start of a paragraph without a closing one continues when the next paragraph opens
 * with a quotation mark again, as news style does).
 */

export interface QuotedSegment {
  /** Offset of the opening mark. */
  readonly start: number;
  /** Offset after the closing mark (or after the last paragraph's text when the quote was never closed). */
  readonly end: number;
  /** False when the quote ran to the end of its paragraph without a closing mark. */
  readonly closed: boolean;
  /** True when the quote runs over more than one paragraph. */
  readonly multiParagraph: boolean;
}

type MarkKind = 'open' | 'close' | 'either';

interface Mark {
  readonly pos: number;
  readonly len: number;
  readonly kind: MarkKind;
}

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);

/** Characters after which an ambiguous straight quote opens rather than closes. */
function opensAfter(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013\-/:;,]/.test(ch) || OPENING.has(ch);
}

const MARK_CHARS = /["“”«»„]|''/g;

function marksOf(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  MARK_CHARS.lastIndex = from;
  for (let m = MARK_CHARS.exec(text); m !== null && m.index < to; m = MARK_CHARS.exec(text)) {
    const i = m.index;
    const ch = m[0];
    // A curly mark the wrong way round is read by where it stands: “ after a word or punctuation and before a space
    // closes (“…,“ said Marlow), ” after a space and before a letter opens.
    const before = i > from ? text[i - 1] : undefined;
    const after = text[i + 1];
    if (ch === '“' && before !== undefined && /[\p{L}\p{N},.!?]/u.test(before) && (after === undefined || /\s/.test(after))) {
      marks.push({ pos: i, len: 1, kind: 'close' });
    } else if (ch === '”' && (before === undefined || /\s/.test(before)) && after !== undefined && /\p{L}/u.test(after)) {
      marks.push({ pos: i, len: 1, kind: 'open' });
    } else if (OPENING.has(ch)) marks.push({ pos: i, len: 1, kind: 'open' });
    else if (CLOSING.has(ch)) marks.push({ pos: i, len: 1, kind: 'close' });
    else {
      const len = ch.length;
      const after2 = text[i + len];
      let kind: MarkKind = 'either';
      if (opensAfter(before) && after2 !== undefined && !/\s/.test(after2)) kind = 'open';
      else if (!opensAfter(before)) kind = 'close';
      marks.push({ pos: i, len, kind });
    }
  }
  return marks;
}

/** Is the mark at `pos` a straight one (" or '')? */
function isStraightAt(text: string, pos: number): boolean {
  return text[pos] === '"' || text[pos] === "'";
}

/**
 * A line break inside a sentence, as hard-wrapped text has it ("… to participate personally\nin caucuses …"): a single
 * break after a word or a comma, with a lower-case word next. A new paragraph never starts in lower case.
 */
function isSoftWrap(text: string, nl: number): boolean {
  return /[\p{Ll},;]/u.test(text[nl - 1] ?? '') && /\p{Ll}/u.test(text[nl + 1] ?? '');
}

/**
 * Paragraph ranges: text between line breaks, trimmed of surrounding whitespace; empty lines skipped; a soft wrap
 * inside a sentence does not end its paragraph.
 */
export function paragraphsOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    let nl = text.indexOf('\n', i);
    while (nl >= 0 && isSoftWrap(text, nl)) nl = text.indexOf('\n', nl + 1);
    if (nl < 0) nl = text.length;
    let s = i;
    let e = nl;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
    i = nl + 1;
  }
  return out;
}

/** Does the mark at `pos` open a sentence: after a full stop, question or exclamation mark (and a closing mark)? */
function opensSentence(text: string, paraStart: number, pos: number): boolean {
  return /[.!?]["”»]?\s+$/.test(text.slice(Math.max(paraStart, pos - 4), pos));
}

interface Paired {
  readonly segments: QuotedSegment[];
  /** Where a quote still open at the paragraph's end opened (-1: none). */
  readonly open: number;
  readonly openedHere: boolean;
  readonly multi: boolean;
  /** Did an open quote hold nested quotes (or an open nested one) at the paragraph's end? */
  readonly nestedLeft: boolean;
}

/** Do two curly closing marks follow from marks[from] before any other opening one (an inner quote, then the outer)? */
function closesTwice(text: string, marks: readonly Mark[], from: number): boolean {
  let closes = 0;
  for (let k = from; k < marks.length; k++) {
    const m = marks[k] as Mark;
    if (m.kind === 'open' || isStraightAt(text, m.pos)) return false;
    if (++closes === 2) return true;
  }
  return false;
}

/** Pair one paragraph's marks, from a quote carried in (`open` ≥ 0) or none. */
function pairMarks(text: string, marks: readonly Mark[], open: number, openedHere: boolean, multi: boolean, nesting: boolean): Paired {
  const segments: QuotedSegment[] = [];
  let nested = 0;
  let nestedOpen = -1;
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i] as Mark;
    if (open < 0) {
      if (m.kind !== 'close') {
        open = m.pos;
        openedHere = true;
        multi = false;
      }
    } else if (nestedOpen >= 0) {
      if (m.kind !== 'open' && !isStraightAt(text, m.pos)) {
        nested++;
        nestedOpen = -1;
      } else if (m.kind !== 'open') {
        // The outer quote closes with the inner one still open: the inner mark was a stray one.
        segments.push({ start: open, end: m.pos + m.len, closed: true, multiParagraph: multi });
        open = -1;
        nestedOpen = -1;
        nested = 0;
      }
    } else if (nesting && m.kind === 'open' && !isStraightAt(text, m.pos) && (isStraightAt(text, open) || closesTwice(text, marks, i + 1))) {
      // A curly quote inside a straight one, or inside a curly one that closes after it ("“… what he calls “hell” than …”").
      nestedOpen = m.pos;
    } else if (m.kind === 'open') {
      // Two openings in a row: the first was a stray mark; the quote starts again here.
      open = m.pos;
      openedHere = true;
      multi = false;
      nested = 0;
    } else {
      segments.push({ start: open, end: m.pos + m.len, closed: true, multiParagraph: multi });
      open = -1;
      nested = 0;
    }
  }
  return { segments, open, openedHere, multi, nestedLeft: open >= 0 && (nested > 0 || nestedOpen >= 0) };
}

/** All double-quoted segments of `text`, in order, non-overlapping. */
export function findQuotedSegments(text: string): QuotedSegment[] {
  const paragraphs = paragraphsOf(text);
  const out: QuotedSegment[] = [];
  /** Start of a quote left open at the end of the previous paragraph, waiting for its continuation. */
  let carried = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    if (!para) continue;
    const marks = marksOf(text, para.start, para.end);
    const first = marks[0];
    const startsWithOpen = first !== undefined && first.pos === para.start && first.kind !== 'close';
    let open = -1;
    let openedHere = false;
    if (carried >= 0 && startsWithOpen) {
      open = carried;
      carried = -1;
      marks.shift();
    } else if (carried >= 0) {
      // The quote never came back: close it at the end of the paragraph where it opened.
      const prev = paragraphs[p - 1];
      if (prev) out.push({ start: carried, end: prev.end, closed: false, multiParagraph: false });
      carried = -1;
    }
    // Quotes of the other style inside an open one ("… the question: “As you know, …?” Forty-three, yes.") are the
    // outer quote's when it closes in this paragraph; when it never does (a stray mark, or a block quotation left
    // open), the inner ones are quotes of their own, as without nesting.
    let paired = pairMarks(text, marks, open, openedHere, open >= 0, true);
    if (paired.open >= 0 && paired.nestedLeft) paired = pairMarks(text, marks, open, openedHere, open >= 0, false);
    out.push(...paired.segments);
    open = paired.open;
    openedHere = paired.openedHere;
    const multi = paired.multi;
    if (open >= 0) {
      const next = paragraphs[p + 1];
      const nextOpens = next !== undefined && /^["“«„]|^''/.test(text.slice(next.start, next.start + 2));
      const fromParagraphStart = open === para.start || !openedHere;
      // A quote that opens a sentence inside the paragraph ("“A,” she said. “B …" with no closing mark) runs to the
      // paragraph's end; what the next paragraph quotes is a continuation of the attribution, or one of its own.
      const opensSentenceHere = !fromParagraphStart && opensSentence(text, para.start, open) && text[open] !== "'";
      if (nextOpens && fromParagraphStart) carried = open;
      else if (fromParagraphStart || opensSentenceHere) out.push({ start: open, end: para.end, closed: false, multiParagraph: multi });
      // An unmatched mark inside a paragraph is a typo or an inch sign: no quote.
    }
  }
  const last = paragraphs[paragraphs.length - 1];
  if (carried >= 0 && last) out.push({ start: carried, end: last.end, closed: false, multiParagraph: true });
  return out;
}

/** Single-quoted stretches ('…' or ‘…’) inside [from, to): nested quotes inside a double-quoted segment. */
export function findSingleQuoted(text: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    const before = text[i - 1];
    const after = text[i + 1];
    const isOpen = (ch === '‘' || ch === "'") && opensAfter(before) && after !== undefined && /[\p{L}\p{N}]/u.test(after);
    const isClose = (ch === '’' || ch === "'") && before !== undefined && /[\p{L}\p{N}.,!?]/u.test(before) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after));
    if (open < 0 && isOpen) open = i;
    else if (open >= 0 && isClose) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return out;
}
