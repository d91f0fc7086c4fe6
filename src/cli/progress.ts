/**
 * Batch progress for the terminal: a bar with pages/s and ETA on a TTY, one plain log
 * line per item otherwise (CI logs, pipes), so long batches are never silent.
 */
import cliProgress from 'cli-progress';
import type { BatchItemResult } from '../batch.js';
import { truncate } from './render.js';

export interface ProgressReporter {
  item(result: BatchItemResult): void;
  stop(): void;
}

export function createProgressReporter(options: { tty: boolean; total?: number; write: (line: string) => void; now: () => number }): ProgressReporter {
  return options.tty ? new BarReporter(options.total, options.now) : new LineReporter(options.write);
}

class LineReporter implements ProgressReporter {
  constructor(private readonly write: (line: string) => void) {}
  item(result: BatchItemResult): void {
    this.write(describeResult(result));
  }
  stop(): void {}
}

class BarReporter implements ProgressReporter {
  readonly #bar: cliProgress.SingleBar;
  readonly #started: number;
  #done = 0;
  #failed = 0;
  readonly #knownTotal: boolean;

  constructor(total: number | undefined, private readonly now: () => number) {
    this.#knownTotal = total !== undefined;
    const format = this.#knownTotal
      ? '{bar} {value}/{total} | {rate} pages/s | ETA {eta_formatted} | {failed} failed'
      : '{value} pages | {rate} pages/s | {failed} failed';
    this.#bar = new cliProgress.SingleBar(
      { format, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 10 },
      cliProgress.Presets.shades_classic,
    );
    this.#started = now();
    this.#bar.start(total ?? 0, 0, { rate: '0.0', failed: 0 });
  }

  item(result: BatchItemResult): void {
    this.#done++;
    if (result.status === 'failed') this.#failed++;
    const seconds = Math.max(1e-3, (this.now() - this.#started) / 1000);
    if (!this.#knownTotal && this.#done > this.#bar.getTotal()) this.#bar.setTotal(this.#done);
    this.#bar.update(this.#done, { rate: (this.#done / seconds).toFixed(1), failed: this.#failed });
  }

  stop(): void {
    this.#bar.stop();
  }
}

export function describeResult(result: BatchItemResult): string {
  switch (result.status) {
    case 'stored':
      return `stored     ${result.id.slice(0, 12)}  ${truncate(result.title ?? '(untitled)', 60)}  <- ${result.origin}${result.warning ? `\n           warning: ${result.warning}` : ''}`;
    case 'unchanged':
      return `unchanged  ${result.id.slice(0, 12)}  already stored  <- ${result.origin}`;
    case 'failed':
      return `failed     ${withOrigin(result.origin, result.message)} [${result.rule}]`;
    case 'skipped':
      return `skipped    ${withOrigin(result.origin, result.message)} [${result.rule}]`;
  }
}

/** Ingest messages usually name their file or URL already; prefix the origin only when they do not. */
export function withOrigin(origin: string, message: string): string {
  return message.includes(origin) ? message : `${origin}: ${message}`;
}
