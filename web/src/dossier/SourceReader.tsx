import { useEffect, useRef, useState } from 'react';
import { loadArticle, type ArticleDetailT, type Dossier } from '../api.js';
import { displayDate } from '../format.js';
import type { Highlight, Selection, SourceLabels } from './model.js';

/** Non-overlapping, sorted ranges: overlapping highlights (a quote and its speaker) become one mark. */
export function mergeRanges(spans: readonly { start: number; end: number }[], length: number): Array<{ start: number; end: number }> {
  const sorted = spans.map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) })).filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The article as text (never as HTML), with the selected spans marked. */
function MarkedText({ text, spans }: { text: string; spans: readonly Highlight[] }) {
  const ranges = mergeRanges(spans, text.length);
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark key={i} data-span={`${r.start}-${r.end}`}>
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <div className="article-text">{parts}</div>;
}

function ReaderPane({ dossier, articleId, onChange, spans, labels, side }: { dossier: Dossier; articleId: string; onChange: (id: string) => void; spans: readonly Highlight[]; labels: SourceLabels; side: string }) {
  const [article, setArticle] = useState<ArticleDetailT | undefined>();
  const [error, setError] = useState('');
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    setArticle(undefined);
    setError('');
    loadArticle(articleId)
      .then((a) => live && setArticle(a))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [articleId]);
  const mine = spans.filter((s) => s.articleId === articleId);
  useEffect(() => {
    const first = body.current?.querySelector('mark');
    if (first && body.current) body.current.scrollTo({ top: Math.max(0, (first as HTMLElement).offsetTop - body.current.clientHeight / 3), behavior: 'smooth' });
  }, [article, spans]);
  const meta = dossier.articles.find((a) => a.id === articleId);
  return (
    <div className="pane">
      <label className="pane-pick">
        <span className="visually-hidden">{side} report</span>
        <select value={articleId} onChange={(e) => onChange(e.target.value)}>
          {dossier.articles.map((a) => (
            <option key={a.id} value={a.id}>
              {labels.name(a.id)}
              {spans.some((s) => s.articleId === a.id) ? ' ●' : ''}
            </option>
          ))}
        </select>
      </label>
      {meta && (
        <p className="small muted pane-meta">
          {meta.title && <strong className="pane-title">{meta.title}</strong>}
          {displayDate(meta.published)}
          {meta.authors.length > 0 && ` · ${meta.authors.join(', ')}`}
          {meta.duplicateOf && ` · copy of ${labels.name(meta.duplicateOf)}`}
          {` · ${mine.length} highlighted`}
        </p>
      )}
      <div className="pane-body" ref={body} tabIndex={0} aria-label={`Text of ${labels.name(articleId)}`}>
        {error && <p className="error">{error}</p>}
        {!article && !error && <p className="muted">Loading…</p>}
        {article && <MarkedText text={article.text} spans={mine} />}
      </div>
    </div>
  );
}

export function SourceReader({ dossier, labels, selection }: { dossier: Dossier; labels: SourceLabels; selection: Selection | undefined }) {
  const ids = dossier.articles.map((a) => a.id);
  const [left, setLeft] = useState(ids[0] ?? '');
  const [right, setRight] = useState(ids[1] ?? ids[0] ?? '');
  useEffect(() => {
    if (!selection) return;
    // Open the reports the selection is in: the two sides of a disagreement, or the first two reports citing the item.
    const cited = [...new Set([...(selection.prefer ?? []), ...selection.spans.map((s) => s.articleId)])];
    const rest = ids.filter((id) => !cited.includes(id));
    const [a, b] = [...cited, ...rest];
    if (a) setLeft(a);
    if (b) setRight(b);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection]);
  if (ids.length === 0) return null;
  const spans = selection?.spans ?? [];
  return (
    <section id="sources" aria-labelledby="sources-title" className="reader">
      <h2 id="sources-title">Source reader</h2>
      <p className="small" aria-live="polite">
        {selection ? (
          <>
            Showing <strong>{selection.label}</strong> in {new Set(spans.map((s) => s.articleId)).size} of {ids.length} reports.
          </>
        ) : (
          'Pick a fact, quote, person or disagreement to see the words behind it.'
        )}
      </p>
      <div className="panes">
        <ReaderPane dossier={dossier} articleId={left} onChange={setLeft} spans={spans} labels={labels} side="Left" />
        {ids.length > 1 && <ReaderPane dossier={dossier} articleId={right} onChange={setRight} spans={spans} labels={labels} side="Right" />}
      </div>
    </section>
  );
}
