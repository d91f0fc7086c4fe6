/**
 * Token-level parsing of the short phrases that state who someone is: titles before a name ("Lt. Gen."), role
 * pre-modifiers ("French Foreign Minister"), role noun phrases ("the newly appointed commander of the alliance's naval
 * forces", "Britain's chief of the defence staff") and relative clauses with a role verb ("who chairs the committee").
 * No part-of-speech tagger: phrases are made of lexicon words, capitalised words and NER mentions only, which keeps
 * them short and precise.
 */
import {
  countryOfCapital, countryOfSeat, demonymPlace, isCapitalised, isLowerWord, isPossessiveToken, lowerAt, placeRefForName, tokenText,
  type Context, type PlaceRef,
} from './context.js';
import {
  DETERMINERS, MULTI_WORD_TITLES, ORG_HEADS, PLURAL_ROLE_HEADS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_VERBS, TITLES,
  TRANSIENT_MODIFIERS, type TitleInfo,
} from './lexicon.js';

/** Nouns that may end the object of a role's prepositional phrase besides organisation heads ("chief of the defence staff"). */
const OBJECT_NOUNS = new Set([
  'staff', 'forces', 'force', 'centre', 'center', 'defence', 'defense', 'affairs', 'operations', 'directors', 'state', 'states',
  'members', 'region', 'province', 'city', 'country', 'nation', 'navy', 'fleet', 'division', 'brigade', 'battalion', 'unit',
  'mission', 'talks', 'delegation', 'programme', 'program', 'team', 'staffs', 'operation', 'command', 'affairs', 'relations',
]);
const ROLE_PREPOSITIONS = new Set(['of', 'for', 'at', 'to']);
/** Longest role pre-modifier run, in tokens ("Velorian Deputy Defence Minister" is 4). */
const MAX_PREMODIFIER_TOKENS = 6;
/** Longest object of a role's prepositional phrase, in tokens. */
const MAX_OBJECT_TOKENS = 8;
/** Adverbs allowed between "who" and a role verb ("who also leads"). */
const RELATIVE_ADVERBS = new Set(['also', 'now', 'currently', 'still', 'previously', 'formerly', 'once', 'jointly', 'already']);
/** Heads that are often adjectives ("the general public", "the official figures"): a lower-case word may not follow them. */
const ADJECTIVE_LIKE_HEADS = new Set([
  'general', 'chief', 'head', 'executive', 'official', 'major', 'deputy', 'source', 'military', 'police', 'government', 'army',
  'navy', 'state', 'leader', 'party', 'union', 'team', 'group', 'office', 'council', 'court', 'board', 'cabinet', 'senate',
  'judge', 'expert', 'resident', 'witness', 'delegation', 'prince', 'queen', 'king', 'commission',
]);
/** Lower-case words that may follow an adjective-like head because they start the predicate or a clause. */
const CLAUSE_STARTERS = new Set([
  'said', 'says', 'told', 'added', 'has', 'had', 'have', 'was', 'is', 'were', 'are', 'will', 'would', 'could', 'should', 'may',
  'might', 'must', 'can', 'did', 'does', 'who', 'which', 'that', 'and', 'or', 'but', 'also', 'in', 'on', 'at', 'for', 'of', 'to',
  'with', 'from', 'by', 'as', 'after', 'before', 'when', 'while', 'if', 'because', 'since', 'until', 'later', 'then', 'declined',
  'confirmed', 'announced', 'warned', 'insisted', 'denied', 'stated', 'explained', 'wrote', 'posted', 'argued', 'noted',
]);

export interface TitleSpan {
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly info: TitleInfo;
}

/** An abbreviated or honorific title ("Gen.", "Lt. Col.", "Mr") ending just before token `end`, if any. */
export function titleBefore(ctx: Context, end: number, lowerBound: number): TitleSpan | undefined {
  for (const len of [3, 2]) {
    const s = end - len;
    if (s < lowerBound) continue;
    const key = ctx.lower.slice(s, end).join(' ');
    const info = MULTI_WORD_TITLES.get(key);
    if (info && isCapitalised(tokenText(ctx, s))) return { tokenStart: s, tokenEnd: end, info };
  }
  const s = end - 1;
  if (s < lowerBound) return undefined;
  const word = tokenText(ctx, s);
  const info = TITLES.get(word.toLowerCase());
  if (!info || !isCapitalised(word)) return undefined;
  const abbreviated = word.endsWith('.') || info.role === undefined || /^(?:Dr|Mr|Mrs|Ms|Mme|Prof)$/.test(word);
  return abbreviated ? { tokenStart: s, tokenEnd: end, info } : undefined;
}

/** Is this token a word a role phrase can be made of (lexicon words in any case)? */
function isRoleWord(lower: string): boolean {
  if (ROLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower) || ORG_HEADS.has(lower) || TITLES.has(lower)) return true;
  if (lower.includes('-')) return lower.split('-').every((p) => ROLE_MODIFIERS.has(p) || ROLE_HEADS.has(p));
  return false;
}

export function roleFamily(headLower: string): string | undefined {
  const singular = PLURAL_ROLE_HEADS.get(headLower) ?? headLower;
  return ROLE_HEADS.get(singular) ?? TITLES.get(singular)?.role;
}

export interface Stated {
  readonly place?: PlaceRef;
  readonly placeTokenStart?: number;
  readonly placeTokenEnd?: number;
  /** Affiliation as a token range. */
  readonly affiliationStart?: number;
  readonly affiliationEnd?: number;
}

export interface RolePhrase extends Stated {
  /** Token range of the whole phrase (determiner included). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** First token of the normalised role (after determiners, transient adjectives, nationality and possessor). */
  readonly roleStart: number;
  readonly head: number;
  readonly headLower: string;
  readonly determiner?: string;
  readonly plural: boolean;
  readonly isOrg: boolean;
  /** Token range of the prepositional object ("the alliance's military committee"), if any. */
  readonly objectStart?: number;
  readonly objectEnd?: number;
}

interface LeftScan extends Stated {
  readonly start: number;
  readonly roleStart: number;
  readonly determiner?: string;
}

/** A capitalised word shaped like a demonym ("Velorian", "Sarnese"), for countries the gazetteer does not know. */
const UNKNOWN_DEMONYM = /^\p{Lu}\p{Ll}+(?:ian|ean|an|ese|ish|i)$/u;

/**
 * Extend a role/organisation phrase leftwards from just before `from`: modifiers, demonyms, a possessor
 * ("Britain's", "the alliance's") and a determiner. `allowCapitalised` admits Title Case role words
 * ("Deputy Defence Minister"), which only pre-modifiers of a name use.
 */
/** The determiner recorded for a person's possessive before a role ("Holm's spokeswoman"): anchored, not definite. */
const POSSESSOR = "'s";

function scanLeft(ctx: Context, from: number, lowerBound: number, allowCapitalised: boolean): LeftScan {
  let j = from - 1;
  let start = from;
  let roleStart = from;
  let place: PlaceRef | undefined;
  let placeTokenStart: number | undefined;
  let placeTokenEnd: number | undefined;
  let affiliationStart: number | undefined;
  let affiliationEnd: number | undefined;
  let determiner: string | undefined;
  let steps = 0;
  while (j >= lowerBound && steps < MAX_PREMODIFIER_TOKENS) {
    steps++;
    const word = tokenText(ctx, j);
    const lower = lowerAt(ctx, j);
    const ner = ctx.nerAt[j] ?? -1;
    if (DETERMINERS.has(lower) && (isLowerWord(word) || j === sentenceStartToken(ctx, j))) {
      determiner = lower;
      start = j;
      break;
    }
    if (isPossessiveToken(word) && j - 1 >= lowerBound) {
      // possessor: a name ("Britain's", "Acme's") or "the alliance's"
      const p = j - 1;
      const pn = ctx.nerAt[p] ?? -1;
      const m = pn >= 0 ? ctx.ner[pn] : undefined;
      if (m && m.tokenEnd === j) {
        const name = ctx.text.slice(m.start, m.end);
        if (m.type === 'LOC') {
          place = placeRefForName(name);
          placeTokenStart = m.tokenStart;
          placeTokenEnd = m.tokenEnd;
        } else if (m.type === 'ORG' || m.type === 'MISC') {
          affiliationStart = m.tokenStart;
          affiliationEnd = m.tokenEnd;
        } else if (m.type === 'PER') {
          // "Holm's spokeswoman", "Trump's lawyer": someone's own aide, anchored by the possessor as by a determiner.
          determiner = POSSESSOR;
          start = m.tokenStart;
          roleStart = j + 1;
          break;
        } else break;
        start = m.tokenStart;
        j = m.tokenStart - 1;
        // "the Concord's": include a determiner before the possessor
        if (j >= lowerBound && lowerAt(ctx, j) === 'the') {
          determiner = 'the';
          start = j;
        }
        break;
      }
      if (isLowerWord(tokenText(ctx, p)) && ORG_HEADS.has(lowerAt(ctx, p))) {
        let q = p - 1;
        while (q >= lowerBound && q > p - 3 && ROLE_MODIFIERS.has(lowerAt(ctx, q))) q--;
        if (q >= lowerBound && lowerAt(ctx, q) === 'the') {
          affiliationStart = q + 1;
          affiliationEnd = j;
          determiner = 'the';
          start = q;
        }
        break;
      }
      break;
    }
    if (ner >= 0) {
      const m = ctx.ner[ner];
      if (!m) break;
      const name = ctx.text.slice(m.start, m.end);
      const demonym = m.tokenEnd - m.tokenStart === 1 ? demonymPlace(ctx, name) : undefined;
      if (demonym) {
        place = demonym;
        placeTokenStart = m.tokenStart;
        placeTokenEnd = m.tokenEnd;
      } else if ((m.type === 'ORG' || countryOfSeat(name)) && allowCapitalised) {
        affiliationStart = m.tokenStart;
        affiliationEnd = m.tokenEnd;
      } else if (m.type === 'LOC' && allowCapitalised) {
        place = placeRefForName(name);
        placeTokenStart = m.tokenStart;
        placeTokenEnd = m.tokenEnd;
      } else if (!(m.type === 'MISC' && m.tokenEnd - m.tokenStart === 1 && UNKNOWN_DEMONYM.test(name))) break;
      // (A demonym of a country the article never names, "the Velorian foreign ministry", modifies without a place.)
      start = m.tokenStart;
      j = m.tokenStart - 1;
      continue;
    }
    const demonym = demonymPlace(ctx, word);
    if (demonym) {
      place = demonym;
      placeTokenStart = j;
      placeTokenEnd = j + 1;
      start = j;
      j--;
      continue;
    }
    // A role word capitalised only because it opens the sentence ("Allied leaders have promised …") is one.
    if (isRoleWord(lower) && (isLowerWord(word) || allowCapitalised || (j === sentenceStartToken(ctx, j) && /^\p{Lu}\p{Ll}+$/u.test(word)))) {
      if (placeTokenStart !== undefined || affiliationStart !== undefined) break; // nationality comes first: "French Foreign Minister"
      start = j;
      roleStart = j;
      j--;
      continue;
    }
    break;
  }
  // Transient adjectives and determiners are not part of the normalised role.
  let rs = Math.min(roleStart, from);
  if (placeTokenEnd !== undefined && placeTokenEnd > rs) rs = placeTokenEnd;
  if (affiliationEnd !== undefined && affiliationEnd > rs) rs = affiliationEnd + (isPossessiveToken(tokenText(ctx, affiliationEnd)) ? 1 : 0);
  if (placeTokenEnd !== undefined && isPossessiveToken(tokenText(ctx, placeTokenEnd)) && placeTokenEnd + 1 > rs) rs = placeTokenEnd + 1;
  while (rs < from && TRANSIENT_MODIFIERS.has(lowerAt(ctx, rs))) rs++;
  const out: LeftScan = {
    start, roleStart: rs,
    ...(determiner !== undefined ? { determiner } : {}),
    ...(place ? { place, placeTokenStart: placeTokenStart ?? start, placeTokenEnd: placeTokenEnd ?? start + 1 } : {}),
    ...(affiliationStart !== undefined ? { affiliationStart, affiliationEnd: affiliationEnd ?? affiliationStart + 1 } : {}),
  };
  return out;
}

function sentenceStartToken(ctx: Context, i: number): number {
  let j = i;
  const s = ctx.sentenceOf[i];
  while (j > 0 && ctx.sentenceOf[j - 1] === s) j--;
  // skip an opening quote or bracket
  while (j < i && /^[“"'‘(\[«]$/.test(tokenText(ctx, j))) j++;
  return j;
}

/** The object of a role's prepositional phrase starting at token `i` ("the alliance's naval forces"), or undefined. */
export function scanObject(ctx: Context, i: number, end: number): { start: number; end: number } | undefined {
  let j = i;
  if (j < end && (lowerAt(ctx, j) === 'the' || lowerAt(ctx, j) === 'a' || lowerAt(ctx, j) === 'an')) j++;
  let lastGood = -1;
  let steps = 0;
  while (j < end && steps < MAX_OBJECT_TOKENS) {
    steps++;
    const word = tokenText(ctx, j);
    const lower = lowerAt(ctx, j);
    const ner = ctx.nerAt[j] ?? -1;
    if (ner >= 0) {
      const m = ctx.ner[ner];
      if (!m || m.type === 'PER') break;
      j = m.tokenEnd;
      lastGood = j;
      continue;
    }
    if (isPossessiveToken(word) && lastGood === j) { j++; continue; }
    if (isCapitalised(word) && /\p{L}/u.test(word) && !DETERMINERS.has(lower)) { j++; lastGood = j; continue; }
    if (ORG_HEADS.has(lower) || OBJECT_NOUNS.has(lower)) { j++; lastGood = j; continue; }
    if (ROLE_MODIFIERS.has(lower) || (lower.includes('-') && lower.split('-').every((p) => ROLE_MODIFIERS.has(p)))) { j++; continue; }
    break;
  }
  if (lastGood < 0) return undefined;
  return { start: i, end: lastGood };
}

/**
 * "the prime ministers of France and Spain": a plural role's object goes on over further places or organisations
 * joined by "and" or commas (never people: "the ministers of France and Ivo May" are two parties).
 */
function coordinatedObject(ctx: Context, obj: { start: number; end: number } | undefined, plural: boolean, end: number): { start: number; end: number } | undefined {
  if (!obj || !plural) return obj;
  let last = obj.end;
  for (;;) {
    const joiner = lowerAt(ctx, last);
    if (joiner !== 'and' && joiner !== ',') break;
    const serialAnd = joiner === ',' && lowerAt(ctx, last + 1) === 'and';
    const next = serialAnd ? last + 2 : last + 1;
    const m = ctx.ner[ctx.nerAt[next] ?? -1];
    if (!m || m.type === 'PER' || m.type === 'MISC' || m.tokenStart !== next || m.tokenEnd > end) break;
    last = m.tokenEnd;
    if (joiner === 'and' || serialAnd) break;
  }
  return { start: obj.start, end: last };
}

/** The role/organisation phrase headed by token `head`, extended left (modifiers) and right (of/for/at/to object). */
export function parsePhrase(ctx: Context, head: number, lowerBound: number, upperBound: number, allowCapitalised = false): RolePhrase {
  const headLower = lowerAt(ctx, head);
  const left = scanLeft(ctx, head, lowerBound, allowCapitalised);
  let tokenEnd = head + 1;
  let objectStart: number | undefined;
  let objectEnd: number | undefined;
  let affiliationStart = left.affiliationStart;
  let affiliationEnd = left.affiliationEnd;
  let place = left.place;
  let placeTokenStart = left.placeTokenStart;
  let placeTokenEnd = left.placeTokenEnd;
  const prep = lowerAt(ctx, head + 1);
  if (head + 2 < upperBound && ROLE_PREPOSITIONS.has(prep)) {
    const obj = coordinatedObject(ctx, scanObject(ctx, head + 2, upperBound), PLURAL_ROLE_HEADS.has(headLower), upperBound);
    if (obj) {
      objectStart = obj.start;
      objectEnd = obj.end;
      tokenEnd = obj.end;
      const stated = statedInObject(ctx, obj.start, obj.end);
      if (stated.place && !place) {
        place = stated.place;
        placeTokenStart = stated.placeTokenStart;
        placeTokenEnd = stated.placeTokenEnd;
      }
      if (stated.isOrganisation && affiliationStart === undefined) {
        affiliationStart = obj.start + (lowerAt(ctx, obj.start) === 'the' ? 1 : 0);
        affiliationEnd = obj.end;
      }
    }
  }
  const plural = PLURAL_ROLE_HEADS.has(headLower);
  return {
    tokenStart: left.start,
    tokenEnd,
    roleStart: left.roleStart,
    head,
    headLower,
    plural,
    isOrg: ORG_HEADS.has(headLower) && !ROLE_HEADS.has(headLower),
    ...(left.determiner !== undefined ? { determiner: left.determiner } : {}),
    ...(objectStart !== undefined && objectEnd !== undefined ? { objectStart, objectEnd } : {}),
    ...(place ? { place, placeTokenStart: placeTokenStart ?? head, placeTokenEnd: placeTokenEnd ?? head + 1 } : {}),
    ...(affiliationStart !== undefined ? { affiliationStart, affiliationEnd: affiliationEnd ?? affiliationStart + 1 } : {}),
  };
}

/** Nationality and organisation cues inside a prepositional object ("for the Velorian government", "of France"). */
function statedInObject(ctx: Context, start: number, end: number): Stated & { isOrganisation: boolean } {
  let place: PlaceRef | undefined;
  let ps: number | undefined;
  let isOrganisation = false;
  for (let j = start; j < end; j++) {
    const ner = ctx.nerAt[j] ?? -1;
    const m = ner >= 0 ? ctx.ner[ner] : undefined;
    if (m?.type === 'ORG') isOrganisation = true;
    if (!place) {
      const demonym = demonymPlace(ctx, tokenText(ctx, j));
      if (demonym) { place = demonym; ps = j; }
      else if (m?.type === 'LOC' && m.tokenStart === j) {
        const name = ctx.text.slice(m.start, m.end);
        place = countryOfCapital(name) ?? placeRefForName(name);
        ps = j;
      }
    }
  }
  if (ORG_HEADS.has(lowerAt(ctx, end - 1))) isOrganisation = true;
  return { isOrganisation, ...(place && ps !== undefined ? { place, placeTokenStart: ps, placeTokenEnd: ps + 1 } : {}) };
}

/**
 * Could token `i` head a role or organisation description here? Rejects heads used as modifiers ("government
 * spokeswoman": "government" is not the head) and adjective-like heads before a noun ("the general public").
 */
export function isHeadHere(ctx: Context, i: number): boolean {
  const lower = lowerAt(ctx, i);
  const nextLower = lowerAt(ctx, i + 1);
  const next = tokenText(ctx, i + 1);
  if (ROLE_HEADS.has(nextLower) || PLURAL_ROLE_HEADS.has(nextLower) || ORG_HEADS.has(nextLower)) {
    if (isLowerWord(next)) return false;
  }
  if (ADJECTIVE_LIKE_HEADS.has(lower) && isLowerWord(next) && !CLAUSE_STARTERS.has(nextLower) && !ROLE_PREPOSITIONS.has(nextLower)) {
    return false;
  }
  return true;
}

export interface ClauseRole {
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly role: string;
  readonly objectStart: number;
  readonly objectEnd: number;
  readonly family: string;
}

/** "who (also) chairs the alliance's military committee" / "who took command of X" starting at token `i`. */
export function parseRoleClause(ctx: Context, i: number, upperBound: number): ClauseRole | undefined {
  if (lowerAt(ctx, i) !== 'who') return undefined;
  let j = i + 1;
  while (j < upperBound && RELATIVE_ADVERBS.has(lowerAt(ctx, j))) j++;
  const verb = lowerAt(ctx, j);
  let noun = ROLE_VERBS.get(verb);
  let objectAt = j + 1;
  if (!noun && (verb === 'took' || verb === 'takes' || verb === 'assumed' || verb === 'assumes') && lowerAt(ctx, j + 1) === 'command'
    && lowerAt(ctx, j + 2) === 'of') {
    noun = 'commander';
    objectAt = j + 3;
  }
  if (!noun && (verb === 'serves' || verb === 'served') && lowerAt(ctx, j + 1) === 'as') {
    const head = findHead(ctx, j + 2, upperBound);
    if (head < 0) return undefined;
    const phrase = parsePhrase(ctx, head, j + 2, upperBound);
    if (phrase.tokenStart !== j + 2) return undefined;
    const first = ctx.tokens[phrase.roleStart];
    const last = ctx.tokens[phrase.tokenEnd - 1];
    if (!first || !last) return undefined;
    return {
      tokenStart: i + 1, tokenEnd: phrase.tokenEnd, role: ctx.text.slice(first.start, last.end),
      objectStart: phrase.roleStart, objectEnd: phrase.tokenEnd, family: roleFamily(phrase.headLower) ?? phrase.headLower,
    };
  }
  if (!noun) return undefined;
  if (verb === 'presides' && lowerAt(ctx, objectAt) === 'over') objectAt++;
  const obj = scanObject(ctx, objectAt, upperBound);
  if (!obj) return undefined;
  const a = ctx.tokens[obj.start];
  const b = ctx.tokens[obj.end - 1];
  if (!a || !b) return undefined;
  return { tokenStart: i, tokenEnd: obj.end, role: `${noun} of ${ctx.text.slice(a.start, b.end)}`, objectStart: obj.start, objectEnd: obj.end, family: roleFamily(noun) ?? noun };
}

/** The first role head within a few tokens from `i` (for appositions: "the newly appointed commander"). */
export function findHead(ctx: Context, i: number, upperBound: number): number {
  const limit = Math.min(upperBound, i + MAX_PREMODIFIER_TOKENS + 1);
  for (let j = i; j < limit; j++) {
    const lower = lowerAt(ctx, j);
    const word = tokenText(ctx, j);
    if (/^[,.;:!?”"]$/.test(word)) return -1;
    if (isLowerWord(word) && (ROLE_HEADS.has(lower) || PLURAL_ROLE_HEADS.has(lower)) && isHeadHere(ctx, j)) return j;
  }
  return -1;
}
