/**
 * Per-article analysis: the stages that run over an extracted article, in order.
 *
 *   1. tokens    sentences and tokens, computed once and shared by every later stage
 *   2. ner       named-entity mentions (trained model)
 *   3. entities  mentions grouped into people/organisations/places with titles and roles;
 *                needs NER mentions and tokens
 *   4. time      time expressions resolved against the publication date (context passed in)
 *   5. quotes    who said what; after entities so a source ("the general", "he") can be
 *                linked to the entity it refers to
 *   6. events    meetings, calls, visits…; last, because it uses time expressions for dates
 *                and entities for places and participants
 *
 * Every stage is pure: the same article and context give the same analysis.
 */
import type { Article, Span } from '../model/index.js';
import { resolveEntities, resolveMention, type Entity } from './entities/index.js';
import { extractEvents } from './events/index.js';
import type { ArticleEvent } from './events/types.js';
import { recognizeEntities } from './ner/index.js';
import { extractQuotes, type Attribution } from './quotes/index.js';
import { recognizeTimeExpressions, type TimeExpression } from './time/index.js';
import { tokenize } from './tokens/index.js';

/** Bumped whenever any stage's output can change, so stored analyses can be recomputed. */
export const ANALYZER_VERSION = 'triangulate-analyze@7';

/** A quote with the entity its speaker resolved to, when one did. */
export interface QuoteRecord extends Attribution {
  /** Id of the entity (in this analysis' `entities`) the source refers to. */
  readonly speakerEntityId?: string;
}

export interface ArticleAnalysis {
  readonly articleId: string;
  readonly analyzer: string;
  /** The reference date used to resolve relative time expressions, when the article has one. */
  readonly published?: string;
  readonly sentences: readonly Span[];
  readonly entities: readonly Entity[];
  readonly quotes: readonly QuoteRecord[];
  readonly times: readonly TimeExpression[];
  readonly events: readonly ArticleEvent[];
}

export interface AnalyzeContext {
  /**
   * Publication date to resolve relative dates against (`YYYY-MM-DD` or ISO). Defaults to the
   * article's own; a dossier passes one for articles that carry none.
   */
  readonly published?: string;
}

export function analyzeArticle(article: Article, context: AnalyzeContext = {}): ArticleAnalysis {
  const text = article.text;
  const published = normalisePublished(context.published ?? article.metadata.published?.value);
  const tokenized = tokenize(text);
  const mentions = recognizeEntities(text, tokenized);
  const entities = resolveEntities(text, { tokenized, mentions, ...(published ? { published } : {}) });
  const times = recognizeTimeExpressions(text, published ? { published } : {});
  const found = extractQuotes(text, { tokenized, entities: mentions });
  const speakers = found.map((quote) => {
    const speaker = speakerEntity(quote, entities, text);
    // A place does not speak ("in Paris, …"); a country or a capital standing for its government does.
    return speaker && isSpeaker(speaker) ? speaker : undefined;
  });
  const quotes: QuoteRecord[] = found.map((quote, i) => {
    const speaker = outerSpeakerForPronoun(quote, i, found, speakers, text) ?? speakers[i];
    return speaker ? { ...quote, speakerEntityId: speaker.id } : quote;
  });
  const events = extractEvents(text, { tokenized, times, entities, mentions, ...(published ? { published } : {}) });
  return {
    articleId: article.id,
    analyzer: ANALYZER_VERSION,
    ...(published ? { published } : {}),
    sentences: tokenized.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities,
    quotes,
    times,
    events,
  };
}

/** A source naming a legal text ("Article 5 of the Charter", "the treaty", "Section 2 of the law"), which speaks for no one. */
const DOCUMENT_SOURCE = /^(?:(?:article|section|clause|paragraph|chapter|annex)\s+[\dIVXivx]+\b|(?:the\s+)?(?:treaty|charter|constitution|statute|resolution|communiqu[eé])\b)/i;

/**
 * The entity a quote's speaker is. Only pronouns and role nouns ("he added", "the spokeswoman
 * said") follow their antecedent; a named source or an organisation described in its own words
 * ("the Velorian defence ministry said") is resolved from those words, so it is not handed to
 * whichever organisation was mentioned last; a quoted document (a treaty article) is no entity.
 */
function speakerEntity(quote: Attribution, entities: readonly Entity[], text: string): Entity | undefined {
  const via = quote.speaker?.via;
  if (via === 'document' || (quote.source && DOCUMENT_SOURCE.test(text.slice(quote.source.start, quote.source.end)))) return undefined;
  // "The minister said": the entities stage links a role noun by its role ("Defence Minister Piet Holm"), where the
  // quote stage's antecedent is only the nearest person.
  const own = via === 'role-noun' && quote.source ? entityWithMentionAt(entities, quote.source) : undefined;
  if (own) return own;
  const followsAntecedent = via === 'pronoun' || via === 'role-noun' || via === 'relative';
  const mention = (followsAntecedent ? quote.speaker?.resolvedTo : undefined) ?? quote.speaker?.mention ?? quote.source;
  const found = mention ? resolveMention(entities, mention) : undefined;
  const entity = mention && found && found.type !== 'person' ? (titledPersonAfter(found, mention, entities, text) ?? found) : found;
  // "The Velorian defence ministry said": a name of no known kind used as an adjective is not who speaks.
  if (entity?.type === 'misc' && mention && entity.mentions.some((m) => m.start >= mention.start && m.end < mention.end && /^\s+\p{Ll}/u.test(text.slice(m.end, mention.end)))) return undefined;
  return entity;
}

/** The person entity one of whose role or nominal mentions is exactly `span` ("The minister" linked to Piet Holm, or an unnamed "the spokeswoman"). */
function entityWithMentionAt(entities: readonly Entity[], span: { start: number; end: number }): Entity | undefined {
  return entities.find((e) => e.type === 'person' && e.mentions.some((m) => (m.kind === 'nominal' || m.kind === 'role') && m.start === span.start && m.end === span.end));
}

/**
 * "Republican National Committee (RNC) Chairwoman Ronna McDaniel": an organisation naming whose officer the person
 * after it is; that person speaks. Only a title's few words (and the organisation's acronym) between them, no comma.
 */
function titledPersonAfter(org: Entity, source: { start: number; end: number }, entities: readonly Entity[], text: string): Entity | undefined {
  const orgMention = org.mentions.find((m) => m.start >= source.start && m.end <= source.end);
  if (!orgMention) return undefined;
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const m of e.mentions) {
      if (m.start < orgMention.end || m.end > source.end || m.kind === 'pronoun') continue;
      if (/^\s*(?:\([^)]{1,12}\)\s*)?(?:[\p{L}.'’-]+\s+){1,4}$/u.test(text.slice(orgMention.end, m.start))) return e;
    }
  }
  return undefined;
}

/**
 * A pronoun source inside another attribution's reported words ("the ministry said it thanked the
 * alliance for what it called 'serious work'") most often refers to that attribution's speaker, not
 * to the nearest noun before it; taken when the pronoun fits (it/its/they → not a person).
 */
function outerSpeakerForPronoun(
  quote: Attribution,
  index: number,
  all: readonly Attribution[],
  speakers: readonly (Entity | undefined)[],
  text: string,
): Entity | undefined {
  const source = quote.source;
  if (!source) return undefined;
  const pronoun = text.slice(source.start, source.end).toLowerCase();
  // "I" or "we" inside someone's quoted words is that speaker ("As I have said before, 'these are hard times'"; "we"
  // the speaker on behalf of their side), however the outer speaker was found.
  if (FIRST_PERSON.test(pronoun)) {
    for (const [j, outer] of all.entries()) {
      const speaker = speakers[j];
      if (j === index || !speaker || outer.kind !== 'direct') continue;
      if (!outer.content.some((c) => c.start < source.start && source.end < c.end)) continue;
      return speaker;
    }
    return undefined;
  }
  if (quote.speaker?.via !== 'pronoun') return undefined;
  for (const [j, outer] of all.entries()) {
    const speaker = speakers[j];
    if (j === index || !speaker || outer.speaker?.via === 'pronoun') continue;
    if (!outer.content.some((c) => c.start <= source.start && source.end <= c.end)) continue;
    const personal = /^(he|she|him|her|his)$/.test(pronoun);
    const impersonal = /^(it|its|they|them|their)$/.test(pronoun);
    if ((personal && speaker.type === 'person') || (impersonal && speaker.type !== 'person')) return speaker;
  }
  return undefined;
}

const FIRST_PERSON = /^(?:i|we)$/;

function isSpeaker(entity: Entity): boolean {
  return entity.type !== 'location' || entity.metonymy === 'government';
}

/** `2026-11-18T19:42:00+01:00` → `2026-11-18`: relative dates are resolved to calendar days. */
function normalisePublished(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return match?.[1];
}
