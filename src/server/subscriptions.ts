/**
 * Feed subscriptions: each feed is polled when subscribed and then on its interval, every
 * poll being an ordinary ingest job (already-stored items come back `unchanged`, so polling
 * is idempotent). Kept in the store, so a restarted server picks its feeds up again (`restore`).
 */
import type { FeedSubscription, Store } from '../store/index.js';
import type { JobT, SubscriptionT } from './schemas.js';

export interface Timers {
  readonly every: (ms: number, fn: () => void) => () => void;
}

export const realTimers: Timers = {
  every: (ms, fn) => {
    const handle = setInterval(fn, ms);
    // A subscription must not keep a process alive that is otherwise done (tests, shutdown).
    handle.unref();
    return () => clearInterval(handle);
  },
};

export class Subscriptions {
  private readonly subs = new Map<string, { sub: SubscriptionT; cancel: () => void }>();

  constructor(
    private readonly options: {
      readonly now: () => Date;
      readonly newId: () => string;
      readonly timers: Timers;
      readonly poll: (url: string) => JobT;
      /** Where subscriptions are kept across restarts. */
      readonly store: Store;
    },
  ) {}

  async add(url: string, intervalMinutes: number): Promise<SubscriptionT> {
    const existing = [...this.subs.values()].find((s) => s.sub.url === url);
    if (existing) this.stop(existing.sub.id);
    const sub: SubscriptionT = { id: this.options.newId(), url, intervalMinutes, createdAt: this.options.now().toISOString() };
    // Stored first: a subscription the store refused must not be polled as if it were kept.
    await this.options.store.saveFeedSubscription(kept(sub));
    this.start(sub);
    this.pollNow(sub.id);
    return this.subs.get(sub.id)!.sub;
  }

  /** Starts polling every subscription kept in the store (at server start); each is polled once at once. */
  async restore(): Promise<number> {
    const kept = await this.options.store.listFeedSubscriptions();
    for (const sub of kept) {
      if (this.subs.has(sub.id)) continue;
      this.start(sub);
      this.pollNow(sub.id);
    }
    return kept.length;
  }

  pollNow(id: string): JobT | undefined {
    const entry = this.subs.get(id);
    if (!entry) return undefined;
    const job = this.options.poll(entry.sub.url);
    entry.sub = { ...entry.sub, lastPolledAt: this.options.now().toISOString(), lastJobId: job.id };
    // Poll times are informational; failing to record one must not stop the polling.
    this.options.store.saveFeedSubscription(kept(entry.sub)).catch(() => undefined);
    return job;
  }

  async remove(id: string): Promise<boolean> {
    const running = this.stop(id);
    const stored = await this.options.store.deleteFeedSubscription(id);
    return running || stored;
  }

  private start(sub: SubscriptionT): void {
    const cancel = this.options.timers.every(sub.intervalMinutes * 60_000, () => this.pollNow(sub.id));
    this.subs.set(sub.id, { sub, cancel });
  }

  /** Stops polling without forgetting the subscription (shutdown, or replacement by a new one). */
  private stop(id: string): boolean {
    const entry = this.subs.get(id);
    if (!entry) return false;
    entry.cancel();
    this.subs.delete(id);
    return true;
  }

  list(): SubscriptionT[] {
    return [...this.subs.values()].map((e) => e.sub);
  }

  /** Stops every timer; the subscriptions stay in the store for the next start. */
  close(): void {
    for (const id of [...this.subs.keys()]) this.stop(id);
  }
}

/** The stored form: schema-inferred optionals may be `undefined`, stored ones are absent. */
function kept(sub: SubscriptionT): FeedSubscription {
  return {
    id: sub.id,
    url: sub.url,
    intervalMinutes: sub.intervalMinutes,
    createdAt: sub.createdAt,
    ...(sub.lastPolledAt === undefined ? {} : { lastPolledAt: sub.lastPolledAt }),
    ...(sub.lastJobId === undefined ? {} : { lastJobId: sub.lastJobId }),
  };
}
