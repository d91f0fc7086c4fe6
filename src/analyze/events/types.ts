/**
 * What the events stage reports for one article: the meetings, calls, visits, statements
 * and other happenings it describes, each part of which is a span into the article text.
 * These types are the contract between the events stage and cross-source fusion.
 */
import type { Span } from '../../model/index.js';

export type EventType =
  | 'meeting'
  | 'summit'
  | 'call'
  | 'visit'
  | 'statement'
  | 'announcement'
  | 'news-conference'
  | 'speech'
  | 'attack'
  | 'agreement'
  | 'vote'
  | 'deployment'
  | 'other';

export type EventFormat = 'virtual' | 'in-person' | 'phone' | 'hybrid';

/** A span with its text, so a reader of the JSON need not slice the article. */
export interface SpanText extends Span {
  readonly text: string;
}

export interface EventParticipant {
  /** Id of the article-level entity (entities stage), when the participant is one. */
  readonly entityId?: string;
  readonly name: string;
  readonly kind: 'person' | 'organisation' | 'country' | 'delegation' | 'group';
  readonly span: SpanText;
}

/**
 * A number stated about participants ("all 30 member states", "more than 20 countries",
 * "France, Spain and 19 other countries" = 21). Kept with its span because fusion compares
 * these across sources.
 */
export interface ParticipantCount {
  readonly value: number;
  readonly qualifier: 'exact' | 'at-least' | 'more-than' | 'fewer-than' | 'about' | 'all';
  /** What was counted, as the text names it: "member states", "countries", "delegations". */
  readonly unit: string;
  readonly span: SpanText;
  /** 'stated' when the number is written; 'list' when computed from a list ("France, Spain and 19 other countries"). */
  readonly derivation: 'stated' | 'list';
}

/** Added (optional): people killed, injured or missing in an attack ("at least 12 people were killed"), as stated. */
export interface CasualtyCount {
  readonly kind: 'killed' | 'injured' | 'missing';
  readonly value: number;
  readonly qualifier: 'exact' | 'at-least' | 'more-than' | 'fewer-than' | 'about' | 'at-most';
  /** Who was counted, as the text names them ("people" when it names no one: "five dead"). */
  readonly unit: string;
  readonly span: SpanText;
  readonly derivation: 'stated';
}

/** Added (optional): how a vote went, as stated ("voted 120 to 40", "by 9 votes to 6, with 3 abstentions"). */
export interface VoteTally {
  readonly inFavour: number;
  readonly against: number;
  readonly abstentions?: number;
  readonly span: SpanText;
}

export interface EventDate {
  /** TIMEX3 value: `2026-11-18`, `2026-W47`, or `XXXX-WXX-3` while unresolved. */
  readonly value: string;
  readonly certainty: 'stated' | 'implied';
  /** The time expression that gave the date (index into the article's time expressions), when one did. */
  readonly timexIndex?: number;
  readonly span?: SpanText;
  /**
   * Added by the events stage (optional, backwards-compatible): the id of the event this date was counted from when
   * the text dates the event relative to another ("a day after …", "one day earlier"); `span` is then the offset phrase.
   */
  readonly relativeTo?: string;
  /**
   * Added by the events stage (optional, backwards-compatible): with `relativeTo`, how far from that event's date
   * this one lies ("a week after" = +1 week), so that a date left unresolved for want of a publication date (value
   * `XXXX-XX-XX`) can be counted once the other event's date is known.
   */
  readonly offset?: { readonly amount: number; readonly unit: 'day' | 'week' | 'month' | 'year' };
}

/**
 * Added by the events stage (optional, backwards-compatible): whether the text reports the event as having happened,
 * as planned ("will meet", "are due to meet", a date after publication) or as only possible ("could be sent").
 */
export type EventModality = 'actual' | 'planned' | 'possible';

export interface ArticleEvent {
  /** Stable within the article: `e1`, `e2`, … in text order. */
  readonly id: string;
  readonly type: EventType;
  /** The word or phrase that names the event: "met", "video call", "summit", "visited". */
  readonly trigger: SpanText;
  readonly date?: EventDate;
  readonly place?: { readonly name: string; readonly entityId?: string; readonly span: SpanText };
  readonly format?: { readonly value: EventFormat; readonly span: SpanText };
  /** Added (optional): how long a gathering lasted, as a TIMEX3 duration ("a two-hour phone call" → `PT2H`). */
  readonly duration?: { readonly value: string; readonly span: SpanText };
  readonly participants: readonly EventParticipant[];
  /** Added (optional): people or bodies the text says did NOT take part ("did not join the call"). */
  readonly nonParticipants?: readonly EventParticipant[];
  /** Added (optional): see `EventModality`. */
  readonly modality?: EventModality;
  readonly participantCounts: readonly ParticipantCount[];
  /** Added (optional): casualty counts of an attack, from its sentence or the sentences after it in its paragraph. */
  readonly casualties?: readonly CasualtyCount[];
  /** Added (optional): a vote's tally, from its sentence. */
  readonly tally?: VoteTally;
  readonly organiser?: EventParticipant;
  readonly topic?: SpanText;
  /** The sentences that state any part of the event. */
  readonly evidence: readonly Span[];
  /** Which rule produced it, e.g. `meeting-verb`, `call-noun`. */
  readonly rule: string;
}
