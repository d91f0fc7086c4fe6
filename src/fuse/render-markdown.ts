/**
 * The dossier as a brief a person reads in two minutes: what happened, who reported it, where the sources disagree
 * (first, because that is what a cross-check is for), the timeline, who's who, key quotes and the facts with how many
 * independent sources carry each, single-source facts marked.
 */
import { displayDate, lastingText } from './dates.js';
import { capitalise, quoteFact } from './facts.js';
import type { Citation, Dossier, DossierArticle, DossierQuote, Support } from './types.js';

/** Quotes shown in the brief; the JSON has all of them. */
const MAX_KEY_QUOTES = 12;

/**
 * The quotes worth reading first: full quotations, then reported words that quote someone in part ("would “only
 * prolong the war”"), each by how many independent sources carry them.
 */
export function keyQuotes(d: Dossier, max = MAX_KEY_QUOTES, everyFullQuote = false): DossierQuote[] {
  const rank = (a: DossierQuote, b: DossierQuote): number => b.support.independentSources - a.support.independentSources || b.speakers.length - a.speakers.length;
  const direct = d.quotes.filter((q) => q.direct).sort(rank);
  const partial = d.quotes.filter((q) => !q.direct && QUOTED_WORDS.test(q.text)).sort(rank);
  return [...direct, ...partial].slice(0, everyFullQuote ? Math.max(max, direct.length) : max);
}

const QUOTED_WORDS = /["“”«»]/;
/** Longest sentence excerpt shown next to a source before it is cut. */
const MAX_EXCERPT = 160;

export function renderDossierMarkdown(d: Dossier): string {
  const articles = new Map(d.articles.map((a) => [a.id, a]));
  const label = (id: string): string => {
    const a = articles.get(id);
    return a ? `${a.ref}${a.outlet ? ` ${a.outlet}` : ''}${a.duplicateOf ? ` (copy of ${articles.get(a.duplicateOf)?.ref ?? '?'})` : ''}` : id;
  };
  const refsOf = (s: Support): string => s.articleIds.map((id) => articles.get(id)?.ref ?? id).join(', ');
  const count = (s: Support): string =>
    `${s.independentSources} source${s.independentSources === 1 ? '' : 's'}${s.reports > s.independentSources ? ` (${s.reports} reports)` : ''}`;
  const out: string[] = [];

  out.push(`# ${md(d.headline)}`, '');
  out.push(`*Story ${md(d.storyId)} · dossier schema ${d.schemaVersion}*`, '');
  for (const line of d.summary) out.push(`- ${md(line)}`);
  out.push('');

  out.push(`## ⚠ Disagreements (${d.disagreements.length})`, '');
  if (d.disagreements.length === 0) out.push('No disagreements between sources found.', '');
  d.disagreements.forEach((x, i) => {
    out.push(`### ${i + 1}. ${md(x.topic)}`, '');
    out.push('| value | | sources | what they say |', '|---|---|---|---|');
    for (const v of x.values) {
      const status = v.status === 'conflicting' ? '**conflicts**' : 'compatible';
      const excerpts = uniqueSentences(v.sources).map((c) => `${label(c.articleId)}: “${md(excerpt(c.sentence.text))}”`).join('<br>');
      out.push(`| **${md(v.display)}** | ${status} | ${count(v.support)}: ${refsOf(v.support)} | ${excerpts} |`);
    }
    out.push('', `> ${md(x.note)}`, '');
  });

  out.push('## Sources', '', '| ref | outlet | author(s) | published | note |', '|---|---|---|---|---|');
  for (const a of d.articles) out.push(`| ${a.ref} | ${md(a.outlet ?? '?')} | ${md(a.authors.join(', ') || '?')} | ${md(a.published ?? '(no date)')} | ${md(articleNote(a, articles))} |`);
  out.push('');

  out.push('## Timeline', '');
  if (d.timeline.length === 0) out.push('No dated events.');
  for (const t of d.timeline) {
    const dispute = t.disputed ? ` — ⚠ **date disputed**, also given as ${t.alternatives.map(displayDate).join(', ')}` : '';
    const lasting = lastingText(d.events.find((e) => e.id === t.eventId)?.duration);
    out.push(`- **${displayDate(t.date)}** — ${md(t.label + lasting)} (${count(t.support)}: ${refsOf(t.support)})${dispute}`);
  }
  out.push('');

  out.push("## Who's who", '');
  const named = d.entities.filter((e) => !e.unnamed && !e.plural && (e.type === 'person' || e.roles.length > 0 || e.support.reports > 1));
  const typeOrder = ['person', 'organisation', 'gpe', 'location', 'misc'];
  named.sort((a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || b.support.reports - a.support.reports);
  for (const e of named) {
    const roles = e.roles.map((r) => `${md(r.role)} [${refsOf(r.support)}${r.support.singleSource ? ', single source' : ''}]`).join('; ');
    const aliases = e.aliases.length > 0 ? `; also “${e.aliases.map(md).join('”, “')}”` : '';
    const joined = e.members.some((m) => m.joinedBy === 'role') ? ` — described only by role in ${[...new Set(e.members.filter((m) => m.joinedBy === 'role').map((m) => articles.get(m.articleId)?.ref ?? m.articleId))].join(', ')}` : '';
    out.push(`- **${md(e.name)}** (${e.type}, in ${refsOf(e.support)})${roles ? ` — ${roles}` : ''}${aliases}${joined}`);
  }
  out.push('');

  out.push('## Key quotes', '');
  const quotes = keyQuotes(d);
  for (const q of quotes) {
    const disputed = q.speakers.filter((s) => s.entityId !== undefined).length > 1 ? ' ⚠ **attribution disputed**' : '';
    const who = q.speakers.length > 0 ? q.speakers.map((s) => `${md(s.name)} per ${refsOf(s.support)}`).join('; ') : md(q.speaker);
    // Reported words read with their speaker and cue ("Jean Arnaud called the talks a "frank and useful exchange"").
    if (q.direct) out.push(`- “${md(q.text)}” — ${who}; ${count(q.support)}${disputed}`);
    else out.push(`- ${md(capitalise(quoteFact(q)))} — per ${refsOf(q.support)}; ${count(q.support)}${disputed}`);
  }
  if (quotes.length === 0) out.push('None: no report quotes anyone\'s own words.');
  out.push('');

  out.push('## Facts', '');
  const multi = d.facts.filter((f) => !f.singleSource).sort((a, b) => b.support.independentSources - a.support.independentSources);
  const single = d.facts.filter((f) => f.singleSource);
  out.push('### Carried by several independent sources', '');
  if (multi.length === 0) out.push('None.');
  for (const f of multi) out.push(`- ${md(f.text)} — ${count(f.support)}: ${refsOf(f.support)}`);
  out.push('', '### Single source (unconfirmed)', '');
  if (single.length === 0) out.push('None.');
  for (const f of single) out.push(`- ${md(f.text)} — only ${label(f.support.articleIds[0] ?? '')}${f.support.reports > 1 ? ' and its copy' : ''}`);
  out.push('');
  return out.join('\n');
}

export function articleNote(a: DossierArticle, articles: ReadonlyMap<string, DossierArticle>): string {
  const notes: string[] = [];
  if (a.duplicateOf) notes.push(`syndicated copy of ${articles.get(a.duplicateOf)?.ref ?? a.duplicateOf}: not counted as a separate source`);
  if (a.duplicates.length > 0) notes.push(`copied by ${a.duplicates.map((id) => articles.get(id)?.ref ?? id).join(', ')}`);
  if (a.inferredReferenceDate) notes.push(`no date; relative dates read against ${a.inferredReferenceDate.value} (${articles.get(a.inferredReferenceDate.fromArticleId)?.ref ?? '?'})`);
  if (a.title) notes.push(`“${a.title}”`);
  return notes.join('; ');
}

function uniqueSentences(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.articleId}:${c.sentence.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_EXCERPT ? flat : `${flat.slice(0, MAX_EXCERPT - 1).replace(/\s+\S*$/, '')}…`;
}

/** Escapes what Markdown would read as markup or as a table cell break. */
function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([|*_`[\]<>#])/g, '\\$1').replace(/\n+/g, ' ');
}
