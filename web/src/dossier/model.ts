/** Pure helpers over the dossier JSON: highlight spans, source labels, the entity graph's edges. */
import type { Citation, Dossier, DossierEntity, DossierQuote } from '../api.js';

/** A span of one article's text to highlight in the source reader. */
export interface Highlight {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
}

export interface Selection {
  readonly key: string;
  readonly label: string;
  readonly spans: readonly Highlight[];
  /** Reports to open side by side, when the item itself says which (the two sides of a disagreement). */
  readonly prefer?: readonly string[];
}

export const fromCitations = (cs: readonly Citation[]): Highlight[] => cs.map((c) => ({ articleId: c.articleId, start: c.start, end: c.end }));

export function quoteSpans(q: DossierQuote): Highlight[] {
  return q.sources.flatMap((s) => [
    ...s.content.map((c) => ({ articleId: s.articleId, start: c.start, end: c.end })),
    ...(s.speakerMention ? [{ articleId: s.articleId, start: s.speakerMention.start, end: s.speakerMention.end }] : []),
  ]);
}

export const entitySpans = (e: DossierEntity): Highlight[] => e.mentions.map((m) => ({ articleId: m.articleId, start: m.start, end: m.end }));

export interface SourceLabels {
  readonly ref: (articleId: string) => string;
  readonly name: (articleId: string) => string;
  readonly totalIndependent: number;
}

export function sourceLabels(d: Dossier): SourceLabels {
  const byId = new Map(d.articles.map((a) => [a.id, a] as const));
  const groups = new Set(d.articles.map((a) => a.sourceGroup));
  return {
    ref: (id) => byId.get(id)?.ref ?? id.slice(0, 6),
    name: (id) => {
      const a = byId.get(id);
      return a ? `${a.ref} ${a.outlet ?? a.title ?? ''}`.trim() : id.slice(0, 8);
    },
    totalIndependent: Math.max(1, groups.size),
  };
}

export type EdgeKind = 'took-part' | 'spoke-about';
export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly kind: 'person' | 'organisation' | 'gpe' | 'event';
  readonly spans: readonly Highlight[];
}
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly weight: number;
}

const GATHERINGS = new Set(['meeting', 'summit', 'call', 'visit', 'news-conference', 'agreement']);
const GRAPH_TYPES = new Set(['person', 'organisation', 'gpe']);

/** Outlet names the entity stage took for people ("Globe Wire" in a dateline) are not actors of the story. */
export function isOutlet(d: Dossier, name: string): boolean {
  const n = name.toLowerCase();
  return d.articles.some((a) => a.outlet?.toLowerCase() === n);
}

/**
 * Who met whom: gatherings are nodes joined to their named participants (a star per meeting
 * reads better than a clique of everyone in a call). Who spoke about whom: a speaker points
 * to the people, organisations and countries named inside their quoted words.
 */
export function entityGraph(d: Dossier): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const actors = new Map(
    d.entities.filter((e) => GRAPH_TYPES.has(e.type) && !e.unnamed && !e.plural && !isOutlet(d, e.name)).map((e) => [e.id, e] as const),
  );
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, { from: string; to: string; kind: EdgeKind; weight: number }>();
  const entityNode = (id: string) => {
    const e = actors.get(id)!;
    if (!nodes.has(id)) nodes.set(id, { id, label: e.name, kind: e.type as GraphNode['kind'], spans: entitySpans(e) });
  };
  const add = (from: string, to: string, kind: EdgeKind) => {
    const key = `${kind}|${from}|${to}`;
    const edge = edges.get(key) ?? { from, to, kind, weight: 0 };
    edge.weight++;
    edges.set(key, edge);
  };
  for (const event of d.events) {
    if (!GATHERINGS.has(event.type)) continue;
    const ids = [...new Set(event.participants.map((p) => p.entityId).filter((id): id is string => id !== undefined && actors.has(id)))];
    if (ids.length < 2) continue;
    const day = event.date?.value;
    nodes.set(event.id, { id: event.id, label: `${event.type}${day ? ` ${day.slice(5)}` : ''}`, kind: 'event', spans: fromCitations(event.sources) });
    for (const id of ids) {
      entityNode(id);
      add(id, event.id, 'took-part');
    }
  }
  for (const quote of d.quotes) {
    if (!quote.speakerId || !actors.has(quote.speakerId)) continue;
    for (const source of quote.sources) {
      for (const entity of actors.values()) {
        if (entity.id === quote.speakerId) continue;
        const named = entity.mentions.some(
          (m) => m.articleId === source.articleId && m.kind !== 'pronoun' && source.content.some((c) => m.start >= c.start && m.end <= c.end),
        );
        if (named) {
          entityNode(quote.speakerId);
          entityNode(entity.id);
          add(quote.speakerId, entity.id, 'spoke-about');
        }
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export function supportText(independent: number, reports: number, total: number): string {
  return `${independent} of ${total} source${total === 1 ? '' : 's'}${reports > independent ? ` · ${reports} reports` : ''}`;
}
