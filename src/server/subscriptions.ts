/**
 * Feed subscriptions: each feed is polled when subscribed and then on its interval, every
 * poll being an ordinary ingest job (already-stored items come back `unchanged`, so polling
 * is idempotent). Kept in memory: they last as long as the server process.
 */
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
    },
  ) {}

  add(url: string, intervalMinutes: number): SubscriptionT {
    const existing = [...this.subs.values()].find((s) => s.sub.url === url);
    if (existing) this.remove(existing.sub.id);
    const id = this.options.newId();
    const sub: SubscriptionT = { id, url, intervalMinutes, createdAt: this.options.now().toISOString() };
    const cancel = this.options.timers.every(intervalMinutes * 60_000, () => this.pollNow(id));
    this.subs.set(id, { sub, cancel });
    this.pollNow(id);
    return this.subs.get(id)!.sub;
  }

  pollNow(id: string): JobT | undefined {
    const entry = this.subs.get(id);
    if (!entry) return undefined;
    const job = this.options.poll(entry.sub.url);
    entry.sub = { ...entry.sub, lastPolledAt: this.options.now().toISOString(), lastJobId: job.id };
    return job;
  }

  remove(id: string): boolean {
    const entry = this.subs.get(id);
    if (!entry) return false;
    entry.cancel();
    this.subs.delete(id);
    return true;
  }

  list(): SubscriptionT[] {
    return [...this.subs.values()].map((e) => e.sub);
  }

  close(): void {
    for (const id of [...this.subs.keys()]) this.remove(id);
  }
}
