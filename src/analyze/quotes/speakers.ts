/**
 * Speaker hints for an attribution's source: what kind of mention it is (name, pronoun, role noun, organisation,
 * document), the antecedent a simple resolver picks for pronouns and role nouns (nearest compatible preceding
 * person name, skipping names inside quotation marks, 'he'/'she' checked against titles and earlier pronouns), and
 * the channel when the sentence states one.
 */
import type { Span } from '../../model/span.js';
import { DOCUMENT_NOUNS, ORGANISATION_NOUNS, PERSON_PRONOUNS, ROLE_NOUNS, TITLE_GENDER } from './lexicon.js';

/** 'relative': a bare "who"/"which" ("a think-tank paper, which argued …"), standing for the phrase before its comma. */
export type SpeakerVia = 'name' | 'pronoun' | 'role-noun' | 'organisation' | 'document' | 'relative';
export type ChannelKind = 'statement' | 'news-conference' | 'interview' | 'social-media' | 'outlet' | 'document' | 'other';

export interface EntityMention {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** A person (or organisation) mention the resolver can point back to. */
export interface Antecedent extends Span {
  readonly kind: 'person' | 'organisation';
  /** 'm' / 'f' when a title or a later pronoun tells, else 'x'. */
  readonly gender: 'm' | 'f' | 'x';
}

const CAPITALISED = /^\p{Lu}/u;
/** Capitalised words that start sentences or name things other than people; never the start of a person name. */
const NOT_NAME_START = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'If', 'When', 'While', 'After', 'Before', 'As', 'This', 'That', 'It',
  'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Our', 'My', 'For', 'From', 'With', 'By', 'According',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'There', 'Here', 'So', 'Yet', 'Or',
]);
/** Titles before a name: part of the mention, and a gender hint for Mr./Mrs./Ms. */
const TITLES = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|President|Senator|Governor|Mayor|Minister|Secretary|Judge|Sir|Lady|Speaker)\.?$/;
/** A pronoun this many characters after a name, before any other name, sets the name's gender. */
const GENDER_WINDOW = 400;

/**
 * Person and organisation mentions outside quotation marks, from the entities passed in when there are any, else
 * from runs of capitalised words (two or more, or one after a title); single surnames of names seen earlier count too.
 */
export function findAntecedents(
  text: string,
  tokens: readonly { readonly start: number; readonly end: number; readonly text: string }[],
  insideQuote: (offset: number) => boolean,
  entities?: readonly EntityMention[],
): Antecedent[] {
  const raw: { start: number; end: number; kind: 'person' | 'organisation'; title: string | null }[] = [];
  if (entities && entities.length > 0) {
    for (const e of entities) {
      if (insideQuote(e.start)) continue;
      if (e.type === 'PER') raw.push({ start: e.start, end: e.end, kind: 'person', title: titleBefore(text, e.start) });
      else if (e.type === 'ORG') raw.push({ start: e.start, end: e.end, kind: 'organisation', title: null });
    }
  } else {
    const surnames = new Set<string>();
    let runStart = -1;
    let runEnd = -1;
    let words: string[] = [];
    const flush = (): void => {
      if (runStart < 0) return;
      const first = words[0] ?? '';
      const hasTitle = TITLES.test(first);
      const isOrg = words.some((w) => ORGANISATION_NOUNS.has(w.toLowerCase()));
      if (!insideQuote(runStart) && (words.length >= 2 || surnames.has(first))) {
        if (isOrg) raw.push({ start: runStart, end: runEnd, kind: 'organisation', title: null });
        else {
          raw.push({ start: runStart, end: runEnd, kind: 'person', title: hasTitle ? first : titleBefore(text, runStart) });
          const last = words[words.length - 1];
          if (last && words.length >= 2) surnames.add(last);
        }
      }
      runStart = -1;
      words = [];
    };
    for (const t of tokens) {
      const w = t.text;
      // Most tokens are lower-case ASCII: their first char code settles it without the regular expressions.
      const c0 = w.charCodeAt(0);
      const isCap = w.length > 1 && ((c0 >= 65 && c0 <= 90) || c0 > 127) && CAPITALISED.test(w) && /[\p{Ll}.]/u.test(w);
      const adjacent = runStart >= 0 && t.start - runEnd <= 1;
      if (isCap && adjacent) {
        runEnd = t.end;
        words.push(w);
      } else {
        flush();
        if (isCap && !NOT_NAME_START.has(w)) {
          runStart = t.start;
          runEnd = t.end;
          words = [w];
        }
      }
    }
    flush();
  }
  raw.sort((a, b) => a.start - b.start);
  return raw.map((r, i) => {
    let gender: 'm' | 'f' | 'x' = r.title ? (TITLE_GENDER.get(r.title.toLowerCase()) ?? 'x') : 'x';
    if (gender === 'x' && r.kind === 'person') {
      const limit = Math.min(raw[i + 1]?.start ?? text.length, r.end + GENDER_WINDOW);
      const m = /\b(he|him|his|she|her|hers)\b/i.exec(text.slice(r.end, limit));
      if (m?.[1]) gender = PERSON_PRONOUNS.get(m[1].toLowerCase()) === 'f' ? 'f' : 'm';
    }
    return { start: r.start, end: r.end, kind: r.kind, gender };
  });
}

function titleBefore(text: string, start: number): string | null {
  const m = /(\S+)\s+$/.exec(text.slice(Math.max(0, start - 16), start));
  return m?.[1] && TITLES.test(m[1]) ? m[1] : null;
}

/** Parts of a legal text cited by number ("Article 5", "Section 2"). */
const NUMBERED_PARTS = new Set(['article', 'section', 'clause', 'paragraph', 'chapter', 'annex']);
const HEAD_ENDING_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'in', 'with', 'on']);

/** How the source is mentioned, from its words. */
export function speakerVia(sourceText: string, isEntityPerson: boolean, isEntityOrg: boolean): SpeakerVia {
  const all: string[] = sourceText.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (all.length === 1 && (all[0] === 'who' || all[0] === 'which' || all[0] === 'whom')) return 'relative';
  // The head of "the chair of the alliance's military committee" is "chair": the words from the preposition on modify it.
  const cut = all.findIndex((w, i) => i > 0 && HEAD_ENDING_PREPOSITIONS.has(w));
  const words = cut > 0 ? all.slice(0, cut) : all;
  const head = words[words.length - 1] ?? '';
  if (words.length === 1 && PERSON_PRONOUNS.has(head)) return 'pronoun';
  if (words.length === 1 && (head === 'it' || head === 'they')) return 'pronoun';
  if (isEntityPerson) return 'name';
  // Before the organisation test: "Article 5 of the Concord Charter" holds the organisation-like name of its text.
  if (DOCUMENT_NOUNS.has(head) || (NUMBERED_PARTS.has(words[0] ?? '') && /^(?:\d|[ivx]+$)/.test(words[1] ?? ''))) return 'document';
  if (isEntityOrg) return 'organisation';
  if (DOCUMENT_NOUNS.has(words[0] ?? '')) return 'document';
  const capitalised = /^\p{Lu}/u.test(sourceText.replace(/^(?:the|a|an)\s+/i, ''));
  if (ORGANISATION_NOUNS.has(head) && !(head === 'spokesman' || head === 'spokeswoman')) return 'organisation';
  if (!capitalised && ROLE_NOUNS.has(head)) return 'role-noun';
  if (head === 'spokesman' || head === 'spokeswoman') return capitalised ? 'name' : 'role-noun';
  return 'name';
}

/** Who speaks for someone else: "her office said", "Oren Dal's spokesman said". */
const REPRESENTATIVE_NOUNS = /^(?:office|spokes(?:man|woman|person)|press (?:office|secretary)|aides?|advisers?|lawyers?|attorneys?|campaign|representatives?|envoy|team|staff)$/;
const POSSESSIVE = /^(?:(?:the\s+)?\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*)*['’]s?|her|his|its|their)\s+(.+)$/u;

/**
 * The representative a source names, when the source is someone's representative and nothing more ("her office",
 * "Oren Dal's spokesman" → "office", "spokesman"): the speaker is the side they speak for, but the words are theirs.
 */
function representativeNoun(sourceText: string): string | undefined {
  const noun = POSSESSIVE.exec(sourceText.trim())?.[1];
  return noun !== undefined && REPRESENTATIVE_NOUNS.test(noun.toLowerCase()) ? noun : undefined;
}

/**
 * The speaker entity's name as the source puts it: "Lia Roth's office" for "her office", "Ross Harris' aide" for
 * "his aide"; the bare name otherwise.
 */
export function speakerLabel(name: string, sourceText: string): string {
  const noun = representativeNoun(sourceText);
  return noun === undefined ? name : `${name}${/s$/.test(name) ? "'" : "'s"} ${noun}`;
}

const INDEFINITE_OPENER = /^(?:a|an|another|one|some|several)\s/;

/**
 * The antecedent for a pronoun / role noun / organisation source starting at `at`: the nearest earlier mention of
 * the right kind; for organisations one naming the same head noun ("the ministry" -> "Foreign Ministry") when there is one.
 */
export function resolveSpeaker(
  fullText: string,
  via: SpeakerVia,
  sourceText: string,
  at: number,
  antecedents: readonly Antecedent[],
): Antecedent | undefined {
  if (via === 'name' || via === 'document' || via === 'relative') return undefined;
  const lower = sourceText.toLowerCase().trim();
  // "They" stands for a group ("allied leaders … they have not said"), which the antecedents (one person or one
  // organisation each) do not hold; the nearest person is the wrong answer, so it stays unresolved.
  if (lower === 'they') return undefined;
  // "A spokesperson for the alliance", "an official": someone new, not the person named before.
  if (INDEFINITE_OPENER.test(lower)) return undefined;
  const pronounGender = PERSON_PRONOUNS.get(lower) ?? 'x';
  const wantOrg = via === 'organisation' || lower === 'it';
  const head = lower.match(/\p{L}+/gu)?.pop() ?? '';
  let fallback: Antecedent | undefined;
  for (let i = antecedents.length - 1; i >= 0; i--) {
    const a = antecedents[i];
    if (!a || a.end > at) continue;
    if (wantOrg) {
      if (a.kind !== 'organisation') continue;
      if (fullText.slice(a.start, a.end).toLowerCase().includes(head)) return a;
      fallback ??= a;
      continue;
    }
    if (a.kind !== 'person') continue;
    if (pronounGender !== 'x' && a.gender !== 'x' && a.gender !== pronounGender) continue;
    return a;
  }
  return fallback;
}

const CHANNELS: readonly (readonly [ChannelKind, RegExp])[] = [
  ['news-conference', /\b(?:news|press) (?:conference|briefing)s?\b|\bbriefing\b/i],
  ['interview', /\binterview(?:s|ed)?\b/i],
  ['social-media', /\b(?:tweet(?:s|ed)?|twitter|facebook|instagram|posted on|social media|blog post|a post on)\b/i],
  ['statement', /\bstatements?\b|\bpress release\b|\bcommuniqu[eé]\b/i],
  // The relaying outlet by name first ("reported, as cited by Globe Wire"), so that the channel's span names it.
  ['outlet', /\bas (?:cited|quoted|reported|relayed) by (?:the )?\p{Lu}[\p{L}\p{N}.&'’-]*(?: \p{Lu}[\p{L}\p{N}.&'’-]*)*/u],
  ['outlet', /\b(?:reported|reports|cited by|as cited|news agency|newspaper|broadcaster)\b/i],
];

/** The channel stated in [from, to) (the attribution's sentence outside its content), if any. */
export function findChannel(
  text: string,
  windows: readonly Span[],
): { kind: ChannelKind; span: Span } | undefined {
  for (const [kind, re] of CHANNELS) {
    for (const w of windows) {
      const m = re.exec(text.slice(w.start, w.end));
      if (m) return { kind, span: { start: w.start + m.index, end: w.start + m.index + m[0].length } };
    }
  }
  return undefined;
}
