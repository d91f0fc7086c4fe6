/**
 * Finding the headline line. A flattened page usually starts with its <title>
 * ("Headline | Outlet") and prints the headline again just above the article, often
 * twice; a feed may also tell us the title. Each occurrence is an anchor: the body
 * starts a few lines below one of them.
 */
import type { TextLine } from './lines.js';

/** Separators between a headline and the outlet name in a page title. */
const TITLE_SEPARATOR = /\s+(?:[|\u2013\u2014\u00bb\u00b7\u2022:~\/-]|::)\s+/u;
/** A headline shorter than this (after normalising) matches too many menu labels. */
const MINIMUM_TITLE_LENGTH = 12;
/**
 * A headline printed twice is often separated by a section label or a share line
 * ("Headline / World / Headline"): a repeat this many lines later still counts.
 */
const REPEAT_WINDOW = 4;
/** Longer lines are paragraphs; not normalising them keeps huge inputs cheap. */
const MAXIMUM_TITLE_LENGTH = 400;

/** Loose comparison key: case, punctuation and typographic quotes do not matter. */
export function titleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface TitleCandidate {
  readonly index: number;
  /** How the line was recognised, strongest first. */
  readonly reason: 'hint' | 'page-title' | 'printed-twice';
}

/** Candidate headline lines in document order (the page's first line itself excluded). */
export function findTitleCandidates(lines: readonly TextLine[], hintTitle: string | undefined): TitleCandidate[] {
  const candidates = new Map<number, TitleCandidate['reason']>();
  const hintKey = hintTitle === undefined ? '' : titleKey(hintTitle);
  const first = lines[0];
  const pageTitleKeys = new Set<string>();
  if (first !== undefined && first.content.length <= MAXIMUM_TITLE_LENGTH) {
    pageTitleKeys.add(titleKey(first.content));
    for (const part of first.content.split(TITLE_SEPARATOR)) {
      const key = titleKey(part);
      if (key.length >= MINIMUM_TITLE_LENGTH) pageTitleKeys.add(key);
    }
  }
  const firstKey = first === undefined || first.content.length > MAXIMUM_TITLE_LENGTH ? '' : titleKey(first.content);
  let previousKey = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const key = line === undefined || line.content.length > MAXIMUM_TITLE_LENGTH ? '' : titleKey(line.content);
    const printedTwice = key === previousKey;
    previousKey = key;
    if (line === undefined || key.length < MINIMUM_TITLE_LENGTH) continue;
    if (hintKey.length >= MINIMUM_TITLE_LENGTH && (key === hintKey || (key.length >= hintKey.length / 2 && hintKey.startsWith(key)))) {
      candidates.set(index, 'hint');
    } else if (index > 0 && (pageTitleKeys.has(key) || (key.length >= firstKey.length / 2 && firstKey.startsWith(key)))) {
      candidates.set(index, 'page-title');
    } else if (index > 0 && printedTwice) {
      candidates.set(index, 'printed-twice');
    }
  }
  return [...candidates].map(([index, reason]) => ({ index, reason }));
}

/** The headline part of a page title: "Headline | Outlet" → "Headline" (the longest part). */
export function headlineOfPageTitle(pageTitle: string): string {
  let best = pageTitle;
  const parts = pageTitle.split(TITLE_SEPARATOR);
  if (parts.length > 1) {
    best = parts.reduce((longest, part) => (part.trim().length > longest.trim().length ? part : longest), '').trim();
  }
  return best;
}


/**
 * The headline for metadata when no anchor was found: the last line above the body that
 * is printed again within a few lines ("Headline / World / Headline"). Used for the title
 * only; as a body anchor it would also catch repeated menu labels.
 */
export function findRepeatedHeadline(lines: readonly TextLine[], bodyStart: number): number | undefined {
  let found: number | undefined;
  for (let index = 0; index < bodyStart; index++) {
    const line = lines[index];
    if (line === undefined || line.content.length > MAXIMUM_TITLE_LENGTH) continue;
    const key = titleKey(line.content);
    if (key.length < MINIMUM_TITLE_LENGTH) continue;
    for (let back = Math.max(0, index - REPEAT_WINDOW); back < index; back++) {
      const earlier = lines[back];
      if (earlier !== undefined && earlier.content.length <= MAXIMUM_TITLE_LENGTH && titleKey(earlier.content) === key) found = index;
    }
  }
  return found;
}
