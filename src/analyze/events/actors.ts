/**
 * Who can take part in an event: people, organisations, countries and places found in the article, from the
 * entities stage when it ran, else from NER mentions, else from a small capitalised-phrase + country-gazetteer
 * heuristic; plus group noun phrases ("defence chiefs", "military leaders") and organisation nominals
 * ("the Velorian defence ministry") that no name-based stage reports.
 */
import { countryByCapital, countryByName, isDerivedDemonym, countryByDemonym } from '../entities/gazetteer.js';
import type { Tokenized } from '../tokens/index.js';

export type ActorKind = 'person' | 'organisation' | 'country' | 'location' | 'group';

export interface Actor {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly kind: ActorKind;
  readonly entityId?: string;
  /** Countries named inside a group's own phrase ("the prime ministers of France and Spain"): they take part too. */
  readonly members?: readonly Actor[];
  /** A personal pronoun the entities stage resolved ("She held talks"): a participant only as a verb's subject. */
  readonly pronoun?: boolean;
}

/** The parts of an entities-stage entity this stage reads (structurally compatible with `entities/types.ts`). */
export interface EntityLike {
  readonly id: string;
  readonly name: string;
  readonly type: 'person' | 'organisation' | 'location' | 'gpe' | 'misc';
  /** A group ("two officials", "the chiefs") rather than one individual. */
  readonly plural?: boolean;
  readonly mentions: readonly { readonly start: number; readonly end: number; readonly text?: string; readonly kind?: string }[];
}

/** The parts of an NER mention this stage reads. */
export interface MentionLike {
  readonly start: number;
  readonly end: number;
  readonly text?: string;
  readonly type: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

/**
 * Mention kinds that never name a participant on their own: "Velorian" says nothing about who attended, nor does "he"
 * except as the subject of the event's verb (kept as a pronoun actor, see `pronoun`).
 */
const SKIPPED_MENTION_KINDS = new Set(['pronoun', 'demonym']);

/** Capitalised words that end an organisation's name. */
const ORG_WORDS = new Set([
  'Command', 'Ministry', 'Council', 'Alliance', 'Union', 'Organisation', 'Organization', 'Committee', 'Agency',
  'Office', 'Forces', 'Army', 'Navy', 'Government', 'Bank', 'Party', 'Parliament', 'Assembly', 'Commission', 'Nations',
  'Institute', 'Fund', 'Court', 'Senate', 'Congress', 'Department', 'Group', 'Association', 'Federation', 'League',
  'Company', 'Corporation', 'Inc.', 'Ltd', 'University', 'Police', 'Guard', 'Corps', 'Pact', 'Treaty', 'Centre', 'Center',
]);

/** Titles before a person's name; the name is what follows the last of them. */
const TITLE_WORDS = new Set([
  'Adm.', 'Gen.', 'Col.', 'Lt.', 'Maj.', 'Capt.', 'Cmdr.', 'Sgt.', 'Brig.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Sen.',
  'Rep.', 'Gov.', 'Amb.', 'President', 'Minister', 'Secretary', 'Chancellor', 'King', 'Queen', 'Prince', 'Pope',
  'Admiral', 'General', 'Colonel', 'Governor', 'Mayor', 'Ambassador', 'Premier', 'Senator', 'Spokesman', 'Spokeswoman',
]);

/** Capitalised words that are not names: sentence starters, calendar words, headline words. */
const NOT_NAMES = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'As', 'But', 'And', 'Or', 'If', 'When', 'While', 'After',
  'Before', 'Since', 'According', 'Officials', 'Its', 'His', 'Her', 'Their', 'Our', 'This', 'That', 'These', 'Those', 'It',
  'He', 'She', 'They', 'We', 'I', 'You', 'Some', 'Several', 'Many', 'Most', 'All', 'No', 'Not', 'One', 'Two', 'Three',
  'Until', 'Then', 'Now', 'Also', 'Who', 'What', 'Where', 'Why', 'How', 'Allied', 'Defence', 'Defense', 'Military',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Christmas', 'Industry', 'Escorts',
]);

const CALENDAR_WORDS = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]);

/** Head nouns of groups that take part in meetings ("defence chiefs", "military leaders", "delegations"). */
export const GROUP_HEADS =
  'chiefs|ministers|leaders|presidents|prime ministers|heads of state|heads of government|officials|officers|delegations|' +
  'delegates|diplomats|generals|commanders|envoys|representatives|lawmakers|negotiators|foreign ministers|members|' +
  'member states|governments|allies|participants|mediators|experts|scientists|negotiating teams|senators|legislators|' +
  'congressmen|congresswomen|MPs|parliamentarians|ambassadors|monitors|inspectors|observers|journalists|activists|' +
  'delegation';
/** Words that may precede a group head inside its phrase ("top military officers", "Defence chiefs"). */
const GROUP_MODIFIERS =
  'top|senior|military|defence|defense|foreign|finance|army|naval|navy|allied|European|African|Asian|Arab|western|' +
  'Western|regional|other|national|Defence|Defense|Military|Foreign|Senior|Top|Allied|Velorian|French|British|deputy|' +
  'alliance|Alliance|trade|economy|health|interior|energy|bipartisan|Republican|Democratic|US|U\\.S\\.|American|UN|EU|NATO';
const GROUP_RE = new RegExp(`\\b(?:(?:${GROUP_MODIFIERS})\\s+){0,3}(?:${GROUP_HEADS})\\b`, 'gi');

/** Bodies named by their kind ("a joint commission", "the select committee"): unnamed, but one body each. */
const BODY_NOMINAL_RE =
  /\b(?:joint|special|select|standing|ethics|electoral|monitoring|independent|investigative|bipartisan|ceasefire|military|security)\s+(?:commission|committee|council|panel|task force|working group)\b/giu;

/** Organisation nominals: "the Velorian defence ministry", "Spain's foreign ministry", "the French government". */
const ORG_NOMINAL_RE =
  /\b(?:[A-Z][\p{L}-]+(?:'s|’s)?\s+)?(?:(?:defence|defense|foreign|interior|finance|justice|health|economy|war)\s+)?(?:ministry|government|embassy|presidency|office)\b/gu;

/** Every place-like actor that can head a participant list or a place phrase. */
function countryLike(name: string, demonymWords: readonly string[]): boolean {
  if (countryByName(name)) return true;
  return demonymWords.some((w) => isDerivedDemonym(w, name));
}

function kindOfEntity(type: EntityLike['type'], name: string, demonymWords: readonly string[]): ActorKind | undefined {
  switch (type) {
    case 'person': return 'person';
    case 'organisation': return 'organisation';
    // The entities stage calls a place a political entity when it is a country, a capital, or an unknown name with
    // a demonym or state offices ("Norland's prime minister"): all but capitals are countries.
    case 'gpe': return countryLike(name, demonymWords) || !countryByCapital(name) ? 'country' : 'location';
    case 'location': return countryLike(name, demonymWords) ? 'country' : 'location';
    default: return undefined;
  }
}

function kindOfNer(type: MentionLike['type'], name: string, demonymWords: readonly string[]): ActorKind | undefined {
  switch (type) {
    case 'PER': return 'person';
    case 'ORG': return 'organisation';
    case 'LOC': return countryLike(name, demonymWords) ? 'country' : 'location';
    default: return undefined;
  }
}

/** Capitalised words that look like demonyms ("Velorian"), used to tell a fictional or unknown country from a city. */
function capitalisedWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b\p{Lu}\p{Ll}{3,}(?:ns?|ese|ish|i)\b/gu)) out.add(m[0]);
  return [...out];
}

/**
 * Capitalised-phrase fallback when neither entities nor NER mentions are given: maximal runs of capitalised tokens
 * (with "of"/"the"/"for" inside organisation names), split at titles, typed by organisation words and the gazetteer.
 */
function heuristicActors(text: string, tokenized: Tokenized, demonymWords: readonly string[]): Actor[] {
  const out: Actor[] = [];
  const { tokens, sentences } = tokenized;
  const persons: string[] = [];
  for (const s of sentences) {
    let t = s.tokenStart;
    while (t < s.tokenEnd) {
      const head = tokens[t];
      if (!head || !/^\p{Lu}/u.test(head.text) || (t === s.tokenStart && NOT_NAMES.has(head.text))) { t++; continue; }
      let end = t + 1;
      for (;;) {
        const next = tokens[end];
        if (!next || end >= s.tokenEnd) break;
        // Inside a run only calendar words end a name ("Defence" in "Velorian Defence Minister" does not);
        // "May" after a capitalised word is a surname ("Ivo May"), not the month.
        if (/^\p{Lu}/u.test(next.text) && (!CALENDAR_WORDS.has(next.text) || next.text === 'May')) { end++; continue; }
        const after = tokens[end + 1];
        if (/^(?:of|for|the|van|von|de|der|den|da|di|du|le|la|al|bin)$/.test(next.text) && after && /^\p{Lu}/u.test(after.text) && end + 1 < s.tokenEnd && !CALENDAR_WORDS.has(after.text)) { end += 2; continue; }
        break;
      }
      let words = tokens.slice(t, end).map((k) => k.text);
      // "Leaders of Brazil" at a sentence start: the name is what follows "of".
      const ofAt = words.lastIndexOf('of');
      if (t === s.tokenStart && ofAt > 0 && ofAt < words.length - 1 && !ORG_WORDS.has(words[words.length - 1] ?? '') && /s$/.test(words[0] ?? '')) {
        t += ofAt + 1;
        words = words.slice(ofAt + 1);
      }
      let first = 0;
      words.forEach((w, i) => { if (TITLE_WORDS.has(w)) first = i + 1; });
      const firstTok = tokens[t + first];
      const tok = tokens[t];
      const lastTok = tokens[end - 1];
      if (tok && firstTok && lastTok && first < words.length && !NOT_NAMES.has(firstTok.text)) {
        const name = text.slice(firstTok.start, lastTok.end);
        const lastWord = words[words.length - 1] ?? '';
        let kind: ActorKind | undefined;
        if (first > 0) kind = 'person';
        else if (ORG_WORDS.has(lastWord) || /^[A-Z]{2,6}$/.test(name)) kind = 'organisation';
        else if (countryLike(name, demonymWords)) kind = 'country';
        else if (countryByCapital(name)) kind = 'location';
        else if (countryByDemonym(name)) kind = undefined;
        else if (persons.some((p) => p.endsWith(' ' + name))) kind = 'person';
        // "the Atlantic Concord", "the Harbour Herald": a determiner before an untitled multi-word name marks an organisation.
        else if (words.length >= 2 && /\b(?:the|The)\s+$/.test(text.slice(Math.max(0, tok.start - 4), tok.start))) kind = 'organisation';
        else if (words.length >= 2 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) kind = 'person';
        // "in Harlan", "at Zurich": an unknown name right after a locative preposition is a place.
        else if (/\b(?:in|at|near|to)\s+$/.test(text.slice(Math.max(0, tok.start - 6), tok.start)) && /^\p{Lu}\p{Ll}+$/u.test(name)) kind = 'location';
        if (kind) {
          if (kind === 'person') persons.push(name);
          out.push({ start: firstTok.start, end: lastTok.end, name, kind });
        }
      }
      t = end;
    }
  }
  return out;
}

/** Groups ("defence chiefs") and organisation nominals ("the Velorian defence ministry") in [from, to). */
export function groupActors(text: string, from: number, to: number): Actor[] {
  const slice = text.slice(from, to);
  const out: Actor[] = [];
  for (const m of slice.matchAll(GROUP_RE)) {
    const start = from + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, name: m[0], kind: 'group' });
  }
  for (const m of slice.matchAll(BODY_NOMINAL_RE)) {
    const start = from + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, name: m[0], kind: 'organisation' });
  }
  for (const m of slice.matchAll(ORG_NOMINAL_RE)) {
    const start = from + (m.index ?? 0);
    // "his office", "the office": only a named or typed office/ministry is an actor.
    if (!/^\p{Lu}/u.test(m[0]) && !/\b(?:defence|defense|foreign|interior|finance|justice|health|economy|war)\s/.test(m[0])) continue;
    out.push({ start, end: start + m[0].length, name: m[0], kind: 'organisation' });
  }
  return out;
}

export interface ActorInput {
  readonly entities?: readonly EntityLike[] | undefined;
  readonly mentions?: readonly MentionLike[] | undefined;
}

/** Every named actor in the article, in text order, non-overlapping (longest first). */
export function findActors(text: string, tokenized: Tokenized, input: ActorInput): Actor[] {
  const demonymWords = capitalisedWords(text);
  let actors: Actor[] = [];
  if (input.entities && input.entities.length > 0) {
    for (const e of input.entities) {
      const kind = e.plural === true && e.type === 'person' ? 'group' : kindOfEntity(e.type, e.name, demonymWords);
      if (!kind) continue;
      for (const m of e.mentions) {
        if (m.kind === 'pronoun' && kind === 'person') actors.push({ start: m.start, end: m.end, name: e.name, kind, entityId: e.id, pronoun: true });
        if (m.kind !== undefined && SKIPPED_MENTION_KINDS.has(m.kind)) continue;
        actors.push({ start: m.start, end: m.end, name: e.name, kind, entityId: e.id });
      }
    }
  } else if (input.mentions && input.mentions.length > 0) {
    for (const m of input.mentions) {
      const name = text.slice(m.start, m.end);
      const kind = kindOfNer(m.type, name, demonymWords);
      if (kind) actors.push({ start: m.start, end: m.end, name, kind });
    }
  } else {
    actors = heuristicActors(text, tokenized, demonymWords);
  }
  actors.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Actor[] = [];
  for (const a of actors) {
    const last = kept[kept.length - 1];
    if (last && a.start < last.end) {
      if (last.kind === 'group' && a.kind === 'country' && a.end <= last.end) kept[kept.length - 1] = { ...last, members: [...(last.members ?? []), a] };
      continue;
    }
    kept.push(a);
  }
  return kept;
}
