import { useEffect, useState, type FormEvent } from 'react';
import { api, type Page, type StorySummaryT } from '../api.js';
import { displayDate, plural } from '../format.js';
import { Link, navigate } from '../router.js';

export function StoriesPage() {
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  const [query, setQuery] = useState(initial);
  const [active, setActive] = useState(initial);
  const [page, setPage] = useState<Page<StorySummaryT> | undefined>();
  const [error, setError] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let live = true;
    setError('');
    api
      .stories(active)
      .then((p) => live && setPage(p))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [active]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(query ? `/?q=${encodeURIComponent(query)}` : '/');
    setActive(query.trim());
  };
  const more = async () => {
    if (!page?.nextOffset) return;
    setLoadingMore(true);
    try {
      const next = await api.stories(active, page.nextOffset);
      setPage({ ...next, items: [...page.items, ...next.items] });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section aria-labelledby="stories-title">
      <div className="page-head">
        <h1 id="stories-title">Stories</h1>
        <form role="search" onSubmit={submit} className="search">
          <label htmlFor="story-search" className="visually-hidden">
            Search stories
          </label>
          <input id="story-search" type="search" placeholder="Search titles, outlets…" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit">Search</button>
        </form>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {!page && !error && <p className="muted">Loading…</p>}
      {page && page.items.length === 0 && (
        <p className="empty">
          {active ? `No story matches “${active}”.` : 'No stories yet.'} <Link to="/ingest">Ingest some reports</Link> to begin.
        </p>
      )}
      {page && page.items.length > 0 && (
        <>
          <p className="muted">{plural(page.total, 'story', 'stories')}, newest first</p>
          <ol className="story-list">
            {page.items.map((s) => (
              <li key={s.id} className="story-card">
                <h2>
                  <Link to={`/stories/${s.id}`}>{s.title ?? s.headline ?? s.id}</Link>
                </h2>
                {s.headline && s.headline !== s.title && <p className="headline">{s.headline}</p>}
                <dl className="stats">
                  <div>
                    <dt>Outlets</dt>
                    <dd>{s.outletCount}</dd>
                  </div>
                  <div>
                    <dt>Reports</dt>
                    <dd>
                      {s.articleCount}
                      {s.articleCount > s.independentReports && <span className="muted"> ({plural(s.articleCount - s.independentReports, 'copy', 'copies')})</span>}
                    </dd>
                  </div>
                  <div className={s.disagreementCount > 0 ? 'has-conflict' : ''}>
                    <dt>Disagreements</dt>
                    <dd>{s.disagreementCount}</dd>
                  </div>
                  <div>
                    <dt>Last update</dt>
                    <dd>
                      <time dateTime={s.lastUpdate}>{displayDate(s.lastUpdate)}</time>
                    </dd>
                  </div>
                </dl>
                {s.outlets.length > 0 && (
                  <p className="outlets">
                    {s.outlets.slice(0, 8).join(' · ')}
                    {s.outlets.length > 8 && ` · +${s.outlets.length - 8} more`}
                  </p>
                )}
              </li>
            ))}
          </ol>
          {page.nextOffset !== undefined && (
            <button type="button" onClick={more} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'More stories'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
