/**
 * Per-article lookup tables shared by the stages of entity resolution: tokens in lower case, the sentence of each
 * token, which NER mention covers a token, quotation regions, and the places whose demonyms we can recognise.
 */
import type { Token, Tokenized } from '../tokens/index.js';
import { countryByCapital, countryByDemonym, countryByName, derivedDemonymIndex, lookupDerivedDemonym } from './gazetteer.js';
import { insideRegions, quoteRegions } from './quote-regions.js';
import type { NerType } from './types.js';

/** A normalised NER mention: possessive, leading article and surrounding punctuation removed. */
export interface NerSpan {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
  /** Token range [tokenStart, tokenEnd). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** A country or other place an entity can be tied to; `key` is the ISO code or `place:<lower-case name>`. */
export interface PlaceRef {
  readonly key: string;
  readonly name: string;
  readonly known: boolean;
}

export interface Context {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly lower: readonly string[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  readonly sentenceCount: number;
  /** Index into `ner` of the mention covering each token, or -1. */
  readonly nerAt: Int32Array;
  readonly ner: readonly NerSpan[];
  /** Tokens already used by a role phrase, title or apposition, so the nominal scan does not read them again. */
  readonly consumed: Uint8Array;
  readonly inQuote: (offset: number) => boolean;
  /** LOC names in this article, for demonyms the gazetteer does not know ("Velorian" from "Veloria"). */
  readonly articlePlaces: readonly string[];
  /** Derived demonyms of `articlePlaces` (lower-case singular → place). */
  readonly placeDemonyms: ReadonlyMap<string, string>;
  readonly demonymCache: Map<string, PlaceRef | null>;
}

export function buildContext(text: string, tokenized: Tokenized, ner: readonly NerSpan[]): Context {
  const tokens = tokenized.tokens;
  const sentenceOf = new Int32Array(tokens.length);
  tokenized.sentences.forEach((s, si) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) sentenceOf[t] = si;
  });
  const nerAt = new Int32Array(tokens.length).fill(-1);
  ner.forEach((m, mi) => {
    for (let t = m.tokenStart; t < m.tokenEnd; t++) nerAt[t] = mi;
  });
  const places = new Set<string>();
  for (const m of ner) if (m.type === 'LOC' && m.tokenEnd - m.tokenStart === 1) places.add(text.slice(m.start, m.end));
  return {
    text,
    tokens,
    lower: tokens.map((t) => t.text.toLowerCase()),
    sentenceOf,
    sentenceCount: tokenized.sentences.length,
    nerAt,
    ner,
    consumed: new Uint8Array(tokens.length),
    inQuote: insideRegions(quoteRegions(text)),
    articlePlaces: [...places],
    placeDemonyms: derivedDemonymIndex(places),
    demonymCache: new Map(),
  };
}

/** First token index whose end is after `offset` (binary search). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function tokenText(ctx: Context, i: number): string {
  return ctx.tokens[i]?.text ?? '';
}
export function lowerAt(ctx: Context, i: number): string {
  return ctx.lower[i] ?? '';
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
export function isLowerWord(word: string): boolean {
  return /^\p{Ll}/u.test(word);
}
export function isPossessiveToken(word: string): boolean {
  return word === "'s" || word === '’s' || word === "'" || word === '’';
}

export function placeFromCountry(code: string, name: string): PlaceRef {
  return { key: code, name, known: true };
}

/** The country or article place a demonym token stands for ("French" → France, "Velorian" → Veloria). */
export function demonymPlace(ctx: Context, word: string): PlaceRef | undefined {
  if (!isCapitalised(word)) return undefined;
  const cached = ctx.demonymCache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  let found: PlaceRef | null = null;
  const country = countryByDemonym(word);
  if (country) found = placeFromCountry(country.code, country.name);
  else {
    const place = lookupDerivedDemonym(ctx.placeDemonyms, word);
    if (place !== undefined && place !== word) found = placeRefForName(place);
  }
  ctx.demonymCache.set(word, found);
  return found ?? undefined;
}

/** The place a name refers to: a gazetteer country when it is one, else the article's own place by name. */
export function placeRefForName(name: string): PlaceRef {
  const country = countryByName(name);
  if (country) return placeFromCountry(country.code, country.name);
  return { key: `place:${name.replace(/^the\s+/i, '').toLowerCase()}`, name: name.replace(/^the\s+/i, ''), known: false };
}

/** Seats of government that stand for it in news ("the Kremlin said"), by the name as written, with their country. */
const SEATS_OF_GOVERNMENT: ReadonlyMap<string, string> = new Map([
  ['kremlin', 'Russia'], ['white house', 'United States'], ['downing street', 'United Kingdom'], ['number 10', 'United Kingdom'],
  ['élysée', 'France'], ['elysee', 'France'], ['élysée palace', 'France'], ['elysee palace', 'France'], ['blue house', 'South Korea'],
  ['zhongnanhai', 'China'], ['chancellery', 'Germany'],
]);

/** For a seat of government ("Kremlin", "White House"), the country whose government it stands for. */
export function countryOfSeat(name: string): PlaceRef | undefined {
  const country = SEATS_OF_GOVERNMENT.get(name.replace(/^the\s+/i, '').toLowerCase());
  return country ? placeRefForName(country) : undefined;
}

/** For a capital, its country (so "Moscow said" links to the Russian government). */
export function countryOfCapital(name: string): PlaceRef | undefined {
  const c = countryByCapital(name);
  return c ? placeFromCountry(c.code, c.name) : undefined;
}
