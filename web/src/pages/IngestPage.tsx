import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { api, tokenStore, type JobT } from '../api.js';
import { plural } from '../format.js';
import { Link } from '../router.js';

type JobItem = JobT['items'][number];

function useJob(jobId: string | undefined): { job: JobT | undefined; items: JobItem[] } {
  const [job, setJob] = useState<JobT | undefined>();
  const [items, setItems] = useState<JobItem[]>([]);
  useEffect(() => {
    if (!jobId) return;
    setItems([]);
    const source = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
    source.addEventListener('snapshot', (e) => {
      const snapshot = JSON.parse((e as MessageEvent<string>).data) as JobT;
      setJob(snapshot);
      setItems(snapshot.items);
    });
    source.addEventListener('item', (e) => {
      const { item, job } = JSON.parse((e as MessageEvent<string>).data) as { item: JobItem; job: Omit<JobT, 'items'> };
      setItems((old) => [...old, item]);
      setJob((old) => ({ ...job, items: old?.items ?? [] }));
    });
    for (const type of ['status', 'done']) {
      source.addEventListener(type, (e) => {
        setJob(JSON.parse((e as MessageEvent<string>).data) as JobT);
        if (type === 'done') source.close();
      });
    }
    // The stream ends when the job does; a dropped connection falls back to one poll.
    source.onerror = () => {
      source.close();
      void api.job(jobId).then((j) => {
        setJob(j);
        setItems(j.items);
      });
    };
    return () => source.close();
  }, [jobId]);
  return { job, items };
}

function JobProgress({ jobId }: { jobId: string }) {
  const { job, items } = useJob(jobId);
  if (!job) return <p className="muted">Starting…</p>;
  const finished = job.status === 'done' || job.status === 'failed';
  return (
    <section className="job" aria-labelledby="job-title" aria-busy={!finished}>
      <h2 id="job-title">
        {job.label}: <span className={`status ${job.status}`}>{job.status}</span>
      </h2>
      <p aria-live="polite" className="job-counts">
        {plural(job.processed, 'input')} processed · {job.stored} stored · {job.unchanged} already stored · {job.skipped} skipped · {job.failed} failed
      </p>
      {!finished && <progress aria-label="Ingest progress" />}
      {job.error && <p className="error">{job.error}</p>}
      <ol className="job-items">
        {items.map((item, i) => (
          <li key={i} className={`job-item ${item.status}`}>
            <span className="tag">{item.status}</span> <span className="origin">{item.origin}</span>
            {item.title && <> — {item.title}</>}
            {item.message && <span className="muted"> — {item.message}</span>}
          </li>
        ))}
      </ol>
      {finished && job.storyIds.length > 0 && (
        <div className="job-stories">
          <h3>Stories</h3>
          <ul>
            {job.storyIds.map((id) => (
              <li key={id}>
                <Link to={`/stories/${id}`}>Open story {id}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function IngestPage() {
  const [urls, setUrls] = useState('');
  const [text, setText] = useState('');
  const [textDate, setTextDate] = useState('');
  const [textTitle, setTextTitle] = useState('');
  const [defaultDate, setDefaultDate] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [token, setToken] = useState(tokenStore.get());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (start: () => Promise<{ job: JobT }>) => {
    setError('');
    setBusy(true);
    tokenStore.set(token.trim());
    try {
      setJobId((await start()).job.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submitUrls = (e: FormEvent) => {
    e.preventDefault();
    const list = urls.split(/\s+/).map((u) => u.trim()).filter(Boolean);
    if (list.length === 0) return setError('Give at least one URL.');
    void run(() => api.ingest({ urls: list, ...(defaultDate ? { defaultPublished: defaultDate } : {}) }));
  };
  const submitText = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || !textDate) return setError('Paste the report and give its publication date.');
    void run(() => api.ingest({ texts: [{ text, published: textDate, ...(textTitle.trim() ? { title: textTitle.trim() } : {}) }] }));
  };
  const submitFiles = (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) return setError('Choose or drop some files first.');
    void run(() => api.upload(files, defaultDate));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    setFiles((old) => [...old, ...Array.from(e.dataTransfer.files)]);
  };

  return (
    <section aria-labelledby="ingest-title" className="ingest">
      <h1 id="ingest-title">Ingest reports</h1>
      <p className="muted">Add news reports by URL, feed, file or pasted text. Ingestion runs in the background; progress shows below.</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="ingest-grid">
        <form onSubmit={submitFiles} className="panel" aria-labelledby="files-title">
          <h2 id="files-title">Files</h2>
          <div
            className={`dropzone${dragging ? ' dragging' : ''}`}
            data-testid="dropzone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <p>Drop HTML, text, Markdown, feed, JSON or WARC files here</p>
            <button type="button" onClick={() => fileInput.current?.click()}>
              Choose files…
            </button>
            <input
              ref={fileInput}
              id="file-input"
              type="file"
              multiple
              className="visually-hidden"
              tabIndex={-1}
              onChange={(e) => setFiles((old) => [...old, ...Array.from(e.target.files ?? [])])}
            />
          </div>
          {files.length > 0 && (
            <ul className="file-list" aria-label="Files to upload">
              {files.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  {f.name} <span className="muted">({Math.ceil(f.size / 1024)} kB)</span>{' '}
                  <button type="button" className="link" onClick={() => setFiles(files.filter((_, j) => j !== i))} aria-label={`Remove ${f.name}`}>
                    remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="submit" className="primary" disabled={busy || files.length === 0}>
            Upload {files.length > 0 ? plural(files.length, 'file') : ''}
          </button>
        </form>

        <form onSubmit={submitUrls} className="panel" aria-labelledby="urls-title">
          <h2 id="urls-title">URLs and feeds</h2>
          <label htmlFor="urls">Article or RSS/Atom feed URLs, one per line</label>
          <textarea id="urls" rows={5} value={urls} onChange={(e) => setUrls(e.target.value)} placeholder="https://news.example.org/world/talks" />
          <button type="submit" className="primary" disabled={busy}>
            Fetch
          </button>
        </form>

        <form onSubmit={submitText} className="panel" aria-labelledby="text-title">
          <h2 id="text-title">Paste a report</h2>
          <label htmlFor="paste-title">Title (optional)</label>
          <input id="paste-title" value={textTitle} onChange={(e) => setTextTitle(e.target.value)} />
          <label htmlFor="paste-date">Publication date</label>
          <input id="paste-date" type="date" value={textDate} onChange={(e) => setTextDate(e.target.value)} />
          <label htmlFor="paste-text">Text</label>
          <textarea id="paste-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="primary" disabled={busy}>
            Ingest text
          </button>
        </form>

        <div className="panel">
          <h2>Options</h2>
          <label htmlFor="default-date">Date for files and pages that state none</label>
          <input id="default-date" type="date" value={defaultDate} onChange={(e) => setDefaultDate(e.target.value)} />
          <label htmlFor="token">API token (if the server needs one)</label>
          <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        </div>
      </div>
      {jobId && <JobProgress jobId={jobId} key={jobId} />}
    </section>
  );
}
