/** Comparing TIMEX3 date values as the reports give them: days, weeks, months, years, and X placeholders. */

export type DateGrain = 'day' | 'week' | 'month' | 'year' | 'unknown';

export interface DateRange {
  readonly grain: DateGrain;
  /** Inclusive day numbers (days since 1970-01-01); absent for unknown values. */
  readonly from?: number;
  readonly to?: number;
}

const DAY_MS = 86_400_000;

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The days a value covers: "2026-11-18" one day, "2026-11" thirty, "2026-W47" seven; placeholders cover nothing known. */
export function dateRange(value: string): DateRange {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m) {
    const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
    return { grain: 'day', from: day, to: day };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = dayNumber(Number(m[1]), 1, 4);
    const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7;
    const monday = jan4 - weekday + (Number(m[2]) - 1) * 7;
    return { grain: 'week', from: monday, to: monday + 6 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { grain: 'month', from: dayNumber(y, mo, 1), to: dayNumber(y, mo + 1, 1) - 1 };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { grain: 'year', from: dayNumber(Number(m[1]), 1, 1), to: dayNumber(Number(m[1]) + 1, 1, 1) - 1 };
  return { grain: 'unknown' };
}

export function isResolved(value: string): boolean {
  return dateRange(value).grain !== 'unknown';
}

export type DateRelation = 'same' | 'contains' | 'near' | 'apart' | 'unknown';

/**
 * Two days this close may be one event dated differently by two reports (Monday vs Tuesday); further apart they are
 * two events. Three days covers "two days after" vs "a day after" style slips without joining weekly meetings.
 */
export const MAX_DISPUTED_DATE_GAP_DAYS = 3;

/**
 * Relations of two dates one event is given that make its date disputed: days apart, or further apart within one
 * planned event (events.ts merges those only for a planned next meeting).
 */
export const DISPUTED_DATES: ReadonlySet<DateRelation> = new Set<DateRelation>(['near', 'apart']);

/** How two date values relate: same day, one inside the other, days apart (a dispute), far apart, or not comparable. */
export function relateDates(a: string, b: string): DateRelation {
  const ra = dateRange(a);
  const rb = dateRange(b);
  if (ra.from === undefined || ra.to === undefined || rb.from === undefined || rb.to === undefined) return 'unknown';
  if (ra.grain === 'day' && rb.grain === 'day') {
    const gap = Math.abs(ra.from - rb.from);
    return gap === 0 ? 'same' : gap <= MAX_DISPUTED_DATE_GAP_DAYS ? 'near' : 'apart';
  }
  if (ra.from === rb.from && ra.to === rb.to) return 'same';
  const inside = (x: DateRange, y: DateRange): boolean => (x.from ?? 0) >= (y.from ?? 0) && (x.to ?? 0) <= (y.to ?? 0);
  return inside(ra, rb) || inside(rb, ra) ? 'contains' : 'apart';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2026-11-18" → "Wednesday 18 November 2026"; "2026-11" → "November 2026"; "2026-W50" → "the week of 7 December 2026";
 * other values unchanged.
 */
export function displayDate(value: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return `${WEEKDAYS[day.getUTCDay()]} ${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  const week = dateRange(value);
  if (week.grain === 'week' && week.from !== undefined) {
    const monday = new Date(week.from * DAY_MS);
    return `the week of ${monday.getUTCDate()} ${MONTHS[monday.getUTCMonth()]} ${monday.getUTCFullYear()}`;
  }
  return value;
}

const DURATION_UNITS: Record<string, { minutes: number; word: string }> = {
  Y: { minutes: 525_600, word: 'year' }, M: { minutes: 43_800, word: 'month' }, W: { minutes: 10_080, word: 'week' }, D: { minutes: 1_440, word: 'day' },
  H: { minutes: 60, word: 'hour' }, TM: { minutes: 1, word: 'minute' }, S: { minutes: 1 / 60, word: 'second' },
};

/** A TIMEX3 length with one unit ("PT2H", "P3D", "PT90M") as a number and its unit, or undefined for others ("PXY"). */
function durationParts(value: string): { amount: number; unit: { minutes: number; word: string } } | undefined {
  const m = /^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$/.exec(value);
  if (!m) return undefined;
  const key = m[1] === 'T' && m[3] === 'M' ? 'TM' : (m[3] ?? '');
  const unit = DURATION_UNITS[key];
  return unit ? { amount: Number(m[2]), unit } : undefined;
}

/** A TIMEX3 length in minutes, when it has a single numeric unit. */
export function durationMinutes(value: string): number | undefined {
  const p = durationParts(value);
  return p ? p.amount * p.unit.minutes : undefined;
}

/** "PT2H" → "2 hours", "PT90M" → "90 minutes", "P1D" → "1 day"; other values as they are. */
export function displayDuration(value: string): string {
  const p = durationParts(value);
  return p ? `${p.amount} ${p.unit.word}${p.amount === 1 ? '' : 's'}` : value;
}

/**
 * How long an event lasted as the timeline tells it, in the words of the first report giving each length (", lasting
 * almost three hours", ", lasting two hours or three hours"), or ''.
 */
export function lastingText(duration: { readonly values: readonly { readonly value: string; readonly sources: readonly { readonly text: string }[] }[] } | undefined): string {
  return duration && duration.values.length > 0 ? `, lasting ${duration.values.map((v) => v.sources[0]?.text ?? displayDuration(v.value)).join(' or ')}` : '';
}

/** Two reported lengths of one event that cannot both be right: a quarter or more apart ("two hours" vs "three hours"). */
export function durationsDisagree(a: string, b: string): boolean {
  const x = durationMinutes(a);
  const y = durationMinutes(b);
  if (x === undefined || y === undefined || x === 0 || y === 0) return false;
  return Math.max(x, y) / Math.min(x, y) >= DURATION_DISAGREEMENT_RATIO;
}

const DURATION_DISAGREEMENT_RATIO = 1.25;
