import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Dossier } from '../api.js';
import { EntityGraph } from '../dossier/EntityGraph.js';
import { sourceLabels, type Selection } from '../dossier/model.js';
import { Brief, Disagreements, Facts, Quotes, Timeline, WhosWho } from '../dossier/sections.js';
import { SourceReader } from '../dossier/SourceReader.js';
import { Link } from '../router.js';

/** Below this width the reader sits under the sections rather than beside them, so a selection scrolls to it. */
const SIDE_BY_SIDE_MIN_WIDTH = 1100;

export function StoryPage({ id }: { id: string }) {
  const [dossier, setDossier] = useState<Dossier | undefined>();
  const [error, setError] = useState('');
  const [selection, setSelection] = useState<Selection | undefined>();
  useEffect(() => {
    let live = true;
    api
      .dossier(id)
      .then((d) => {
        if (!live) return;
        setDossier(d);
        document.title = `${d.headline.slice(0, 80)} · Triangulate`;
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [id]);
  const labels = useMemo(() => (dossier ? sourceLabels(dossier) : undefined), [dossier]);
  const onSelect = useCallback((s: Selection) => {
    setSelection(s);
    if (window.innerWidth < SIDE_BY_SIDE_MIN_WIDTH) document.getElementById('sources')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);

  if (error) {
    return (
      <div role="alert" className="error">
        <p>{error}</p>
        <Link to="/">Back to stories</Link>
      </div>
    );
  }
  if (!dossier || !labels) return <p className="muted">Building the dossier…</p>;
  const props = { dossier, labels, selected: selection?.key, onSelect };
  return (
    <div className="dossier">
      <Brief dossier={dossier} labels={labels} />
      <nav className="toc" aria-label="Dossier sections">
        <a href="#timeline">Timeline</a>
        <a href="#people">Who’s who</a>
        <a href="#quotes">Quotes</a>
        <a href="#facts">Facts</a>
        <a href="#disagreements">
          Disagreements{dossier.disagreements.length > 0 && <span className="badge">{dossier.disagreements.length}</span>}
        </a>
        <a href="#graph">Graph</a>
        <a href="#sources">Sources</a>
        <a href={`/api/stories/${encodeURIComponent(dossier.storyId)}/dossier?format=md`}>Markdown</a>
      </nav>
      <div className="dossier-grid">
        <div className="dossier-main">
          <Disagreements {...props} />
          <Timeline {...props} />
          <WhosWho {...props} />
          <Quotes {...props} />
          <Facts {...props} />
          <EntityGraph dossier={dossier} selected={selection?.key} onSelect={onSelect} />
        </div>
        <aside className="dossier-side">
          <SourceReader dossier={dossier} labels={labels} selection={selection} />
        </aside>
      </div>
    </div>
  );
}
