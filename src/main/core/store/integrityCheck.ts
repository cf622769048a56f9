import { statSync } from 'node:fs';
import type { SqliteDatabase } from './database';
import { storageFaultOf } from './storageFault';

/** The tables that hold the person's data; each is checked with its indexes. */
const tables = ['conversations', 'messages', 'usage_ledger', 'rate_limits', 'exchanges'];

export interface IntegrityCheckOptions {
  db: SqliteDatabase;
  file: string;
  /** Damage found: what SQLite said (a few lines). */
  onDamage: (detail: string) => void;
  /** After start, when the first screen is up (default 3 s). */
  delayMs?: number;
  /**
   * Larger files are not checked: the check blocks the main process while it reads a table
   * (about 1.3 ms per MB here), and a big history's damage is found when it is read anyway.
   */
  maxBytes?: number;
}

export type IntegrityVerdict = 'ok' | 'damaged' | 'skipped';

export interface IntegrityCheck {
  /** How it ended; never settles when cancelled before it started. */
  finished: Promise<IntegrityVerdict>;
  cancel(): void;
}

/**
 * A damaged history is otherwise found only when a bad page is read, which may be weeks later.
 * Shortly after start, SQLite's quick_check reads each table once, one table per turn of the
 * event loop so no single pause is long; damage turns the banner on before anything else
 * stumbles on it. `cancel` stops it (close calls it); `finished` says how it ended.
 */
export function scheduleIntegrityCheck(options: IntegrityCheckOptions): IntegrityCheck {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finished = new Promise<IntegrityVerdict>((resolve) => {
    timer = setTimeout(() => void run().then(resolve), options.delayMs ?? 3_000);
    timer.unref?.();
  });

  async function run(): Promise<IntegrityVerdict> {
    try {
      if (statSync(options.file).size > (options.maxBytes ?? 256 * 1024 * 1024)) return 'skipped';
    } catch {
      return 'skipped';
    }
    for (const table of tables) {
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled || !options.db.open) return 'skipped';
      try {
        const rows = options.db.pragma(`quick_check(${table})`) as { quick_check: string }[];
        const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
        if (problems.length > 0) {
          options.onDamage(problems.slice(0, 3).join('; '));
          return 'damaged';
        }
      } catch (error) {
        // Anything but damage (a lock, a closed database) is not a verdict: stop quietly.
        if (storageFaultOf(error)?.reason !== 'corrupt') return 'skipped';
        options.onDamage(error instanceof Error ? error.message : String(error));
        return 'damaged';
      }
    }
    return 'ok';
  }

  return {
    finished,
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}
