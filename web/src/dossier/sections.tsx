import { useMemo, useState } from 'react';
import type { Citation, Dossier, DossierEntity, DossierQuote, Fact } from '../api.js';
import { dayNumber, displayDate, displayDuration, plural } from '../format.js';
import { entitySpans, fromCitations, isOutlet, quoteSpans, supportText, type Highlight, type Selection, type SourceLabels } from './model.js';

export interface SectionProps {
  readonly dossier: Dossier;
  readonly labels: SourceLabels;
  readonly selected: string | undefined;
  readonly onSelect: (selection: Selection) => void;
}

/** A button that shows an item's spans in the source reader; aria-pressed says which item is shown. */
function ShowButton({ sel, selected, onSelect, children, className }: { sel: Selection; selected: string | undefined; onSelect: (s: Selection) => void; children: React.ReactNode; className?: string }) {
  return (
    <button type="button" className={`show ${className ?? ''}`} aria-pressed={selected === sel.key} onClick={() => onSelect(sel)}>
      {children}
    </button>
  );
}

function SourceRefs({ articleIds, labels }: { articleIds: readonly string[]; labels: SourceLabels }) {
  const ids = [...new Set(articleIds)];
  return (
    <span className="refs">
      {ids.slice(0, 12).map((id) => (
        <span key={id} className="ref" title={labels.name(id)}>
          {labels.ref(id)}
        </span>
      ))}
      {ids.length > 12 && <span className="ref">+{ids.length - 12}</span>}
    </span>
  );
}

/** The sentence a citation sits in, cut to a window around the cited words, which are marked. */
function Excerpt({ c }: { c: Citation }) {
  const WINDOW = 70;
  const text = c.sentence.text;
  const start = Math.max(0, c.start - c.sentence.start);
  const end = Math.min(text.length, c.end - c.sentence.start);
  const from = Math.max(0, start - WINDOW);
  const to = Math.min(text.length, end + WINDOW);
  return (
    <span className="excerpt">
      {from > 0 && '…'}
      {text.slice(from, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length && '…'}
    </span>
  );
}

/** Shows the first few of a long list, with a button for the rest (a 50-source story has hundreds of items). */
function useMore<T>(items: readonly T[], first: number): { shown: readonly T[]; more: React.ReactNode } {
  const [all, setAll] = useState(false);
  // Hiding one or two items behind a button costs more than showing them.
  if (items.length <= first + 2) return { shown: items, more: null };
  return {
    shown: all ? items : items.slice(0, first),
    more: (
      <button type="button" className="more" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? 'Show fewer' : `Show all ${items.length}`}
      </button>
    ),
  };
}

// ---- brief -----------------------------------------------------------------------------------------------------

export function Brief({ dossier, labels }: { dossier: Dossier; labels: SourceLabels }) {
  const outlets = [...new Set(dossier.articles.map((a) => a.outlet).filter((o): o is string => !!o))];
  const dates = dossier.articles.map((a) => a.published).filter((d): d is string => !!d).sort();
  const keyFacts = [...dossier.facts]
    .filter((f) => !f.singleSource && f.kind !== 'quote')
    .sort((a, b) => b.support.independentSources - a.support.independentSources || b.support.reports - a.support.reports)
    .slice(0, 5);
  const people = dossier.entities
    .filter((e) => e.type === 'person' && !e.plural && !e.unnamed && !isOutlet(dossier, e.name))
    .sort((a, b) => b.support.independentSources - a.support.independentSources || b.mentions.length - a.mentions.length)
    .slice(0, 6);
  const summary = dossier.disagreements.length > 0 ? dossier.summary.filter((line) => !/^\d+ disagreements?:/.test(line)) : dossier.summary;
  return (
    <section id="brief" aria-labelledby="brief-title" className="brief">
      <p className="kicker">Story dossier · {plural(dossier.articles.length, 'report')} · {plural(labels.totalIndependent, 'independent source')}</p>
      <h1 id="brief-title">{dossier.headline}</h1>
      <p className="muted">
        {outlets.slice(0, 10).join(' · ')}
        {outlets.length > 10 && ` · +${outlets.length - 10} more`}
        {dates.length > 0 && ` — ${displayDate(dates[0])}${dates.length > 1 && dates[dates.length - 1] !== dates[0] ? ` to ${displayDate(dates[dates.length - 1])}` : ''}`}
      </p>
      <div className="brief-grid">
        <div>
          <h2>In two minutes</h2>
          <ul className="summary">
            {summary.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
        {keyFacts.length > 0 && (
          <div>
            <h2>What sources agree on</h2>
            <ul className="summary">
              {keyFacts.map((f) => (
                <li key={f.id}>
                  {f.text} <span className="muted">({supportText(f.support.independentSources, f.support.reports, labels.totalIndependent)})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {dossier.disagreements.length > 0 && (
          <div>
            <h2>Where they differ</h2>
            <ul className="summary conflict-list">
              {dossier.disagreements.map((d) => (
                <li key={d.id}>
                  <a href={`#${d.id}`}>{d.topic}</a>: {d.values.map((v) => v.display).join(' vs ')}
                </li>
              ))}
            </ul>
          </div>
        )}
        {people.length > 0 && (
          <div>
            <h2>Key people</h2>
            <ul className="summary">
              {people.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong>
                  {p.roles[0] && `, ${p.roles[0].role}`}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

// ---- timeline --------------------------------------------------------------------------------------------------

export function Timeline({ dossier, labels, selected, onSelect }: SectionProps) {
  const events = new Map(dossier.events.map((e) => [e.id, e] as const));
  const entries = dossier.timeline;
  const days = entries.map((t) => dayNumber(t.date));
  const known = days.filter((d): d is number => d !== undefined);
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = Math.max(1, max - min);
  const x = (d: number) => 30 + ((d - min) / span) * 540;
  if (entries.length === 0) {
    return (
      <section id="timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p className="muted">No dated events were found in these reports.</p>
      </section>
    );
  }
  return (
    <section id="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {known.length > 0 && (
        <svg className="axis" viewBox="0 0 600 64" role="img" aria-label={`Time axis from ${displayDate(entries[0]?.date)} to ${displayDate(entries[entries.length - 1]?.date)}`}>
          <line x1="20" y1="28" x2="580" y2="28" className="axis-line" />
          {entries.map((t, i) => {
            const d = days[i];
            if (d === undefined) return null;
            return (
              <g key={t.eventId} className={t.disputed ? 'axis-dot disputed' : 'axis-dot'}>
                <circle cx={x(d)} cy={28} r={9} />
                <text x={x(d)} y={32} textAnchor="middle">
                  {i + 1}
                </text>
              </g>
            );
          })}
          <text x={x(min)} y={58} textAnchor="start" className="axis-label">
            {displayDate(entries.find((_, i) => days[i] === min)?.date)}
          </text>
          {max > min && (
            <text x={x(max)} y={58} textAnchor="end" className="axis-label">
              {displayDate(entries.find((_, i) => days[i] === max)?.date)}
            </text>
          )}
        </svg>
      )}
      <ol className="timeline">
        {entries.map((t, i) => {
          const event = events.get(t.eventId);
          const sel: Selection = { key: `ev:${t.eventId}`, label: t.label, spans: event ? fromCitations(event.sources) : [] };
          return (
            <li key={t.eventId} className={t.disputed ? 'tl-item disputed' : 'tl-item'}>
              <span className="tl-num" aria-hidden="true">
                {i + 1}
              </span>
              <div className="tl-body">
                <p className="tl-date">
                  <time dateTime={t.date}>{displayDate(t.date)}</time>
                  {t.disputed && <span className="tag conflict">date disputed: also {t.alternatives.map(displayDate).join(', ')}</span>}
                  {event?.date?.resolvedFromStory && event.date.resolvedFromStory.length > 0 && <span className="tag">resolved across reports</span>}
                  {t.modality !== 'actual' && <span className="tag">{t.modality === 'planned' ? 'planned' : 'possible, not confirmed'}</span>}
                  {event?.modality.disputed && <span className="tag conflict">reports differ on whether it happened</span>}
                </p>
                <p className="tl-label">{t.label}</p>
                {event?.duration && (
                  <p className="casualties">
                    lasting {event.duration.values.map((v) => v.sources[0]?.text ?? displayDuration(v.value)).join(' or ')}
                    {event.duration.disputed && <span className="tag conflict">length disputed</span>}
                  </p>
                )}
                {event?.casualties && event.casualties.length > 0 && <p className="casualties">{casualtySummary(event.casualties)}</p>}
                {event?.tallies && event.tallies.length > 0 && (
                  <p className="casualties">tally: {[...new Set(event.tallies.map((t) => `${t.inFavour}–${t.against}${t.abstentions !== undefined ? ` (${t.abstentions} abstaining)` : ''}`))].join(', ')}</p>
                )}
                {event && event.participants.length > 0 && (
                  <p className="participants">
                    {event.participants.slice(0, 12).map((p) => (
                      <span key={p.name} className="chip">
                        {p.name}
                      </span>
                    ))}
                    {event.participants.length > 12 && <span className="chip">+{event.participants.length - 12}</span>}
                  </p>
                )}
                <p className="tl-sources">
                  <span className="muted">{supportText(t.support.independentSources, t.support.reports, labels.totalIndependent)}:</span>{' '}
                  <SourceRefs articleIds={t.support.articleIds} labels={labels} />{' '}
                  <ShowButton sel={sel} selected={selected} onSelect={onSelect}>
                    Show in sources
                  </ShowButton>
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "killed: at least 12, 9 · injured: 30": each figure the reports give, per kind, in the order first given. */
function casualtySummary(casualties: NonNullable<Dossier['events'][number]['casualties']>): string {
  const byKind = new Map<string, string[]>();
  for (const c of casualties) {
    const qualifier = { exact: '', 'at-least': 'at least ', 'more-than': 'more than ', 'fewer-than': 'fewer than ', about: 'about ', 'at-most': 'up to ' }[c.qualifier];
    const figure = `${qualifier}${c.value.toLocaleString('en-GB')}${c.unit === 'people' ? '' : ` ${c.unit}`}`;
    const list = byKind.get(c.kind) ?? [];
    if (!list.includes(figure)) list.push(figure);
    byKind.set(c.kind, list);
  }
  return [...byKind].map(([kind, figures]) => `${kind}: ${figures.join(', ')}`).join(' · ');
}

// ---- who's who -------------------------------------------------------------------------------------------------

function PersonCard({ e, labels, selected, onSelect }: { e: DossierEntity } & Omit<SectionProps, 'dossier'>) {
  const sel: Selection = { key: `en:${e.id}`, label: e.name, spans: entitySpans(e) };
  return (
    <li className="card person">
      <h3>{e.name}</h3>
      {e.aliases.length > 0 && <p className="muted small">also: {e.aliases.slice(0, 4).join(', ')}</p>}
      {e.roles.length > 0 && (
        <ul className="roles">
          {e.roles.slice(0, 4).map((r) => (
            <li key={r.role}>
              {r.title && <span className="muted">{r.title} · </span>}
              {r.role}
              {r.support.singleSource && labels.totalIndependent > 1 && <span className="tag single">1 source</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        {e.affiliation && (
          <span className="chip" title="organisation">
            {e.affiliation}
          </span>
        )}
        {e.nationality && (
          <span className="chip" title="country">
            {e.nationality}
          </span>
        )}
      </p>
      <p className="small muted">
        {plural(e.mentions.length, 'mention')} · {supportText(e.support.independentSources, e.support.reports, labels.totalIndependent)}
      </p>
      <ShowButton sel={sel} selected={selected} onSelect={onSelect}>
        Highlight mentions
      </ShowButton>
    </li>
  );
}

export function WhosWho({ dossier, labels, selected, onSelect }: SectionProps) {
  const people = dossier.entities
    .filter((e) => e.type === 'person' && !e.plural && !isOutlet(dossier, e.name))
    .sort((a, b) => b.support.independentSources - a.support.independentSources || b.mentions.length - a.mentions.length);
  const named = people.filter((p) => !p.unnamed);
  const unnamed = people.filter((p) => p.unnamed);
  const orgs = dossier.entities.filter((e) => e.type === 'organisation' && !e.plural);
  const places = dossier.entities.filter((e) => (e.type === 'gpe' || e.type === 'location') && !e.plural);
  const { shown: cards, more } = useMore(named, 9);
  const chipList = (list: readonly DossierEntity[]) => (
    <ul className="chip-list">
      {list.map((e) => (
        <li key={e.id}>
          <ShowButton sel={{ key: `en:${e.id}`, label: e.name, spans: entitySpans(e) }} selected={selected} onSelect={onSelect} className="chip-button">
            {e.name} <span className="muted">{e.support.independentSources}</span>
          </ShowButton>
        </li>
      ))}
    </ul>
  );
  return (
    <section id="people" aria-labelledby="people-title">
      <h2 id="people-title">Who’s who</h2>
      <ul className="cards">
        {cards.map((e) => (
          <PersonCard key={e.id} e={e} labels={labels} selected={selected} onSelect={onSelect} />
        ))}
      </ul>
      {more}
      {unnamed.length > 0 && (
        <>
          <h3>Unnamed sources</h3>
          {chipList(unnamed)}
        </>
      )}
      {orgs.length > 0 && (
        <>
          <h3>Organisations</h3>
          {chipList(orgs)}
        </>
      )}
      {places.length > 0 && (
        <>
          <h3>Countries and places</h3>
          {chipList(places)}
        </>
      )}
    </section>
  );
}

// ---- quotes ----------------------------------------------------------------------------------------------------

export function Quotes({ dossier, labels, selected, onSelect }: SectionProps) {
  const groups = useMemo(() => {
    const bySpeaker = new Map<string, DossierQuote[]>();
    for (const q of dossier.quotes) bySpeaker.set(q.speaker || 'Unattributed', [...(bySpeaker.get(q.speaker || 'Unattributed') ?? []), q]);
    return [...bySpeaker].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  }, [dossier]);
  return (
    <section id="quotes" aria-labelledby="quotes-title">
      <h2 id="quotes-title">Quotes by speaker</h2>
      {groups.length === 0 && <p className="muted">No quotes found.</p>}
      {groups.map(([speaker, quotes]) => (
        <SpeakerGroup key={speaker} speaker={speaker} quotes={quotes} labels={labels} selected={selected} onSelect={onSelect} />
      ))}
    </section>
  );
}

function SpeakerGroup({ speaker, quotes, labels, selected, onSelect }: { speaker: string; quotes: readonly DossierQuote[] } & Omit<SectionProps, 'dossier'>) {
  const { shown, more } = useMore(quotes, 3);
  return (
        <div className="speaker-group">
          <h3>
            {speaker} <span className="muted small">{plural(quotes.length, 'quote')}</span>
          </h3>
          <ul className="quotes">
            {shown.map((q) => (
              <li key={q.id} className="quote">
                <blockquote>{q.direct ? `“${q.text}”` : q.text}</blockquote>
                <p className="small">
                  <span className="tag">{q.direct ? 'direct' : 'reported'}</span>
                  {q.cue && <span className="muted">{q.cue} · </span>}
                  <span className="muted">{supportText(q.support.independentSources, q.support.reports, labels.totalIndependent)} </span>
                  <SourceRefs articleIds={q.support.articleIds} labels={labels} />
                  {q.speakers.length > 1 && (
                    <span className="tag conflict">attribution disputed: {q.speakers.map((s) => `${s.name} (${s.articleIds.map(labels.ref).join(', ')})`).join(' vs ')}</span>
                  )}{' '}
                  <ShowButton sel={{ key: `q:${q.id}`, label: `Quote: ${q.text.slice(0, 60)}`, spans: quoteSpans(q) }} selected={selected} onSelect={onSelect}>
                    Show in sources
                  </ShowButton>
                </p>
              </li>
            ))}
          </ul>
          {more}
        </div>
  );
}

// ---- facts -----------------------------------------------------------------------------------------------------

type FactFilter = 'all' | 'corroborated' | 'single';

export function Facts({ dossier, labels, selected, onSelect }: SectionProps) {
  const [filter, setFilter] = useState<FactFilter>('all');
  const shown = dossier.facts.filter((f: Fact) => (filter === 'all' ? true : filter === 'single' ? f.singleSource : !f.singleSource));
  const sorted = [...shown].sort((a, b) => b.support.independentSources - a.support.independentSources || b.support.reports - a.support.reports);
  const singles = dossier.facts.filter((f) => f.singleSource).length;
  const { shown: visible, more } = useMore(sorted, 15);
  return (
    <section id="facts" aria-labelledby="facts-title">
      <h2 id="facts-title">Facts and their support</h2>
      <fieldset className="filter">
        <legend className="visually-hidden">Show facts</legend>
        {(
          [
            ['all', `All (${dossier.facts.length})`],
            ['corroborated', `Corroborated (${dossier.facts.length - singles})`],
            ['single', `Single source (${singles})`],
          ] as const
        ).map(([value, text]) => (
          <label key={value}>
            <input type="radio" name="fact-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} /> {text}
          </label>
        ))}
      </fieldset>
      <ul className="facts">
        {visible.map((f) => {
          const share = Math.min(1, f.support.independentSources / labels.totalIndependent);
          return (
            <li key={f.id} className={f.singleSource ? 'fact single-source' : 'fact'}>
              <div className="fact-text">
                <span className="tag kind">{f.kind}</span> {f.text}
                {f.singleSource && <span className="tag single">single source</span>}
              </div>
              <div className="fact-support">
                <div
                  className="bar"
                  role="meter"
                  aria-valuemin={0}
                  aria-valuemax={labels.totalIndependent}
                  aria-valuenow={f.support.independentSources}
                  aria-label={`Carried by ${supportText(f.support.independentSources, f.support.reports, labels.totalIndependent)}`}
                >
                  <span style={{ width: `${Math.max(4, share * 100)}%` }} />
                </div>
                <span className="small muted">{supportText(f.support.independentSources, f.support.reports, labels.totalIndependent)}</span>
                <ShowButton sel={{ key: `f:${f.id}`, label: f.text, spans: fromCitations(f.sources) }} selected={selected} onSelect={onSelect}>
                  Show
                </ShowButton>
              </div>
            </li>
          );
        })}
      </ul>
      {more}
    </section>
  );
}

// ---- disagreements ---------------------------------------------------------------------------------------------

export function Disagreements({ dossier, labels, selected, onSelect }: SectionProps) {
  return (
    <section id="disagreements" aria-labelledby="disagreements-title">
      <h2 id="disagreements-title">Disagreements</h2>
      {dossier.disagreements.length === 0 && <p className="muted">The sources do not contradict each other on anything checked.</p>}
      {dossier.disagreements.map((d) => {
        const all: Highlight[] = d.values.flatMap((v) => fromCitations(v.sources));
        const prefer = d.values.map((v) => v.sources[0]?.articleId).filter((id): id is string => id !== undefined);
        return (
          <article key={d.id} id={d.id} className="disagreement" aria-labelledby={`${d.id}-t`}>
            <h3 id={`${d.id}-t`}>{d.topic}</h3>
            <div className="values">
              {d.values.map((v, i) => (
                <div key={i} className={`value ${v.status}`}>
                  <p className="value-display">{v.display}</p>
                  <p className="small">
                    <span className={`tag ${v.status === 'conflicting' ? 'conflict' : 'ok'}`}>{v.status}</span>{' '}
                    <span className="muted">{supportText(v.support.independentSources, v.support.reports, labels.totalIndependent)}</span>
                  </p>
                  <ul className="value-sources">
                    {[...new Map(v.sources.map((s) => [s.articleId, s] as const)).values()].slice(0, 6).map((s) => (
                      <li key={s.articleId}>
                        <strong>{labels.name(s.articleId)}</strong>: <Excerpt c={s} />
                      </li>
                    ))}
                  </ul>
                  <ShowButton sel={{ key: `d:${d.id}:${i}`, label: `${d.topic}: ${v.display}`, spans: fromCitations(v.sources) }} selected={selected} onSelect={onSelect}>
                    Show this side
                  </ShowButton>
                </div>
              ))}
            </div>
            <p className="note">{d.note}</p>
            <ShowButton sel={{ key: `d:${d.id}`, label: d.topic, spans: all, prefer }} selected={selected} onSelect={onSelect} className="primary">
              Compare side by side
            </ShowButton>
          </article>
        );
      })}
    </section>
  );
}
