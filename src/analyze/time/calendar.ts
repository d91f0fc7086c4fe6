/**
 * Calendar arithmetic on plain year/month/day triples and TIMEX3 value strings.
 * Pure functions over the proleptic Gregorian calendar (UTC, no clock, no time zones).
 */

export interface YMD {
  readonly y: number;
  readonly m: number; // 1-12
  readonly d: number; // 1-31
}

const MS_PER_DAY = 86_400_000;

export function toEpochDay(date: YMD): number {
  return Math.floor(Date.UTC(date.y, date.m - 1, date.d) / MS_PER_DAY);
}

export function fromEpochDay(day: number): YMD {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(date: YMD, days: number): YMD {
  return fromEpochDay(toEpochDay(date) + days);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: YMD, months: number): YMD {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: YMD): number {
  const dow = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** ISO-8601 week-numbering year and week. */
export function isoWeek(date: YMD): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = toEpochDay({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: Math.floor((toEpochDay(thursday) - jan1) / 7) + 1 };
}

/** Monday of the given ISO week. */
export function isoWeekMonday(year: number, week: number): YMD {
  const jan4 = { y: year, m: 1, d: 4 };
  const mondayWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayWeek1, (week - 1) * 7);
}

export function pad(n: number, width = 2): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + s : s;
}

export function formatDay(date: YMD): string {
  return `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
}

export function formatWeek(date: YMD): string {
  const w = isoWeek(date);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

export function compareYMD(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Parses `YYYY-MM-DD` (optionally followed by `T...`, as in an ISO timestamp); null if it is not a real date. */
export function parseReferenceDate(value: string): YMD | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (!match) return null;
  const date = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  if (date.m < 1 || date.m > 12 || date.d < 1 || date.d > daysInMonth(date.y, date.m)) return null;
  return date;
}

/** Seasons as TIMEX3 writes them, with the months each covers (winter starts in December). */
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export const SEASON_START_MONTH: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Western Easter Sunday (anonymous Gregorian computus). */
export function easterSunday(y: number): YMD {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
export function nthWeekdayOfMonth(y: number, m: number, weekday: number, n: number): YMD {
  if (n > 0) {
    const first = { y, m, d: 1 };
    const delta = (weekday - isoWeekday(first) + 7) % 7;
    return addDays(first, delta + (n - 1) * 7);
  }
  const last = { y, m, d: daysInMonth(y, m) };
  const delta = (isoWeekday(last) - weekday + 7) % 7;
  return addDays(last, -delta);
}
