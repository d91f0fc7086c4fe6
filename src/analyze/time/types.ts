import type { Season } from './calendar.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** How fine a value is; durations and sets use the unit they count in, references (`PAST_REF`) use 'none'. */
export type Granularity =
  | 'time'
  | 'part-of-day'
  | 'day'
  | 'week'
  | 'weekend'
  | 'month'
  | 'season'
  | 'quarter'
  | 'half'
  | 'year'
  | 'decade'
  | 'century'
  | 'none';

/** Calendar units a relative expression can move by. */
export type ShiftUnit = 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

/**
 * Which way a calendar name with no year or week points.
 * 'past' = the latest on or before the anchor, 'future' = the earliest on or after it,
 * 'before'/'after' = strictly before/after, 'nearest' = closest either way, 'same' = inside the anchor's own period.
 */
export type Direction = 'past' | 'future' | 'before' | 'after' | 'nearest' | 'same';

/**
 * What an implied expression means before it is pinned to a date: the anchor is moved by `offset` `unit`s,
 * then a named field (weekday, month, quarter, ...) is looked for in `direction`, and the result is written at
 * `granularity` ('anchor' = the anchor's own granularity, as in "a year earlier" after "the third quarter").
 */
export interface RelativeMeaning {
  anchor: 'publication' | 'previous';
  unit: ShiftUnit;
  offset: number;
  granularity: Granularity | 'anchor';
  direction?: Direction;
  weekday?: number; // ISO 1 = Monday ... 7 = Sunday
  month?: number;
  day?: number;
  quarter?: number;
  half?: number;
  season?: Season;
  /** Fixed calendar day computed per year (holidays): month/day or a rule. */
  holiday?: Holiday;
  /** Suffix for times of day: 'T14:30', 'T24:00', 'TMO', 'TNI'. */
  time?: string;
  /** A stated year replacing the anchor's ("the 1988 period" after "the third quarter" is 1988-Q3). */
  setYear?: number;
  /** A month or date this close to the anchor (in days) is taken whatever the direction says (news about next week's vote). */
  nearestWithinDays?: number;
  /** With anchor 'previous': only earlier expressions of this granularity count ("the year-ago quarter" needs a quarter). */
  anchorGranularity?: Granularity;
  /** What to do when no suitable earlier expression exists (else the publication date is the anchor). */
  fallback?: RelativeMeaning;
}

export type Holiday =
  | 'christmas'
  | 'christmas-eve'
  | 'new-year'
  | 'new-year-eve'
  | 'independence'
  | 'thanksgiving'
  | 'easter'
  | 'good-friday'
  | 'election'
  | 'memorial'
  | 'labor'
  | 'halloween'
  | 'valentine';

export interface TimeExpression {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3 value; placeholders with X when the reference date is unknown (`XXXX-WXX-3`). */
  value: string;
  granularity: Granularity;
  certainty: 'stated' | 'implied';
  /** What an implied value was computed from: the publication date or an earlier expression (index into the result array). */
  anchor?: 'publication' | { timexIndex: number };
  /** The relative meaning of an implied expression, kept so it can be re-resolved (`resolveTimex`). */
  relative?: RelativeMeaning;
  /** Set frequency, TIMEX3 `quant` ("EVERY" for "every week", "each July"). */
  quant?: string;
  rule: string;
}

export interface RecognizeContext {
  /** Publication date, `YYYY-MM-DD` or an ISO timestamp; relative expressions stay unresolved without it. */
  published?: string;
  /**
   * 'timeml' drops the project's extensions that TimeML does not annotate (the adjective "former" as PAST_REF),
   * for scoring against TimeML corpora. Default 'triangulate'.
   */
  conventions?: 'triangulate' | 'timeml';
}
