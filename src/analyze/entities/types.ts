import type { Tokenized } from '../tokens/index.js';

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** What the NER stage gives us (only the character span and type are required). */
export interface NerMentionLike {
  readonly start: number;
  readonly end: number;
  readonly type: NerType;
  readonly text?: string;
  readonly tokenStart?: number;
  readonly tokenEnd?: number;
}

export type MentionKind = 'name' | 'title-name' | 'surname' | 'acronym' | 'demonym' | 'pronoun' | 'nominal' | 'role';

export interface EntityMention {
  readonly start: number;
  readonly end: number;
  /** Always `text.slice(start, end)`. */
  readonly text: string;
  readonly kind: MentionKind;
  /** Inside a quotation ("…"): such mentions are never antecedents of a pronoun or nominal. */
  readonly inQuote: boolean;
  /** Followed by a possessive "'s" ("Marlow's"): a modifier, not the head of a larger phrase. */
  readonly possessive?: true;
}

export interface EntityRole {
  /** Normalised role: determiners and transient adjectives dropped, relative clauses turned into nouns ("chair of …"). */
  readonly role: string;
  /** The person's title, when one was written before the name ("Adm."). */
  readonly title?: string;
  /** The span stating the role; `text === article.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface StatedValue {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export type EntityType = 'person' | 'organisation' | 'location' | 'gpe' | 'misc';

export interface Entity {
  /** `e1`, `e2`, … in order of first mention: stable for a given article text and NER input. */
  readonly id: string;
  /** The longest proper name seen (without title); for role-only entities the role, for governments "government of X". */
  readonly name: string;
  readonly type: EntityType;
  /** CoNLL-compatible type: the NER's majority type, or the one implied by `type` when no NER mention backs it. */
  readonly nerType?: NerType;
  /** Other surface forms seen (names, surnames, titled names, acronyms, demonyms), without `name` itself. */
  readonly aliases: readonly string[];
  readonly roles: readonly EntityRole[];
  readonly nationality?: StatedValue;
  readonly affiliation?: StatedValue;
  /** In text order. */
  readonly mentions: readonly EntityMention[];
  /** A place name standing for its government ("Moscow said"). */
  readonly metonymy?: 'government';
  /** A group ("two officials", "the diplomats") rather than one individual. */
  readonly plural?: boolean;
}

export interface ResolveInput {
  readonly tokenized: Tokenized;
  readonly mentions: readonly NerMentionLike[];
  /** Publication date; unused for now, accepted so the pipeline can pass its usual context. */
  readonly published?: string;
}
