/**
 * Entities within one article: NER mentions grouped into people, organisations, places and governments with their
 * titles, roles, nationality and affiliation, plus pronoun and definite-description resolution for quote attribution.
 *
 *   const entities = resolveEntities(text, { tokenized: tokenize(text), mentions: recognizeEntities(text) });
 *   resolveMention(entities, sourceSpan) // → the entity a quote's source span refers to
 */
import type { Entity, EntityMention } from './types.js';

export { resolveEntities } from './resolve.js';
export type {
  Entity, EntityMention, EntityRole, EntityType, MentionKind, NerMentionLike, NerType, ResolveInput, StatedValue,
} from './types.js';

interface Hit {
  readonly entity: Entity;
  readonly start: number;
  readonly end: number;
  /** Modifiers (demonyms, possessors) rank below heads when a span contains several mentions. */
  readonly modifier: boolean;
}

/**
 * The entity a span refers to: the mention at exactly that span; else, among mentions and role phrases inside the
 * span, the first head (not a demonym or possessor: "French Foreign Minister Jean Arnaud" is Arnaud, not France);
 * else the smallest head containing the span; else the head overlapping it most; else a modifier. Undefined when
 * nothing overlaps.
 */
export function resolveMention(entities: readonly Entity[], span: { start: number; end: number }): Entity | undefined {
  const hits: Hit[] = [];
  for (const entity of entities) {
    for (const m of entity.mentions) hits.push({ entity, start: m.start, end: m.end, modifier: isModifier(m) });
    for (const r of entity.roles) hits.push({ entity, start: r.start, end: r.end, modifier: false });
  }
  const exact = hits.find((h) => h.start === span.start && h.end === span.end && !h.modifier)
    ?? hits.find((h) => h.start === span.start && h.end === span.end);
  if (exact) return exact.entity;
  // Heads first: a mention or role inside the span, then the smallest one containing it, then the largest overlap.
  // Modifiers ("Britain" in "Britain's chief", "French" in "French Foreign Minister") only when nothing else fits.
  const heads = hits.filter((h) => !h.modifier);
  const inside = heads.filter((h) => h.start >= span.start && h.end <= span.end);
  if (inside.length > 0) {
    inside.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
    return inside[0]?.entity;
  }
  const containing = heads.filter((h) => h.start <= span.start && h.end >= span.end);
  if (containing.length > 0) {
    containing.sort((a, b) => (a.end - a.start) - (b.end - b.start));
    return containing[0]?.entity;
  }
  return largestOverlap(heads, span) ?? largestOverlap(hits, span);
}

function largestOverlap(hits: readonly Hit[], span: { start: number; end: number }): Entity | undefined {
  let best: Hit | undefined;
  let bestOverlap = 0;
  for (const h of hits) {
    const overlap = Math.min(h.end, span.end) - Math.max(h.start, span.start);
    if (overlap > bestOverlap) {
      best = h;
      bestOverlap = overlap;
    }
  }
  return best?.entity;
}

function isModifier(m: EntityMention): boolean {
  return m.kind === 'demonym' || m.possessive === true;
}
