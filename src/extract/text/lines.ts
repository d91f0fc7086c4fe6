/**
 * Line segmentation and per-line features for flattened-text extraction.
 *
 * A flattened page keeps one menu item, headline or paragraph per line; blank lines
 * mark where the flattener saw a paragraph-level break. A hand-written .txt or .md
 * file may instead wrap a paragraph over several lines: such a group is recognised
 * (each break falls where the next word would not have fitted) and becomes one unit.
 * Everything later works on these units, so this is the only module reading raw
 * characters.
 */

/** One unit of text: a non-blank input line, or a hard-wrapped paragraph. */
export interface TextLine {
  /** Position among the units. */
  readonly index: number;
  /** Offsets in the input: `input.slice(start, end) === raw`. */
  readonly start: number;
  readonly end: number;
  /** The trimmed line (for a wrapped paragraph, its lines with the breaks between them) exactly as in the input. */
  readonly raw: string;
  /** `raw` without Markdown heading or list marks: `input.slice(contentStart, contentStart + content.length) === content`. */
  readonly content: string;
  readonly contentStart: number;
  /** 1-6 for an ATX Markdown heading (`## Title`), 0 otherwise. */
  readonly headingLevel: number;
  /** A Markdown list item (`- item`, `* item`, `1. item`). */
  readonly listItem: boolean;
  /** A hard-wrapped paragraph made of several input lines. */
  readonly wrapped: boolean;
  /** A blank line (or the start / end of input) precedes / follows this unit. */
  readonly blankBefore: boolean;
  readonly blankAfter: boolean;
  /** Length with CJK characters weighted up, so a Korean sentence counts like an English one. */
  readonly weight: number;
  readonly words: number;
  /** Sentence-final punctuation marks followed by a space or the end of the line. */
  readonly sentenceMarks: number;
  /** The unit ends like a sentence (`.`, `!`, `?`, `。`, optionally followed by a closing quote). */
  readonly endsSentence: boolean;
  /** Normalised form used to find lines that recur in the page. */
  readonly key: string;
  /** Units in this unit's blank-separated group, and their mean weight. */
  readonly groupSize: number;
  readonly groupMeanWeight: number;
}

/**
 * A CJK character carries about as much text as 2-3 Latin letters; weighting keeps
 * length thresholds meaningful across scripts without per-language tuning.
 */
const CJK_CHARACTER_WEIGHT = 2.5;
const SENTENCE_END = /[.!?\u3002\uff01\uff1f\u2026\u0964\u061f][\s"'\u201d\u2019\u00bb)\]]*$/u;
const SENTENCE_MARK = /[.!?\u0964\u061f](?=[\s"'\u201d\u2019\u00bb)\]]|$)|[\u3002\uff01\uff1f]/gu;
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
const MARKDOWN_LIST_ITEM = /^(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+(?=\S)/u;
const WORD = /[\p{L}\p{N}]+/gu;
/** Hard wrapping is only recognised at ordinary text widths; narrower groups are lists or verse. */
const MINIMUM_WRAP_WIDTH = 40;
/** Wrapped text wider than this is implausible: such lines are separate paragraphs. */
const MAXIMUM_WRAP_WIDTH = 160;

interface RawLine {
  start: number;
  end: number;
  blankBefore: boolean;
  blankAfter: boolean;
}

/** Split `input` into units with features. Linear in the input length. */
export function segmentLines(input: string): TextLine[] {
  const rawLines = findRawLines(input);
  const units: TextLine[] = [];
  let groupStart = 0;
  for (let index = 0; index < rawLines.length; index++) {
    if (!rawLines[index]?.blankAfter) continue;
    appendGroup(input, rawLines.slice(groupStart, index + 1), units);
    groupStart = index + 1;
  }
  return units;
}

function findRawLines(input: string): RawLine[] {
  const lines: RawLine[] = [];
  let position = 0;
  let previousWasBlank = true;
  while (position <= input.length) {
    let lineEnd = input.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = input.length;
    let start = position;
    let end = lineEnd;
    while (start < end && isSpace(input.charCodeAt(start))) start++;
    while (end > start && isSpace(input.charCodeAt(end - 1))) end--;
    if (start === end) {
      previousWasBlank = true;
      const last = lines[lines.length - 1];
      if (last !== undefined) last.blankAfter = true;
    } else {
      lines.push({ start, end, blankBefore: previousWasBlank, blankAfter: false });
      previousWasBlank = false;
    }
    position = lineEnd + 1;
  }
  const last = lines[lines.length - 1];
  if (last !== undefined) last.blankAfter = true;
  return lines;
}

function appendGroup(input: string, group: readonly RawLine[], units: TextLine[]): void {
  const first = group[0];
  const last = group[group.length - 1];
  if (first === undefined || last === undefined) return;
  const members: TextLine[] = [];
  if (isHardWrapped(input, group)) {
    members.push(describeUnit(input, first.start, last.end, units.length, true, true, true));
  } else {
    for (const line of group) {
      members.push(describeUnit(input, line.start, line.end, units.length + members.length, line.blankBefore, line.blankAfter, false));
    }
  }
  let total = 0;
  for (const member of members) total += member.weight;
  const mean = total / members.length;
  for (const member of members) units.push({ ...member, groupSize: members.length, groupMeanWeight: mean });
}

/**
 * A group is a hard-wrapped paragraph when every break falls where the next word
 * would have overflowed the group's width: the signature of a text wrapped at a
 * fixed column, which menus and headline lists do not have.
 */
function isHardWrapped(input: string, group: readonly RawLine[]): boolean {
  if (group.length < 2) return false;
  let width = 0;
  for (const line of group) width = Math.max(width, line.end - line.start);
  if (width < MINIMUM_WRAP_WIDTH || width > MAXIMUM_WRAP_WIDTH) return false;
  for (let index = 0; index < group.length; index++) {
    const line = group[index];
    if (line === undefined) return false;
    const text = input.slice(line.start, line.end);
    if (MARKDOWN_HEADING.test(text) || (index > 0 && MARKDOWN_LIST_ITEM.test(text))) return false;
    const next = group[index + 1];
    if (next === undefined) break;
    const nextWord = /^\S+/u.exec(input.slice(next.start, Math.min(next.end, next.start + MAXIMUM_WRAP_WIDTH)))?.[0] ?? '';
    if (line.end - line.start + 1 + nextWord.length <= width) return false;
  }
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff || code === 0x3000 || (code >= 0x2000 && code <= 0x200b);
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff66 && code <= 0xff9f)
  );
}

function describeUnit(input: string, start: number, end: number, index: number, blankBefore: boolean, blankAfter: boolean, wrapped: boolean): TextLine {
  const raw = input.slice(start, end);
  let content = raw;
  let contentOffset = 0;
  let headingLevel = 0;
  let listItem = false;
  const heading = wrapped ? null : MARKDOWN_HEADING.exec(raw);
  const headingText = heading?.[2];
  if (heading !== null && heading[1] !== undefined && headingText !== undefined && headingText.length > 0) {
    headingLevel = heading[1].length;
    content = headingText;
    contentOffset = raw.indexOf(headingText, headingLevel);
  } else {
    const list = MARKDOWN_LIST_ITEM.exec(raw);
    if (list !== null) {
      listItem = true;
      contentOffset = list[0].length;
      content = raw.slice(contentOffset);
    }
  }
  let weight = 0;
  for (let position = 0; position < content.length; position++) {
    const code = content.charCodeAt(position);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a surrogate pair: counted with the first
    weight += isCjk(code) ? CJK_CHARACTER_WEIGHT : 1;
  }
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(content) !== null) words++;
  SENTENCE_MARK.lastIndex = 0;
  let sentenceMarks = 0;
  while (SENTENCE_MARK.exec(content) !== null) sentenceMarks++;
  return {
    index,
    start,
    end,
    raw,
    content,
    contentStart: start + contentOffset,
    headingLevel,
    listItem,
    wrapped,
    blankBefore,
    blankAfter,
    weight,
    words,
    sentenceMarks,
    endsSentence: SENTENCE_END.test(content),
    key: normaliseKey(content),
    groupSize: 1,
    groupMeanWeight: weight,
  };
}

const KEY_FOLDING_LIMIT = 1000;

/** Case- and space-insensitive key; typographic quotes folded so "doesn't" and "doesn’t" match. */
export function normaliseKey(text: string): string {
  // Paragraph-length lines recur only as exact copies; folding them would just cost time on huge inputs.
  if (text.length > KEY_FOLDING_LIMIT) return text.toLowerCase();
  return text.toLowerCase().replace(/[\u2018\u2019\u201b`]/gu, "'").replace(/[\u201c\u201d\u201e]/gu, '"').replace(/\s+/gu, ' ');
}

/** How many times each line key occurs in the page. */
export function countKeys(lines: readonly TextLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.key, (counts.get(line.key) ?? 0) + 1);
  return counts;
}
