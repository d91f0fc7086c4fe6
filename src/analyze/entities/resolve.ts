/**
 * Within-article entity resolution: groups NER mentions into entities (full name ↔ surname ↔ titled name,
 * acronym ↔ expansion, country ↔ demonym ↔ other names, capital-for-government metonymy), attaches titles, roles,
 * nationality and affiliation from pre-modifiers and appositions, keeps role-only descriptions as entities, and
 * resolves pronouns and definite descriptions to the nearest compatible earlier entity.
 *
 * Deterministic and linear in the article length apart from the small per-mention cluster lookups.
 */
import { PARTY_TAG } from '../party-tag.js';
import { datelinesOf } from '../dateline.js';
import type { Token } from '../tokens/index.js';
import {
  buildContext, countryOfCapital, countryOfSeat, demonymPlace, isCapitalised, isLowerWord, isPossessiveToken, lowerAt, placeRefForName,
  tokenIndexAt, tokenText, type Context, type NerSpan, type PlaceRef,
} from './context.js';
import { countryByDemonym, countryByName, derivedDemonymIndex, lookupDerivedDemonym } from './gazetteer.js';
import { quoteRegions } from './quote-regions.js';
import {
  ACRONYM_STOPWORDS, AGENT_VERB_FILLERS, AGENT_VERBS, DEFINITE, FEMALE_FIRST_NAMES, GENDERED_ROLE_WORDS, MALE_FIRST_NAMES,
  MALE_FIRST_NAMES_A, MONTH_CONTEXT_BEFORE, MONTHS, NAME_PARTICLES, NAME_SUFFIXES, ORG_HEADS, PERSON_PRONOUNS,
  PLURAL_ROLE_HEADS, ROLE_HEADS, ROLE_MODIFIERS, TITLES, type Gender,
} from './lexicon.js';
import { findHead, isHeadHere, parsePhrase, parseRoleClause, roleFamily, titleBefore, type RolePhrase } from './phrases.js';
import type {
  Entity, EntityMention, EntityRole, EntityType, MentionKind, NerMentionLike, NerType, ResolveInput, StatedValue,
} from './types.js';

/** How many sentences back a pronoun looks for its antecedent (the current one plus this many). */
const PRONOUN_SENTENCES_BACK = 3;
/** Longest acronym we recognise, in letters ("UNESCO" is 6, "NATO" 4). */
const MAX_ACRONYM_LETTERS = 8;
/** Fillers allowed between a place and its verb in "Moscow has long said". */
const MAX_AGENT_FILLERS = 3;
/** Prepositions that make a following place a location ("officials in Moscow said"), never a speaker. */
const PLACE_PREPOSITIONS = new Set([
  'in', 'at', 'from', 'to', 'near', 'of', 'across', 'around', 'outside', 'inside', 'into', 'via', 'throughout', 'within', 'toward',
  'towards', 'between', 'over', 'through', 'on', 'off', 'beyond', 'past', 'visiting', 'visited',
]);
/** Organisation heads generic enough to refer back to any organisation ("Acme … the company said"). */
const GENERIC_ORG_HEADS = new Set(['company', 'firm', 'group', 'organisation', 'organization', 'agency', 'institution']);
/** Heads of a government description ("the Velorian government", "Spain's government"). */
const GOVERNMENT_HEADS = new Set(['government', 'administration', 'cabinet', 'regime', 'authorities']);
/** Single words that are too generic to link an organisation by a shared word ("the Ministry" ≠ "Ministry of Health"). */
const GENERIC_NAME_WORDS = new Set([...ORG_HEADS, 'national', 'international', 'united', 'new', 'the', 'of', 'and', 'general', 'state']);

type ClusterKind = 'person' | 'org' | 'place' | 'gov' | 'misc' | 'group';

interface Mut {
  start: number;
  end: number;
  kind: MentionKind;
  inQuote: boolean;
  possessive: boolean;
  sentence: number;
  ner?: NerType;
}

interface Cluster {
  readonly kind: ClusterKind;
  readonly created: number;
  readonly mentions: Mut[];
  readonly roles: EntityRole[];
  readonly roleFamilies: Set<string>;
  readonly roleKeys: Set<string>;
  readonly acronyms: Set<string>;
  /** Lower-case words of organisation names and nominal descriptions, for "the ministry" → "Ministry of Defence". */
  readonly words: Set<string>;
  /** Lower-case nominal descriptions without determiner ("velorian defence ministry"). */
  readonly descriptions: Set<string>;
  nationality?: StatedValue;
  affiliation?: StatedValue;
  /** Person: lower-case name tokens of the fullest name seen. */
  nameTokens: string[];
  roleOnly: boolean;
  displayName?: string;
  /** An organisation's name with its owner, as first written ("Russia's Foreign Ministry"). */
  ownedName?: string;
  gender?: Gender;
  softGender?: Gender;
  place?: PlaceRef;
  /** Owns what only a country has ("Norland's prime minister"): a political entity even when no gazetteer knows it. */
  ownsStateOffices?: boolean;
  plural: boolean;
  /** Singular role head of a group ("official"). */
  groupHead?: string;
}

export function resolveEntities(text: string, input: ResolveInput): Entity[] {
  const tokens = input.tokenized.tokens;
  const normalised = normaliseNer(text, tokens, input.mentions);
  const augmented = augmentMentions(text, tokens, normalised);
  const ctx = buildContext(text, input.tokenized, augmented);
  const r = new Resolver(ctx);
  r.run();
  return r.output();
}

// ---------------------------------------------------------------------------------------------------------------
// NER input normalisation

function normaliseNer(text: string, tokens: readonly Token[], mentions: readonly NerMentionLike[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const m of mentions) {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end > text.length || m.start >= m.end) {
      throw new RangeError(`resolveEntities: NER mention [${m.start}, ${m.end}) is not a valid span of a ${text.length}-character text`);
    }
    let ts = tokenIndexAt(tokens, m.start);
    let te = tokenIndexAt(tokens, m.end - 1) + 1;
    while (ts < te && /^(?:the|The|[^\p{L}\p{N}]+)$/u.test(tokens[ts]?.text ?? '')) ts++;
    // trailing possessives, punctuation and lower-case words ("Arnaud later", "Paris of a") are never part of a name
    while (te > ts && (isPossessiveToken(tokens[te - 1]?.text ?? '') || /^[^\p{L}\p{N}]+$/u.test(tokens[te - 1]?.text ?? '')
      || /^\p{Ll}/u.test(tokens[te - 1]?.text ?? ''))) te--;
    // a trailing date after a preposition ("Morvania since March")
    while (te - ts >= 3 && isDateWord(tokens[te - 1]?.text ?? '') && /^\p{Ll}/u.test(tokens[te - 2]?.text ?? '')) te -= 2;
    while (te > ts && /^\p{Ll}/u.test(tokens[te - 1]?.text ?? '')) te--;
    const first = tokens[ts];
    const last = tokens[te - 1];
    if (!first || !last || ts >= te) continue;
    out.push({ start: first.start, end: last.end - strayPeriod(last.text), type: m.type, tokenStart: ts, tokenEnd: te });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NerSpan[] = [];
  for (const m of out) {
    const prev = kept[kept.length - 1];
    if (prev && m.start < prev.end) continue; // overlapping NER output: keep the first, longest
    if (!looksLikeName(tokens, m)) continue;
    // "R-Ohio" after a senator's name is their party and state (postNameAppositions), not an organisation.
    if (PARTY_TAG.test(text.slice(m.start, m.end))) continue;
    kept.push(m);
  }
  return retypeOutletsAndPlatforms(text, retypeDatelines(text, retypeQuotedTitles(text, retypeByArticle(text, tokens, splitRolePrefixes(tokens, kept)))));
}

const PARTIES: Readonly<Record<string, string>> = { R: 'Republican Party', D: 'Democratic Party', I: 'independent' };

/** Social platforms and messaging services are companies, not places ("posted on Telegram"), whatever the NER said; so are newspapers. */
const PLATFORMS = new Set([
  'telegram', 'twitter', 'facebook', 'instagram', 'tiktok', 'youtube', 'whatsapp', 'truth social', 'bluesky', 'linkedin',
  'threads', 'weibo', 'wechat', 'vkontakte', 'snapchat', 'reddit', 'signal', 'mastodon',
]);

/** Last words of newspaper names: "the Washington Post", "the Financial Times" are outlets, not places. */
const NEWSPAPER_WORDS = new Set(['post', 'times', 'journal', 'herald', 'tribune', 'gazette', 'chronicle', 'telegraph', 'guardian', 'observer', 'courier', 'inquirer', 'examiner', 'dispatch', 'ledger']);

function retypeOutletsAndPlatforms(text: string, ner: readonly NerSpan[]): NerSpan[] {
  return ner.map((m) => {
    if (m.type === 'ORG') return m;
    const name = text.slice(m.start, m.end);
    const words = name.toLowerCase().split(/\s+/);
    const newspaper = words.length >= 2 && NEWSPAPER_WORDS.has(words[words.length - 1] ?? '');
    return PLATFORMS.has(name.toLowerCase()) || newspaper ? { ...m, type: 'ORG' as const } : m;
  });
}

/**
 * The agency named in a dateline's parentheses ("VELL, Dec. 2 (Courier) —") is an organisation (a news agency or
 * outlet), whatever the NER said. The place in capitals that opens a dateline is a location when the article names
 * the same place elsewhere as one ("VELL — The port of Vell …") or the dateline is unmistakably one (it carries a
 * date, an agency or a ", State"): a bare word in capitals before a dash can as well be an acronym ("NATO — …").
 */
function retypeDatelines(text: string, ner: readonly NerSpan[]): NerSpan[] {
  const datelines = datelinesOf(text);
  if (datelines.length === 0) return [...ner];
  const locations = new Set(ner.filter((m) => m.type === 'LOC').map((m) => text.slice(m.start, m.end).toLowerCase()));
  return ner.map((m) => {
    const d = datelines.find((x) => x.start <= m.start && m.end <= x.end);
    if (!d) return m;
    if (d.agency && d.agency.start <= m.start && m.end <= d.agency.end) return m.type === 'ORG' ? m : { ...m, type: 'ORG' as const };
    const name = text.slice(m.start, m.end);
    if (m.type === 'LOC' || m.start !== d.start || name !== name.toUpperCase()) return m;
    const plain = /^[\p{Lu} .'’-]*(?:—|–|―|-{1,2})\s+$/u.test(text.slice(m.end, d.end));
    return locations.has(name.toLowerCase()) || !plain ? { ...m, type: 'LOC' as const } : m;
  });
}

/** Most words of a quoted title of a work ("The Long Ceasefire"), to tell it from a quoted sentence. */
const MAX_TITLE_WORDS = 8;
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from']);

/**
 * A place or organisation name that fills a short Title Case quotation by itself (a think-tank paper, “The Long
 * Ceasefire”; the film “Harbour Lights”) is the title of a work, so MISC, whatever the NER said.
 */
function retypeQuotedTitles(text: string, ner: readonly NerSpan[]): NerSpan[] {
  if (!ner.some((m) => m.type === 'LOC' || m.type === 'ORG')) return [...ner];
  const regions = quoteRegions(text);
  if (regions.length === 0) return [...ner];
  return ner.map((m) => {
    if (m.type !== 'LOC' && m.type !== 'ORG') return m;
    const region = regions.find((r) => r.start < m.start && m.end < r.end);
    if (!region) return m;
    const inner = text.slice(region.start + 1, region.end - 1).replace(/[\s,.;:!?]+$/u, '');
    const words = inner.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0 || words.length > MAX_TITLE_WORDS) return m;
    const titleCase = words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w)));
    // The name must be the quotation, bar a leading article the name leaves out.
    const rest = inner.replace(text.slice(m.start, m.end), '').trim();
    if (!titleCase || !/^(?:|the|a|an)$/i.test(rest)) return m;
    // The article belongs to a title ("The Long Ceasefire"), so the name takes it back.
    const article = /^(?:The|A|An) $/.test(text.slice(region.start + 1, m.start));
    return article ? { ...m, type: 'MISC' as const, start: region.start + 1, tokenStart: m.tokenStart - 1 } : { ...m, type: 'MISC' as const };
  });
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const HOLIDAYS = new Set(['christmas', 'easter', 'ramadan', 'eid', 'hanukkah', 'diwali', 'thanksgiving']);

/**
 * Guards against NER noise that would otherwise become entities: dates ("Wednesday", "in May"), numbers, and
 * lower-case words. A one-word PER that is a month name is kept unless date context says it is the month.
 */
function looksLikeName(tokens: readonly Token[], m: NerSpan): boolean {
  const first = tokens[m.tokenStart]?.text ?? '';
  if (!/^\p{Lu}/u.test(first) && !NAME_PARTICLES.has(first)) return false;
  const lower = first.toLowerCase().replace(/\.$/, '');
  const rest = tokens.slice(m.tokenStart + 1, m.tokenEnd).map((t) => t.text);
  const isMonth = MONTHS.has(lower) || MONTH_ABBREVIATIONS.has(lower);
  if (isMonth && rest.length > 0 && rest.every((w) => /^[\d,]+$/.test(w))) return false; // "January 12", "Nov. 11"
  if (m.tokenEnd - m.tokenStart === 1) {
    if (WEEKDAYS.has(lower) || HOLIDAYS.has(lower) || MONTH_ABBREVIATIONS.has(lower)) return false;
    if (NON_NAME_WORDS.has(lower) && !isAcronym(first)) return false; // "We", "According"; but "WHO" is a name
    if (MONTHS.has(lower) && (m.type !== 'PER' || isMonthHere(tokens, m))) return false;
    // a capitalised lexicon word ("Defence chiefs", "Officials") is a sentence start, not a name
    if ((ROLE_MODIFIERS.has(lower) || ROLE_HEADS.has(lower) || PLURAL_ROLE_HEADS.has(lower) || TITLES.has(lower))
      && !(m.type === 'ORG' && ORG_HEADS.has(lower))) return false;
  }
  return true;
}

function isDateWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.has(lower) || MONTH_ABBREVIATIONS.has(lower) || WEEKDAYS.has(lower);
}

const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Capitalised function words a noisy NER tags at sentence starts or inside quotes. */
const NON_NAME_WORDS = new Set([
  'i', 'we', 'you', 'he', 'she', 'it', 'they', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'according', 'in', 'on', 'at',
  'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'as', 'our', 'my', 'his', 'her', 'their', 'its', 'there', 'here',
  'until', 'since', 'for', 'with', 'from', 'by', 'so', 'yet', 'still', 'then', 'now', 'also', 'meanwhile', 'however', 'what', 'who',
]);

/** A period glued to the last word of a name ("the Ledger." at a sentence end) is not part of it; initials keep theirs. */
function strayPeriod(word: string): number {
  if (!word.endsWith('.') || word.length < 4) return 0;
  const bare = word.slice(0, -1);
  if (bare.includes('.') || TITLES.has(word.toLowerCase()) || NAME_SUFFIXES.has(word.toLowerCase())) return 0;
  return /^\p{Lu}\p{Ll}{2,}$/u.test(bare) ? 1 : 0;
}

/**
 * "Velorian Defence Minister" or "Col." tagged as an organisation right before a person: the role words belong to
 * the person's pre-modifier, so they are cut off the mention (and a mention made only of them is dropped).
 */
function splitRolePrefixes(tokens: readonly Token[], ner: readonly NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  ner.forEach((m, i) => {
    const next = ner[i + 1];
    if (m.type === 'PER' || !next || next.type !== 'PER' || next.tokenStart !== m.tokenEnd) {
      out.push(m);
      return;
    }
    let e = m.tokenEnd;
    while (e > m.tokenStart) {
      const lower = (tokens[e - 1]?.text ?? '').toLowerCase();
      if (TITLES.has(lower) || ROLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower)) e--;
      else break;
    }
    if (e === m.tokenEnd) out.push(m);
    else if (e > m.tokenStart) {
      const a = tokens[m.tokenStart];
      const b = tokens[e - 1];
      if (a && b) out.push({ start: a.start, end: b.end, type: e - m.tokenStart === 1 ? 'MISC' : m.type, tokenStart: m.tokenStart, tokenEnd: e });
    }
  });
  return out;
}

const STATE_OFFICES = String.raw`(?:(?:foreign|defen[cs]e|interior)\s+minist(?:ry|er)|prime\s+minister|government|parliament|armed\s+forces|army|navy|air\s+force|embassy|central\s+bank)\b`;
const STATE_POSSESSION = new RegExp(String.raw`\b(\p{Lu}\p{Ll}+)['’]s\s+` + STATE_OFFICES, 'gu');
/** A place name followed by one of its state offices ("Norland's prime minister"). */
const STATE_OFFICES_AFTER = new RegExp(String.raw`^['’]s\s+` + STATE_OFFICES, 'iu');

/**
 * Article-level type repair for one-word names: a word whose demonym occurs in the article ("Veloria" beside
 * "Velorian") is a place whatever the NER said, and the demonym itself is MISC; so is a name owning what only a country
 * has ("Velor's foreign ministry"). People already named in full keep their type.
 */
function retypeByArticle(text: string, tokens: readonly Token[], ner: readonly NerSpan[]): NerSpan[] {
  const singles = new Set<string>();
  for (const m of ner) if (m.tokenEnd - m.tokenStart === 1) singles.add(text.slice(m.start, m.end));
  const capitalised = new Set<string>();
  for (const t of tokens) if (/^\p{Lu}\p{Ll}/u.test(t.text)) capitalised.add(t.text);
  const places = new Set<string>();
  const demonyms = new Set<string>();
  const index = derivedDemonymIndex(singles);
  for (const word of capitalised) {
    const place = lookupDerivedDemonym(index, word);
    if (place !== undefined && place !== word) {
      places.add(place);
      demonyms.add(word);
    }
  }
  // "Velor's foreign ministry", "Velor's armed forces": only a country has these, whatever the NER said of the name.
  for (const m of text.matchAll(STATE_POSSESSION)) {
    const name = m[1] ?? '';
    if (singles.has(name) && !countryOfSeat(name)) places.add(name);
  }
  if (places.size === 0) return [...ner];
  return ner.map((m) => {
    if (m.tokenEnd - m.tokenStart !== 1) return m;
    const surface = text.slice(m.start, m.end);
    if (places.has(surface) && m.type !== 'LOC') return { ...m, type: 'LOC' as const };
    if (demonyms.has(surface) && m.type !== 'MISC') return { ...m, type: 'MISC' as const };
    return m;
  });
}

/** A one-token "person" that is a month name in date context ("in May", "May 5") is the month. */
function isMonthHere(tokens: readonly Token[], m: { tokenStart: number; tokenEnd: number }): boolean {
  if (m.tokenEnd - m.tokenStart !== 1) return false;
  const word = (tokens[m.tokenStart]?.text ?? '').toLowerCase();
  if (!MONTHS.has(word)) return false;
  const before = (tokens[m.tokenStart - 1]?.text ?? '').toLowerCase();
  const after = tokens[m.tokenEnd]?.text ?? '';
  return MONTH_CONTEXT_BEFORE.has(before) || /^\d/.test(after);
}

/**
 * Add what a good NER often misses but this article itself makes certain: later bare surnames of people named in
 * full ("May said" after "Ivo May"), acronyms introduced in parentheses, and demonyms of places in the article.
 */
function augmentMentions(text: string, tokens: readonly Token[], ner: readonly NerSpan[]): NerSpan[] {
  const covered = new Uint8Array(tokens.length);
  for (const m of ner) for (let t = m.tokenStart; t < m.tokenEnd; t++) covered[t] = 1;
  const surnames = new Map<string, string[]>(); // first word of a surname → surname tokens as written ("van" → van, Dijk)
  const acronyms = new Set<string>();
  const places: string[] = [];
  for (const m of ner) {
    if (m.type === 'PER') {
      const name = personNameRange(tokens, m.tokenStart, m.tokenEnd);
      if (name.end - name.start >= 2) {
        const s = surnameRange(tokens, name.start, name.end);
        const words = tokens.slice(s.start, s.end).map((t) => t.text);
        surnames.set(words[0] ?? '', words);
      }
    } else if (m.type === 'ORG') {
      const acr = parentheticalAcronym(tokens, m.tokenEnd);
      if (acr) acronyms.add(acr);
    } else if (m.type === 'LOC' && m.tokenEnd - m.tokenStart === 1) places.push(text.slice(m.start, m.end));
  }
  const placeDemonyms = derivedDemonymIndex(places);
  const states = statesTheNerMissed(text, tokens, covered, surnames);
  const added: NerSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const word = tokens[i]?.text ?? '';
    if (!isCapitalised(word) && !NAME_PARTICLES.has(word)) continue;
    const surname = surnames.get(word);
    const len = surname?.length ?? 0;
    if (surname && surname.every((w, k) => tokens[i + k]?.text === w && !covered[i + k])) {
      const m = { start: tokens[i]?.start ?? 0, end: tokens[i + len - 1]?.end ?? 0, type: 'PER' as const, tokenStart: i, tokenEnd: i + len };
      if (!isMonthHere(tokens, m) && !isCapitalisedWordAfter(tokens, i + len)) {
        added.push(m);
        i += len - 1;
        continue;
      }
    }
    if (isDemonymWord(word, placeDemonyms)) {
      const t = tokens[i];
      if (t) added.push({ start: t.start, end: t.end, type: 'MISC', tokenStart: i, tokenEnd: i + 1 });
      continue;
    }
    if (acronyms.has(word)) {
      const t = tokens[i];
      if (t) added.push({ start: t.start, end: t.end, type: 'ORG', tokenStart: i, tokenEnd: i + 1 });
      continue;
    }
    if (states.has(word)) {
      const t = tokens[i];
      if (t) added.push({ start: t.start, end: t.end, type: 'LOC', tokenStart: i, tokenEnd: i + 1 });
    }
  }
  if (added.length === 0) return [...ner];
  return [...ner, ...added].sort((a, b) => a.start - b.start);
}

/**
 * One-word names the NER missed everywhere that own what only a country has ("Norland's prime minister",
 * "Norland's armed forces"; not "government", which people have too): every uncovered occurrence is the place.
 */
function statesTheNerMissed(text: string, tokens: readonly Token[], covered: Uint8Array, surnames: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(STATE_POSSESSION)) {
    const name = m[1] ?? '';
    if (/government$/.test(m[0]) || surnames.has(name) || countryOfSeat(name) || MONTHS.has(name.toLowerCase())) continue;
    const at = m.index ?? 0;
    const i = tokens.findIndex((t) => t.start === at);
    if (i >= 0 && !covered[i]) out.add(name);
  }
  return out;
}

/** A gazetteer demonym ("French", "Americans") or a demonym of a one-word place in the article ("Velorian"). */
function isDemonymWord(word: string, placeDemonyms: ReadonlyMap<string, string>): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  return countryByDemonym(word) !== undefined || lookupDerivedDemonym(placeDemonyms, word) !== undefined;
}

/** A name continues with another capitalised word ("May Day", "May Ellen"): then a lone surname match is not trusted. */
function isCapitalisedWordAfter(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]?.text ?? '';
  return /^\p{Lu}\p{Ll}/u.test(w);
}

function parentheticalAcronym(tokens: readonly Token[], after: number): string | undefined {
  if (tokens[after]?.text !== '(' || tokens[after + 2]?.text !== ')') return undefined;
  const acr = tokens[after + 1]?.text ?? '';
  return isAcronym(acr) ? acr : undefined;
}

function isAcronym(word: string): boolean {
  const letters = word.replace(/\./g, '');
  return letters.length >= 2 && letters.length <= MAX_ACRONYM_LETTERS && /^[A-Z][A-Z0-9&]*[A-Z0-9]$/.test(letters) && /[A-Z].*[A-Z]/.test(letters);
}

/** Initial letters of the capitalised content words ("Joint Forces Command" → "JFC"). */
function initials(words: readonly string[]): string {
  return words.filter((w) => !ACRONYM_STOPWORDS.has(w.toLowerCase()) && /^\p{L}/u.test(w)).map((w) => (w[0] ?? '').toUpperCase()).join('');
}

/** The name part of a person mention: leading titles and Title Case role words stripped (at least one token kept). */
function personNameRange(tokens: readonly Token[], start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s < end - 1) {
    const w = tokens[s]?.text ?? '';
    const lower = w.toLowerCase();
    const role = (t: Token | undefined): boolean => {
      const x = (t?.text ?? '').toLowerCase();
      return TITLES.has(x) || ROLE_HEADS.has(x) || ROLE_MODIFIERS.has(x);
    };
    if (role(tokens[s])) s++;
    // "Secretary of State Antony Blinken", "Minister for Health Lia Roth": the portfolio after "of" is the title's too.
    else if (s > start && (lower === 'of' || lower === 'for') && s + 1 < end - 1 && role(tokens[s + 1])) s++;
    else break;
  }
  let e = end;
  while (e > s + 1 && NAME_SUFFIXES.has((tokens[e - 1]?.text ?? '').toLowerCase().replace(/,$/, ''))) e--;
  while (e > s + 1 && tokens[e - 1]?.text === ',') e--;
  return { start: s, end: e };
}

/** The surname: the last token plus the lower-case particles before it ("van Dijk", "de la Cruz"). */
function surnameRange(tokens: readonly Token[], start: number, end: number): { start: number; end: number } {
  let s = end - 1;
  while (s > start && NAME_PARTICLES.has(tokens[s - 1]?.text ?? '')) s--;
  return { start: s, end };
}

// ---------------------------------------------------------------------------------------------------------------

class Resolver {
  private readonly clusters: Cluster[] = [];
  private readonly byKey = new Map<string, Cluster>();
  /** Organisations named with an owner ("Russia's Foreign Ministry"), by their own name: what a bare later mention is. */
  private readonly ownedByName = new Map<string, Cluster>();
  private readonly ctx: Context;

  constructor(ctx: Context) {
    this.ctx = ctx;
  }

  run(): void {
    const { ctx } = this;
    for (const m of ctx.ner) this.handleNer(m);
    this.scanNominals();
    this.resolvePronouns();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Clusters and mentions

  private newCluster(kind: ClusterKind, key?: string): Cluster {
    const c: Cluster = {
      kind, created: this.clusters.length, mentions: [], roles: [], roleFamilies: new Set(), roleKeys: new Set(), acronyms: new Set(),
      words: new Set(), descriptions: new Set(), nameTokens: [], roleOnly: false, plural: false,
    };
    this.clusters.push(c);
    if (key !== undefined) this.byKey.set(key, c);
    return c;
  }

  private addMention(c: Cluster, start: number, end: number, kind: MentionKind, ner?: NerType): Mut {
    const { ctx } = this;
    const tokenEnd = tokenIndexAt(ctx.tokens, end - 1) + 1;
    const m: Mut = {
      start, end, kind, inQuote: ctx.inQuote(start), possessive: isPossessiveToken(tokenText(ctx, tokenEnd)),
      sentence: ctx.sentenceOf[tokenIndexAt(ctx.tokens, start)] ?? 0, ...(ner ? { ner } : {}),
    };
    c.mentions.push(m);
    return m;
  }

  private addRole(c: Cluster, role: string, startToken: number, endToken: number, family: string | undefined, title?: string): void {
    const { ctx } = this;
    const a = ctx.tokens[startToken];
    const b = ctx.tokens[endToken - 1];
    if (!a || !b || role.trim() === '') return;
    const key = normaliseKey(role);
    if (c.roles.some((x) => normaliseKey(x.role) === key && x.start === a.start)) return;
    c.roles.push({ role, ...(title !== undefined ? { title } : {}), start: a.start, end: b.end, text: ctx.text.slice(a.start, b.end) });
    c.roleKeys.add(key);
    if (family) c.roleFamilies.add(family);
    for (const w of role.toLowerCase().split(/\s+/)) {
      const g = GENDERED_ROLE_WORDS.get(w);
      if (g && !c.gender) c.gender = g;
    }
  }

  private setStated(c: Cluster, phrase: { place?: PlaceRef; placeTokenStart?: number; placeTokenEnd?: number; affiliationStart?: number; affiliationEnd?: number }): void {
    const { ctx } = this;
    if (phrase.place && !c.nationality && phrase.placeTokenStart !== undefined && phrase.placeTokenEnd !== undefined) {
      const a = ctx.tokens[phrase.placeTokenStart];
      const b = ctx.tokens[phrase.placeTokenEnd - 1];
      if (a && b) c.nationality = { value: phrase.place.name, start: a.start, end: b.end };
    }
    if (phrase.affiliationStart !== undefined && phrase.affiliationEnd !== undefined && !c.affiliation) {
      const a = ctx.tokens[phrase.affiliationStart];
      const b = ctx.tokens[phrase.affiliationEnd - 1];
      if (a && b) c.affiliation = { value: ctx.text.slice(a.start, b.end), start: a.start, end: b.end };
    }
  }

  private consume(start: number, end: number): void {
    for (let t = start; t < end; t++) this.ctx.consumed[t] = 1;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Names

  private handleNer(m: NerSpan): void {
    const { ctx } = this;
    const surface = ctx.text.slice(m.start, m.end);
    const single = m.tokenEnd - m.tokenStart === 1;
    // "the Kremlin", "the White House": the government it houses, whatever type the NER gave the name.
    const seatOf = countryOfSeat(surface);
    if (seatOf) { this.addMention(this.governmentOf(seatOf), m.start, m.end, 'name', m.type); return; }
    if (m.type === 'PER') return this.handlePerson(m);
    const knownPerson = this.personBySurname(surface.toLowerCase().split(/\s+/));
    if (m.type === 'MISC') {
      const place = single ? demonymPlace(ctx, surface) : undefined;
      if (place) return this.handleDemonym(m, place);
      if (knownPerson && !countryByName(surface)) return this.handlePerson(m);
      if (isAcronym(surface) && this.orgByAcronym(surface)) return this.handleOrg(m);
      return this.handleMisc(m, surface);
    }
    if (knownPerson && !countryByName(surface) && !countryOfCapital(surface)) return this.handlePerson(m);
    if (m.type === 'ORG') {
      if (countryByName(surface) || (single && ctx.articlePlaces.includes(surface))) return this.handlePlace(m, surface);
      return this.handleOrg(m);
    }
    return this.handlePlace(m, surface);
  }

  private personBySurname(nameLower: string[]): Cluster | undefined {
    if (nameLower.length === 0 || nameLower.length > 3) return undefined;
    const key = nameLower.join(' ');
    for (let i = this.clusters.length - 1; i >= 0; i--) {
      const c = this.clusters[i];
      if (!c || c.kind !== 'person' || c.roleOnly || c.nameTokens.length < 2) continue;
      if (surnameKey(c.nameTokens) === key) return c;
    }
    return undefined;
  }

  private handlePerson(m: NerSpan): void {
    const { ctx } = this;
    const name = personNameRange(ctx.tokens, m.tokenStart, m.tokenEnd);
    const nameLower = ctx.lower.slice(name.start, name.end).filter((w) => w !== '.');
    const sentStart = this.sentenceStart(name.start);
    const sentEnd = this.sentenceEnd(name.start);
    const title = titleBefore(ctx, name.start, sentStart);
    // only a rank or office title is carried on the roles ("Adm."), not an honorific ("Mr.")
    const titleText = title?.info.role !== undefined
      ? ctx.text.slice(ctx.tokens[title.tokenStart]?.start ?? 0, ctx.tokens[title.tokenEnd - 1]?.end ?? 0) : undefined;
    const beforeName = title ? title.tokenStart : name.start;

    const c = this.findPerson(nameLower) ?? this.newCluster('person');
    if (nameLower.length > c.nameTokens.length || c.nameTokens.length === 0) c.nameTokens = nameLower;
    if (!c.softGender) {
      const g = firstNameGender(nameLower);
      if (g) c.softGender = g;
    }
    if (title?.info.gender && !c.gender) c.gender = title.info.gender;

    // Role pre-modifier ("French Foreign Minister", "Government spokeswoman", "Mayor").
    let mentionStart = title ? title.tokenStart : name.start;
    let kind: MentionKind = title ? 'title-name' : 'name';
    const pre = beforeName - 1;
    const preWord = tokenText(ctx, pre);
    const preLower = lowerAt(ctx, pre);
    if (pre >= sentStart && !ctx.consumed[pre] && (ctx.nerAt[pre] ?? -1) < 0 && (ROLE_HEADS.has(preLower) || TITLES.get(preLower)?.role !== undefined)
      && (isCapitalised(preWord) || isLowerWord(preWord))) {
      const phrase = parsePhrase(ctx, pre, sentStart, pre + 1, true);
      const roleText = this.slice(phrase.roleStart, pre + 1);
      const titleInfo = TITLES.get(preLower);
      if (phrase.roleStart === pre && titleInfo?.role !== undefined && isCapitalised(preWord) && !title) {
        // a single capitalised title word is the person's title ("Mayor Ellen May", "General Ada Marlow")
        this.addRole(c, titleInfo.role, pre, pre + 1, roleFamily(preLower), preWord);
        mentionStart = pre;
        kind = 'title-name';
        if (titleInfo.gender && !c.gender) c.gender = titleInfo.gender;
      } else {
        this.addRole(c, roleText, phrase.tokenStart, pre + 1, roleFamily(preLower), titleText);
      }
      this.setStated(c, phrase);
      this.consume(phrase.tokenStart, pre + 1);
    } else if (pre - 1 >= sentStart && tokenText(ctx, pre) === ',') {
      this.preNameApposition(c, pre, sentStart, titleText);
    }
    if (title?.info.role) {
      const last = title.info.role.split(' ').pop() ?? title.info.role; // "lieutenant general" answers to "the general"
      this.addRole(c, title.info.role, title.tokenStart, title.tokenEnd, roleFamily(last) ?? last, titleText);
    }
    if (title) this.consume(title.tokenStart, title.tokenEnd);

    const start = ctx.tokens[mentionStart]?.start ?? m.start;
    const end = ctx.tokens[name.end - 1]?.end ?? m.end;
    this.addMention(c, start, end, kind, m.type);
    this.consume(mentionStart, name.end);
    this.postNameAppositions(c, m.tokenEnd, sentEnd, titleText);
  }

  /** "Spain's chief of defence, Gen. Marta Ibarra" / "its deputy defence minister, Kasia Drozd". */
  private preNameApposition(c: Cluster, comma: number, sentStart: number, title: string | undefined): void {
    const { ctx } = this;
    for (let h = comma - 1; h >= sentStart && h >= comma - 8; h--) {
      const lower = lowerAt(ctx, h);
      if (!isLowerWord(tokenText(ctx, h)) || !ROLE_HEADS.has(lower)) continue;
      const phrase = parsePhrase(ctx, h, sentStart, comma, true);
      // "ambassador to the United Nations (UN), Klara Vogt": an acronym in parentheses may sit before the comma
      const acronymBetween = tokenText(ctx, phrase.tokenEnd) === '(' && tokenText(ctx, phrase.tokenEnd + 2) === ')' && phrase.tokenEnd + 3 === comma;
      if (phrase.tokenEnd !== comma && !acronymBetween) return;
      const anchored = phrase.determiner !== undefined || phrase.place !== undefined || phrase.affiliationStart !== undefined
        || phrase.tokenStart === this.sentenceStart(h);
      if (!anchored) return;
      this.addRole(c, this.slice(phrase.roleStart, phrase.tokenEnd), phrase.tokenStart, phrase.tokenEnd, roleFamily(lower), title);
      this.setStated(c, phrase);
      this.consume(phrase.tokenStart, phrase.tokenEnd);
      return;
    }
  }

  /** ", a spokesman for the allied command," / ", who chairs the alliance's military committee" after a name. */
  private postNameAppositions(c: Cluster, after: number, sentEnd: number, title: string | undefined): void {
    const { ctx } = this;
    let k = after;
    if (isPossessiveToken(tokenText(ctx, k))) return;
    // "Sen. Mark Dolan, R-Ohio," / "Ann Lee (D-Calif.)": the party the tag names; the appositions after it still count.
    if ((tokenText(ctx, k) === ',' || tokenText(ctx, k) === '(') && PARTY_TAG.test(tokenText(ctx, k + 1))) {
      const tag = ctx.tokens[k + 1];
      const party = PARTIES[tokenText(ctx, k + 1).charAt(0)];
      if (tag && party && !c.affiliation) c.affiliation = { value: party, start: tag.start, end: tag.end };
      this.consume(k + 1, k + 2);
      k += 2;
      if (tokenText(ctx, k) === '.') k++;
      if (tokenText(ctx, k) === ')') k++;
    }
    while (tokenText(ctx, k) === ',' && k + 1 < sentEnd) {
      const clause = parseRoleClause(ctx, k + 1, sentEnd);
      if (clause) {
        this.addRole(c, clause.role, clause.tokenStart, clause.tokenEnd, clause.family, title);
        this.setStated(c, this.statedIn(clause.objectStart, clause.objectEnd));
        this.consume(clause.tokenStart, clause.tokenEnd);
        k = clause.tokenEnd;
        continue;
      }
      const h = findHead(ctx, k + 1, sentEnd);
      if (h < 0) return;
      const phrase = parsePhrase(ctx, h, k + 1, sentEnd);
      if (phrase.tokenStart !== k + 1 || phrase.plural) return;
      const next = tokenText(ctx, phrase.tokenEnd);
      if (phrase.tokenEnd < sentEnd && !/^[,.;:)”"’'!?—–-]$/.test(next)) return;
      this.addRole(c, this.slice(phrase.roleStart, phrase.tokenEnd), phrase.tokenStart, phrase.tokenEnd, roleFamily(phrase.headLower), title);
      this.setStated(c, phrase);
      this.consume(phrase.tokenStart, phrase.tokenEnd);
      k = phrase.tokenEnd;
    }
  }

  private statedIn(start: number, end: number): { place?: PlaceRef; placeTokenStart?: number; placeTokenEnd?: number } {
    for (let j = start; j < end; j++) {
      const place = demonymPlace(this.ctx, tokenText(this.ctx, j));
      if (place) return { place, placeTokenStart: j, placeTokenEnd: j + 1 };
    }
    return {};
  }

  private findPerson(name: string[]): Cluster | undefined {
    if (name.length === 0) return undefined;
    const full = name.join(' ');
    const persons = this.clusters.filter((c) => c.kind === 'person' && !c.roleOnly).reverse();
    for (const c of persons) if (c.nameTokens.join(' ') === full) return c;
    const surnameOnly = name.slice(0, -1).every((w) => NAME_PARTICLES.has(w)); // "van Dijk"
    if (name.length >= 2 && !surnameOnly) {
      const surname = surnameKey(name);
      for (const c of persons) {
        const known = c.nameTokens;
        if (known.length < name.length && endsWith(name, known)) return c; // "Marlow" seen first, now "Ada Marlow"
        if (known.length >= 2 && known[0] === name[0] && surnameKey(known) === surname) return c; // middle names differ
      }
      return undefined;
    }
    for (const c of persons) if (c.nameTokens.length >= 2 && (surnameKey(c.nameTokens) === full || c.nameTokens[c.nameTokens.length - 1] === full)) return c;
    for (const c of persons) if (c.nameTokens.length >= 2 && c.nameTokens[0] === full) return c;
    return undefined;
  }

  private handleOrg(m: NerSpan): void {
    const { ctx } = this;
    const surface = ctx.text.slice(m.start, m.end);
    const lower = normaliseKey(surface);
    const words = surface.split(/\s+/);
    let c: Cluster | undefined;
    let kind: MentionKind = 'name';
    if (isAcronym(surface)) {
      c = this.orgByAcronym(surface);
      kind = 'acronym';
    }
    // "Russia's Foreign Ministry" and "Ukraine's Foreign Ministry" are two bodies: the owner is part of the key. A later
    // bare "the Foreign Ministry" is the owned one named last.
    const owner = this.possessivePlaceBefore(m.tokenStart);
    const key = owner ? `org:${owner.place.key}|${lower}` : `org:${lower}`;
    c ??= this.byKey.get(key) ?? (owner ? undefined : this.ownedByName.get(lower));
    if (!c && words.length >= 2) {
      const acr = initials(words);
      c = this.clusters.find((x) => x.kind === 'org' && x.acronyms.has(acr) && x.mentions.every((mm) => mm.kind === 'acronym'));
    }
    if (!c && words.length === 1 && !GENERIC_NAME_WORDS.has(lower)) {
      c = [...this.clusters].reverse().find((x) => x.kind === 'org' && x.words.has(lower) && [...x.words].length > 1);
    }
    c ??= this.newCluster('org');
    this.byKey.set(key, c);
    if (owner) {
      this.ownedByName.set(lower, c);
      const start = ctx.tokens[owner.tokenStart]?.start ?? m.start;
      c.ownedName ??= ctx.text.slice(start, m.end);
      c.nationality ??= { value: owner.place.name, start, end: ctx.tokens[owner.tokenEnd - 1]?.end ?? m.start };
    }
    if (kind === 'acronym') c.acronyms.add(surface.replace(/\./g, ''));
    for (const w of words) c.words.add(w.toLowerCase());
    this.addMention(c, m.start, m.end, kind, m.type);
    const acr = parentheticalAcronym(ctx.tokens, m.tokenEnd);
    if (acr) {
      c.acronyms.add(acr);
      const t = ctx.tokens[m.tokenEnd + 1];
      if (t && (ctx.nerAt[m.tokenEnd + 1] ?? -1) < 0) this.addMention(c, t.start, t.end, 'acronym', 'ORG');
    }
  }

  /** A place named in the possessive right before token `at` ("Russia's"): its reference and token range. */
  private possessivePlaceBefore(at: number): { place: PlaceRef; tokenStart: number; tokenEnd: number } | undefined {
    const { ctx } = this;
    if (!isPossessiveToken(tokenText(ctx, at - 1))) return undefined;
    const ner = ctx.ner[ctx.nerAt[at - 2] ?? -1];
    if (!ner || ner.type !== 'LOC' || ner.tokenEnd !== at - 1) return undefined;
    return { place: placeRefForName(ctx.text.slice(ner.start, ner.end)), tokenStart: ner.tokenStart, tokenEnd: ner.tokenEnd };
  }

  private orgByAcronym(acronym: string): Cluster | undefined {
    const a = acronym.replace(/\./g, '');
    for (let i = this.clusters.length - 1; i >= 0; i--) {
      const c = this.clusters[i];
      if (c?.kind === 'org' && c.acronyms.has(a)) return c;
    }
    for (let i = this.clusters.length - 1; i >= 0; i--) {
      const c = this.clusters[i];
      if (c?.kind !== 'org') continue;
      for (const mm of c.mentions) {
        const words = this.ctx.text.slice(mm.start, mm.end).split(/\s+/);
        if (words.length >= 2 && initials(words) === a) return c;
      }
    }
    return undefined;
  }

  private handlePlace(m: NerSpan, surface: string): void {
    const place = placeRefForName(surface);
    // Only a capital stands for a government: a country name as speaker ("France said") is the country itself, a
    // political entity already, and stays merged with "French" and its other names.
    const capitalOf = place.known ? undefined : countryOfCapital(surface);
    if (capitalOf && this.isAgentHere(m.tokenStart, m.tokenEnd)) {
      const c = this.governmentOf(capitalOf);
      this.addMention(c, m.start, m.end, 'name', m.type);
      return;
    }
    const key = `place:${place.key}`;
    const c = this.byKey.get(key) ?? this.newCluster('place', key);
    c.place ??= place;
    if (STATE_OFFICES_AFTER.test(this.ctx.text.slice(m.end, m.end + 40))) c.ownsStateOffices = true;
    this.addMention(c, m.start, m.end, 'name', m.type);
  }

  private governmentOf(place: PlaceRef): Cluster {
    const key = `gov:${place.key}`;
    const c = this.byKey.get(key) ?? this.newCluster('gov', key);
    c.place ??= place;
    c.displayName ??= `government of ${withArticle(place.name)}`;
    c.words.add('government');
    return c;
  }

  private handleDemonym(m: NerSpan, place: PlaceRef): void {
    const key = `place:${place.key}`;
    const c = this.byKey.get(key) ?? this.newCluster('place', key);
    c.place ??= place;
    this.addMention(c, m.start, m.end, 'demonym', m.type);
  }

  private handleMisc(m: NerSpan, surface: string): void {
    const key = `misc:${normaliseKey(surface)}`;
    const c = this.byKey.get(key) ?? this.newCluster('misc', key);
    this.addMention(c, m.start, m.end, 'name', m.type);
  }

  /** Is the place at tokens [start, end) the subject of a verb of speaking or political action ("Moscow said")? */
  private isAgentHere(start: number, end: number): boolean {
    const { ctx } = this;
    const before = lowerAt(ctx, start - 1);
    if (PLACE_PREPOSITIONS.has(before) || (before === 'the' && PLACE_PREPOSITIONS.has(lowerAt(ctx, start - 2)))) return false;
    let j = end;
    for (let n = 0; n < MAX_AGENT_FILLERS && AGENT_VERB_FILLERS.has(lowerAt(ctx, j)); n++) j++;
    return AGENT_VERBS.has(lowerAt(ctx, j));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Nominals: "the general", "the Velorian defence ministry", "the chair of the alliance's military committee"

  private scanNominals(): void {
    const { ctx } = this;
    for (let i = 0; i < ctx.tokens.length; i++) {
      if (ctx.consumed[i] || (ctx.nerAt[i] ?? -1) >= 0) continue;
      const word = tokenText(ctx, i);
      const lower = lowerAt(ctx, i);
      const isPersonHead = ROLE_HEADS.has(lower) || PLURAL_ROLE_HEADS.has(lower);
      const isOrgHead = ORG_HEADS.has(lower);
      if (!isPersonHead && !isOrgHead) continue;
      const sentStart = this.sentenceStart(i);
      const capitalisedPlural = isCapitalised(word) && PLURAL_ROLE_HEADS.has(lower) && i === sentStart && this.verbFollows(i + 1);
      if (!isLowerWord(word) && !capitalisedPlural) continue;
      if (!isHeadHere(ctx, i) || lowerAt(ctx, i - 1) === 'as') continue;
      const sentEnd = this.sentenceEnd(i);
      const phrase = parsePhrase(ctx, i, sentStart, sentEnd);
      if (anyConsumed(ctx, phrase.tokenStart, i)) continue; // its modifiers already belong to a name's role
      const after = tokenText(ctx, phrase.tokenEnd) === '(' && tokenText(ctx, phrase.tokenEnd + 2) === ')' ? phrase.tokenEnd + 3 : phrase.tokenEnd;
      const nextNer = ctx.ner[ctx.nerAt[after] ?? -1] ?? ctx.ner[ctx.nerAt[after + 1] ?? -1];
      if (nextNer?.type === 'PER' && (nextNer.tokenStart === after || tokenText(ctx, after) === ',')) continue; // "the minister, Ivo May"
      if (isPersonHead) this.personNominal(phrase);
      else this.orgNominal(phrase);
      i = Math.max(i, phrase.tokenEnd - 1);
    }
  }

  private personNominal(p: RolePhrase): void {
    const { ctx } = this;
    const singular = PLURAL_ROLE_HEADS.get(p.headLower) ?? p.headLower;
    const family = roleFamily(p.headLower) ?? singular;
    const definite = p.determiner !== undefined && DEFINITE.has(p.determiner);
    const start = ctx.tokens[p.tokenStart]?.start ?? 0;
    const end = ctx.tokens[p.tokenEnd - 1]?.end ?? 0;
    const roleText = this.slice(p.roleStart, p.tokenEnd);
    const roleKey = normaliseKey(roleText);
    if (p.plural) {
      const countable = p.determiner !== undefined || p.place !== undefined || this.verbFollows(p.tokenEnd)
        || (lowerAt(ctx, p.tokenStart - 1) === 'to' && lowerAt(ctx, p.tokenStart - 2) === 'according') || /^\d/.test(tokenText(ctx, p.tokenStart - 1));
      if (!countable) return;
      // "the foreign ministers" is not "the prime ministers of Vellmark": every modifier of the later phrase must
      // be a word of the group's roles ("the ministers", "the defence chiefs" after "defence chiefs from …" do match).
      const modifiers: string[] = [];
      for (let k = p.roleStart; k < p.head; k++) modifiers.push(lowerAt(ctx, k));
      const fits = (x: Cluster): boolean => {
        const words = new Set([...x.roleKeys].flatMap((key) => key.split(' ')));
        return modifiers.every((m) => words.has(m));
      };
      let c = definite ? this.latest(p.tokenStart, (x) => x.kind === 'group' && x.groupHead === singular && fits(x)) : undefined;
      const kind: MentionKind = c ? 'nominal' : 'role';
      if (!c) {
        c = this.newCluster('group');
        c.plural = true;
        c.groupHead = singular;
        c.roleOnly = true;
        c.displayName = roleText;
        this.addRole(c, roleText, p.tokenStart, p.tokenEnd, family);
        this.setStated(c, p);
      }
      this.addMention(c, start, end, kind);
      this.consume(p.tokenStart, p.tokenEnd);
      return;
    }
    if (p.determiner === undefined && p.place === undefined && p.affiliationStart === undefined) return; // bare singular: too ambiguous
    let c: Cluster | undefined;
    if (definite) {
      c = this.latest(p.tokenStart, (x) => (x.kind === 'person') && x.roleKeys.has(roleKey));
      if (!c && p.objectStart === undefined) c = this.latest(p.tokenStart, (x) => x.kind === 'person' && x.roleFamilies.has(family));
    }
    if (c) {
      this.addMention(c, start, end, 'nominal');
    } else {
      c = this.newCluster('person');
      c.roleOnly = true;
      c.displayName = roleText;
      this.addRole(c, roleText, p.tokenStart, p.tokenEnd, family);
      this.setStated(c, p);
      this.addMention(c, start, end, 'role');
    }
    this.consume(p.tokenStart, p.tokenEnd);
  }

  private orgNominal(p: RolePhrase): void {
    const { ctx } = this;
    // "Spain's foreign ministry", "Acme's legal department": a place or an organisation owns the body.
    const hasPossessor = (p.place !== undefined && p.placeTokenEnd !== undefined && isPossessiveToken(tokenText(ctx, p.placeTokenEnd)))
      || (p.affiliationEnd !== undefined && isPossessiveToken(tokenText(ctx, p.affiliationEnd)));
    if (p.determiner !== 'the' && !hasPossessor) return;
    const start = ctx.tokens[p.tokenStart]?.start ?? 0;
    const end = ctx.tokens[p.tokenEnd - 1]?.end ?? 0;
    const descStart = p.determiner === 'the' && p.tokenStart < p.head ? p.tokenStart + 1 : p.tokenStart;
    const description = this.slice(descStart, p.tokenEnd);
    const key = normaliseKey(description);
    let c: Cluster | undefined;
    if (GOVERNMENT_HEADS.has(p.headLower) && p.place && p.objectStart === undefined && p.roleStart === p.head) c = this.governmentOf(p.place);
    c ??= this.clusters.find((x) => x.descriptions.has(key));
    if (!c && descStart === p.head && p.tokenEnd === p.head + 1) {
      // "the ministry", "the company": the latest organisation that fits
      c = this.latest(p.tokenStart, (x) => (x.kind === 'org' || x.kind === 'gov') && (x.words.has(p.headLower)
        || (GENERIC_ORG_HEADS.has(p.headLower) && x.kind === 'org')));
    }
    let kind: MentionKind = 'nominal';
    if (!c) {
      c = this.newCluster('org');
      c.displayName = description;
      this.setStated(c, p);
      kind = 'nominal';
    }
    c.descriptions.add(key);
    c.words.add(p.headLower);
    this.addMention(c, start, end, kind);
    this.consume(p.tokenStart, p.tokenEnd);
  }

  /** The cluster with the latest mention before token `before` (outside quotes) that satisfies `ok`. */
  private latest(before: number, ok: (c: Cluster) => boolean): Cluster | undefined {
    const limit = this.ctx.tokens[before]?.start ?? Infinity;
    let best: Cluster | undefined;
    let bestAt = -1;
    for (const c of this.clusters) {
      if (!ok(c)) continue;
      for (const m of c.mentions) if (m.start < limit && !m.inQuote && m.start > bestAt) { bestAt = m.start; best = c; }
    }
    return best;
  }

  private verbFollows(i: number): boolean {
    let j = i;
    for (let n = 0; n < MAX_AGENT_FILLERS && AGENT_VERB_FILLERS.has(lowerAt(this.ctx, j)); n++) j++;
    return AGENT_VERBS.has(lowerAt(this.ctx, j));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Pronouns

  private resolvePronouns(): void {
    const { ctx } = this;
    interface Cand { start: number; sentence: number; cluster: Cluster }
    const cands: Cand[] = [];
    for (const c of this.clusters) {
      for (const m of c.mentions) if (!m.inQuote && m.kind !== 'demonym') cands.push({ start: m.start, sentence: m.sentence, cluster: c });
    }
    cands.sort((a, b) => a.start - b.start);
    const bySentence = new Map<number, Cand[]>();
    for (const cand of cands) {
      const list = bySentence.get(cand.sentence) ?? [];
      list.push(cand);
      bySentence.set(cand.sentence, list);
    }
    for (let i = 0; i < ctx.tokens.length; i++) {
      const tok = ctx.tokens[i];
      if (!tok || ctx.consumed[i] || ctx.inQuote(tok.start)) continue;
      const lower = lowerAt(ctx, i);
      const gender = PERSON_PRONOUNS.get(lower);
      const isIt = lower === 'it' && this.verbFollows(i + 1);
      const isThey = lower === 'they' && this.verbFollows(i + 1);
      if (!gender && !isIt && !isThey) continue;
      const ok = (c: Cluster): boolean => {
        if (gender) {
          if (c.kind !== 'person' || c.plural) return false;
          const g = c.gender ?? c.softGender;
          return g === undefined || g === gender;
        }
        if (isIt) return c.kind === 'org' || c.kind === 'gov' || (c.kind === 'place' && entityType(c) === 'gpe');
        return c.kind === 'group' || c.kind === 'org' || c.kind === 'gov';
      };
      const sentence = ctx.sentenceOf[i] ?? 0;
      let found: Cluster | undefined;
      for (let s = sentence; s >= 0 && s >= sentence - PRONOUN_SENTENCES_BACK && !found; s--) {
        for (const cand of bySentence.get(s) ?? []) {
          if (cand.start >= tok.start) break;
          if (ok(cand.cluster)) { found = cand.cluster; break; }
        }
      }
      if (!found) continue;
      if (gender && !found.gender) found.gender = gender;
      const m = this.addMention(found, tok.start, tok.end, 'pronoun');
      const list = bySentence.get(m.sentence) ?? [];
      list.push({ start: m.start, sentence: m.sentence, cluster: found });
      list.sort((a, b) => a.start - b.start);
      bySentence.set(m.sentence, list);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Helpers and output

  private slice(startToken: number, endToken: number): string {
    const a = this.ctx.tokens[startToken];
    const b = this.ctx.tokens[endToken - 1];
    return a && b ? this.ctx.text.slice(a.start, b.end) : '';
  }

  private sentenceStart(i: number): number {
    const s = this.ctx.sentenceOf[i] ?? 0;
    let j = i;
    while (j > 0 && this.ctx.sentenceOf[j - 1] === s) j--;
    return j;
  }

  private sentenceEnd(i: number): number {
    const s = this.ctx.sentenceOf[i] ?? 0;
    let j = i;
    while (j < this.ctx.tokens.length && this.ctx.sentenceOf[j] === s) j++;
    return j;
  }

  output(): Entity[] {
    const { ctx } = this;
    const live = this.clusters.filter((c) => c.mentions.length > 0);
    for (const c of live) c.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    live.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) || a.created - b.created);
    return live.map((c, i) => {
      const mentions = dedupe(c.mentions);
      const name = this.canonicalName(c, mentions);
      const nameTokens = c.nameTokens;
      const finalMentions: EntityMention[] = mentions.map((m) => {
        let kind = m.kind;
        const t = ctx.text.slice(m.start, m.end);
        if (c.kind === 'person' && kind === 'name' && nameTokens.length >= 2) {
          const words = t.toLowerCase().split(/\s+/).filter((w) => w !== '.');
          if (words.length < nameTokens.length && endsWith(nameTokens, words)) kind = 'surname';
        }
        return { start: m.start, end: m.end, text: t, kind, inQuote: m.inQuote, ...(m.possessive ? { possessive: true } : {}) };
      });
      const aliases = [...new Set(finalMentions.filter((m) => m.kind !== 'pronoun' && m.kind !== 'nominal' && m.kind !== 'role').map((m) => m.text))]
        .filter((a) => a !== name);
      const entity: Entity = {
        id: `e${i + 1}`,
        name,
        type: entityType(c),
        ...nerTypeOf(c),
        aliases,
        roles: [...c.roles].sort((a, b) => a.start - b.start),
        ...(c.nationality ? { nationality: c.nationality } : {}),
        ...(c.affiliation ? { affiliation: c.affiliation } : {}),
        mentions: finalMentions,
        ...(c.kind === 'gov' ? { metonymy: 'government' as const } : {}),
        ...(c.plural ? { plural: true } : {}),
      };
      return entity;
    });
  }

  private canonicalName(c: Cluster, mentions: readonly Mut[]): string {
    const { ctx } = this;
    if (c.kind === 'gov') return c.displayName ?? 'government';
    // An owned body is named with its owner ("Russia's Foreign Ministry"): its own name is shared with others.
    if (c.ownedName) return c.ownedName;
    const names = mentions.filter((m) => m.kind === 'name' || m.kind === 'title-name');
    if (c.kind === 'person' && names.length > 0) {
      // the longest name without its title
      let best = '';
      for (const m of names) {
        const ts = tokenIndexAt(ctx.tokens, m.start);
        const te = tokenIndexAt(ctx.tokens, m.end - 1) + 1;
        const r = personNameRange(ctx.tokens, m.kind === 'title-name' ? skipTitle(ctx, ts, te) : ts, te);
        const s = this.slice(r.start, r.end);
        if (s.length > best.length) best = s;
      }
      return best;
    }
    let best = '';
    for (const m of names) {
      const s = ctx.text.slice(m.start, m.end);
      // equal length: prefer "Paris" over a dateline's "PARIS"
      if (s.length > best.length || (s.length === best.length && best === best.toUpperCase() && s !== s.toUpperCase())) best = s;
    }
    if (best) return best;
    if (c.displayName) return c.displayName;
    if (c.place) return c.place.name;
    const first = mentions[0];
    return first ? ctx.text.slice(first.start, first.end) : '';
  }
}

/** "the United States", "the Netherlands", "the Czech Republic"; plain "France", "Veloria". */
function withArticle(country: string): string {
  return /^(?:United|Czech|Dominican|Central African)\b|\b(?:Republic|Islands|Kingdom|Federation|Emirates|States)\b|^(?:Netherlands|Philippines|Bahamas|Maldives|Gambia|Comoros|Seychelles)$/.test(country)
    ? `the ${country}` : country;
}

function skipTitle(ctx: Context, ts: number, te: number): number {
  let s = ts;
  while (s < te - 1 && TITLES.has(lowerAt(ctx, s))) s++;
  // multi-word titles ("Lt. Gen.")
  while (s < te - 1 && TITLES.has(lowerAt(ctx, s))) s++;
  return s;
}

function dedupe(mentions: readonly Mut[]): Mut[] {
  const out: Mut[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (prev && prev.start === m.start && prev.end === m.end) continue;
    out.push(m);
  }
  return out;
}

function entityType(c: Cluster): EntityType {
  switch (c.kind) {
    case 'person':
    case 'group':
      return 'person';
    case 'org':
    case 'gov':
      return 'organisation';
    case 'misc':
      return 'misc';
    case 'place': {
      const known = c.place?.known === true || (c.place && countryOfCapital(c.place.name) !== undefined);
      const hasDemonym = c.mentions.some((m) => m.kind === 'demonym');
      return known || hasDemonym || c.ownsStateOffices ? 'gpe' : 'location';
    }
  }
}

function nerTypeOf(c: Cluster): { nerType?: NerType } {
  const counts = new Map<NerType, number>();
  // demonyms ("Velorian" is MISC) count only when nothing names the place itself
  const named = c.mentions.filter((m) => m.ner && m.kind !== 'demonym');
  for (const m of named.length > 0 ? named : c.mentions) if (m.ner) counts.set(m.ner, (counts.get(m.ner) ?? 0) + 1);
  let best: NerType | undefined;
  let n = 0;
  for (const [t, k] of counts) if (k > n) { best = t; n = k; }
  if (best) return { nerType: best };
  const implied: Record<ClusterKind, NerType> = { person: 'PER', group: 'PER', org: 'ORG', gov: 'ORG', place: 'LOC', misc: 'MISC' };
  return { nerType: implied[c.kind] };
}

function normaliseKey(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

function surnameKey(nameLower: readonly string[]): string {
  let s = nameLower.length - 1;
  while (s > 0 && NAME_PARTICLES.has(nameLower[s - 1] ?? '')) s--;
  return nameLower.slice(s).join(' ');
}

function endsWith(whole: readonly string[], tail: readonly string[]): boolean {
  if (tail.length > whole.length || tail.length === 0) return false;
  const off = whole.length - tail.length;
  return tail.every((w, i) => whole[off + i] === w);
}

/** A weak gender guess from a first name, used only when no pronoun, title or role word states one. */
function firstNameGender(nameLower: readonly string[]): Gender | undefined {
  if (nameLower.length < 2) return undefined;
  const first = nameLower[0] ?? '';
  if (first.length < 2 || first.endsWith('.')) return undefined;
  if (MALE_FIRST_NAMES.has(first) || MALE_FIRST_NAMES_A.has(first)) return 'm';
  if (FEMALE_FIRST_NAMES.has(first)) return 'f';
  if (first.endsWith('a')) return 'f';
  return undefined;
}

function anyConsumed(ctx: Context, start: number, end: number): boolean {
  for (let t = start; t < end; t++) if (ctx.consumed[t]) return true;
  return false;
}
