/**
 * Numbers stated about who took part ("all 30 member states", "more than 20 countries", "France, Spain and 19 other
 * countries" = 21) and about what was sent ("about 1,000 troops"). Fusion compares them across sources, so each
 * keeps its span and says whether the number was written or computed from a list.
 */
import type { ParticipantCount } from './types.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
/** A number as news writes it: "1,000", "30", "twenty-one". */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:${Object.keys(NUMBER_WORDS).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`;

/** What gets counted about participants of a meeting. */
export const PARTICIPANT_UNITS =
  'member states|member countries|member nations|countries|states|nations|delegations|governments|allies|members|' +
  'leaders|heads of state|heads of government|ministers|chiefs|defence chiefs|military chiefs|officials|participants|' +
  'representatives|presidents|generals|officers|people';
/** What gets counted about what a deployment sends. */
export const FORCE_UNITS = 'troops|soldiers|personnel|marines|peacekeepers|warships|ships|jets|aircraft|tanks|batteries|air-defence batteries|air-defense batteries|brigades|battalions';

const QUALIFIERS: ReadonlyArray<readonly [RegExp, ParticipantCount['qualifier']]> = [
  [/^all(?:\s+the)?$/i, 'all'],
  [/^(?:more than|over|upwards of)$/i, 'more-than'],
  [/^(?:at least|no fewer than|no less than)$/i, 'at-least'],
  [/^(?:fewer than|less than|under|up to)$/i, 'fewer-than'],
  [/^(?:about|around|some|nearly|almost|roughly|approximately|an estimated|close to)$/i, 'about'],
];
const QUALIFIER = '(all(?:\\s+the)?|more than|over|upwards of|at least|no fewer than|no less than|fewer than|less than|under|up to|about|around|some|nearly|almost|roughly|approximately|an estimated|close to)';

export function parseNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(w)) return Number(w);
  const [tens, unit] = w.split('-');
  const a = NUMBER_WORDS[tens ?? ''];
  if (a === undefined) return undefined;
  return unit === undefined ? a : a + (NUMBER_WORDS[unit] ?? 0);
}

function countRe(units: string): RegExp {
  // Adjectives between number and unit: "30 member states", "two more air-defence batteries", "19 other countries",
  // "27 European Union countries".
  return new RegExp(`\\b(?:${QUALIFIER}\\s+)?(${NUMBER})\\s+((?:(?:other|more|new|top|additional|[a-z]+-[a-z]+|multinational|[a-z]+(?:an|ese|ish)|union|eu|nato|g7|g20|asean|opec|african union|allied|partner|participating|donor|neighbouring|neighboring|contributing)\\s+){0,2}(?:${units}))\\b`, 'gi');
}
const PARTICIPANT_COUNT_RE = countRe(PARTICIPANT_UNITS);
const FORCE_COUNT_RE = countRe(FORCE_UNITS);
/** "France, Spain and 19 other countries": named items plus a stated remainder. */
const LIST_COUNT_RE = new RegExp(
  `((?:\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)*,\\s+)*\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)*),?\\s+and\\s+(${NUMBER})\\s+other\\s+(${PARTICIPANT_UNITS})\\b`,
  'gu',
);

const NUMBER_HINT = new RegExp(`\\d|\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'i');

function qualifierOf(word: string | undefined): ParticipantCount['qualifier'] {
  if (!word) return 'exact';
  for (const [re, q] of QUALIFIERS) if (re.test(word.trim())) return q;
  return 'exact';
}

/** Counts in [from, to) of `text`; `force` switches to the units of deployments (troops, ships). */
export function findCounts(text: string, from: number, to: number, force = false): ParticipantCount[] {
  const slice = text.slice(from, to);
  const out: ParticipantCount[] = [];
  // Cheap pre-check: most clauses hold no number at all, and the count patterns are costly to run.
  if (!NUMBER_HINT.test(slice)) return out;
  const covered: Array<[number, number]> = [];
  if (!force && /\bother\b/.test(slice)) {
    for (const m of slice.matchAll(LIST_COUNT_RE)) {
      const listed = (m[1] ?? '').split(/,\s+/).filter((s) => s.trim().length > 0);
      const rest = parseNumber(m[2] ?? '');
      if (rest === undefined) continue;
      const start = from + (m.index ?? 0);
      const end = start + m[0].length;
      covered.push([start, end]);
      out.push({
        value: listed.length + rest, qualifier: 'exact', unit: m[3] ?? '', derivation: 'list',
        span: { start, end, text: text.slice(start, end) },
      });
    }
  }
  for (const m of slice.matchAll(force ? FORCE_COUNT_RE : PARTICIPANT_COUNT_RE)) {
    const value = parseNumber(m[2] ?? '');
    if (value === undefined) continue;
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    if (covered.some(([s, e]) => start < e && s < end)) continue;
    const unit = (m[3] ?? '').replace(/^(?:other|more|new|top|additional|multinational)\s+/i, '');
    out.push({ value, qualifier: qualifierOf(m[1]), unit, derivation: 'stated', span: { start, end, text: text.slice(start, end) } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
