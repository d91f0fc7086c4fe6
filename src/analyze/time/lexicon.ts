/** Words and regular-expression fragments for English time expressions. */
import type { Season } from './calendar.js';
import type { Holiday } from './types.js';

const UNITS_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEEN_WORDS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const SMALL_NUMBERS: Record<string, number> = { zero: 0, a: 1, an: 1, single: 1, dozen: 12, 'a dozen': 12, hundred: 100, 'a hundred': 100, 'one hundred': 100, couple: 2, 'a couple of': 2, 'a couple': 2, 'couple of': 2 };
UNITS_WORDS.forEach((w, i) => (SMALL_NUMBERS[w] = i + 1));
TEEN_WORDS.forEach((w, i) => (SMALL_NUMBERS[w] = i + 10));
TENS_WORDS.forEach((w, i) => (SMALL_NUMBERS[w] = (i + 2) * 10));

/** Counts that do not fix a number ("several years"): TIMEX3 writes them as X. */
export const FUZZY_COUNTS = new Set(['few', 'a few', 'several', 'some', 'many', 'a number of', 'the', 'numerous', 'hundreds of', 'dozens of', 'thousands of']);

export const RE_WORD_NUMBER = `(?:(?:${TENS_WORDS.join('|')})(?:[- ](?:${UNITS_WORDS.join('|')}))?|${TEEN_WORDS.join('|')}|${UNITS_WORDS.join('|')}|(?:a |one )?hundred|(?:a )?dozen|a couple(?: of)?|couple of|single)`;
const RE_DIGITS = `\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?`;
const RE_FUZZY = `(?:a few|few|several|some|many|a number of|numerous|hundreds of|dozens of|thousands of)`;
/** A count before a unit: "3", "three", "twenty-four", "5 1/2", "a few". */
export const RE_COUNT = `(?:(?:${RE_DIGITS}|${RE_WORD_NUMBER}(?:[- ](?:hundred|thousand))?)(?:\\s+(?:1/2|and a half)|½)?|${RE_FUZZY}|an?)`;

/** Parses a count phrase; null for a fuzzy count, NaN when it is not a count at all. Halves are kept as .5. */
export function parseCount(raw: string): number | null {
  let s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  let half = 0;
  const h = /(?:\s+(?:1\/2|and a half)|½)$/.exec(s);
  if (h) {
    half = 0.5;
    s = s.slice(0, h.index).trim();
  }
  if (FUZZY_COUNTS.has(s)) return null;
  const scale = /^(.+?)[- ](hundred|thousand)$/.exec(s);
  if (scale) {
    const head = parseCount(scale[1] ?? '');
    return head === null || Number.isNaN(head) ? Number.NaN : head * (scale[2] === 'hundred' ? 100 : 1000) + half;
  }
  if (/^[\d,.]+$/.test(s)) return Number(s.replace(/,/g, '')) + half;
  const direct = SMALL_NUMBERS[s];
  if (direct !== undefined) return direct + half;
  const parts = s.split(/[- ]/);
  if (parts.length === 2) {
    const tens = SMALL_NUMBERS[parts[0] ?? ''];
    const units = SMALL_NUMBERS[parts[1] ?? ''];
    if (tens !== undefined && units !== undefined && tens >= 20 && units < 10) return tens + units + half;
  }
  return Number.NaN;
}

export const RE_MONTH_FULL = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** Month names and their news abbreviations ("Aug.", "Sept."). */
export const RE_MONTH = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const MONTH_PREFIX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** Month number of a month word; null unless it is capitalised, so the modal "may" and the verb "march" never count. */
export function monthNumber(word: string): number | null {
  const first = word.charAt(0);
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return null;
  return MONTH_PREFIX[word.slice(0, 3).toLowerCase()] ?? null;
}

export const RE_WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export function weekdayNumber(word: string): number | null {
  const i = WEEKDAYS.indexOf(word.toLowerCase().replace(/s$/, '').replace(/'s$/, ''));
  return i < 0 ? null : i + 1;
}

export const RE_SEASON = '(?:spring|summer|fall|autumn|winter)';
export function seasonCode(word: string): Season | null {
  switch (word.toLowerCase()) {
    case 'spring':
      return 'SP';
    case 'summer':
      return 'SU';
    case 'fall':
    case 'autumn':
      return 'FA';
    case 'winter':
      return 'WI';
    default:
      return null;
  }
}

export const RE_ORDINAL_QUARTER = '(?:first|second|third|fourth|final|1st|2nd|3rd|4th)';
export function ordinalNumber(word: string): number | null {
  const w = word.toLowerCase();
  const table: Record<string, number> = {
    first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4,
    fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13,
    fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
    'twenty-first': 21, 'twenty first': 21,
  };
  if (table[w] !== undefined) return table[w] ?? null;
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  return m ? Number(m[1]) : null;
}

/** Time units with their TIMEX3 duration letters; time-of-day units go after `T`. */
export type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'night' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century' | 'millennium';
export const RE_UNIT = '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millennium|millennia)';
export function unitOf(word: string): DurationUnit | null {
  const w = word.toLowerCase();
  if (w === 'centuries') return 'century';
  if (w === 'millennia') return 'millennium';
  const base = w.replace(/s$/, '');
  const units: DurationUnit[] = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'century', 'millennium'];
  return (units as string[]).includes(base) ? (base as DurationUnit) : null;
}

export const RE_YEAR = '(?:1[0-9]\\d\\d|20\\d\\d)';

/** Number words for spoken years ("nineteen ninety-seven"). */
export const RE_SPOKEN_YEAR = `(?:nineteen|eighteen)[- ](?:(?:${TENS_WORDS.join('|')})(?:[- ](?:${UNITS_WORDS.join('|')}))?|${TEEN_WORDS.join('|')}|oh[- ](?:${UNITS_WORDS.join('|')}))|two thousand(?: and)?(?:[- ](?:${UNITS_WORDS.join('|')}|${TEEN_WORDS.join('|')}))?`;
export function parseSpokenYear(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const m = /^(nineteen|eighteen)[- ](.+)$/.exec(s);
  if (m) {
    const rest = (m[2] ?? '').replace(/^oh[- ]/, '');
    const n = parseCount(rest);
    if (n === null || Number.isNaN(n)) return null;
    return (m[1] === 'nineteen' ? 1900 : 1800) + n;
  }
  const t = /^two thousand(?: and)?(?:[- ](.+))?$/.exec(s);
  if (t) {
    if (!t[1]) return 2000;
    const n = parseCount(t[1]);
    return n === null || Number.isNaN(n) ? null : 2000 + n;
  }
  return null;
}

export const RE_DECADE_WORD = '(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)';
export function decadeWordDigit(word: string): number | null {
  const i = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(word.toLowerCase());
  return i < 0 ? null : i + 2;
}

export const RE_HOLIDAY =
  "(?:Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)?|Thanksgiving(?: Day)?|Easter(?: Sunday)?|Good Friday|Independence Day|Election Day|Memorial Day|Labor Day|Halloween|Valentine's Day)";
export function holidayOf(raw: string): Holiday | null {
  const s = raw.toLowerCase();
  if (s.startsWith('christmas eve')) return 'christmas-eve';
  if (s.startsWith('christmas')) return 'christmas';
  if (s === "new year's eve") return 'new-year-eve';
  if (s.startsWith('new year')) return 'new-year';
  if (s.startsWith('thanksgiving')) return 'thanksgiving';
  if (s.startsWith('easter')) return 'easter';
  if (s === 'good friday') return 'good-friday';
  if (s === 'independence day') return 'independence';
  if (s === 'election day') return 'election';
  if (s === 'memorial day') return 'memorial';
  if (s === 'labor day') return 'labor';
  if (s === 'halloween') return 'halloween';
  if (s.startsWith('valentine')) return 'valentine';
  return null;
}

/** Parts of the day as TIMEX3 writes them. */
export const RE_PART_OF_DAY = '(?:morning|afternoon|evening|night)';
export function partOfDayCode(word: string): string {
  switch (word.toLowerCase()) {
    case 'morning':
      return 'TMO';
    case 'afternoon':
      return 'TAF';
    case 'evening':
      return 'TEV';
    default:
      return 'TNI';
  }
}

export const RE_ZONE = '(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|local time|Eastern time|Eastern)';
