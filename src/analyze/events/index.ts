/**
 * Events reported by one article: meetings, summits, calls, visits, statements, news conferences, attacks,
 * agreements, votes and deployments, each with its date (from the article's time expressions, or counted from another
 * event: "a day after …", "one day earlier"), place, format, participants, stated participant counts, organiser and
 * topic, and the sentences that state them. Later references ("the call", "Tuesday's meeting in Paris") are merged
 * into the event they refer to; different events stay separate.
 *
 *   const tokenized = tokenize(text);
 *   const times = recognizeTimeExpressions(text, { published });
 *   const events = extractEvents(text, { tokenized, times, published, entities });
 *
 * Rules over sentences, no parser: each trigger owns the clause around it (cut at relative clauses, "said",
 * "a day after", the next trigger), and its attributes are read from that clause. Pure and deterministic.
 */
import type { Span } from '../../model/index.js';
import { datelinesOf } from '../dateline.js';
import { findQuotedSegments } from '../quotes/index.js';
import type { TimeExpression } from '../time/index.js';
import type { Tokenized } from '../tokens/index.js';
import { findActors, groupActors, GROUP_HEADS, type Actor, type EntityLike, type MentionLike } from './actors.js';
import { findCasualties, findTally } from './figures.js';
import { findCounts, parseNumber } from './counts.js';
import { compareYMD, parseReferenceDate, toEpochDay } from '../time/calendar.js';
import { anchorFromValue } from '../time/resolve.js';
import {
  APPEAL_VERB_BEFORE, ATTACK_GUARD_AFTER, ATTACK_GUARD_BEFORE, CALL_GUARD_AFTER, CALL_GUARD_BEFORE, DEFINITE, FORCE_NOUN, FORMAT_PATTERNS, MEET_OBJECT_GUARD,
  NON_EVENT_DATE_PREP, NOUN_DETERMINER, PARTICIPATION_ALONE, PLACE_PREP, RELATION_VERB, SUMMIT_GUARD, SUMMIT_GUARD_BEFORE,
  SUMMIT_PARTICIPANTS, TRIGGERS, VISIT_GUARD_AFTER, VISIT_GUARD_BEFORE, type TriggerClass,
} from './lexicon.js';
import type {
  ArticleEvent, EventDate, EventFormat, EventModality, EventParticipant, EventType, ParticipantCount, SpanText,
} from './types.js';

export type {
  ArticleEvent, EventDate, EventFormat, EventModality, EventParticipant, EventType, ParticipantCount, SpanText,
} from './types.js';
export type { EntityLike, MentionLike } from './actors.js';

export interface EventInput {
  readonly tokenized: Tokenized;
  readonly times: readonly TimeExpression[];
  /** Entities stage output; when given, participants and places carry its ids. */
  readonly entities?: readonly EntityLike[];
  /** NER mentions, used when `entities` is absent. Without both, a capitalised-phrase heuristic stands in. */
  readonly mentions?: readonly MentionLike[];
  /** Publication date (ISO); only used to tell planned events (dated after it) from past ones. */
  readonly published?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Tunables

/** Characters before a noun trigger searched for its modifiers ("Tuesday's smaller in-person meeting"). */
const MODIFIER_REACH = 40;
/** Characters after "of" at most between a noun trigger and its participant list ("meeting in Paris of a group"). */
const OF_REACH = 30;
/** A postposed topic ("… on security guarantees") must start this close to the trigger, past date/place/format. */
const TOPIC_ON_REACH = 45;
/** Characters before a trigger searched for modal words ("are due to meet", "could be sent"). */
const MODALITY_REACH = 40;
/** Characters between "chaired by" and the name: room for a title ("chaired by Adm. Henrik Solberg"). */
const BY_TITLE_REACH = 12;
/** Characters at most between a trigger and the "in"/"at" of its place, or the start of its date ("met by video link on Wednesday"). */
const ATTRIBUTE_REACH = 60;
/** "fighting corruption", "fighting for their rights", "fighting back tears": a struggle, not combat. */
const FIGHTING_NOT_WAR = /^\s+(?:for|against|to|back|off|over|corruption|crime|fires?|cancer|poverty|inflation|disease|words|spirit|chance)\b/i;

/** Words before a speech noun that make the clause's subject its speaker: "gave a speech", "said in a speech". */
const SPEECH_GIVEN = /\b(?:gave|give|gives|giving|delivered|deliver|delivers|delivering|made|makes|making|during|in)\s+(?:an?|his|her|their|its|the)\s+(?:[\w'’-]+\s+){0,2}$/i;

/** "canceled a trip to", "postponed his visit to": what was called off did not happen. */
const CALLED_OFF_BEFORE = /\b(?:cancel(?:l)?ed|cancel(?:l)?ing|postponed|postponing|scrapped|called off|calling off|delayed)\s+(?:[\w'’]+\s+){0,2}$/i;
/** Named storms arrive too. */
const STORM_NAME = /^(?:Hurricane|Tropical Storm|Storm|Typhoon|Cyclone)\b/;

/** A pronoun subject of a travel verb ("she would travel to Kyiv") when no actor was resolved for it. */
const TRAVELLER_PRONOUN = /\b(?:he|she|they|we|I)\b/i;

/** Between two coordinated event verbs: the first one's object or place, then "and" ("visited Kyiv and met"). */
const COORDINATED_VERB = /^[^,.;:]{0,40}\s(?:and|before|then)\s+(?:then\s+|later\s+|also\s+)?$/;

/** Between an event word and the date it began: "The talks began on November 28". */
const BEGAN_ON = /^\s+(?:began|begun|started|opened|got under way|kicked off)\s+(?:on\s+|in\s+)?$/i;
/**
 * "The first session is due on December 14", "the summit in Rome was held in May": the copula dates its subject.
 */
const SCHEDULED_FOR = /^(?:\s+(?:in|at|of|on|between|with)\s+[^,.;]{0,40}?)?\s+(?:is|are|was|were|will be|has been|had been)\s+(?:due|scheduled|set|planned|slated|expected|held|to be held)(?:\s+to\s+(?:be\s+held|take\s+place|open|start|begin|convene))?\s+(?:on|for|in)?\s*$/i;
/** Words between a trigger and a later time expression that show the date belongs to another predicate. */
const DATE_BREAKERS = /\b(?:since|was|is|were|are|been|has|had|took|after|before|until|ended|ends|began|begins)\b/i;
/** A comma, a name and its verb ("…, Trump hailed", "…, Hayes traded"): a new clause. */
const NAME_CLAUSE = /,\s+(?:(?:the|a|an)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:\p{Ll}+ed|said|says|told|met|made|took|gave|spoke|is|was|has|had|will)\b/u;
/** A new clause after a comma ("…, and he seems", "…, Trump hailed"): what follows it is no longer the event's. */
const CLAUSE_BREAK = new RegExp(`,\\s+(?:and|but|while|whereas)\\s|${NAME_CLAUSE.source}`, 'u');
/**
 * A participle right before a date, after a comma, other than those that schedule or hold the event itself ("the
 * visit …, an inspector general's report released Wednesday"; without the comma, "a statement released late Sunday",
 * the participle is the event's own).
 */
const OTHER_PARTICIPLE_BEFORE = /\b(?!(?:scheduled|planned|slated|expected|held|convened|set|called|arranged|organi[sz]ed|hosted|chaired|led|attended)\b)\p{Ll}{3,}ed\s+(?:on\s+|in\s+|last\s+|this\s+|next\s+)?$/u;
/** A "that" clause, not a relative one ("an interview that aired Monday"). */
const THAT_CLAUSE = /\bthat\s+(?!(?:\p{Ll}+ed|was|were|is|are|will|would|had|has)\b)/u;
/** Events whose object is what was said or agreed, which carries its own dates. */
const TELLS_OF_CONTENT: ReadonlySet<EventType> = new Set(['announcement', 'agreement', 'statement']);
/** How far back (characters) an "at a meeting" trigger looks for the clause event whose date it shares. */
const AT_EVENT_REACH = 200;

const GATHERING: ReadonlySet<EventType> = new Set(['meeting', 'summit', 'call']);
/** Other types whose definite noun ("the attack", "the visit") refers back to the latest event of that type. */
const ANAPHORIC_TYPES: ReadonlySet<EventType> = new Set(['attack', 'visit', 'vote', 'agreement', 'speech']);

// ("the day after", "the week before": one of them.)
const NUMBER_WORD = '(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+|several|a few)';
const UNIT_WORD = '(day|week|month|year)s?';
/** "a day after …", "two weeks before …": the event named after the connector is counted from the one before it. */
const CONNECTOR_RE = new RegExp(`\\b(${NUMBER_WORD})\\s+${UNIT_WORD}\\s+(after|before)\\s+$`, 'i');
const CONNECTOR_GLOBAL = new RegExp(`\\b(${NUMBER_WORD})\\s+${UNIT_WORD}\\s+(after|before)\\s+`, 'gi');
/** "one day earlier", "a week later" at the end of a clause: counted from the event last reported. */
const POSTPOSED_RE = new RegExp(`\\b(${NUMBER_WORD})\\s+${UNIT_WORD}\\s+(earlier|before|later|after|previously)\\b(?=\\s*(?:[,.;:]|$))`, 'gi');

/** Event nouns an offset can count from ("a day after the vote"), and the event types they name. */
const EVENT_NOUN_TYPES: Readonly<Record<string, readonly EventType[]>> = {
  vote: ['vote'], ballot: ['vote'], referendum: ['vote'], meeting: ['meeting', 'call', 'summit'], talk: ['meeting', 'call', 'summit'],
  call: ['meeting', 'call'], summit: ['summit', 'meeting'], conference: ['meeting', 'summit', 'news-conference'], attack: ['attack'],
  strike: ['attack'], bombing: ['attack'], visit: ['visit'], agreement: ['agreement'], deal: ['agreement'], announcement: ['announcement', 'statement'],
  statement: ['statement', 'announcement'],
  speech: ['speech'],
};
const AFTER_EVENT_NOUN_RE = new RegExp(
  `(?:^|[\\s,])\\s*(${NUMBER_WORD})\\s+${UNIT_WORD}\\s+(after|before)\\s+(?:the|this|that|their|its|his|her|last\\s+\\w+['’]s|\\w+day['’]s)\\s+(?:[\\w-]+\\s+){0,2}?(${Object.keys(EVENT_NOUN_TYPES).join('|')})s?\\b`,
  'i',
);

/** Where a clause ends (post region) and the next begins (pre region). */
const BOUNDARY_RE = new RegExp(
  '[;:]|\\s[—–]\\s|\\s-\\s' +
  '|,\\s+(?=(?:where|who|whom|which|whose|while|but|although|though|as|after|before|when|officials|according|diplomats|sources|an?\\s+\\w+\\s+(?:official|diplomat|source|participant)s?)\\b)' +
  '|\\s+but\\s+' +
  // "said on Tuesday that …": the date belongs to the saying, so the clause starts after "that".
  '|\\b(?:said|says|added)\\b(?:[^.;"“”,]{0,40}?\\bthat\\b)?\\s*|\\btold\\s+\\w+\\s+that\\s+' +
  `|\\b(?:${NUMBER_WORD}\\s+(?:day|week|month|year)s?\\s+)?(?:after|before|followed|following|when|while)\\s+`,
  'gi',
);

const POST_MARKERS = /\b(?:of|with|between|among|brought together|bringing together|attended by|involving|including)\s+/g;
const ORGANISER_BY = /\b(?:chaired|hosted|convened|organi[sz]ed|led|called)\s+by\s+/g;
const TOPIC_RE = /\b(?:to (?:discuss|consider|review|prepare|debate|address|coordinate|agree on|examine|plan|assess|talk about)|on|about|over|regarding|concerning)\s+/g;
/** Where a topic ends: punctuation, a dash, a clause word, or a second verb of the same subject ("… and would meet again"). */
const TOPIC_END = /[,;:.!?(]|\s[—–-]\s|\s+(?:with|as|after|before|while|when|which|where|but)\s|\s+and\s+(?:would|will|could|should|might|must|also|then|had|have|has|was|were)\s/;
const TOPIC_BRIDGE_WORDS = new Set(['in', 'at', 'on', 'by', 'the', 'video', 'link', 'conference', 'call', 'phone', 'telephone', 'again', 'via', 'virtually', 'online', 'person', 'in-person']);
/** "the port of Sarnova", "the southern city of Harlan": the place an attack hit. */
const TARGET_OF_RE = /^(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:port|city|town|village|base|region|province|district|capital|airport|harbour|harbor|outskirts)\s+of\s+$/u;
/** "in the port city of Salm", "in the capital of Karvia": the kind of place before its name. */
const PLACE_KIND_OF_RE = /^(?:the\s+)?(?:[\p{L}-]+\s+){0,2}(?:city|town|village|port|capital|region|province|district|island)\s+of\s+$/u;
const VENUE_RE = /^(?:the\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?:headquarters|offices?|building|palace|residence|embassy|base|centre|center|hotel|ministry|hall|chancellery)\s+in\s+$/u;

// ---------------------------------------------------------------------------------------------------------------
// Context

interface Sentence { readonly start: number; readonly end: number }

interface Context {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly excluded: ReadonlyArray<readonly [number, number]>;
  readonly actors: readonly Actor[];
  readonly times: readonly TimeExpression[];
  readonly usableTimes: ReadonlySet<number>;
  readonly published?: string;
}

function isExcluded(ctx: Context, start: number, end: number): boolean {
  return ctx.excluded.some(([s, e]) => start < e && s < end);
}

function spanText(text: string, start: number, end: number): SpanText {
  return { start, end, text: text.slice(start, end) };
}

// ---------------------------------------------------------------------------------------------------------------
// Mentions

interface DateFound {
  readonly value: string;
  readonly certainty: 'stated' | 'implied';
  readonly timexIndex?: number;
  readonly span: SpanText;
}

interface RelativeFound {
  readonly amount: number;
  readonly unit: 'day' | 'week' | 'month' | 'year';
  /** +1: this event is later than its anchor; -1: earlier. */
  readonly sign: 1 | -1;
  readonly span: SpanText;
  /** 'connector': anchored on the mention before the connector in the sentence; 'postposed': on the last dated event. */
  readonly mode: 'connector' | 'postposed';
  /** "a day after the vote": the anchor is the last dated event of these types. */
  readonly anchorTypes?: readonly EventType[];
  /** A connector after "and" or a comma: it may share the anchor of the connector before it. */
  readonly coordinated?: boolean;
}

/** The parts of an event a single mention states, and that an event accumulates from its mentions. */
interface EventParts {
  participants: EventParticipant[];
  nonParticipants: EventParticipant[];
  counts: ParticipantCount[];
  organiser?: EventParticipant;
  topic?: SpanText;
  modality: EventModality;
}

interface Mention extends EventParts {
  readonly start: number;
  readonly end: number;
  type: EventType;
  readonly cls: TriggerClass;
  readonly rule: string;
  readonly anaphorOnly: boolean;
  readonly definite: boolean;
  readonly sentence: number;
  readonly clauseStart: number;
  readonly postEnd: number;
  /** End of the clause ignoring later triggers (a topic may contain one: "to prepare the discussion"). */
  readonly clauseEnd: number;
  /** Where the sentence's next event word ends (the sentence's end without one): "a day after the vote" may name it. */
  readonly nextTriggerEnd: number;
  /** Start of the verb chain before the trigger, ignoring earlier triggers ("agreed to send"). */
  readonly modalStart: number;
  /** Is this the sentence's first event word? */
  readonly firstInSentence: boolean;
  readonly triggerFormat?: EventFormat;
  date?: DateFound;
  /** "The talks began on November 28": when the event began, which dates what the sentence counts from it. */
  began?: DateFound;
  relative?: RelativeFound;
  place?: { name: string; entityId?: string; span: SpanText };
  format?: { value: EventFormat; span: SpanText };
  duration?: { value: string; span: SpanText };
  atEvent: boolean;
  /** The purpose clause after the trigger even when it is no topic ("to prepare the discussion"): a mention inside it is not what later text continues. */
  purpose?: { start: number; end: number };
  /** "gathered in Brussels for talks on …": the noun names the same gathering as the verb before it. */
  joins?: Mention;
  /** "visited Kyiv and met Dane": the verb coordinated with the sentence's previous event verb. */
  coordinatedWith?: Mention;
}

function wordBefore(text: string, at: number, reach = 30): string {
  return text.slice(Math.max(0, at - reach), at);
}

/** Verbs that refuse the gathering they govern ("ruled out meeting Biden", "declined a meeting"). */
const REFUSAL_BEFORE = /\b(?:rul(?:ed|es|ing)\s+out|refus(?:ed|es|ing)|declin(?:ed|es|ing)|reject(?:ed|s|ing)|avoid(?:ed|s|ing))\s+(?:an?\s+|any\s+)?$/i;

/** Subjects whose agreement is a decision: governments, their envoys, bodies that vote. */
const DECIDING_PARTIES = /\b(?:leaders|ministers|chiefs|countries|states|sides|parties|members|governments|delegations|allies|negotiators|nations|council|committee|alliance|parliament|cabinet|board|union|bloc)\b/i;

/** A determiner and a name before a noun: "the Oslo meeting", "an EU Council meeting". */
const DETERMINER_AND_NAME = /(?:^|\s)(?:the|a|an|this|that|their|its|his|her|our|\p{L}+['’]s)\s+(?:\p{Lu}[\p{L}.&-]*\s+){1,3}$/u;

/** Is this match of a trigger pattern a real event word here? Guards against the idioms that share the word. */
function acceptTrigger(ctx: Context, rule: string, start: number, end: number, sentenceStart: number): { cls?: TriggerClass; ok: boolean } {
  const { text } = ctx;
  const word = text.slice(start, end).toLowerCase();
  const before = text.slice(Math.max(sentenceStart, start - 40), start);
  const after = text.slice(end, end + 60);
  switch (rule) {
    case 'summit-noun':
      return { ok: !SUMMIT_GUARD.test(after) && !SUMMIT_GUARD_BEFORE.test(before) };
    case 'meeting-noun':
      // "ruled out meeting Biden", "refused a meeting": no meeting.
      if (REFUSAL_BEFORE.test(before)) return { ok: false };
      // "the House GOP Conference chair": a body's name, not a gathering.
      if (/^C/.test(text.slice(start, end)) && /^\s+(?:chair(?:man|woman)?|leader(?:ship)?|members?|spokes(?:man|woman|person)|vice)\b/i.test(after)) return { ok: false };
      if (/^meeting$/.test(word)) {
        if (MEET_OBJECT_GUARD.test(after)) return { ok: false };
        // "presidents meeting in Madrid", "are meeting": a participle, with its subject before it.
        // "the Oslo meeting", "an EU Council meeting": a noun after a determiner and a name.
        if (!NOUN_DETERMINER.test(before) && !DETERMINER_AND_NAME.test(before)) return { ok: true, cls: 'verb' };
      }
      return { ok: true };
    case 'talks-noun':
      return { ok: !/\b(?:he|she|it|who|which|that|one)\s+$/i.test(before) };
    case 'call-noun':
      if (word.startsWith('conference')) return { ok: true };
      if (CALL_GUARD_AFTER.test(after) || CALL_GUARD_BEFORE.test(before) || APPEAL_VERB_BEFORE.test(before)) return { ok: false };
      return { ok: NOUN_DETERMINER.test(before) || /['’]s\s+(?:[\w-]+\s+)?$/.test(before) };
    case 'meeting-anaphor':
      return { ok: true };
    case 'virtual-meeting-noun':
      // "held talks by video conference": the format of another event, not an event of its own.
      return { ok: !/\b(?:by|via|over)\s+$/i.test(before) };
    case 'meeting-verb':
      if (MEET_OBJECT_GUARD.test(after)) return { ok: false };
      if (word === 'gathered' && !/^\s*(?:in|at|on|for|outside|near|virtually|online|again|[,.;])/.test(after)) return { ok: false };
      if (word === 'convened' && !/^\s+(?:in|at|on|for|virtually|online|again)\b/.test(after)) return { ok: false };
      return { ok: true };
    case 'visit': {
      if (VISIT_GUARD_AFTER.test(after) || VISIT_GUARD_BEFORE.test(before)) return { ok: false };
      if (start === sentenceStart && /^Visit\b/.test(text.slice(start, end + 1))) return { ok: false };
      if (word === 'visit' || word === 'visits') {
        if (!NOUN_DETERMINER.test(before) && !/\b(?:state|official|first|planned)\s+$/i.test(before) && !/^\s+(?:to|by)\b/.test(after)) {
          if (!/\b(?:will|would|to|plans to|plan to|could|may)\s+$/i.test(before)) return { ok: false };
        }
      }
      const near = ctx.actors.some((a) => a.start >= end && a.start - end <= 40 && a.kind !== 'group');
      return { ok: near || /^\s+(?:to|by)\s+\p{Lu}/u.test(after) || DEFINITE.test(before) };
    }
    case 'fighting': {
      // A noun only: at the sentence's start, after a determiner or an adjective ("heavy fighting"), or "clashes".
      if (word === 'clashes') return { ok: NOUN_DETERMINER.test(before) || /\b(?:deadly|violent|fresh|new|heavy|armed|border)\s+$/i.test(before) || /^\s+(?:between|with|erupted|broke out)\b/i.test(after) };
      if (FIGHTING_NOT_WAR.test(after)) return { ok: false };
      return { ok: start === sentenceStart || /\b(?:the|heavy|fierce|renewed|intense|sporadic|street|house-to-house|ongoing|recent|new|fresh)\s+$/i.test(before) };
    }
    case 'speech-noun':
      // "a speech", "his speech", "Tuesday's speech"; not "free speech", "hate speech", "speech therapy".
      return { ok: (NOUN_DETERMINER.test(before) || /['’]s\s+(?:[\w-]+\s+)?$/.test(before)) && !/\b(?:free|hate|political)\s+$/i.test(before) && !/^\s+(?:therapy|impediment|recognition|writer|writers)\b/i.test(after) };
    case 'travel': {
      // "canceled a trip to Chicago": no visit; "immigrants who arrived in the US as children": a life, not a visit.
      if (CALLED_OFF_BEFORE.test(before) || /\b(?:who|that|which)\s+(?:had\s+|have\s+|has\s+)?$/i.test(before)) return { ok: false };
      // Only to a place ("flew to Brussels"), not to a time or a person ("arrived in January", "flew to Trump's side").
      const to = /^\s+(?:to|in)\s+(?:the\s+)?/.exec(after);
      return { ok: to !== null && ctx.actors.some((a) => a.start === end + to[0].length && (a.kind === 'country' || a.kind === 'location')) };
    }
    case 'attack': {
      if (ATTACK_GUARD_BEFORE.test(before) || ATTACK_GUARD_AFTER.test(after)) return { ok: false };
      // "his attacks on Clinton": a person's name as the target is criticism; a place, a building or a convoy is not.
      const on = /^\s+(?:(?:on|against|upon)\s+)?/i.exec(after);
      if (on && ctx.actors.some((a) => a.kind === 'person' && !a.pronoun && a.start === end + on[0].length)) return { ok: false };
      // "if any of them is attacked": a hypothesis, not a report.
      return { ok: !/\bif\b[^,.;]*$/i.test(before) };
    }
    case 'vote':
      // "how to vote", "the right to vote", "registered to vote": voting in general, not a vote that took place.
      return { ok: !(/^to\b/i.test(word) && /\b(?:how|whom|who|whether|where|right|eligible|registered|register|able|allowed|encouraged?|urged?|urging|go|turn out)\s+$/i.test(before)) };
    case 'agreement-verb':
      if (/^\s+(?:on\s+\w+day\s+)?to\s+(?:meet|talk|speak|hold|reconvene)\b/i.test(after)) return { ok: false };
      // "All agreed that the plan would raise taxes", "52 percent agreed that …": an opinion shared, unless the ones
      // agreeing are parties that decide ("the ministers agreed that troops would stay").
      return { ok: !/^\s+(?:\w+ly\s+)?that\b/i.test(after) || DECIDING_PARTIES.test(before) };
    default:
      return { ok: true };
  }
}

/** "send"/"deploy" is a deployment only with forces in the sentence and, for "send", a named destination. */
function isDeployment(ctx: Context, sent: Sentence, start: number, end: number): boolean {
  const { text } = ctx;
  const sentence = text.slice(sent.start, sent.end);
  const force = findCounts(text, sent.start, sent.end, true);
  if (!FORCE_NOUN.test(sentence) && force.length === 0) return false;
  const word = text.slice(start, end).toLowerCase();
  if (word === 'deployment' && force.length === 0) return false;
  if (/^sen/.test(word)) {
    return ctx.actors.some((a) => (a.kind === 'country' || a.kind === 'location') && a.start > end && a.start - end <= 80 &&
      /\b(?:to|into)\s+(?:the\s+)?$/.test(text.slice(Math.max(end, a.start - 10), a.start)));
  }
  return true;
}

interface RawTrigger { start: number; end: number; type: EventType; cls: TriggerClass; rule: string; format?: EventFormat; anaphorOnly: boolean }

function findTriggers(ctx: Context, sent: Sentence): RawTrigger[] {
  const s = ctx.text.slice(sent.start, sent.end);
  const taken: RawTrigger[] = [];
  const blocked: Array<[number, number]> = [];
  for (const p of TRIGGERS) {
    p.re.lastIndex = 0;
    for (const m of s.matchAll(p.re)) {
      const start = sent.start + (m.index ?? 0);
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && t.start < end)) continue;
      if (blocked.some(([bs, be]) => start < be && bs < end)) continue;
      if (isExcluded(ctx, start, end)) continue;
      const verdict = p.rule === 'deployment' ? { ok: isDeployment(ctx, sent, start, end) } : acceptTrigger(ctx, p.rule, start, end, sent.start);
      // A rejected longer match still blocks shorter ones inside it ("by video conference" is no "conference").
      if (!verdict.ok) { blocked.push([start, end]); continue; }
      const t: RawTrigger = { start, end, type: p.type, cls: verdict.cls ?? p.cls, rule: p.rule, anaphorOnly: p.anaphorOnly === true };
      if (p.format) t.format = p.format;
      taken.push(t);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function boundariesOf(ctx: Context, sent: Sentence): Array<readonly [number, number]> {
  const s = ctx.text.slice(sent.start, sent.end);
  const out: Array<readonly [number, number]> = [];
  BOUNDARY_RE.lastIndex = 0;
  for (const m of s.matchAll(BOUNDARY_RE)) {
    const start = sent.start + (m.index ?? 0);
    out.push([start, start + m[0].length]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Participants

function toParticipant(a: Actor, kindOverride?: EventParticipant['kind']): EventParticipant {
  const kind: EventParticipant['kind'] = kindOverride ?? (a.kind === 'location' ? 'country' : a.kind);
  const p: EventParticipant = { name: a.name, kind, span: { start: a.start, end: a.end, text: '' } };
  return a.entityId !== undefined ? { ...p, entityId: a.entityId } : p;
}

/** How far after a country's possessive the person it qualifies may start ("Norland's prime minister Ilse Brandt"). */
const MAX_POSSESSED_ROLE_CHARS = 40;

/** Capitalised title words between a country and a name ("U.S. President", "French Foreign Minister"). */
const TITLE_WORDS_BETWEEN = /^\s+(?:\p{Lu}[\p{Ll}.-]+\s+){0,3}$/u;

const GROUP_HEAD_BEFORE_FROM = new RegExp(`\\b(?:${GROUP_HEADS}|troops|forces|teams?)\\s+from\\s+$`, 'i');

/** Named actors and groups in [from, to) that can take part: no places, no countries named as a location. */
function participantActors(ctx: Context, from: number, to: number): Actor[] {
  const { text } = ctx;
  const named = ctx.actors.filter((a) => a.start >= from && a.end <= to && !a.pronoun && !isExcluded(ctx, a.start, a.end) && a.kind !== 'location');
  const counts = findCounts(text, from, to);
  const kept = named.filter((a) => {
    // "27 European Union countries", "30 NATO countries": the organisation qualifies the counted states.
    if (a.kind === 'organisation' && counts.some((c) => c.span.start < a.start && a.end < c.span.end)) return false;
    if (a.kind !== 'country') return true;
    // "Norland's prime minister Ilse Brandt", "U.S. President Donald Trump": the country only says whose minister
    // or president takes part.
    if (/^['’]s\b/.test(text.slice(a.end, a.end + 2)) && named.some((b) => b.start > a.end && b.start - a.end <= MAX_POSSESSED_ROLE_CHARS && b.kind === 'person')) return false;
    if (named.some((b) => b.kind === 'person' && b.start > a.end && TITLE_WORDS_BETWEEN.test(text.slice(a.end, b.start)))) return false;
    const before = wordBefore(text, a.start);
    if (GROUP_HEAD_BEFORE_FROM.test(before)) return true;
    return !PLACE_PREP.test(before);
  });
  const groups = groupActors(text, from, to).filter((g) =>
    !isExcluded(ctx, g.start, g.end) &&
    // "the two foreign ministers, Karl Odin and Mira Stenk": the names that follow are the group.
    !named.some((a) => a.kind === 'person' && a.start > g.end && /^\s*[,:—–-]\s*$/.test(text.slice(g.end, a.start))) &&
    !named.some((a) => g.start < a.end && a.start < g.end) &&
    !counts.some((c) => g.start < c.span.end && c.span.start < g.end));
  const withMembers = kept.flatMap((a) => [a, ...(a.members ?? [])]);
  return [...withMembers, ...groups].sort((a, b) => a.start - b.start);
}

/** The subject of the clause that ends at `verbStart`: the antecedent of "who", the actors before the verb, or the sentence's first actor. */
function subjectActors(ctx: Context, sent: Sentence, clauseStart: number, verbStart: number, firstTrigger: number, reported = false): Actor[] {
  const region = ctx.text.slice(clauseStart, verbStart);
  if (/^\s*(?:who|which|that)\b/i.test(region)) {
    const before = participantActors(ctx, sent.start, clauseStart);
    const last = before[before.length - 1];
    return last ? [last] : [];
  }
  const found = afterSpeaker(ctx, participantActors(ctx, clauseStart, verbStart), clauseStart, verbStart, reported);
  if (found.length > 0) return found;
  // "She held talks with …", "He later met …": the resolved pronoun right before the verb is its subject.
  const pronoun = ctx.actors.find((a) => a.pronoun && a.start >= clauseStart && a.end <= verbStart && PRONOUN_TO_VERB.test(ctx.text.slice(a.end, verbStart)));
  if (pronoun && !isExcluded(ctx, pronoun.start, pronoun.end)) return [pronoun];
  const openingEnd = Math.max(sent.start, firstTrigger);
  const opening = afterSpeaker(ctx, participantActors(ctx, sent.start, openingEnd), sent.start, openingEnd, reported);
  // "Varek's office said … that the corridor would be monitored by a commission meeting …": the speaker of a
  // sentence is not the subject of a clause inside what they said.
  const first = opening[0];
  // ("Raisi said that he would not meet Biden": a pronoun subject is most often the speaker again.)
  const complement = /\bthat\s+(\S+)/i.exec(ctx.text.slice(first?.end ?? verbStart, verbStart));
  if (first && first.end <= clauseStart && complement && SPEECH_BEFORE_CLAUSE_TEST.test(ctx.text.slice(first.end, clauseStart)) &&
    !/^(?:he|she|they|we|it|his|her|their|its|our)$/i.test(complement[1] ?? '')) return [];
  return first ? [first] : [];
}

/**
 * "Gen. Frank McKenzie, head of U.S. Central Command, told reporters": the speaker is the person before the
 * appositive; what the appositive names (his command, his employer) only describes him.
 */
function withoutAppositive(text: string, actors: Actor[], verbStart: number): Actor[] {
  const first = actors[0];
  if (!first || actors.length < 2 || first.kind !== 'person') return actors;
  return /^\s*,[^,]+,\s*(?:\p{Ll}+ly\s+)?$/u.test(text.slice(first.end, verbStart)) ? [first] : actors;
}

/** Speech verbs after a speaker, as the events stage reads them around statements, speeches and fronted dates. */
const SPEECH_VERB_WORDS = 'said|says|told|tells|added|adds|stated|noted|insisted|confirmed|announced|reported|spoke|speaking|telling|saying';

/** A finite verb or auxiliary that ends a subject ("Ministers from 27 countries failed to agree …"). */
const SUBJECT_END = /\s(?:\p{Ll}+ed|have|has|had|will|would|could|can|are|were|was|is|did|do|does|held|met|made|took|gave|spoke|sought)\b/u;

/** The verb after a speaker: any verb that ends a subject, or a speech verb ("he told reporters at a news conference"). */
const SPEAKER_VERB = new RegExp(`${SUBJECT_END.source}|\\s(?:${SPEECH_VERB_WORDS})\\b`, 'u');

/**
 * "Ministers from 27 countries failed to agree at a meeting in Brussels", "At a meeting in Brussels, ministers
 * discussed aid": whoever the clause's subject is took part in the meeting it was at, and their count is its count.
 */
function atEventSubject(ctx: Context, sent: Sentence, m: Mention, firstTrigger: number): void {
  const { text } = ctx;
  let from = m.clauseStart;
  if (/^\s*(?:at|during)\b/i.test(text.slice(m.clauseStart, m.start))) {
    // The fronted phrase ends at its comma; the subject follows it.
    const comma = text.indexOf(',', m.end);
    if (comma < 0 || comma >= sent.end) return;
    from = comma + 1;
  } else if (firstTrigger < m.start && firstTrigger >= m.clauseStart) return;
  const verb = SPEAKER_VERB.exec(text.slice(from, from < m.start ? m.start : sent.end));
  if (!verb) return;
  const to = from + verb.index + 1; // the verb's first letter (the pattern opens with the space before it)
  addParticipants(m, subjectActors(ctx, sent, from, to, firstTrigger), 'participants');
  m.counts.push(...findCounts(text, from, to));
}

/**
 * Between a verb and its object: titles ("Adm.", "Foreign Minister") and an article, or the counterpart the name is
 * ("met his Ukrainian counterpart, Andrii Sybiha").
 */
const VERB_TO_OBJECT = /^\s+(?:(?:the|his|her|their|its)\s+(?:\p{Lu}[\p{L}-]*\s+){0,2}(?:counterparts?|opposite numbers?)\s*,?\s+|(?:the\s+)?(?:\p{Lu}[\p{L}-]*\.?\s+){0,3})$/u;

/** The actor right after a meeting verb, its object: a named actor or group, or a resolved "him", "her", "them". */
function objectActor(ctx: Context, verbEnd: number, clauseEnd: number): Actor | undefined {
  const pronoun = ctx.actors.find((a) => a.pronoun && a.start > verbEnd && /^\s+$/.test(ctx.text.slice(verbEnd, a.start)));
  // ("met his counterpart": a possessive only says whose counterpart the object is.)
  const possessive = pronoun !== undefined && /^(?:his|her|their|its)\s+(?:\p{Lu}[\p{L}-]*\s+){0,2}(?:counterparts?|opposite numbers?)\b/iu.test(ctx.text.slice(pronoun.start));
  if (pronoun && !possessive) return /^(?:him|her|them)$/i.test(ctx.text.slice(pronoun.start, pronoun.end)) ? pronoun : undefined;
  const next = participantActors(ctx, verbEnd, clauseEnd)[0];
  return next && VERB_TO_OBJECT.test(ctx.text.slice(verbEnd, next.start)) ? next : undefined;
}

/** What may stand between a subject pronoun and its verb: auxiliaries and adverbs ("she had also briefly met"). */
const PRONOUN_TO_VERB = /^(?:\s+(?:has|have|had|will|would|is|was|also|then|later|again|first|already|briefly|\p{Ll}+ly))*\s+$/u;

/** A speech verb with a clause after it: "The chair said the chiefs had agreed …". */
const SPEECH_BEFORE_CLAUSE = /\b(?:said|says|told\s+\w+|added|stated|noted|insisted|confirmed|announced)(?:\s+that)?\s+/gi;

/**
 * For an event reported in speech ("The chair said the chiefs had agreed … and would meet again"), the actors of the
 * reported clause only: the speaker tells of the event, which does not make them take part in it.
 */
function afterSpeaker(ctx: Context, actors: Actor[], from: number, to: number, reported: boolean): Actor[] {
  if (!reported || actors.length < 2) return actors;
  let cut = -1;
  for (const m of ctx.text.slice(from, to).matchAll(SPEECH_BEFORE_CLAUSE)) cut = from + (m.index ?? 0) + m[0].length;
  if (cut < 0) return actors;
  const after = actors.filter((a) => a.start >= cut);
  return after.length > 0 ? after : actors;
}

function addParticipants(m: Mention, actors: readonly Actor[], list: 'participants' | 'nonParticipants', delegations = false): void {
  for (const a of actors) {
    const kind = delegations && a.kind === 'country' ? 'delegation' : undefined;
    m[list].push(toParticipant(a, kind));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Attributes of one mention

function usableTimexAt(ctx: Context, start: number, end: number, claimed: ReadonlySet<number>): number[] {
  const out: number[] = [];
  ctx.times.forEach((t, i) => {
    if (t.start >= start && t.start < end && ctx.usableTimes.has(i) && !claimed.has(i)) out.push(i);
  });
  return out;
}

/**
 * Characters in [from, to) outside the named actors there: how far a date or place lies from its trigger should not
 * grow with the length of the names in between ("met with his Ukrainian counterpart Andrii Sybiha in Istanbul on").
 */
const MAX_NAME_DISCOUNT = 40;

function charsBesideActors(ctx: Context, from: number, to: number): number {
  let names = 0;
  for (const a of ctx.actors) if (!a.pronoun && a.start >= from && a.end <= to) names += a.end - a.start;
  // (Capped: a long run of names is itself a sign that the date or place belongs to something else.)
  return to - from - Math.min(names, MAX_NAME_DISCOUNT);
}

function dateFromTimex(ctx: Context, i: number): DateFound {
  const t = ctx.times[i];
  if (!t) throw new RangeError(`events: time expression index ${i} out of range`);
  return { value: t.value, certainty: t.certainty, timexIndex: i, span: spanText(ctx.text, t.start, t.end) };
}

function findDate(ctx: Context, m: Mention, claimed: Set<number>): void {
  const { text } = ctx;
  // "Tuesday's in-person meeting": a possessive date among the trigger's modifiers.
  for (const i of usableTimexAt(ctx, Math.max(m.clauseStart, m.start - MODIFIER_REACH), m.start, claimed)) {
    const t = ctx.times[i];
    if (!t) continue;
    const between = text.slice(t.end, m.start);
    const possessive = /['’]s$/.test(t.text) || /^['’]s/.test(between);
    if (possessive && /^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}$/.test(between)) { m.date = dateFromTimex(ctx, i); claimed.add(i); return; }
  }
  for (const i of usableTimexAt(ctx, m.end, m.postEnd, claimed)) {
    const t = ctx.times[i];
    if (!t) continue;
    if (BEGAN_ON.test(text.slice(m.end, t.start))) { m.began = dateFromTimex(ctx, i); continue; }
    const between = text.slice(m.end, t.start);
    // ("is scheduled for Friday" is the event's date, though "for Friday" usually is not.)
    if (NON_EVENT_DATE_PREP.test(text.slice(Math.max(m.end, t.start - 25), t.start)) && !SCHEDULED_FOR.test(between)) continue;
    if (charsBesideActors(ctx, m.end, t.start) > ATTRIBUTE_REACH || (DATE_BREAKERS.test(between) && !SCHEDULED_FOR.test(between))) continue;
    // "a brief meeting with Orbán, and he seems to be using the August lull", "the visit …, a report released
    // Wednesday": a date after another clause or another verb's participle is theirs.
    if (CLAUSE_BREAK.test(between) || (between.includes(',') && OTHER_PARTICIPLE_BEFORE.test(between))) continue;
    // "announced that the troops would leave on Friday": what was announced or agreed holds its own dates.
    if (TELLS_OF_CONTENT.has(m.type) && THAT_CLAUSE.test(between)) continue;
    m.date = dateFromTimex(ctx, i);
    claimed.add(i);
    return;
  }
  if (m.cls === 'verb') {
    for (const i of usableTimexAt(ctx, m.clauseStart, m.start, claimed)) {
      const t = ctx.times[i];
      if (!t) continue;
      if (!/(?:^|\b(?:on|in|last|this|earlier|late|early))\s*$/i.test(text.slice(Math.max(m.clauseStart, t.start - 12), t.start))) continue;
      m.date = dateFromTimex(ctx, i);
      claimed.add(i);
      return;
    }
    // "Last Friday, three soldiers were killed when a drone struck …": a date fronted before the sentence's first
    // comma dates the sentence's first event, unless someone's words stand between (the date is then the telling's).
    const sentenceStart = ctx.sentences[m.sentence]?.start ?? m.clauseStart;
    for (const i of usableTimexAt(ctx, sentenceStart, m.start, claimed)) {
      const t = ctx.times[i];
      if (!t || !FRONTED_DATE_LEAD.test(text.slice(sentenceStart, t.start)) || !/^\s*,/.test(text.slice(t.end))) continue;
      if (!m.firstInSentence || SPEECH_BEFORE_CLAUSE_TEST.test(text.slice(t.end, m.start))) break;
      m.date = dateFromTimex(ctx, i);
      claimed.add(i);
      return;
    }
  }
}

/** What may open a sentence before its fronted date: nothing, or "On", "In", "Early on", "Late last" … */
const FRONTED_DATE_LEAD = /^\s*(?:(?:early|late|later|earlier)\s+)?(?:on|in|at|by|during)?\s*$/i;
/** A speech verb between a fronted date and an event: the date is the telling's. */
const SPEECH_BEFORE_CLAUSE_TEST = new RegExp(`\\b(?:${SPEECH_VERB_WORDS})\\b`, 'i');

function unitOf(word: string): RelativeFound['unit'] {
  const w = word.toLowerCase();
  return w === 'week' ? 'week' : w === 'month' ? 'month' : w === 'year' ? 'year' : 'day';
}

function amountOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === 'a' || w === 'an' || w === 'the') return 1;
  if (w === 'several' || w === 'a few') return undefined;
  return parseNumber(w);
}

function findRelative(ctx: Context, m: Mention, sentenceMentions: readonly RawTrigger[]): void {
  const { text } = ctx;
  // Connector before the trigger, with only this event's subject in between.
  const lead = text.slice(m.clauseStart - 40 > 0 ? m.clauseStart - 40 : 0, m.clauseStart);
  const c = CONNECTOR_RE.exec(lead);
  if (c && !sentenceMentions.some((t) => t.start >= m.clauseStart && t.start < m.start)) {
    const amount = amountOf(c[1] ?? '');
    if (amount !== undefined) {
      const start = m.clauseStart - (lead.length - (c.index ?? 0));
      const end = start + c[0].trimEnd().length;
      const coordinated = /(?:,|\band|\bor)\s*$/i.test(lead.slice(0, c.index));
      m.relative = { amount, unit: unitOf(c[2] ?? ''), sign: (c[3] ?? '').toLowerCase() === 'after' ? -1 : 1, span: spanText(text, start, end), mode: 'connector', ...(coordinated ? { coordinated } : {}) };
      return;
    }
  }
  // "Two days later, leaders met again": a sentence-initial offset counts from the last dated event too.
  const opening = text.slice(m.modalStart, m.start);
  const lead2 = new RegExp(`^\\s*(${NUMBER_WORD})\\s+${UNIT_WORD}\\s+(later|earlier|before|after)\\s*,`, 'i').exec(opening);
  if (lead2 && !sentenceMentions.some((t) => t.start >= m.modalStart && t.start < m.start)) {
    const amount = amountOf(lead2[1] ?? '');
    if (amount !== undefined) {
      const start = m.modalStart + (lead2[0].length - lead2[0].trimStart().length);
      const dir = (lead2[3] ?? '').toLowerCase();
      const phrase = lead2[0].trim().replace(/,$/, '');
      m.relative = { amount, unit: unitOf(lead2[2] ?? ''), sign: dir === 'later' || dir === 'after' ? 1 : -1, span: spanText(text, start, start + phrase.length), mode: 'postposed' };
      return;
    }
  }
  const post = text.slice(m.end, m.postEnd);
  // "met a day after the vote": counted from the event the noun names back, the last dated one of its kind.
  // (Read past the clause end: "a day after" opens a clause of its own, up to the sentence's next event word.)
  const named = AFTER_EVENT_NOUN_RE.exec(text.slice(m.end, m.nextTriggerEnd));
  const namedAmount = named ? amountOf(named[1] ?? '') : undefined;
  if (named && namedAmount !== undefined) {
    const start = m.end + named.index + (named[0].length - named[0].trimStart().length);
    const types = EVENT_NOUN_TYPES[(named[4] ?? '').toLowerCase().replace(/s$/, '')];
    m.relative = {
      amount: namedAmount, unit: unitOf(named[2] ?? ''), sign: (named[3] ?? '').toLowerCase() === 'after' ? 1 : -1,
      span: spanText(text, start, m.end + named.index + named[0].length), mode: 'postposed', ...(types ? { anchorTypes: types } : {}),
    };
    return;
  }
  POSTPOSED_RE.lastIndex = 0;
  for (const p of post.matchAll(POSTPOSED_RE)) {
    const amount = amountOf(p[1] ?? '');
    if (amount === undefined) continue;
    const start = m.end + (p.index ?? 0);
    const dir = (p[3] ?? '').toLowerCase();
    m.relative = { amount, unit: unitOf(p[2] ?? ''), sign: dir === 'later' || dir === 'after' ? 1 : -1, span: spanText(text, start, start + p[0].length), mode: 'postposed' };
    return;
  }
}

function placeActorAt(ctx: Context, at: number): Actor | undefined {
  return ctx.actors.find((a) => a.start === at && (a.kind === 'country' || a.kind === 'location'));
}

/** An infinitive of purpose after an event ("to discuss", "in order to prepare"), not "to northern Estonia". */
const PURPOSE_START = /\b(?:in order )?to\s+(?!(?:the|a|an|its|their|his|her|our|this|that|these|those|northern|southern|eastern|western|central|north|south|east|west)\b)\p{Ll}+/u;

function findPlace(ctx: Context, m: Mention): void {
  const { text } = ctx;
  // "signed an agreement to allow Mexican trucks to operate in the United States": a place inside the purpose is
  // what the event is about, not where it happened.
  const full = text.slice(m.end, m.postEnd);
  // Likewise what was agreed or announced ("agreed that troops would stay in Veloria").
  const purpose = PURPOSE_START.exec(full) ?? (m.type === 'agreement' || m.type === 'announcement' ? /\bthat\s/.exec(full) : null);
  const region = purpose ? full.slice(0, purpose.index) : full;
  // An attack "on the port of Sarnova" names its target, which is where it happened.
  const prepRe = m.type === 'deployment' ? /\b(?:to|in|into)\s+/g : m.type === 'visit' ? /\b(?:to|in|at)\s+|^\s+/g :
    m.type === 'attack' ? /\b(?:in|at|on|near|outside)\s+/g : /\b(?:in|at)\s+/g;
  for (const p of region.matchAll(prepRe)) {
    if (charsBesideActors(ctx, m.end, m.end + (p.index ?? 0)) > ATTRIBUTE_REACH || CLAUSE_BREAK.test(region.slice(0, p.index))) break;
    let at = m.end + (p.index ?? 0) + p[0].length;
    if (text.startsWith('the ', at) && placeActorAt(ctx, at + 4)) at += 4;
    const direct = placeActorAt(ctx, at);
    if (direct) {
      m.place = { name: direct.name, span: spanText(text, direct.start, direct.end), ...(direct.entityId !== undefined ? { entityId: direct.entityId } : {}) };
      return;
    }
    // "at the alliance's headquarters in Brussels": the venue's span, the city's name.
    const rest = text.slice(at, m.postEnd);
    const cityAt = ctx.actors.find((a) => a.start > at && a.start - at <= 60 && (a.kind === 'country' || a.kind === 'location') &&
      (VENUE_RE.test(text.slice(at, a.start)) || PLACE_KIND_OF_RE.test(text.slice(at, a.start)) || (m.type === 'attack' && TARGET_OF_RE.test(text.slice(at, a.start)))));
    if (cityAt && rest.length > 0) {
      m.place = { name: cityAt.name, span: spanText(text, at, cityAt.end), ...(cityAt.entityId !== undefined ? { entityId: cityAt.entityId } : {}) };
      return;
    }
  }
  // ("blamed Karvia in a statement": a name before "in a statement" is no place modifier of it.)
  if (m.cls === 'noun' && !/^in\b/i.test(text.slice(m.start, m.end))) {
    // "the Paris meeting", "the Madrid summit".
    const pre = ctx.actors.find((a) => (a.kind === 'country' || a.kind === 'location') && a.end <= m.start && /^\s+(?:[\w-]+\s+)?$/.test(text.slice(a.end, m.start)) && a.start >= m.clauseStart);
    if (pre && !/['’]s\s/.test(text.slice(pre.end, pre.end + 3))) {
      m.place = { name: pre.name, span: spanText(text, pre.start, pre.end), ...(pre.entityId !== undefined ? { entityId: pre.entityId } : {}) };
    }
  }
}

/**
 * How long a gathering lasted: a length among the trigger's modifiers ("a two-hour phone call", "the 90-minute
 * meeting") or after it ("spoke by phone for almost three hours", "talks that lasted five hours"). Lengths of days
 * or more are spans of calendar time ("a two-day summit"), kept as well; "for three years" after "met" is not.
 */
function findDuration(ctx: Context, m: Mention): void {
  if (!GATHERING.has(m.type) && m.type !== 'news-conference' && m.type !== 'speech') return;
  const { text } = ctx;
  const sentenceEnd = ctx.sentences[m.sentence]?.end ?? m.postEnd;
  for (const t of ctx.times) {
    if (t.type !== 'DURATION' || !/^PT?\d/.test(t.value)) continue;
    // An adjective ("a two-hour phone call") or a measure ("more than two hours of closed-door talks").
    const lead = text.slice(t.end, m.start);
    const modifier = t.end <= m.start && m.start - t.end <= 24 && t.start >= m.clauseStart &&
      ((/-\p{L}+$/u.test(t.text) && /^\s+(?:[\w-]+\s+){0,2}$/.test(lead) && !/\bto\b/.test(lead)) || /^\s+of\s+(?:[\w-]+\s+){0,2}$/.test(lead));
    const between = text.slice(m.end, t.start);
    // ("the call, which lasted almost three hours": a relative clause, past the trigger's own clause.)
    const after = t.start >= m.end && ((t.start < m.postEnd && DURATION_AFTER.test(between)) ||
      (t.start < sentenceEnd && between.length <= LASTED_REACH && LASTED.test(between)));
    if (!modifier && !after) continue;
    if (/^P\d+[YM]$/.test(t.value)) continue;
    m.duration = { value: t.value, span: spanText(text, t.start, t.end) };
    return;
  }
}

/** What may stand between an event and its length: "(by phone) for …", "lasting …". */
const DURATION_AFTER = /^(?:\s+(?:by|on the|over the)\s+(?:tele)?phone)?(?:\s+with\s+[^,;]{1,60}?)?\s+(?:for|lasting|lasted)\s+$/i;
/** "Talks in Oslo that lasted five hours": a lasting verb a little further on. */
const LASTED = /(?:\b(?:that|which)\s+(?:had\s+)?lasted|,\s+lasting|\blasted)\s+(?:for\s+)?$/i;
const LASTED_REACH = 40;

function findFormat(ctx: Context, m: Mention): void {
  const { text } = ctx;
  if (m.triggerFormat) { m.format = { value: m.triggerFormat, span: spanText(text, m.start, m.end) }; return; }
  const zones: Array<[number, number]> = [[Math.max(m.clauseStart, m.start - MODIFIER_REACH), m.start], [m.end, m.postEnd]];
  for (const [from, to] of zones) {
    const s = text.slice(from, to);
    let best: { value: EventFormat; start: number; end: number } | undefined;
    for (const [re, value] of FORMAT_PATTERNS) {
      const f = re.exec(s);
      if (f && (!best || f.index < best.start - from)) best = { value, start: from + f.index, end: from + f.index + f[0].length };
    }
    if (best && from < m.start) {
      // A modifier must sit right before the trigger ("in-person meeting"), not earlier in the clause.
      if (!/^\s+(?:[\w-]+\s+){0,1}$/.test(text.slice(best.end, m.start)) && !/^\s*$/.test(text.slice(best.end, m.start))) best = undefined;
    }
    if (best) { m.format = { value: best.value, span: spanText(text, best.start, best.end) }; return; }
  }
  // "met in Paris", "a meeting in Paris": a gathering at a named place is in person.
  if (m.place && (m.type === 'meeting' || m.type === 'summit') && m.place.span.start > m.end && /^\s+(?:again\s+)?(?:on\s+\p{L}+\s+)?(?:in|at)\s+(?:the\s+)?$/u.test(text.slice(m.end, m.place.span.start))) {
    m.format = { value: 'in-person', span: spanText(text, m.start, m.place.span.end) };
  }
}

const ANAPHORIC_TOPIC = /^(?:the|this|that|these|those|its|their|today's|tomorrow's)\s+(?:discussions?|talks|meetings?|calls?|summit|conference|session|visit|debate|event|gathering)$/i;

function findTopic(ctx: Context, m: Mention, claimedTimes: ReadonlySet<number>): void {
  const { text } = ctx;
  const region = text.slice(m.end, m.clauseEnd);
  const re = m.type === 'agreement' ? /\b(?:to|on|that)\s+/g : TOPIC_RE;
  re.lastIndex = 0;
  for (const t of region.matchAll(re)) {
    const lead = t[0].trim().toLowerCase();
    // "an attack on the port": the target, not what the attack was about.
    if (m.type === 'attack' && lead === 'on') continue;
    const start = m.end + (t.index ?? 0) + t[0].length;
    if (ctx.times.some((x, i) => (ctx.usableTimes.has(i) || claimedTimes.has(i)) && x.start === start)) continue;
    if (/^(?:the ground|paper|X|Twitter|Facebook|Telegram|condition|behalf|top|track)\b/.test(text.slice(start, start + 20))) continue;
    if (m.type !== 'agreement' && !lead.startsWith('to ')) {
      const between = text.slice(m.end, start - t[0].length);
      if (between.length > TOPIC_ON_REACH) continue;
      if (!between.split(/\s+/).filter(Boolean).every((w) => !/^\p{Ll}/u.test(w) || TOPIC_BRIDGE_WORDS.has(w.replace(/[,]$/, '')))) continue;
    }
    const rest = text.slice(start, m.clauseEnd);
    const stop = TOPIC_END.exec(rest);
    let end = start + (stop ? stop.index : rest.length);
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end - start < 3) continue;
    m.purpose = { start, end };
    // "met in Paris to prepare the discussion": a topic that only points at another event says nothing of its own.
    if (ANAPHORIC_TOPIC.test(text.slice(start, end))) return;
    m.topic = spanText(text, start, end);
    return;
  }
}

function findOrganiser(ctx: Context, m: Mention): void {
  const region = ctx.text.slice(m.end, m.postEnd);
  ORGANISER_BY.lastIndex = 0;
  for (const o of region.matchAll(ORGANISER_BY)) {
    const at = m.end + (o.index ?? 0) + o[0].length;
    const who = organiserAt(ctx, at, m.postEnd);
    if (who) { m.organiser = toParticipant(who); return; }
  }
  // "the Oslo meeting, which was hosted by Prime Minister Lars Vik": the relative clause is the trigger's own.
  const relative = ORGANISER_RELATIVE.exec(ctx.text.slice(m.end, m.end + 40));
  if (relative) {
    const at = m.end + relative[0].length;
    const end = ctx.sentences[m.sentence]?.end ?? at + 60;
    const who = organiserAt(ctx, at, end);
    if (who) m.organiser = toParticipant(who);
  }
}

/** A short subject and its speech verb right after a quotation (' he said ', ' the minister told reporters '). */
const SPEECH_RIGHT_BEFORE = new RegExp(`^\\s*\\S+(?:\\s+\\S+){0,5}?\\s+(?:${SPEECH_VERB_WORDS})(?:\\s+\\w+)?\\s+$`);

/** "…, the Karvian army said" before "in a statement": the words between the comma and the speech verb. */
const POSTPOSED_SPEAKER = new RegExp(`(?<=,\\s*)([^,]{2,60}?)\\s+(?:${SPEECH_VERB_WORDS})\\s+$`);

/** The actor right after "hosted by", behind at most a short word or a capitalised title ("Prime Minister Lars Vik"). */
function organiserAt(ctx: Context, at: number, end: number): Actor | undefined {
  return participantActors(ctx, at, Math.min(end, at + 60))
    .find((a) => a.start - at <= BY_TITLE_REACH || TITLE_BEFORE_NAME.test(ctx.text.slice(at, a.start)));
}

/** Capitalised title words between "hosted by" and the name ("Prime Minister"). */
const TITLE_BEFORE_NAME = /^(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){1,4}$/u;

/** ", which was hosted by …" right after an event noun. */
const ORGANISER_RELATIVE = /^\s*,\s*(?:which|that)\s+(?:was|were|is|are|will be)\s+(?:chaired|hosted|convened|organi[sz]ed|led)\s+by\s+/;

function findPostParticipants(ctx: Context, m: Mention): void {
  const { text } = ctx;
  const region = text.slice(m.end, m.postEnd);
  POST_MARKERS.lastIndex = 0;
  for (const pm of region.matchAll(POST_MARKERS)) {
    const at = m.end + (pm.index ?? 0) + pm[0].length;
    const marker = pm[0].trim().toLowerCase();
    if (marker === 'of') {
      const between = text.slice(m.end, m.end + (pm.index ?? 0));
      if (between.length > OF_REACH || /\b\p{Ll}+\b/u.test(between.replace(/\b(?:in|at|on|by|video|link|the)\b/g, ''))) continue;
    }
    const rest = text.slice(at, m.postEnd);
    // (Inside a sentence a full stop is an abbreviation's: "with U.S. President Donald Trump".)
    const stop = /[;:]|\.\s*$|,\s+(?!and\s+[\p{Lu}\d])(?=\p{Ll})|\s+(?:to discuss|to prepare|in order)\b/u.exec(rest);
    // ("a meeting with Sen. Nelson in Washington, D.C., Hayes traded …": a new clause ends the list.)
    const clause = NAME_CLAUSE.exec(rest);
    const end = at + Math.min(stop ? stop.index : rest.length, clause ? clause.index : rest.length);
    const zone = text.slice(at, end);
    const delegations = /\bdelegations?\s+from\b/i.test(zone);
    addParticipants(m, participantActors(ctx, at, end), 'participants', delegations);
    m.counts.push(...findCounts(text, at, end));
  }
}

function findModality(ctx: Context, m: Mention): void {
  // ("is expected to vote": the trigger's own "to" belongs to the modal phrase.)
  const own = /^to\s/i.exec(ctx.text.slice(m.start, m.end))?.[0] ?? '';
  const before = ctx.text.slice(Math.max(m.modalStart, m.start - MODALITY_REACH), m.start) + own;
  if (/\b(?:could|might|may|if|would be prepared to|option)\b[^,.;]*$/i.test(before)) m.modality = 'possible';
  else if (/\b(?:will|'ll|shall|poised for|is due to|are due to|due to|is to|are to|plans? to|planned to|agreed to|expected to|set to|scheduled to|to be|would|next)\b(?:\s+[\w-]+){0,3}\s*$/i.test(before)) m.modality = 'planned';
  else if (FUTURE_AFTER.test(ctx.text.slice(m.end, Math.min(m.postEnd, m.end + MODALITY_REACH + 30)))) m.modality = 'planned';
  else if (m.date && ctx.published && startsAfter(m.date.value, ctx.published)) m.modality = 'planned';
}

/** Does the period a date value names begin after the publication day ("2026-W48", "2026-12" after 2026-11-19)? */
function startsAfter(value: string, published: string): boolean {
  const anchor = anchorFromValue(value);
  const day = parseReferenceDate(published);
  return anchor !== null && day !== null && compareYMD(anchor.date, day) > 0;
}

/** "The first session will be held …", "The summit in Rome is scheduled for …": the event is to come, whatever its date says. */
const FUTURE_AFTER = /^(?:\s+(?:in|at|of|on|between|with)\s+[^,.;]{0,40}?)?\s+(?:will\s+(?:be|take|open|start|begin|convene)|(?:is|are)\s+(?:due|scheduled|set|expected|planned|slated)\s+(?:to|for|on|in))\b/i;

function analyseMention(ctx: Context, sent: Sentence, sentenceIndex: number, raw: RawTrigger, sentenceTriggers: readonly RawTrigger[], boundaries: ReadonlyArray<readonly [number, number]>, claimed: Set<number>): Mention | undefined {
  const { text } = ctx;
  const idx = sentenceTriggers.indexOf(raw);
  const prev = sentenceTriggers[idx - 1];
  const next = sentenceTriggers[idx + 1];
  let clauseStart = Math.max(sent.start, prev ? prev.end : sent.start);
  for (const [, bEnd] of boundaries) if (bEnd <= raw.start && bEnd > clauseStart) clauseStart = bEnd;
  let clauseEnd = sent.end;
  for (const [bStart] of boundaries) if (bStart >= raw.end && bStart < clauseEnd) { clauseEnd = bStart; break; }
  const postEnd = Math.min(clauseEnd, next ? next.start : sent.end);
  let modalStart = sent.start;
  for (const [, bEnd] of boundaries) if (bEnd <= raw.start && bEnd > modalStart) modalStart = bEnd;
  const pre = text.slice(Math.max(sent.start, raw.start - MODIFIER_REACH), raw.start);
  const word = text.slice(raw.start, raw.end);
  const definite = (raw.cls === 'noun' || (ANAPHORIC_TYPES.has(raw.type) && /^(?:attack|visit|vote|deal|agreement|strike)s?$/i.test(word))) && DEFINITE.test(pre);
  const m: Mention = {
    start: raw.start, end: raw.end, type: raw.type, cls: raw.cls, rule: raw.rule, anaphorOnly: raw.anaphorOnly, definite,
    sentence: sentenceIndex, clauseStart, postEnd, clauseEnd, nextTriggerEnd: next ? next.end : sent.end, modalStart, firstInSentence: idx === 0, participants: [], nonParticipants: [], counts: [], modality: 'actual',
    atEvent: raw.cls === 'noun' && /\b(?:at|during)\s+(?:an?|the|their|its)\s+(?:[\w-]+\s+){0,2}$/i.test(pre),
  };
  if (raw.format) (m as { triggerFormat?: EventFormat }).triggerFormat = raw.format;
  if (m.anaphorOnly && !definite) return undefined;

  if (raw.type === 'deployment') m.counts.push(...findCounts(text, clauseStart, clauseEnd, true));

  findRelative(ctx, m, sentenceTriggers);
  findDate(ctx, m, claimed);
  findPlace(ctx, m);
  findFormat(ctx, m);
  findDuration(ctx, m);
  findTopic(ctx, m, claimed);
  findModality(ctx, m);

  const firstTrigger = sentenceTriggers[0]?.start ?? raw.start;
  if (GATHERING.has(m.type)) {
    findOrganiser(ctx, m);
    if (m.cls === 'verb' && m.rule !== 'phone-call-verb') {
      const subject = subjectActors(ctx, sent, clauseStart, raw.start, firstTrigger, true);
      addParticipants(m, subject, 'participants');
      m.counts.push(...findCounts(text, clauseStart, raw.start));
      if (/\bwith\s+/.test(text.slice(raw.end, raw.end + 6))) findPostParticipants(ctx, m);
      // "Marlow met Adm. Piet Holm", "He met her in Velgrad": whom the subject met took part too.
      const object = objectActor(ctx, raw.end, clauseEnd);
      if (object) addParticipants(m, [object], 'participants');
    } else if (m.cls === 'verb') {
      addParticipants(m, subjectActors(ctx, sent, clauseStart, raw.start, firstTrigger), 'participants');
      findPostParticipants(ctx, m);
    } else {
      const zone = text.slice(clauseStart, raw.start);
      const rel = RELATION_VERB.exec(zone);
      if (rel) {
        const verbStart = clauseStart + rel.index + (rel[0].length - rel[0].trimStart().length);
        const subject = subjectActors(ctx, sent, clauseStart, verbStart, firstTrigger);
        if (rel.groups?.['org'] !== undefined) {
          const who = subject.find((a) => a.kind !== 'group') ?? subject[0];
          if (who && !m.organiser) m.organiser = toParticipant(who);
          // "Peña Nieto invited Mr. Trump to a meeting": the guest takes part (the host as well: the organiser).
          if (rel.groups?.['invite'] !== undefined) addParticipants(m, participantActors(ctx, verbStart, raw.start), 'participants');
        } else {
          addParticipants(m, subject, rel.groups?.['neg'] !== undefined ? 'nonParticipants' : 'participants');
          if (rel.groups?.['neg'] === undefined) {
            addParticipants(m, participantActors(ctx, verbStart, raw.start), 'participants');
            m.counts.push(...findCounts(text, clauseStart, raw.start));
          }
        }
      } else if (m.atEvent) atEventSubject(ctx, sent, m, firstTrigger);
      findPostParticipants(ctx, m);
    }
    if (m.type === 'meeting' && m.participants.some((p) => p.kind === 'group' && SUMMIT_PARTICIPANTS.test(p.name))) m.type = 'summit';
  } else if (m.type === 'statement' || m.type === 'announcement' || m.type === 'news-conference' || m.type === 'speech' || m.type === 'vote' || m.type === 'agreement' || m.type === 'visit') {
    let speaker: Actor[] = [];
    const inNoun = m.type === 'speech' && m.cls === 'noun' && /^\s*in\s+(?:an?|his|her|their|its|the)\s+(?:[\w'’-]+\s+){0,2}$/i.test(text.slice(clauseStart, raw.start));
    if ((m.type === 'statement' && /^in\b/i.test(text.slice(raw.start, raw.end)) && raw.start - clauseStart <= 2) || inNoun) {
      // "In a statement issued after the call, the Velorian defence ministry said": the speaker follows the comma.
      const comma = text.indexOf(',', raw.end);
      if (comma >= 0 && comma < sent.end) {
        const after = participantActors(ctx, comma + 1, sent.end).find((a) => a.start - comma <= 8);
        if (after) speaker = [after];
      }
    }
    if (m.type === 'statement' && speaker.length === 0) {
      // "…, the Karvian army said in a statement.": the speaker stands between the comma and the speech verb.
      const said = POSTPOSED_SPEAKER.exec(text.slice(Math.max(sent.start, raw.start - 80), raw.start));
      if (said) {
        const from = raw.start - said[0].length;
        const who = participantActors(ctx, from, from + (said[1]?.length ?? 0) + 1);
        if (who.length > 0) speaker = who.slice(-1);
      }
    }
    if (speaker.length === 0) {
      // "Velor's ministry blamed Karvia in a statement": the subject ends at its verb; what follows is its object.
      // ("“Nobody said this would be easy,” he told reporters at a news conference": the subject follows the quotation.)
      const quoteEnd = Math.max(text.lastIndexOf('”', raw.start), text.lastIndexOf('"', raw.start)) + 1;
      let from = quoteEnd > clauseStart ? quoteEnd : clauseStart;
      // ('"We are ready," he said in a statement': the speech verb closed a clause of its own before the trigger.)
      if (!/\S/.test(text.slice(from, raw.start)) && quoteEnd > sent.start && SPEECH_RIGHT_BEFORE.test(text.slice(quoteEnd, raw.start))) from = quoteEnd;
      const verb = (m.type === 'statement' || m.type === 'news-conference' || m.type === 'speech') && m.cls === 'noun' ? SPEAKER_VERB.exec(text.slice(from, raw.start)) : null;
      const verbStart = verb ? from + verb.index + 1 : raw.start;
      speaker = withoutAppositive(text, subjectActors(ctx, sent, from, verbStart, firstTrigger, m.type === 'agreement' || m.type === 'vote'), verbStart);
    }
    if (m.type === 'visit') {
      const host = ctx.actors.find((a) => a.kind === 'person' && a.start >= raw.end && a.start - raw.end <= 4);
      if (host) speaker = [...speaker, host];
    }
    // A speech noun's speaker is who gave it ("gave a speech", "in a speech, X said", "X, in a speech", "his speech"),
    // not whoever talks about it ("Wallace's contention that the speech …").
    if (m.rule === 'speech-noun' && !inNoun && !SPEECH_GIVEN.test(text.slice(Math.max(clauseStart, raw.start - 40), raw.start))) {
      // "Joe Biden's mendacious speech": the possessor gave it.
      const possessive = /['’]s\s+(?:[\w-]+\s+){0,2}$/.exec(text.slice(Math.max(clauseStart, raw.start - 40), raw.start));
      const at = possessive ? raw.start - possessive[0].length : -1;
      const owner = at >= 0 ? ctx.actors.find((a) => a.end === at && (a.kind === 'person' || a.kind === 'organisation' || a.kind === 'country')) : undefined;
      speaker = owner ? [owner] : [];
    }
    // "The White House welcomed the vote": whoever speaks of a vote named again did not take part in it.
    if (m.rule !== 'vote-anaphor') addParticipants(m, speaker, 'participants');
    if (m.rule === 'travel') {
      // "Snow arrived in Oslo", "Hurricane Ida arrived in Louisiana": travel is a visit only when someone travels.
      if (m.participants.some((p) => STORM_NAME.test(p.name))) return undefined;
      if (m.participants.length === 0 && !TRAVELLER_PRONOUN.test(text.slice(clauseStart, raw.start))) return undefined;
    }
    // "Defence chiefs from 24 countries agreed …", "all 27 member states voted …": who decided, counted.
    if ((m.type === 'agreement' || m.type === 'vote') && m.cls === 'verb') m.counts.push(...findCounts(text, clauseStart, raw.start));
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// Events

interface Building extends EventParts {
  type: EventType;
  readonly mentions: Mention[];
  date?: DateFound & { relativeTo?: Building; offset?: EventDate['offset'] };
  place?: Mention['place'];
  format?: Mention['format'];
  duration?: Mention['duration'];
  readonly evidence: Set<number>;
  id?: string;
  /**
   * Every mention so far only dates another event ("a day after their ministers met in Riga", "a week after a summit
   * in Oslo"): a background event, which a generic anaphor ("the talks", "the video conference") does not refer to.
   */
  background: boolean;
}

function sameValue(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

function compatible(e: Building, m: Mention, text: string): boolean {
  if (!GATHERING.has(e.type) || !GATHERING.has(m.type)) return false;
  const word = text.slice(m.start, m.end).toLowerCase();
  if (/summit/.test(word) && e.type !== 'summit') return false;
  if (/\bcalls?$/.test(word) && e.format?.value === 'in-person') return false;
  // An anaphor's own modal words are weak evidence ("At the meeting, they will …"); only a dated mention must agree.
  if ((m.modality === 'planned') !== (e.modality === 'planned') && (!(m.definite || m.anaphorOnly) || m.date)) return false;
  if (m.date && e.date && !sameValue(m.date.value, e.date.value)) return false;
  if (m.place && e.place && m.place.name.toLowerCase() !== e.place.name.toLowerCase()) return false;
  if (m.format && e.format && m.format.value !== e.format.value) return false;
  return true;
}

function participantKey(p: EventParticipant): string {
  return p.entityId ?? `${p.kind}:${p.name.toLowerCase()}`;
}

/**
 * Adds `p` unless it is already listed. Without entity ids a surname ("Ferri") is the same person as a full name
 * ending in it ("Rosa Ferri"); the full name is kept.
 */
function addUnique(list: EventParticipant[], p: EventParticipant): void {
  const key = participantKey(p);
  if (list.some((q) => participantKey(q) === key)) return;
  if (p.kind === 'person' && p.entityId === undefined) {
    const longer = list.findIndex((q) => q.kind === 'person' && q.entityId === undefined && q.name.endsWith(' ' + p.name));
    if (longer >= 0) return;
    const shorter = list.findIndex((q) => q.kind === 'person' && q.entityId === undefined && p.name.endsWith(' ' + q.name));
    if (shorter >= 0) { list[shorter] = p; return; }
  }
  list.push(p);
}

function mergeInto(e: Building, m: Mention): void {
  e.mentions.push(m);
  if (m.relative?.mode !== 'connector') e.background = false;
  e.evidence.add(m.sentence);
  if (m.date && (!e.date || e.date.relativeTo !== undefined)) e.date = m.date;
  if (m.place && !e.place) e.place = m.place;
  if (m.format && !e.format) e.format = m.format;
  if (m.duration && !e.duration) e.duration = m.duration;
  if (m.topic && !e.topic) e.topic = m.topic;
  if (m.organiser && !e.organiser) e.organiser = m.organiser;
  for (const p of m.participants) addUnique(e.participants, p);
  for (const p of m.nonParticipants) addUnique(e.nonParticipants, p);
  for (const c of m.counts) if (!e.counts.some((k) => k.span.start === c.span.start)) e.counts.push(c);
}

function newEvent(m: Mention): Building {
  const e: Building = { type: m.type, mentions: [], participants: [], nonParticipants: [], counts: [], modality: m.modality, evidence: new Set(), background: true };
  mergeInto(e, m);
  return e;
}

function resolveMention(events: Building[], m: Mention, text: string): Building | undefined {
  if (ANAPHORIC_TYPES.has(m.type) && (m.definite || votedOnTheSame(m, text))) {
    const same = events.filter((e) => e.type === m.type && (!m.date || !e.date || sameValue(m.date.value, e.date.value)));
    return same[same.length - 1];
  }
  if (!GATHERING.has(m.type)) return undefined;
  const candidates = events.filter((e) => compatible(e, m, text));
  if (m.definite || m.anaphorOnly) {
    if (m.date || m.place) {
      const positive = candidates.filter((e) => (m.date && e.date && sameValue(m.date.value, e.date.value)) || (m.place && e.place && m.place.name.toLowerCase() === e.place.name.toLowerCase()));
      return positive[positive.length - 1];
    }
    let best: Building | undefined;
    for (const e of candidates) {
      if (e.background && !namesAgain(e, m, text)) continue;
      if (!best || e.mentions.length > best.mentions.length) best = e;
    }
    return best;
  }
  // A second indefinite report of a gathering on the same day, at a compatible place, is the same gathering.
  if (m.date && m.date.value.length >= 10) {
    return candidates.find((e) => e.date !== undefined && e.date.value === m.date?.value && e.type === m.type);
  }
  return undefined;
}

/**
 * "Sen. Dolan, who voted against the bill, …" after "The Senate voted 68-31 to approve the bill": a vote with no date
 * or tally of its own on a definite motion is a voter's part in the vote reported before.
 */
function votedOnTheSame(m: Mention, text: string): boolean {
  return m.type === 'vote' && m.cls === 'verb' && !m.date && !m.relative &&
    /^\s+(?:for|against|in favou?r of)\s+(?:the|this|that|its)\s/i.test(text.slice(m.end, m.end + 20));
}

/** Does anaphor m repeat the word of one of e's mentions ("a week after talks in Geneva … The talks")? */
function namesAgain(e: Building, m: Mention, text: string): boolean {
  const head = (x: { start: number; end: number }): string => (/([\p{L}-]+)$/u.exec(text.slice(x.start, x.end))?.[1] ?? '').toLowerCase().replace(/s$/, '');
  const word = head(m);
  return e.mentions.some((k) => head(k) === word);
}

/**
 * "a week after a summit in Paris … Macron hosted last week's summit": once relative dates are resolved, an event told
 * only by definite mentions, dated by a period that holds the day an earlier event of its type was counted to, is that
 * event (the earlier one keeps its more precise date).
 */
function mergeRestatements(events: Building[], owner: Map<Mention, Building>): void {
  for (let j = events.length - 1; j > 0; j--) {
    const later = events[j];
    const period = later?.date;
    if (!later || !period || period.relativeTo !== undefined || !later.mentions.every((m) => m.definite)) continue;
    const earlier = events.slice(0, j).reverse().find((e) => e.type === later.type && e.date !== undefined && dayWithin(e.date.value, period.value) &&
      (!e.place || !later.place || e.place.name.toLowerCase() === later.place.name.toLowerCase()) &&
      (!e.format || !later.format || e.format.value === later.format.value) && (e.modality === 'planned') === (later.modality === 'planned'));
    if (!earlier) continue;
    const kept = earlier.date;
    for (const m of [...later.mentions]) { mergeInto(earlier, m); owner.set(m, earlier); }
    if (kept) earlier.date = kept;
    events.splice(j, 1);
    for (const e of events) if (e.date?.relativeTo === later) e.date = { ...e.date, relativeTo: earlier };
  }
}

/** Is `day` (YYYY-MM-DD…) inside the day, week, month or year `period` names? */
function dayWithin(day: string, period: string): boolean {
  const d = parseReferenceDate(day.slice(0, 10));
  const a = anchorFromValue(period);
  if (!d || !a || !/^\d{4}-\d{2}-\d{2}/.test(day)) return false;
  if (a.granularity === 'week') {
    const diff = toEpochDay(d) - toEpochDay(a.date);
    return diff >= 0 && diff < 7;
  }
  if (a.granularity === 'day' || a.granularity === 'month' || a.granularity === 'year') return day.startsWith(period.slice(0, 10));
  return false;
}

/** The value of a day counted from an event whose own date is not resolved yet. */
const UNRESOLVED_DAY = 'XXXX-XX-XX';

/** `value` (a day, month or year) moved by `amount` units; undefined when the unit is finer than the value. */
export function shiftDate(value: string, amount: number, unit: RelativeFound['unit']): string | undefined {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (full) {
    const d = new Date(Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3])));
    if (unit === 'day') d.setUTCDate(d.getUTCDate() + amount);
    else if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * amount);
    else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + amount);
    else d.setUTCFullYear(d.getUTCFullYear() + amount);
    return d.toISOString().slice(0, 10);
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month && (unit === 'month' || unit === 'year')) {
    const total = Number(month[1]) * 12 + Number(month[2]) - 1 + (unit === 'month' ? amount : 12 * amount);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  }
  const year = /^(\d{4})$/.exec(value);
  if (year && unit === 'year') return String(Number(year[1]) + amount);
  return undefined;
}

/** Dates counted from other events: connectors use the mention before them in the sentence, postposed phrases the last dated event. */
function resolveRelativeDates(mentions: readonly Mention[], owner: ReadonlyMap<Mention, Building>): void {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (!m?.relative) continue;
      const e = owner.get(m);
      if (!e || (e.date && e.date.relativeTo === undefined)) continue;
      let anchor: Building | undefined;
      if (m.relative.mode === 'connector') {
        const mentionBefore = (at: number, limit: number): Mention | undefined =>
          mentions.slice(0, at).reverse().find((k) => k.sentence === m.sentence && k.end <= limit);
        const before = mentionBefore(i, m.relative.span.start);
        const after = mentions.slice(i + 1).find((k) => k.sentence === m.sentence);
        let near = before ?? after;
        // "met on Wednesday, a day after a meeting in London and a week after a summit in Paris": a coordinated
        // connector counts from what the connector before it counts from, not from that connector's own event.
        while (m.relative.coordinated && before && near?.relative?.mode === 'connector') {
          const from = mentionBefore(mentions.indexOf(near), near.relative.span.start);
          if (!from) break;
          near = from;
        }
        // "The talks began on November 28, three weeks after …": counted from when the event began.
        if (near?.began) {
          const value = shiftDate(near.began.value, m.relative.sign * m.relative.amount, m.relative.unit);
          const from = owner.get(near);
          // (No offset: it counts from the day the event began, not from the event's own date.)
          if (value) { e.date = { value, certainty: 'implied', span: m.relative.span, ...(from && from !== e ? { relativeTo: from } : {}) }; continue; }
        }
        anchor = near ? owner.get(near) : undefined;
      } else {
        const types = m.relative.anchorTypes;
        for (let j = i - 1; j >= 0 && !anchor; j--) {
          const k = mentions[j];
          const ke = k ? owner.get(k) : undefined;
          if (ke && ke !== e && ke.date && (!types || types.includes(ke.type))) anchor = ke;
        }
      }
      if (!anchor?.date || anchor === e) continue;
      const offset = { amount: m.relative.sign * m.relative.amount, unit: m.relative.unit };
      // An anchor dated only relatively for want of a publication date ("on Wednesday" = XXXX-WXX-3) leaves this date
      // unresolved too, with the offset that counts it once the anchor's date is known.
      const value = /X/.test(anchor.date.value) ? UNRESOLVED_DAY : shiftDate(anchor.date.value, offset.amount, offset.unit);
      if (!value) continue;
      e.date = { value, certainty: 'implied', span: m.relative.span, relativeTo: anchor, offset };
    }
  }
}

/** "… also took part", "Britain, France and Spain were among those present": participants of the gathering last reported. */
function attachLoneParticipation(ctx: Context, sentencesWithMentions: ReadonlySet<number>, mentions: readonly Mention[], owner: ReadonlyMap<Mention, Building>): void {
  const { text } = ctx;
  ctx.sentences.forEach((sent, si) => {
    if (sentencesWithMentions.has(si)) return;
    const s = text.slice(sent.start, sent.end);
    const p = PARTICIPATION_ALONE.exec(s);
    if (!p || isExcluded(ctx, sent.start + p.index, sent.start + p.index + p[0].length)) return;
    let target: Building | undefined;
    for (const m of mentions) {
      if (m.start >= sent.start) break;
      // "… met in Paris to prepare the discussion": a mention inside another's purpose is not what the next sentence continues.
      if (mentions.some((k) => k.purpose && k.purpose.start <= m.start && m.end <= k.purpose.end)) continue;
      const e = owner.get(m);
      if (e && GATHERING.has(e.type)) target = e;
    }
    if (!target) return;
    // Whoever reports the participation is not a participant: "…, the ministry said." / "According to the ministry, …".
    const attribution = /,\s+[^,]*\b(?:said|says|added)\s*[.]?\s*$/.exec(s);
    const end = attribution ? sent.start + attribution.index : sent.end;
    const lead = /^\s*(?:according to|as reported by|citing)\s[^,]{1,80},\s*/i.exec(s);
    const start = lead && lead[0].length <= p.index ? sent.start + lead[0].length : sent.start;
    const negated = /\b(?:did not|didn't|didn’t|never|not)\s+(?:\w+\s+)?$/.test(s.slice(0, p.index));
    const actors = participantActors(ctx, start, end);
    if (actors.length === 0) return;
    for (const a of actors) addUnique(negated ? target.nonParticipants : target.participants, toParticipant(a));
    if (!negated) for (const c of findCounts(text, start, end)) if (!target.counts.some((k) => k.span.start === c.span.start)) target.counts.push(c);
    target.evidence.add(si);
  });
}

function withText(text: string, p: EventParticipant): EventParticipant {
  return { ...p, span: spanText(text, p.span.start, p.span.end) };
}

function finalise(ctx: Context, events: Building[]): ArticleEvent[] {
  const { text } = ctx;
  const ordered = [...events].sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  ordered.forEach((e, i) => { e.id = `e${i + 1}`; });
  return ordered.map((e) => {
    const first = e.mentions[0];
    if (!first) throw new Error('events: an event without a mention');
    const evidence: Span[] = [...e.evidence].sort((a, b) => a - b).map((si) => {
      const s = ctx.sentences[si];
      return s ? { start: s.start, end: s.end } : { start: 0, end: 0 };
    });
    let date: EventDate | undefined;
    if (e.date) {
      date = {
        value: e.date.value, certainty: e.date.certainty, span: e.date.span,
        ...(e.date.timexIndex !== undefined ? { timexIndex: e.date.timexIndex } : {}),
        ...(e.date.relativeTo?.id !== undefined ? { relativeTo: e.date.relativeTo.id, ...(e.date.offset ? { offset: e.date.offset } : {}) } : {}),
      };
    }
    const event: ArticleEvent = {
      id: e.id ?? '',
      type: e.type,
      trigger: spanText(text, first.start, first.end),
      ...(date ? { date } : {}),
      ...(e.place ? { place: e.place } : {}),
      ...(e.format ? { format: e.format } : {}),
      ...(e.duration ? { duration: e.duration } : {}),
      participants: e.participants.map((p) => withText(text, p)),
      ...(e.nonParticipants.length > 0 ? { nonParticipants: e.nonParticipants.map((p) => withText(text, p)) } : {}),
      modality: e.modality,
      participantCounts: e.counts.sort((a, b) => a.span.start - b.span.start),
      ...(e.organiser ? { organiser: withText(text, e.organiser) } : {}),
      ...(e.topic ? { topic: e.topic } : {}),
      evidence,
      rule: first.rule,
    };
    return event;
  });
}

/**
 * The figures an event carries (figures.ts): a vote's tally, from the sentences that report the vote; an attack's
 * casualty counts, from the sentences that report it and those after them in the same paragraph up to the next one
 * reporting an attack ("The drone struck the depot on Friday. At least 12 people were killed.").
 */
function attachFigures(ctx: Context, events: ArticleEvent[], attackSentences: ReadonlySet<number>): ArticleEvent[] {
  const { text, sentences } = ctx;
  const taken = new Set<number>();
  const sentenceAt = (start: number): number => sentences.findIndex((s) => s.start <= start && start < s.end);
  return events.map((e) => {
    if (e.type === 'vote') {
      for (const ev of e.evidence) {
        const tally = findTally(text, ev.start, ev.end);
        if (tally) return { ...e, tally };
      }
      return e;
    }
    if (e.type !== 'attack') return e;
    const own = e.evidence.map((ev) => sentenceAt(ev.start)).filter((si) => si >= 0);
    const reach = new Set(own);
    for (const si of own) {
      for (let next = si + 1; next < sentences.length && !attackSentences.has(next); next++) {
        const prev = sentences[next - 1];
        const sent = sentences[next];
        if (!prev || !sent || text.slice(prev.end, sent.start).includes('\n')) break;
        reach.add(next);
      }
    }
    const casualties = [...reach].sort((a, b) => a - b).flatMap((si) => {
      const sent = sentences[si];
      if (!sent || taken.has(si)) return [];
      taken.add(si);
      return findCasualties(text, sent.start, sent.end);
    });
    return casualties.length > 0 ? { ...e, casualties } : e;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point

function buildContext(text: string, input: EventInput): Context {
  const excluded: Array<readonly [number, number]> = findQuotedSegments(text).map((q) => [q.start, q.end] as const);
  const datelines = datelinesOf(text).map((d) => [d.start, d.end] as const);
  excluded.push(...datelines);
  const relativePhrases: Array<[number, number]> = [];
  for (const m of text.matchAll(CONNECTOR_GLOBAL)) relativePhrases.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const m of text.matchAll(POSTPOSED_RE)) relativePhrases.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const usableTimes = new Set<number>();
  input.times.forEach((t, i) => {
    if (t.type !== 'DATE' && t.type !== 'TIME') return;
    if (/^P|_REF$/.test(t.value)) return;
    if (datelines.some(([s, e]) => t.start >= s && t.start < e)) return;
    if (excluded.some(([s, e]) => t.start < e && s < t.end)) return;
    if (relativePhrases.some(([s, e]) => t.start < e && s < t.end)) return;
    usableTimes.add(i);
  });
  const actors = findActors(text, input.tokenized, { entities: input.entities, mentions: input.mentions })
    .filter((a) => !excluded.some(([s, e]) => a.start < e && s < a.end));
  const ctx: Context = {
    text,
    sentences: input.tokenized.sentences.map((s) => ({ start: s.start, end: s.end })),
    excluded, actors, times: input.times, usableTimes,
    ...(input.published !== undefined ? { published: input.published } : {}),
  };
  return ctx;
}

/** The events `text` reports, in order of first mention, with ids `e1`, `e2`, …. */
export function extractEvents(text: string, input: EventInput): ArticleEvent[] {
  const ctx = buildContext(text, input);
  const claimed = new Set<number>();
  const mentions: Mention[] = [];
  ctx.sentences.forEach((sent, si) => {
    const triggers = findTriggers(ctx, sent);
    const boundaries = boundariesOf(ctx, sent);
    const inSentence: Mention[] = [];
    for (const t of triggers) {
      const m = analyseMention(ctx, sent, si, t, triggers, boundaries, claimed);
      if (!m) continue;
      // "agreed on Wednesday … at a two-day meeting": the meeting is where the clause's event happened, so it shares its date.
      if (m.atEvent && !m.date && !m.relative) {
        const host = [...inSentence].reverse().find((k) => k.date && m.start - k.end <= AT_EVENT_REACH);
        if (host?.date) m.date = host.date;
      } else if (m.atEvent && m.date) {
        // "will vote on the proposal at the annual meeting on June 20": the vote takes the meeting's date.
        const guest = inSentence[inSentence.length - 1];
        if (guest && !guest.date && !guest.relative && m.start - guest.end <= AT_EVENT_REACH) guest.date = m.date;
      }
      const prevGathering = inSentence[inSentence.length - 1];
      if (prevGathering && GATHERING.has(m.type) && (GATHERING.has(prevGathering.type) || prevGathering.type === 'visit') && prevGathering.cls === 'verb' && m.cls === 'noun' &&
        !m.definite && /\bfor\s+(?:an?\s+)?(?:[\w-]+\s+)?$/i.test(text.slice(prevGathering.end, m.start))) m.joins = prevGathering;
      // "In a separate attack, militants ambushed a convoy": the fronted noun names the event the clause reports.
      const framing = inSentence[0];
      // "in a statement posted on Telegram": where the statement was posted, not a second statement.
      const prev = inSentence[inSentence.length - 1];
      if (!m.joins && prev && prev.type === 'statement' && m.rule === 'statement-social' && prev.rule !== 'statement-social' &&
        /^\s+(?:(?:that|which)\s+(?:was|were)\s+|(?:first\s+)?)$/i.test(text.slice(prev.end, m.start))) m.joins = prev;
      if (!m.joins && framing && inSentence.length === 1 && framing.type === m.type &&
        /^\s*in\s+(?:an?|the|another)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(sent.start, framing.start)) && /^\s*,/.test(text.slice(framing.end, framing.end + 3))) m.joins = framing;
      // "senators visited Kyiv and met Dane": the second verb shares the first's subject and, unless it has its own, its date.
      if (prev && prev.cls === 'verb' && m.cls === 'verb' && !m.joins && COORDINATED_VERB.test(text.slice(prev.end, m.start))) {
        m.coordinatedWith = prev;
        // Its subject is the first verb's (the actors before it), not the first verb's object ("met Zelensky … and visited").
        const own = m.participants.filter((p) => p.span !== undefined && p.span.start >= m.start);
        const subject = prev.participants.filter((p) => p.span !== undefined && p.span.start < prev.start);
        if (subject.length > 0) m.participants.splice(0, m.participants.length, ...subject, ...own);
      }
      inSentence.push(m);
    }
    mentions.push(...inSentence);
  });

  const events: Building[] = [];
  const owner = new Map<Mention, Building>();
  for (const m of mentions) {
    const target = (m.joins ? owner.get(m.joins) : undefined) ?? resolveMention(events, m, text);
    if (target) { mergeInto(target, m); owner.set(m, target); continue; }
    if (m.anaphorOnly) continue;
    const e = newEvent(m);
    events.push(e);
    owner.set(m, e);
  }
  resolveRelativeDates(mentions, owner);
  mergeRestatements(events, owner);
  for (const m of mentions) {
    const e = owner.get(m);
    const first = m.coordinatedWith ? owner.get(m.coordinatedWith) : undefined;
    if (e && first && first !== e && !e.date && first.date && !m.date && !m.relative) {
      e.date = { value: first.date.value, certainty: 'implied', span: first.date.span, relativeTo: first, offset: { amount: 0, unit: 'day' } };
    }
  }
  attachLoneParticipation(ctx, new Set(mentions.map((m) => m.sentence)), mentions, owner);
  return attachFigures(ctx, finalise(ctx, events), new Set(mentions.filter((m) => m.type === 'attack').map((m) => m.sentence)));
}
