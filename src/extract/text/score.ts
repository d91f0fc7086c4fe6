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
/** A shape seen this often with different numbers is a template ("Rating: 9 Votes", "2 days ago"). */
const TEMPLATE_REPEATS = 3;

export function scoreLine(line: TextLine, context: ScoringContext): number {
  const weight = line.weight;
  let score: number;
  if (weight >= LONG_LINE) score = 1 + Math.min(weight, SCORE_LENGTH_CAP) / 150;
  else if (weight >= MEDIUM_LINE) score = line.endsSentence || line.sentenceMarks > 0 ? 0.5 : -0.3;
  else if (weight >= SHORT_LINE) score = line.endsSentence ? 0 : -0.8;
  else score = -1;
  if ((context.keyCounts.get(line.key) ?? 1) > 1) score = Math.min(score, -1);
  if (weight < LONG_LINE && (context.shapeCounts.get(shapeOf(line.key)) ?? 1) >= TEMPLATE_REPEATS) score = Math.min(score, -2);
  if (context.teaserLines.has(line.index)) score = Math.min(score, -1.5);
  if (isBoilerplatePhrase(line)) score = Math.min(score, -3);
  return score;
}

/** The key with digit runs folded, so "Rating: 9 Votes" and "Rating: 36 Votes" share a shape. */
export function shapeOf(key: string): string {
  return key.replace(/\p{N}+/gu, '0');
}

export function countShapes(lines: readonly TextLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
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

export function isBoilerplatePhrase(line: TextLine): boolean {
  if (line.weight > PHRASE_LINE_LIMIT) return false;
  return BOILERPLATE_PHRASE.test(line.content) || RIGHTS_LINE.test(line.content);
}
