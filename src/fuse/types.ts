/**
 * The dossier: one story's reports fused into a cross-checked record. This is the JSON contract documented in
 * docs/dossier.md and docs/dossier.schema.json; bump DOSSIER_SCHEMA_VERSION on any change a reader would notice.
 *
 * Conventions: every item that states something carries `sources`, a list of citations (article id + character span
 * + the text + the sentence it sits in), and `support`, which counts reports and *independent* sources: a syndicated
 * copy (`duplicateOf`) is listed but adds nothing to `independentSources`.
 */
import type { EntityType, MentionKind } from '../analyze/entities/types.js';
import type { CasualtyCount, EventFormat, EventModality, EventType, ParticipantCount } from '../analyze/events/types.js';

export const DOSSIER_SCHEMA_VERSION = '1.4';
/** Name and version of the code that built a dossier, so a stored one can be told apart from a newer build. */
export const FUSER_VERSION = 'triangulate-fuse@5';

/** A span of an article's text; `text === article.text.slice(start, end)`. */
export interface SpanRef {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Where one report states something: the span, and the sentence around it. */
export interface Citation extends SpanRef {
  readonly articleId: string;
  readonly sentence: SpanRef;
}

export interface Support {
  /** Reports carrying the item, syndicated copies included. */
  readonly reports: number;
  /** Distinct source groups (an original and its copies are one group). */
  readonly independentSources: number;
  /** Article ids in dossier order. */
  readonly articleIds: readonly string[];
  /** True when only one independent source carries the item. */
  readonly singleSource: boolean;
}

export interface DossierArticle {
  readonly id: string;
  /** Short label for humans: R1, R2, … in dossier order (publication time, then id). */
  readonly ref: string;
  readonly origin: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly authors: readonly string[];
  readonly published?: string;
  readonly url?: string;
  /** This report is a copy of another (syndication): linked, never counted as a second source. */
  readonly duplicateOf?: string;
  /** 'input' when story clustering said so; 'text-overlap' when fusion found the texts near-identical. */
  readonly duplicateDetectedBy?: 'input' | 'text-overlap';
  /** Reports that are copies of this one. */
  readonly duplicates: readonly string[];
  /** Id of the original this report's source group is named after (its own id when it is an original). */
  readonly sourceGroup: string;
  /**
   * A reference date for a report without a publication date, taken from another report of the story because the
   * same event's relative date ("on Wednesday") resolves to the same day against it.
   */
  readonly inferredReferenceDate?: { readonly value: string; readonly fromArticleId: string; readonly matchedEvents: number };
}

export interface DossierRole {
  readonly role: string;
  readonly title?: string;
  readonly sources: readonly Citation[];
  readonly support: Support;
}

export interface DossierMention extends SpanRef {
  readonly articleId: string;
  readonly kind: MentionKind;
}

export interface DossierEntity {
  /** `n1`, `n2`, … stable for the same input. */
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly roles: readonly DossierRole[];
  readonly nationality?: string;
  readonly affiliation?: string;
  readonly mentions: readonly DossierMention[];
  /** Which per-article entities were merged into this one. */
  readonly members: readonly { readonly articleId: string; readonly entityId: string; readonly joinedBy: 'name' | 'role' }[];
  /** True when no report names it (only a role or description: "a diplomat briefed on the call"). */
  readonly unnamed: boolean;
  /** A group ("two officials") rather than one individual. */
  readonly plural: boolean;
  readonly support: Support;
}

export interface QuoteSource {
  readonly articleId: string;
  readonly kind: 'direct' | 'reported' | 'mixed';
  /** The quoted words as this report gives them, pieces of a split quote joined with " … ". */
  readonly text: string;
  readonly content: readonly SpanRef[];
  readonly cue?: SpanRef;
  /** The speaker as this report names them ("she", "Gen. Ada Marlow"). */
  readonly speakerMention?: SpanRef;
  readonly speakerEntityId?: string;
  readonly channel?: string;
  /** Whom the report has the words from ("two officials who listened to the call"), when it says so. */
  readonly reportedBy?: SpanRef;
  readonly sentence: SpanRef;
}

export interface QuoteSpeaker {
  readonly entityId?: string;
  readonly name: string;
  readonly articleIds: readonly string[];
  readonly support: Support;
}

export interface DossierQuote {
  readonly id: string;
  /** The speaker most sources give; absent when nobody is named or sources split evenly. */
  readonly speakerId?: string;
  readonly speaker: string;
  /** Every speaker some report gives for these words: more than one means the attribution is disputed. */
  readonly speakers: readonly QuoteSpeaker[];
  /** The longest version of the words. */
  readonly text: string;
  /** The commonest cue verb ("said", "told"). */
  readonly cue?: string;
  /**
   * True when some report gives the words as a full direct quotation; false when they are only partial quotes inside
   * reported speech ("called the talks a "frank and useful exchange"") or reported speech.
   */
  readonly direct: boolean;
  readonly sources: readonly QuoteSource[];
  readonly support: Support;
}

/** A property of an event as the reports give it: all stated values, the one most sources give, disputed or not. */
export interface Stated<T> {
  readonly value: T;
  readonly values: readonly { readonly value: T; readonly sources: readonly Citation[]; readonly support: Support }[];
  readonly disputed: boolean;
}

export interface DossierParticipant {
  readonly name: string;
  readonly entityId?: string;
  readonly kind: 'person' | 'organisation' | 'country' | 'delegation' | 'group';
  readonly sources: readonly Citation[];
  readonly support: Support;
}

export interface DossierCount {
  readonly value: number;
  readonly qualifier: ParticipantCount['qualifier'];
  readonly unit: string;
  readonly derivation: ParticipantCount['derivation'];
  readonly source: Citation;
}

/** A casualty count one report gives for an event ("at least 12 people were killed"). */
export interface DossierCasualty {
  readonly kind: CasualtyCount['kind'];
  readonly value: number;
  readonly qualifier: CasualtyCount['qualifier'];
  readonly unit: string;
  readonly source: Citation;
}

/** A vote's tally as one report states it. */
export interface DossierTally {
  readonly inFavour: number;
  readonly against: number;
  readonly abstentions?: number;
  readonly source: Citation;
}

export interface DossierEvent {
  readonly id: string;
  readonly type: EventType;
  /** One line for humans: "call (virtual) on 2026-11-18: security guarantees for Veloria". */
  readonly description: string;
  readonly date?: Stated<string> & {
    /** Dates some report left relative ("on Wednesday", no publication date) and that were resolved from another report. */
    readonly resolvedFromStory?: readonly { readonly articleId: string; readonly text: string; readonly unresolved: string; readonly value: string }[];
  };
  readonly place?: Stated<string>;
  readonly format?: Stated<EventFormat>;
  /** How long it lasted, as TIMEX3 lengths ("PT2H"); `disputed` when reports give lengths a quarter or more apart. */
  readonly duration?: Stated<string>;
  /**
   * Whether the reports tell it as having happened, as planned ("agreed to meet again on December 2") or as only
   * possible ("a force that could be sent"); `disputed` when some reports tell it as done and others as not yet.
   */
  readonly modality: Stated<EventModality>;
  readonly topic?: string;
  readonly participants: readonly DossierParticipant[];
  readonly participantCounts: readonly DossierCount[];
  /** Casualty counts of an attack, as each report states them (absent when none does). */
  readonly casualties?: readonly DossierCasualty[];
  /** A vote's tally, as each report states it (absent when none does). */
  readonly tallies?: readonly DossierTally[];
  /** The words naming the event in each report, with their sentences. */
  readonly sources: readonly Citation[];
  readonly support: Support;
}

export interface TimelineEntry {
  /** Sort key: the date most sources give (TIMEX3 value, day or coarser). */
  readonly date: string;
  readonly eventId: string;
  readonly label: string;
  /** The event's modality: planned and possible events are on the timeline too, marked as such. */
  readonly modality: EventModality;
  readonly disputed: boolean;
  /** Other dates some reports give for the same event. */
  readonly alternatives: readonly string[];
  readonly support: Support;
}

export type FactKind = 'event' | 'participation' | 'quote' | 'role' | 'quantity';

export interface Fact {
  readonly id: string;
  readonly kind: FactKind;
  readonly text: string;
  readonly sources: readonly Citation[];
  readonly support: Support;
  readonly singleSource: boolean;
  readonly about: { readonly eventId?: string; readonly quoteId?: string; readonly entityId?: string };
}

export type DisagreementKind = 'participant-count' | 'casualty-count' | 'vote-tally' | 'quantity' | 'date' | 'place' | 'format' | 'duration' | 'participants' | 'attribution';

export interface DisagreementValue {
  /** Machine-comparable value: "30", "21", ">20", "2026-11-16", an entity id or name. */
  readonly value: string;
  /** How the reports put it: "all 30 member states". */
  readonly display: string;
  /** 'conflicting': contradicts another value; 'compatible': imprecise or partial, consistent with every other value. */
  readonly status: 'conflicting' | 'compatible';
  /** Indexes (into `values`) of the values this one contradicts. */
  readonly conflictsWith: readonly number[];
  readonly sources: readonly Citation[];
  readonly support: Support;
}

export interface Disagreement {
  readonly id: string;
  readonly kind: DisagreementKind;
  /** What is disputed, for humans: "How many took part in the call on 2026-11-18". */
  readonly topic: string;
  readonly values: readonly DisagreementValue[];
  /** Why it matters or how to read it ("more than 20" is compatible with both 30 and 21). */
  readonly note: string;
  readonly about: { readonly eventId?: string; readonly quoteId?: string; readonly entityId?: string };
}

export interface Dossier {
  readonly schemaVersion: typeof DOSSIER_SCHEMA_VERSION;
  readonly generator: string;
  readonly storyId: string;
  /** The main event in one sentence, taken from the article text of the best-supported event. */
  readonly headline: string;
  /** A few generated lines: reports and sources, what most agree on, how many disagreements. */
  readonly summary: readonly string[];
  readonly articles: readonly DossierArticle[];
  readonly entities: readonly DossierEntity[];
  readonly events: readonly DossierEvent[];
  readonly timeline: readonly TimelineEntry[];
  readonly quotes: readonly DossierQuote[];
  readonly facts: readonly Fact[];
  readonly disagreements: readonly Disagreement[];
}
