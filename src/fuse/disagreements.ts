/**
 * Disagreements: where independent reports give values that cannot all be true. Each lists every value with its
 * sources side by side and says which values conflict and which are merely imprecise ("more than 20" is compatible
 * with both 30 and 21, so it is listed but marked compatible).
 */
import type { FusionContext } from './context.js';
import { displayDate, displayDuration, DISPUTED_DATES, durationsDisagree, relateDates } from './dates.js';
import { describeEvent } from './events.js';
import type { EntityIndex } from './entities.js';
import { comparableUnit, displayNumber, interval, intervalsConflict, isStateUnit, numberKey, type Qualifier, type Quantity } from './numbers.js';
import { plural } from './facts.js';
import type { Citation, Disagreement, DisagreementKind, DisagreementValue, DossierEntity, DossierEvent, DossierQuote, Support } from './types.js';
import { nameWords, roleKey } from './text.js';


interface Draft {
  kind: DisagreementKind;
  topic: string;
  values: DisagreementValue[];
  note: string;
  about: Disagreement['about'];
}

interface RawValue {
  key: string;
  display: string[];
  sources: Citation[];
}

function groupValues(entries: readonly { key: string; display: string; citation: Citation }[]): RawValue[] {
  const groups = new Map<string, RawValue>();
  for (const e of entries) {
    const g = groups.get(e.key) ?? { key: e.key, display: [], sources: [] };
    if (!g.display.includes(e.display)) g.display.push(e.display);
    g.sources.push(e.citation);
    groups.set(e.key, g);
  }
  return [...groups.values()];
}

/** Values with their conflicts filled in; undefined when nothing conflicts. */
function withConflicts(ctx: FusionContext, raw: readonly RawValue[], conflict: (a: string, b: string) => boolean): DisagreementValue[] | undefined {
  const supports = raw.map((r) => ctx.support(r.sources.map((s) => s.articleId)));
  const order = raw.map((_, i) => i).sort((a, b) => (supports[b]?.independentSources ?? 0) - (supports[a]?.independentSources ?? 0) || a - b);
  const sorted = order.map((i) => ({ raw: raw[i] as RawValue, support: supports[i] as Support }));
  const values = sorted.map((v, i) => {
    const conflictsWith = sorted.flatMap((w, j) => (j !== i && conflict(v.raw.key, w.raw.key) && !sameSourcesOnly(ctx, v.support, w.support) ? [j] : []));
    return {
      value: v.raw.key,
      display: v.raw.display.join(' / '),
      status: conflictsWith.length > 0 ? ('conflicting' as const) : ('compatible' as const),
      conflictsWith,
      sources: v.raw.sources,
      support: v.support,
    };
  });
  return values.some((v) => v.status === 'conflicting') ? values : undefined;
}

/** "120–40", "9–6 (3 abstentions)": in favour, against and abstentions. */
function tallyKey(t: { inFavour: number; against: number; abstentions?: number }): string {
  return `${t.inFavour}–${t.against}${t.abstentions !== undefined ? ` (${t.abstentions} abstentions)` : ''}`;
}

/** Casualty counts of "people" and "persons" compare with each other; soldiers, civilians or children (a part of them) are their own. */
function casualtyGroup(unit: string): string {
  const u = unit.toLowerCase();
  return u === 'persons' || u === 'others' ? 'people' : u;
}

/** A report (or its copy) contradicting only itself is not a disagreement between sources. */
function sameSourcesOnly(ctx: FusionContext, a: Support, b: Support): boolean {
  const ga = new Set(a.articleIds.map((id) => ctx.sourceGroup(id)));
  const gb = new Set(b.articleIds.map((id) => ctx.sourceGroup(id)));
  return ga.size === 1 && gb.size === 1 && [...ga][0] === [...gb][0];
}

function refs(ctx: FusionContext, support: Support): string {
  const articles = new Map(ctx.articles.map((a) => [a.id, a]));
  return support.articleIds.map((id) => {
    const a = articles.get(id);
    return a ? `${a.ref}${a.outlet ? ` ${a.outlet}` : ''}${a.duplicateOf ? ' (copy)' : ''}` : id;
  }).join(', ');
}

function numberValue(key: string): { value: number; qualifier: Qualifier } {
  const m = /^(<=|>=|=|~|>|<)(\d+(?:\.\d+)?)$/.exec(key);
  const qualifier: Qualifier = ({ '=': 'exact', '~': 'about', '>': 'more-than', '>=': 'at-least', '<': 'fewer-than', '<=': 'at-most' } as const)[(m?.[1] ?? '=') as '='] ?? 'exact';
  return { value: Number(m?.[2] ?? NaN), qualifier };
}

function numbersConflict(a: string, b: string): boolean {
  const x = numberValue(a);
  const y = numberValue(b);
  return intervalsConflict(interval(x.value, x.qualifier), interval(y.value, y.qualifier));
}

function numberNote(ctx: FusionContext, values: readonly DisagreementValue[], what: string): string {
  const compatible = values.filter((v) => v.status === 'compatible');
  const side = (v: DisagreementValue): string => `${displayNumber(numberValue(v.value).value, numberValue(v.value).qualifier)} (${refs(ctx, v.support)})`;
  // The value contradicting most others against those it contradicts: "5,000 vs about 1,000 / 1,000".
  const pivot = [...values].sort((a, b) => b.conflictsWith.length - a.conflictsWith.length)[0];
  const against = pivot ? pivot.conflictsWith.map((i) => values[i]).filter((v): v is DisagreementValue => v !== undefined) : [];
  const rest = values.filter((v) => v.status === 'conflicting' && v !== pivot && !against.includes(v));
  let note = `Conflict on ${what}: ${pivot ? side(pivot) : ''} vs ${against.map(side).join(' / ')}${rest.length > 0 ? `; also conflicting: ${rest.map(side).join(', ')}` : ''}.`;
  if (compatible.length > 0) {
    note += ` Imprecise, consistent with every other value: ${compatible.map(side).join('; ')}.`;
  }
  return note;
}

export function findDisagreements(
  ctx: FusionContext,
  entities: EntityIndex,
  events: readonly DossierEvent[],
  quotes: readonly DossierQuote[],
  quantities: readonly Quantity[],
): Disagreement[] {
  const drafts: Draft[] = [];
  for (const e of events) {
    // How many took part: counts of states compared as one quantity, other units each on their own.
    const byUnit = new Map<string, { key: string; display: string; citation: Citation }[]>();
    for (const c of e.participantCounts) {
      if (!isStateUnit(c.unit)) continue;
      const unit = 'countries';
      const list = byUnit.get(unit) ?? [];
      list.push({ key: numberKey(c.value, c.qualifier), display: c.source.text, citation: c.source });
      byUnit.set(unit, list);
    }
    for (const [unit, entries] of byUnit) {
      const values = withConflicts(ctx, groupValues(entries), numbersConflict);
      if (!values) continue;
      drafts.push({
        kind: 'participant-count',
        topic: `How many ${unit} took part in the ${e.description}`,
        values,
        note: numberNote(ctx, values, `the number of ${unit}`),
        about: { eventId: e.id },
      });
    }

    // Casualties: each report's highest figure per kind and counted group (tolls rise as a story goes on, so a
    // report's earlier, lower figure is its own update, not a disagreement), compared across reports.
    const byCasualty = new Map<string, Map<string, { key: string; least: number; display: string; citation: Citation }>>();
    for (const c of e.casualties ?? []) {
      const group = `${c.kind} ${casualtyGroup(c.unit)}`;
      const perReport = byCasualty.get(group) ?? new Map();
      const least = interval(c.value, c.qualifier)[0];
      const seen = perReport.get(c.source.articleId);
      if (!seen || least > seen.least) perReport.set(c.source.articleId, { key: numberKey(c.value, c.qualifier), least, display: c.source.text, citation: c.source });
      byCasualty.set(group, perReport);
    }
    for (const [group, perReport] of byCasualty) {
      const values = withConflicts(ctx, groupValues([...perReport.values()]), numbersConflict);
      if (!values) continue;
      const [kind = 'killed', ...unitWords] = group.split(' ');
      const unit = unitWords.join(' ');
      const verb = kind === 'missing' ? 'are missing' : `were ${kind}`;
      drafts.push({
        kind: 'casualty-count',
        topic: `How many ${unit} ${verb} in the ${e.description}`,
        values,
        note: numberNote(ctx, values, `the number of ${unit} ${kind}`),
        about: { eventId: e.id },
      });
    }

    // A vote's tally: reports giving different numbers for or against.
    if (e.tallies && e.tallies.length > 1) {
      const raw = groupValues(e.tallies.map((t) => ({ key: tallyKey(t), display: t.source.text, citation: t.source })));
      const values = withConflicts(ctx, raw, (a, b) => a !== b);
      if (values) {
        drafts.push({
          kind: 'vote-tally',
          topic: `How the ${e.description} went`,
          values,
          note: `Reports give different tallies: ${values.map((v) => `${v.value} (${refs(ctx, v.support)})`).join(' vs ')}.`,
          about: { eventId: e.id },
        });
      }
    }

    if (e.date?.disputed) {
      const raw = e.date.values.map((v) => ({ key: v.value, display: [displayDate(v.value)], sources: [...v.sources] }));
      const values = withConflicts(ctx, raw, (a, b) => DISPUTED_DATES.has(relateDates(a, b)));
      if (values) {
        drafts.push({
          kind: 'date',
          topic: `Date of the ${describeEvent(e.type, e.format?.value, e.place?.value, undefined, e.topic, e.modality.value)}`,
          values,
          note: `Reports put the same ${e.type} on different ${values.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v.value)) ? 'days' : 'dates'}: ${values.filter((v) => v.status === 'conflicting').map((v) => `${v.display} (${refs(ctx, v.support)})`).join(' vs ')}.`,
          about: { eventId: e.id },
        });
      }
    }
    if (e.place?.disputed) {
      const raw = e.place.values.map((v) => ({ key: v.value, display: [v.value], sources: [...v.sources] }));
      const values = withConflicts(ctx, raw, (a, b) => a !== b);
      if (values) {
        drafts.push({ kind: 'place', topic: `Place of the ${e.description}`, values, note: `Reports put the same ${e.type} in different places.`, about: { eventId: e.id } });
      }
    }
    if (e.format?.disputed) {
      const raw = e.format.values.map((v) => ({ key: v.value, display: [v.value], sources: [...v.sources] }));
      const remote = (f: string): boolean => f === 'virtual' || f === 'phone';
      const values = withConflicts(ctx, raw, (a, b) => a !== 'hybrid' && b !== 'hybrid' && remote(a) !== remote(b));
      if (values) {
        drafts.push({ kind: 'format', topic: `Format of the ${e.description}`, values, note: 'Reports disagree on whether people met in person.', about: { eventId: e.id } });
      }
    }
    if (e.duration?.disputed) {
      const raw = e.duration.values.map((v) => ({ key: v.value, display: [displayDuration(v.value)], sources: [...v.sources] }));
      const values = withConflicts(ctx, raw, durationsDisagree);
      if (values) {
        drafts.push({
          kind: 'duration',
          topic: `Length of the ${e.description}`,
          values,
          note: `Reports give the same ${e.type} different lengths: ${values.filter((v) => v.status === 'conflicting').map((v) => `${v.display} (${refs(ctx, v.support)})`).join(' vs ')}.`,
          about: { eventId: e.id },
        });
      }
    }
    drafts.push(...representationDisagreements(ctx, entities, e));
  }

  for (const q of quotes) {
    const named = q.speakers.filter((s) => s.entityId !== undefined);
    if (named.length < 2) continue;
    const raw = named.map((s) => ({
      key: s.entityId ?? s.name,
      display: [s.name],
      sources: q.sources.filter((src) => src.speakerEntityId === s.entityId).map((src) => {
        const span = src.speakerMention ?? src.content[0] ?? { start: 0, end: 0, text: '' };
        return { articleId: src.articleId, ...span, sentence: src.sentence };
      }),
    }));
    const values = withConflicts(ctx, raw, (a, b) => a !== b);
    if (!values) continue;
    drafts.push({
      kind: 'attribution',
      topic: `Who said “${shorten(q.text)}”`,
      values,
      note: `The same words are attributed to ${values.map((v) => `${v.display} (${refs(ctx, v.support)})`).join(' and to ')}.`,
      about: { quoteId: q.id },
    });
  }

  const byUnit = new Map<string, { key: string; display: string; citation: Citation }[]>();
  for (const q of quantities) {
    // "about 40 ships" and "more than 60 vessels" count the same thing in other words.
    const unit = comparableUnit(q.unit);
    const list = byUnit.get(unit) ?? [];
    list.push({ key: numberKey(q.value, q.qualifier), display: q.citation.text, citation: q.citation });
    byUnit.set(unit, list);
  }
  for (const [unit, entries] of byUnit) {
    const values = withConflicts(ctx, groupValues(entries), numbersConflict);
    if (!values) continue;
    drafts.push({
      kind: 'quantity',
      topic: `Number of ${plural(unit)}`,
      values,
      note: `${numberNote(ctx, values, `the number of ${plural(unit)}`)} Check whether the reports count the same thing.`,
      about: {},
    });
  }

  const rank: Record<DisagreementKind, number> = { 'participant-count': 0, 'casualty-count': 0, 'vote-tally': 0, date: 1, place: 2, format: 3, duration: 3, participants: 4, attribution: 5, quantity: 6 };
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank[a.d.kind] - rank[b.d.kind] || a.i - b.i)
    .map(({ d }, i) => ({ id: `d${i + 1}`, ...d }));
}

/**
 * Who represented a country: two people of the same country named as participants of one event by different
 * sources, no source naming both (Veloria was represented by its defence minister per one report, by its deputy
 * defence minister per another).
 */
function representationDisagreements(ctx: FusionContext, entities: EntityIndex, e: DossierEvent): Draft[] {
  const people: { entity: DossierEntity; sources: Citation[]; roles: string[][] }[] = [];
  for (const p of e.participants) {
    const entity = p.entityId ? entities.byId(p.entityId) : undefined;
    if (!entity || entity.type !== 'person' || entity.unnamed || entity.plural) continue;
    const known = people.find((x) => x.entity.id === entity.id);
    if (known) known.sources.push(...p.sources);
    else people.push({ entity, sources: [...p.sources], roles: entity.roles.map((r) => roleKey(r.role).split(' ').filter((w) => w !== '')) });
  }
  // Slots: people of one country; a person whose country no report states joins the slot of someone holding the
  // same kind of post ("defence minister" / "deputy defence minister").
  const slots = new Map<string, { country: string; members: typeof people }>();
  for (const p of people) {
    const country = p.entity.nationality ?? p.entity.affiliation;
    if (!country) continue;
    const key = slotKey(country);
    const slot = slots.get(key) ?? { country, members: [] };
    slot.members.push(p);
    slots.set(key, slot);
  }
  for (const p of people) {
    if (p.entity.nationality ?? p.entity.affiliation) continue;
    const matches = [...slots.values()].filter((slot) => slot.members.some((m) => samePost(m.roles, p.roles)));
    if (matches.length === 1) matches[0]?.members.push(p);
  }
  const out: Draft[] = [];
  for (const slot of slots.values()) {
    if (slot.members.length < 2) continue;
    // Only people no source mentions together (as participants or anywhere else): a report that names both
    // is telling a longer story, not contradicting the other ("Marlow spoke; Spain's chief of defence, Ibarra, …").
    const groupsOf = slot.members.map(
      (p) => new Set([...p.sources.map((s) => s.articleId), ...p.entity.mentions.map((m) => m.articleId)].map((id) => ctx.sourceGroup(id))),
    );
    const exclusive = slot.members.filter((_, i) => groupsOf.every((g, j) => j === i || ![...(groupsOf[i] ?? [])].some((x) => g.has(x))));
    if (exclusive.length < 2) continue;
    const raw = exclusive.map((p) => ({ key: p.entity.id, display: [describePerson(p.entity)], sources: p.sources }));
    const values = withConflicts(ctx, raw, (a, b) => a !== b);
    if (!values) continue;
    out.push({
      kind: 'participants',
      topic: `Who represented ${slot.country} in the ${e.description}`,
      values,
      note: `Reports name different people for ${slot.country}: ${values.map((v) => `${v.display} (${refs(ctx, v.support)})`).join(' vs ')}; no report names both.`,
      about: { eventId: e.id },
    });
  }
  return out;
}

/** Two posts of the same kind: one role's words contain the other's, at least two words ("defence minister"). */
function samePost(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  const MIN_SHARED_ROLE_WORDS = 2;
  const contains = (x: readonly string[], y: readonly string[]): boolean => y.length >= MIN_SHARED_ROLE_WORDS && y.every((w) => x.includes(w));
  return a.some((x) => b.some((y) => contains(x, y) || contains(y, x)));
}

/** "Velorian" and "Veloria", "French" and "French", fold to one key: the first letters of the folded name. */
function slotKey(country: string): string {
  const SLOT_PREFIX = 5;
  return nameWords(country).join(' ').slice(0, SLOT_PREFIX);
}

function describePerson(entity: DossierEntity): string {
  const role = entity.roles[0]?.role;
  return role ? `${entity.name}, ${role}` : entity.name;
}

function shorten(text: string): string {
  const MAX_TOPIC_QUOTE = 80;
  return text.length <= MAX_TOPIC_QUOTE ? text : `${text.slice(0, MAX_TOPIC_QUOTE - 1).replace(/\s+\S*$/, '')}…`;
}
