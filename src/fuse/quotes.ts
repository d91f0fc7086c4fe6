/**
 * Quotes across reports: the same words quoted by several outlets merged into one quote with every source, counted
 * by independent source. Words match after normalisation (quote marks, case, accents, punctuation) when the shorter
 * version is (almost) a contiguous run of the longer one: a report quoting one sentence of a two-sentence quote, or a
 * partial quote ("backed by troops on the ground") of a full one.
 */
import type { QuoteRecord } from '../analyze/analysis.js';
import { datelineAt } from '../analyze/dateline.js';
import { speakerLabel } from '../analyze/quotes/speakers.js';
import { isStatement } from '../analyze/quotes/speech-acts.js';
import type { Block } from '../model/article.js';
import type { Span } from '../model/span.js';
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
    for (const { quote: q, content: spans } of statementsOf(r.article.text, r.analysis.quotes, r.article.blocks)) {
      const first = spans[0];
      if (!first || ctx.inHeadline(id, first)) continue;
      const content = spans.map((c) => ctx.spanRef(id, c));
      // Quoted words split by the attribution are joined with an ellipsis; reported words split by it ("Until then,
      // officials said, each country …") read on as one clause.
      const text = content.map((c) => c.text.replace(/\s+/g, ' ')).join(q.kind === 'reported' ? ', ' : ' … ');
      const entity = entities.lookup(id, q.speakerEntityId);
      const mentionSpan = q.speaker?.mention ?? q.source;
      // An unresolved source that is not a noun phrase ("which", "military leaders, and came a week after
      // presidents") is the quote stage guessing: show the words, not a made-up speaker.
      const mention = mentionSpan && (entity || plausibleSpeaker(r.article.text.slice(mentionSpan.start, mentionSpan.end))) ? mentionSpan : undefined;
      const source: QuoteSource = {
        articleId: id,
        kind: q.kind,
        text,
        content,
        ...(q.cue ? { cue: ctx.spanRef(id, q.cue) } : {}),
        ...(mention ? { speakerMention: ctx.spanRef(id, mention) } : {}),
        ...(entity ? { speakerEntityId: entity.id } : {}),
        ...(q.channel ? { channel: q.channel.kind } : {}),
        ...(q.reportedBy?.source ? { reportedBy: ctx.spanRef(id, q.reportedBy.source) } : {}),
        sentence: ctx.sentenceOf(id, first),
      };
      items.push({
        articleId: id,
        quote: q,
        source,
        // "Her office said": the side it speaks for is the speaker (one key with "Roth said"), named as it was.
        ...(entity && !entity.unnamed ? { speakerKey: entity.id, speakerName: q.source ? speakerLabel(entity.name, r.article.text.slice(q.source.start, q.source.end)) : entity.name } : {}),
        // "a diplomat briefed on the call" says more than the bare role noun "diplomat" the entity is named by.
        ...(entity?.unnamed ? { speakerKey: `unnamed:${entity.id}`, speakerName: (/\s/.test(entity.name) ? undefined : shortMention(ctx, id, mention)) ?? entity.name } : {}),
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
      // Named by the entity's own name when any report gives the words to it rather than to its office.
      if (s.entityId !== undefined && it.speakerName !== undefined && it.speakerName.length < s.name.length && s.name.startsWith(it.speakerName)) s.name = it.speakerName;
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

/**
 * The attributions of one article that report something said, with their content as the dossier shows it. PolNeAR-style
 * attributions (what the quote stage finds) also cover beliefs, plans and refusals ("the chiefs discussed …", "some
 * governments want …", "declined to say"), which are not statements. Nested reported speech ("Ibarra told the call
 * that …, two officials said") keeps the inner statement, its content ending before the outer source, and drops the
 * outer one, whose words are the inner attribution itself.
 */
export function statementsOf(text: string, quotes: readonly QuoteRecord[], blocks: readonly Block[] = []): { quote: QuoteRecord; content: Span[] }[] {
  // "“…,” Marlow told the meeting, according to two officials": Marlow's words, not the officials', so the account
  // that only relays a statement kept in its own right gives way to it (which names the account in `reportedBy`).
  const relays = new Set(quotes.flatMap((q) => (q.reportedBy?.cue && isStatement(text, q) ? [spanKey(q.reportedBy.cue)] : [])));
  const statements = quotes.filter((q) => isStatement(text, q));
  const speech = statements.filter((q) => !(q.reportedBy === undefined && q.cue && relays.has(spanKey(q.cue))));
  const trimmed = speech.map((q) => ({
    quote: q,
    content: withListAfterColon(text, q.content.map((c) => trimTrailingAttribution(text, c, q, statements)).map((c) => stripDateline(text, c)), blocks),
  }));
  return trimmed.filter(({ quote, content }) => !(quote.kind === 'reported' && wrapsAnother(quote, content, trimmed)));
}

/** Items of a list are part of the words that announce them with a colon. */
const MAX_LIST_ITEMS = 12;

/**
 * "According to JFC, the chiefs discussed:" followed by a bulleted list: the words go on in the list items, so the
 * last span is extended over them (one span, from the words to the last item); otherwise the content is unchanged.
 */
function withListAfterColon(text: string, content: Span[], blocks: readonly Block[]): Span[] {
  const last = content.at(-1);
  if (!last || !/^\s*:\s*$/u.test(text.slice(last.end, blockAt(blocks, last.end)?.end ?? last.end))) return content;
  const at = blocks.findIndex((b) => b.start <= last.end && last.end <= b.end);
  let end = last.end;
  for (let i = at + 1; i < blocks.length && i <= at + MAX_LIST_ITEMS; i++) {
    const block = blocks[i];
    if (block?.kind !== 'list-item') break;
    end = block.end;
  }
  return end === last.end ? content : [...content.slice(0, -1), { start: last.start, end }];
}

function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  return blocks.find((b) => b.start <= offset && offset <= b.end);
}

const spanKey = (s: Span): string => `${s.start}:${s.end}`;

const within = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** "that her country could help, two officials said" → "that her country could help". */
function trimTrailingAttribution(text: string, span: Span, self: QuoteRecord, all: readonly QuoteRecord[]): Span {
  let end = span.end;
  for (const other of all) {
    if (other === self || !other.source || !other.cue) continue;
    const tagStart = Math.min(other.source.start, other.cue.start);
    const tagEnd = Math.max(other.source.end, other.cue.end);
    if (tagStart <= span.start || tagEnd > span.end || !/^[\s\p{P}]*$/u.test(text.slice(tagEnd, span.end))) continue;
    if (!/[,;—–-]\s*$/u.test(text.slice(span.start, tagStart))) continue;
    end = Math.min(end, tagStart);
  }
  while (end > span.start && /[\s,;—–-]/u.test(text.charAt(end - 1))) end--;
  return end > span.start ? { start: span.start, end } : span;
}

/** A dateline opening the content ("PARIS, Nov 18 (Globe Wire) - ") is where the wire filed from, not what was said. */
function stripDateline(text: string, span: Span): Span {
  const d = datelineAt(text, span.start);
  return d && d.end < span.end ? { start: d.end, end: span.end } : span;
}

/** Does this reported speech contain another statement whole (its source, cue and words)? */
function wrapsAnother(q: QuoteRecord, content: readonly Span[], all: readonly { quote: QuoteRecord; content: readonly Span[] }[]): boolean {
  return all.some(({ quote: o, content: oc }) =>
    o !== q && o.source !== null && o.cue !== null && oc.length > 0 &&
    content.some((c) => o.source !== null && o.cue !== null && within(o.source, c) && within(o.cue, c) && oc.every((x) => within(x, c))));
}

/** Relative words and bare determiners are not speakers; a source with a clause in it ("…, and came …") is a misparse. */
const NOT_A_SPEAKER = /^(?:which|that|who|whom|whose|what|the|a|an|this|these|those|there|here|it's)$/i;
function plausibleSpeaker(mention: string): boolean {
  const words = mention.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 14) return false;
  if (words.length === 1 && NOT_A_SPEAKER.test(words[0] ?? '')) return false;
  return !/,\s+(?:and|but|then)\s+\p{Ll}+(?:ed|s)\b/u.test(mention);
}

/** A mention short enough to stand as a speaker's name in a sentence. */
function shortMention(ctx: FusionContext, articleId: string, mention: Span | undefined): string | undefined {
  if (!mention) return undefined;
  const text = ctx.spanRef(articleId, mention).text.replace(/\s+/g, ' ').trim();
  const words = text.split(' ').length;
  return words >= 2 && words <= 8 && !/[,;:()]/.test(text) ? text : undefined;
}

function wordCount(text: string): number {
  return normaliseWords(text).length;
}
