/**
 * A light tense reading around an expression: news reports events in the past, so bare calendar names
 * ("Wednesday", "March 3") point backwards unless a future marker governs them ("will meet on Wednesday").
 */

export type Tense = 'past' | 'future' | 'unknown';

/** How far to look either side for the governing verb; sentences in news rarely run longer. */
const WINDOW_CHARS = 160;

const FUTURE_WORDS = new Set([
  'will', "'ll", 'shall', 'wo', "won't", 'would', 'can', 'could', 'may', 'might', 'upcoming', 'scheduled', 'slated', 'due', 'until', 'till',
]);
/** Future only before "to" ("plans to meet"; "the plan" is a noun). */
const FUTURE_BEFORE_TO = new Set(['plans', 'plan', 'planning', 'planned', 'expected', 'expects', 'expect', 'intends', 'intend', 'going', 'set', 'is', 'are', 'likely', 'poised']);
/** A future marker after these is a past plan ("had been scheduled to expire Friday"). */
const PAST_PLAN = new Set(['been', 'was', 'were', 'had']);
const PAST_WORDS = new Set([
  'said', 'was', 'were', 'had', 'did', 'told', 'met', 'took', 'came', 'went', 'made', 'gave', 'got', 'began', 'fell', 'rose',
  'won', 'lost', 'left', 'saw', 'held', 'led', 'sent', 'spent', 'paid', 'sold', 'bought', 'found', 'brought', 'thought',
  'kept', 'felt', 'ran', 'struck', 'quit', 'became', 'grew', 'knew', 'wrote', 'spoke', 'broke', 'chose', 'drove', 'flew',
  'threw', 'shot', 'fought', 'caught', 'taught', 'sought', 'stood', 'understood', 'heard', 'meant', 'built', 'ago', 'last',
  'earlier', 'yesterday', 'previously', 'ended', 'closed',
]);
/** Past forms that are never participles, and time words: past whatever precedes them. */
const FINITE_PAST = new Set(['was', 'were', 'did', 'ago', 'last', 'earlier', 'yesterday', 'previously']);
/** Words before a participle that make it passive or perfect rather than simple past ("will be released"). */
const AUX_BEFORE_PARTICIPLE = new Set(['be', 'been', 'being', 'to', 'will', 'would', "'ll", 'is', 'are', 'not', 'get']);

/** "the reduced dividend": a participle after a determiner is an adjective, not a past verb. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'our', 'your', 'my']);

const SENTENCE_END = /[.!?]["'”’)]*\s+(?=["'“‘(]?[A-Z])|\n\s*\n/g;

function words(segment: string): string[] {
  return segment.toLowerCase().match(/'ll|[a-z]+(?:'[a-z]+)?/g) ?? [];
}

function classify(ws: string[], i: number): Tense {
  const w = ws[i] ?? '';
  const future = FUTURE_WORDS.has(w) || (FUTURE_BEFORE_TO.has(w) && ws[i + 1] === 'to');
  if (future) return PAST_PLAN.has(ws[i - 1] ?? '') ? 'past' : 'future';
  // "to be paid", "will be held": an irregular participle after an auxiliary is no past tense of its own.
  if (PAST_WORDS.has(w)) return FINITE_PAST.has(w) || !AUX_BEFORE_PARTICIPLE.has(ws[i - 1] ?? '') ? 'past' : 'unknown';
  if (w.length > 3 && w.endsWith('ed') && !AUX_BEFORE_PARTICIPLE.has(ws[i - 1] ?? '') && !DETERMINERS.has(ws[i - 1] ?? '')) return 'past';
  return 'unknown';
}

/** The sentence bounds around [start, end), clipped to the window. */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const from = Math.max(0, start - WINDOW_CHARS);
  const to = Math.min(text.length, end + WINDOW_CHARS);
  let left = from;
  let right = to;
  const before = text.slice(from, start);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(before); m; m = SENTENCE_END.exec(before)) left = from + m.index + m[0].length;
  const after = text.slice(end, to);
  SENTENCE_END.lastIndex = 0;
  const m = SENTENCE_END.exec(after);
  if (m) right = end + m.index + 1;
  return [left, right];
}

/** The tense of the nearest verb-like marker before the expression, else after it, in the same sentence. */
export function tenseAround(text: string, start: number, end: number): Tense {
  const [left, right] = sentenceBounds(text, start, end);
  const before = words(text.slice(left, start));
  for (let i = before.length - 1; i >= 0; i--) {
    const t = classify(before, i);
    if (t !== 'unknown') return t;
  }
  const after = words(text.slice(end, right));
  for (let i = 0; i < after.length; i++) {
    const t = classify(after, i);
    if (t !== 'unknown') return t;
  }
  return 'unknown';
}
