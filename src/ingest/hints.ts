/** Normalisers for metadata that arrives with an input (feed items, JSON records), so hints are uniform downstream. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** RFC 822/2822 dates as RSS uses them: "Tue, 10 Jun 2003 04:00:00 GMT", "10 Jun 2003 04:00 +0200". */
const RFC822_DATE = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{4})?$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Zone names RFC 822 allows (plus the common military "Z"); other letters give a time without offset. */
const ZONES: Readonly<Record<string, string>> = {
  z: 'Z', ut: 'Z', utc: 'Z', gmt: 'Z',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};

/** Unix times below this are seconds, above it milliseconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const EPOCH_MS_THRESHOLD = 1e11;

const pad = (n: number | string, width = 2): string => String(n).padStart(width, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetOf(zone: string | undefined): string {
  if (!zone) return '';
  if (/^[+-]\d{2}:?\d{2}$/.test(zone)) return `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return ZONES[zone.toLowerCase()] ?? '';
}

/**
 * ISO 8601 for a date given as ISO, RFC 822 or a Unix time; undefined for anything else.
 * Keeps the source's offset (no conversion to UTC) and never reads the local time zone,
 * so the same input gives the same hint on every machine.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const date = new Date(value >= EPOCH_MS_THRESHOLD ? value : value * 1000);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    if (!validDay(Number(y), Number(mo), Number(d))) return undefined;
    if (h === undefined) return `${y}-${mo}-${d}`;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 60) return undefined;
    return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${offsetOf(zone)}`;
  }
  const rfc = RFC822_DATE.exec(text);
  if (rfc) {
    const [, d, monthName, yearText, h, mi, s, zone] = rfc;
    const month = MONTHS.indexOf((monthName ?? '').toLowerCase()) + 1;
    let year = Number(yearText);
    if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
    if (month === 0 || !validDay(year, month, Number(d)) || Number(h) > 23 || Number(mi) > 59) return undefined;
    return `${pad(year, 4)}-${pad(month)}-${pad(d ?? '')}T${pad(h ?? '')}:${mi}:${s ?? '00'}${offsetOf(zone)}`;
  }
  return undefined;
}

/** "jo@example.com (Jo Smith)" → "Jo Smith"; a bare e-mail address is not a name and is dropped. */
export function cleanAuthor(value: string): string | undefined {
  let name = value.replace(/\s+/g, ' ').trim();
  const parenthesised = /^\S+@\S+\s*\((.+)\)$/.exec(name);
  if (parenthesised?.[1]) name = parenthesised[1].trim();
  if (/^\S+@\S+\.\S+$/.test(name)) return undefined;
  return name === '' ? undefined : name;
}

export function cleanAuthors(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const raw = typeof value === 'string' ? value : isRecord(value) && typeof value['name'] === 'string' ? value['name'] : undefined;
    const name = raw === undefined ? undefined : cleanAuthor(raw);
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

/** "en-US" → "en": the BCP 47 primary tag ArticleMetadata uses. */
export function normaliseLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

export function cleanTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  return title === '' ? undefined : title;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
