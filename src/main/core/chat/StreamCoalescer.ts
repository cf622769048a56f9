import type { StreamEvent } from '../../../shared/stream';

/** Default flush interval: at most ~60 messages a second per stream, whatever the token rate. */
export const DEFAULT_FLUSH_INTERVAL_MS = 1000 / 60;

/**
 * Buffers one stream's events and hands them on in batches no more often than every
 * `intervalMs`. Adjacent text (or reasoning) deltas are merged so a batch stays small.
 * A finish flushes at once: the end of an answer is never delayed.
 */
export class StreamCoalescer {
  private pending: StreamEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlushAt = -Infinity;

  constructor(
    private readonly deliver: (events: StreamEvent[]) => void,
    private readonly intervalMs = DEFAULT_FLUSH_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(event: StreamEvent): void {
    const last = this.pending[this.pending.length - 1];
    if (last && (event.type === 'text' || event.type === 'reasoning') && last.type === event.type) {
      this.pending[this.pending.length - 1] = { type: event.type, text: last.text + event.text };
    } else {
      this.pending.push(event);
    }
    if (event.type === 'finish') {
      this.flush();
      return;
    }
    if (this.timer) return;
    // Rounded up: timers fire on whole milliseconds, and early would exceed the rate.
    const wait = Math.max(0, Math.ceil(this.lastFlushAt + this.intervalMs - this.now()));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Delivers whatever is pending now. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.lastFlushAt = this.now();
    this.deliver(batch);
  }
}
