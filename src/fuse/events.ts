/**
 * Events across reports: the per-article events merged when they are the same happening (compatible type, date,
 * place and format), ordered on a timeline. Two reports that put one meeting in the same place on different days are
 * one event with a disputed date, not two events; two meetings a week apart, or one by video and one in person, stay
 * two events.
 *
 * A report without a publication date leaves relative dates unresolved ("on Wednesday" = XXXX-WXX-3). When such a
 * date, resolved against another report's publication date, lands on the date another report gives the same event,
 * that publication date becomes the report's reference date and all its relative event dates are resolved with it.
 */
import { shiftDate } from '../analyze/events/index.js';
import type { ArticleEvent, EventFormat, EventModality, EventType } from '../analyze/events/types.js';
import { resolveTimex } from '../analyze/time/index.js';
import type { FusionContext, Report, StoryInput } from './context.js';
import { dateRange, displayDate, DISPUTED_DATES, durationsDisagree, isResolved, relateDates } from './dates.js';
import type { EntityIndex } from './entities.js';
import type { Citation, DossierArticle, DossierCasualty, DossierCount, DossierTally, DossierEvent, DossierParticipant, Stated, Support, TimelineEntry } from './types.js';
import { fold, normaliseWords, overlapRatio } from './text.js';

/** Event types that can name the same happening in different reports ("met by video link" / "the call"). */
const TYPE_GROUPS: readonly (readonly EventType[])[] = [
  ['meeting', 'call', 'summit', 'news-conference'],
  ['statement', 'announcement'],
  ['speech'],
  ['visit'],
  ['attack'],
  ['agreement'],
  ['vote'],
  ['deployment'],
  ['other'],
];
/** Evidence score two events need to merge with no conflict: e.g. same day (2) or same place (2). */
const MIN_MERGE_SCORE = 2;
/** Evidence score needed to merge despite a conflicting place: the same day plus at least two more agreements. */
const MIN_SCORE_DESPITE_PLACE_CONFLICT = 4;
/**
 * Planned events further apart than a disputed day may still be one: "the chiefs will meet again in January" and "…
 * in February" in two reports are one next meeting whose date the reports dispute. Within this many days, two planned
 * events of one kind from different reports are compared as one event with a date conflict.
 */
const MAX_DISPUTED_PLANNED_GAP_DAYS = 62;
/** Topic word overlap (of the smaller topic) that counts as the same subject. */
const SAME_TOPIC_OVERLAP = 0.5;

const TOPIC_STOPWORDS = new Set(['the', 'a', 'an', 'of', 'to', 'for', 'on', 'in', 'and', 'what', 'how', 'could', 'would', 'discuss', 'about']);

export interface EventCandidate {
  readonly report: Report;
  readonly event: ArticleEvent;
  readonly type: EventType;
  readonly group: number;
  /** Resolved date value (story-resolved when the report had none), or undefined. */
  readonly date?: string;
  /** The date as the report left it, when the story resolved it. */
  readonly unresolvedDate?: string;
  readonly placeKey?: string;
  readonly format?: EventFormat;
  readonly participantKeys: ReadonlySet<string>;
  /** Stated participant counts as `value qualifier unit` ("30 all member states"). */
  readonly countKeys: ReadonlySet<string>;
  readonly topicWords: readonly string[];
  /** The naming words' place in their sentence and the sentence, to recognise one event in a report and its copy. */
  readonly sentenceKey: string;
}

interface Comparison {
  readonly compatible: boolean;
  readonly score: number;
  readonly dateConflict: boolean;
  readonly placeConflict: boolean;
}

function typeGroup(type: EventType): number {
  const i = TYPE_GROUPS.findIndex((g) => g.includes(type));
  return i < 0 ? TYPE_GROUPS.length : i;
}

function publishedDay(report: { readonly article: StoryInput['reports'][number]['article']; readonly analysis: StoryInput['reports'][number]['analysis'] }): string | undefined {
  const value = report.analysis.published ?? report.article.metadata.published?.value;
  return value === undefined ? undefined : /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
}

/** An event's date, resolved against `reference` when the report left it relative. */
function resolvedDate(report: Pick<Report, 'analysis'>, event: ArticleEvent, reference: string | undefined, depth = 0): string | undefined {
  const date = event.date;
  if (!date) return undefined;
  if (isResolved(date.value)) return date.value;
  if (!reference) return undefined;
  // "a week after the summit", the summit dated "on Wednesday" in a report without a date: the summit's date, once
  // resolved against the reference date, moved by the offset.
  if (date.relativeTo !== undefined && date.offset && depth < MAX_RELATIVE_CHAIN) {
    const anchor = report.analysis.events.find((e) => e.id === date.relativeTo);
    const from = anchor ? resolvedDate(report, anchor, reference, depth + 1) : undefined;
    return from ? shiftDate(from, date.offset.amount, date.offset.unit) : undefined;
  }
  const timex = date.timexIndex === undefined ? undefined : report.analysis.times[date.timexIndex];
  if (!timex?.relative) return undefined;
  const value = resolveTimex(timex, reference).value;
  return isResolved(value) ? value : undefined;
}

/** Longest chain of event dates counted one from another that is followed (a cycle would otherwise never end). */
const MAX_RELATIVE_CHAIN = 5;

/**
 * Reference dates for reports that have none, chosen among the other reports' publication days as the one under
 * which most of the report's relative event dates coincide with a date another report gives an event of the same
 * kind. Reports without any such coincidence get none.
 */
export function inferReferenceDates(story: StoryInput): Map<string, NonNullable<DossierArticle['inferredReferenceDate']>> {
  const out = new Map<string, NonNullable<DossierArticle['inferredReferenceDate']>>();
  const dated = story.reports.filter((r) => publishedDay(r) !== undefined);
  const known: { articleId: string; group: number; date: string }[] = [];
  for (const r of dated) {
    for (const e of r.analysis.events) {
      const d = resolvedDate(r, e, publishedDay(r));
      if (d) known.push({ articleId: r.article.id, group: typeGroup(e.type), date: d });
    }
  }
  const firstByDay = new Map<string, string>();
  for (const r of dated) {
    const day = publishedDay(r) ?? '';
    const seen = firstByDay.get(day);
    if (seen === undefined || r.article.id < seen) firstByDay.set(day, r.article.id);
  }
  const candidates = [...firstByDay.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const r of story.reports) {
    if (publishedDay(r) !== undefined) continue;
    const relative = r.analysis.events.filter((e) => e.date && !isResolved(e.date.value));
    if (relative.length === 0) continue;
    let best: { value: string; fromArticleId: string; matchedEvents: number } | undefined;
    for (const [day, fromArticleId] of candidates) {
      let matched = 0;
      for (const e of relative) {
        const d = resolvedDate(r, e, day);
        if (d && known.some((k) => k.group === typeGroup(e.type) && relateDates(k.date, d) === 'same')) matched++;
      }
      if (matched > 0 && (!best || matched > best.matchedEvents)) best = { value: day, fromArticleId, matchedEvents: matched };
    }
    if (best) out.set(r.article.id, best);
  }
  return out;
}

export function candidatesOf(ctx: FusionContext, entities: EntityIndex): EventCandidate[] {
  const out: EventCandidate[] = [];
  for (const report of ctx.reports) {
    const id = report.article.id;
    const inferred = ctx.articles[report.index]?.inferredReferenceDate?.value;
    const reference = publishedDay(report) ?? inferred;
    for (const event of report.analysis.events) {
      if (ctx.inHeadline(id, event.trigger)) continue;
      const date = resolvedDate(report, event, reference);
      const placeEntity = entities.lookup(id, event.place?.entityId);
      const participantKeys = new Set(event.participants.map((p) => entities.lookup(id, p.entityId)?.id ?? `name:${fold(p.name)}`));
      out.push({
        report,
        event,
        type: event.type,
        group: typeGroup(event.type),
        ...(date ? { date } : {}),
        ...(date && event.date && !isResolved(event.date.value) ? { unresolvedDate: event.date.value } : {}),
        ...(event.place ? { placeKey: placeEntity?.id ?? `name:${fold(event.place.name)}` } : {}),
        ...(event.format ? { format: event.format.value } : {}),
        participantKeys,
        countKeys: new Set(event.participantCounts.map((n) => `${n.value} ${n.qualifier} ${fold(n.unit)}`)),
        topicWords: event.topic ? normaliseWords(event.topic.text).filter((w) => !TOPIC_STOPWORDS.has(w)) : [],
        sentenceKey: sentenceKey(ctx.cite(id, event.trigger)),
      });
    }
  }
  return out;
}

function sentenceKey(c: Citation): string {
  return `${c.start - c.sentence.start}:${c.end - c.start}:${c.sentence.text}`;
}

function bothPlanned(a: EventCandidate, b: EventCandidate): boolean {
  return a.event.modality === 'planned' && b.event.modality === 'planned';
}

/** Days between the nearest ends of two date values' ranges (0 when they overlap). */
function daysApart(a: string, b: string): number {
  const ra = dateRange(a);
  const rb = dateRange(b);
  if (ra.from === undefined || ra.to === undefined || rb.from === undefined || rb.to === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, ra.from - rb.to, rb.from - ra.to);
}

function compare(a: EventCandidate, b: EventCandidate): Comparison {
  const no: Comparison = { compatible: false, score: 0, dateConflict: false, placeConflict: false };
  if (a.group !== b.group) return no;
  let score = a.type === b.type ? 1 : 0;
  let dateConflict = false;
  let placeConflict = false;
  if (a.date && b.date) {
    const relation = relateDates(a.date, b.date);
    if (relation === 'apart' && !(bothPlanned(a, b) && daysApart(a.date, b.date) <= MAX_DISPUTED_PLANNED_GAP_DAYS)) return no;
    if (relation === 'apart') dateConflict = true;
    if (relation === 'same') score += 2;
    else if (relation === 'contains') score += 1;
    else if (relation === 'near') dateConflict = true;
  }
  // What one report says will happen and what another says happened are one event only on the same date ("the summit
  // will open on Tuesday" before, "opened on Tuesday" after): "ministers met in Oslo" is not "the chiefs will meet again".
  const planned = (x: EventCandidate): boolean => x.event.modality === 'planned';
  if (planned(a) !== planned(b) && !(a.date && b.date && ['same', 'contains'].includes(relateDates(a.date, b.date)))) return no;
  if (a.placeKey && b.placeKey) {
    if (a.placeKey === b.placeKey) score += 2;
    else placeConflict = true;
  }
  if (a.format && b.format && a.format !== 'hybrid' && b.format !== 'hybrid') {
    const remote = (f: EventFormat): boolean => f === 'virtual' || f === 'phone';
    if (remote(a.format) !== remote(b.format)) return no;
    score += 1;
  }
  let shared = 0;
  for (const k of a.participantKeys) if (b.participantKeys.has(k)) shared++;
  score += Math.min(shared, 2) * 0.5;
  if (overlapRatio(a.topicWords, b.topicWords) >= SAME_TOPIC_OVERLAP) score += 1;
  // The same stated number of participants ("about 1,000 troops") is evidence of the same happening.
  for (const k of a.countKeys) {
    if (b.countKeys.has(k)) {
      score += 1;
      break;
    }
  }
  // A syndicated copy names the event in the very sentence of its original.
  if (a.report.article.id !== b.report.article.id && a.sentenceKey === b.sentenceKey) score += MIN_MERGE_SCORE;
  return { compatible: true, score, dateConflict, placeConflict };
}

/**
 * How `c` relates to one member of a cluster: 'no' rules the merge out (different kind, days far apart, video vs in
 * person, a different day *and* place, or a report contradicting itself); 'merge' is enough evidence on this pair
 * alone; 'conflict' is a disputed place without enough evidence to merge on; 'weak' is compatible, little evidence.
 * A different day is only ever the same event in the same place.
 */
type Link = 'no' | 'merge' | 'conflict' | 'weak';

function link(c: EventCandidate, member: EventCandidate): { link: Link; score: number } {
  const cmp = compare(c, member);
  if (!cmp.compatible) return { link: 'no', score: 0 };
  const sameArticle = c.report.article.id === member.report.article.id;
  if (cmp.dateConflict && cmp.placeConflict) return { link: 'no', score: 0 };
  if (sameArticle && (cmp.dateConflict || cmp.placeConflict)) return { link: 'no', score: 0 };
  // One report telling of a video meeting and of a phone call tells of two events (across reports the same two
  // formats are a disagreement about one event).
  if (sameArticle && c.format && member.format && c.format !== member.format && c.format !== 'hybrid' && member.format !== 'hybrid') return { link: 'no', score: 0 };
  // Two reports' next meeting is one event whatever the date they give it, when nothing else sets them apart and they
  // agree on enough (kind and format, or topic): one report cannot name the same planned meeting for two dates.
  if (cmp.dateConflict && bothPlanned(c, member) && !cmp.placeConflict) return { link: cmp.score >= MIN_MERGE_SCORE ? 'merge' : 'no', score: cmp.score };
  if (cmp.dateConflict) return { link: c.placeKey !== undefined && c.placeKey === member.placeKey ? 'merge' : 'no', score: cmp.score };
  if (cmp.placeConflict) return { link: cmp.score >= MIN_SCORE_DESPITE_PLACE_CONFLICT ? 'merge' : 'conflict', score: cmp.score };
  return { link: cmp.score >= MIN_MERGE_SCORE ? 'merge' : 'weak', score: cmp.score };
}

/**
 * Greedy clustering in dossier order. A candidate joins the cluster it links best to when no member rules it out
 * and at least one member gives enough evidence: a report saying "in Keldhaven" joins the meeting another report
 * puts in Keldhaven even if a third report, already in the cluster, puts it in Norvik.
 */
export function clusterEvents(candidates: readonly EventCandidate[]): EventCandidate[][] {
  const clusters: EventCandidate[][] = [];
  for (const c of candidates) {
    let best: { cluster: EventCandidate[]; score: number } | undefined;
    for (const cluster of clusters) {
      const links = cluster.map((member) => link(c, member));
      if (links.some((l) => l.link === 'no') || !links.some((l) => l.link === 'merge')) continue;
      const score = Math.max(...links.filter((l) => l.link === 'merge').map((l) => l.score));
      if (!best || score > best.score) best = { cluster, score };
    }
    if (best) best.cluster.push(c);
    else clusters.push([c]);
  }
  return clusters;
}

/** Values of one property across a cluster, grouped, most-supported first (ties: first seen). */
function stated<T extends string>(
  ctx: FusionContext,
  entries: readonly { value: T; key: string; citation: Citation }[],
  finer: (a: T, b: T) => number = () => 0,
): { values: { value: T; key: string; sources: Citation[]; support: Support }[] } {
  const groups = new Map<string, { value: T; key: string; sources: Citation[] }>();
  for (const e of entries) {
    const g = groups.get(e.key) ?? { value: e.value, key: e.key, sources: [] };
    g.sources.push(e.citation);
    groups.set(e.key, g);
  }
  const values = [...groups.values()].map((g) => ({ ...g, support: ctx.support(g.sources.map((s) => s.articleId)) }));
  values.sort((a, b) => finer(a.value, b.value) || b.support.independentSources - a.support.independentSources || b.support.reports - a.support.reports);
  return { values };
}

function asStated<T extends string>(values: readonly { value: T; sources: Citation[]; support: Support }[], disputed: boolean): Stated<T> | undefined {
  const first = values[0];
  if (!first) return undefined;
  return { value: first.value, values: values.map((v) => ({ value: v.value, sources: v.sources, support: v.support })), disputed };
}

const GRAIN_RANK: Record<string, number> = { day: 0, week: 1, month: 2, year: 3, unknown: 4 };

export function buildEvents(ctx: FusionContext, entities: EntityIndex, clusters: readonly EventCandidate[][]): DossierEvent[] {
  return clusters.map((cluster, i) => {
    const id = `ev${i + 1}`;
    const cite = (c: EventCandidate, span: { start: number; end: number }): Citation => ctx.cite(c.report.article.id, span);

    const typeCounts = new Map<EventType, Set<string>>();
    for (const c of cluster) typeCounts.set(c.type, (typeCounts.get(c.type) ?? new Set()).add(ctx.sourceGroup(c.report.article.id)));
    let type: EventType = cluster[0]?.type ?? 'other';
    for (const [t, groups] of typeCounts) if (groups.size > (typeCounts.get(type)?.size ?? 0)) type = t;

    const dateEntries = cluster.flatMap((c) => (c.date ? [{ value: c.date, key: c.date, citation: cite(c, c.event.date?.span ?? c.event.trigger) }] : []));
    const grain = (v: string): number => GRAIN_RANK[/^\d{4}-\d{2}-\d{2}/.test(v) ? 'day' : /W/.test(v) ? 'week' : /^\d{4}-\d{2}$/.test(v) ? 'month' : /^\d{4}$/.test(v) ? 'year' : 'unknown'] ?? 4;
    const dates = stated(ctx, dateEntries, (a, b) => grain(a) - grain(b)).values;
    // Only a planned event's cluster holds dates further apart (see compare).
    const dateDisputed = dates.some((a, ai) => dates.some((b, bi) => bi > ai && DISPUTED_DATES.has(relateDates(a.value, b.value))));
    // The consensus date is the best-supported among the finest values given.
    const finest = dates.filter((d) => grain(d.value) === grain(dates[0]?.value ?? ''));
    const consensus = [...finest].sort((a, b) => b.support.independentSources - a.support.independentSources)[0];
    const orderedDates = consensus ? [consensus, ...dates.filter((d) => d !== consensus)] : dates;
    const resolvedFromStory = cluster.flatMap((c) =>
      c.unresolvedDate && c.date && c.event.date
        ? [{ articleId: c.report.article.id, text: c.event.date.span?.text ?? c.event.trigger.text, unresolved: c.unresolvedDate, value: c.date }]
        : [],
    );
    const dateStated = asStated(orderedDates, dateDisputed);

    const placeEntries = cluster.flatMap((c) => {
      const place = c.event.place;
      if (!place || !c.placeKey) return [];
      const name = entities.lookup(c.report.article.id, place.entityId)?.name ?? place.name;
      return [{ value: name, key: c.placeKey, citation: cite(c, place.span) }];
    });
    const places = stated(ctx, placeEntries).values;
    const formatEntries = cluster.flatMap((c) => (c.event.format ? [{ value: c.event.format.value, key: c.event.format.value, citation: cite(c, c.event.format.span) }] : []));
    const formats = stated(ctx, formatEntries).values;
    const formatDisputed = formats.some((f) => f.value !== 'hybrid') && new Set(formats.filter((f) => f.value !== 'hybrid').map((f) => f.value === 'in-person')).size > 1;

    const durationEntries = cluster.flatMap((c) => (c.event.duration ? [{ value: c.event.duration.value, key: c.event.duration.value, citation: cite(c, c.event.duration.span) }] : []));
    const durations = stated(ctx, durationEntries).values;
    const duration = asStated(durations, durations.some((a, ai) => durations.some((b, bi) => bi > ai && durationsDisagree(a.value, b.value))));

    const participants = new Map<string, { name: string; entityId?: string; kind: DossierParticipant['kind']; sources: Citation[] }>();
    for (const c of cluster) {
      for (const p of c.event.participants) {
        const ent = entities.lookup(c.report.article.id, p.entityId);
        const key = ent?.id ?? `name:${fold(p.name)}`;
        const entry = participants.get(key) ?? { name: ent?.name ?? p.name, ...(ent ? { entityId: ent.id } : {}), kind: p.kind, sources: [] };
        entry.sources.push(cite(c, p.span));
        participants.set(key, entry);
      }
    }
    const counts: DossierCount[] = cluster.flatMap((c) =>
      c.event.participantCounts.map((n) => ({ value: n.value, qualifier: n.qualifier, unit: n.unit, derivation: n.derivation, source: cite(c, n.span) })),
    );
    const casualties: DossierCasualty[] = cluster.flatMap((c) =>
      (c.event.casualties ?? []).map((n) => ({ kind: n.kind, value: n.value, qualifier: n.qualifier, unit: n.unit, source: cite(c, n.span) })),
    );
    const tallies: DossierTally[] = cluster.flatMap((c) => {
      const t = c.event.tally;
      return t ? [{ inFavour: t.inFavour, against: t.against, ...(t.abstentions !== undefined ? { abstentions: t.abstentions } : {}), source: cite(c, t.span) }] : [];
    });
    const topic = cluster.map((c) => c.event.topic?.text).find((t) => t !== undefined);
    const sources = cluster.map((c) => cite(c, c.event.trigger));
    const place = asStated(places, places.length > 1);
    const format = asStated(formats, formatDisputed);
    const modalityEntries = cluster.map((c) => {
      const value: EventModality = c.event.modality ?? 'actual';
      return { value, key: value, citation: cite(c, c.event.trigger) };
    });
    const modalities = stated(ctx, modalityEntries).values;
    const modality = asStated(modalities, new Set(modalities.map((m) => m.value === 'actual')).size > 1) ?? { value: 'actual' as const, values: [], disputed: false };
    const event: DossierEvent = {
      id,
      type,
      description: describeEvent(type, format?.value, place?.value, dateStated?.value, topic, modality.value, [...participants.values()].map((p) => p.name)),
      ...(dateStated ? { date: resolvedFromStory.length > 0 ? { ...dateStated, resolvedFromStory } : dateStated } : {}),
      ...(place ? { place } : {}),
      ...(format ? { format } : {}),
      ...(duration ? { duration } : {}),
      modality,
      ...(topic !== undefined ? { topic } : {}),
      participants: [...participants.values()].map((p) => ({ ...p, support: ctx.support(p.sources.map((s) => s.articleId)) })),
      participantCounts: counts,
      ...(casualties.length > 0 ? { casualties } : {}),
      ...(tallies.length > 0 ? { tallies } : {}),
      sources,
      support: ctx.support(sources.map((s) => s.articleId)),
    };
    return event;
  });
}

export function describeEvent(
  type: EventType,
  format: EventFormat | undefined,
  place: string | undefined,
  date: string | undefined,
  topic: string | undefined,
  modality: EventModality = 'actual',
  speakers: readonly string[] = [],
): string {
  const formatText = format === 'virtual' ? 'video ' : format === 'phone' ? 'phone ' : format === 'in-person' ? 'in-person ' : '';
  const modalityText = modality === 'actual' ? '' : `${modality} `;
  const what = `${modalityText}${type === 'call' && formatText === 'video ' ? 'video call' : `${formatText}${type.replace('-', ' ')}`}`;
  const when = date ? `${/^\d{4}-\d{2}-\d{2}/.test(date) ? 'on' : 'in'} ${displayDate(date)}` : '';
  // A visit is to its place ("visit to Kyiv"); other events happen in it.
  const where = place ? `${type === 'visit' ? 'to' : 'in'} ${place}` : '';
  // A statement, speech or news conference is told by whom ("statement by Karl Odin on Tuesday 1 December 2026").
  const by = speakers.length > 0 && SPOKEN_EVENTS.has(type) ? `by ${speakers.slice(0, 2).join(' and ')}${speakers.length > 2 ? ' and others' : ''}` : '';
  return [what, by, where, when, topic ? `(${topic})` : ''].filter((s) => s !== '').join(' ');
}

const SPOKEN_EVENTS: ReadonlySet<EventType> = new Set(['statement', 'announcement', 'speech', 'news-conference']);

export function buildTimeline(events: readonly DossierEvent[]): TimelineEntry[] {
  return events
    .filter((e) => e.date && isResolved(e.date.value))
    .map((e) => ({
      date: e.date?.value ?? '',
      eventId: e.id,
      label: e.description,
      modality: e.modality.value,
      disputed: e.date?.disputed ?? false,
      alternatives: (e.date?.values ?? []).map((v) => v.value).filter((v) => v !== e.date?.value),
      support: e.support,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.eventId < b.eventId ? -1 : 1));
}
