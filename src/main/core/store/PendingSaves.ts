import type { UnsavedWrite } from './unsavedWrites';

/**
 * How a save is made: at once, or kept and retried through a full disk or a lock (PendingSaves).
 * `replaces`: a save that only the newest one matters of (the last rate-limit budgets of a
 * profile) takes the place of a waiting save with the same key instead of queueing behind it.
 * `unsaved`: the save described as data, so one still waiting at quit can be kept elsewhere.
 */
export interface SaveOptions {
  replaces?: string;
  unsaved?: UnsavedWrite;
}
export type PersistSave = (save: () => void, options?: SaveOptions) => void;

export interface PendingSavesDeps {
  /**
   * A failed save: the message for the person when it is a storage fault (full disk, lock,
   * read-only), null when it is not (a bug, which no retry would mend).
   */
  report: (error: unknown, options: { tell: boolean }) => string | null;
  /** A save that failed earlier went through in the end. */
  recovered: (count: number) => void;
  /** A save that failed for a reason other than storage: dropped, and told to the log. */
  onInternalError?: (error: unknown) => void;
  retryMs?: number;
}

/**
 * The end of an answer (its text, usage, finish) must outlive a full disk or a lock held by
 * another program: a save that fails is kept in memory, in order, and tried again every few
 * seconds while the app runs, and once more at quit. The text is on screen meanwhile, so freeing
 * some space is all the person has to do.
 */
export class PendingSaves {
  private readonly queue: {
    save: () => void;
    key: string | undefined;
    unsaved: UnsavedWrite | undefined;
  }[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: PendingSavesDeps) {}

  /** Saves now, or after the saves already waiting (their order is the history's order). */
  run(save: () => void, options: SaveOptions = {}): void {
    const { replaces: key, unsaved } = options;
    if (this.queue.length > 0) {
      const waiting = key === undefined ? undefined : this.queue.find((item) => item.key === key);
      if (waiting) Object.assign(waiting, { save, unsaved });
      else this.queue.push({ save, key, unsaved });
      return;
    }
    try {
      save();
    } catch (error) {
      if (this.deps.report(error, { tell: true }) === null) {
        this.deps.onInternalError?.(error);
        return;
      }
      this.queue.push({ save, key, unsaved });
      this.schedule();
    }
  }

  /** How many saves are waiting. */
  get size(): number {
    return this.queue.length;
  }

  /** The waiting saves that are described as data, in order. */
  unwritten(): UnsavedWrite[] {
    return this.queue.flatMap((entry) => (entry.unsaved ? [entry.unsaved] : []));
  }

  /** Tries the waiting saves in order, stopping at the first that still fails. */
  retry(): void {
    const before = this.queue.length;
    for (let entry = this.queue[0]; entry; entry = this.queue[0]) {
      try {
        entry.save();
      } catch (error) {
        // Still failing: the person was told when it first failed; quiet until it clears.
        if (this.deps.report(error, { tell: false }) !== null) break;
        this.deps.onInternalError?.(error);
      }
      this.queue.shift();
    }
    if (this.queue.length === 0) {
      this.stopTimer();
      if (before > 0) this.deps.recovered(before);
    }
  }

  /** Stops retrying (at quit, after a last retry). */
  close(): void {
    this.retry();
    this.stopTimer();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.retry(), this.deps.retryMs ?? 5_000);
    // A pending save must not keep a test or a quitting process alive on its own.
    this.timer.unref?.();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
