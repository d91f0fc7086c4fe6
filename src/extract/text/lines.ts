/**
 * Line segmentation and per-line features for flattened-text extraction.
 *
 * A flattened page keeps one menu item, headline or paragraph per line; blank lines
 * mark where the flattener saw a paragraph-level break. Everything later works on
 * these lines, so this module is the only one that looks at raw characters.
 */

/** One non-blank input line, trimmed, with the features the classifier needs. */
export interface TextLine {
  /** Position among the non-blank lines. */
  readonly index: number;
  /** Offsets of the trimmed line in the input: `input.slice(start, end) === raw`. */
  readonly start: number;
  readonly end: number;
  /** The trimmed line exactly as in the input. */
  readonly raw: string;
  /** `raw` without Markdown heading or list marks (still an exact substring of the input). */
  readonly content: string;
  readonly contentStart: number;
  /** 1-6 for an ATX Markdown heading (`## Title`), 0 otherwise. */
  readonly headingLevel: number;
  /** A Markdown list item (`- item`, `* item`, `1. item`). */
  readonly listItem: boolean;
  /** A blank line (or the start / end of input) precedes / follows this line. */
  readonly blankBefore: boolean;
  readonly blankAfter: boolean;
  /** Length with CJK characters weighted up, so a Korean sentence counts like an English one. */
  readonly weight: number;
  readonly words: number;
  /** Sentence-final punctuation marks followed by a space or the end of the line. */
  readonly sentenceMarks: number;
  /** The line ends like a sentence (`.`, `!`, `?`, `。`, optionally followed by a closing quote). */
  readonly endsSentence: boolean;
  /** Share of words that start with an upper-case letter (menus and headlines are title-cased). */
  readonly capitalisedShare: number;
  /** Normalised form used to find lines that recur in the page. */
  readonly key: string;
}

/**
 * A CJK character carries about as much text as 2-3 Latin letters; weighting keeps
 * length thresholds meaningful across scripts without per-language tuning.
 */
const CJK_CHARACTER_WEIGHT = 2.5;
const CJK_CHARACTER = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]/u;
const SENTENCE_END = /[.!?\u3002\uff01\uff1f\u2026\u0964\u061f][\s"'\u201d\u2019\u00bb)\]]*$/u;
const SENTENCE_MARK = /[.!?\u3002\uff01\uff1f\u0964\u061f](?=[\s"'\u201d\u2019\u00bb)\]]|$)|[\u3002\uff01\uff1f]/gu;
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
const MARKDOWN_LIST_ITEM = /^(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+(?=\S)/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019._-]*/gu;
const UPPER_START = /^\p{Lu}/u;

/** Split `input` into its non-blank lines with features. Linear in the input length. */
export function segmentLines(input: string): TextLine[] {
  const lines: TextLine[] = [];
  let position = 0;
  let previousWasBlank = true;
  const length = input.length;
  while (position <= length) {
    let lineEnd = input.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = length;
    let start = position;
    let end = lineEnd;
    while (start < end && isSpace(input.charCodeAt(start))) start++;
    while (end > start && isSpace(input.charCodeAt(end - 1))) end--;
    if (start === end) {
      previousWasBlank = true;
      const last = lines[lines.length - 1];
      if (last !== undefined && !last.blankAfter) lines[lines.length - 1] = { ...last, blankAfter: true };
    } else {
      lines.push(describeLine(input.slice(start, end), start, lines.length, previousWasBlank));
      previousWasBlank = false;
    }
    position = lineEnd + 1;
  }
  const last = lines[lines.length - 1];
  if (last !== undefined && !last.blankAfter) lines[lines.length - 1] = { ...last, blankAfter: true };
  return lines;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff || code === 0x3000 || (code >= 0x2000 && code <= 0x200b);
}

function describeLine(raw: string, start: number, index: number, blankBefore: boolean): TextLine {
  let content = raw;
  let contentOffset = 0;
  let headingLevel = 0;
  let listItem = false;
  const heading = MARKDOWN_HEADING.exec(raw);
  if (heading !== null && heading[2] !== undefined && heading[2].length > 0 && heading[1] !== undefined) {
    headingLevel = heading[1].length;
    content = heading[2];
    contentOffset = raw.indexOf(content, heading[1].length);
  } else {
    const list = MARKDOWN_LIST_ITEM.exec(raw);
    if (list !== null) {
      listItem = true;
      contentOffset = list[0].length;
      content = raw.slice(contentOffset);
    }
  }
  let weight = 0;
  for (const character of content) weight += CJK_CHARACTER.test(character) ? CJK_CHARACTER_WEIGHT : 1;
  let words = 0;
  let capitalised = 0;
  for (const match of content.matchAll(WORD)) {
    words++;
    if (UPPER_START.test(match[0])) capitalised++;
  }
  SENTENCE_MARK.lastIndex = 0;
  const sentenceMarks = content.match(SENTENCE_MARK)?.length ?? 0;
  return {
    index,
    start,
    end: start + raw.length,
    raw,
    content,
    contentStart: start + contentOffset,
    headingLevel,
    listItem,
    blankBefore,
    blankAfter: false,
    weight,
    words,
    sentenceMarks,
    endsSentence: SENTENCE_END.test(content),
    capitalisedShare: words === 0 ? 0 : capitalised / words,
    key: normaliseKey(content),
  };
}

/** Case- and space-insensitive key; digits are kept so "1" and "2" list numbers stay distinct. */
export function normaliseKey(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** How many times each line key occurs in the page. */
export function countKeys(lines: readonly TextLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.key, (counts.get(line.key) ?? 0) + 1);
  return counts;
}
