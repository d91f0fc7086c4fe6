/**
 * Background ingestion. A job is a batch of inputs run through the shared `ingestBatch`,
 * then a re-clustering of stories. Jobs run one at a time (SQLite has one writer and the
 * analysis is CPU-bound, so running two at once would only make both slower), and their
 * progress is kept in memory for polling and for server-sent events.
 */
import type { BatchItemResult } from '../batch.js';
import { ingestBatch } from '../batch.js';
import type { IngestItem } from '../ingest/index.js';
import { updateStories } from '../story-service.js';
import type { Store } from '../store/index.js';
import type { JobItemT, JobT } from './schemas.js';

/** Per-job results kept for the API; a 10 000-item WARC still reports its counts, only the list is cut. */
export const MAX_ITEMS_KEPT = 1000;
/** Finished jobs remembered; older ones are forgotten so a long-running server does not grow without bound. */
export const MAX_JOBS_KEPT = 200;

export type JobKind = JobT['kind'];

export type JobEvent =
  | { readonly type: 'item'; readonly item: JobItemT; readonly job: JobT }
  | { readonly type: 'status'; readonly job: JobT }
  | { readonly type: 'done'; readonly job: JobT };

export interface JobSpec {
  readonly kind: JobKind;
  readonly label: string;
  /** Produces the inputs when the job starts (not before: a queued URL job fetches nothing yet). */
  readonly items: () => AsyncIterable<IngestItem>;
  readonly defaultPublished?: string;
  /** Runs after the job, whatever its outcome (temp-file clean-up). */
  readonly cleanup?: () => Promise<void>;
}

export interface JobQueueOptions {
  readonly store: Store;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Told after each job that stored something, so derived caches are dropped. */
  readonly onStoreChanged?: () => void;
}

interface JobState {
  job: JobT;
  readonly listeners: Set<(event: JobEvent) => void>;
}

export class JobQueue {
  private readonly jobs = new Map<string, JobState>();
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly options: JobQueueOptions) {}

  submit(spec: JobSpec): JobT {
    const job: JobT = {
      id: this.options.newId(),
      kind: spec.kind,
      label: spec.label,
      status: 'queued',
      createdAt: this.options.now().toISOString(),
      processed: 0,
      stored: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      items: [],
      storyIds: [],
    };
    this.jobs.set(job.id, { job, listeners: new Set() });
    this.forgetOldJobs();
    this.tail = this.tail.then(() => this.run(job.id, spec));
    return job;
  }

  get(id: string): JobT | undefined {
    return this.jobs.get(id)?.job;
  }

  list(): JobT[] {
    return [...this.jobs.values()].map((s) => s.job).reverse();
  }

  /** Calls `listener` for every later event of the job; returns the unsubscribe function. */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    const state = this.jobs.get(id);
    if (!state) return () => {};
    state.listeners.add(listener);
    return () => state.listeners.delete(listener);
  }

  /** Resolves when every job submitted so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }

  private update(id: string, change: Partial<JobT>, event?: 'status' | 'done'): JobT {
    const state = this.jobs.get(id)!;
    state.job = { ...state.job, ...change };
    if (event) for (const listener of state.listeners) listener({ type: event, job: state.job });
    return state.job;
  }

  private async run(id: string, spec: JobSpec): Promise<void> {
    this.update(id, { status: 'running', startedAt: this.options.now().toISOString() }, 'status');
    const storedIds: string[] = [];
    try {
      const summary = await ingestBatch(spec.items(), this.options.store, {
        now: this.options.now,
        ...(spec.defaultPublished ? { defaultPublished: spec.defaultPublished } : {}),
        onItem: (result) => {
          if (result.status === 'stored') storedIds.push(result.id);
          if (result.status === 'unchanged' && result.articleId) storedIds.push(result.articleId);
          this.recordItem(id, result);
        },
      });
      let storyIds: string[] = [];
      if (summary.stored > 0) {
        const stories = await updateStories(this.options.store, this.options.now);
        this.options.onStoreChanged?.();
        const wanted = new Set(storedIds);
        storyIds = stories.filter((s) => s.articleIds.some((a) => wanted.has(a))).map((s) => s.id);
      } else if (storedIds.length > 0) {
        const assignments = await this.options.store.listStoryAssignments();
        const wanted = new Set(storedIds);
        storyIds = [...new Set(assignments.filter((a) => wanted.has(a.articleId)).map((a) => a.storyId))];
      }
      this.update(id, { status: 'done', finishedAt: this.options.now().toISOString(), storyIds }, 'done');
    } catch (error) {
      this.update(id, { status: 'failed', finishedAt: this.options.now().toISOString(), error: (error as Error).message }, 'done');
    } finally {
      await spec.cleanup?.().catch(() => undefined);
    }
  }

  private recordItem(id: string, result: BatchItemResult): void {
    const state = this.jobs.get(id)!;
    const item = toJobItem(result);
    const job = state.job;
    const counts = {
      processed: job.processed + 1,
      stored: job.stored + (result.status === 'stored' ? 1 : 0),
      unchanged: job.unchanged + (result.status === 'unchanged' ? 1 : 0),
      skipped: job.skipped + (result.status === 'skipped' ? 1 : 0),
      failed: job.failed + (result.status === 'failed' ? 1 : 0),
    };
    const items = job.items.length < MAX_ITEMS_KEPT ? [...job.items, item] : job.items;
    state.job = { ...job, ...counts, items };
    for (const listener of state.listeners) listener({ type: 'item', item, job: state.job });
  }

  private forgetOldJobs(): void {
    for (const [id, state] of this.jobs) {
      if (this.jobs.size <= MAX_JOBS_KEPT) break;
      if (state.job.status === 'done' || state.job.status === 'failed') this.jobs.delete(id);
    }
  }
}

export function toJobItem(result: BatchItemResult): JobItemT {
  switch (result.status) {
    case 'stored':
      return { status: 'stored', origin: result.origin, id: result.id, ...(result.title ? { title: result.title } : {}), ...(result.warning ? { message: result.warning } : {}) };
    case 'unchanged':
      return { status: 'unchanged', origin: result.origin, id: result.articleId ?? result.id };
    case 'failed':
      return { status: 'failed', origin: result.origin, rule: result.rule, message: result.message, ...(result.id ? { id: result.id } : {}) };
    case 'skipped':
      return { status: 'skipped', origin: result.origin, rule: result.rule, message: result.message };
  }
}
