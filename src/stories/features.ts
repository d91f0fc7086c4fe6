/**
 * Text features for duplicate detection and story clustering: one linear pass over the article text yields
 *  - `words`: every lower-cased word in reading order (shingles for near-duplicate detection need them all),
 *  - `terms`: content terms (stop words dropped, light suffix stripping) with their counts, for TF-IDF,
 *  - `names`: capitalised words that are not sentence openers — a cheap proxy for named entities when the entity
 *    stage has not run — for the name channel of the similarity,
 *  - a normalised form of the whole text for the exact-duplicate hash.
 * Pure functions, no state.
 */

/** What the clusterer needs from an article; `published` is `YYYY-MM-DD` or an ISO date-time. */
export interface StoryDocument {
  readonly id: string;
  readonly title?: string;
  readonly text: string;
  readonly published?: string;
  readonly outlet?: string;
  readonly url?: string;
  /** Entity names when the entity stage has run; otherwise capitalised-word proxies are derived from the text. */
  readonly names?: readonly string[];
  /** Resolved event/time values (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) when known; they join the name channel. */
  readonly dates?: readonly string[];
}

export interface TextFeatures {
  /** Lower-cased words of title and text in order, punctuation removed. */
  readonly words: readonly string[];
  /** Content term → weighted count (title words count `TITLE_TERM_WEIGHT` times). */
  readonly terms: ReadonlyMap<string, number>;
  /** Name key → count; figures are included as `#<number>`, provided dates as `@<date>`. */
  readonly names: ReadonlyMap<string, number>;
}

/**
 * A headline states the story in a dozen words, so its terms say more about the event than the same words deep
 * in the body; counting them twice is the usual news-retrieval choice.
 */
const TITLE_TERM_WEIGHT = 2;

/** Share of capitalised long words above which a title is in headline case, so capitals there are not names. */
const HEADLINE_CASE_SHARE = 0.6;

/** Words shorter than this carry no topic (after stop words are gone, "mr", "st", "ad" remain). */
const MIN_TERM_LENGTH = 2;

// Small English function-word list: words that occur in every article and say nothing about the story.
const STOP_WORDS = new Set(
  (
    'a about above after again against all almost also although always am among an and another any are around as at ' +
    'be became because become been before being below between both but by can cannot could did do does doing done ' +
    'down during each either else enough even ever every few for from further get gets getting got had has have having ' +
    'he her here hers herself him himself his how however i if in including into is it its itself just least less ' +
    'like made make makes many may me might more most much must my myself near neither never no nor not now of off ' +
    'often on once one only or other others our ours ourselves out over own per perhaps put rather same says said ' +
    'say saying see seen several shall she should since so some still such than that the their theirs them ' +
    'themselves then there these they this those though through thus to too toward towards under until up upon us ' +
    'very via was we well were what whatever when where whether which while who whom whose why will with within ' +
    'without would yet you your yours yourself yourselves mr mrs ms dr according told tell tells news report reports ' +
    'reported new year years week day today yesterday tomorrow time times first last two three also this that ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** Capitalised words that open clauses or name months/days: not entities even mid-sentence. */
const NOT_NAMES = new Set(
  (
    'i the a an and but or if in on at of for to from by with as it its he she they we you his her their our this ' +
    'that these those there here when where what who why how which while after before since during monday tuesday ' +
    'wednesday thursday friday saturday sunday january february march april may june july august september october ' +
    'november december mr mrs ms dr sen rep gov gen president'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?]["'”’)\]]*\s*$/u;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;

/** Light English suffix stripping: enough to meet "killed"/"kills"/"killing", cheap enough for 1,000 articles/s. */
export function stem(word: string): string {
  if (DIGIT.test(word)) return word.replace(/,/g, '');
  let w = word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function isHeadlineCase(title: string): boolean {
  let long = 0;
  let capitalised = 0;
  for (const m of title.matchAll(WORD)) {
    const w = m[0];
    if (w.length < 4 || DIGIT.test(w)) continue;
    long++;
    if (UPPER_START.test(w)) capitalised++;
  }
  return long > 0 && capitalised / long >= HEADLINE_CASE_SHARE;
}

function nameKey(word: string): string {
  return word.replace(/['’]s$/u, '').toLowerCase();
}

function add(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Scan one block of text. A capitalised word counts as a name when it does not open a sentence, or when it
 * opens one but the next word is capitalised too ("Tara Reid has…"), since a lone sentence opener is usually
 * an ordinary word.
 */
function scan(
  source: string,
  termWeight: number,
  collectNames: boolean,
  words: string[],
  terms: Map<string, number>,
  names: Map<string, number>,
): void {
  let sentenceStart = true;
  let previousEnd = 0;
  let pendingOpener: string | undefined;
  for (const m of source.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    if (start > previousEnd && SENTENCE_END.test(source.slice(previousEnd, start))) sentenceStart = true;
    previousEnd = start + raw.length;
    const lower = raw.toLowerCase();
    words.push(lower);
    if (!STOP_WORDS.has(lower) && lower.length >= MIN_TERM_LENGTH) add(terms, stem(lower), termWeight);
    // Figures (scores, tolls, sums, ages, years) tell apart two events on one topic as well as names do.
    if (collectNames && DIGIT.test(raw)) add(names, `#${stem(lower)}`, 1);
    if (collectNames) {
      const capitalised = UPPER_START.test(raw) && !DIGIT.test(raw) && (HAS_LOWER.test(raw) || raw.length <= 5);
      const key = nameKey(raw);
      if (capitalised && !NOT_NAMES.has(key) && key.length >= 2) {
        if (pendingOpener !== undefined) add(names, pendingOpener, 1);
        pendingOpener = undefined;
        if (sentenceStart) pendingOpener = key;
        else add(names, key, 1);
      } else {
        pendingOpener = undefined;
      }
    }
    sentenceStart = false;
  }
}

/** Features of one document. Provided `names`/`dates` replace the capitalised-word proxies. */
export function textFeatures(doc: StoryDocument): TextFeatures {
  const words: string[] = [];
  const terms = new Map<string, number>();
  const names = new Map<string, number>();
  const derive = doc.names === undefined;
  const title = doc.title ?? '';
  if (title !== '') scan(title, TITLE_TERM_WEIGHT, derive && !isHeadlineCase(title), words, terms, names);
  for (const block of doc.text.split(/\n\s*\n/u)) scan(block, 1, derive, words, terms, names);
  if (!derive) {
    for (const name of doc.names ?? []) {
      for (const m of name.matchAll(WORD)) {
        const key = nameKey(m[0]);
        if (!NOT_NAMES.has(key)) add(names, key, 1);
      }
    }
  }
  for (const date of doc.dates ?? []) add(names, `@${date}`, 1);
  return { words, terms, names };
}

/**
 * Canonical form of a URL for "same page" checks: scheme, `www.`, fragment, tracking parameters and a trailing
 * slash do not change which article a URL points to.
 */
export function canonicalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase().replace(/^(www|m|amp)\./u, '');
  const kept = [...parsed.searchParams.entries()]
    .filter(([key]) => !/^(utm_|fbclid$|gclid$|ref$|cmpid$|ocid$|smid$|mc_)/iu.test(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length === 0 ? '' : `?${kept.map(([k, v]) => `${k}=${v}`).join('&')}`;
  const path = parsed.pathname.replace(/\/(amp|index\.html?)?\/?$/u, '') || '/';
  return `${host}${path}${query}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD…` date; `undefined` when it does not start with a calendar date. */
export function dayNumber(published: string | undefined): number | undefined {
  if (published === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(published.trim());
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Midday: a date without a time of day could be any hour of it, so it sits half a day from either neighbour. */
const UNKNOWN_HOUR = 0.5;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u;

/**
 * Publication instant in days since 1970-01-01 (fractional). A full ISO date-time counts to the minute (a time without
 * an offset is taken as UTC), so a report filed at 06:30 the morning after a 19:42 report is half a day later, not a
 * whole one; a bare date stands at its midday. `undefined` when it does not start with a calendar date.
 */
export function publicationTime(published: string | undefined): number | undefined {
  const day = dayNumber(published);
  if (day === undefined || published === undefined) return undefined;
  const trimmed = published.trim();
  if (ISO_DATE_TIME.test(trimmed)) {
    const iso = trimmed.replace(' ', 'T');
    const ms = Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/u.test(iso) ? iso : `${iso}Z`);
    if (Number.isFinite(ms)) return ms / 86_400_000;
  }
  return day + UNKNOWN_HOUR;
}

