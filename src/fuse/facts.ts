/**
 * Facts with support: statements built only from what the analysis found in article text (events and who took part,
 * participant counts, quotes, roles, quantities), each with every report that carries it and the sentence in each.
 * Nothing is built from headlines, titles or headline-like lines, and no fact is a bare sentence: each one has an
 * event, a quote, a role or a counted noun behind it.
 */
import { isPassiveCue } from '../analyze/quotes/speech-acts.js';
import type { FusionContext } from './context.js';
import type { EntityIndex } from './entities.js';
import { describeEvent } from './events.js';
import { displayNumber, numberKey, type Quantity } from './numbers.js';
import type { Citation, DossierEvent, DossierQuote, Fact, FactKind } from './types.js';

type Draft = { kind: FactKind; text: string; sources: readonly Citation[]; about: Fact['about'] };

export function buildFacts(
  ctx: FusionContext,
  entities: EntityIndex,
  events: readonly DossierEvent[],
  quotes: readonly DossierQuote[],
  quantities: readonly Quantity[],
): Fact[] {
  const drafts: Draft[] = [];
  for (const e of events) {
    // A statement is its quote; an event known only by its type ("a deployment") states nothing.
    if (e.type === 'statement' || e.type === 'announcement') continue;
    if (e.date || e.place || e.format || e.topic) drafts.push({ kind: 'event', text: capitalise(e.description), sources: e.sources, about: { eventId: e.id } });
    // Nobody has taken part in a planned meeting yet; the verb says it is to come, so the event needs no "planned".
    const event = e.modality.value === 'actual' ? e.description : describeEvent(e.type, e.format?.value, e.place?.value, e.date?.value, e.topic);
    const takePart = (plural: boolean): string =>
      e.modality.value === 'planned' ? `${plural ? 'are' : 'is'} to take part in the` : e.modality.value === 'possible' ? 'could take part in the' : 'took part in the';
    for (const p of e.participants) {
      const entity = p.entityId ? entities.byId(p.entityId) : undefined;
      if (entity?.unnamed || entity?.plural) continue;
      drafts.push({ kind: 'participation', text: capitalise(`${p.name} ${takePart(isPluralGroup(p.name))} ${event}`), sources: p.sources, about: { eventId: e.id, ...(p.entityId ? { entityId: p.entityId } : {}) } });
    }
    const byCount = new Map<string, { display: string; unit: string; sources: Citation[] }>();
    for (const c of e.participantCounts) {
      const key = `${numberKey(c.value, c.qualifier)} ${c.unit}`;
      const entry = byCount.get(key) ?? { display: displayNumber(c.value, c.qualifier), unit: c.unit, sources: [] };
      entry.sources.push(c.source);
      byCount.set(key, entry);
    }
    for (const c of byCount.values()) {
      drafts.push({ kind: 'event', text: `${capitalise(c.display)} ${c.unit} ${takePart(true)} ${event}`, sources: c.sources, about: { eventId: e.id } });
    }
    const byCasualty = new Map<string, { text: string; sources: Citation[] }>();
    for (const c of e.casualties ?? []) {
      const key = `${c.kind} ${numberKey(c.value, c.qualifier)} ${c.unit}`;
      const verb = c.kind === 'missing' ? (c.value === 1 ? 'is missing after' : 'are missing after') : `${c.value === 1 ? 'was' : 'were'} ${c.kind} in`;
      const entry = byCasualty.get(key) ?? { text: `${capitalise(displayNumber(c.value, c.qualifier))} ${c.unit} ${verb} the ${e.description}`, sources: [] };
      entry.sources.push(c.source);
      byCasualty.set(key, entry);
    }
    for (const c of byCasualty.values()) drafts.push({ kind: 'quantity', text: c.text, sources: c.sources, about: { eventId: e.id } });
    const byTally = new Map<string, Citation[]>();
    for (const t of e.tallies ?? []) {
      const key = `${t.inFavour} in favour, ${t.against} against${t.abstentions !== undefined ? `, ${t.abstentions} abstaining` : ''}`;
      byTally.set(key, [...(byTally.get(key) ?? []), t.source]);
    }
    for (const [tally, sources] of byTally) drafts.push({ kind: 'quantity', text: `${capitalise(e.description)}: ${tally}`, sources, about: { eventId: e.id } });
  }
  for (const q of quotes) {
    // Words nobody is named for state no fact about anyone.
    if (q.speakers.length === 0 && q.speaker === 'unknown') continue;
    const citations = q.sources.flatMap((s) => {
      const first = s.content[0];
      const last = s.content.at(-1);
      return first && last ? [ctx.cite(s.articleId, { start: first.start, end: last.end })] : [];
    });
    drafts.push({ kind: 'quote', text: capitalise(quoteFact(q)), sources: citations, about: { quoteId: q.id, ...(q.speakerId ? { entityId: q.speakerId } : {}) } });
  }
  for (const entity of entities.entities) {
    if (entity.unnamed || entity.plural) continue;
    for (const role of entity.roles) {
      if (role.sources.length === 0) continue;
      drafts.push({ kind: 'role', text: `${entity.name}: ${role.role}`, sources: role.sources, about: { entityId: entity.id } });
    }
  }
  // "About 1,000 troops" and "1,000 troops" state one fact; "more than 1,000" is a different one.
  const byQuantity = new Map<string, { displays: string[]; unit: string; sources: Citation[] }>();
  for (const q of quantities) {
    const key = `${q.unit} ${q.qualifier === 'about' ? numberKey(q.value, 'exact') : numberKey(q.value, q.qualifier)}`;
    const entry = byQuantity.get(key) ?? { displays: [], unit: q.unit, sources: [] };
    entry.displays.push(displayNumber(q.value, q.qualifier));
    entry.sources.push(q.citation);
    byQuantity.set(key, entry);
  }
  for (const q of byQuantity.values()) {
    drafts.push({ kind: 'quantity', text: `${capitalise(commonest(q.displays))} ${plural(q.unit)}`, sources: q.sources, about: {} });
  }

  return drafts
    .filter((d) => d.sources.length > 0)
    .map((d, i) => {
      const support = ctx.support(d.sources.map((s) => s.articleId));
      return { id: `f${i + 1}`, kind: d.kind, text: d.text, sources: d.sources, support, singleSource: support.singleSource, about: d.about };
    });
}

/** "defence ministers" takes "are"; a name ("United States", "Joint Forces Command") and a person take "is". */
function isPluralGroup(name: string): boolean {
  const last = /(\p{L}+)$/u.exec(name)?.[1] ?? '';
  return last === last.toLowerCase() && /[^s]s$/.test(last);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function commonest(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** "Ada Marlow: “…”", "Jean Arnaud called the talks a “frank and useful exchange”", "According to two diplomats, …". */
export function quoteFact(q: DossierQuote): string {
  if (q.direct) return `${q.speaker}: “${q.text}”`;
  if (q.cue === 'according to') return `According to ${q.speaker}, ${sentenceInside(q.text)}`;
  // A passive cue keeps its order: "The closure was first reported by the Vell Courier".
  if (q.cue !== undefined && isPassiveCue(q.cue)) return `${capitalise(q.text)} ${q.cue} ${q.speaker}`;
  // "told" needs its hearer, which the quote's text does not carry.
  const verb = q.cue === undefined || q.cue === 'told' || q.cue === 'tells' ? 'said' : q.cue;
  return `${q.speaker} ${verb} ${sentenceInside(q.text)}`;
}

/** Words that open a sentence but not a name: lower-cased when the sentence becomes a clause ("said the chiefs …"). */
const CLAUSE_OPENERS = new Set(['the', 'a', 'an', 'each', 'every', 'some', 'most', 'many', 'no', 'all', 'it', 'its', 'they', 'their', 'he', 'his', 'she', 'her', 'we', 'our', 'this', 'that', 'these', 'those', 'there', 'one', 'two', 'three', 'several', 'any', 'both', 'neither', 'none', 'what', 'when', 'if',
  'until', 'after', 'before', 'since', 'during', 'while', 'once', 'in', 'on', 'at', 'for', 'from', 'by', 'under', 'without', 'with', 'despite', 'although', 'though', 'because', 'however', 'meanwhile', 'so', 'but', 'and', 'yet',
  'last', 'next', 'earlier', 'later', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'more', 'fewer',
  'about', 'around', 'nearly', 'almost', 'only', 'i', 'you', 'my', 'your', 'us', 'them', 'not', 'nobody', 'everyone', 'such', 'other', 'another']);

function sentenceInside(text: string): string {
  const first = /^\p{L}+/u.exec(text)?.[0] ?? '';
  // ("I" stays as it is.)
  if (first === 'I') return text;
  return CLAUSE_OPENERS.has(first.toLowerCase()) && first !== first.toLowerCase() ? first.toLowerCase() + text.slice(first.length) : text;
}
