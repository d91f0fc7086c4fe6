/**
 * Recognition rules: each is a regular expression plus a function turning a match into a candidate
 * (type, stated value or relative meaning). Overlaps are settled later, longest first.
 */
import { formatDay, formatWeek, pad } from './calendar.js';
import { holidayDate } from './resolve.js';
import {
  decadeWordDigit,
  holidayOf,
  monthNumber,
  ordinalNumber,
  parseCount,
  parseSpokenYear,
  partOfDayCode,
  RE_COUNT,
  RE_DECADE_WORD,
  RE_HOLIDAY,
  RE_MONTH,
  RE_MONTH_FULL,
  RE_ORDINAL_QUARTER,
  RE_PART_OF_DAY,
  RE_SEASON,
  RE_SPOKEN_YEAR,
  RE_UNIT,
  RE_WEEKDAY,
  RE_YEAR,
  RE_ZONE,
  seasonCode,
  unitOf,
  weekdayNumber,
  type DurationUnit,
} from './lexicon.js';
import type { Tense } from './tense.js';
import type { Direction, Granularity, RelativeMeaning, ShiftUnit, TimexType } from './types.js';

/** A recognised expression before overlap resolution and anchoring. */
export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  rule: string;
  granularity: Granularity;
  /** Stated value (complete without any anchor). */
  value?: string;
  relative?: RelativeMeaning;
  quant?: string;
  /** Extensions outside TimeML's annotation scheme (dropped under the 'timeml' conventions). */
  extension?: boolean;
}

export interface RuleEnv {
  text: string;
  tense(start: number, end: number): Tense;
}

type Made = Omit<Candidate, 'start' | 'end' | 'rule'> & { start?: number; end?: number };

interface Rule {
  id: string;
  re: RegExp;
  /**
   * Words one of which every match contains; the full expression then runs only in a window around each of them
   * (a handful per article) instead of at every position of the text. A capitalised entry must be capitalised in the
   * text; '#n' stands for a run of n digits. Omitted: the full expression scans the whole text.
   */
  triggers?: readonly string[];
  make(m: RegExpExecArray, env: RuleEnv): Made | null;
}

const L = '(?<![A-Za-z0-9])';
const R = '(?![A-Za-z0-9])';
function rx(body: string): RegExp {
  return new RegExp(`${L}(?:${body})${R}`, 'gi');
}

/** Words that, right before a bare month or season, show it is a date ("in May", not "Theresa May"). */
const DATE_PREPOSITIONS = new Set([
  'in', 'since', 'by', 'until', 'till', 'through', 'from', 'to', 'during', 'before', 'after', 'of', 'last', 'next', 'this',
  'early', 'late', 'mid', 'between', 'and', 'or', 'for', 'that', 'each', 'every', 'throughout', 'around', 'on', 'past',
  'coming', 'following', 'previous', 'end', 'beginning', 'start', 'middle', 'into', 'over', 'than', 'as', 'recent', 'the', 'post', 'pre',
]);

function previousWord(text: string, start: number): string {
  const m = /([A-Za-z]+)[^A-Za-z\n]{0,3}$/.exec(text.slice(Math.max(0, start - 30), start));
  return m ? (m[1] ?? '').toLowerCase() : '';
}

function nextWord(text: string, end: number): string {
  const m = /^[\s,]{0,3}([A-Za-z][A-Za-z'-]*)/.exec(text.slice(end, end + 30));
  return m ? (m[1] ?? '') : '';
}

function isCapitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== '' && c === c.toUpperCase() && c !== c.toLowerCase();
}

function directionFromTense(tense: Tense, fallback: Direction): Direction {
  return tense === 'future' ? 'future' : tense === 'past' ? 'past' : fallback;
}

/** How long after January 1st "the new year" still means the current one. */
const NEW_YEAR_NEAR_DAYS = 60;

const pub = (rel: Omit<RelativeMeaning, 'anchor' | 'unit' | 'offset'> & Partial<RelativeMeaning>): RelativeMeaning => ({
  anchor: 'publication',
  unit: 'day',
  offset: 0,
  ...rel,
});

// ---- durations ----------------------------------------------------------------------------------

const DURATION_LETTER: Record<DurationUnit, { letter: string; time: boolean; factor: number }> = {
  second: { letter: 'S', time: true, factor: 1 },
  minute: { letter: 'M', time: true, factor: 1 },
  hour: { letter: 'H', time: true, factor: 1 },
  day: { letter: 'D', time: false, factor: 1 },
  night: { letter: 'D', time: false, factor: 1 },
  week: { letter: 'W', time: false, factor: 1 },
  fortnight: { letter: 'W', time: false, factor: 2 },
  month: { letter: 'M', time: false, factor: 1 },
  quarter: { letter: 'Q', time: false, factor: 1 },
  year: { letter: 'Y', time: false, factor: 1 },
  decade: { letter: 'Y', time: false, factor: 10 },
  century: { letter: 'Y', time: false, factor: 100 },
  millennium: { letter: 'Y', time: false, factor: 1000 },
};
/** The next smaller unit for a half ("5 1/2 hours" = PT5H30M). */
const HALF_OF: Partial<Record<DurationUnit, string>> = { hour: '30M', minute: '30S', day: 'T12H', year: '6M', month: '15D' };

export function durationValue(count: number | null, unit: DurationUnit): string {
  const spec = DURATION_LETTER[unit];
  const prefix = spec.time ? 'PT' : 'P';
  if (count === null) {
    if (unit === 'decade') return 'PXE';
    if (unit === 'century') return 'PXC';
    return `${prefix}X${spec.letter}`;
  }
  const whole = Math.floor(count);
  const half = HALF_OF[unit];
  if (count - whole === 0.5 && half && spec.factor === 1) {
    return whole > 0 ? `${prefix}${whole}${spec.letter}${half}` : unit === 'hour' ? 'PT30M' : unit === 'minute' ? 'PT30S' : unit === 'year' ? 'P6M' : unit === 'day' ? 'PT12H' : 'P15D';
  }
  const n = count * spec.factor;
  return `${prefix}${Number.isInteger(n) ? n : Number(n.toFixed(2))}${spec.letter}`;
}

function unitGranularity(unit: DurationUnit): Granularity {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
      return 'time';
    case 'day':
    case 'night':
      return 'day';
    case 'week':
    case 'fortnight':
      return 'week';
    case 'month':
      return 'month';
    case 'quarter':
      return 'quarter';
    case 'year':
      return 'year';
    case 'decade':
      return 'decade';
    case 'century':
    case 'millennium':
      return 'century';
  }
}

/** A shift of n units as whole calendar steps (fractions go to the next smaller unit). */
function shiftFor(count: number, unit: DurationUnit): { unit: ShiftUnit; offset: number; granularity: Granularity } | null {
  const whole = Number.isInteger(count);
  switch (unit) {
    case 'day':
    case 'night':
      return whole ? { unit: 'day', offset: count, granularity: 'day' } : null;
    case 'week':
      return whole ? { unit: 'week', offset: count, granularity: 'week' } : { unit: 'day', offset: Math.round(count * 7), granularity: 'day' };
    case 'fortnight':
      return { unit: 'day', offset: Math.round(count * 14), granularity: 'day' };
    case 'month':
      return whole ? { unit: 'month', offset: count, granularity: 'month' } : null;
    case 'quarter':
      return whole ? { unit: 'quarter', offset: count, granularity: 'quarter' } : null;
    case 'year':
      return whole ? { unit: 'year', offset: count, granularity: 'year' } : { unit: 'month', offset: Math.round(count * 12), granularity: 'month' };
    case 'decade':
      return { unit: 'year', offset: Math.round(count * 10), granularity: 'year' };
    case 'century':
      return { unit: 'year', offset: Math.round(count * 100), granularity: 'year' };
    default:
      return null;
  }
}

/** Words before a bare "a year"/"a day" that make it a length of time ("for a year"). */
const DURATION_CUES = new Set([
  'for', 'in', 'within', 'over', 'after', 'about', 'nearly', 'almost', 'than', 'least', 'past', 'last', 'spent', 'spend', 'take',
  'takes', 'took', 'taking', 'lasted', 'lasts', 'lasting', 'of', 'barely', 'only', 'just', 'half', 'up', 'around', 'roughly',
  'under', 'once', 'first', 'next', 'entire', 'whole', 'full', 'another', 'extra', 'additional',
]);
/** Words before "a year" that make it a rate ("$5 million a year", "twice a day"). */
const RATE_CUE = /(?:\d%?|percent|cents?|dollars?|million|billion|trillion|share|barrels?|tons?|times|once|twice|people|units|visitors|cases|miles)$/i;

const COUNTED_DURATION = rx(
  `(?:(?<approx>about|around|roughly|approximately|nearly|almost|some|more than|less than|fewer than|over|under|at least|at most|up to|just over|just under|only|just|fully|a full|another|an additional|an extra|the last|the past|the next|the first|the final)\\s+)?` +
    `(?:(?<the>the)\\s+)?(?:(?<which>past|last|next|first|final|coming|previous|following|latest|remaining|initial|preceding|recent|ensuing|subsequent|intervening|same)\\s+)?` +
    `(?<count>${RE_COUNT})(?:[- ](?<extra>more|full|straight|consecutive|trading|business|calendar|fiscal|long|additional|working|school|extra|whole|entire))?[- ](?<unit>${RE_UNIT})(?<halfAfter>\\s+and a half)?(?<adj>-(?:long|old))?` +
    `(?:(?:\\s+or so)?\\s+(?<rel>ago|earlier|later|before|after|from now|hence|previously|back))?`,
);

function countedDuration(m: RegExpExecArray, env: RuleEnv): Made | null {
  const made = countedDurationAt(m, env);
  if (!made) return null;
  let start = m.index;
  // "the three-year war": the article belongs to the noun; "over the past two years": "over" is the preposition.
  const lead = /^(?:(?:over|under)\s+(?=the\s)|the\s+(?=[^\s-]+-[a-z]))/i.exec(m[0]);
  if (lead && made.type === 'DURATION') start += lead[0].length;
  return start === m.index ? made : { ...made, start };
}

function countedDurationAt(m: RegExpExecArray, env: RuleEnv): Made | null {
  const g = m.groups ?? {};
  const unit = unitOf(g.unit ?? '');
  if (!unit) return null;
  const countWord = (g.count ?? '').toLowerCase();
  const parsed = parseCount(countWord);
  if (parsed !== null && Number.isNaN(parsed)) return null;
  const count = parsed !== null && g.halfAfter ? parsed + 0.5 : parsed;
  if (count !== null && count > 100_000) return null;
  // Ages ("a 6-year-old") are not time expressions in TimeML.
  if (/old/i.test(g.adj ?? '')) return null;
  // "three-quarters of" is a fraction.
  if (unit === 'quarter' && /-quarters?$/i.test(m[0]) && /^\s+of\b/.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
  const start = m.index;
  let end = m.index + m[0].length;
  const rel = (g.rel ?? '').toLowerCase();
  const bareArticle = /^an?$/.test(countWord) && !g.approx && !g.which && !g.the && !g.extra && !g.adj;
  const plural = /s$/i.test(g.unit ?? '') || unit === 'century' && /centuries/i.test(g.unit ?? '');
  // "a year" counts one: the unit must be singular; "1,000 years" style large counts are fine.
  if (count === 1 && plural && !/^\d/.test(countWord)) return null;

  if (rel === 'ago' || rel === 'back' || rel === 'from now' || rel === 'hence') {
    const sign = rel === 'ago' || rel === 'back' ? -1 : 1;
    if (count === null) return { type: 'DATE', granularity: 'none', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
    if (rel === 'back' && !g.approx) return null;
    const shift = shiftFor(count, unit);
    if (!shift) {
      if (unitGranularity(unit) === 'time') {
        const hours = unit === 'hour' ? count : 0;
        return hours ? { type: 'TIME', granularity: 'time', relative: pub({ unit: 'day', offset: 0, granularity: 'day' }) } : null;
      }
      return null;
    }
    const fromPublication = pub({ unit: shift.unit, offset: sign * shift.offset, granularity: shift.granularity });
    if (count === 1 && unit === 'year' && sign < 0) {
      // Earnings idiom: "compared with $5 million a year ago" is the same quarter a year before.
      return {
        type: 'DATE',
        granularity: 'year',
        relative: { anchor: 'previous', anchorGranularity: 'quarter', unit: 'year', offset: -1, granularity: 'anchor', fallback: fromPublication },
      };
    }
    return { type: 'DATE', granularity: shift.granularity, relative: fromPublication };
  }
  if (rel === 'earlier' || rel === 'later' || rel === 'previously') {
    const shift = count === null ? null : shiftFor(count, unit);
    // TimeML reads "three days later" as a length ("three days") with a signal; only a single unit
    // ("a year earlier", "one day later") names the shifted point itself.
    if (!shift || count === null || count !== 1) {
      end = trimEnd(env.text, start, start + m[0].toLowerCase().lastIndexOf(rel));
      return { type: 'DURATION', granularity: unitGranularity(unit), value: durationValue(count, unit), end };
    }
    const sign = rel === 'later' ? 1 : -1;
    return {
      type: 'DATE',
      granularity: shift.granularity,
      relative: { anchor: 'previous', unit: shift.unit, offset: sign * shift.offset, granularity: 'anchor' },
    };
  }
  if (rel === 'before' || rel === 'after') {
    // The signal word is not part of the expression; "a day after" still names a day relative to the last one mentioned.
    end = trimEnd(env.text, start, start + m[0].toLowerCase().lastIndexOf(rel));
    if (count === 1 && !g.approx && !g.which && (unit === 'day' || unit === 'week') && !DURATION_CUES.has(previousWord(env.text, start))) {
      const shift = shiftFor(1, unit);
      if (shift) {
        return {
          type: 'DATE',
          granularity: 'day',
          end,
          relative: { anchor: 'previous', unit: shift.unit, offset: rel === 'after' ? shift.offset : -shift.offset, granularity: 'day' },
        };
      }
    }
  }
  // "Islam will one day be ...": an unspecified future time, not a length.
  if (count === 1 && unit === 'day' && /^(?:one|some)$/.test(countWord) && !rel && /^(?:will|would|could|might|may|can|shall)$/.test(previousWord(env.text, start))) {
    return { type: 'DATE', granularity: 'none', value: 'FUTURE_REF' };
  }
  if (bareArticle) {
    const before = previousWord(env.text, start);
    const rawBefore = env.text.slice(Math.max(0, start - 20), start).trimEnd();
    if (RATE_CUE.test(rawBefore) && unit !== 'century' && unit !== 'decade') {
      return { type: 'SET', granularity: unitGranularity(unit), value: durationValue(1, unit), quant: 'EVERY', end };
    }
    if (!DURATION_CUES.has(before)) return null;
  }
  if (/^(?:the|that)$/i.test(g.the ?? '') && !g.which && count === null && !g.approx) return null;
  return { type: 'DURATION', granularity: unitGranularity(unit), value: durationValue(count, unit), end };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

// ---- rules ------------------------------------------------------------------------------------------

/**
 * A yearless date or month this close to publication is the near one whatever the tense says: news covers the
 * coming weeks ("the vote on Dec. 7") as readily as the past ones, but rarely a date ten months away.
 */
const NEAR_DATE_DAYS = 60;
const NEAR_MONTH_DAYS = 62;

const DAY_NUM = '(?<day>[0-3]?\\d)(?:st|nd|rd|th)?';

function yearFromGroups(g: Record<string, string | undefined>): number | null {
  if (g.year) return Number(g.year);
  if (g.spoken) return parseSpokenYear(g.spoken);
  if (g.yy) {
    const yy = Number(g.yy.replace(/\D/g, ''));
    return yy < 30 ? 2000 + yy : 1900 + yy;
  }
  return null;
}

function validDay(month: number, day: number): boolean {
  const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= max;
}

function monthDay(month: number, day: number, year: number | null, env: RuleEnv, start: number, end: number, time?: string): Made {
  if (year !== null) {
    return { type: time ? 'TIME' : 'DATE', granularity: time ? 'time' : 'day', value: `${pad(year, 4)}-${pad(month)}-${pad(day)}${time ?? ''}` };
  }
  const direction = directionFromTense(env.tense(start, end), 'nearest');
  return {
    type: time ? 'TIME' : 'DATE',
    granularity: time ? 'time' : 'day',
    relative: pub({ unit: 'year', offset: 0, month, day, direction, nearestWithinDays: NEAR_DATE_DAYS, granularity: 'day', ...(time ? { time } : {}) }),
  };
}

function weekdayMeaning(weekday: number, pre: string, env: RuleEnv, start: number, end: number): RelativeMeaning {
  switch (pre) {
    case 'last':
    case 'past':
    case 'this past':
      return pub({ weekday, direction: 'before', granularity: 'day' });
    case 'next':
    case 'this coming':
    case 'coming':
      return pub({ weekday, direction: 'after', granularity: 'day' });
    case 'this':
      return pub({ weekday, direction: 'future', granularity: 'day' });
    default:
      return pub({ weekday, direction: directionFromTense(env.tense(start, end), 'past'), granularity: 'day' });
  }
}

/** Month words must be capitalised (the rules reject lower-case "may", "march"). */
const MONTH_WORDS = ['Jan', 'January', 'Feb', 'February', 'Mar', 'March', 'Apr', 'April', 'May', 'Jun', 'June', 'Jul', 'July', 'Aug', 'August', 'Sep', 'Sept', 'September', 'Oct', 'October', 'Nov', 'November', 'Dec', 'December'];
const WEEKDAY_WORDS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY_PLURALS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const UNIT_WORDS = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'century', 'millennium', 'seconds', 'minutes', 'hours', 'days', 'nights', 'weeks', 'fortnights', 'months', 'quarters', 'years', 'decades', 'centuries', 'millennia'];
const PLURAL_UNIT_WORDS = ['seconds', 'minutes', 'hours', 'days', 'nights', 'weeks', 'fortnights', 'months', 'quarters', 'years', 'decades', 'centuries', 'millennia'];

const YEAR_TAIL = `(?:,?\\s*(?<year>${RE_YEAR})(?!\\d|,\\d)|\\s+(?<yy>'\\d\\d))`;

/** What follows a yearless September 11 that names the 2001 attacks ("September 11 terrorist attacks", "9/11 Commission"). */
const NINE_ELEVEN_AFTER = /^\s*(?:terrorist\s+|terror\s+)?(?:attacks?|commission|memorial|hijack(?:ers|ings?)?|anniversary|era|generation|families|victims|responders)\b/i;

const RULES: Rule[] = [
  {
    id: 'date-iso',
    re: new RegExp(`${L}(?<y>${RE_YEAR})-(?:(?<m>[01]\\d)-(?<d>[0-3]\\d)(?:[T ](?<hh>[0-2]\\d):(?<mm>[0-5]\\d))?|W(?<w>[0-5]\\d)|Q(?<q>[1-4]))(?![\\d-])`, 'g'),
    make(m) {
      const g = m.groups ?? {};
      if (g.w) return Number(g.w) >= 1 && Number(g.w) <= 53 ? { type: 'DATE', granularity: 'week', value: `${g.y}-W${g.w}` } : null;
      if (g.q) return { type: 'DATE', granularity: 'quarter', value: `${g.y}-Q${g.q}` };
      const month = Number(g.m);
      const day = Number(g.d);
      if (month < 1 || month > 12 || !validDay(month, day)) return null;
      const date = `${g.y}-${g.m}-${g.d}`;
      return g.hh ? { type: 'TIME', granularity: 'time', value: `${date}T${g.hh}:${g.mm}` } : { type: 'DATE', granularity: 'day', value: date };
    },
  },
  {
    id: 'date-numeric',
    re: new RegExp(`${L}(?<m>[01]?\\d)/(?<d>[0-3]?\\d)/(?<y>\\d{4}|\\d{2})(?![\\d/])`, 'g'),
    make(m) {
      const g = m.groups ?? {};
      const month = Number(g.m);
      const day = Number(g.d);
      if (month < 1 || month > 12 || !validDay(month, day)) return null;
      let year = Number(g.y);
      if ((g.y ?? '').length === 2) year = year < 30 ? 2000 + year : 1900 + year;
      return { type: 'DATE', granularity: 'day', value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
    },
  },
  {
    // "the 9/11 attacks", "since 9/11": the date that names the 2001 attacks.
    id: 'date-nine-eleven',
    re: new RegExp(`${L}9/11(?![\\d/])`, 'g'),
    make(m, env) {
      const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const before = previousWord(env.text, m.index);
      if (!NINE_ELEVEN_AFTER.test(after) && !/^(?:since|after|before|post|pre|of|the)$/i.test(before)) return null;
      return { type: 'DATE', granularity: 'day', value: '2001-09-11' };
    },
  },
  {
    id: 'date-month-day',
    triggers: MONTH_WORDS,
    re: rx(`(?:(?<wd>${RE_WEEKDAY}),?\\s+)?(?<mon>${RE_MONTH})\\s*${DAY_NUM}(?!\\s*(?:%|percent|[.,]\\d|:\\d))${YEAR_TAIL}?`),
    make(m, env) {
      const g = m.groups ?? {};
      const month = monthNumber(g.mon ?? '');
      const day = Number(g.day);
      if (!month || !validDay(month, day)) return null;
      if (g.mon === 'May' && !g.year && isCapitalised(previousWord(env.text, m.index)) && !g.wd) return null;
      if (!g.year && month === 9 && day === 11 && NINE_ELEVEN_AFTER.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 40))) {
        return { type: 'DATE', granularity: 'day', value: '2001-09-11' };
      }
      return monthDay(month, day, yearFromGroups(g), env, m.index, m.index + m[0].length);
    },
  },
  {
    id: 'date-day-month',
    triggers: MONTH_WORDS,
    re: rx(`(?:(?<wd>${RE_WEEKDAY}),?\\s+)?(?:the\\s+)?${DAY_NUM}\\s+(?:of\\s+)?(?<mon>${RE_MONTH})(?:${YEAR_TAIL})?`),
    make(m, env) {
      const g = m.groups ?? {};
      const month = monthNumber(g.mon ?? '');
      const day = Number(g.day);
      if (!month || !validDay(month, day)) return null;
      if (!g.year && !g.wd && /^(?:May|March)$/.test(g.mon ?? '') && !/(?:st|nd|rd|th|of)/i.test(m[0])) return null;
      return monthDay(month, day, yearFromGroups(g), env, m.index, m.index + m[0].length);
    },
  },
  {
    id: 'date-month-year',
    triggers: MONTH_WORDS,
    re: rx(
      `(?:(?<mod>early|mid|late|the end of|the beginning of|the middle of|the start of)[- ]?\\s*)?(?<mon>${RE_MONTH})(?:,?\\s+(?:of\\s+)?(?:(?<year>${RE_YEAR})(?!\\d|,\\d)|(?<spoken>${RE_SPOKEN_YEAR}))|\\s+(?<rel>last|next|this) year)`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      const month = monthNumber(g.mon ?? '');
      if (!month) return null;
      if (g.rel) {
        const offset = g.rel.toLowerCase() === 'last' ? -1 : g.rel.toLowerCase() === 'next' ? 1 : 0;
        return { type: 'DATE', granularity: 'month', relative: pub({ unit: 'year', offset, month, direction: 'same', granularity: 'month' }) };
      }
      const year = yearFromGroups(g);
      if (year === null) return null;
      return { type: 'DATE', granularity: 'month', value: `${pad(year, 4)}-${pad(month)}` };
    },
  },
  {
    id: 'date-month',
    triggers: MONTH_WORDS,
    re: rx(
      `(?:(?<mod>early|mid|late|the end of|the beginning of|the middle of|the start of|(?<rel>last|next|this past|this coming|this|past|coming))[- ]?\\s*)?(?<mon>${RE_MONTH_FULL}|Sept\\.|Aug\\.|Oct\\.|Nov\\.|Dec\\.|Jan\\.|Feb\\.)`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      const month = monthNumber(g.mon ?? '');
      if (!month) return null;
      const before = previousWord(env.text, m.index);
      const rel = (g.rel ?? '').toLowerCase();
      const cued = Boolean(g.mod) || DATE_PREPOSITIONS.has(before);
      if (/^(?:May|March)$/.test(g.mon ?? '') && !cued) return null;
      const after = nextWord(env.text, m.index + m[0].length);
      // "June Carter", "April Glaspie": a month name followed by a capitalised word is a name unless a preposition cues it.
      if (!cued && (isCapitalised(after) || isCapitalised(before))) return null;
      if (!cued && /[A-Za-z]/.test(env.text.charAt(m.index - 2)) && isCapitalised(before)) return null;
      let direction: Direction;
      if (rel === 'last' || rel === 'past' || rel === 'this past') direction = 'before';
      else if (rel === 'next' || rel === 'coming' || rel === 'this coming') direction = 'after';
      else if (rel === 'this') direction = 'same';
      else direction = directionFromTense(env.tense(m.index, m.index + m[0].length), 'nearest');
      const near = rel ? {} : { nearestWithinDays: NEAR_MONTH_DAYS };
      return { type: 'DATE', granularity: 'month', relative: pub({ unit: 'year', offset: 0, month, direction, ...near, granularity: 'month' }) };
    },
  },
  {
    id: 'date-year',
    triggers: ['#4'],
    re: new RegExp(
      `${L}(?:(?<mod>early|mid|late|the end of|the beginning of|the middle of|the start of)[- ]?\\s*)?(?<fiscal>(?:fiscal|financial)(?:\\s+year)?\\s+|FY\\s?)?(?<![\\d,.$#£€]|No\\. )(?<year>${RE_YEAR})(?!\\d|,\\d|\\.\\d|%|-\\d|\\s*(?:percent|per cent)|\\s*[-–]\\s*\\d)`,
      'gi',
    ),
    make(m, env) {
      const g = m.groups ?? {};
      const year = Number(g.year);
      const before = previousWord(env.text, m.index);
      const cued = Boolean(g.mod || g.fiscal) || DATE_PREPOSITIONS.has(before);
      if (year < 1900 && !cued) return null;
      const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      const following = /^\s+([a-z]+)/.exec(after)?.[1] ?? '';
      // "2000 people", "1500 troops": a count of something, not a year.
      if (!cued && /s$/.test(following) && !/^(?:was|has|is|as|its|this|his|us|plus|versus|whereas|ends|marks|saw|begins)$/.test(following)) return null;
      if (/^\s*(?:[A-Za-z]+\s+)?(?:troops|soldiers|people|members|staff|personnel|police|workers|employees|jobs|residents|refugees|civilians|votes|dollars|pounds|euros|feet|metres|meters|miles|km|tons|tonnes|units|shares)\b/i.test(after)) return null;
      return { type: 'DATE', granularity: 'year', value: pad(year, 4) };
    },
  },
  {
    id: 'date-spoken-year',
    triggers: ['nineteen', 'eighteen', 'thousand'],
    re: rx(`(?:the\\s+year\\s+)?(?<spoken>${RE_SPOKEN_YEAR})`),
    make(m, env) {
      const g = m.groups ?? {};
      const year = parseSpokenYear(g.spoken ?? '');
      if (year === null) return null;
      if (/^\s+(?:years?|days?|months?|people|dollars)\b/i.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 10))) return null;
      // "nineteen ninety-six" is a year on its own; "nineteen" alone is a number.
      const cued = /^the\s+year/i.test(m[0]) || /(?:ty|oh)[- ]\w+$|ty$/i.test(g.spoken ?? '') || DATE_PREPOSITIONS.has(previousWord(env.text, m.index));
      if (!cued) return null;
      return { type: 'DATE', granularity: 'year', value: pad(year, 4) };
    },
  },
  {
    id: 'date-decade',
    triggers: ['#4', '#2', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'],
    re: rx(
      `(?:the\\s+)?(?:(?:last|first|second|latter)\\s+half\\s+of\\s+the\\s+)?(?:(?<mod>early|mid|late)[- ]?)?(?:(?<d4>1\\d\\d|20\\d)0'?s|'(?<d2>\\d)0'?s|(?<dw>${RE_DECADE_WORD}))`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      let value: string;
      if (g.d4) value = g.d4;
      else if (g.d2) value = (Number(g.d2) <= 2 ? '20' : '19') + g.d2;
      else {
        const digit = decadeWordDigit(g.dw ?? '');
        if (digit === null) return null;
        if (!/^the\s/i.test(m[0]) && !g.mod) return null;
        if (/\b(?:his|her|their|in (?:his|her|their))\s*$/i.test(env.text.slice(Math.max(0, m.index - 12), m.index))) return null;
        value = '19' + digit;
      }
      if (!/s$/.test(m[0])) return null;
      return { type: 'DATE', granularity: 'decade', value };
    },
  },
  {
    id: 'date-century',
    triggers: ['century'],
    re: rx(
      `(?:the\\s+)?(?:(?<mod>early|mid|late)[- ]?)?(?<ord>\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)[- ]century`,
    ),
    make(m) {
      const n = ordinalNumber((m.groups?.ord ?? '').replace(/\s+/, ' '));
      if (!n || n > 30) return null;
      return { type: 'DATE', granularity: 'century', value: pad(n - 1, 2) };
    },
  },
  {
    id: 'date-quarter',
    triggers: ['quarter', 'quarters'],
    re: rx(
      `(?:(?<det>the|this|last|next|its|a)\\s+)?(?:(?<yp>(?:this|last|next) year's|(?:fiscal\\s+)?${RE_YEAR}'s)\\s+)?(?<mods>(?:(?:year-earlier|year-ago|comparable|same|latest|current|fiscal|calendar|previous|prior|corresponding|most recent|recent)[- ]+)*)(?<ord>${RE_ORDINAL_QUARTER})(?:[- ](?:fiscal|calendar))?[- ]quarter(?<pl>s)?(?:\\s+(?:of|in)\\s+(?:fiscal\\s+|calendar\\s+)?(?<year>${RE_YEAR})(?!\\d|,\\d)|\\s+(?:of\\s+)?(?<rel>last|this|next) year|\\s+(?<ago>a year (?:ago|earlier)))?`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      const quarter = ordinalNumber(g.ord ?? '');
      if (!quarter || quarter > 4) return null;
      if (g.pl && !g.det) return null;
      const ypYear = /(\d{4})/.exec(g.yp ?? '')?.[1];
      if (g.year || ypYear) return { type: 'DATE', granularity: 'quarter', value: `${g.year ?? ypYear}-Q${quarter}` };
      const mods = (g.mods ?? '').toLowerCase();
      const relYear = (g.rel ?? /^(this|last|next)/.exec((g.yp ?? '').toLowerCase())?.[1] ?? '').toLowerCase();
      if (relYear) {
        const offset = relYear === 'last' ? -1 : relYear === 'next' ? 1 : 0;
        return { type: 'DATE', granularity: 'quarter', relative: pub({ unit: 'year', offset, quarter, direction: 'same', granularity: 'quarter' }) };
      }
      if (g.det?.toLowerCase() === 'last' || /year-(?:earlier|ago)/.test(mods) || g.ago) {
        return { type: 'DATE', granularity: 'quarter', relative: pub({ unit: 'year', offset: -1, quarter, direction: 'past', granularity: 'quarter' }) };
      }
      // Quarters are reported after they close, so even "expects to report third-quarter results" is the last one;
      // a future reading starts from the quarter just closed.
      const future = env.tense(m.index, m.index + m[0].length) === 'future';
      return {
        type: 'DATE',
        granularity: 'quarter',
        relative: pub({ unit: 'quarter', offset: future ? -1 : 0, quarter, direction: future ? 'future' : 'past', granularity: 'quarter' }),
      };
    },
  },
  {
    id: 'date-quarter-anaphoric',
    triggers: ['quarter', 'period'],
    re: rx(
      `(?<det>the|this|last|next|that|its|a)\\s+(?<mods>(?:(?:latest|current|recent|most recent|just-ended|just-completed|year-earlier|year-ago|comparable|same|previous|prior|past|corresponding|fiscal|second|third|fourth)[- ]+)*)(?<noun>quarter|period)(?:\\s+(?:of\\s+|in\\s+)?(?<rel>last year|a year (?:ago|earlier)|the previous year|the prior year|a year before))?`,
    ),
    make(m) {
      const g = m.groups ?? {};
      const det = (g.det ?? '').toLowerCase();
      const mods = (g.mods ?? '').toLowerCase().trim();
      const noun = (g.noun ?? '').toLowerCase();
      const yearBack = /year-(?:earlier|ago)/.test(mods) || Boolean(g.rel);
      if (det === 'a' && !yearBack) return null;
      if (noun === 'period' && !mods && !g.rel) return null;
      if (noun === 'period' && /^(?:fiscal|past|current)$/.test(mods)) return null;
      const lastQuarter = pub({ unit: 'quarter', offset: -1, granularity: 'quarter' });
      if (yearBack) {
        return {
          type: 'DATE',
          granularity: 'quarter',
          relative: {
            anchor: 'previous',
            anchorGranularity: 'quarter',
            unit: 'year',
            offset: -1,
            granularity: 'anchor',
            fallback: pub({ unit: 'quarter', offset: -5, granularity: 'quarter' }),
          },
        };
      }
      if (noun === 'quarter') {
        if ((det === 'this' && !mods) || mods === 'current') return { type: 'DATE', granularity: 'quarter', relative: pub({ unit: 'quarter', offset: 0, granularity: 'quarter' }) };
        if (det === 'last' && !mods) return { type: 'DATE', granularity: 'quarter', relative: lastQuarter };
        if (det === 'next' && !mods) return { type: 'DATE', granularity: 'quarter', relative: pub({ unit: 'quarter', offset: 1, granularity: 'quarter' }) };
      }
      if (/previous|prior/.test(mods)) {
        return {
          type: 'DATE',
          granularity: 'quarter',
          relative: { anchor: 'previous', anchorGranularity: 'quarter', unit: 'quarter', offset: -1, granularity: 'anchor', fallback: pub({ unit: 'quarter', offset: -2, granularity: 'quarter' }) },
        };
      }
      if (/^(?:second|third|fourth)$/.test(mods)) return null;
      return {
        type: 'DATE',
        granularity: 'quarter',
        relative: { anchor: 'previous', anchorGranularity: 'quarter', unit: 'quarter', offset: 0, granularity: 'anchor', fallback: lastQuarter },
      };
    },
  },
  {
    id: 'date-year-period',
    triggers: ['quarter', 'period'],
    re: rx(`the\\s+(?<year>${RE_YEAR})\\s+(?:(?<ord>${RE_ORDINAL_QUARTER})[- ])?(?<noun>quarter|period)`),
    make(m) {
      const g = m.groups ?? {};
      const year = Number(g.year);
      const quarter = g.ord ? ordinalNumber(g.ord) : null;
      if (quarter && quarter <= 4) return { type: 'DATE', granularity: 'quarter', value: `${g.year}-Q${quarter}` };
      // "the 1988 period": the year is stated, the quarter is the one under discussion.
      return {
        type: 'DATE',
        granularity: 'quarter',
        relative: { anchor: 'previous', anchorGranularity: 'quarter', unit: 'year', offset: 0, setYear: year, granularity: 'anchor', fallback: pub({ unit: 'year', offset: 0, setYear: year, granularity: 'year' }) },
      };
    },
  },
  {
    id: 'date-year-ago-adjective',
    triggers: ['year'],
    re: rx(`(?:the\\s+)?(?:comparable\\s+|same\\s+)?year-(?:earlier|ago)`),
    make() {
      return {
        type: 'DATE',
        granularity: 'year',
        relative: { anchor: 'previous', anchorGranularity: 'quarter', unit: 'year', offset: -1, granularity: 'anchor', fallback: pub({ unit: 'year', offset: -1, granularity: 'year' }) },
      };
    },
  },
  {
    id: 'date-half',
    triggers: ['half'],
    re: rx(`(?:the\\s+)?(?<ord>first|second|1st|2nd|latter|last)\\s+half(?:\\s+of\\s+(?:(?:fiscal\\s+)?(?<year>${RE_YEAR})(?!\\d|,\\d)|(?<rel>this|last|next) year|the year))?`),
    make(m, env) {
      const g = m.groups ?? {};
      const half = /^(?:first|1st)$/i.test(g.ord ?? '') ? 1 : 2;
      if (g.year) return { type: 'DATE', granularity: 'half', value: `${g.year}-H${half}` };
      if (!/\bof\b/i.test(m[0]) && !/^the\s/i.test(m[0])) return null;
      const rel = (g.rel ?? '').toLowerCase();
      const offset = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      const direction: Direction = rel ? 'same' : directionFromTense(env.tense(m.index, m.index + m[0].length), 'past');
      return { type: 'DATE', granularity: 'half', relative: pub({ unit: 'year', offset, half, direction, granularity: 'half' }) };
    },
  },
  {
    id: 'date-season',
    triggers: ['spring', 'summer', 'fall', 'autumn', 'winter'],
    re: rx(
      `(?:(?<det>the early|the late|the|this past|this coming|this|last|next|early|late|mid|past|coming)[- ]\\s*)?(?<season>${RE_SEASON})(?:\\s+(?:of\\s+)?(?:(?<year>${RE_YEAR})(?!\\d|,\\d)|(?<spoken>${RE_SPOKEN_YEAR}))|\\s+(?<rel>last|this|next) year)?`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      const season = seasonCode(g.season ?? '');
      if (!season) return null;
      const year = yearFromGroups(g);
      if (year !== null) return { type: 'DATE', granularity: 'season', value: `${pad(year, 4)}-${season}` };
      const det = (g.det ?? '').toLowerCase();
      const before = previousWord(env.text, m.index);
      if (!det && !g.rel && !/^(?:in|during|by|until|since|through|over|this|that|last|next|each|every|throughout|before|after)$/.test(before)) return null;
      if (det === 'the' && !/^(?:in|during|by|until|since|through|over|throughout|before|after|for|of)$/.test(before)) return null;
      // "the fall of the Berlin Wall", "spring rolls": the noun must not go on into a phrase of its own.
      const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if (/^\s+of\b/i.test(after) && !g.year) return null;
      if (g.rel) {
        const offset = g.rel.toLowerCase() === 'last' ? -1 : g.rel.toLowerCase() === 'next' ? 1 : 0;
        return { type: 'DATE', granularity: 'season', relative: pub({ unit: 'year', offset, season, direction: 'same', granularity: 'season' }) };
      }
      let direction: Direction;
      if (det === 'last' || det === 'this past' || det === 'past') direction = 'before';
      else if (det === 'next' || det === 'this coming' || det === 'coming') direction = 'after';
      else if (det === 'this') direction = 'nearest';
      else direction = directionFromTense(env.tense(m.index, m.index + m[0].length), 'nearest');
      return { type: 'DATE', granularity: 'season', relative: pub({ unit: 'year', offset: 0, season, direction, granularity: 'season' }) };
    },
  },
  {
    id: 'date-weekday',
    triggers: WEEKDAY_WORDS,
    re: rx(
      `(?:(?<pre>this coming|this past|last|next|this|coming|past|early|late|earlier|later)\\s+)?(?:the\\s+(?<pre2>previous|following|next|preceding)\\s+)?(?<wd>${RE_WEEKDAY})(?<poss>'s)?(?:\\s+(?<part>${RE_PART_OF_DAY}))?(?:,?\\s+(?<wk>last|next|this) week)?`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      const weekday = weekdayNumber(g.wd ?? '');
      if (!weekday || !isCapitalised(g.wd ?? '')) return null;
      const pre = (g.pre ?? '').toLowerCase();
      const pre2 = (g.pre2 ?? '').toLowerCase();
      let relative: RelativeMeaning;
      if (pre2) {
        relative = {
          anchor: 'previous',
          unit: 'day',
          offset: 0,
          weekday,
          direction: pre2 === 'previous' || pre2 === 'preceding' ? 'before' : 'after',
          granularity: 'day',
        };
      } else if (g.wk) {
        const wk = g.wk.toLowerCase();
        relative = pub({ unit: 'week', offset: wk === 'last' ? -1 : wk === 'next' ? 1 : 0, weekday, direction: 'same', granularity: 'day' });
      } else {
        relative = weekdayMeaning(weekday, pre, env, m.index, m.index + m[0].length);
      }
      if (g.part) {
        relative = { ...relative, time: partOfDayCode(g.part), granularity: 'part-of-day' };
        return { type: 'TIME', granularity: 'part-of-day', relative };
      }
      return { type: 'DATE', granularity: 'day', relative };
    },
  },
  {
    id: 'date-day-word',
    triggers: ['today', 'tonight', 'yesterday', 'tomorrow'],
    re: rx(
      `(?:(?<mod>early|late|earlier|later)\\s+)?(?<w>the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow)(?<poss>'s)?(?:\\s+(?<part>${RE_PART_OF_DAY}))?`,
    ),
    make(m) {
      const g = m.groups ?? {};
      const w = (g.w ?? '').toLowerCase();
      const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : w === 'the day before yesterday' ? -2 : w === 'the day after tomorrow' ? 2 : 0;
      if (w === 'tonight' || g.part) {
        const time = w === 'tonight' ? 'TNI' : partOfDayCode(g.part ?? '');
        return { type: 'TIME', granularity: 'part-of-day', relative: pub({ unit: 'day', offset, granularity: 'part-of-day', time }) };
      }
      return { type: 'DATE', granularity: 'day', relative: pub({ unit: 'day', offset, granularity: 'day' }) };
    },
  },
  {
    id: 'time-part-of-day',
    triggers: ['morning', 'afternoon', 'evening', 'night'],
    re: rx(`(?:(?<mod>early|late|earlier|later)\\s+)?(?<det>this|last|that)\\s+(?<part>${RE_PART_OF_DAY})`),
    make(m) {
      const g = m.groups ?? {};
      const det = (g.det ?? '').toLowerCase();
      const part = (g.part ?? '').toLowerCase();
      if (det === 'last' && part !== 'night') return null;
      const time = partOfDayCode(part);
      if (det === 'that') return { type: 'TIME', granularity: 'part-of-day', relative: { anchor: 'previous', unit: 'day', offset: 0, granularity: 'part-of-day', time } };
      return { type: 'TIME', granularity: 'part-of-day', relative: pub({ unit: 'day', offset: det === 'last' ? -1 : 0, granularity: 'part-of-day', time }) };
    },
  },
  {
    id: 'date-anaphoric-day',
    triggers: ['day'],
    re: rx(`(?:(?<mod>earlier|later)\\s+)?(?:the|that)\\s+(?<which>same\\s+|next\\s+|following\\s+|previous\\s+|prior\\s+|preceding\\s+)?day(?:\\s+(?<ba>before|after|earlier)(?!\\s+(?:the|a|an|his|her|their|its|this|that|[A-Z0-9]))(?![A-Za-z]))?`),
    make(m) {
      const g = m.groups ?? {};
      const which = (g.which ?? '').trim().toLowerCase();
      const ba = (g.ba ?? '').toLowerCase();
      let offset: number;
      if (which === 'next' || which === 'following' || ba === 'after') offset = 1;
      else if (which === 'previous' || which === 'prior' || which === 'preceding' || ba === 'before' || ba === 'earlier') offset = -1;
      else if (which === 'same' || /^that/i.test(m[0].replace(/^(?:earlier|later)\s+/i, '')) || g.mod) offset = 0;
      else return null;
      return { type: 'DATE', granularity: 'day', relative: { anchor: 'previous', unit: 'day', offset, granularity: 'day' } };
    },
  },
  {
    id: 'date-relative-period',
    triggers: ['week', 'weekend', 'month', 'year', 'decade', 'century'],
    re: rx(
      `(?:(?<mod>early|late|earlier|later|mid|(?:the\\s+)?(?:end|beginning|start|middle|rest|remainder|balance|close) of)[- ]\\s*)?(?<det>this past|this coming|the past|the last|the coming|the next|the previous|the following|the current|the same|the prior|this|last|next|past|coming|current|that|the)\\s+(?<u>week(?:end)?|month|year|decade|century|fiscal year)(?<poss>'s)?`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      const det = (g.det ?? '').toLowerCase();
      const word = (g.u ?? '').toLowerCase();
      const fiscal = word === 'fiscal year';
      const u = fiscal ? 'year' : word;
      const gran: Granularity = u === 'weekend' ? 'weekend' : (u as Granularity);
      const unit: ShiftUnit = u === 'weekend' ? 'week' : (u as ShiftUnit);
      const before = previousWord(env.text, m.index);
      if (det === 'the') {
        if (u === 'weekend') {
          const direction = directionFromTense(env.tense(m.index, m.index + m[0].length), 'past');
          return { type: 'DATE', granularity: 'weekend', relative: pub({ weekday: 6, direction: direction === 'nearest' ? 'past' : direction, granularity: 'weekend' }) };
        }
        if (g.mod) return { type: 'DATE', granularity: gran, relative: { anchor: 'previous', unit, offset: 0, granularity: gran, fallback: pub({ unit, offset: 0, granularity: gran }) } };
        if (u !== 'year') return null;
        // "the year ended Sept. 30" is a fiscal span; "for the year" is the (current) year being reported.
        if (/^\s+(?:ended|ending|to)\b/.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return { type: 'DURATION', granularity: 'year', value: 'P1Y' };
        return { type: 'DATE', granularity: 'year', relative: pub({ unit: 'year', offset: 0, granularity: 'year' }) };
      }
      if (det === 'that') {
        if (!g.mod) return null;
        return { type: 'DATE', granularity: gran, relative: { anchor: 'previous', unit, offset: 0, granularity: gran } };
      }
      if (u === 'weekend') {
        const direction: Direction = /last|past|previous/.test(det) ? 'before' : /next|coming|following/.test(det) ? 'after' : 'same';
        if (det === 'the previous' || det === 'the following') return { type: 'DATE', granularity: 'weekend', relative: { anchor: 'previous', unit: 'day', offset: 0, weekday: 6, direction, granularity: 'weekend' } };
        return { type: 'DATE', granularity: 'weekend', relative: pub({ weekday: 6, direction, granularity: 'weekend' }) };
      }
      switch (det) {
        case 'this':
        case 'current':
        case 'the current':
          return { type: 'DATE', granularity: gran, relative: pub({ unit, offset: 0, granularity: gran }) };
        case 'last':
        case 'past':
        case 'this past':
          return { type: 'DATE', granularity: gran, relative: pub({ unit, offset: -1, granularity: gran }) };
        case 'next':
        case 'coming':
        case 'this coming':
          return { type: 'DATE', granularity: gran, relative: pub({ unit, offset: 1, granularity: gran }) };
        case 'the past':
        case 'the last':
          if (u === 'year' || u === 'decade' || u === 'century') return { type: 'DATE', granularity: gran, relative: pub({ unit, offset: -1, granularity: gran }) };
          return { type: 'DURATION', granularity: gran, value: durationValue(1, u as DurationUnit) };
        case 'the next':
        case 'the coming':
          return { type: 'DURATION', granularity: gran, value: durationValue(1, u as DurationUnit) };
        case 'the previous':
        case 'the prior':
          return { type: 'DATE', granularity: gran, relative: { anchor: 'previous', unit, offset: -1, granularity: gran } };
        case 'the following':
          return { type: 'DATE', granularity: gran, relative: { anchor: 'previous', unit, offset: 1, granularity: gran } };
        case 'the same':
          return { type: 'DATE', granularity: gran, relative: { anchor: 'previous', unit, offset: 0, granularity: gran } };
        default:
          return null;
      }
    },
  },
  {
    id: 'date-earlier-in-period',
    triggers: ['week', 'month', 'year', 'day'],
    re: rx(`(?<mod>earlier|later|early|late)\\s+(?:in|during)\\s+(?<det>the|this|that)\\s+(?<u>week|month|year|day)`),
    make(m) {
      const g = m.groups ?? {};
      const u = (g.u ?? '').toLowerCase() as ShiftUnit;
      const det = (g.det ?? '').toLowerCase();
      if (det === 'that' || (det === 'the' && u === 'day')) return { type: 'DATE', granularity: u as Granularity, relative: { anchor: 'previous', unit: u, offset: 0, granularity: u as Granularity } };
      return { type: 'DATE', granularity: u as Granularity, relative: pub({ unit: u, offset: 0, granularity: u as Granularity }) };
    },
  },
  {
    id: 'date-year-end',
    triggers: ['year', 'end'],
    re: rx(`(?<det>the\\s+)?(?:year[- ]end|year's end|end of the year)`),
    make(m, env) {
      const before = previousWord(env.text, m.index);
      if (!/^(?:by|at|around|until|till|since|before|after|through|to|from|the)$/.test(before) && !m.groups?.det) return null;
      const offset = before === 'since' ? -1 : 0;
      return { type: 'DATE', granularity: 'year', relative: pub({ unit: 'year', offset, granularity: 'year' }) };
    },
  },
  {
    // "the week of March 8": the week holding that day (TIMEX3 gives weeks, so 2027-W10).
    id: 'date-week-of',
    triggers: ['week'],
    re: rx(`the\\s+week\\s+of\\s+(?<mon>${RE_MONTH})\\s*${DAY_NUM}${YEAR_TAIL}?`),
    make(m, env) {
      const g = m.groups ?? {};
      const month = monthNumber(g.mon ?? '');
      const day = Number(g.day);
      if (!month || !validDay(month, day)) return null;
      const year = yearFromGroups(g);
      if (year !== null) return { type: 'DATE', granularity: 'week', value: formatWeek({ y: year, m: month, d: day }) };
      const direction = directionFromTense(env.tense(m.index, m.index + m[0].length), 'nearest');
      return { type: 'DATE', granularity: 'week', relative: pub({ unit: 'year', offset: 0, month, day, direction, nearestWithinDays: NEAR_DATE_DAYS, granularity: 'week' }) };
    },
  },
  {
    id: 'date-the-period',
    triggers: ['year', 'month', 'week'],
    re: rx(`(?:the\\s+(?<full>full|whole|entire)\\s+year)|(?<that>that|the same)\\s+(?<u>year|month|week)|the\\s+week(?<poss>'s)?`),
    make(m, env) {
      const g = m.groups ?? {};
      if (g.full) return { type: 'DATE', granularity: 'year', relative: pub({ unit: 'year', offset: 0, granularity: 'year' }) };
      if (g.that) {
        const u = (g.u ?? 'year').toLowerCase() as ShiftUnit;
        return { type: 'DATE', granularity: u as Granularity, relative: { anchor: 'previous', unit: u, offset: 0, granularity: u as Granularity } };
      }
      // "For the week, the index fell": the week being reported, i.e. the current one.
      if (!g.poss && !/^(?:for|during|in|on)$/.test(previousWord(env.text, m.index))) return null;
      return { type: 'DATE', granularity: 'week', relative: pub({ unit: 'week', offset: 0, granularity: 'week' }) };
    },
  },
  {
    id: 'time-part-of-day-anaphoric',
    triggers: ['morning', 'afternoon', 'evening', 'night'],
    re: rx(`(?:the\\s+(?<which>next|following|previous)\\s+(?<p1>${RE_PART_OF_DAY}))|(?:(?<mod>early|late|mid)[- ]?(?<p2>morning|afternoon|evening)(?:\\s+(?<dw>yesterday|today|tomorrow))?)|(?<=\\b(?:in|during|by|until|overnight into) )the\\s+(?<p3>morning|afternoon|evening|night)`),
    make(m) {
      const g = m.groups ?? {};
      const part = g.p1 ?? g.p2 ?? g.p3 ?? '';
      const time = partOfDayCode(part);
      const which = (g.which ?? '').toLowerCase();
      const offset = which === 'next' || which === 'following' ? 1 : which === 'previous' ? -1 : 0;
      if (g.dw) {
        const dw = g.dw.toLowerCase();
        return { type: 'TIME', granularity: 'part-of-day', relative: pub({ unit: 'day', offset: dw === 'yesterday' ? -1 : dw === 'tomorrow' ? 1 : 0, granularity: 'part-of-day', time }) };
      }
      return {
        type: 'TIME',
        granularity: 'part-of-day',
        relative: { anchor: 'previous', anchorGranularity: 'day', unit: 'day', offset, granularity: 'anchor', time, fallback: pub({ unit: 'day', offset, granularity: 'part-of-day', time }) },
      };
    },
  },
  {
    // "early in the new year", said in December: the coming January's year; in January, the current one.
    id: 'date-new-year',
    triggers: ['year'],
    re: rx(`the\\s+new\\s+year(?!['’]s)`),
    make() {
      return { type: 'DATE', granularity: 'year', relative: pub({ unit: 'year', offset: 0, month: 1, direction: 'after', nearestWithinDays: NEW_YEAR_NEAR_DAYS, granularity: 'year' }) };
    },
  },
  {
    id: 'date-fiscal-anaphoric',
    triggers: ['fiscal'],
    re: rx(`(?:the\\s+)?(?<mod>latest|current|previous|prior|last|next|new)\\s+fiscal\\s+year`),
    make(m) {
      const mod = (m.groups?.mod ?? '').toLowerCase();
      const offset = mod === 'previous' || mod === 'prior' || mod === 'last' || mod === 'latest' ? -1 : mod === 'next' || mod === 'new' ? 1 : 0;
      return { type: 'DATE', granularity: 'year', relative: pub({ unit: 'year', offset, granularity: 'year' }) };
    },
  },
  {
    id: 'date-relative-century',
    triggers: ['century', 'decade', 'millennium'],
    re: rx(`(?<det>this|last|next|the past|the last|the previous|the next|the current)\\s+(?<u>century|decade|millennium)`),
    make(m) {
      const g = m.groups ?? {};
      const det = (g.det ?? '').toLowerCase();
      const u = (g.u ?? '').toLowerCase();
      if (u === 'millennium') return null;
      const offset = /last|previous|past/.test(det) ? -1 : /next/.test(det) ? 1 : 0;
      if ((det === 'the past' || det === 'the last') && u === 'decade') return { type: 'DURATION', granularity: 'decade', value: 'P10Y' };
      if ((det === 'the past' || det === 'the last') && u === 'century') return { type: 'DURATION', granularity: 'century', value: 'P100Y' };
      const gran = u as Granularity;
      return { type: 'DATE', granularity: gran, relative: pub({ unit: u as ShiftUnit, offset, granularity: gran }) };
    },
  },
  {
    id: 'duration-counted',
    triggers: UNIT_WORDS,
    re: COUNTED_DURATION,
    make: countedDuration,
  },
  {
    id: 'duration-fuzzy-plural',
    triggers: PLURAL_UNIT_WORDS,
    re: rx(`(?:(?<det>the|those|these)\\s+)?(?<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?:\\s+(?<rel>ago|earlier|later))?`),
    make(m, env) {
      const g = m.groups ?? {};
      const unit = unitOf(g.u ?? '');
      if (!unit) return null;
      const before = previousWord(env.text, m.index);
      if (g.rel) return { type: 'DATE', granularity: 'none', value: g.rel.toLowerCase() === 'later' ? 'FUTURE_REF' : 'PAST_REF' };
      if (g.det?.toLowerCase() === 'the' && /^(?:over|through|throughout)$/.test(before)) return { type: 'DURATION', granularity: unitGranularity(unit), value: durationValue(null, unit) };
      if (g.det) return null;
      // Bare plural units are lengths only after a word that measures time ("for years", "within days").
      if (!/^(?:for|within|in|over|took|take|takes|lasted|last|lasting|spent|after|before|about|nearly|almost)$/.test(before)) return null;
      if (/^(?:of|ago|old|earlier|later)$/i.test(nextWord(env.text, m.index + m[0].length))) return null;
      return { type: 'DURATION', granularity: unitGranularity(unit), value: durationValue(null, unit) };
    },
  },
  {
    id: 'set-adverb',
    triggers: ['daily', 'nightly', 'weekly', 'biweekly', 'monthly', 'quarterly', 'annually', 'yearly', 'hourly', 'semiannually', 'annually', 'biannually', 'fortnightly'],
    re: rx(`(?<w>daily|nightly|weekly|biweekly|bi-weekly|monthly|quarterly|annually|yearly|hourly|semiannually|semi-annually|biannually|fortnightly)`),
    make(m, env) {
      const w = (m.groups?.w ?? '').toLowerCase();
      if (isCapitalised(m[0]) && !/(?:^|[.!?"]\s*)$/.test(env.text.slice(Math.max(0, m.index - 3), m.index))) return null;
      const table: Record<string, string> = {
        daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', 'bi-weekly': 'P2W', monthly: 'P1M', annually: 'P1Y',
        yearly: 'P1Y', hourly: 'PT1H', semiannually: 'P6M', 'semi-annually': 'P6M', biannually: 'P6M', fortnightly: 'P2W',
      };
      const value = table[w];
      // "quarterly dividend": an attribute of a payment more than a time; TimeML leaves it out.
      if (w === 'quarterly') return { type: 'SET', granularity: 'none', value: 'P3M', quant: 'EVERY', extension: true };
      if (!value) return null;
      return { type: 'SET', granularity: 'none', value, quant: 'EVERY' };
    },
  },
  {
    id: 'set-every',
    triggers: ['every', 'each', 'per', 'once', 'twice', 'times'],
    re: rx(
      `(?:(?<freq>once|twice|three times|four times|\\d+ times)\\s+)?(?<q>every|each|per|a|an)\\s+(?:(?<other>other)\\s+)?(?:(?<n>\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|few)\\s+)?(?<u>${RE_UNIT}|${RE_WEEKDAY}|${RE_MONTH_FULL}|${RE_SEASON}|morning|afternoon|evening|night|weekend)`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      const q = (g.q ?? '').toLowerCase();
      if ((q === 'a' || q === 'an') && !g.freq) return null;
      const word = g.u ?? '';
      const weekday = weekdayNumber(word);
      const base = { type: 'SET' as const, granularity: 'none' as Granularity, quant: 'EVERY' };
      if (weekday && isCapitalised(word)) return { ...base, granularity: 'day', value: `XXXX-WXX-${weekday}` };
      const month = monthNumber(word);
      if (month && word.length > 3) return { ...base, granularity: 'month', value: `XXXX-${pad(month)}` };
      const season = seasonCode(word);
      if (season) return { ...base, granularity: 'season', value: `XXXX-${season}` };
      const lw = word.toLowerCase();
      if (lw === 'weekend') return { ...base, granularity: 'weekend', value: 'XXXX-WXX-WE' };
      if (/^(?:morning|afternoon|evening|night)$/.test(lw)) return { ...base, granularity: 'part-of-day', value: `XXXX-XX-XX${partOfDayCode(lw)}` };
      const unit = unitOf(word);
      if (!unit) return null;
      const plural = /s$/i.test(word) && unit !== 'century';
      let n = g.n ? parseCount(g.n) : 1;
      if (g.other) n = 2;
      if (n === null || Number.isNaN(n)) n = null;
      if (!g.n && !g.other && plural) return null;
      return { ...base, granularity: unitGranularity(unit), value: durationValue(n, unit) };
    },
  },
  {
    id: 'set-weekday-plural',
    triggers: [...WEEKDAY_PLURALS, 'weekends'],
    re: rx(`(?<wd>${RE_WEEKDAY})s(?:\\s+(?<part>${RE_PART_OF_DAY})s?)?|(?<we>weekends)`),
    make(m, env) {
      const g = m.groups ?? {};
      if (g.we) {
        if (!/^(?:on|at|over|during)$/.test(previousWord(env.text, m.index))) return null;
        return { type: 'SET', granularity: 'weekend', value: 'XXXX-WXX-WE', quant: 'EVERY' };
      }
      const weekday = weekdayNumber(g.wd ?? '');
      if (!weekday) return null;
      return { type: 'SET', granularity: 'day', value: `XXXX-WXX-${weekday}${g.part ? partOfDayCode(g.part) : ''}`, quant: 'EVERY' };
    },
  },
  {
    id: 'ref-present',
    triggers: ['now', 'current', 'currently', 'present', 'presently', 'nowadays', 'these'],
    re: rx(`(?<w>right now|just now|now|nowadays|currently|at present|the present|presently|these days|current|so far|to date)`),
    make(m, env) {
      const w = (m.groups?.w ?? '').toLowerCase();
      if (w === 'so far' || w === 'to date') return null;
      if (w === 'current') {
        // "current account", "an electric current": only the adjective before a noun phrase, not a noun itself.
        const after = nextWord(env.text, m.index + m[0].length).toLowerCase();
        if (!after || /^(?:account|accounts|affairs|events)$/.test(after)) return null;
        if (/^(?:the|a|an|electric|ocean|strong)$/.test(previousWord(env.text, m.index)) && !/^[a-z]/.test(after)) return null;
        if (/^(?:quarter|year|fiscal|month|week|period)$/.test(after)) return null;
      }
      if (w === 'now' && /^-?(?:defunct)/i.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 9))) return null;
      return { type: 'DATE', granularity: 'none', value: 'PRESENT_REF' };
    },
  },
  {
    id: 'ref-past',
    triggers: ['recent', 'recently', 'lately', 'previously', 'formerly', 'past', 'former', 'old'],
    re: rx(`(?<w>more recently|most recently|recently|lately|previously|formerly|in recent (?:days|weeks|months|quarters|years|decades|times)|recent (?:days|weeks|months|quarters|years|decades|times)|past years|recent|the past|former|the old days)`),
    make(m, env) {
      const w = (m.groups?.w ?? '').toLowerCase();
      let start = m.index;
      if (w.startsWith('in recent')) start += 3;
      // TimeML: "recent weeks" is a vague length; "recent years" a vague past.
      const shortUnit = /recent (days|weeks|months|quarters)$/.exec(w)?.[1];
      if (shortUnit) {
        const unit = unitOf(shortUnit);
        if (unit && unit !== 'day') return { type: 'DURATION', granularity: unitGranularity(unit), value: durationValue(null, unit), start };
      }
      if (w === 'former') {
        if (!/^[a-z]/.test(nextWord(env.text, m.index + m[0].length)) && !isCapitalised(nextWord(env.text, m.index + m[0].length))) return null;
        return { type: 'DATE', granularity: 'none', value: 'PAST_REF', extension: true };
      }
      if (w === 'recent') {
        const after = nextWord(env.text, m.index + m[0].length);
        if (!after) return null;
        if (/^(?:history|memory|past)$/i.test(after)) return { type: 'DATE', granularity: 'none', value: 'PAST_REF' };
        return { type: 'DATE', granularity: 'none', value: 'PAST_REF', extension: true };
      }
      // TimeML rarely marks these adverbs; they stay available to the project as past references.
      if (w === 'previously' || w === 'formerly') return { type: 'DATE', granularity: 'none', value: 'PAST_REF', extension: true };
      if (w === 'the past') {
        const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (/^\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|century)/i.test(after)) return null;
      }
      return { type: 'DATE', granularity: 'none', value: 'PAST_REF', start };
    },
  },
  {
    id: 'ref-future',
    triggers: ['future', 'soon', 'later', 'ahead', 'coming', 'term'],
    re: rx(`(?<w>the (?:near |distant |foreseeable )?future|future|soon|a later date|the years ahead|the days ahead|the weeks ahead|the months ahead|(?:the )?coming (?:days|weeks|months|quarters|years)|the (?:near|short) term)`),
    make(m, env) {
      const w = (m.groups?.w ?? '').toLowerCase();
      const ahead = /^(?:the )?(?:coming (weeks|days)|(weeks|days) ahead)$/.exec(w.replace(/^the (?=weeks|days)/, ''));
      if (ahead) {
        const unit = unitOf(ahead[1] ?? ahead[2] ?? '');
        if (unit) return { type: 'DURATION', granularity: unitGranularity(unit), value: durationValue(null, unit) };
      }
      if (w === 'soon' && /^\s*(?:after|as|afterwards|thereafter)\b/i.test(env.text.slice(m.index + 4, m.index + 20))) return null;
      if (w === 'future') {
        const prev = previousWord(env.text, m.index);
        if (/^(?:his|her|their|its|our|my|your|whose)$/.test(prev)) return null;
        if (prev !== 'in') return { type: 'DATE', granularity: 'none', value: 'FUTURE_REF', extension: true };
      }
      if (w === 'soon') return { type: 'DATE', granularity: 'none', value: 'FUTURE_REF', extension: true };
      return { type: 'DATE', granularity: 'none', value: 'FUTURE_REF' };
    },
  },
  {
    id: 'time-clock',
    triggers: ['#1', '#2', 'noon', 'midnight', 'midday'],
    re: rx(
      `(?:(?<h>[01]?\\d)(?:[:.](?<min>[0-5]\\d))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)|(?<h2>[01]?\\d|2[0-3]):(?<min2>[0-5]\\d)(?=\\s*(?:${RE_ZONE}|h|hrs|hours))|(?<h3>[01]?\\d)\\s+o'clock|(?<h4>[01]?\\d)(?::(?<min4>[0-5]\\d))?\\s+in the (?<pod>morning|afternoon|evening|night)|(?<named>noon|midnight|midday))` +
        `(?:\\s+(?<zone>${RE_ZONE}))?(?:,?\\s+(?:on\\s+)?(?:(?<wd>${RE_WEEKDAY})|(?<dw>today|tonight|yesterday|tomorrow)|(?<mon>${RE_MONTH})\\s*(?<day>[0-3]?\\d)(?:st|nd|rd|th)?(?:,?\\s*(?<year>${RE_YEAR})(?!\\d|,\\d))?))?`,
    ),
    make(m, env) {
      const g = m.groups ?? {};
      let hour: number;
      let minute = 0;
      if (g.named) {
        const named = g.named.toLowerCase();
        hour = named === 'midnight' ? 24 : 12;
      } else if (g.h !== undefined) {
        hour = Number(g.h);
        minute = Number(g.min ?? 0);
        if (hour < 1 || hour > 12) return null;
        const pm = /^p/i.test(g.ap ?? '');
        if (pm && hour < 12) hour += 12;
        if (!pm && hour === 12) hour = 0;
        if (/^am$/i.test(g.ap ?? '') && g.ap === 'am' && !g.min && /\bI\s*$/.test(env.text.slice(Math.max(0, m.index - 3), m.index))) return null;
      } else if (g.h2 !== undefined) {
        hour = Number(g.h2);
        minute = Number(g.min2);
      } else if (g.h3 !== undefined) {
        hour = Number(g.h3);
      } else {
        hour = Number(g.h4);
        minute = Number(g.min4 ?? 0);
        const pod = (g.pod ?? '').toLowerCase();
        if ((pod === 'afternoon' || pod === 'evening' || pod === 'night') && hour < 12) hour += 12;
      }
      const time = `T${pad(hour)}:${pad(minute)}`;
      const start = m.index;
      const end = m.index + m[0].length;
      if (g.wd) {
        const weekday = weekdayNumber(g.wd);
        if (!weekday) return null;
        return { type: 'TIME', granularity: 'time', relative: { ...weekdayMeaning(weekday, '', env, start, end), time, granularity: 'time' } };
      }
      if (g.dw) {
        const dw = g.dw.toLowerCase();
        const offset = dw === 'yesterday' ? -1 : dw === 'tomorrow' ? 1 : 0;
        return { type: 'TIME', granularity: 'time', relative: pub({ unit: 'day', offset, granularity: 'time', time }) };
      }
      if (g.mon) {
        const month = monthNumber(g.mon);
        const day = Number(g.day);
        if (!month || !validDay(month, day)) return null;
        return monthDay(month, day, g.year ? Number(g.year) : null, env, start, end, time);
      }
      return {
        type: 'TIME',
        granularity: 'time',
        relative: { anchor: 'previous', anchorGranularity: 'day', unit: 'day', offset: 0, granularity: 'anchor', time, fallback: pub({ unit: 'day', offset: 0, granularity: 'time', time }) },
      };
    },
  },
  {
    id: 'date-holiday',
    triggers: ['Christmas', 'Year', 'Thanksgiving', 'Easter', 'Friday', 'Independence', 'Election', 'Memorial', 'Labor', 'Halloween', 'Valentine'],
    re: rx(`(?:(?<rel>last|next|this)\\s+)?(?<h>${RE_HOLIDAY})(?:,?\\s+(?<year>${RE_YEAR})(?!\\d|,\\d))?`),
    make(m, env) {
      const g = m.groups ?? {};
      const holiday = holidayOf(g.h ?? '');
      if (!holiday || !isCapitalised(g.h ?? '')) return null;
      const rel = (g.rel ?? '').toLowerCase();
      const direction: Direction = rel === 'last' ? 'before' : rel === 'next' ? 'after' : rel === 'this' ? 'same' : directionFromTense(env.tense(m.index, m.index + m[0].length), 'nearest');
      if (g.year) return { type: 'DATE', granularity: 'day', value: formatDay(holidayDate(holiday, Number(g.year))) };
      return { type: 'DATE', granularity: 'day', relative: pub({ unit: 'day', offset: 0, holiday, direction, granularity: 'day' }) };
    },
  },
];

/** How far before a trigger word a match may start ("approximately the past twenty-four hours") and after it end. */
const TRIGGER_REACH_BEFORE = 80;
const TRIGGER_REACH_AFTER = 100;

interface TriggerEntry {
  rule: number;
  capitalised: boolean;
}
let triggerIndex: Map<string, TriggerEntry[]> | null = null;
let triggerPattern: RegExp | null = null;

function buildTriggerIndex(): Map<string, TriggerEntry[]> {
  const index = new Map<string, TriggerEntry[]>();
  RULES.forEach((rule, i) => {
    for (const word of new Set(rule.triggers ?? [])) {
      const key = word.toLowerCase();
      const list = index.get(key) ?? [];
      list.push({ rule: i, capitalised: isCapitalised(word) });
      index.set(key, list);
    }
  });
  return index;
}

/** One pattern for every trigger word (whole words only) and every digit run. */
function buildTriggerPattern(index: Map<string, TriggerEntry[]>): RegExp {
  const words = [...index.keys()].filter((k) => !k.startsWith('#')).sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![A-Za-z])(?:${words.join('|')})(?![A-Za-z])|\\d+`, 'gi');
}

const DIGIT_KEYS = ['#0', '#1', '#2', '#3', '#4'];

/** Positions of each rule's trigger words, per rule index, from one pass over the text. */
function triggerPositions(text: string): Array<Array<[number, number]>> {
  triggerIndex ??= buildTriggerIndex();
  triggerPattern ??= buildTriggerPattern(triggerIndex);
  const pattern = triggerPattern;
  const hits: Array<Array<[number, number]>> = RULES.map(() => []);
  pattern.lastIndex = 0;
  for (let t = pattern.exec(text); t; t = pattern.exec(text)) {
    const token = t[0];
    const code = token.charCodeAt(0);
    const key = code >= 48 && code <= 57 ? (DIGIT_KEYS[Math.min(token.length, 4)] ?? '#4') : token.toLowerCase();
    const entries = triggerIndex.get(key);
    if (!entries) continue;
    const capital = isCapitalised(token);
    for (const e of entries) if (!e.capitalised || capital) hits[e.rule]?.push([t.index, t.index + token.length]);
  }
  return hits;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/** Calls `visit` with each match of a rule in document order, scanning only windows around its trigger words. */
function forEachMatch(rule: Rule, text: string, triggers: Array<[number, number]>, visit: (m: RegExpExecArray) => void): void {
  const re = rule.re;
  if (!rule.triggers) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else visit(m);
    }
    return;
  }
  let done = 0; // accepted matches end here: later ones start at or after it (no overlaps, document order)
  for (const [triggerStart, triggerEnd] of triggers) {
    if (triggerEnd <= done) continue;
    // Windows start after whitespace and end before it, so word-boundary checks at their edges stay true to the text.
    let from = Math.max(done, triggerStart - TRIGGER_REACH_BEFORE);
    while (from > done && from > 0 && !isSpace(text.charCodeAt(from - 1))) from--;
    let to = Math.min(text.length, triggerEnd + TRIGGER_REACH_AFTER);
    while (to < text.length && !isSpace(text.charCodeAt(to))) to++;
    const window = text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = from + m.index;
      if (start < done) continue;
      if (start >= triggerEnd) break; // every match holds a trigger word: a later trigger's window finds this one
      m.index = start;
      m.input = text;
      done = start + m[0].length;
      visit(m);
    }
  }
}

/** Runs every rule over the text; candidates may overlap. */
export function collectCandidates(env: RuleEnv): Candidate[] {
  const out: Candidate[] = [];
  const triggers = triggerPositions(env.text);
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r];
    if (!rule) continue;
    forEachMatch(rule, env.text, triggers[r] ?? [], (m) => {
      const made = rule.make(m, env);
      if (!made) return;
      const start = made.start ?? m.index;
      const end = made.end ?? m.index + m[0].length;
      if (end <= start) return;
      const cand: Candidate = { start, end, type: made.type, rule: rule.id, granularity: made.granularity };
      if (made.value !== undefined) cand.value = made.value;
      else if (made.relative) cand.relative = made.relative;
      if (made.quant) cand.quant = made.quant;
      if (made.extension) cand.extension = true;
      out.push(cand);
    });
  }
  return out;
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
