/**
 * Time-expression recognition and TIMEX3 normalisation for news text, against the article's publication date.
 *
 * Recognition is rule-based (./rules.ts): TimeML's extent conventions, English news idiom ("met on Wednesday" is the
 * latest Wednesday on or before publication; "will meet on Wednesday" the next one), and anaphoric anchoring
 * ("a year earlier" after "the third quarter"). The publication date is always an input, never the clock.
 */
import { parseReferenceDate, type YMD } from './calendar.js';
import { anchorFromValue, publicationAnchor, resolveAgainst, unresolvedValue, type AnchorPoint } from './resolve.js';
import { collectCandidates, type Candidate, type RuleEnv } from './rules.js';
import { tenseAround } from './tense.js';
import type { Granularity, RecognizeContext, RelativeMeaning, TimeExpression } from './types.js';

export type { Direction, Granularity, Holiday, RecognizeContext, RelativeMeaning, ShiftUnit, TimeExpression, TimexType } from './types.js';

/** How far back an anaphoric expression ("the year-ago quarter", "a day later") looks for its anchor, in characters. */
const PREVIOUS_ANCHOR_REACH = 2500;
/** A clock time without a date ("at 10:35 a.m.") takes the day of an expression at most this far back, else publication. */
const CLOCK_ANCHOR_REACH = 600;

/** Picks non-overlapping candidates, longest first (ties: the earlier rule), then orders them by position. */
function selectCandidates(cands: Candidate[]): Candidate[] {
  const order = cands.map((c, i) => ({ c, i })).sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const chosen: Candidate[] = [];
  for (const { c } of order) {
    if (chosen.some((k) => c.start < k.end && k.start < c.end)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** "March 3 to 5": the bare day after a range word is a second date in the same month. */
const RANGE_TAIL = /^(\s*(?:-|–|to|through|until|and)\s*)([0-3]?\d)(?:st|nd|rd|th)?(?![\d:%]|[.,]\d|\s*(?:percent|per cent|[A-Za-z]))/;

function addRangeEnds(text: string, chosen: Candidate[]): Candidate[] {
  const extra: Candidate[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i];
    if (!c || c.rule !== 'date-month-day') continue;
    const m = RANGE_TAIL.exec(text.slice(c.end, c.end + 16));
    if (!m) continue;
    const start = c.end + (m[1] ?? '').length;
    const end = start + (m[2] ?? '').length;
    const next = chosen[i + 1];
    if (next && next.start < end) continue;
    const day = Number(m[2]);
    if (day < 1 || day > 31) continue;
    if (c.value !== undefined) {
      const prefix = c.value.slice(0, 8);
      if (!/^\d{4}-\d{2}-$/.test(prefix)) continue;
      extra.push({ start, end, type: 'DATE', rule: 'date-range-end', granularity: 'day', value: `${prefix}${String(day).padStart(2, '0')}` });
    } else if (c.relative?.month !== undefined && c.relative.day !== undefined) {
      if (day <= c.relative.day) continue;
      extra.push({ start, end, type: 'DATE', rule: 'date-range-end', granularity: 'day', relative: { ...c.relative, day } });
    }
  }
  return extra.length ? [...chosen, ...extra].sort((a, b) => a.start - b.start) : chosen;
}

function matchesGranularity(anchor: AnchorPoint, wanted: Granularity | undefined): boolean {
  if (!wanted) return true;
  if (wanted === 'day') return anchor.granularity === 'day' || anchor.granularity === 'time' || anchor.granularity === 'part-of-day';
  return anchor.granularity === wanted;
}

interface Anchorable {
  index: number;
  start: number;
  point: AnchorPoint;
}

function findPrevious(anchors: Anchorable[], at: number, rel: RelativeMeaning): Anchorable | null {
  const reach = rel.time !== undefined && rel.anchorGranularity === 'day' ? CLOCK_ANCHOR_REACH : PREVIOUS_ANCHOR_REACH;
  for (let i = anchors.length - 1; i >= 0; i--) {
    const a = anchors[i];
    if (!a || at - a.start > reach) break;
    if (matchesGranularity(a.point, rel.anchorGranularity)) return a;
  }
  return null;
}

/** Applies a relative meaning in document context; returns the value and the anchor used. */
function resolveInContext(
  rel: RelativeMeaning,
  at: number,
  anchors: Anchorable[],
  published: YMD | null,
): { value: string; anchor?: TimeExpression['anchor'] } {
  if (rel.anchor === 'previous') {
    const prev = findPrevious(anchors, at, rel);
    if (prev) return { value: resolveAgainst(rel, prev.point), anchor: { timexIndex: prev.index } };
    if (rel.fallback) return resolveInContext(rel.fallback, at, anchors, published);
  }
  if (!published) return { value: unresolvedValue(rel) };
  return { value: resolveAgainst(rel, publicationAnchor(published)), anchor: 'publication' };
}

/**
 * Finds and normalises the time expressions in a text. Offsets are UTF-16 code units into `text`.
 * Without `context.published`, relative expressions keep their meaning in `relative` and an X-placeholder value.
 */
export function recognizeTimeExpressions(text: string, context: RecognizeContext = {}): TimeExpression[] {
  let published: YMD | null = null;
  if (context.published !== undefined) {
    published = parseReferenceDate(context.published);
    if (!published) throw new RangeError(`recognizeTimeExpressions: publication date "${context.published}" is not a YYYY-MM-DD date or ISO timestamp`);
  }
  const env: RuleEnv = { text, tense: (start, end) => tenseAround(text, start, end) };
  let cands = collectCandidates(env);
  if (context.conventions === 'timeml') cands = cands.filter((c) => !c.extension);
  const chosen = addRangeEnds(text, selectCandidates(cands));

  const out: TimeExpression[] = [];
  const anchors: Anchorable[] = [];
  for (const c of chosen) {
    const expr: TimeExpression = {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: c.type,
      value: c.value ?? '',
      granularity: c.granularity,
      certainty: c.value !== undefined ? 'stated' : 'implied',
      rule: c.rule,
    };
    if (c.quant) expr.quant = c.quant;
    if (c.value === undefined && c.relative) {
      const r = resolveInContext(c.relative, c.start, anchors, published);
      expr.value = r.value;
      expr.relative = c.relative;
      if (r.anchor) expr.anchor = r.anchor;
    }
    // A shifted anaphor ("a year earlier") is a comparison point, not the period the text is about: it anchors nothing.
    const comparison = c.relative?.anchor === 'previous' && c.relative.offset !== 0;
    if ((expr.type === 'DATE' || expr.type === 'TIME') && !comparison) {
      const point = anchorFromValue(expr.value);
      if (point) anchors.push({ index: out.length, start: c.start, point });
    }
    out.push(expr);
  }
  return out;
}

/**
 * Resolves an expression kept unresolved (recognised without a publication date) against a publication date.
 * Expressions anchored on an earlier expression are resolved against the publication date or their fallback.
 */
export function resolveTimex(expr: TimeExpression, published: string): TimeExpression {
  if (!expr.relative) return expr;
  const date = parseReferenceDate(published);
  if (!date) throw new RangeError(`resolveTimex: publication date "${published}" is not a YYYY-MM-DD date or ISO timestamp`);
  const rel = expr.relative.anchor === 'previous' && expr.relative.fallback ? expr.relative.fallback : expr.relative;
  return { ...expr, value: resolveAgainst(rel, publicationAnchor(date)), anchor: 'publication' };
}

export interface TimexPrediction {
  start: number;
  end: number;
  type: TimeExpression['type'];
  value: string;
}

/**
 * Predicts TIMEX3s for a batch of documents in the official scorer's format (`score-time.mjs`).
 * `dct` (document creation time) or `published` is the reference date; TimeML's conventions apply.
 */
export function predictTimeFile(
  inputs: Record<string, { dct?: string; published?: string; text: string }>,
): Record<string, { timexes: TimexPrediction[] }> {
  const out: Record<string, { timexes: TimexPrediction[] }> = {};
  for (const [id, doc] of Object.entries(inputs)) {
    if (typeof doc.text !== 'string') throw new TypeError(`predictTimeFile: inputs["${id}"].text must be a string`);
    const reference = doc.dct ?? doc.published;
    const context: RecognizeContext = { conventions: 'timeml' };
    if (reference) context.published = reference;
    out[id] = {
      timexes: recognizeTimeExpressions(doc.text, context).map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value })),
    };
  }
  return out;
}
