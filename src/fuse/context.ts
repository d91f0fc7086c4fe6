/**
 * What every fusion step needs: the reports in dossier order, which reports are copies of which, sentence lookup for
 * citations, and support counting that never counts a syndicated copy as a second source.
 */
import type { ArticleAnalysis } from '../analyze/analysis.js';
import type { Article, Span } from '../model/index.js';
import type { Citation, DossierArticle, SpanRef, Support } from './types.js';
import { normaliseWords } from './text.js';

export interface StoryInput {
  readonly storyId: string;
  readonly reports: readonly {
    readonly article: Article;
    readonly analysis: ArticleAnalysis;
    /** Article id of the report this one copies (syndication), as story clustering found it. */
    readonly duplicateOf?: string;
  }[];
}

export interface Report {
  readonly article: Article;
  readonly analysis: ArticleAnalysis;
  readonly ref: string;
  /** Position in dossier order. */
  readonly index: number;
}

/**
 * Two reports whose sentences are this similar (Jaccard over normalised sentences) are one text published twice:
 * syndicated copies differ by a dateline, a sentence added at the end or a changed headline, never by a third of
 * their sentences, while independent reports of one event share almost no sentence verbatim.
 */
const DUPLICATE_SENTENCE_JACCARD = 0.8;
/** Lines shorter than this without sentence-final punctuation are headline-like (teasers, subheadings). */
const MAX_HEADLINE_WORDS = 16;

export class FusionContext {
  readonly reports: readonly Report[];
  private readonly byId: ReadonlyMap<string, Report>;
  private readonly groupOf: ReadonlyMap<string, string>;
  readonly articles: readonly DossierArticle[];

  constructor(story: StoryInput, inferred: ReadonlyMap<string, NonNullable<DossierArticle['inferredReferenceDate']>> = new Map()) {
    const seen = new Set<string>();
    for (const r of story.reports) {
      if (seen.has(r.article.id)) throw new Error(`buildDossier: story "${story.storyId}" lists article ${r.article.id} twice`);
      seen.add(r.article.id);
      if (r.analysis.articleId !== r.article.id) {
        throw new Error(`buildDossier: analysis of ${r.analysis.articleId} given for article ${r.article.id}`);
      }
    }
    const ordered = [...story.reports].sort(compareReports);
    this.reports = ordered.map((r, index) => ({ article: r.article, analysis: r.analysis, ref: `R${index + 1}`, index }));
    this.byId = new Map(this.reports.map((r) => [r.article.id, r]));

    const declared = new Map<string, { of: string; by: 'input' | 'text-overlap' }>();
    for (const r of story.reports) {
      if (r.duplicateOf !== undefined && r.duplicateOf !== r.article.id && this.byId.has(r.duplicateOf)) {
        declared.set(r.article.id, { of: r.duplicateOf, by: 'input' });
      }
    }
    for (const [copy, original] of findTextDuplicates(this.reports)) {
      if (!declared.has(copy) && declared.get(original)?.of !== copy) declared.set(copy, { of: original, by: 'text-overlap' });
    }
    const groupOf = new Map<string, string>();
    const root = (id: string, depth = 0): string => {
      const next = declared.get(id);
      // A cycle in the input (a copy of a copy of itself) stops at the earliest report in dossier order.
      if (!next || depth > this.reports.length) return id;
      return root(next.of, depth + 1);
    };
    for (const r of this.reports) groupOf.set(r.article.id, root(r.article.id));
    this.groupOf = groupOf;

    this.articles = this.reports.map((r) => {
      const m = r.article.metadata;
      const dup = declared.get(r.article.id);
      const authors = m.authors?.value ?? [];
      const inferredDate = inferred.get(r.article.id);
      const a: DossierArticle = {
        id: r.article.id,
        ref: r.ref,
        origin: r.article.origin,
        ...(m.title ? { title: m.title.value } : {}),
        ...(m.outlet ? { outlet: m.outlet.value } : {}),
        authors: [...authors],
        ...(m.published ? { published: m.published.value } : {}),
        ...(m.canonicalUrl ?? m.url ? { url: (m.canonicalUrl ?? m.url)?.value ?? '' } : {}),
        ...(dup ? { duplicateOf: dup.of, duplicateDetectedBy: dup.by } : {}),
        duplicates: this.reports.filter((o) => declared.get(o.article.id)?.of === r.article.id).map((o) => o.article.id),
        sourceGroup: groupOf.get(r.article.id) ?? r.article.id,
        ...(inferredDate ? { inferredReferenceDate: inferredDate } : {}),
      };
      return a;
    });
  }

  report(articleId: string): Report {
    const r = this.byId.get(articleId);
    if (!r) throw new Error(`buildDossier: no report with article id ${articleId}`);
    return r;
  }

  sourceGroup(articleId: string): string {
    return this.groupOf.get(articleId) ?? articleId;
  }

  /** Support of an item carried by these articles (any order, repeats allowed). */
  support(articleIds: Iterable<string>): Support {
    const ids = new Set(articleIds);
    const ordered = this.reports.filter((r) => ids.has(r.article.id)).map((r) => r.article.id);
    const groups = new Set(ordered.map((id) => this.sourceGroup(id)));
    return { reports: ordered.length, independentSources: groups.size, articleIds: ordered, singleSource: groups.size <= 1 };
  }

  spanRef(articleId: string, span: Span): SpanRef {
    const text = this.report(articleId).article.text;
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
      throw new RangeError(`buildDossier: span [${span.start}, ${span.end}) is outside article ${articleId} (${text.length} characters)`);
    }
    return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
  }

  /** The sentence holding a span (the analysis' sentences; else the block; else the span itself). */
  sentenceOf(articleId: string, span: Span): SpanRef {
    const r = this.report(articleId);
    const inside = (s: Span): boolean => s.start <= span.start && span.start < Math.max(s.end, s.start + 1);
    const first = r.analysis.sentences.find(inside);
    if (first) {
      // A span running over several sentences (a two-sentence quote) cites all of them.
      let end = first.end;
      for (const s of r.analysis.sentences) if (s.start >= first.start && s.start < span.end) end = Math.max(end, s.end);
      return this.spanRef(articleId, { start: first.start, end: Math.max(end, span.end) });
    }
    const block = r.article.blocks.find(inside);
    return this.spanRef(articleId, block ?? span);
  }

  cite(articleId: string, span: Span): Citation {
    return { articleId, ...this.spanRef(articleId, span), sentence: this.sentenceOf(articleId, span) };
  }

  /**
   * True when the span lies in a headline-like line: a heading block, or a short line with no sentence-final
   * punctuation (a teaser headline left in the page). Facts are never built from such lines.
   */
  inHeadline(articleId: string, span: Span): boolean {
    const r = this.report(articleId);
    const block = r.article.blocks.find((b) => b.start <= span.start && span.start < b.end);
    if (!block) return false;
    if (block.kind === 'heading') return true;
    if (block.kind === 'list-item') return false;
    const text = r.article.text.slice(block.start, block.end).trim();
    const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    return words <= MAX_HEADLINE_WORDS && !/[.!?:;…"'”’)]$/u.test(text);
  }
}

/** Dossier order: publication instant (undated last), then article id, so the input order never matters. */
function compareReports(a: StoryInput['reports'][number], b: StoryInput['reports'][number]): number {
  const ta = instant(a.article.metadata.published?.value);
  const tb = instant(b.article.metadata.published?.value);
  if (ta !== tb) return ta - tb;
  return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
}

function instant(value: string | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** Pairs [copy, original] of reports whose texts are near-identical; the later report in dossier order is the copy. */
function findTextDuplicates(reports: readonly Report[]): [string, string][] {
  const sets = reports.map((r) => new Set(r.analysis.sentences.map((s) => normaliseWords(r.article.text.slice(s.start, s.end)).join(' ')).filter((s) => s !== '')));
  const out: [string, string][] = [];
  const isCopy = new Set<string>();
  for (let j = 0; j < reports.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = sets[i];
      const b = sets[j];
      const ri = reports[i];
      const rj = reports[j];
      if (!a || !b || !ri || !rj || a.size === 0 || b.size === 0 || isCopy.has(rj.article.id)) continue;
      let shared = 0;
      for (const s of a) if (b.has(s)) shared++;
      if (shared / (a.size + b.size - shared) >= DUPLICATE_SENTENCE_JACCARD) {
        const original = isCopy.has(ri.article.id) ? undefined : ri.article.id;
        if (original) {
          out.push([rj.article.id, original]);
          isCopy.add(rj.article.id);
        }
      }
    }
  }
  return out;
}
