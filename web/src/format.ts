/** Display helpers shared by the pages. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2026-11-18` → `18 Nov 2026`; `2026-11` → `Nov 2026`; `2026-W50` → `week of 7 Dec 2026`; a full time stamp keeps
 * its time; anything else as given.
 */
export function displayDate(value: string | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-W\d{2}$/.test(value)) {
    const monday = new Date((dayNumber(value) ?? 0) * 86_400_000);
    return `week of ${monday.getUTCDate()} ${MONTHS[monday.getUTCMonth()]} ${monday.getUTCFullYear()}`;
  }
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  if (!m[3]) return `${month} ${m[1]}`;
  return `${Number(m[3])} ${month} ${m[1]}${m[4] ? `, ${m[4]}` : ''}`;
}

/** Day number for placing a TIMEX value on an axis; weeks and months are placed at their start. Undefined when unresolved. */
export function dayNumber(value: string): number | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    const jan4 = Date.UTC(Number(m[1]), 0, 4) / 86_400_000;
    const weekday = (new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7;
    return jan4 - weekday + (Number(m[2]) - 1) * 7;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) / 86_400_000;
  return undefined;
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

const LENGTH_UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', TM: 'minute', S: 'second' };

/** `PT2H` → `2 hours`, `PT90M` → `90 minutes`, `P2D` → `2 days`; anything else as given. */
export function displayDuration(value: string): string {
  const m = /^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$/.exec(value);
  const word = m ? LENGTH_UNITS[m[1] === 'T' && m[3] === 'M' ? 'TM' : (m[3] ?? '')] : undefined;
  return m && word ? plural(Number(m[2]), word) : value;
}
