/** Terminal and Markdown views of an article's analysis: who is involved, who said what, what happened when. */
import type { ArticleAnalysis, QuoteRecord } from '../analyze/analysis.js';
import type { Entity } from '../analyze/entities/index.js';
import type { ArticleEvent } from '../analyze/events/types.js';
import { isPassiveCue, isStatement } from '../analyze/quotes/speech-acts.js';
import { speakerLabel } from '../analyze/quotes/speakers.js';
import type { Article } from '../model/index.js';
import { displayDate } from '../fuse/dates.js';
import { truncate } from './render.js';

export function entityLine(entity: Entity): string {
  const roles = roleLabels(entity);
  const extra = [
    roles.length > 0 ? `roles: ${roles.join('; ')}` : '',
    entity.nationality ? `nationality: ${entity.nationality.value}` : '',
    entity.affiliation ? `affiliation: ${entity.affiliation.value}` : '',
    entity.aliases.length > 0 ? `aka ${entity.aliases.join(', ')}` : '',
    entity.metonymy === 'government' ? 'stands for its government' : '',
  ].filter(Boolean);
  return `${entity.name} (${entity.type}, ${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'})${extra.length ? ' — ' + extra.join(' | ') : ''}`;
}

/**
 * An entity's roles, each once: the role alone, as the title before the name is one of the role's wordings
 * ("Gen." for "general", "Prime Minister" for "prime minister"; the JSON keeps both).
 */
function roleLabels(entity: Entity): string[] {
  return unique(entity.roles.map((r) => r.role));
}

export function renderEntitiesTable(analysis: ArticleAnalysis): string {
  if (analysis.entities.length === 0) return '(no entities)';
  const rows = analysis.entities.map((e) => {
    const roles = roleLabels(e).join('; ');
    return [e.id, truncate(e.name, 32), e.type, String(e.mentions.length), truncate(roles, 60), truncate(e.aliases.join(', '), 40)];
  });
  return table(['id', 'name', 'type', 'mentions', 'roles', 'aliases'], rows);
}

export function speakerName(quote: QuoteRecord, analysis: ArticleAnalysis, text: string): string {
  const entity = quote.speakerEntityId ? analysis.entities.find((e) => e.id === quote.speakerEntityId) : undefined;
  if (entity) return quote.source ? speakerLabel(entity.name, text.slice(quote.source.start, quote.source.end)) : entity.name;
  // An unlinked "which" or "he" reads better as what it stands for.
  const via = quote.speaker?.via;
  const shown = via === 'pronoun' || via === 'role-noun' || via === 'relative' ? (quote.speaker?.resolvedTo ?? quote.source) : quote.source;
  if (shown) return text.slice(shown.start, shown.end);
  return '(unattributed)';
}

/** " (through two officials)" when the report has the words from another account. */
function relayedBy(quote: QuoteRecord, text: string): string {
  const source = quote.reportedBy?.source;
  return source ? ` (through ${text.slice(source.start, source.end)})` : '';
}

/** The channel's kind, and its words when they name it ("outlet: as cited by Globe Wire", "social-media: Twitter"). */
function channelLabel(quote: QuoteRecord, text: string): string | undefined {
  const channel = quote.channel;
  if (!channel) return undefined;
  const words = text.slice(channel.span.start, channel.span.end);
  const source = quote.source ? text.slice(quote.source.start, quote.source.end) : '';
  return /\p{Lu}/u.test(words) && !source.includes(words) ? `${channel.kind}: ${words}` : channel.kind;
}

export function quoteContent(quote: QuoteRecord, text: string): string {
  return quote.content.map((c) => text.slice(c.start, c.end)).join(' … ');
}

export function renderQuotes(analysis: ArticleAnalysis, article: Article): string {
  if (analysis.quotes.length === 0) return '(no quotes)';
  const line = (q: QuoteRecord): string => {
    const cue = q.cue ? article.text.slice(q.cue.start, q.cue.end) : '—';
    const label = channelLabel(q, article.text);
    const channel = label ? ` [${label}]` : '';
    // A passive cue reads in its own order: "The closure of the pier — was first reported by Vell Courier".
    if (isPassiveCue(cue)) return `${quoteContent(q, article.text)} — ${cue} ${speakerName(q, analysis, article.text)} (${q.kind}, passive)${channel}`;
    return `${speakerName(q, analysis, article.text)} — ${cue} (${q.kind})${channel}${relayedBy(q, article.text)}\n    ${quoteContent(q, article.text)}`;
  };
  const statements = analysis.quotes.filter((q) => isStatement(article.text, q));
  const others = analysis.quotes.filter((q) => !isStatement(article.text, q));
  const out = statements.length > 0 ? statements.map(line) : ['(no statements)'];
  // Beliefs, plans, wishes and refusals are attributions too (PolNeAR annotates them), but nobody said them.
  if (others.length > 0) out.push('', `Other attributions (beliefs, plans, wishes, refusals: not statements), ${others.length}:`, ...others.map(line));
  return out.join('\n');
}

/** "on Tuesday 1 December 2026 (2026-12-01, implied from “a day after”)": the reader's date, the value and where it came from. */
function eventDateText(date: NonNullable<ArticleEvent['date']>): string {
  const shown = displayDate(date.value);
  const preposition = /^\d{4}-\d{2}-\d{2}/.test(date.value) || /X/.test(date.value) ? 'on' : 'in';
  const from = date.span ? ` “${date.span.text}”` : '';
  const how = date.certainty === 'implied' ? (from ? `implied from${from}` : 'implied') : (from ? `stated as${from}` : 'stated');
  return shown === date.value ? `${preposition} ${date.value} (${how})` : `${preposition} ${shown} (${date.value}, ${how})`;
}

export function eventLine(event: ArticleEvent, analysis: ArticleAnalysis): string {
  const parts = [
    `${event.modality && event.modality !== 'actual' ? `${event.modality} ` : ''}${event.type} "${event.trigger.text}"`,
    event.date ? eventDateText(event.date) : 'date not stated',
    event.place ? `${event.type === 'visit' ? 'to' : 'in'} ${event.place.name}` : '',
    event.format ? `(${event.format.value})` : '',
    event.duration ? `lasting ${event.duration.span.text} (${event.duration.value})` : '',
  ].filter(Boolean);
  const who = event.participants.map((p) => p.name);
  const counts = event.participantCounts.map((c) => `${c.qualifier === 'exact' ? '' : c.qualifier + ' '}${c.value} ${c.unit} ("${c.span.text}")`);
  const lines = [parts.join(' ')];
  if (who.length > 0) lines.push(`    participants: ${unique(who).join(', ')}`);
  if (counts.length > 0) lines.push(`    counts: ${counts.join('; ')}`);
  const casualties = (event.casualties ?? []).map((c) => `${c.kind} ${c.qualifier === 'exact' ? '' : c.qualifier + ' '}${c.value} ${c.unit} ("${c.span.text}")`);
  if (casualties.length > 0) lines.push(`    casualties: ${casualties.join('; ')}`);
  const tally = event.tally;
  if (tally) lines.push(`    tally: ${tally.inFavour} for, ${tally.against} against${tally.abstentions !== undefined ? `, ${tally.abstentions} abstentions` : ''} ("${tally.span.text}")`);
  if (event.organiser) lines.push(`    organiser: ${event.organiser.name}`);
  if (event.topic) lines.push(`    topic: ${event.topic.text}`);
  void analysis;
  return lines.join('\n');
}

export function renderEvents(analysis: ArticleAnalysis): string {
  if (analysis.events.length === 0) return '(no events)';
  return analysis.events.map((e) => eventLine(e, analysis)).join('\n');
}

/** The Markdown sections `show --format md` appends after the article. */
export function renderAnalysisMarkdown(analysis: ArticleAnalysis, article: Article): string {
  const out: string[] = ['## Who is involved', ''];
  for (const e of analysis.entities.filter((x) => x.type !== 'misc')) out.push(`- ${entityLine(e)}`);
  out.push('', '## Who said what', '');
  const item = (q: QuoteRecord): string => {
    const cue = q.cue ? article.text.slice(q.cue.start, q.cue.end) : '';
    const label = channelLabel(q, article.text);
    const channel = label ? ` _(${label})_` : '';
    if (isPassiveCue(cue)) return `- _(reported)_ ${quoteContent(q, article.text)} ${cue} **${speakerName(q, analysis, article.text)}**${channel}`;
    return `- **${speakerName(q, analysis, article.text)}** ${cue}${channel}${relayedBy(q, article.text)}: ${q.kind === 'direct' ? '' : '_(reported)_ '}${quoteContent(q, article.text)}`;
  };
  const statements = analysis.quotes.filter((q) => isStatement(article.text, q));
  const others = analysis.quotes.filter((q) => !isStatement(article.text, q));
  if (statements.length === 0) out.push('_No quotes found._');
  out.push(...statements.map(item));
  if (others.length > 0) out.push('', '### Other attributions (beliefs, plans, wishes, refusals)', '', ...others.map(item));
  out.push('', '## What happened when', '');
  if (analysis.events.length === 0) out.push('_No events found._');
  for (const e of analysis.events) out.push(`- ${eventLine(e, analysis).replace(/\n {4}/g, '\n  - ')}`);
  out.push('');
  return out.join('\n');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
