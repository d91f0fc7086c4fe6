/**
 * Normalises the date strings pages carry (ISO 8601 in its many spellings, RFC 2822,
 * "Published 12 March 2025", epoch seconds) to ISO 8601: `YYYY-MM-DD`, or a date-time,
 * keeping the offset exactly when the source states one. Never reads the clock.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
  // A few other languages' month names whose spellings are unambiguous (German, French, Spanish, Portuguese, Italian).
  januar: 1, janvier: 1, enero: 1, janeiro: 1, gennaio: 1, februar: 2, février: 2, fevrier: 2, febrero: 2,
  fevereiro: 2, febbraio: 2, märz: 3, mars: 3, marzo: 3, março: 3, avril: 4, abril: 4, aprile: 4, mai: 5, mayo: 5,
  maio: 5, maggio: 5, juni: 6, juin: 6, junio: 6, junho: 6, giugno: 6, juli: 7, juillet: 7, julio: 7, julho: 7,
  luglio: 7, août: 8, aout: 8, agosto: 8, septembre: 9, septiembre: 9, setembro: 9, settembre: 9, oktober: 10,
  octobre: 10, octubre: 10, outubro: 10, ottobre: 10, novembre: 11, noviembre: 11, novembro: 11, dezember: 12,
  décembre: 12, decembre: 12, diciembre: 12, dezembro: 12, dicembre: 12,
};

/** Years outside this window are typos or placeholders (0001-01-01, 2099), not publication dates. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const ISO_DATE_TIME =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/;
const RFC_2822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4})?)?$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function formatOffset(raw: string | undefined): string {
  if (raw === undefined) return '';
  const upper = raw.toUpperCase();
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT' || upper === 'UT') return 'Z';
  const sign = raw[0]!;
  const digits = raw.slice(1).replace(':', '');
  const hh = digits.slice(0, 2);
  const mm = digits.length >= 4 ? digits.slice(2, 4) : '00';
  return `${sign}${hh}:${mm}`;
}

function build(y: number, mo: number, d: number, h?: number, mi?: number, s?: number, offset?: string): string | undefined {
  if (!validDate(y, mo, d)) return undefined;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return date;
  if (h > 23 || mi > 59 || (s ?? 0) > 60) return date;
  return `${date}T${pad(h)}:${pad(mi)}:${pad(s ?? 0)}${formatOffset(offset)}`;
}

/** Parses a machine-readable date (meta content, JSON-LD, `datetime` attribute); undefined when it is not one. */
export function normaliseDate(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  const iso = ISO_DATE_TIME.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, off] = iso;
    return build(Number(y), Number(mo), Number(d), h === undefined ? undefined : Number(h), mi === undefined ? undefined : Number(mi), sec === undefined ? undefined : Number(sec), off);
  }
  const rfc = RFC_2822.exec(s);
  if (rfc) {
    const [, d, monthName, y, h, mi, sec, off] = rfc;
    const mo = MONTHS[monthName!.toLowerCase()];
    if (mo === undefined) return undefined;
    return build(Number(y), mo, Number(d), h === undefined ? undefined : Number(h), mi === undefined ? undefined : Number(mi), sec === undefined ? undefined : Number(sec), off);
  }
  if (EPOCH.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const date = new Date(ms);
    return build(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), 'Z');
  }
  return findDateInText(s);
}

const MONTH_WORD = '([A-Za-zÀ-ÿ]{3,9})\\.?';
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?${MONTH_WORD},?\\s+(?:de\\s+)?(\\d{4})\\b`);
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`);
const NUMERIC_ISO = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;

/** Finds a human-written date ("Published 12 March 2025", "Nov. 19, 2019 10:15 am") in a short text. Date only. */
export function findDateInText(text: string): string | undefined {
  const s = text.slice(0, 300);
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy) {
    const mo = MONTHS[dmy[2]!.toLowerCase()];
    if (mo !== undefined) {
      const out = build(Number(dmy[3]), mo, Number(dmy[1]));
      if (out) return out;
    }
  }
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy) {
    const mo = MONTHS[mdy[1]!.toLowerCase()];
    if (mo !== undefined) {
      const out = build(Number(mdy[3]), mo, Number(mdy[2]));
      if (out) return out;
    }
  }
  const iso = NUMERIC_ISO.exec(s);
  if (iso) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/;
const URL_COMPACT_DATE = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/;

/** A date in a URL path: `/2019/11/20/`, `/2019-11-20-`, `/20191120/`. */
export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = URL_DATE.exec(path) ?? URL_COMPACT_DATE.exec(path);
  if (!m) return undefined;
  return build(Number(m[1]), Number(m[2]), Number(m[3]));
}
