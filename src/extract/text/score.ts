/**
 * Per-line prose scores. Positive: reads like article prose (long, punctuated,
 * unique in the page). Negative: reads like chrome (short, repeated, built from a
 * template that recurs with other numbers, a known boilerplate phrase, part of a
 * teaser list).
 */
import type { TextLine } from './lines.js';

export interface ScoringContext {
  /** Occurrences of each exact line key in the page. */
  readonly keyCounts: ReadonlyMap<string, number>;
  /** Occurrences of each line shape (digits folded) in the page. */
  readonly shapeCounts: ReadonlyMap<string, number>;
  /** Lines recognised as the snippet or headline of a teaser list. */
  readonly teaserLines: ReadonlySet<number>;
}

/** A line this long (CJK-weighted characters) is prose unless something else says otherwise. */
export const LONG_LINE = 100;
/** Medium lines are prose only when punctuated like a sentence. */
export const MEDIUM_LINE = 50;
/** Shorter than this, a line is a label: menu item, button, byline, date. */
export const SHORT_LINE = 25;
/** Past this length a paragraph earns no more: one huge paragraph must not drag in the chrome around it. */
const SCORE_LENGTH_CAP = 600;
/**
 * Menus are groups of 1-3 word labels; lists inside articles (tour dates, specs,
 * steps) have longer items. A group of short lines averaging this weight is let
 * through at a small cost, so the body can run across it.
 */
const LIST_ITEM_WEIGHT = 35;
const LIST_MINIMUM_ITEMS = 3;
const LIST_ITEM_SCORE = -0.5;
/** A shape seen this often with different numbers is a template ("Rating: 9 Votes", "2 days ago"). */
const TEMPLATE_REPEATS = 3;

export function scoreLine(line: TextLine, context: ScoringContext): number {
  const weight = line.weight;
  let score: number;
  if (weight >= LONG_LINE) score = 1 + Math.min(weight, SCORE_LENGTH_CAP) / 150;
  else if (weight >= MEDIUM_LINE) score = line.endsSentence || line.sentenceMarks > 0 ? 0.5 : -0.3;
  else if (weight >= SHORT_LINE) score = line.endsSentence ? 0 : -0.8;
  else score = -1;
  const inList = line.groupSize >= LIST_MINIMUM_ITEMS && line.groupMeanWeight >= LIST_ITEM_WEIGHT;
  if (weight < MEDIUM_LINE && inList) score = LIST_ITEM_SCORE;
  if ((context.keyCounts.get(line.key) ?? 1) > 1) score = Math.min(score, -1);
  if (weight < LONG_LINE && (context.shapeCounts.get(shapeOf(line.key)) ?? 1) >= TEMPLATE_REPEATS) score = Math.min(score, -2);
  if (context.teaserLines.has(line.index)) score = Math.min(score, -1.5);
  if (isOtherStoriesMarker(line)) {
    // Recurring, it heads boxes inserted between paragraphs rather than the list closing the page.
    score = Math.min(score, (context.keyCounts.get(line.key) ?? 1) > 1 ? INLINE_BOX_SCORE : OTHER_STORIES_SCORE);
  }
  else if (isBoilerplatePhrase(line)) score = Math.min(score, -3);
  if (weight < LONG_LINE && !line.endsSentence && !inList && DATE_LIKE.test(line.content)) score = Math.min(score, -2);
  return score;
}

/** The key with digit runs folded, so "Rating: 9 Votes" and "Rating: 36 Votes" share a shape. */
export function shapeOf(key: string): string {
  return key.replace(/\p{N}+/gu, '0');
}

export function countShapes(lines: readonly TextLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.weight >= LONG_LINE) continue; // only short lines are judged by their shape
    const shape = shapeOf(line.key);
    if (shape === line.key) continue;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return counts;
}

/**
 * Chrome phrases, checked only on short lines so an article sentence that mentions
 * "newsletter" is not punished. English first, with the commonest European forms.
 */
const BOILERPLATE_PHRASE =
  /^(?:share(?: this| on| article|s)?\b|tweet\b|comments?\b|\d+ comments?\b|leave a (?:comment|reply)|post a comment|add a comment|related\b|more from\b|more stories|read more|read next|see also|you may (?:also )?like|recommended|trending|most (?:read|popular|viewed|shared)|popular\b|latest (?:news|stories|headlines)|top stories|sign up|subscribe|newsletter|follow us|advertisement|advert\b|sponsored|tags?:|filed under|topics?:|categories?:|posted in|cookie|we use cookies|this (?:site|website) uses cookies|accept\b|privacy policy|terms of (?:use|service)|all rights reserved|copyright|\u00a9|skip to|back to top|print\b|email\b|next (?:post|article)|previous (?:post|article)|teilen|kommentar|weitere artikel|mehr zum thema|partager|commentaires?|articles? similaires|compartir|comentarios?|noticias relacionadas|condividi|commenti|articoli correlati|compartilhe|coment[aá]rios|leia tamb[eé]m|artigos relacionados)/iu;
/** A copyright or rights line is chrome wherever it appears. */
const RIGHTS_LINE = /\u00a9|\(c\) ?\d{4}|all rights reserved|copyright \d{4}/iu;
const PHRASE_LINE_LIMIT = 80;
/** An image caption ends with its credit: "… (Photo: Dispatch archive)", "… Photo: AP", "… (Reuters/Jane Doe)". */
const CAPTION_CREDIT = /(?:\((?:photo|picture|image|foto|credit|source)s?(?: by)?:? [^)]{1,60}\)|\b(?:photo|picture|image|foto)s?(?: by)?: [^.]{1,60}|\((?:AP|AFP|Reuters|Getty Images|EPA)(?:\/[^)]{1,40})?\))\s*$/iu;
/** Captions are a sentence or two; a long paragraph ending in a credit is still prose. */
const CAPTION_LINE_LIMIT = 200;
/** Rights notices are one or two sentences; longer lines mentioning copyright are prose. */
const RIGHTS_LINE_LIMIT = 400;
/** A clock time or a day-month-year: short lines carrying one are datelines of posts, comments or teasers. */
const DATE_LIKE =
  /\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}\.? (?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-z]*\.? \d{4}\b|\b\d+ (?:minutes?|hours?|days?|weeks?|months?) ago\b/iu;

/**
 * Lines that open the discussion under an article ("Comments", "Leave a reply",
 * "Posted in", "Tags:", "About the author"). They practically never occur inside
 * an article, so the body never runs across one.
 */
const DISCUSSION_MARKER =
  /^(?:\d+ )?(?:comments?|responses?|replies|reactions|kommentare|commentaires|comentarios|commenti|coment[aá]rios)\b|^(?:leave a (?:comment|reply)|post a comment|add a comment|join the discussion|show comments|view comments|tags?:|filed under|posted in|about the author)/iu;
/**
 * Headings of lists of other stories ("Related", "More from", "Most read"). These
 * also appear as boxes inside an article, so crossing one is costly, not forbidden.
 */
const OTHER_STORIES_MARKER =
  /^(?:related(?: articles| posts| stories| news| topics| content| coverage)?:?$|more from|more stories|more in\b|you may (?:also )?like|you might (?:also )?like|recommended(?: for you| stories)?$|most (?:read|popular|viewed|shared)|popular (?:posts|stories|now)|latest (?:news|stories|headlines|posts)|top stories|read next|see also:?$|weitere artikel|mehr zum thema|articles? similaires|noticias relacionadas|articoli correlati|artigos relacionados|leia tamb[eé]m)/iu;
/** Deep enough that a teaser block cannot pay it back, shallow enough for a long article to bridge. */
const OTHER_STORIES_SCORE = -8;
const INLINE_BOX_SCORE = -3;

/** The body never extends across this line. */
export function isDiscussionMarker(line: TextLine): boolean {
  return line.weight <= PHRASE_LINE_LIMIT && DISCUSSION_MARKER.test(line.content);
}

export function isOtherStoriesMarker(line: TextLine): boolean {
  return line.weight <= PHRASE_LINE_LIMIT && OTHER_STORIES_MARKER.test(line.content);
}

export function isBoilerplatePhrase(line: TextLine): boolean {
  if (line.weight <= RIGHTS_LINE_LIMIT && RIGHTS_LINE.test(line.content)) return true;
  if (line.weight <= CAPTION_LINE_LIMIT && CAPTION_CREDIT.test(line.content)) return true;
  if (line.weight > PHRASE_LINE_LIMIT) return false;
  return BOILERPLATE_PHRASE.test(line.content);
}
