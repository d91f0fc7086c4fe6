/**
 * The dossier as one self-contained HTML page: inline CSS, no scripts, no external resources; every piece of text
 * from the reports is HTML-escaped. Same order as the Markdown brief, with each source's sentence shown on demand.
 */
import { displayDate, lastingText } from './dates.js';
import { capitalise, quoteFact } from './facts.js';
import { articleNote, excerpt, keyQuotes } from './render-markdown.js';
import type { Citation, Dossier, Support } from './types.js';

const CSS = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem;line-height:1.3}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#666;font-size:.9rem}.summary li{margin:.2rem 0}
.disagreement{border-left:4px solid #c62828;background:#fff5f5;padding:.6rem 1rem;margin:1rem 0}
.disagreement h3{margin:.2rem 0 .6rem;font-size:1.05rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e5e5e5}
.conflicting{color:#b71c1c;font-weight:600}.compatible{color:#2e7d32}
.single{color:#8a6d00;font-size:.85rem;border:1px solid #e0c060;border-radius:3px;padding:0 .3rem;margin-left:.3rem}
.count{color:#555;font-size:.88rem}.disputed{color:#b71c1c;font-weight:600}
blockquote{margin:.3rem 0;padding-left:.8rem;border-left:3px solid #bbb;color:#333}
details{font-size:.88rem;color:#444}summary{cursor:pointer}
.note{font-style:italic;margin:.5rem 0 0}
`;

export function renderDossierHtml(d: Dossier): string {
  const articles = new Map(d.articles.map((a) => [a.id, a]));
  const ref = (id: string): string => articles.get(id)?.ref ?? id;
  const label = (id: string): string => {
    const a = articles.get(id);
    return a ? `${a.ref}${a.outlet ? ` ${a.outlet}` : ''}` : id;
  };
  const count = (s: Support): string =>
    `${s.independentSources} source${s.independentSources === 1 ? '' : 's'}${s.reports > s.independentSources ? ` (${s.reports} reports)` : ''}: ${s.articleIds.map(ref).join(', ')}`;
  const cites = (cs: readonly Citation[]): string => {
    const seen = new Set<string>();
    const items = cs.filter((c) => {
      const key = `${c.articleId}:${c.sentence.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return `<details><summary>what the reports say</summary>${items
      .map((c) => `<blockquote><b>${esc(label(c.articleId))}</b> [${c.start}–${c.end}]: ${esc(excerpt(c.sentence.text))}</blockquote>`)
      .join('')}</details>`;
  };
  const h: string[] = [];
  h.push('<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<title>${esc(d.headline)}</title>`, `<style>${CSS}</style></head><body>`);
  h.push(`<h1>${esc(d.headline)}</h1>`, `<p class="meta">Story ${esc(d.storyId)} · dossier schema ${esc(d.schemaVersion)} · ${esc(d.generator)}</p>`);
  h.push(`<ul class="summary">${d.summary.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`);

  h.push(`<h2>⚠ Disagreements (${d.disagreements.length})</h2>`);
  if (d.disagreements.length === 0) h.push('<p>No disagreements between sources found.</p>');
  for (const x of d.disagreements) {
    h.push(`<section class="disagreement" id="${esc(x.id)}"><h3>${esc(x.topic)}</h3><table><tr><th>value</th><th></th><th>sources</th><th>what they say</th></tr>`);
    for (const v of x.values) {
      h.push(`<tr><td><b>${esc(v.display)}</b></td><td class="${v.status}">${v.status === 'conflicting' ? 'conflicts' : 'compatible'}</td><td class="count">${esc(count(v.support))}</td><td>${v.sources
        .map((c) => `<div><b>${esc(label(c.articleId))}</b>: “${esc(excerpt(c.sentence.text))}”</div>`)
        .join('')}</td></tr>`);
    }
    h.push(`</table><p class="note">${esc(x.note)}</p></section>`);
  }

  h.push('<h2>Sources</h2><table><tr><th>ref</th><th>outlet</th><th>author(s)</th><th>published</th><th>note</th></tr>');
  for (const a of d.articles) {
    const outlet = a.url && /^https?:\/\//i.test(a.url) ? `<a href="${esc(a.url)}">${esc(a.outlet ?? a.url)}</a>` : esc(a.outlet ?? '?');
    h.push(`<tr id="${esc(a.ref)}"><td>${esc(a.ref)}</td><td>${outlet}</td><td>${esc(a.authors.join(', ') || '?')}</td><td>${esc(a.published ?? '(no date)')}</td><td>${esc(articleNote(a, articles))}</td></tr>`);
  }
  h.push('</table>');

  h.push('<h2>Timeline</h2><ul>');
  for (const t of d.timeline) {
    const dispute = t.disputed ? ` <span class="disputed">date disputed: also ${esc(t.alternatives.map(displayDate).join(', '))}</span>` : '';
    const lasting = lastingText(d.events.find((e) => e.id === t.eventId)?.duration);
    h.push(`<li><b>${esc(displayDate(t.date))}</b> — ${esc(t.label + lasting)} <span class="count">(${esc(count(t.support))})</span>${dispute}</li>`);
  }
  h.push('</ul>');

  h.push("<h2>Who's who</h2><ul>");
  const typeOrder = ['person', 'organisation', 'gpe', 'location', 'misc'];
  const named = d.entities
    .filter((e) => !e.unnamed && !e.plural && (e.type === 'person' || e.roles.length > 0 || e.support.reports > 1))
    .sort((a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || b.support.reports - a.support.reports);
  for (const e of named) {
    const roles = e.roles
      .map((r) => `${esc(r.role)} <span class="count">[${esc(r.support.articleIds.map(ref).join(', '))}]</span>${r.support.singleSource ? '<span class="single">single source</span>' : ''}`)
      .join('; ');
    const aliases = e.aliases.length > 0 ? ` <span class="count">also ${esc(e.aliases.join(', '))}</span>` : '';
    h.push(`<li><b>${esc(e.name)}</b> <span class="count">(${esc(e.type)})</span>${roles ? ` — ${roles}` : ''}${aliases}</li>`);
  }
  h.push('</ul>');

  h.push('<h2>Key quotes</h2>');
  // (The HTML page keeps every full quotation, as it always did; partial ones fill up to the Markdown's number.)
  const quotes = keyQuotes(d, undefined, true);
  if (quotes.length === 0) h.push('<p>None: no report quotes anyone’s own words.</p>');
  for (const q of quotes) {
    const speakers = q.speakers.length > 0 ? q.speakers.map((s) => `${esc(s.name)} <span class="count">per ${esc(s.articleIds.map(ref).join(', '))}</span>`).join('; ') : esc(q.speaker);
    const disputed = q.speakers.filter((s) => s.entityId !== undefined).length > 1 ? ' <span class="disputed">attribution disputed</span>' : '';
    const words = q.direct ? `“${esc(q.text)}”` : esc(capitalise(quoteFact(q)));
    h.push(`<blockquote>${words}<br>— ${speakers}${disputed} <span class="count">${esc(count(q.support))}</span></blockquote>`);
  }

  h.push('<h2>Facts</h2><table><tr><th>fact</th><th>support</th></tr>');
  const facts = [...d.facts].sort((a, b) => b.support.independentSources - a.support.independentSources);
  for (const f of facts) {
    h.push(`<tr><td>${esc(f.text)}${f.singleSource ? '<span class="single">single source</span>' : ''}${cites(f.sources)}</td><td class="count">${esc(count(f.support))}</td></tr>`);
  }
  h.push('</table></body></html>', '');
  return h.join('\n');
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
