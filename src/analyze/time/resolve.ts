/**
 * Turns a RelativeMeaning into a TIMEX3 value, given an anchor (the publication date or an earlier expression's value).
 */
import {
  addDays,
  addMonths,
  daysInMonth,
  easterSunday,
  formatDay,
  formatWeek,
  isoWeek,
  isoWeekday,
  isoWeekMonday,
  nthWeekdayOfMonth,
  pad,
  quarterOf,
  SEASON_START_MONTH,
  toEpochDay,
  type Season,
  type YMD,
} from './calendar.js';
import type { Direction, Granularity, Holiday, RelativeMeaning, ShiftUnit } from './types.js';

/** A point to resolve from: a representative day plus the value and granularity it came from. */
export interface AnchorPoint {
  date: YMD;
  value: string;
  granularity: Granularity;
}

const SEASONS: readonly Season[] = ['SP', 'SU', 'FA', 'WI'];

/** Reads a TIMEX3 date value back into an anchor; null for references, durations and X placeholders. */
export function anchorFromValue(value: string): AnchorPoint | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  if (m) {
    const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    return { date, value, granularity: m[4] ? (/^T\d/.test(m[4]) ? 'time' : 'part-of-day') : 'day' };
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) return { date: isoWeekMonday(Number(m[1]), Number(m[2])), value, granularity: m[3] ? 'weekend' : 'week' };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { date: { y: Number(m[1]), m: Number(m[2]), d: 1 }, value, granularity: 'month' };
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return { date: { y: Number(m[1]), m: (Number(m[2]) - 1) * 3 + 1, d: 1 }, value, granularity: 'quarter' };
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return { date: { y: Number(m[1]), m: Number(m[2]) === 1 ? 1 : 7, d: 1 }, value, granularity: 'half' };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return { date: { y: Number(m[1]), m: SEASON_START_MONTH[m[2] as Season], d: 1 }, value, granularity: 'season' };
  m = /^(\d{4})$/.exec(value);
  if (m) return { date: { y: Number(m[1]), m: 1, d: 1 }, value, granularity: 'year' };
  return null;
}

export function publicationAnchor(date: YMD): AnchorPoint {
  return { date, value: formatDay(date), granularity: 'day' };
}

export function shiftDate(date: YMD, unit: ShiftUnit, n: number): YMD {
  switch (unit) {
    case 'day':
      return addDays(date, n);
    case 'week':
      return addDays(date, 7 * n);
    case 'month':
      return addMonths(date, n);
    case 'quarter':
      return addMonths(date, 3 * n);
    case 'half':
      return addMonths(date, 6 * n);
    case 'year':
      return addMonths(date, 12 * n);
    case 'decade':
      return addMonths(date, 120 * n);
    case 'century':
      return addMonths(date, 1200 * n);
  }
}

/** Coarseness rank: a larger number is a coarser granularity. */
const RANK: Record<Granularity, number> = {
  time: 0,
  'part-of-day': 1,
  day: 2,
  weekend: 3,
  week: 3,
  month: 4,
  season: 5,
  quarter: 5,
  half: 6,
  year: 7,
  decade: 8,
  century: 9,
  none: 10,
};
const UNIT_GRANULARITY: Record<ShiftUnit, Granularity> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  half: 'half',
  year: 'year',
  decade: 'decade',
  century: 'century',
};

export function formatAt(date: YMD, granularity: Granularity, time?: string): string {
  switch (granularity) {
    case 'time':
    case 'part-of-day':
      return formatDay(date) + (time ?? '');
    case 'day':
      return formatDay(date) + (time ?? '');
    case 'week':
      return formatWeek(date);
    case 'weekend':
      return formatWeek(date) + '-WE';
    case 'month':
      return `${pad(date.y, 4)}-${pad(date.m)}`;
    case 'season': {
      const { year, season } = seasonOf(date);
      return `${pad(year, 4)}-${season}`;
    }
    case 'quarter':
      return `${pad(date.y, 4)}-Q${quarterOf(date.m)}`;
    case 'half':
      return `${pad(date.y, 4)}-H${date.m <= 6 ? 1 : 2}`;
    case 'year':
      return pad(date.y, 4);
    case 'decade':
      return pad(Math.floor(date.y / 10), 3);
    case 'century':
      return pad(Math.floor(date.y / 100), 2);
    case 'none':
      return formatDay(date);
  }
}

/** Season containing a date; December belongs to the winter that bears its own year. */
function seasonOf(date: YMD): { year: number; season: Season } {
  if (date.m <= 2) return { year: date.y - 1, season: 'WI' };
  return { year: date.y, season: SEASONS[Math.floor((date.m - 3) / 3)] ?? 'WI' };
}

/** Shifts a value at its own granularity ("a year earlier" than 1989-Q3 is 1988-Q3). */
function shiftKeepingGranularity(anchor: AnchorPoint, unit: ShiftUnit, offset: number, time?: string): string {
  if (unit === 'year' || unit === 'decade' || unit === 'century') {
    const years = offset * (unit === 'year' ? 1 : unit === 'decade' ? 10 : 100);
    const m = /^(\d{4})(.*)$/.exec(anchor.value);
    if (m && anchor.granularity !== 'week' && anchor.granularity !== 'weekend') {
      let rest = m[2] ?? '';
      if (rest.startsWith('-02-29')) rest = '-02-28' + rest.slice(6);
      return pad(Number(m[1]) + years, 4) + rest;
    }
  }
  const shifted = shiftDate(anchor.date, unit, offset);
  const granularity = RANK[anchor.granularity] <= RANK[UNIT_GRANULARITY[unit]] ? anchor.granularity : UNIT_GRANULARITY[unit];
  return formatAt(shifted, granularity === 'time' || granularity === 'part-of-day' ? 'day' : granularity, time);
}

/** Candidate occurrences of a named calendar field around `base`, each with the day it starts on. */
function occurrences(rel: RelativeMeaning, base: YMD): Array<{ start: YMD; key: number }> | null {
  const years = [base.y - 1, base.y, base.y + 1];
  if (rel.holiday) return years.map((y) => ({ start: holidayDate(rel.holiday as Holiday, y), key: 0 }));
  if (rel.month !== undefined) {
    const month = rel.month;
    return years.map((y) => ({ start: { y, m: month, d: rel.day ?? 1 }, key: 0 }));
  }
  if (rel.quarter !== undefined) {
    const q = rel.quarter;
    return years.map((y) => ({ start: { y, m: (q - 1) * 3 + 1, d: 1 }, key: 0 }));
  }
  if (rel.half !== undefined) {
    const h = rel.half;
    return years.map((y) => ({ start: { y, m: h === 1 ? 1 : 7, d: 1 }, key: 0 }));
  }
  if (rel.season !== undefined) {
    const s = rel.season;
    return years.map((y) => ({ start: { y, m: SEASON_START_MONTH[s], d: 1 }, key: 0 }));
  }
  return null;
}

/** The period of `granularity` containing `date`, as a comparable [first, last] day range. */
function periodKey(date: YMD, rel: RelativeMeaning): number {
  // Compare whole periods: a month name matches "on or before" anywhere inside that month.
  if (rel.day !== undefined || rel.holiday) return toEpochDay(date);
  if (rel.month !== undefined) return date.y * 12 + date.m;
  if (rel.quarter !== undefined) return date.y * 4 + quarterOf(date.m);
  if (rel.half !== undefined) return date.y * 2 + (date.m <= 6 ? 1 : 2);
  if (rel.season !== undefined) {
    const s = seasonOf(date);
    return s.year * 4 + SEASONS.indexOf(s.season);
  }
  return toEpochDay(date);
}

/** Days between `base` and the period a candidate names (0 when inside it). */
function distanceDays(start: YMD, rel: RelativeMeaning, base: YMD): number {
  const b = toEpochDay(base);
  const first = toEpochDay(start);
  const last = rel.day === undefined && rel.month !== undefined ? first + daysInMonth(start.y, start.m) - 1 : first;
  return b < first ? first - b : b > last ? b - last : 0;
}

function pick(cands: Array<{ start: YMD }>, rel: RelativeMeaning, base: YMD, direction: Direction): YMD {
  if (rel.nearestWithinDays !== undefined) {
    let near: YMD | null = null;
    let nearDistance = Infinity;
    for (const c of cands) {
      const dist = distanceDays(c.start, rel, base);
      if (dist < nearDistance) {
        near = c.start;
        nearDistance = dist;
      }
    }
    if (near && nearDistance <= rel.nearestWithinDays) return near;
  }
  const baseKey = periodKey(base, rel);
  const keyed = cands.map((c) => ({ date: c.start, key: periodKey(c.start, rel) }));
  const ok = keyed.filter((c) => {
    switch (direction) {
      case 'past':
        return c.key <= baseKey;
      case 'before':
        return c.key < baseKey;
      case 'future':
        return c.key >= baseKey;
      case 'after':
        return c.key > baseKey;
      case 'same':
        return c.date.y === base.y;
      case 'nearest':
        return true;
    }
  });
  const pool = ok.length ? ok : keyed;
  let best = pool[0];
  for (const c of pool) {
    if (!best) best = c;
    else if (direction === 'past' || direction === 'before') {
      if (c.key > best.key) best = c;
    } else if (direction === 'future' || direction === 'after') {
      if (c.key < best.key) best = c;
    } else if (direction === 'nearest') {
      const dc = Math.abs(toEpochDay(c.date) - toEpochDay(base));
      const db = Math.abs(toEpochDay(best.date) - toEpochDay(base));
      if (dc < db) best = c;
    }
  }
  return best ? best.date : base;
}

function pickWeekday(base: YMD, weekday: number, direction: Direction): YMD {
  const today = isoWeekday(base);
  const back = (today - weekday + 7) % 7;
  const forward = (weekday - today + 7) % 7;
  switch (direction) {
    case 'past':
      return addDays(base, -back);
    case 'before':
      return addDays(base, -(back === 0 ? 7 : back));
    case 'future':
      return addDays(base, forward);
    case 'after':
      return addDays(base, forward === 0 ? 7 : forward);
    case 'same':
      return addDays(base, weekday - today);
    case 'nearest':
      return back <= forward ? addDays(base, -back) : addDays(base, forward);
  }
}

export function holidayDate(holiday: Holiday, y: number): YMD {
  switch (holiday) {
    case 'christmas':
      return { y, m: 12, d: 25 };
    case 'christmas-eve':
      return { y, m: 12, d: 24 };
    case 'new-year':
      return { y, m: 1, d: 1 };
    case 'new-year-eve':
      return { y, m: 12, d: 31 };
    case 'independence':
      return { y, m: 7, d: 4 };
    case 'halloween':
      return { y, m: 10, d: 31 };
    case 'valentine':
      return { y, m: 2, d: 14 };
    case 'thanksgiving':
      return nthWeekdayOfMonth(y, 11, 4, 4);
    case 'easter':
      return easterSunday(y);
    case 'good-friday':
      return addDays(easterSunday(y), -2);
    case 'election':
      return addDays(nthWeekdayOfMonth(y, 11, 1, 1), 1);
    case 'memorial':
      return nthWeekdayOfMonth(y, 5, 1, -1);
    case 'labor':
      return nthWeekdayOfMonth(y, 9, 1, 1);
  }
}

/** Resolves a relative meaning against an anchor into a TIMEX3 value. */
export function resolveAgainst(rel: RelativeMeaning, anchor: AnchorPoint): string {
  if (rel.setYear !== undefined) {
    const moved = rel.setYear - anchor.date.y;
    const withYear: RelativeMeaning = { ...rel, unit: 'year', offset: rel.offset + moved };
    delete withYear.setYear;
    return resolveAgainst(withYear, anchor);
  }
  if (rel.granularity === 'anchor') return shiftKeepingGranularity(anchor, rel.unit, rel.offset, rel.time);
  const base = shiftDate(anchor.date, rel.unit, rel.offset);
  const direction = rel.direction ?? 'nearest';
  let date = base;
  if (rel.weekday !== undefined) date = pickWeekday(base, rel.weekday, direction);
  else {
    const cands = occurrences(rel, base);
    if (cands) date = pick(cands, rel, base, direction);
  }
  return formatAt(date, rel.granularity, rel.time);
}

/** The value with X placeholders for the parts the missing reference date would have fixed. */
export function unresolvedValue(rel: RelativeMeaning): string {
  const time = rel.time ?? '';
  if (rel.weekday !== undefined) return `XXXX-WXX-${rel.weekday}${time}`;
  if (rel.holiday) return 'XXXX-' + formatDay(holidayDate(rel.holiday, 2001)).slice(5) + time;
  if (rel.month !== undefined) {
    return rel.day !== undefined && (rel.granularity === 'day' || rel.granularity === 'time' || rel.granularity === 'part-of-day')
      ? `XXXX-${pad(rel.month)}-${pad(rel.day)}${time}`
      : `XXXX-${pad(rel.month)}`;
  }
  if (rel.quarter !== undefined) return `XXXX-Q${rel.quarter}`;
  if (rel.half !== undefined) return `XXXX-H${rel.half}`;
  if (rel.season !== undefined) return `XXXX-${rel.season}`;
  switch (rel.granularity === 'anchor' ? UNIT_GRANULARITY[rel.unit] : rel.granularity) {
    case 'time':
    case 'part-of-day':
    case 'day':
      return 'XXXX-XX-XX' + time;
    case 'week':
      return 'XXXX-WXX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'month':
      return 'XXXX-XX';
    case 'season':
      return 'XXXX-XX';
    case 'quarter':
      return 'XXXX-QX';
    case 'half':
      return 'XXXX-HX';
    case 'year':
      return 'XXXX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
    default:
      return 'XXXX';
  }
}

export { isoWeek };
