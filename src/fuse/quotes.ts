/**
 * Quotes across reports: the same words quoted by several outlets merged into one quote with every source, counted
 * by independent source. Words match after normalisation (quote marks, case, accents, punctuation) when the shorter
 * version is (almost) a contiguous run of the longer one: a report quoting one sentence of a two-sentence quote, or a
 * partial quote ("backed by troops on the ground") of a full one.
 */
import type { QuoteRecord } from '../analyze/analysis.js';
import type { FusionContext } from './context.js';
import type { EntityIndex } from './entities.js';
import type { DossierQuote, QuoteSource, QuoteSpeaker } from './types.js';
import { fold, normaliseWords } from './text.js';

/** Shortest shared run of words that makes two quotes by the same speaker one quote ("frank and useful"). */
const MIN_SAME_SPEAKER_WORDS = 3;
/**
 * Shortest shared run that makes quotes given to different (or unknown) speakers the same words: long enough that
 * two people saying it independently is implausible, so a match means one report has the speaker wrong.
 */
const MIN_CROSS_SPEAKER_WORDS = 6;
/** Share of the shorter quote the shared run must cover: tolerates an edited word, not a different sentence. */
const MIN_COVERAGE = 0.8;

interface QuoteItem {
  readonly articleId: string;
  readonly quote: QuoteRecord;
  readonly source: QuoteSource;
  readonly speakerKey?: string;
  readonly speakerName?: string;
  readonly fragments: readonly (readonly string[])[];
}

const QUOTED = /[“"«„]([^“”"«»„]+)[”"»“]/g;

/** Word runs to match on: each quoted stretch, and for partial quotes and reported speech the whole content too. */
function fragmentsOf(pieces: readonly string[], kind: QuoteRecord['kind']): string[][] {
  const out: string[][] = [];
  for (const piece of pieces) {
    const inside = kind === 'reported' ? [] : [...piece.matchAll(QUOTED)].map((m) => normaliseWords(m[1] ?? '')).filter((w) => w.length > 0);
    out.push(...inside);
    if (kind !== 'direct' || inside.length === 0) {
      const words = normaliseWords(piece);
      if (words.length > 0) out.push(words[0] === 'that' ? words.slice(1) : words);
    }
  }
  return out;
}

/** Length of the longest common run of words. */
function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = (prev[j - 1] ?? 0) + 1;
        if ((row[j] ?? 0) > best) best = row[j] ?? 0;
      }
    }
    prev = row;
  }
  return best;
}

function sameWords(a: QuoteItem, b: QuoteItem): boolean {
  const sameSpeaker = a.speakerKey !== undefined && a.speakerKey === b.speakerKey;
  const unknownSpeaker = a.speakerKey === undefined || b.speakerKey === undefined;
  const min = sameSpeaker ? MIN_SAME_SPEAKER_WORDS : MIN_CROSS_SPEAKER_WORDS;
  for (const fa of a.fragments) {
    for (const fb of b.fragments) {
      // Identical words with a speaker missing on one side ("lasting protection" in a wire copy) are one quote;
      // short identical words given to two different people may be a coincidence.
      if (unknownSpeaker && fa.length > 0 && fa.length === fb.length && fa.every((w, i) => w === fb[i])) return true;
      const shorter = Math.min(fa.length, fb.length);
      if (shorter < min) continue;
      const run = longestCommonRun(fa, fb);
      if (run >= min && run >= MIN_COVERAGE * shorter) return true;
    }
  }
  return false;
}

/** Display form of quoted words: outer quotation marks and trailing commas dropped. */
export function cleanQuote(text: string): string {
  return text.trim().replace(/^[“"«„‘']+/, '').replace(/[,;:\s]*[”"»’']*[,;:\s]*$/, '').trim();
}

export function mergeQuotes(ctx: FusionContext, entities: EntityIndex): { quotes: DossierQuote[] } {
  const items: QuoteItem[] = [];
  for (const r of ctx.reports) {
    const id = r.article.id;
    for (const q of r.analysis.quotes) {
      const first = q.content[0];
      if (!first || ctx.inHeadline(id, first)) continue;
      const content = q.content.map((c) => ctx.spanRef(id, c));
      const text = content.map((c) => c.text).join(' … ');
      const entity = entities.lookup(id, q.speakerEntityId);
      const mention = q.speaker?.mention ?? q.source;
      const source: QuoteSource = {
        articleId: id,
        kind: q.kind,
        text,
        content,
        ...(q.cue ? { cue: ctx.spanRef(id, q.cue) } : {}),
        ...(mention ? { speakerMention: ctx.spanRef(id, mention) } : {}),
        ...(entity ? { speakerEntityId: entity.id } : {}),
        ...(q.channel ? { channel: q.channel.kind } : {}),
        sentence: ctx.sentenceOf(id, first),
      };
      items.push({
        articleId: id,
        quote: q,
        source,
        ...(entity && !entity.unnamed ? { speakerKey: entity.id, speakerName: entity.name } : {}),
        ...(entity?.unnamed ? { speakerKey: `unnamed:${entity.id}`, speakerName: entity.name } : {}),
        ...(!entity && mention ? { speakerName: ctx.spanRef(id, mention).text } : {}),
        fragments: fragmentsOf(content.map((c) => c.text), q.kind),
      });
    }
  }

  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let x = i;
    while (parent[x] !== x) x = parent[x] ?? x;
    return x;
  };
  for (let j = 0; j < items.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = items[i];
      const b = items[j];
      if (a && b && find(i) !== find(j) && sameWords(a, b)) parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
    }
  }
  const clusters = new Map<number, QuoteItem[]>();
  items.forEach((it, i) => clusters.set(find(i), [...(clusters.get(find(i)) ?? []), it]));

  const quotes: DossierQuote[] = [...clusters.values()].map((cluster, i) => {
    const speakers = new Map<string, { entityId?: string; name: string; articleIds: string[] }>();
    for (const it of cluster) {
      if (it.speakerKey === undefined) continue;
      const s = speakers.get(it.speakerKey) ?? {
        ...(it.speakerKey.startsWith('unnamed:') ? {} : { entityId: it.speakerKey }),
        name: it.speakerName ?? '',
        articleIds: [],
      };
      s.articleIds.push(it.articleId);
      speakers.set(it.speakerKey, s);
    }
    const speakerList: QuoteSpeaker[] = [...speakers.values()]
      .map((s) => ({ ...s, support: ctx.support(s.articleIds) }))
      .sort((a, b) => b.support.independentSources - a.support.independentSources);
    const named = speakerList.filter((s) => s.entityId !== undefined);
    const top = named[0];
    // Disputed when the two best-supported speakers come from different sources in equal numbers; two speakers
    // within one report are the quote stage hesitating, not sources disagreeing.
    const second = named[1];
    const groups = (s: QuoteSpeaker | undefined): Set<string> => new Set((s?.articleIds ?? []).map((id) => ctx.sourceGroup(id)));
    const tie = second !== undefined && second.support.independentSources === top?.support.independentSources &&
      ![...groups(second)].some((g) => groups(top).has(g));
    // Shown: the longest full quotation when there is one, else the longest partial or reported version.
    const direct = cluster.filter((it) => it.quote.kind === 'direct');
    const longest = [...(direct.length > 0 ? direct : cluster)].sort((a, b) => wordCount(b.source.text) - wordCount(a.source.text))[0];
    const shown = longest?.quote.kind === 'direct' ? longest.source.content.map((c) => cleanQuote(c.text)).join(' … ') : longest?.source.text ?? '';
    const cueCounts = new Map<string, number>();
    for (const it of cluster) if (it.source.cue) cueCounts.set(fold(it.source.cue.text), (cueCounts.get(fold(it.source.cue.text)) ?? 0) + 1);
    const cue = [...cueCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const unnamedSpeaker = speakerList[0]?.name ?? cluster.map((it) => it.speakerName).find((n) => n !== undefined);
    const quote: DossierQuote = {
      id: `q${i + 1}`,
      ...(top && !tie && top.entityId ? { speakerId: top.entityId } : {}),
      speaker: tie ? `${named.map((s) => s.name).join(' or ')} (disputed)` : top?.name ?? unnamedSpeaker ?? 'unknown',
      speakers: speakerList,
      text: shown,
      ...(cue !== undefined ? { cue } : {}),
      direct: direct.length > 0,
      sources: cluster.map((it) => it.source),
      support: ctx.support(cluster.map((it) => it.articleId)),
    };
    return quote;
  });
  return { quotes };
}

function wordCount(text: string): number {
  return normaliseWords(text).length;
}
