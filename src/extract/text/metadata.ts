/**
 * Bylines and dates printed as text around a headline: "By Jane Doe | Reuters",
 * "By Jane DoeDaily Ledger", "Chris Davies - Nov 19, 2019, 10:31 pm CST",
 * "Published: 20 November 2019".
 */

/** Words that introduce an author in the languages we meet most. */
const BYLINE_START = /^(?:by|von|par|por|di|door|av|af|przez|de)\s+(?=\p{Lu})/iu;
/** "Posted on March 30, 2015 by Admin", "Nov 18, 2019 by Joe Rossignol". */
const BYLINE_INSIDE = /\b(?:by|von|par|por)\s+(?=\p{Lu})/u;
/** Where the name list ends: an outlet after a separator, a date, a role, a handle. */
const NAME_LIST_END = /\s+[|\u2013\u2014\u2022\u00b7/]\s*|\s+-\s+|,\s*(?=(?:\p{Lu}[\p{L}.]*\s*)?(?:staff|correspondent|reporter|editor|writer|contributor)\b)|\s+(?:on|am|le|el|il|em|published|updated|posted)\s+|\s*@|\s*\d|\s*\(/iu;
const NAME_SEPARATOR = /\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/u;
/** A word of a personal name: "Jane", "O'Neil", "DeArdo", "McDonald", "L.", "Jean-Luc". */
const NAME_WORD = /^(?:\p{Lu}\.|(?:Mc|Mac|De|Di|Da|Du|La|Le|O'|O\u2019|D'|D\u2019)?\p{Lu}[\p{Ll}\u2019'-]+(?:-\p{Lu}[\p{Ll}]+)?)$/u;
/** Lower-case particles inside names: "Ludwig van Beethoven", "Ahmad bin Ali". */
const NAME_PARTICLE = /^(?:van|von|der|den|de|da|di|del|della|dos|du|la|le|bin|ibn|al|el)$/u;
/** Site roles that are not people. */
const NOT_A_PERSON = /^(?:admin|administrator|staff|editor|editors|guest|team|redaktion|r[ée]daction|redacci[óo]n|reda[cç][aã]o|webmaster|news desk|newsdesk|the editors)$/iu;
const MINIMUM_NAME_WORDS = 2;
const MAXIMUM_NAME_WORDS = 5;
/** A byline is a short line; a paragraph that happens to start with "By" is not one. */
const MAXIMUM_BYLINE_LENGTH = 160;
const MAXIMUM_INNER_BYLINE_LENGTH = 90;
/** Words that make a "name" an organisation or a desk: "India Post News Weekly", "IGN Staff". */
const ORGANISATION_WORD = /^(?:news|press|staff|times|post|daily|weekly|media|agency|agencies|wire|wires|desk|service|online|magazine|group|team|reporters|network|tv|radio|channel|journal|herald|tribune|gazette|bureau|editorial|redaktion)$/iu;

/**
 * Person names from a byline line, cleaned of "By", of the outlet glued on or after
 * a separator, of dates and roles. Empty when the line is not a byline.
 */
export function parseByline(line: string, outlet?: string): string[] {
  if (line.length > MAXIMUM_BYLINE_LENGTH) return [];
  let rest: string;
  const start = BYLINE_START.exec(line);
  if (start !== null) {
    rest = line.slice(start[0].length);
  } else {
    // Inside a line only when the line is short: "installed by Peter Koros Design at the festival" is prose.
    if (line.length > MAXIMUM_INNER_BYLINE_LENGTH || /[.!?]["'\u201d\u2019]?$/u.test(line)) return [];
    const inside = BYLINE_INSIDE.exec(line);
    if (inside === null) return [];
    rest = line.slice(inside.index + inside[0].length);
  }
  if (outlet !== undefined && outlet.length > 0) {
    const at = rest.indexOf(outlet);
    if (at > 0) rest = rest.slice(0, at);
  }
  const end = NAME_LIST_END.exec(rest);
  if (end !== null) rest = rest.slice(0, end.index);
  // "By Lena Hart, Northern Ledger", "By Lena Hart, The Evening Dispatch": the outlet after the last comma.
  // A dateline may follow on the same line ("…, The Evening Dispatch Thursday, November 19").
  const tail = /,\s*([^,]+)$/u.exec(rest.replace(DATE_WORDS_AT_END, ''));
  if (tail?.[1] !== undefined && namesOutlet(tail[1].trim())) rest = rest.slice(0, tail.index);
  const names: string[] = [];
  for (const part of rest.split(NAME_SEPARATOR)) {
    const name = leadingName(part.trim());
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The longest run of name words at the start of `text`. A word with an outlet glued
 * to it ("DoeDaily Ledger") contributes its first half and ends the name.
 */
function leadingName(text: string): string | undefined {
  const words = text.split(/\s+/u).filter((word) => word.length > 0);
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length >= MAXIMUM_NAME_WORDS) break;
    if (MONTHS.has(word.toLowerCase().replace(/\.$/u, ''))) break;
    if (NAME_WORD.test(word) || (kept.length > 0 && NAME_PARTICLE.test(word))) {
      kept.push(word);
      continue;
    }
    const glue = /^(\p{Lu}[\p{Ll}'\u2019-]+)\p{Lu}/u.exec(word);
    if (glue?.[1] !== undefined && kept.length > 0) kept.push(glue[1]);
    break;
  }
  while (kept.length > 0 && NAME_PARTICLE.test(kept[kept.length - 1] ?? '')) kept.pop();
  if (kept.length < MINIMUM_NAME_WORDS) return undefined;
  let name = kept.join(' ');
  // Sites print the name twice (link text, then tooltip): "Sean Martin Sean Martin".
  const half = kept.length / 2;
  if (Number.isInteger(half) && kept.slice(0, half).join(' ') === kept.slice(half).join(' ')) name = kept.slice(0, half).join(' ');
  if (kept.some((word) => ORGANISATION_WORD.test(word))) return undefined;
  return NOT_A_PERSON.test(name) ? undefined : name;
}

/** "Jane Doe | Reuters", "Chris Davies - Nov 19, 2019": a bare name, then an outlet or a date. */
const BARE_NAME_THEN = /^([^|\u2013\u2014]{3,60}?)\s+[|\u2013\u2014-]\s+(.+)$/u;

/**
 * A byline without "By": accepted only in the shape "Name | Outlet" or "Name - date",
 * where every word of the first part is a name word, so "Business News | Home" is not taken.
 */
export function parseBareByline(line: string): string[] {
  if (line.length > MAXIMUM_BYLINE_LENGTH) return [];
  const match = BARE_NAME_THEN.exec(line);
  const namePart = match?.[1]?.trim();
  const after = match?.[2];
  if (namePart === undefined || after === undefined) return [];
  // "Globe Wire | Sam Okoro", "Northern Ledger | Tomas Reyes": the outlet first, when its words say it is one and
  // the name's do not.
  const reversed = after.split(/\s+[|\u2013\u2014\u00b7\u2022]\s+/u)[0]?.trim() ?? '';
  if (line.includes('|') && OUTLET_NAME.test(namePart) && soundsLikeOutlet(namePart) && !soundsLikeOutlet(reversed) &&
    leadingName(reversed) === reversed) return [reversed];
  const name = leadingName(namePart);
  if (name === undefined || name !== namePart) return [];
  const afterIsOutlet = line.includes('|') && after.split(/\s+/u).length <= 4;
  return afterIsOutlet || parseDate(after) !== undefined ? [name] : [];
}

const MONTHS: ReadonlyMap<string, number> = buildMonthTable();

function buildMonthTable(): Map<string, number> {
  const table = new Map<string, number>();
  const names: readonly (readonly string[])[] = [
    ['january', 'jan', 'januar', 'janvier', 'enero', 'janeiro', 'gennaio', 'januari', 'jänner'],
    ['february', 'feb', 'februar', 'février', 'fevrier', 'febrero', 'fevereiro', 'febbraio', 'februari'],
    ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'maret'],
    ['april', 'apr', 'avril', 'abril', 'aprile'],
    ['may', 'mai', 'mayo', 'maio', 'maggio', 'mei'],
    ['june', 'jun', 'juni', 'juin', 'junio', 'junho', 'giugno'],
    ['july', 'jul', 'juli', 'juillet', 'julio', 'julho', 'luglio'],
    ['august', 'aug', 'août', 'aout', 'agosto', 'augustus', 'agustus'],
    ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'settembre'],
    ['october', 'oct', 'oktober', 'octobre', 'octubre', 'outubro', 'ottobre', 'okt'],
    ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'nopember'],
    ['december', 'dec', 'dezember', 'décembre', 'decembre', 'diciembre', 'dezembro', 'dicembre', 'desember', 'dez'],
  ];
  names.forEach((forms, month) => {
    for (const form of forms) table.set(form, month + 1);
  });
  return table;
}

const MONTH_WORD = '(\\p{L}{3,10})\\.?';
/** "November 20, 2019", "Nov. 20 2019". */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'u');
/** "20 November 2019", "19 NOV 2019", "22 de outubro de 2010", "25. September 2018". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\.?\\s+(?:de\\s+)?${MONTH_WORD},?\\s+(?:de\\s+)?(\\d{4})\\b`, 'u');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/u;
/** "27/09/2018", "20.11.2019": day first unless that cannot be. */
const NUMERIC_DATE = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/u;
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

/** The first calendar date stated in `line`, as `YYYY-MM-DD`. */
export function parseDate(line: string): string | undefined {
  const iso = ISO_DATE.exec(line);
  if (iso !== null) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = MONTH_DAY_YEAR.exec(line);
  if (monthFirst !== null) {
    const month = MONTHS.get((monthFirst[1] ?? '').toLowerCase());
    if (month !== undefined) return validDate(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const dayFirst = DAY_MONTH_YEAR.exec(line);
  if (dayFirst !== null) {
    const month = MONTHS.get((dayFirst[2] ?? '').toLowerCase());
    if (month !== undefined) return validDate(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const numeric = NUMERIC_DATE.exec(line);
  if (numeric !== null) {
    const first = Number(numeric[1]);
    const second = Number(numeric[2]);
    const year = Number(numeric[3]);
    // US sites write month first; when both readings are possible the day-first one is taken only for dots.
    if (second > 12) return validDate(year, first, second);
    if (first > 12 || line.includes('.')) return validDate(year, second, first);
    return undefined;
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Lines that state when the article was changed rather than first published. */
const UPDATED_LINE = /\b(?:updated|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato)\b/iu;
const PUBLISHED_LINE = /\b(?:published|posted|publié|veröffentlicht|publiziert|publicado|pubblicato)\b/iu;

/**
 * The publication date among header lines: a line saying "Published"/"Posted" wins,
 * then any dated line that is not an update notice, then an update notice.
 */
export function findPublishedDate(lines: readonly string[]): string | undefined {
  let plain: string | undefined;
  let updated: string | undefined;
  for (const line of lines) {
    if (PUBLISHED_LINE.test(line)) {
      const date = parseDate(line.slice(PUBLISHED_LINE.exec(line)?.index ?? 0));
      if (date !== undefined) return date;
    }
    const date = parseDate(line);
    if (date === undefined) continue;
    if (UPDATED_LINE.test(line)) updated ??= date;
    else plain ??= date;
  }
  return plain ?? updated;
}

/** An outlet name: a few capitalised words ("The Evening Dispatch", "Reuters"), no digits, no sentence. */
/** Weekday and month names ending a line, the start of a dateline cut at its first digit. */
const DATE_WORDS_AT_END = /(?:[\s,]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?))+[\s,]*$/u;

/** "Northern Ledger", "The Evening Dispatch": a name that can only be a publication's. */
function namesOutlet(name: string): boolean {
  if (!OUTLET_NAME.test(name)) return false;
  const words = name.split(/\s+/u);
  return words[0] === 'The' || (words.length >= 2 && OUTLET_WORD.test(words[words.length - 1] ?? ''));
}

function soundsLikeOutlet(name: string): boolean {
  return name.split(/\s+/u).some((w) => ORGANISATION_WORD.test(w) || OUTLET_WORD.test(w));
}

/** Last words of outlet names beyond the desk words ("Northern Ledger", "Daily Courier", "The Evening Dispatch"). */
const OUTLET_WORD = /^(?:ledger|courier|dispatch|observer|guardian|telegraph|chronicle|standard|mirror|express|independent|monitor|review|register|record|sun|star|mail|globe|nation|today|insider|report|reporter|voice|bulletin)$/iu;

const OUTLET_NAME = /^(?:The\s+)?\p{Lu}[\p{L}&'\u2019.-]*(?:\s+(?:of|on|and|&|the|de|la|le)?\s*\p{Lu}[\p{L}&'\u2019.-]*){0,4}$/u;

/**
 * The outlet printed with a byline: glued to the last name ("By Jane DoeThe Daily Ledger")
 * or after a separator ("By Jane Doe, Reuters", "Jane Doe | Northern Courier").
 */
export function outletOfByline(line: string, authors: readonly string[]): string | undefined {
  const last = authors[authors.length - 1];
  if (last === undefined) return undefined;
  const at = line.lastIndexOf(last);
  if (at < 0) return undefined;
  const after = line.slice(at + last.length).replace(/^\s*(?:[,|\u2013\u2014-]|for)\s*/u, '').trim();
  // "Globe Wire | Sam Okoro": nothing after the name, the outlet before it.
  const before = line.slice(0, at).replace(/\s*[|\u2013\u2014\u00b7\u2022]\s*$/u, '').trim();
  if (after === '' && before !== '' && !BYLINE_START.test(line) && OUTLET_NAME.test(before)) return before;
  // A date or a time may follow the outlet after another separator ("By Jane Doe | Baltic Wire | December 2, 2026").
  const field = after.split(/\s+(?:[|\u2013\u2014\u00b7\u2022]|-)\s+/u)[0] ?? '';
  const dated = /^([^,]+),\s*(.*\d.*)$/u.exec(field);
  const rest = (dated ? dated[1] ?? '' : field).replace(DATE_WORDS_AT_END, '').trim();
  if (rest === '' || /\d/.test(rest) || !OUTLET_NAME.test(rest)) return undefined;
  return ORGANISATION_WORD.test(rest) ? undefined : rest;
}
